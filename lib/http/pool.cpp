#include "http/pool.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace twitter::detail {

namespace asio = boost::asio;

struct connection_pool::waiter {
    asio::steady_timer timer;
    std::unique_ptr<connection> handed;  // a connection given straight to this waiter
    bool woken = false;                  // handed one, or a slot was freed, or the pool closed
};

connection_pool::connection_pool(asio::any_io_executor strand, origin where, std::shared_ptr<tls_context> tls,
                                 pool_params const& params, timeout_params const& timeouts)
    : strand_(std::move(strand)),
      where_(std::move(where)),
      tls_(std::move(tls)),
      params_(params),
      timeouts_(timeouts) {}

connection_pool::~connection_pool() = default;

asio::awaitable<error_code> connection_pool::async_acquire(lease& out,
                                                           std::chrono::steady_clock::time_point deadline,
                                                           diagnostics* diag) {
    for (;;) {
        if (closed_) co_return client_errc::shutting_down;
        reap_idle();
        if (!idle_.empty()) {
            out = {std::move(idle_.back()), true};
            idle_.pop_back();
            co_return error_code{};
        }
        if (open_ < std::max<std::size_t>(params_.max_connections_per_host, 1)) {
            ++open_;
            ++opened_total_;
            auto conn = std::make_unique<connection>(strand_, tls_, where_);
            error_code ec = co_await conn->async_open(timeouts_, diag);
            if (ec) {
                --open_;
                wake_next();
                co_return ec;
            }
            out = {std::move(conn), false};
            co_return error_code{};
        }

        waiter self{asio::steady_timer(strand_, deadline), nullptr, false};
        auto const place = waiters_.insert(waiters_.end(), &self);
        auto [ec] = co_await self.timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (!self.woken) waiters_.erase(place);
        // A waiter that was cancelled says so, even if the pool closed or a connection came back meanwhile.
        bool const cancelled =
            (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
        if (cancelled) {
            release(std::move(self.handed));
            co_return asio::error::operation_aborted;
        }
        if (self.handed) {
            out = {std::move(self.handed), true};
            co_return error_code{};
        }
        if (self.woken) continue;
        co_return ec ? ec : error_code(transport_errc::request_timeout);
    }
}

void connection_pool::release(std::unique_ptr<connection> conn) {
    if (!conn) return;
    if (closed_ || !conn->reusable()) {
        conn->close();
        --open_;
        wake_next();
        return;
    }
    conn->idle_since = std::chrono::steady_clock::now();
    if (!waiters_.empty()) {
        waiter* next = waiters_.front();
        waiters_.pop_front();
        next->handed = std::move(conn);
        next->woken = true;
        next->timer.cancel();
        return;
    }
    idle_.push_back(std::move(conn));
}

void connection_pool::close() {
    closed_ = true;
    for (auto& conn : idle_) conn->close();
    open_ -= idle_.size();
    idle_.clear();
    while (!waiters_.empty()) wake_next();
}

asio::awaitable<void> connection_pool::async_close(std::chrono::steady_clock::duration timeout) {
    std::vector<std::unique_ptr<connection>> leaving = std::move(idle_);
    idle_.clear();
    open_ -= leaving.size();
    close();
    for (auto& conn : leaving) co_await conn->async_close_gracefully(timeout);
}

void connection_pool::reap_idle() {
    // idle_ is in release order, so the stale connections are a prefix of it.
    auto const cutoff = std::chrono::steady_clock::now() - params_.idle_timeout;
    auto const fresh = std::find_if(idle_.begin(), idle_.end(),
                                    [&](auto const& conn) { return conn->idle_since >= cutoff; });
    for (auto it = idle_.begin(); it != fresh; ++it) (*it)->close();
    open_ -= static_cast<std::size_t>(fresh - idle_.begin());
    idle_.erase(idle_.begin(), fresh);
}

void connection_pool::wake_next() {
    if (waiters_.empty()) return;
    waiter* next = waiters_.front();
    waiters_.pop_front();
    next->woken = true;
    next->timer.cancel();
}

pool_stats connection_pool::stats() const noexcept {
    return {open_, idle_.size(), waiters_.size(), opened_total_};
}

}  // namespace twitter::detail
