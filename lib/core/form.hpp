#ifndef TWITTER_CORE_FORM_HPP
#define TWITTER_CORE_FORM_HPP

#include "core/param.hpp"

#include <boost/system/result.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::core {

// `a=b&c=d` in the given order, names and values RFC 3986 percent-encoded (space is %20, not '+'), as
// OAuth 1.0a and X expect for query strings and form bodies.
std::string encode_params(std::span<param const> params);

// One `name=value` piece of a query or form body, still encoded. A piece without '=' has an empty value.
struct raw_pair {
    std::string_view name;
    std::string_view value;
};

// Calls f(raw_pair) for each '&'-separated piece of `in`, skipping empty pieces (WHATWG urlencoded parser).
template <class F>
void for_each_raw_pair(std::string_view in, F&& f) {
    while (!in.empty()) {
        auto const amp = in.find('&');
        auto const piece = in.substr(0, amp);
        in = amp == std::string_view::npos ? std::string_view{} : in.substr(amp + 1);
        if (piece.empty()) continue;
        auto const eq = piece.find('=');
        if (eq == std::string_view::npos)
            f(raw_pair{piece, {}});
        else
            f(raw_pair{piece.substr(0, eq), piece.substr(eq + 1)});
    }
}

// Parses an application/x-www-form-urlencoded body or query ('+' is a space), e.g. an OAuth token response
// `oauth_token=..&oauth_token_secret=..&oauth_callback_confirmed=true`. Order and duplicates are kept.
// A malformed %XX fails the whole parse with core_errc::bad_percent_escape.
boost::system::result<std::vector<param>> parse_form(std::string_view in);

}  // namespace twitter::core

#endif
