#ifndef TWITTER_RETRY_HPP
#define TWITTER_RETRY_HPP

// How the client waits and retries: after network errors and 5xx answers, and around rate limits.

#include <chrono>
#include <optional>

namespace twitter {

struct backoff_policy {
    std::chrono::milliseconds initial{1000};
    double multiplier = 2.0;
    std::chrono::milliseconds max{std::chrono::minutes(2)};  // the cap, jitter included
    // The share of each delay that is random: a delay lies in [nominal * (1 - jitter), nominal], so the cap
    // holds and clients that failed together spread out. Clamped to [0, 1].
    double jitter = 0.5;
};

// Retries of requests that failed on the way: a network error, or a 500, 502, 503 or 504. Only idempotent
// requests (GET, PUT, DELETE) are retried; a POST is never sent twice behind the caller's back, because
// the first one may have taken effect.
struct retry_policy {
    unsigned max_retries = 3;  // after the first attempt; 0 turns retrying off
    backoff_policy backoff{std::chrono::milliseconds(250), 2.0, std::chrono::seconds(8), 0.5};
};

struct rate_limit_policy {
    bool wait_on_rate_limit = false;  // Tweepy's wait_on_rate_limit: a 429 waits for the reset and retries
    // Also wait before sending when the last answer from the same endpoint said none remain, instead of
    // collecting a 429 first.
    bool wait_when_exhausted = false;
    // Waiting longer than this returns the 429 instead (X's windows are 15 minutes; 24-hour limits are not
    // worth waiting for).
    std::chrono::milliseconds max_wait{std::chrono::minutes(16)};
    // Added to a wait for a known reset, scaled by a random sample, so clients that hit one limit together
    // do not all come back in the same second.
    std::chrono::milliseconds reset_jitter{std::chrono::seconds(2)};
    // With no usable reset header, waits follow this schedule instead (never a spin).
    backoff_policy backoff;
};

// How a stream reconnects, after X's guidance ("Handling disconnections", docs.x.com). A connection that
// answered 200 and delivered at least one byte is healthy: when it drops, the stream reconnects at once and
// every schedule starts over. Failed attempts back off by their class, each class on its own schedule:
//   network errors (DNS, TCP, TLS, a dropped or stalled connection): linear, network_step x n, up to network_max
//   HTTP errors worth retrying (5xx):          exponential from http_initial, doubling, up to http_max
//   429 (TooManyConnections, rate limits):     exponential from rate_limit_initial, doubling, up to rate_limit_max
// Any other 4xx (bad credentials, a malformed request) cannot succeed by waiting and ends the stream.
struct stream_reconnect_policy {
    std::chrono::milliseconds network_step{250};
    std::chrono::milliseconds network_max{std::chrono::seconds(16)};
    std::chrono::milliseconds http_initial{std::chrono::seconds(5)};
    std::chrono::milliseconds http_max{std::chrono::seconds(320)};
    std::chrono::milliseconds rate_limit_initial{std::chrono::minutes(1)};
    std::chrono::milliseconds rate_limit_max{std::chrono::minutes(16)};
    // Failed attempts in a row (a healthy connection ends the row) before the stream gives up with the last
    // error. Unset: it never gives up.
    std::optional<unsigned> max_retries;
};

}  // namespace twitter

#endif
