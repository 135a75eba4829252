#ifndef TWITTER_CORE_BACKOFF_HPP
#define TWITTER_CORE_BACKOFF_HPP

// Pure retry timing: how long to wait before a retry, and what to do about rate limits. Time and randomness
// come in as arguments (`now`, and `u`, a uniform sample in [0, 1)), so every decision is reproducible.

#include <twitter/diagnostics.hpp>
#include <twitter/retry.hpp>

#include <chrono>
#include <cstdint>
#include <optional>

namespace twitter::core {

using twitter::backoff_policy;
using twitter::rate_limit_policy;

// The wait before retry number `attempt` (0 for the first retry): nominal = min(max, initial *
// multiplier^attempt), minus up to `jitter` of it, as `u` says (u = 0 waits the full nominal delay). Never
// less than 1 ms, so a misconfigured policy cannot spin.
std::chrono::milliseconds backoff_delay(backoff_policy const& policy, unsigned attempt, double u) noexcept;

struct rate_limit_decision {
    enum class action {
        proceed,  // send (or retry) now
        wait,     // wait `delay`, then send (or retry)
        give_up,  // report the 429
    };
    action what = action::proceed;
    std::chrono::milliseconds delay{0};
};

// After a 429. With wait_on_rate_limit: wait until `reset` (seconds since the Unix epoch), plus one second
// because the reset has whole-second resolution, plus jitter; if `reset` is unknown, wait backoff_delay for
// this `attempt` (0 for the first 429 in a row). A wait over max_wait, or wait_on_rate_limit off, gives up.
rate_limit_decision after_too_many_requests(rate_limit_policy const& policy,
                                            std::optional<std::int64_t> reset,
                                            std::chrono::system_clock::time_point now, unsigned attempt,
                                            double u) noexcept;

// Before sending, given the limits of the last response from the same endpoint: when none remain and the
// window has not reset yet, wait for the reset (plus margin and jitter, as above) instead of collecting a
// 429. Proceeds when requests remain, the window is over, wait_when_exhausted is off, or the wait would
// exceed max_wait: then the server answers, and a 429 goes through after_too_many_requests. Never gives up.
rate_limit_decision before_sending(rate_limit_policy const& policy, std::optional<rate_limit> const& last,
                                   std::chrono::system_clock::time_point now, double u) noexcept;

}  // namespace twitter::core

#endif
