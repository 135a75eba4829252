// Ending a client: gracefully (client::async_shutdown) or at once (its destruction).

#include <twitter/client.hpp>

#include "client/client_impl.hpp"
#include "client/shutdown.hpp"
#include "client/spawn.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace twitter::detail {

namespace asio = boost::asio;
using steady = std::chrono::steady_clock;

namespace {

// A TLS close_notify is a courtesy: a peer that does not answer it within this long is not waited for.
constexpr auto goodbye_timeout = std::chrono::seconds(1);
// How often a shutdown looks whether the operations have ended: they remove themselves from any strand.
constexpr auto poll_interval = std::chrono::milliseconds(2);

// Waits until no operation is left or `deadline` passes; true when none is left.
asio::awaitable<bool> drained_by(client_impl& self, steady::time_point deadline) {
    asio::steady_timer timer(self.strand);
    while (self.operations.size() > 0) {
        auto const now = steady::now();
        if (now >= deadline) co_return false;
        timer.expires_after(std::min<steady::duration>(poll_interval, deadline - now));
        co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    co_return true;
}

asio::awaitable<std::tuple<error_code>> shut_down(std::shared_ptr<client_impl> self,
                                                   std::chrono::milliseconds grace) {
    self->operations.close();
    self->operations.cancel(operation_registry::kind::stream);
    if (!co_await drained_by(*self, steady::now() + grace)) {
        self->operations.cancel(operation_registry::kind::call);
        // Cancelled operations end promptly; the bound only guards against one that does not.
        co_await drained_by(*self, steady::now() + grace + goodbye_timeout);
    }
    for (auto& pool : self->pools) co_await pool->async_close(goodbye_timeout);
    co_return std::tuple(error_code{});
}

}  // namespace

void async_shutdown(std::shared_ptr<client_impl> const& impl, std::chrono::milliseconds grace,
                    asio::any_completion_handler<void(error_code)> handler) {
    spawn_operation(impl->strand, impl->executor, shut_down(impl, grace), std::move(handler));
}

void abandon(std::shared_ptr<client_impl> const& impl) {
    impl->operations.close();
    impl->operations.cancel(operation_registry::kind::stream);
    impl->operations.cancel(operation_registry::kind::call);
    asio::post(impl->strand, [impl] {
        for (auto& pool : impl->pools) pool->close();
    });
}

}  // namespace twitter::detail
