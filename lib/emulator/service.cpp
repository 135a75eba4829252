#include "emulator/service.hpp"

#include "emulator/api_errors.hpp"
#include "emulator/encoding.hpp"
#include "emulator/router.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view post_tweets_family = "POST /2/tweets";
constexpr std::string_view daily_app_family = "POST /2/tweets 24-hour app";
constexpr std::string_view daily_user_family = "POST /2/tweets 24-hour user";
constexpr std::chrono::hours daily_window{24};

// The scopes of the default user token: everything the emulated endpoints can ask for.
std::vector<std::string> all_scopes() {
    return {"tweet.read",    "tweet.write",    "tweet.moderate.write",
            "users.read",    "follows.read",   "follows.write",
            "like.read",     "like.write",     "mute.read",
            "mute.write",    "block.read",     "block.write",
            "bookmark.read", "bookmark.write", "list.read",
            "list.write",    "space.read",     "dm.read",
            "dm.write",      "media.write",    "offline.access"};
}

std::string_view access_level_of(principal const& who) {
    if (who.what == principal::kind::app) {
        return "read";
    }
    if (who.oauth1) {
        return who.can_write ? "read-write" : "read";
    }
    auto const has = [&](std::string_view s) {
        return std::find(who.scopes.begin(), who.scopes.end(), s) != who.scopes.end();
    };
    if (has("dm.write")) {
        return "read-write-directmessages";
    }
    return has("tweet.write") ? "read-write" : "read";
}

auth_requirement requirement_of(route const& r) {
    auth_requirement need;
    need.user_context = r.who == access::user || r.who == access::oauth2_user;
    need.write = r.write;
    std::string_view rest = r.scopes;
    while (!rest.empty()) {
        auto const space = rest.find(' ');
        if (auto const scope = rest.substr(0, space); !scope.empty()) {
            need.scopes.push_back(scope);
        }
        if (space == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(space + 1);
    }
    return need;
}

std::string_view kind_name(principal const& who) {
    if (who.what == principal::kind::app) {
        return "OAuth 2.0 Application-Only";
    }
    return who.oauth1 ? "OAuth 1.0a User Context" : "OAuth 2.0 User Context";
}

void add_number_header(api_response& r, std::string name, std::int64_t value) {
    r.headers.emplace_back(std::move(name), std::to_string(value));
}

}  // namespace

rate_limiter::limit_map effective_limits(std::optional<std::size_t> per_window,
                                         std::map<std::string, std::size_t> const& overrides) {
    rate_limiter::limit_map limits;
    if (!per_window) {
        for (auto const& entry : all_routes()) {
            if (entry.r.documented_limit > 0) {
                auto const family = entry.r.family.empty() ? std::string_view(entry.name) : entry.r.family;
                limits.emplace(std::string(family), entry.r.documented_limit);
            }
        }
        for (auto const& [family, limit] : media_family_limits()) {
            limits.emplace(std::string(family), limit);
        }
    }
    // The 24-hour budgets of POST /2/tweets: X's per-app limit, and the per-user one it long had.
    limits.emplace(std::string(daily_app_family), 10000);
    limits.emplace(std::string(daily_user_family), 2400);
    for (auto const& [family, limit] : overrides) {
        limits.insert_or_assign(family, limit);
    }
    return limits;
}

service::service(std::size_t rate_limit_per_window, std::chrono::seconds rate_limit_window, auth_params auth)
    : service(service_params{rate_limit_per_window, {}, rate_limit_window, auth}) {}

