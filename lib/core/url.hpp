#ifndef TWITTER_CORE_URL_HPP
#define TWITTER_CORE_URL_HPP

#include <boost/system/result.hpp>

#include <string_view>

namespace twitter::core {

// An absolute http(s) URL taken apart without copying (RFC 3986, section 3). Parsed by hand, strictly:
// Boost.URL 1.81 asserts on some malformed authorities, and these strings are signed, sent, or come from
// outside (configuration, OAuth callbacks). Anything unusual is refused rather than guessed at.
struct url_parts {
    std::string_view scheme;  // "http" or "https", in the case written
    std::string_view host;    // as written; an IPv6 literal keeps its brackets
    unsigned port = 0;        // 0 when the URL names none
    std::string_view path;    // may be empty
    std::string_view query;   // after '?', still encoded; the fragment is dropped
};

// Fails with core_errc::invalid_url for anything but http:// or https:// with a host (a DNS name of letters,
// digits, '-', '.', '_', or a bracketed IPv6 literal), an optional port in 1..65535, no user info, and only
// printable ASCII.
boost::system::result<url_parts> split_url(std::string_view url);

bool is_https(url_parts const& parts) noexcept;

}  // namespace twitter::core

#endif
