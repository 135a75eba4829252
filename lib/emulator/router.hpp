#ifndef TWITTER_LIB_EMULATOR_ROUTER_HPP
#define TWITTER_LIB_EMULATOR_ROUTER_HPP

#include <optional>
#include <string>
#include <string_view>

namespace twitter::emulator::detail {

enum class route_id {
    get_tweet,           // GET /2/tweets/:id
    get_tweets,          // GET /2/tweets?ids=
    get_me,              // GET /2/users/me
    post_tweet,          // POST /2/tweets
    verify_credentials,  // GET /1.1/account/verify_credentials.json
    // The authorization endpoints: answered before any API authentication.
    request_token,     // POST /oauth/request_token
    oauth1_authorize,  // GET /oauth/authorize and GET /oauth/authenticate
    access_token,      // POST /oauth/access_token
    app_token,         // POST /oauth2/token
    invalidate_token,  // POST /oauth2/invalidate_token
    oauth2_authorize,  // GET /i/oauth2/authorize
    oauth2_token,      // POST /2/oauth2/token
    oauth2_revoke,     // POST /2/oauth2/revoke
};

// True for the routes that hand out or take back credentials rather than serve the API.
bool is_authorization_endpoint(route_id id);

struct route_match {
    route_id id;
    std::string_view endpoint;  // the route's name, e.g. "GET /2/tweets/:id"; keys the rate limits
    std::string_view param;     // the value of the path's ':' segment, if it has one
};

// Matches a method and a path (no query) against the emulated endpoints. A trailing slash is not a match,
// as on X.
std::optional<route_match> match_route(std::string_view method, std::string_view path);

// Splits a request target into its path and its query (without the '?').
struct split_target {
    std::string_view path;
    std::string_view query;
};
split_target split(std::string_view target);

// The decoded value of the first `name` in a query string ('+' is a space, %XX is decoded), if present.
std::optional<std::string> query_param(std::string_view query, std::string_view name);

}  // namespace twitter::emulator::detail

#endif
