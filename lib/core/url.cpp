#include "core/url.hpp"

#include "core/errc.hpp"

#include <algorithm>
#include <charconv>

namespace twitter::core {
namespace {

bool iequals(std::string_view a, std::string_view lower) noexcept {
    return std::equal(a.begin(), a.end(), lower.begin(), lower.end(), [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? static_cast<char>(x - 'A' + 'a') : x) == y;
    });
}

bool is_name_char(unsigned char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_';
}

bool is_ipv6_char(unsigned char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
}

}  // namespace

bool is_https(url_parts const& parts) noexcept { return iequals(parts.scheme, "https"); }

boost::system::result<url_parts> split_url(std::string_view url) {
    if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= 0x20 || c >= 0x7F; }))
        return core_errc::invalid_url;
    url_parts parts;
    auto const colon = url.find("://");
    if (colon == std::string_view::npos) return core_errc::invalid_url;
    parts.scheme = url.substr(0, colon);
    if (!iequals(parts.scheme, "http") && !iequals(parts.scheme, "https")) return core_errc::invalid_url;
    url.remove_prefix(colon + 3);

    url = url.substr(0, url.find('#'));
    if (auto const question = url.find('?'); question != std::string_view::npos) {
        parts.query = url.substr(question + 1);
        url = url.substr(0, question);
    }
    auto const slash = url.find('/');
    std::string_view const authority = url.substr(0, slash);
    parts.path = slash == std::string_view::npos ? std::string_view{} : url.substr(slash);

    // User info has no place in an API URL.
    if (authority.find('@') != std::string_view::npos) return core_errc::invalid_url;
    std::size_t host_end = 0;
    if (authority.starts_with('[')) {  // IP literal, RFC 3986 section 3.2.2
        host_end = authority.find(']');
        if (host_end == std::string_view::npos) return core_errc::invalid_url;
        std::string_view const inside = authority.substr(1, host_end - 1);
        if (inside.find(':') == std::string_view::npos || !std::all_of(inside.begin(), inside.end(), is_ipv6_char))
            return core_errc::invalid_url;
        ++host_end;
    } else {
        host_end = std::min(authority.find(':'), authority.size());
        if (!std::all_of(authority.begin(), authority.begin() + host_end, is_name_char))
            return core_errc::invalid_url;
    }
    parts.host = authority.substr(0, host_end);
    if (parts.host.empty()) return core_errc::invalid_url;

    std::string_view const rest = authority.substr(host_end);
    if (rest.empty()) return parts;
    if (rest.front() != ':') return core_errc::invalid_url;
    // RFC 3986 section 3.2.3: the port may be empty, which means the scheme's default.
    std::string_view const digits = rest.substr(1);
    if (digits.empty()) return parts;
    auto const [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), parts.port);
    if (ec != std::errc{} || end != digits.data() + digits.size() || parts.port == 0 || parts.port > 65535)
        return core_errc::invalid_url;
    return parts;
}

}  // namespace twitter::core
