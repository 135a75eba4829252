#ifndef TWITTER_LIB_EMULATOR_RATE_LIMITS_HPP
#define TWITTER_LIB_EMULATOR_RATE_LIMITS_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace twitter::emulator::detail {

// What goes into the x-rate-limit-* headers.
struct rate_limit_state {
    std::size_t limit = 0;
    std::size_t remaining = 0;
    std::int64_t reset = 0;  // Unix time in seconds when the window ends
    bool allowed = true;     // false: the request is over budget and must be answered 429
};

// Fixed windows per (family, credential), as X counts them. A family is an endpoint, or the endpoints that
// share one budget; each has its own limit, or `per_window` when it has none. The window opens at the first
// request. Pure: the caller passes the time.
class rate_limiter {
public:
    using clock = std::chrono::system_clock;
    using limit_map = std::map<std::string, std::size_t, std::less<>>;

    rate_limiter(std::size_t per_window, std::chrono::seconds window, limit_map family_limits = {})
        : per_window_(per_window), window_(window), family_limits_(std::move(family_limits)) {}

    // The budget of one window for `family`.
    std::size_t limit_of(std::string_view family) const;

    // Spends one request from the bucket, unless it is empty.
    rate_limit_state consume(std::string_view family, std::string_view credential, clock::time_point now);
    // The bucket as it stands, without spending; for answers that do not count (401, 404).
    rate_limit_state peek(std::string_view family, std::string_view credential, clock::time_point now) const;

private:
    struct bucket {
        clock::time_point reset;
        std::size_t used = 0;
    };
    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using credential_map = std::unordered_map<std::string, bucket, string_hash, std::equal_to<>>;

    rate_limit_state state_of(bucket const& b, std::size_t limit) const;

    std::size_t per_window_;
    std::chrono::seconds window_;
    limit_map family_limits_;
    std::unordered_map<std::string, credential_map, string_hash, std::equal_to<>> buckets_;
};

}  // namespace twitter::emulator::detail

#endif
