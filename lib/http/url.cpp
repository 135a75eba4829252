#include "http/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace twitter::detail {
namespace {

bool is_printable_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

bool is_host_char(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_'; }

bool equals_lower(std::string_view a, std::string_view lower) {
    return a.size() == lower.size() && std::equal(a.begin(), a.end(), lower.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == y;
           });
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

error_code parse_url(std::string_view text, parsed_url& out) {
    error_code const invalid = client_errc::invalid_url;
    if (!is_printable_ascii(text)) return invalid;

    auto const colon = text.find("://");
    if (colon == std::string_view::npos) return invalid;
    std::string_view const scheme = text.substr(0, colon);
    if (equals_lower(scheme, "https"))
        out.where.tls = true;
    else if (equals_lower(scheme, "http"))
        out.where.tls = false;
    else
        return invalid;
    text.remove_prefix(colon + 3);

    std::string_view rest = text.substr(std::min(text.find_first_of("/?#"), text.size()));
    std::string_view authority = text.substr(0, text.size() - rest.size());
    if (authority.find('@') != std::string_view::npos) return invalid;  // user info has no place in an API URL

    std::string_view host;
    std::string_view port;
    if (authority.starts_with('[')) {
        auto const close = authority.find(']');
        if (close == std::string_view::npos) return invalid;
        host = authority.substr(1, close - 1);
        if (host.find(':') == std::string_view::npos || !std::all_of(host.begin(), host.end(), [](unsigned char c) {
                return std::isxdigit(c) || c == ':' || c == '.';
            }))
            return invalid;
        std::string_view const after = authority.substr(close + 1);
        if (!after.empty() && !after.starts_with(':')) return invalid;
        if (!after.empty()) port = after.substr(1);
    } else {
        auto const port_colon = authority.rfind(':');
        host = authority.substr(0, port_colon);
        if (port_colon != std::string_view::npos) port = authority.substr(port_colon + 1);
        if (host.empty() || !std::all_of(host.begin(), host.end(), is_host_char)) return invalid;
    }

    out.where.port = out.where.tls ? 443 : 80;
    if (!port.empty()) {
        unsigned value = 0;
        auto const [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) return invalid;
        out.where.port = static_cast<std::uint16_t>(value);
    }
    out.where.host = to_lower(host);

    rest = rest.substr(0, std::min(rest.find('#'), rest.size()));
    auto const question = rest.find('?');
    out.path = std::string(rest.substr(0, question));
    if (out.path.empty()) out.path = "/";
    out.query = question == std::string_view::npos ? std::string() : std::string(rest.substr(question + 1));
    return {};
}

}  // namespace twitter::detail
