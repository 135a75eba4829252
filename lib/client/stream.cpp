#include <twitter/v2/stream.hpp>

#include "client/client_impl.hpp"
#include "client/pipeline.hpp"
#include "client/prepared_request.hpp"
#include "client/tracked_operation.hpp"
#include "core/api_errors.hpp"
#include "core/rate_limit_headers.hpp"
#include "core/retry.hpp"
#include "core/stream_lines.hpp"
#include "core/stream_reconnect.hpp"
#include "http/connection.hpp"

#include <boost/asio/append.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <deque>
#include <mutex>

namespace twitter::v2 {
namespace detail {

namespace asio = boost::asio;
using twitter::detail::client_impl;
using twitter::detail::connection;

namespace {
// The body of a refused connection (X's problem JSON) is small; more than this is not an error message.
constexpr std::size_t max_error_body = 64 * 1024;
}  // namespace

// A stream's state. Everything but the constants and `stats` is touched only on the client's strand.
struct stream_impl {
    stream_impl(std::shared_ptr<client_impl> c, http::request req, stream_config cfg)
        : client(std::move(c)),
          request(std::move(req)),
          config(std::move(cfg)),
          event_ready(client->strand, asio::steady_timer::time_point::max()),
          space_ready(client->strand, asio::steady_timer::time_point::max()) {
        config.buffer_capacity = std::max<std::size_t>(config.buffer_capacity, 1);
    }

    std::shared_ptr<client_impl> const client;
    http::request const request;
    stream_config config;

    std::deque<stream_event> buffer;
    std::uint64_t dropped_since_delivery = 0;
    // Never expire: waiting on one is waiting for a cancel(), which is how the other side says "look again".
    asio::steady_timer event_ready;
    asio::steady_timer space_ready;

    bool started = false;
    bool finished = false;
    bool stop_requested = false;
    error_code final_error;
    diagnostics final_diag;
    std::shared_ptr<connection> open_connection;
    asio::cancellation_signal stop_signal;

    mutable std::mutex stats_mutex;
    stream_stats stats;

    template <class Change>
    void update_stats(Change change) {
        std::lock_guard lock(stats_mutex);
        change(stats);
    }

    // On the strand.
    void stop() {
        stop_requested = true;
        if (open_connection) open_connection->close();
        stop_signal.emit(asio::cancellation_type::all);
        space_ready.cancel();
        if (!started) finish(asio::error::operation_aborted, {});
    }

