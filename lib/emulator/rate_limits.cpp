#include "emulator/rate_limits.hpp"

namespace twitter::emulator::detail {

std::size_t rate_limiter::limit_of(std::string_view family) const {
    auto const it = family_limits_.find(family);
    return it == family_limits_.end() ? per_window_ : it->second;
}

rate_limit_state rate_limiter::state_of(bucket const& b, std::size_t limit) const {
    rate_limit_state s;
    s.limit = limit;
    s.remaining = b.used >= limit ? 0 : limit - b.used;
    s.reset = std::chrono::duration_cast<std::chrono::seconds>(b.reset.time_since_epoch()).count();
    return s;
}

rate_limit_state rate_limiter::consume(std::string_view family, std::string_view credential,
                                       clock::time_point now) {
    auto const limit = limit_of(family);
    auto by_family = buckets_.find(family);
    if (by_family == buckets_.end()) {
        by_family = buckets_.emplace(std::string(family), credential_map{}).first;
    }
    auto& credentials = by_family->second;
    auto it = credentials.find(credential);
    if (it == credentials.end()) {
        it = credentials.emplace(std::string(credential), bucket{now + window_, 0}).first;
    }
    auto& b = it->second;
    if (now >= b.reset) {
        b = bucket{now + window_, 0};
    }
    if (b.used >= limit) {
        auto s = state_of(b, limit);
        s.allowed = false;
        return s;
    }
    ++b.used;
    return state_of(b, limit);
}

rate_limit_state rate_limiter::peek(std::string_view family, std::string_view credential,
                                    clock::time_point now) const {
    auto const limit = limit_of(family);
    bucket fresh{now + window_, 0};
    auto const by_family = buckets_.find(family);
    if (by_family == buckets_.end()) {
        return state_of(fresh, limit);
    }
    auto const it = by_family->second.find(credential);
    if (it == by_family->second.end() || now >= it->second.reset) {
        return state_of(fresh, limit);
    }
    return state_of(it->second, limit);
}

}  // namespace twitter::emulator::detail