service::service(service_params params)
    : oauth1_(params.auth.timestamp_window, stats_),
      oauth2_(params.auth.access_token_lifetime, params.auth.authorization_code_lifetime, stats_),
      limits_(params.rate_limit_per_window.value_or(900), params.rate_limit_window,
              effective_limits(params.rate_limit_per_window, params.family_limits)),
      daily_limits_(params.rate_limit_per_window.value_or(900), daily_window,
                    effective_limits(params.rate_limit_per_window, params.family_limits)),
      world_(params.synthetic_followers),
      media_(params.media_processing_polls),
      rules_(params.max_stream_rules),
      streams_(params.streams, world_),
      default_user_id_(std::to_string(world_.default_user())) {
    default_user_token_ = credentials_.add_user_token(default_user_id_, all_scopes());

    // One app with both OAuth 1.0a and OAuth 2.0 turned on, as in the developer portal. Nothing is committed:
    // every secret is random.
    constexpr std::string_view callback = "http://127.0.0.1/callback";
    oauth1_credentials_.consumer_key = random_token(18);
    oauth1_credentials_.consumer_secret = random_token(37);
    oauth1_credentials_.access_token = default_user_id_ + '-' + random_token(30);
    oauth1_credentials_.access_token_secret = random_token(33);
    oauth1_.add_consumer(oauth1_credentials_.consumer_key, oauth1_credentials_.consumer_secret,
                         std::string(callback));
    oauth1_.add_access_token(oauth1_credentials_.access_token, oauth1_credentials_.access_token_secret,
                             oauth1_credentials_.consumer_key, default_user_id_, true);
    app_bearer_token_ = credentials_.add_app_token();
    app_tokens_.emplace(oauth1_credentials_.consumer_key, app_bearer_token_);

    public_client_ = {random_token(24), {}, std::string(callback)};
    confidential_client_ = {random_token(24), random_token(36), std::string(callback)};
    oauth2_.add_client(public_client_.client_id, {}, public_client_.redirect_uri);
    oauth2_.add_client(confidential_client_.client_id, confidential_client_.client_secret,
                       confidential_client_.redirect_uri);
    authorizing_user_ = default_user_id_;
}

bool service::known_user(std::string const& user_id) const {
    auto const id = parse_id(user_id);
    return id && world_.user(*id).has_value();
}

void service::set_authorizing_user(std::string const& user_id) {
    if (!known_user(user_id)) {
        throw std::invalid_argument("twitter emulator: no seeded user with id " + user_id);
    }
    authorizing_user_ = user_id;
}

void service::add_oauth1_callback(std::string url) {
    oauth1_.add_callback(oauth1_credentials_.consumer_key, std::move(url));
}

void service::add_redirect_uri(std::string_view client_id, std::string uri) {
    oauth2_.add_redirect_uri(client_id, std::move(uri));
}

approval service::approver() const {
    // The username lives in the world, which may rename the user; keep a copy that outlives this call.
    authorizing_username_ = world_.user(*parse_id(authorizing_user_))->username;
    return {consent_, authorizing_user_, authorizing_username_};
}

std::string service::issue_user_token(std::string const& user_id, std::vector<std::string> scopes) {
    if (!known_user(user_id)) {
        throw std::invalid_argument("twitter emulator: no seeded user with id " + user_id);
    }
    return credentials_.add_user_token(user_id, std::move(scopes));
}

namespace {

received_request received(api_request const& req) {
    return {req.method, req.scheme, req.host, req.target, req.content_type, req.body, req.authorization};
}

}  // namespace

service::caller service::authenticate(api_request const& req, clock::time_point now) {
    caller c;
    if (is_oauth1(req.authorization)) {
        auto const a = oauth1_.authenticate(received(req), now);
        c.oauth1 = true;
        c.verdict = a.verdict;
        c.who = a.who;
        // The header changes with every nonce; the token is what X counts against.
        if (a.who != nullptr) {
            c.credential = "OAuth " + std::string(a.token);
        }
        return c;
    }
    c.who = credentials_.authenticate(req.authorization);
    if (c.who == nullptr && starts_with_icase(req.authorization, "bearer ")) {
        c.who = oauth2_.authenticate(req.authorization.substr(7), now);
    }
    if (c.who != nullptr) {
        c.credential = req.authorization;
    }
    return c;
}

api_response service::authorization_endpoint(route_id id, api_request const& req, std::string_view query,
                                             clock::time_point now) {
    switch (id) {
        case route_id::request_token:
            return oauth1_.request_token(received(req), now);
        case route_id::oauth1_authorize:
            return oauth1_.authorize(query, approver());
        case route_id::access_token:
            return oauth1_.access_token(received(req), now);
        case route_id::app_token:
            return app_only_token(req);
        case route_id::invalidate_token:
            return invalidate_token(req, query);
        case route_id::oauth2_authorize:
            return oauth2_.authorize(query, approver(), now);
        case route_id::oauth2_token:
            return oauth2_.token(req.authorization, req.content_type, req.body, now);
        case route_id::oauth2_revoke:
            return oauth2_.revoke(req.authorization, req.content_type, req.body);
        default:
            break;
    }
    return make(404, std::string(not_found_route_body));
}

