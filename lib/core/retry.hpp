#ifndef TWITTER_CORE_RETRY_HPP
#define TWITTER_CORE_RETRY_HPP

// Pure decisions of the request pipeline: whether a failed attempt is tried again, and which rate-limit
// bucket a request counts against.

#include <twitter/error.hpp>
#include <twitter/http/request.hpp>
#include <twitter/retry.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace twitter::core {

// After a failed attempt, the wait before trying again, or nothing when the failure is final. `failure` is
// the transport or protocol error (none when a response arrived) and `status` the HTTP status (0 when none
// arrived). Only idempotent methods are retried, only for failures that can pass (network errors, timeouts,
// a truncated body, 500, 502, 503, 504), and at most policy.max_retries times. `u` in [0, 1) is the jitter.
std::optional<std::chrono::milliseconds> retry_delay(retry_policy const& policy, http::verb method,
                                                     error_code const& failure, unsigned status,
                                                     unsigned retries_done, double u) noexcept;

// The rate-limit bucket of a request, as X documents endpoints: "GET /2/users/:id/followers". Path segments
// made of digits become ":id" (a trailing ".json" kept), and the segment after "by/username" becomes
// ":username", so every id shares its endpoint's bucket.
std::string endpoint_key(http::verb method, std::string_view path);

// A uniform sample in [0, 1) for jitter; not for secrets.
double jitter_sample() noexcept;

}  // namespace twitter::core

#endif