    void finish(error_code ec, diagnostics const& diag) {
        finished = true;
        final_error = ec;
        final_diag = diag;
        event_ready.cancel();
    }
};

namespace {

asio::awaitable<bool> cancelled() {
    co_return (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
}

void request_stop(std::shared_ptr<stream_impl> const& impl) {
    asio::post(impl->client->strand, [impl] { impl->stop(); });
}

// Puts an event in the buffer, waiting for room or dropping the oldest as configured. operation_aborted
// when the stream stops while it waits.
asio::awaitable<error_code> deliver(stream_impl& self, stream_event event) {
    while (self.buffer.size() >= self.config.buffer_capacity) {
        if (self.config.overflow == when_full::drop_oldest) {
            self.buffer.pop_front();
            ++self.dropped_since_delivery;
            self.update_stats([](stream_stats& s) { ++s.events_dropped; });
            break;
        }
        co_await self.space_ready.async_wait(asio::as_tuple(asio::use_awaitable));
        if (self.stop_requested || co_await cancelled()) co_return asio::error::operation_aborted;
    }
    self.buffer.push_back(std::move(event));
    self.update_stats([n = self.buffer.size()](stream_stats& s) {
        s.buffered = n;
        s.max_buffered = std::max(s.max_buffered, n);
    });
    self.event_ready.cancel();
    co_return error_code{};
}

// How one connection went: the error or status that ended it, and whether it was healthy.
struct connection_outcome {
    error_code ec;
    unsigned status = 0;
};

// Opens one connection and reads it until it ends. Calls schedule.on_healthy() at the first byte of a 200.
asio::awaitable<connection_outcome> connect_and_read(stream_impl& self, auth_handler* auth,
                                                     twitter::detail::prepared_request const& prepared,
                                                     std::string const& limits_key,
                                                     core::reconnect_schedule& schedule, diagnostics& diag) {
    client_impl& client = *self.client;
    connection_outcome outcome;
    self.update_stats([](stream_stats& s) { ++s.connection_attempts; });

    http::response head;
    std::shared_ptr<connection> conn;
    outcome.ec = co_await twitter::detail::authorized_attempt(
        auth, prepared, self.request, head, [&](std::string authorization) -> asio::awaitable<error_code> {
            if (conn) conn->close();
            conn = std::make_shared<connection>(client.strand, client.tls, prepared.where);
            self.open_connection = conn;
            if (self.stop_requested) co_return asio::error::operation_aborted;
            if (error_code ec = co_await conn->async_open(client.config.timeouts, &diag)) co_return ec;
            // A stop() that came while the connection was resolving, before it had a socket to close, found
            // nothing to cancel: without this check the stream would go on, and keep-alives keep it going.
            if (self.stop_requested) co_return asio::error::operation_aborted;
            auto const headers =
                twitter::detail::make_headers(client, prepared, self.request, std::move(authorization), false);
            twitter::detail::wire_request const wire{http::to_string(self.request.method), prepared.target,
                                                     headers, prepared.body};
            co_return co_await conn->async_start_stream(wire, client.config.timeouts.request, max_error_body,
                                                        head, &diag);
        });
    if (!outcome.ec) {
        outcome.status = head.status;
        twitter::detail::record_limits(client, limits_key, core::parse_rate_limits(head.headers));
        diag.limits = core::parse_rate_limits(head.headers);
        if (head.status != 200) diag.errors = core::parse_api_errors(head.body);
    }
    self.update_stats([&](stream_stats& s) {
        if (outcome.status) s.last_status = outcome.status;
        if (outcome.status == 200) ++s.connections;
    });

    if (!outcome.ec && outcome.status == 200) {
        core::line_splitter splitter(self.config.max_line_size);
        std::string chunk;
        bool healthy = false;
        while (!outcome.ec) {
            if (self.stop_requested) {
                outcome.ec = asio::error::operation_aborted;
                break;
            }
            chunk.clear();
            if ((outcome.ec = co_await conn->async_read_stream(chunk, self.config.stall_timeout))) break;
            if (!healthy) {
                healthy = true;
                schedule.on_healthy();
            }
            core::split_lines_result lines;
            outcome.ec = splitter.feed(chunk, lines);
            std::uint64_t malformed = 0;
            std::uint64_t received = 0;
            for (std::string_view const line : lines.lines) {
                stream_event event;
                if (parse(line, event)) {
                    ++malformed;
                    continue;
                }
                ++received;
                if (error_code dec = co_await deliver(self, std::move(event))) {
                    outcome.ec = dec;
                    break;
                }
            }
            self.update_stats([&](stream_stats& s) {
                s.bytes_received += chunk.size();
                s.keep_alives += lines.keep_alives;
                s.malformed_lines += malformed;
                s.events_received += received;
            });
        }
    }
    if (conn) conn->close();
    if (self.open_connection == conn) self.open_connection.reset();
    co_return outcome;
}

asio::awaitable<error_code> run(std::shared_ptr<stream_impl> impl, diagnostics& diag) {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_await asio::this_coro::reset_cancellation_state(asio::enable_total_cancellation());
    stream_impl& self = *impl;
    client_impl& client = *self.client;

    error_code ec;
    auth_handler* const auth = twitter::detail::select_auth(client, self.request.auth, ec, diag);
    if (ec) co_return ec;
    twitter::detail::prepared_request prepared;
    if ((ec = twitter::detail::prepare_request(self.request, client.config, prepared, &diag))) co_return ec;
    if (prepared.where.tls && !client.tls) {
        diag = client.tls_diag;
        co_return client.tls_error;
    }
    std::string const limits_key =
        core::endpoint_key(self.request.method, prepared.target.substr(0, prepared.target.find('?')));

    core::reconnect_schedule schedule(self.config.reconnect);
    for (;;) {
        diag.clear();
        connection_outcome const outcome = co_await connect_and_read(self, auth, prepared, limits_key, schedule, diag);
        if (self.stop_requested || co_await cancelled()) co_return asio::error::operation_aborted;

        error_code const ended = outcome.ec ? outcome.ec
                                 : outcome.status == 200 ? error_code(transport_errc::connection_closed)
                                                         : error_for_status(outcome.status);
        auto const delay = schedule.on_failure(core::classify_stream_failure(outcome.ec, outcome.status));
        self.update_stats([&](stream_stats& s) {
            s.last_error = ended;
            if (delay) s.last_backoff = *delay;
        });
        if (!delay) co_return ended ? ended : error_code(api_errc::unexpected_status);
        if (delay->count() > 0)
            if (error_code wec = co_await twitter::detail::wait_on_clock(client, *delay)) co_return wec;
        if (self.stop_requested) co_return asio::error::operation_aborted;
    }
}

asio::awaitable<std::tuple<error_code, stream_event>> read_one(std::shared_ptr<stream_impl> impl,
                                                               diagnostics* diag) {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_await asio::this_coro::reset_cancellation_state(asio::enable_total_cancellation());
    stream_impl& self = *impl;
    for (;;) {
        if (!self.buffer.empty()) {
            stream_event event = std::move(self.buffer.front());
            self.buffer.pop_front();
            event.dropped_before = std::exchange(self.dropped_since_delivery, 0);
            self.update_stats([n = self.buffer.size()](stream_stats& s) {
                ++s.events_delivered;
                s.buffered = n;
            });
            self.space_ready.cancel();
            co_return std::tuple{error_code{}, std::move(event)};
        }
        if (self.finished) {
            if (diag) *diag = self.final_diag;
            co_return std::tuple{self.final_error, stream_event{}};
        }
        co_await self.event_ready.async_wait(asio::as_tuple(asio::use_awaitable));
        if (co_await cancelled()) co_return std::tuple{error_code(asio::error::operation_aborted), stream_event{}};
    }
}

}  // namespace

void async_run(std::shared_ptr<stream_impl> const& impl, diagnostics* diag, stream_run_handler handler) {
    auto slot = asio::get_associated_cancellation_slot(handler);
    auto work = asio::prefer(asio::get_associated_executor(handler, impl->client->executor),
                             asio::execution::outstanding_work.tracked);
    auto fallback = impl->client->executor;
    asio::dispatch(impl->client->strand, [impl, diag, handler = std::move(handler), slot, work = std::move(work),
                                          fallback]() mutable {
        if (impl->started) {
            asio::post(fallback, asio::append(std::move(handler), error_code(client_errc::invalid_argument)));
            return;
        }
        impl->started = true;
        auto const id = impl->client->operations.add(twitter::detail::operation_registry::kind::stream,
                                                     [weak = std::weak_ptr(impl)] {
                                                         if (auto alive = weak.lock()) request_stop(alive);
                                                     });
        if (!id) {
            impl->finish(client_errc::shutting_down, {});
            asio::post(fallback, asio::append(std::move(handler), error_code(client_errc::shutting_down)));
            return;
        }
        // Left in place when the run ends (see docs/design/client-lifetime.md): it holds only a weak_ptr.
        if (slot.is_connected())
            slot.assign([weak = std::weak_ptr(impl)](asio::cancellation_type) {
                if (auto alive = weak.lock()) request_stop(alive);
            });
        auto owned_diag = std::make_shared<diagnostics>();
        auto complete = [impl, id = *id, diag, owned_diag, handler = std::move(handler), work = std::move(work),
                         fallback](std::exception_ptr error, error_code ec) mutable {
            if (error) ec = twitter::detail::exception_to_error(error);
            impl->client->operations.remove(id);
            impl->finish(ec, *owned_diag);
            if (diag) *diag = *owned_diag;
            asio::post(fallback, asio::append(std::move(handler), ec));
        };
        asio::co_spawn(impl->client->strand, run(impl, *owned_diag),
                       asio::bind_cancellation_slot(impl->stop_signal.slot(),
                                                    asio::bind_executor(impl->client->strand, std::move(complete))));
    });
}

void async_read_event(std::shared_ptr<stream_impl> const& impl, diagnostics* diag, stream_event_handler handler) {
    twitter::detail::spawn_client_operation<stream_event>(impl->client, impl->client->strand, read_one(impl, diag),
                                                          std::move(handler));
}

}  // namespace detail

stream::stream(client& c, http::request request, stream_config config)
    : impl_(std::make_shared<detail::stream_impl>(twitter::detail::impl_of(c), std::move(request),
                                                  std::move(config))) {}

stream::~stream() {
    if (impl_) detail::request_stop(impl_);
}

stream::stream(stream&&) noexcept = default;

stream& stream::operator=(stream&& other) noexcept {
    if (this != &other) {
        if (impl_) detail::request_stop(impl_);
        impl_ = std::move(other.impl_);
    }
    return *this;
}

void stream::stop() {
    if (impl_) detail::request_stop(impl_);
}

stream_stats stream::stats() const {
    if (!impl_) return {};  // moved from
    std::lock_guard lock(impl_->stats_mutex);
    return impl_->stats;
}

}  // namespace twitter::v2
