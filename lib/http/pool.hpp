#ifndef TWITTER_LIB_HTTP_POOL_HPP
#define TWITTER_LIB_HTTP_POOL_HPP

#include "http/connection.hpp"
#include "http/origin.hpp"
#include "http/tls_context.hpp"

#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <list>
#include <memory>
#include <vector>

namespace twitter::detail {

struct pool_stats {
    std::size_t open = 0;     // connections open or opening
    std::size_t idle = 0;     // of those, waiting in the pool
    std::size_t waiting = 0;  // requests waiting for a connection
    std::size_t opened_total = 0;
};

// The keep-alive connections to one origin. At most max_connections_per_host are open at once; a request
// that finds none free waits, in order of arrival. Connections open lazily and an idle one that has waited
// past idle_timeout is closed when a request next needs one.
// Every member runs on the client's strand: no locks.
class connection_pool {
public:
    connection_pool(boost::asio::any_io_executor strand, origin where, std::shared_ptr<tls_context> tls,
                    pool_params const& params, timeout_params const& timeouts);
    ~connection_pool();

    struct lease {
        std::unique_ptr<connection> conn;
        bool reused = false;  // it had served a request before
    };

    // Borrows a connection: an idle one, else a new one, else the next one given back.
    // Waiting counts against `deadline`, which ends in transport_errc::request_timeout.
    boost::asio::awaitable<error_code> async_acquire(lease& out, std::chrono::steady_clock::time_point deadline,
                                                     diagnostics* diag);
    // Gives a connection back. One that cannot serve another request is closed and its slot freed.
    void release(std::unique_ptr<connection> conn);

    // Closes every idle connection and fails every waiter; connections on loan close when given back.
    void close();
    // close(), but each idle connection says goodbye first (connection::async_close_gracefully).
    boost::asio::awaitable<void> async_close(std::chrono::steady_clock::duration timeout);

    pool_stats stats() const noexcept;
    origin const& where() const noexcept { return where_; }

private:
    struct waiter;
    void reap_idle();
    void wake_next();

    boost::asio::any_io_executor strand_;
    origin where_;
    std::shared_ptr<tls_context> tls_;
    pool_params params_;
    timeout_params timeouts_;
    std::vector<std::unique_ptr<connection>> idle_;  // most recently used last
    std::list<waiter*> waiters_;
    std::size_t open_ = 0;
    std::size_t opened_total_ = 0;
    bool closed_ = false;
};

}  // namespace twitter::detail

#endif
