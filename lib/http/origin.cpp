#include "http/origin.hpp"

#include <boost/asio/ip/address.hpp>

namespace twitter::detail {

std::string origin::authority() const {
    bool const ipv6 = host.find(':') != std::string::npos;
    std::string out = ipv6 ? "[" + host + "]" : host;
    if (port != (tls ? 443 : 80)) out += ":" + std::to_string(port);
    return out;
}

bool is_loopback_host(std::string const& host) noexcept {
    if (host == "localhost") return true;
    boost::system::error_code ec;
    auto const address = boost::asio::ip::make_address(host, ec);
    return !ec && address.is_loopback();
}

}  // namespace twitter::detail
