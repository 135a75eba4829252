#ifndef TWITTER_V2_STREAM_HPP
#define TWITTER_V2_STREAM_HPP

// X's v2 streams, Tweepy's StreamingClient: the filtered stream (GET /2/tweets/search/stream, whose rules are
// managed with client::async_add_rules and friends) and the sample stream (GET /2/tweets/sample/stream).
//
// A `stream` owns its connection. `async_run` connects, reads and reconnects by X's rules until it is
// cancelled, stopped, or the stream cannot go on; `async_read_event` takes the next event out of a bounded
// buffer. When the buffer is full the stream stops reading the socket (the server sees back-pressure), or,
// with when_full::drop_oldest, drops the oldest event and counts it. Both operations may run at once, from
// any thread.

#include <twitter/client.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>
#include <twitter/retry.hpp>
#include <twitter/v2/models.hpp>
#include <twitter/v2/requests.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::v2 {

// The filtered-stream rule that made the stream deliver a Tweet.
struct matching_rule {
    std::string id;
    std::string tag;
};

// One line of a stream: a Tweet with what its expansions pulled in and the rules it matched, or errors
// alone (X's "operational-disconnect" comes as one, just before the server closes the connection).
struct stream_event {
    std::optional<tweet> data;
    v2::includes includes;
    std::vector<matching_rule> matching_rules;  // filtered stream only
    std::vector<api_error> errors;
    std::string raw_json;  // the line as received
    // Events the buffer dropped (when_full::drop_oldest) between the one delivered before and this one.
    std::uint64_t dropped_before = 0;
};

// Fills `out` from one line of a stream (without its line terminator). A line that is not a JSON object,
// or whose members have the wrong shape, is protocol_errc::malformed_json.
error_code parse(std::string_view line, stream_event& out);

// The query of both streams.
struct stream_params {
    tweet_fields_params fields{};
    // Ask X to send again up to this many minutes (1 to 5) of Tweets missed while disconnected. X offers it
    // on some access levels only; it is sent on the first connection and on every reconnection.
    std::optional<unsigned> backfill_minutes{};
};

// GET /2/tweets/search/stream and GET /2/tweets/sample/stream (app-only bearer), for stream's constructor.
http::request filter_stream(stream_params const& params = {});
http::request sample_stream(stream_params const& params = {});

enum class when_full {
    wait,         // stop reading until the consumer takes an event: nothing is lost, the server sees the lag
    drop_oldest,  // keep reading and drop the oldest buffered event: the consumer sees the freshest
};

struct stream_config {
    std::size_t buffer_capacity = 1024;  // events; at least 1
    when_full overflow = when_full::wait;
    // X sends a keep-alive every 20 s; this long without a byte means the connection is dead.
    std::chrono::milliseconds stall_timeout{std::chrono::seconds(20)};
    std::size_t max_line_size = 4 * 1024 * 1024;
    stream_reconnect_policy reconnect{};
};

// Counters since the stream was made. Safe to read from any thread.
struct stream_stats {
    std::uint64_t connection_attempts = 0;
    std::uint64_t connections = 0;  // attempts answered with 200
    std::uint64_t events_received = 0;
    std::uint64_t events_delivered = 0;
    std::uint64_t events_dropped = 0;    // by when_full::drop_oldest
    std::uint64_t malformed_lines = 0;   // lines that did not parse, skipped
    std::uint64_t keep_alives = 0;
    std::uint64_t bytes_received = 0;   // of the bodies, after chunked framing
    std::size_t buffered = 0;           // events waiting for async_read_event now
    std::size_t max_buffered = 0;       // the most that ever waited at once
    error_code last_error;              // why the last connection ended or failed
    unsigned last_status = 0;           // the HTTP status of the last attempt that got one
    std::chrono::milliseconds last_backoff{0};  // the last wait before reconnecting
};

namespace detail {
struct stream_impl;
using stream_run_handler = boost::asio::any_completion_handler<void(error_code)>;
using stream_event_handler = boost::asio::any_completion_handler<void(error_code, stream_event)>;
void async_run(std::shared_ptr<stream_impl> const& impl, diagnostics* diag, stream_run_handler handler);
void async_read_event(std::shared_ptr<stream_impl> const& impl, diagnostics* diag, stream_event_handler handler);
}  // namespace detail

class stream {
public:
    // A stream of `request` (filter_stream or sample_stream, or a request of your own to another streaming
    // endpoint), sent with the client's credentials. The stream shares the client's connection settings,
    // clock and executor, and keeps what it needs of the client alive.
    stream(client& c, http::request request, stream_config config = {});
    // Stops the stream.
    ~stream();
    stream(stream&&) noexcept;
    stream& operator=(stream&&) noexcept;

    // Connects and keeps the stream connected, reconnecting as config.reconnect says. Completes with
    // operation_aborted when cancelled or stopped; with the error when an answer cannot be fixed by waiting
    // (a 401, a 403, any other 4xx but 429: `diag` holds X's error) or when max_retries attempts in a row
    // failed. It runs once: a second call completes with client_errc::invalid_argument.
    template <boost::asio::completion_token_for<void(error_code)> CompletionToken = default_token>
    auto async_run(CompletionToken&& token = {}) {
        return run_impl(nullptr, std::forward<CompletionToken>(token));
    }
    template <boost::asio::completion_token_for<void(error_code)> CompletionToken = default_token>
    auto async_run(diagnostics& diag, CompletionToken&& token = {}) {
        return run_impl(&diag, std::forward<CompletionToken>(token));
    }

    // The next event, in order. Waits while the buffer is empty. Once async_run has completed and the
    // buffer is drained, completes with the error async_run completed with.
    template <boost::asio::completion_token_for<void(error_code, stream_event)> CompletionToken = default_token>
    auto async_read_event(CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, stream_event)>(
            [](auto handler, diagnostics* d, std::shared_ptr<detail::stream_impl> const& impl) {
                detail::async_read_event(impl, d, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), impl_);
    }

    // Ends async_run with operation_aborted and closes the connection; buffered events can still be read.
    // Safe from any thread.
    void stop();

    stream_stats stats() const;

private:
    template <class CompletionToken>
    auto run_impl(diagnostics* diag, CompletionToken&& token) {
        return boost::asio::async_initiate<CompletionToken, void(error_code)>(
            [](auto handler, diagnostics* d, std::shared_ptr<detail::stream_impl> const& impl) {
                detail::async_run(impl, d, std::move(handler));
            },
            token, diag, impl_);
    }

    std::shared_ptr<detail::stream_impl> impl_;
};

}  // namespace twitter::v2

#endif
