#include "emulator/rate_limits.hpp"

namespace twitter::emulator::detail {

rate_limit_state rate_limiter::state_of(bucket const& b) const {
    rate_limit_state s;
    s.limit = per_window_;
    s.remaining = b.used >= per_window_ ? 0 : per_window_ - b.used;
    s.reset = std::chrono::duration_cast<std::chrono::seconds>(b.reset.time_since_epoch()).count();
    return s;
}

rate_limit_state rate_limiter::consume(std::string_view endpoint, std::string_view credential,
                                       clock::time_point now) {
    auto by_endpoint = buckets_.find(endpoint);
    if (by_endpoint == buckets_.end()) {
        by_endpoint = buckets_.emplace(std::string(endpoint), credential_map{}).first;
    }
    auto& credentials = by_endpoint->second;
    auto it = credentials.find(credential);
    if (it == credentials.end()) {
        it = credentials.emplace(std::string(credential), bucket{now + window_, 0}).first;
    }
    auto& b = it->second;
    if (now >= b.reset) {
        b = bucket{now + window_, 0};
    }
    if (b.used >= per_window_) {
        auto s = state_of(b);
        s.allowed = false;
        return s;
    }
    ++b.used;
    return state_of(b);
}

rate_limit_state rate_limiter::peek(std::string_view endpoint, std::string_view credential,
                                    clock::time_point now) const {
    bucket fresh{now + window_, 0};
    auto const by_endpoint = buckets_.find(endpoint);
    if (by_endpoint == buckets_.end()) {
        return state_of(fresh);
    }
    auto const it = by_endpoint->second.find(credential);
    if (it == by_endpoint->second.end() || now >= it->second.reset) {
        return state_of(fresh);
    }
    return state_of(it->second);
}

}  // namespace twitter::emulator::detail
