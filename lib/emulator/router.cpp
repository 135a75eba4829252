#include "emulator/router.hpp"

#include "emulator/encoding.hpp"

#include <array>

namespace twitter::emulator::detail {

namespace {

struct route {
    std::string_view method;
    std::string_view pattern;
    route_id id;
    std::string_view name;
};

constexpr std::array routes{
    route{"GET", "/2/tweets/:id", route_id::get_tweet, "GET /2/tweets/:id"},
    route{"GET", "/2/tweets", route_id::get_tweets, "GET /2/tweets"},
    route{"GET", "/2/users/me", route_id::get_me, "GET /2/users/me"},
    route{"POST", "/2/tweets", route_id::post_tweet, "POST /2/tweets"},
    route{"GET", "/1.1/account/verify_credentials.json", route_id::verify_credentials,
          "GET /1.1/account/verify_credentials.json"},
    route{"POST", "/oauth/request_token", route_id::request_token, "POST /oauth/request_token"},
    route{"GET", "/oauth/authorize", route_id::oauth1_authorize, "GET /oauth/authorize"},
    route{"GET", "/oauth/authenticate", route_id::oauth1_authorize, "GET /oauth/authenticate"},
    route{"POST", "/oauth/access_token", route_id::access_token, "POST /oauth/access_token"},
    route{"POST", "/oauth2/token", route_id::app_token, "POST /oauth2/token"},
    route{"POST", "/oauth2/invalidate_token", route_id::invalidate_token, "POST /oauth2/invalidate_token"},
    route{"GET", "/i/oauth2/authorize", route_id::oauth2_authorize, "GET /i/oauth2/authorize"},
    route{"POST", "/2/oauth2/token", route_id::oauth2_token, "POST /2/oauth2/token"},
    route{"POST", "/2/oauth2/revoke", route_id::oauth2_revoke, "POST /2/oauth2/revoke"},
};

// Compares segment by segment; a ":name" segment matches any non-empty segment and captures it.
bool match_pattern(std::string_view pattern, std::string_view path, std::string_view& param) {
    while (!pattern.empty() && !path.empty()) {
        auto const p_end = pattern.find('/', 1);
        auto const s_end = path.find('/', 1);
        auto const p_seg = pattern.substr(0, p_end);
        auto const s_seg = path.substr(0, s_end);
        if (p_seg.size() > 1 && p_seg[1] == ':') {
            if (s_seg.size() < 2) {
                return false;
            }
            param = s_seg.substr(1);
        } else if (p_seg != s_seg) {
            return false;
        }
        pattern.remove_prefix(p_seg.size());
        path.remove_prefix(s_seg.size());
    }
    return pattern.empty() && path.empty();
}

// Query values as a form decodes them; a malformed escape is kept as written, as a lenient server would.
std::string decode(std::string_view s) { return percent_decode(s, true).value_or(std::string(s)); }

}  // namespace

std::optional<route_match> match_route(std::string_view method, std::string_view path) {
    for (auto const& r : routes) {
        std::string_view param;
        if (r.method == method && match_pattern(r.pattern, path, param)) {
            return route_match{r.id, r.name, param};
        }
    }
    return std::nullopt;
}

bool is_authorization_endpoint(route_id id) {
    switch (id) {
        case route_id::get_tweet:
        case route_id::get_tweets:
        case route_id::get_me:
        case route_id::post_tweet:
        case route_id::verify_credentials:
            return false;
        case route_id::request_token:
        case route_id::oauth1_authorize:
        case route_id::access_token:
        case route_id::app_token:
        case route_id::invalidate_token:
        case route_id::oauth2_authorize:
        case route_id::oauth2_token:
        case route_id::oauth2_revoke:
            break;
    }
    return true;
}

split_target split(std::string_view target) {
    auto const q = target.find('?');
    if (q == std::string_view::npos) {
        return {target, {}};
    }
    return {target.substr(0, q), target.substr(q + 1)};
}

std::optional<std::string> query_param(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        auto const amp = query.find('&');
        auto const pair = query.substr(0, amp);
        auto const eq = pair.find('=');
        if (decode(pair.substr(0, eq)) == name) {
            return eq == std::string_view::npos ? std::string{} : decode(pair.substr(eq + 1));
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

}  // namespace twitter::emulator::detail
