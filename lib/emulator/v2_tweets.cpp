// API v2 tweets: lookup, create, delete, hide replies, likes, retweets, quote tweets and bookmarks.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/timestamps.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view tweet_read = "tweet.read users.read";

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

api_response get_tweet(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const fields = read_fields(c.args, object_kind::tweet, error);
    if (!fields) {
        return error;
    }
    json::object body;
    auto const* t = c.w.tweet(*id);
    if (t == nullptr) {
        body["errors"] = json::array{not_found_error("tweet", "id", c.params[0])};
        return make_json(200, body);
    }
    includes_builder includes(c.w, *fields);
    includes.expand_tweet(*t);
    body["data"] = tweet_json(c.w, *t, *fields);
    includes.write(body);
    return make_json(200, body);
}

api_response get_tweets(call& c) {
    api_response error;
    auto const ids = id_list(c, "ids", 100, error);
    if (!ids) {
        return error;
    }
    auto const fields = read_fields(c.args, object_kind::tweet, error);
    if (!fields) {
        return error;
    }
    includes_builder includes(c.w, *fields);
    json::array data;
    json::array errors;
    for (auto const& text : *ids) {
        auto const id = parse_id(text);
        if (!id) {
            return invalid_parameter("ids", text);
        }
        if (auto const* t = c.w.tweet(*id)) {
            includes.expand_tweet(*t);
            data.push_back(tweet_json(c.w, *t, *fields));
        } else {
            errors.push_back(not_found_error("tweet", "ids", text));
        }
    }
    json::object body;
    if (!data.empty()) {
        body["data"] = std::move(data);
        includes.write(body);
    }
    if (!errors.empty()) {
        body["errors"] = std::move(errors);
    }
    return make_json(200, body);
}

// The ids of a JSON array of strings; nullopt when it is not one.
std::optional<std::vector<std::string>> string_array(json::value const* v) {
    if (v == nullptr || !v->is_array()) {
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (auto const& item : v->as_array()) {
        if (!item.is_string()) {
            return std::nullopt;
        }
        out.emplace_back(item.as_string());
    }
    return out;
}

api_response create_tweet(call& c) {
    api_response error;
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    tweet_record t;
    t.author_id = c.me();
    if (auto const* text = body->if_contains("text")) {
        if (!text->is_string()) {
            return invalid_body("$.text: expected a string");
        }
        t.text = std::string(text->as_string());
    }
    if (code_points(t.text) > 280) {
        return invalid_body("$.text: Tweet text is too long");
    }
    if (auto const* media = body->if_contains("media")) {
        auto const ids =
            media->is_object() ? string_array(media->as_object().if_contains("media_ids")) : std::nullopt;
        if (!ids || ids->empty() || ids->size() > 4) {
            return invalid_body("$.media.media_ids: between 1 and 4 media ids are required");
        }
        for (auto const& text : *ids) {
            auto const id = parse_id(text);
            if (!id || !c.media.ready(*id, c.now_ms)) {
                return invalid_body("Your media IDs are invalid.");
            }
            t.media_keys.push_back(c.media.find(*id, c.now_ms)->media_key);
        }
    }
    bool const has_poll = body->contains("poll");
    if (has_poll && !t.media_keys.empty()) {
        return invalid_body("$.media and $.poll cannot both be set");
    }
    if (auto const quote = string_member(*body, "quote_tweet_id")) {
        auto const id = parse_id(*quote);
        if (!id || c.w.tweet(*id) == nullptr) {
            return invalid_body("$.quote_tweet_id: the quoted Tweet does not exist");
        }
        t.quoted = *id;
    }
    if (auto const* reply = body->if_contains("reply")) {
        auto const to =
            reply->is_object() ? string_member(reply->as_object(), "in_reply_to_tweet_id") : std::nullopt;
        auto const id = to ? parse_id(*to) : std::nullopt;
        auto const* parent = id ? c.w.tweet(*id) : nullptr;
        if (parent == nullptr) {
            return make(403,
                        R"({"detail":"You attempted to reply to a Tweet that is deleted or not visible to )"
                        R"(you.","type":"about:blank","title":"Forbidden","status":403})");
        }
        t.in_reply_to_tweet = parent->id;
        t.in_reply_to_user = parent->author_id;
        t.conversation_id = parent->conversation_id;
    }
    if (t.text.empty() && t.media_keys.empty() && !has_poll && !t.quoted) {
        return invalid_body("$.text: a tweet needs text when it has no media, poll or quote");
    }
    if (auto const place = body->if_contains("geo"); place != nullptr && place->is_object()) {
        t.place_id = string_member(place->as_object(), "place_id");
    }
    if (auto const settings = string_member(*body, "reply_settings")) {
        if (*settings != "following" && *settings != "mentionedUsers" && *settings != "subscribers" &&
            *settings != "verified") {
            return invalid_body("$.reply_settings: not a valid reply setting");
        }
        t.reply_settings = *settings;
    }
    t.community_id = string_member(*body, "community_id");
    t.id = c.w.next_id(c.now_ms);
    auto const& stored = c.w.add_tweet(std::move(t));
    json::object data;
    data["id"] = std::to_string(stored.id);
    data["text"] = stored.text;
    data["edit_history_tweet_ids"] = json::array{json::string(std::to_string(stored.id))};
    if (stored.community_id) {
        data["community_id"] = *stored.community_id;
    }
    return data_answer(201, std::move(data));
}