// X's "OAuth 2.0 Bearer Token": the consumer proves itself with HTTP Basic (RFC 6749 2.3.1, 4.4).
api_response service::app_only_token(api_request const& req) {
    auto const basic = parse_basic_auth(req.authorization);
    auto const* secret = basic ? oauth1_.consumer_secret(basic->id) : nullptr;
    if (secret == nullptr || !constant_time_equal(basic->secret, *secret)) {
        auto r = make(403, R"({"errors":[{"code":99,"label":"authenticity_token_error",)"
                           R"("message":"Unable to verify your credentials"}]})");
        r.auth_rejected = true;
        return r;
    }
    auto const form = starts_with_icase(req.content_type, "application/x-www-form-urlencoded")
                          ? parse_form(req.body)
                          : std::optional<param_list>(param_list{});
    auto const* grant_type = form ? find_param(*form, "grant_type") : nullptr;
    if (grant_type == nullptr || *grant_type != "client_credentials") {
        return make(400, R"({"errors":[{"code":170,"message":"Missing required parameter: grant_type",)"
                         R"("label":"forbidden_missing_parameter"}]})");
    }
    // X answers with the same token until it is invalidated.
    auto& token = app_tokens_[basic->id];
    if (token.empty()) {
        token = credentials_.add_app_token();
    }
    ++stats_.bearer_grants;
    json::object body;
    body["token_type"] = "bearer";
    body["access_token"] = token;
    return make(200, json::serialize(body));
}

api_response service::invalidate_token(api_request const& req, std::string_view query) {
    auto const basic = parse_basic_auth(req.authorization);
    auto const* secret = basic ? oauth1_.consumer_secret(basic->id) : nullptr;
    if (secret == nullptr || !constant_time_equal(basic->secret, *secret)) {
        auto r = make(403, R"({"errors":[{"code":99,"label":"authenticity_token_error",)"
                           R"("message":"Unable to verify your credentials"}]})");
        r.auth_rejected = true;
        return r;
    }
    // The token may come in the form body or, as X's docs show it, in the query.
    std::optional<std::string> token;
    if (starts_with_icase(req.content_type, "application/x-www-form-urlencoded")) {
        if (auto const form = parse_form(req.body); form && find_param(*form, "access_token") != nullptr) {
            token = *find_param(*form, "access_token");
        }
    }
    if (!token) {
        if (auto const params = parse_form(query); params && find_param(*params, "access_token") != nullptr) {
            token = *find_param(*params, "access_token");
        }
    }
    auto const it = app_tokens_.find(basic->id);
    if (!token || it == app_tokens_.end() || !constant_time_equal(*token, it->second)) {
        return make(403, R"({"errors":[{"code":348,"message":"Client application is not permitted to )"
                         R"(to invalidate this token."}]})");
    }
    credentials_.remove(it->second);
    app_tokens_.erase(it);
    ++stats_.invalidations;
    json::object body;
    body["access_token"] = *token;
    return make(200, json::serialize(body));
}

api_response service::refusal(route const& r, caller const& from, api_request const& req, bool v1) {
    principal const* who = from.who;
    api_response out;
    if (who != nullptr && r.who == access::oauth2_user &&
        (who->oauth1 || who->what == principal::kind::app)) {
        return v1 ? v1_error(403, 220, "Your credentials do not allow access to this resource.")
                  : unsupported_authentication(kind_name(*who), "OAuth 2.0 User Context");
    }
    if (who != nullptr && r.who == access::app_only && who->what != principal::kind::app) {
        return v1 ? v1_error(403, 220, "Your credentials do not allow access to this resource.")
                  : unsupported_authentication(kind_name(*who), "OAuth 2.0 Application-Only");
    }
    switch (check(who, requirement_of(r))) {
        case auth_outcome::ok:
            break;
        case auth_outcome::unauthorized:
            if (!v1) {
                out = make(401, std::string(unauthorized_body));
            } else if (from.oauth1) {
                out = oauth1_v1_rejection(from.verdict);
            } else if (req.authorization.empty()) {
                out = v1_error(400, 215, "Bad Authentication data.");
            } else {
                out = v1_error(401, 89, "Invalid or expired token.");
            }
            break;
        case auth_outcome::app_only_refused:
            out = v1 ? v1_error(403, 220, "Your credentials do not allow access to this resource.")
                     : unsupported_authentication("OAuth 2.0 Application-Only",
                                                  "OAuth 1.0a User Context, OAuth 2.0 User Context");
            break;
        case auth_outcome::missing_scope:
            ++stats_.scope_denials;
            out = make(403, std::string(forbidden_body));
            break;
        case auth_outcome::oauth1_read_only:
            ++stats_.scope_denials;
            out = v1 ? v1_error(403, 261, "Application cannot perform write actions.")
                     : make(403, std::string(oauth1_permissions_body));
            break;
    }
    return out;
}

