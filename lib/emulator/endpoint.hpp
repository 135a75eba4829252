#ifndef TWITTER_LIB_EMULATOR_ENDPOINT_HPP
#define TWITTER_LIB_EMULATOR_ENDPOINT_HPP

// What every emulated API endpoint gets (a `call`: the world, the caller, the path parameters, the decoded
// query) and the route entry that describes it: method, path pattern, who may call it, the OAuth 2.0 scopes
// it needs, its rate-limit family and X's documented limit. Each endpoints file contributes its routes.

#include "emulator/auth.hpp"
#include "emulator/encoding.hpp"
#include "emulator/media.hpp"
#include "emulator/pagination.hpp"
#include "emulator/rate_limits.hpp"
#include "emulator/response.hpp"
#include "emulator/stream_rules.hpp"
#include "emulator/v2_fields.hpp"
#include "emulator/world.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

struct call {
    world& w;
    media_store& media;
    rule_set& rules;  // the filtered stream's rules of the app
    principal const& who;
    std::string_view method;
    std::string_view path;
    std::array<std::string_view, 2> params;  // the path's ':' segments, in order
    param_list args;                         // the decoded query, and for a form body its fields too
    std::string_view body;
    std::string_view content_type;
    std::int64_t now_ms = 0;
    // The caller's bucket of a rate-limit family as it stands (for application/rate_limit_status).
    std::function<rate_limit_state(std::string_view family)> peek_limit;

    std::string const* arg(std::string_view name) const { return find_param(args, name); }
    // The authenticated user; 0 for app-only.
    id_type me() const { return parse_id(who.user_id).value_or(0); }
    bool app_only() const { return who.what == principal::kind::app; }
};

using handler = api_response (*)(call&);
using family_resolver = std::string_view (*)(call const&);

// Who may call an endpoint, as X documents it.
enum class access {
    anyone,       // no credentials needed (statuses/oembed)
    any,          // app-only bearer or user context
    user,         // OAuth 1.0a or OAuth 2.0 user context; app-only gets 403 Unsupported Authentication
    oauth2_user,  // OAuth 2.0 user context only (bookmarks)
    app_only,     // OAuth 2.0 app-only bearer only (compliance jobs)
};

// The authorization endpoints are answered before any API authentication.
enum class route_id {
    api,
    request_token,     // POST /oauth/request_token
    oauth1_authorize,  // GET /oauth/authorize and GET /oauth/authenticate
    access_token,      // POST /oauth/access_token
    app_token,         // POST /oauth2/token
    invalidate_token,  // POST /oauth2/invalidate_token
    oauth2_authorize,  // GET /i/oauth2/authorize
    oauth2_token,      // POST /2/oauth2/token
    oauth2_revoke,     // POST /2/oauth2/revoke
};

struct route {
    route() = default;
    route(std::string_view m, std::string_view p, handler h, access a = access::any, std::string_view s = {},
          bool w = false, std::size_t limit = 0, std::string_view f = {}, family_resolver resolve = nullptr)
        : method(m),
          pattern(p),
          fn(h),
          who(a),
          scopes(s),
          write(w),
          documented_limit(limit),
          family(f),
          resolve_family(resolve) {}

    std::string_view method;
    // '/'-separated segments; ":name" matches any non-empty segment and captures it, ":name.json" one that
    // ends in ".json" and captures the rest.
    std::string_view pattern;
    handler fn = nullptr;
    access who = access::any;
    std::string_view scopes;                   // space-separated OAuth 2.0 scopes, all required
    bool write = false;                        // OAuth 1.0a tokens must be read-write
    std::size_t documented_limit = 0;          // X's requests per 15 minutes; 0 when the emulator has none
    std::string_view family;                   // the rate-limit family; empty: "<method> <pattern>"
    family_resolver resolve_family = nullptr;  // picks the family per request (media upload commands)
    route_id id = route_id::api;
};

// The routes of each endpoints file.
std::vector<route> v2_tweet_routes();
std::vector<route> v2_search_routes();
std::vector<route> v2_user_routes();
std::vector<route> v2_list_routes();
std::vector<route> v2_space_dm_compliance_routes();
std::vector<route> v2_stream_routes();
std::vector<route> media_routes();
std::vector<route> v1_status_routes();
std::vector<route> v1_user_routes();
std::vector<route> v1_list_routes();
std::vector<route> v1_misc_routes();
// Documented limits of families that no route names by itself (the media upload commands).
std::vector<std::pair<std::string_view, std::size_t>> media_family_limits();

// Helpers shared by the v2 endpoints.

// The i-th path parameter as an id; a 400 invalid_parameter(name) in `error` when it is not 1-19 digits.
std::optional<id_type> path_id(call const& c, std::size_t i, std::string_view name, api_response& error);
// The `:id` of /2/users/:id/... writes and private reads: it must be the authenticated user (403 if not).
std::optional<id_type> acting_user_id(call const& c, api_response& error);
// Applies exclude=retweets,replies to a list of tweets; a 400 for another value.
std::optional<std::vector<id_type>> exclude_tweets(call const& c, std::vector<id_type> ids,
                                                   api_response& error);
// A comma-separated list of ids (at most `max`) from the query.
std::optional<std::vector<std::string>> id_list(call const& c, std::string_view name, std::size_t max,
                                                api_response& error);
// The JSON object body of a v2 write; a 400 in `error` when it is not one.
std::optional<boost::json::object> json_body(call const& c, api_response& error);
// A string member of a JSON body.
std::optional<std::string> string_member(boost::json::object const& o, std::string_view name);

// The answer `{"data": data}` with `includes` when expanded.
api_response data_answer(unsigned status, boost::json::value data,
                         includes_builder const* includes = nullptr);

// One page of ids, rendered by `render`, with meta from pagination.hpp (and, for tweets, newest_id and
// oldest_id). An empty page has no "data".
using render_fn = std::function<std::optional<boost::json::object>(id_type id, includes_builder& inc)>;
api_response id_page(call const& c, std::size_t total, std::function<id_type(std::size_t)> const& at,
                     page_limits limits, object_kind kind, render_fn const& render, bool tweet_meta);

api_response tweet_page(call const& c, std::vector<id_type> const& ids, page_limits limits);
api_response user_page(call const& c, std::size_t total, std::function<id_type(std::size_t)> const& at,
                       page_limits limits);
api_response list_page(call const& c, std::vector<id_type> const& ids, page_limits limits);

}  // namespace twitter::emulator::detail

#endif