api_response delete_tweet(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const* t = c.w.tweet(*id);
    if (t == nullptr) {
        return data_answer(200, json::object{{"deleted", false}});
    }
    if (t->author_id != c.me()) {
        return make(403, R"({"detail":"You are not authorized to delete this Tweet.","type":"about:blank",)"
                         R"("title":"Forbidden","status":403})");
    }
    c.w.delete_tweet(*id);
    return data_answer(200, json::object{{"deleted", true}});
}

api_response hide_reply(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "tweet_id", error);
    if (!id) {
        return error;
    }
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    auto const* hidden = body->if_contains("hidden");
    if (hidden == nullptr || !hidden->is_bool()) {
        return invalid_body("$.hidden: expected a boolean");
    }
    auto* t = c.w.stored_tweet(*id);
    auto const* root = t == nullptr ? nullptr : c.w.tweet(t->conversation_id);
    if (t == nullptr || !t->in_reply_to_tweet || root == nullptr || root->author_id != c.me()) {
        return make(403, R"({"detail":"You can only hide replies to conversations you started.",)"
                         R"("type":"about:blank","title":"Forbidden","status":403})");
    }
    t->hidden = hidden->as_bool();
    return data_answer(200, json::object{{"hidden", t->hidden}});
}

// The tweet named by a JSON body's `tweet_id`; a 400 when it is missing or unknown.
std::optional<id_type> body_tweet(call const& c, api_response& error) {
    auto const body = json_body(c, error);
    if (!body) {
        return std::nullopt;
    }
    auto const text = string_member(*body, "tweet_id");
    auto const id = text ? parse_id(*text) : std::nullopt;
    if (!id) {
        error = invalid_body("$.tweet_id: expected a tweet id as a string");
        return std::nullopt;
    }
    if (c.w.tweet(*id) == nullptr) {
        json::object e = not_found_error("tweet", "tweet_id", *text);
        error = make_json(400, json::object{{"errors", json::array{std::move(e)}},
                                            {"title", "Invalid Request"},
                                            {"detail", "One or more parameters to your request was invalid."},
                                            {"type", "https://api.twitter.com/2/problems/invalid-request"}});
        return std::nullopt;
    }
    return id;
}

api_response liking_users(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const& users = c.w.liking_users(*id);
    return user_page(c, users.size(), [&](std::size_t i) { return users[i]; }, {1, 100, 100});
}

api_response liked_tweets(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return tweet_page(c, c.w.liked_tweets(*id), {5, 100, 100});
}

api_response like(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const tweet = me ? body_tweet(c, error) : std::nullopt;
    if (!tweet) {
        return error;
    }
    c.w.like(*me, *tweet);
    return data_answer(200, json::object{{"liked", true}});
}

api_response unlike(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const tweet = me ? path_id(c, 1, "tweet_id", error) : std::nullopt;
    if (!tweet) {
        return error;
    }
    c.w.unlike(*me, *tweet);
    return data_answer(200, json::object{{"liked", false}});
}