api_response service::handle(api_request const& req, clock::time_point now) {
    auto const [path, query] = split(req.target);
    auto const route = match_route(req.method, path);
    if (route && is_authorization_endpoint(route->id)) {
        return authorization_endpoint(route->id, req, query, now);
    }
    // API v1.1 paths answer errors in v1.1's shape.
    bool const v1 = path.starts_with("/1.1/");
    auto const from = authenticate(req, now);
    principal const* who = from.who;
    std::string_view const credential = from.credential;

    if (!route) {
        auto r = v1 ? v1_error(404, 34, "Sorry, that page does not exist.")
                    : make(404, std::string(not_found_route_body));
        r.limits = limits_.peek("", credential, now);
        return r;
    }

    // The few endpoints that need no credentials speak for nobody in particular.
    static principal const anonymous;
    if (who == nullptr && route->r->who == access::anyone) {
        who = &anonymous;
    } else if (auto r = refusal(*route->r, from, req, v1); r.status != 200) {
        r.auth_rejected = true;
        r.limits = limits_.peek(route->family, credential, now);
        if (who != nullptr) {
            r.access_level = access_level_of(*who);
        }
        return r;
    }

    auto const now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    call c{world_,   media_,           rules_, *who, req.method, path, route->params, query_params(query),
           req.body, req.content_type, now_ms, {}};
    c.peek_limit = [this, credential, now](std::string_view family) {
        return limits_.peek(family, credential, now);
    };
    if (starts_with_icase(req.content_type, "application/x-www-form-urlencoded")) {
        if (auto form = parse_form(req.body)) {
            c.args.insert(c.args.end(), form->begin(), form->end());
        }
    }
    auto const family = route->r->resolve_family != nullptr ? route->r->resolve_family(c) : route->family;

    api_response r;
    auto const limits = limits_.consume(family, credential, now);
    if (!limits.allowed) {
        r = v1 ? v1_error(429, 88, "Rate limit exceeded") : make(429, std::string(too_many_requests_body));
        r.rate_limited = true;
    } else if (family == post_tweets_family) {
        // X counts tweets per app and per user over 24 hours too, and says so in its own headers.
        auto const app = daily_limits_.consume(daily_app_family, "app", now);
        auto const user = daily_limits_.consume(daily_user_family, who->user_id, now);
        if (!app.allowed || !user.allowed) {
            r = make(429, std::string(too_many_requests_body));
            r.rate_limited = true;
        } else {
            r = route->r->fn(c);
        }
        add_number_header(r, "x-app-limit-24hour-limit", static_cast<std::int64_t>(app.limit));
        add_number_header(r, "x-app-limit-24hour-remaining", static_cast<std::int64_t>(app.remaining));
        add_number_header(r, "x-app-limit-24hour-reset", app.reset);
        add_number_header(r, "x-user-limit-24hour-limit", static_cast<std::int64_t>(user.limit));
        add_number_header(r, "x-user-limit-24hour-remaining", static_cast<std::int64_t>(user.remaining));
        add_number_header(r, "x-user-limit-24hour-reset", user.reset);
    } else {
        r = route->r->fn(c);
    }
    r.limits = limits;
    r.access_level = access_level_of(*who);
    // Whatever the request created (a tweet, a retweet) goes out to the open streams.
    streams_.publish(world_, rules_);
    return r;
}

std::string service::add_tweet(std::string const& author_id, std::string text, clock::time_point now) {
    if (!known_user(author_id)) {
        throw std::invalid_argument("twitter emulator: no seeded user with id " + author_id);
    }
    auto const now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    tweet_record t;
    t.id = world_.next_id(now_ms);
    t.author_id = *parse_id(author_id);
    t.text = std::move(text);
    auto const id = world_.add_tweet(std::move(t)).id;
    streams_.publish(world_, rules_);
    return std::to_string(id);
}

}  // namespace twitter::emulator::detail
