#include "core/rate_limit_headers.hpp"

#include <charconv>
#include <string_view>

namespace twitter::core {
namespace {

template <class Int>
bool read_number(std::string_view text, Int& out) {
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty() && text.front() != '-';
}

}  // namespace

std::optional<rate_limit> parse_rate_limit(std::span<http::header const> headers) noexcept {
    rate_limit out;
    int found = 0;  // one bit per header, so a repeated header cannot stand in for a missing one
    for (http::header const& h : headers) {
        bool ok = true;
        if (h.name == "x-rate-limit-limit") {
            ok = read_number(h.value, out.limit);
            found |= 1;
        } else if (h.name == "x-rate-limit-remaining") {
            ok = read_number(h.value, out.remaining);
            found |= 2;
        } else if (h.name == "x-rate-limit-reset") {
            ok = read_number(h.value, out.reset);
            found |= 4;
        }
        if (!ok) return std::nullopt;
    }
    if (found != 7) return std::nullopt;
    return out;
}

}  // namespace twitter::core
