#include "emulator/service.hpp"

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

auth_requirement requirement_of(route_id id) {
    switch (id) {
        case route_id::get_me:
            return {true, {}};
        case route_id::post_tweet:
            return {true, {"tweet.write"}};
        case route_id::get_tweet:
        case route_id::get_tweets:
            break;
    }
    return {};
}

std::string_view access_level_of(principal const& who) {
    if (who.what == principal::kind::app) {
        return "read";
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

service::service(std::size_t rate_limit_per_window, std::chrono::seconds rate_limit_window)
    : limits_(rate_limit_per_window, rate_limit_window), default_user_id_("2244994945") {
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
    app_bearer_token_ = credentials_.add_app_token();
    default_user_token_ = credentials_.add_user_token(default_user_id_, all_scopes());
}

std::string service::issue_user_token(std::string const& user_id, std::vector<std::string> scopes) {
    if (!users_.contains(user_id)) {
        throw std::invalid_argument("twitter emulator: no seeded user with id " + user_id);
    }
    return credentials_.add_user_token(user_id, std::move(scopes));
}

api_response service::handle(api_request const& req, clock::time_point now) {
    auto const [path, query] = split(req.target);
    auto const route = match_route(req.method, path);
    principal const* who = credentials_.authenticate(req.authorization);
    // The bucket belongs to the credential; requests without a known one share the anonymous bucket.
    std::string_view const credential = who == nullptr ? std::string_view{} : req.authorization;

    if (!route) {
        auto r = make(404, std::string(not_found_route_body));
        r.limits = limits_.peek("", credential, now);
        return r;
    }

    api_response r;
    switch (check(who, requirement_of(route->id))) {
        case auth_outcome::ok:
            break;
        case auth_outcome::unauthorized:
            r = make(401, std::string(unauthorized_body));
            break;
        case auth_outcome::app_only_refused:
            r = make(403, std::string(app_only_refused_body));
            break;
        case auth_outcome::missing_scope:
            r = make(403, std::string(forbidden_body));
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
        r = make(429, std::string(too_many_requests_body));
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
            case route_id::post_tweet:
                r = post_tweet(*who, req.body, now);
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
