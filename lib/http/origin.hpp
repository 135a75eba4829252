#ifndef TWITTER_LIB_HTTP_ORIGIN_HPP
#define TWITTER_LIB_HTTP_ORIGIN_HPP

#include <cstdint>
#include <string>

namespace twitter::detail {

// Scheme, host and port: what a pooled connection is keyed by (RFC 6454).
struct origin {
    bool tls = true;
    std::string host;  // lower case; an IPv6 literal without its brackets
    std::uint16_t port = 443;

    // host[:port] as the Host header and the OAuth 1.0a base URL write it: the default port is left out.
    std::string authority() const;
    std::string scheme() const { return tls ? "https" : "http"; }

    friend bool operator==(origin const&, origin const&) = default;
};

// True for "localhost" and for IP literals in 127.0.0.0/8 or ::1.
bool is_loopback_host(std::string const& host) noexcept;

}  // namespace twitter::detail

#endif
