#ifndef TWITTER_LIB_CORE_STREAM_RECONNECT_HPP
#define TWITTER_LIB_CORE_STREAM_RECONNECT_HPP

// When a stream reconnects: X's schedules per class of failure (see stream_reconnect_policy). Pure: the
// stream reports how each attempt ended and waits as long as this says.

#include <twitter/error.hpp>
#include <twitter/retry.hpp>

#include <chrono>
#include <optional>

namespace twitter::core {

enum class stream_failure {
    network,       // no answer: DNS, TCP, TLS, timeouts, a dropped or stalled connection, a line too long
    http,          // a status worth retrying later: 5xx (and any 2xx other than 200, 3xx)
    rate_limited,  // 429 (TooManyConnections and rate limits), and the legacy 420
    fatal,         // any other 4xx, or an error no wait can fix (a missing credential, a bad URL)
};

// The class of an attempt that ended with `ec` (transport, protocol or client errors) or, when `ec` is
// clear, with HTTP `status`.
stream_failure classify_stream_failure(error_code const& ec, unsigned status) noexcept;

class reconnect_schedule {
public:
    explicit reconnect_schedule(stream_reconnect_policy const& policy);

    // A connection answered 200 and delivered at least one byte: the schedules start over, and its end
    // is followed by an immediate reconnection.
    void on_healthy() noexcept;

    // How long to wait before the next attempt after one that failed (or after a healthy connection
    // ended, when `what` describes how it ended). Empty: give up (a fatal failure, or a failure after
    // max_retries retries in a row).
    std::optional<std::chrono::milliseconds> on_failure(stream_failure what) noexcept;

    // Failed attempts since the last healthy connection.
    unsigned consecutive_failures() const noexcept;

private:
    stream_reconnect_policy policy_;
    bool reconnect_at_once_ = false;  // the last connection was healthy
    unsigned failures_ = 0;
    unsigned network_ = 0;
    unsigned http_ = 0;
    unsigned rate_limited_ = 0;
};

}  // namespace twitter::core

#endif
