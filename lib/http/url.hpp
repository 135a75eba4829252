#ifndef TWITTER_LIB_HTTP_URL_HPP
#define TWITTER_LIB_HTTP_URL_HPP

#include "http/origin.hpp"

#include <twitter/error.hpp>

#include <string>
#include <string_view>

namespace twitter::detail {

// An absolute http(s) URL taken apart (core::split_url), with its origin resolved: lower-case host, default port.
struct parsed_url {
    origin where;
    std::string path;   // as written, never empty ("/" at least)
    std::string query;  // after '?', still encoded; the fragment is dropped
};

// Fails with client_errc::invalid_url for anything but http:// or https:// with a host, an optional port in
// 1..65535, no user info, and only printable ASCII.
error_code parse_url(std::string_view text, parsed_url& out);

}  // namespace twitter::detail

#endif
