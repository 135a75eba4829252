#include "emulator/service.hpp"

#include "emulator/encoding.hpp"
#include "emulator/router.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view unauthorized_body =
    R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})";
constexpr std::string_view app_only_refused_body =
    R"({"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is )"
    R"(forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 )"
    R"(User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403})";
constexpr std::string_view oauth1_permissions_body =
    R"({"detail":"Your client app is not configured with the appropriate oauth1 app permissions for this )"
    R"(endpoint.","type":"https://api.twitter.com/2/problems/oauth1-permissions","title":"Forbidden",)"
    R"("status":403})";
constexpr std::string_view forbidden_body =
    R"({"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden"})";
constexpr std::string_view too_many_requests_body =
    R"({"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429})";
constexpr std::string_view not_found_route_body =
    R"({"title":"Not Found Error","detail":"Sorry, that page does not exist.",)"
    R"("type":"https://api.twitter.com/2/problems/resource-not-found","status":404})";

// The scopes of the default user token: everything the emulated endpoints can ask for.
std::vector<std::string> all_scopes() {
    return {"tweet.read",     "tweet.write", "users.read", "follows.read",
            "follows.write",  "like.read",   "like.write", "bookmark.read",
            "bookmark.write", "list.read",   "list.write", "offline.access"};
}