api_response retweeted_by(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const& users = c.w.retweeters(*id);
    return user_page(c, users.size(), [&](std::size_t i) { return users[i]; }, {1, 100, 100});
}

api_response retweet(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const tweet = me ? body_tweet(c, error) : std::nullopt;
    if (!tweet) {
        return error;
    }
    c.w.retweet(*me, *tweet, c.now_ms);
    return data_answer(200, json::object{{"retweeted", true}});
}

api_response unretweet(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const tweet = me ? path_id(c, 1, "source_tweet_id", error) : std::nullopt;
    if (!tweet) {
        return error;
    }
    c.w.unretweet(*me, *tweet);
    return data_answer(200, json::object{{"retweeted", false}});
}

api_response quote_tweets(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    std::vector<id_type> quotes;
    for (auto it = c.w.tweets().rbegin(); it != c.w.tweets().rend(); ++it) {
        if (it->second.quoted == *id) {
            quotes.push_back(it->first);
        }
    }
    auto const kept = exclude_tweets(c, std::move(quotes), error);
    if (!kept) {
        return error;
    }
    return tweet_page(c, *kept, {10, 100, 10});
}

api_response bookmarks(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    if (!me) {
        return error;
    }
    return tweet_page(c, world::get(c.w.bookmarks(), *me), {1, 100, 100});
}

api_response bookmark(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const tweet = me ? body_tweet(c, error) : std::nullopt;
    if (!tweet) {
        return error;
    }
    world::add_edge(c.w.bookmarks(), *me, *tweet);
    return data_answer(200, json::object{{"bookmarked", true}});
}

api_response remove_bookmark(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const tweet = me ? path_id(c, 1, "tweet_id", error) : std::nullopt;
    if (!tweet) {
        return error;
    }
    world::remove_edge(c.w.bookmarks(), *me, *tweet);
    return data_answer(200, json::object{{"bookmarked", false}});
}

}  // namespace

std::vector<route> v2_tweet_routes() {
    return {
        {"GET", "/2/tweets/:id", get_tweet, access::any, tweet_read},
        {"GET", "/2/tweets", get_tweets, access::any, tweet_read},
        {"POST", "/2/tweets", create_tweet, access::user, "tweet.read tweet.write users.read", true, 200},
        {"DELETE", "/2/tweets/:id", delete_tweet, access::user, "tweet.read tweet.write users.read", true,
         50},
        {"PUT", "/2/tweets/:id/hidden", hide_reply, access::user,
         "tweet.read tweet.moderate.write users.read", true, 50},
        {"GET", "/2/tweets/:id/liking_users", liking_users, access::any, "tweet.read users.read like.read",
         false, 75},
        {"GET", "/2/users/:id/liked_tweets", liked_tweets, access::any, "tweet.read users.read like.read",
         false, 75},
        {"POST", "/2/users/:id/likes", like, access::user, "tweet.read users.read like.write", true, 50},
        {"DELETE", "/2/users/:id/likes/:tweet_id", unlike, access::user, "tweet.read users.read like.write",
         true, 50},
        {"GET", "/2/tweets/:id/retweeted_by", retweeted_by, access::any, tweet_read, false, 75},
        {"POST", "/2/users/:id/retweets", retweet, access::user, "tweet.read tweet.write users.read", true,
         50},
        {"DELETE", "/2/users/:id/retweets/:source_tweet_id", unretweet, access::user,
         "tweet.read tweet.write users.read", true, 50},
        {"GET", "/2/tweets/:id/quote_tweets", quote_tweets, access::any, tweet_read, false, 75},
        {"GET", "/2/users/:id/bookmarks", bookmarks, access::oauth2_user,
         "tweet.read users.read bookmark.read", false, 180},
        {"POST", "/2/users/:id/bookmarks", bookmark, access::oauth2_user,
         "tweet.read users.read bookmark.write", true, 50},
        {"DELETE", "/2/users/:id/bookmarks/:tweet_id", remove_bookmark, access::oauth2_user,
         "tweet.read users.read bookmark.write", true, 50},
    };
}

}  // namespace twitter::emulator::detail
