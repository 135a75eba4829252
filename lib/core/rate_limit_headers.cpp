#include "core/rate_limit_headers.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace twitter::core {
namespace {

template <class Int>
bool read_number(std::string_view text, Int& out) {
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty() && text.front() != '-';
}

bool iequals(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

// The three headers `<prefix>limit`, `<prefix>remaining` and `<prefix>reset`.
std::optional<rate_limit> parse_with_prefix(std::span<http::header const> headers, std::string_view prefix) {
    rate_limit out;
    int found = 0;  // one bit per header, so a repeated header cannot stand in for a missing one
    for (http::header const& h : headers) {
        std::string_view name = h.name;
        if (name.size() <= prefix.size() || !iequals(name.substr(0, prefix.size()), prefix)) continue;
        name.remove_prefix(prefix.size());
        bool ok = true;
        if (iequals(name, "limit")) {
            ok = read_number(h.value, out.limit);
            found |= 1;
        } else if (iequals(name, "remaining")) {
            ok = read_number(h.value, out.remaining);
            found |= 2;
        } else if (iequals(name, "reset")) {
            ok = read_number(h.value, out.reset);
            found |= 4;
        }
        if (!ok) return std::nullopt;
    }
    if (found != 7) return std::nullopt;
    return out;
}

}  // namespace

std::optional<rate_limit> parse_rate_limit(std::span<http::header const> headers) noexcept {
    return parse_with_prefix(headers, "x-rate-limit-");
}

rate_limits parse_rate_limits(std::span<http::header const> headers) noexcept {
    return {parse_with_prefix(headers, "x-rate-limit-"), parse_with_prefix(headers, "x-app-limit-24hour-"),
            parse_with_prefix(headers, "x-user-limit-24hour-")};
}

}  // namespace twitter::core