// The scopes are those X documents for each endpoint; OAuth 1.0a tokens need read-write to write.
auth_requirement requirement_of(route_id id) {
    switch (id) {
        case route_id::get_me:
            return {true, {"tweet.read", "users.read"}, false};
        case route_id::post_tweet:
            return {true, {"tweet.read", "tweet.write", "users.read"}, true};
        case route_id::verify_credentials:
            return {true, {}, false};
        case route_id::get_tweet:
        case route_id::get_tweets:
            return {false, {"tweet.read", "users.read"}, false};
        default:
            break;
    }
    return {};
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

// X's ids are 1 to 19 decimal digits.
bool valid_id(std::string_view id) {
    return !id.empty() && id.size() <= 19 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

api_response make(unsigned status, std::string body) {
    api_response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

api_response invalid_request(json::object error) {
    json::object body;
    body["errors"] = json::array{std::move(error)};
    body["title"] = "Invalid Request";
    body["detail"] = "One or more parameters to your request was invalid.";
    body["type"] = "https://api.twitter.com/2/problems/invalid-request";
    return make(400, json::serialize(body));
}

api_response invalid_parameter(std::string_view name, std::string_view value) {
    json::object error;
    error["parameters"] = json::object{{name, json::array{json::string(value)}}};
    std::string message = "The `";
    message.append(name).append("` query parameter value [").append(value).append("] is not valid");
    error["message"] = message;
    return invalid_request(std::move(error));
}

json::object not_found_error(std::string_view parameter, std::string_view id) {
    std::string detail = "Could not find tweet with id: [";
    detail.append(id).append("].");
    return {{"value", id},
            {"detail", detail},
            {"title", "Not Found Error"},
            {"resource_type", "tweet"},
            {"parameter", parameter},
            {"resource_id", id},
            {"type", "https://api.twitter.com/2/problems/resource-not-found"}};
}

json::object tweet_json(std::string_view id, std::string_view text) {
    return {{"id", id}, {"text", text}, {"edit_history_tweet_ids", json::array{json::string(id)}}};
}

}  // namespace

service::service(std::size_t rate_limit_per_window, std::chrono::seconds rate_limit_window, auth_params auth)
    : oauth1_(auth.timestamp_window, stats_),
      oauth2_(auth.access_token_lifetime, auth.authorization_code_lifetime, stats_),
      limits_(rate_limit_per_window, rate_limit_window),
      default_user_id_("2244994945") {
    users_.emplace(default_user_id_, user{"Developers", "XDevelopers"});
    users_.emplace("1072250532645998596", user{"Tweepy Testing", "TweepyDev"});
    users_.emplace("783214", user{"X", "X"});
    // Recorded from the real API: ../shared/fixtures/recorded/test_asyncclient_get_tweets.json.
    tweets_.emplace("1293593516040269825",
                    tweet{"It\u2019s finally here! \U0001F941 Say hello to the new #TwitterAPI.\n\n"
                          "We\u2019re rebuilding the Twitter API v2 from the ground up to better serve our "
                          "developer community. And today\u2019s launch is only the beginning.\n\n"
                          "https://t.co/32VrwpGaJw https://t.co/KaFSbjWUA8",
                          default_user_id_});
    tweets_.emplace(
        "1293595870563381249",
        tweet{"Twitter API v2: Early Access released\n\nToday we announced Early Access to the first "
              "endpoints of the new Twitter API!\n\n#TwitterAPI #EarlyAccess #VersionBump "
              "https://t.co/g7v3aeIbtQ",
              default_user_id_});
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

void service::set_authorizing_user(std::string const& user_id) {
    if (!users_.contains(user_id)) {
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
    return {consent_, authorizing_user_, users_.find(authorizing_user_)->second.username};
}

std::string service::issue_user_token(std::string const& user_id, std::vector<std::string> scopes) {
    if (!users_.contains(user_id)) {
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

    api_response r;
    switch (check(who, requirement_of(route->id))) {
        case auth_outcome::ok:
            break;
        case auth_outcome::unauthorized:
            if (!v1) {
                r = make(401, std::string(unauthorized_body));
            } else if (from.oauth1) {
                r = oauth1_v1_rejection(from.verdict);
            } else if (req.authorization.empty()) {
                r = v1_error(400, 215, "Bad Authentication data.");
            } else {
                r = v1_error(401, 89, "Invalid or expired token.");
            }
            break;
        case auth_outcome::app_only_refused:
            r = v1 ? v1_error(403, 220, "Your credentials do not allow access to this resource.")
                   : make(403, std::string(app_only_refused_body));
            break;
        case auth_outcome::missing_scope:
            ++stats_.scope_denials;
            r = make(403, std::string(forbidden_body));
            break;
        case auth_outcome::oauth1_read_only:
            ++stats_.scope_denials;
            r = make(403, std::string(oauth1_permissions_body));
            break;
    }
    if (r.status != 200) {
        r.auth_rejected = true;
        r.limits = limits_.peek(route->endpoint, credential, now);
        if (who != nullptr) {
            r.access_level = access_level_of(*who);
        }
        return r;
    }

    auto const limits = limits_.consume(route->endpoint, credential, now);
    if (!limits.allowed) {
        r = v1 ? v1_error(429, 88, "Rate limit exceeded") : make(429, std::string(too_many_requests_body));
        r.rate_limited = true;
    } else {
        switch (route->id) {
            case route_id::get_tweet:
                r = get_tweet(route->param);
                break;
            case route_id::get_tweets:
                r = get_tweets(query);
                break;
            case route_id::get_me:
                r = get_me(*who);
                break;
            case route_id::verify_credentials:
                r = verify_credentials(*who);
                break;
            case route_id::post_tweet:
                r = post_tweet(*who, req.body, now);
                break;
            default:
                break;
        }
    }
    r.limits = limits;
    r.access_level = access_level_of(*who);
    return r;
}

api_response service::get_tweet(std::string_view id) const {
    if (!valid_id(id)) {
        return invalid_parameter("id", id);
    }
    auto const it = tweets_.find(id);
    json::object body;
    if (it == tweets_.end()) {
        body["errors"] = json::array{not_found_error("id", id)};
    } else {
        body["data"] = tweet_json(id, it->second.text);
    }
    return make(200, json::serialize(body));
}

api_response service::get_tweets(std::string_view query) const {
    auto const ids = query_param(query, "ids");
    if (!ids || ids->empty()) {
        json::object error;
        error["parameters"] = json::object{{"ids", json::array{}}};
        error["message"] = "The `ids` query parameter can not be empty";
        return invalid_request(std::move(error));
    }
    json::array data;
    json::array errors;
    std::string_view rest = *ids;
    while (true) {
        auto const comma = rest.find(',');
        auto const id = rest.substr(0, comma);
        if (!valid_id(id)) {
            return invalid_parameter("ids", id);
        }
        if (auto const it = tweets_.find(id); it != tweets_.end()) {
            data.push_back(tweet_json(id, it->second.text));
        } else {
            errors.push_back(not_found_error("ids", id));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
    }
    json::object body;
    if (!data.empty()) {
        body["data"] = std::move(data);
    }
    if (!errors.empty()) {
        body["errors"] = std::move(errors);
    }
    return make(200, json::serialize(body));
}

api_response service::get_me(principal const& who) const {
    auto const it = users_.find(who.user_id);
    json::object body;
    body["data"] =
        json::object{{"id", who.user_id}, {"name", it->second.name}, {"username", it->second.username}};
    return make(200, json::serialize(body));
}

// The v1.1 user object, trimmed to what identifies the user.
api_response service::verify_credentials(principal const& who) const {
    auto const it = users_.find(who.user_id);
    json::object body;
    body["id"] = std::stoll(who.user_id);
    body["id_str"] = who.user_id;
    body["name"] = it->second.name;
    body["screen_name"] = it->second.username;
    return make(200, json::serialize(body));
}

api_response service::post_tweet(principal const& who, std::string_view body, clock::time_point now) {
    boost::system::error_code ec;
    auto const parsed = json::parse(body, ec);
    if (ec || !parsed.is_object()) {
        return invalid_request({{"message", "Requested JSON payload is invalid"}});
    }
    auto const* text = parsed.as_object().if_contains("text");
    if (text == nullptr || !text->is_string() || text->as_string().empty()) {
        return invalid_request(
            {{"message", "$.text: a tweet needs text when it has no media, poll or quote"}});
    }
    auto id = next_tweet_id(now);
    std::string_view const stored_text = text->as_string();
    auto const& stored =
        tweets_.insert_or_assign(id, tweet{std::string(stored_text), who.user_id}).first->second;
    json::object out;
    out["data"] = tweet_json(id, stored.text);
    return make(201, json::serialize(out));
}

// Snowflake-shaped ids: milliseconds since X's epoch in the high bits, so new ids sort after the seeded ones.
std::string service::next_tweet_id(clock::time_point now) {
    constexpr std::int64_t twitter_epoch_ms = 1288834974657;
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    auto const snowflake = static_cast<std::uint64_t>(std::max<std::int64_t>(ms - twitter_epoch_ms, 0)) << 22;
    last_tweet_id_ = std::max(snowflake, last_tweet_id_ + 1);
    return std::to_string(last_tweet_id_);
}

}  // namespace twitter::emulator::detail
