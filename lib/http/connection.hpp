#ifndef TWITTER_LIB_HTTP_CONNECTION_HPP
#define TWITTER_LIB_HTTP_CONNECTION_HPP

#include "http/origin.hpp"
#include "http/tls_context.hpp"

#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>
#include <twitter/http/response.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>
#include <string_view>
#include <vector>

namespace twitter::detail {

// A request as it goes on the wire: every part already encoded.
struct wire_request {
    std::string_view method;
    std::string_view target;  // origin-form: path and query
    std::vector<http::header> const& headers;  // Host and the rest, in order
    std::string_view body;
};

// One HTTP/1.1 connection, plain or TLS, used by one request at a time. The only place that sees Beast.
class connection {
public:
    connection(boost::asio::any_io_executor ex, std::shared_ptr<tls_context> tls, origin where);
    ~connection();
    connection(connection const&) = delete;
    connection& operator=(connection const&) = delete;

    // Resolves, connects and, for https, handshakes and verifies the certificate against the host name.
    boost::asio::awaitable<error_code> async_open(timeout_params const& timeouts, diagnostics* diag);

    // Writes the request and reads the whole response into `out`, body decompressed.
    // `response_started` tells whether any byte of a response arrived: if none did on a reused connection,
    // the server most likely closed it while idle, and an idempotent request may be sent again.
    boost::asio::awaitable<error_code> async_exchange(wire_request const& req,
                                                      std::chrono::steady_clock::duration timeout,
                                                      std::size_t max_body_size, http::response& out,
                                                      bool& response_started, diagnostics* diag);

    // The start of a streaming exchange: writes the request and reads the response head into `out` within
    // `timeout`. A 200's body is then read piece by piece with async_read_stream. Any other status's body is
    // read whole into out.body (up to `max_error_body`), and the connection is not reused.
    boost::asio::awaitable<error_code> async_start_stream(wire_request const& req,
                                                          std::chrono::steady_clock::duration timeout,
                                                          std::size_t max_error_body, http::response& out,
                                                          diagnostics* diag);

    // Appends the next bytes of a streaming body, chunked framing removed, to `out`. stream_stalled when no
    // byte arrives within `stall_timeout`; connection_closed when the body or the connection ends.
    boost::asio::awaitable<error_code> async_read_stream(std::string& out,
                                                         std::chrono::steady_clock::duration stall_timeout);

    // Open, and the last response allowed keep-alive.
    bool reusable() const noexcept;
    // Closes the socket at once; any pending operation completes with operation_aborted.
    void close() noexcept;
    // Says goodbye first: a TLS close_notify, waiting at most `timeout` for the peer's, then closes.
    boost::asio::awaitable<void> async_close_gracefully(std::chrono::steady_clock::duration timeout);

    origin const& where() const noexcept;
    std::chrono::steady_clock::time_point idle_since{};

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace twitter::detail

#endif
