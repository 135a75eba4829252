#include "core/backoff.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>

namespace twitter::core {
namespace {

using std::chrono::milliseconds;

double clamp_unit(double x) noexcept { return std::isnan(x) ? 0.0 : std::clamp(x, 0.0, 1.0); }

// The wait until a Unix-seconds reset, one second of margin included; negative when long past. The reset
// comes from a header, so it is clamped in seconds before any conversion that could overflow.
milliseconds until_reset(std::int64_t reset, std::chrono::system_clock::time_point now) noexcept {
    constexpr std::int64_t horizon = std::int64_t{100} * 365 * 24 * 3600;  // a century, far past any max_wait
    auto const now_s = std::chrono::floor<std::chrono::seconds>(now);
    std::int64_t const count = now_s.time_since_epoch().count();
    std::int64_t const ahead = std::clamp(reset, count - horizon, count + horizon) - count;
    auto const into_second = std::chrono::duration_cast<milliseconds>(now - now_s);
    return std::chrono::seconds(ahead) - into_second + std::chrono::seconds(1);
}

rate_limit_decision wait_or_give_up(rate_limit_policy const& policy, milliseconds delay) noexcept {
    if (delay > policy.max_wait) return {rate_limit_decision::action::give_up, milliseconds(0)};
    return {rate_limit_decision::action::wait, delay};
}

milliseconds jitter_of(milliseconds span, double u) noexcept {
    return milliseconds(static_cast<std::int64_t>(static_cast<double>(span.count()) * clamp_unit(u)));
}

}  // namespace

milliseconds backoff_delay(backoff_policy const& policy, unsigned attempt, double u) noexcept {
    double const cap = static_cast<double>(std::max<std::int64_t>(policy.max.count(), 1));
    // Computed in double and capped before converting back, so a large attempt cannot overflow.
    double const nominal = std::min(cap, static_cast<double>(policy.initial.count()) *
                                             std::pow(std::max(policy.multiplier, 1.0), attempt));
    double const delay = nominal * (1.0 - clamp_unit(policy.jitter) * clamp_unit(u));
    return milliseconds(std::max<std::int64_t>(static_cast<std::int64_t>(delay), 1));
}

rate_limit_decision after_too_many_requests(rate_limit_policy const& policy,
                                            std::optional<std::int64_t> reset,
                                            std::chrono::system_clock::time_point now, unsigned attempt,
                                            double u) noexcept {
    if (!policy.wait_on_rate_limit) return {rate_limit_decision::action::give_up, milliseconds(0)};
    if (!reset) return wait_or_give_up(policy, backoff_delay(policy.backoff, attempt, u));
    // A reset already past (clock skew, or a slow answer) still waits the margin, never zero.
    milliseconds const base = std::max(until_reset(*reset, now), milliseconds(std::chrono::seconds(1)));
    return wait_or_give_up(policy, base + jitter_of(policy.reset_jitter, u));
}

rate_limit_decision before_sending(rate_limit_policy const& policy, std::optional<rate_limit> const& last,
                                   std::chrono::system_clock::time_point now, double u) noexcept {
    if (!last || last->remaining > 0) return {};
    milliseconds const base = until_reset(last->reset, now);
    if (!policy.wait_when_exhausted || base <= std::chrono::seconds(0)) return {};
    milliseconds const delay = base + jitter_of(policy.reset_jitter, u);
    // Too long to wait: send anyway and let the 429, if it comes, be reported as after_too_many_requests
    // says.
    if (delay > policy.max_wait) return {};
    return {rate_limit_decision::action::wait, delay};
}

}  // namespace twitter::core
