#include "http/url.hpp"

#include "core/url.hpp"

#include <algorithm>
#include <cctype>

namespace twitter::detail {

error_code parse_url(std::string_view text, parsed_url& out) {
    auto const parts = core::split_url(text);
    if (!parts) return client_errc::invalid_url;
    out.where.tls = core::is_https(*parts);
    std::string_view host = parts->host;
    if (host.starts_with('[')) host = host.substr(1, host.size() - 2);
    out.where.host.assign(host.begin(), host.end());
    std::transform(out.where.host.begin(), out.where.host.end(), out.where.host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.where.port = parts->port != 0 ? static_cast<std::uint16_t>(parts->port) : (out.where.tls ? 443 : 80);
    out.path = parts->path.empty() ? std::string("/") : std::string(parts->path);
    out.query = std::string(parts->query);
    return {};
}

}  // namespace twitter::detail
