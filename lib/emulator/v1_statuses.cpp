// API v1.1 statuses (show, lookup, update, destroy, retweet, unretweet, timelines, retweets, oembed),
// favorites and standard search, over the same world as API v2.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/media.hpp"
#include "emulator/multipart.hpp"
#include "emulator/search.hpp"
#include "emulator/timestamps.hpp"
#include "emulator/v1_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// The status named by `name` (id by default) or by the path.
tweet_record const* status_param(call const& c, api_response& error, std::string_view name = "id") {
    std::string_view text = c.params[0];
    if (text.empty()) {
        auto const* v = c.arg(name);
        if (v == nullptr) {
            error = v1_missing(name);
            return nullptr;
        }
        text = *v;
    }
    auto const id = parse_id(text);
    auto const* t = id ? c.w.tweet(*id) : nullptr;
    if (t == nullptr) {
        error = v1_status_not_found();
    }
    return t;
}

api_response show(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    return make_json(200, v1_status(c.w, *t, c.me(), v1_flag(c, "trim_user")));
}

api_response lookup(call& c) {
    auto const* ids = c.arg("id");
    if (ids == nullptr) {
        return v1_missing("id");
    }
    bool const map = v1_flag(c, "map");
    json::array list;
    json::object by_id;
    std::string_view rest = *ids;
    std::size_t n = 0;
    while (!rest.empty()) {
        auto const comma = rest.find(',');
        auto const text = rest.substr(0, comma);
        if (++n > 100) {
            return v1_error(400, 195, "Missing or invalid url parameter.");
        }
        auto const id = parse_id(text);
        auto const* t = id ? c.w.tweet(*id) : nullptr;
        if (t != nullptr) {
            list.push_back(v1_status(c.w, *t, c.me(), v1_flag(c, "trim_user")));
            by_id[text] = list.back();
        } else {
            by_id[text] = nullptr;
        }
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    if (map) {
        return make_json(200, json::object{{"id", std::move(by_id)}});
    }
    return make_json(200, list);
}

// A new status from `text`, optionally replying, quoting and with media.
api_response post_status(call& c, std::string const& text, std::vector<std::string> const& media_keys) {
    if (text.empty() && media_keys.empty()) {
        return v1_error(403, 170, "Missing required parameter: status.");
    }
    if (code_points(text) > 280) {
        return v1_error(403, 186, "Tweet needs to be a bit shorter.");
    }
    tweet_record t;
    t.text = text;
    t.author_id = c.me();
    t.media_keys = media_keys;
    if (auto const* reply = c.arg("in_reply_to_status_id")) {
        auto const id = parse_id(*reply);
        if (auto const* parent = id ? c.w.tweet(*id) : nullptr) {
            t.in_reply_to_tweet = parent->id;
            t.in_reply_to_user = parent->author_id;
            t.conversation_id = parent->conversation_id;
        } else {
            return v1_error(403, 385,
                            "You attempted to reply to a Tweet that is deleted or not visible to you.");
        }
    }
    if (auto const* attachment = c.arg("attachment_url")) {
        auto const slash = attachment->rfind('/');
        if (auto const id = parse_id(std::string_view(*attachment).substr(slash + 1)); id && c.w.tweet(*id)) {
            t.quoted = *id;
        } else {
            return v1_error(400, 44, "attachment_url parameter is invalid.");
        }
    }
    t.id = c.w.next_id(c.now_ms);
    auto const& stored = c.w.add_tweet(std::move(t));
    return make_json(200, v1_status(c.w, stored, c.me()));
}

api_response update(call& c) {
    std::vector<std::string> keys;
    if (auto const* ids = c.arg("media_ids")) {
        std::string_view rest = *ids;
        while (!rest.empty()) {
            auto const comma = rest.find(',');
            auto const id = parse_id(rest.substr(0, comma));
            if (!id || !c.media.ready(*id, c.now_ms)) {
                return v1_error(400, 324, "The validation of media ids failed.");
            }
            keys.push_back(c.media.find(*id, c.now_ms)->media_key);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        if (keys.size() > 4) {
            return v1_error(400, 324, "The validation of media ids failed.");
        }
    }
    auto const* status = c.arg("status");
    return post_status(c, status != nullptr ? *status : std::string{}, keys);
}

// The retired update_with_media: one multipart request with the status and a media[] part.
api_response update_with_media(call& c) {
    auto const boundary = multipart_boundary(c.content_type);
    auto const parts = boundary ? parse_multipart(c.body, *boundary) : std::nullopt;
    if (!parts) {
        return v1_error(400, 195, "Missing or invalid url parameter.");
    }
    auto const* media = find_part(*parts, "media[]");
    if (media == nullptr) {
        media = find_part(*parts, "media");
    }
    if (media == nullptr) {
        return v1_missing("media");
    }
    std::string status = c.arg("status") != nullptr ? *c.arg("status") : std::string{};
    if (auto const* part = find_part(*parts, "status")) {
        status = std::string(part->data);
    }
    auto const& m = c.media.simple(c.w.next_id(c.now_ms), media->data, "", "", c.now_ms);
    return post_status(c, status, {m.media_key});
}

api_response destroy(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    if (t->author_id != c.me()) {
        return v1_error(403, 183, "You may not delete another user's status.");
    }
    auto body = v1_status(c.w, *t, c.me());
    c.w.delete_tweet(t->id);
    return make_json(200, body);
}

api_response retweet(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    auto const original = t->retweeted.value_or(t->id);
    auto const id = c.w.retweet(c.me(), original, c.now_ms);
    if (!id) {
        return v1_error(403, 327, "You have already retweeted this Tweet.");
    }
    return make_json(200, v1_status(c.w, *c.w.tweet(*id), c.me()));
}

api_response unretweet(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    auto const original = t->retweeted.value_or(t->id);
    c.w.unretweet(c.me(), original);
    return make_json(200, v1_status(c.w, *c.w.tweet(original), c.me()));
}

// include_rts=false and exclude_replies=true trim a timeline.
std::vector<id_type> trimmed(call const& c, std::vector<id_type> ids) {
    auto const* rts = c.arg("include_rts");
    bool const no_rts = rts != nullptr && (*rts == "false" || *rts == "0" || *rts == "f");
    bool const no_replies = v1_flag(c, "exclude_replies");
    std::erase_if(ids, [&](id_type id) {
        auto const* t = c.w.tweet(id);
        return t == nullptr || (no_rts && t->retweeted) || (no_replies && t->in_reply_to_tweet);
    });
    return ids;
}

api_response user_timeline(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    return v1_statuses(c, v1_timeline(c, trimmed(c, c.w.tweets_of(*user)), 20, 200));
}

api_response home_timeline(call& c) {
    return v1_statuses(c, v1_timeline(c, trimmed(c, c.w.home_timeline(c.me())), 20, 200));
}

api_response mentions_timeline(call& c) {
    return v1_statuses(c, v1_timeline(c, c.w.mentions_of(c.me()), 20, 200));
}

api_response retweets_of(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    std::vector<id_type> ids;
    for (auto const user : c.w.retweeters(t->id)) {
        if (auto const rt = c.w.retweet_of(user, t->id)) {
            ids.push_back(*rt);
        }
    }
    std::sort(ids.rbegin(), ids.rend());
    return v1_statuses(c, v1_timeline(c, ids, 100, 100));
}

api_response retweets_of_me(call& c) {
    auto ids = c.w.tweets_of(c.me());
    std::erase_if(ids, [&](id_type id) { return c.w.retweeters(id).empty(); });
    return v1_statuses(c, v1_timeline(c, ids, 20, 100));
}

api_response retweeter_ids(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    auto const& ids = c.w.retweeters(t->id);
    return v1_cursored(c, ids.size(), 100, 100, "ids", [&](std::size_t i) -> json::value {
        return v1_flag(c, "stringify_ids") ? json::value(std::to_string(ids[i])) : json::value(ids[i]);
    });
}

std::string escape_html(std::string_view s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

api_response oembed(call& c) {
    std::string_view id_text;
    if (auto const* url = c.arg("url")) {
        auto const status = url->find("/status/");
        if (status == std::string::npos) {
            return v1_status_not_found();
        }
        id_text = std::string_view(*url).substr(status + 8);
        id_text = id_text.substr(0, id_text.find_first_of("/?#"));
    } else if (auto const* id = c.arg("id")) {
        id_text = *id;
    } else {
        return v1_missing("url");
    }
    auto const id = parse_id(id_text);
    auto const* t = id ? c.w.tweet(*id) : nullptr;
    auto const author = t != nullptr ? c.w.user(t->author_id) : std::nullopt;
    if (t == nullptr || !author) {
        return v1_status_not_found();
    }
    auto const author_url = "https://twitter.com/" + author->username;
    auto const url = author_url + "/status/" + std::to_string(t->id);
    auto const html = "<blockquote class=\"twitter-tweet\"><p lang=\"" + t->lang + "\" dir=\"ltr\">" +
                      escape_html(t->text) + "</p>&mdash; " + escape_html(author->name) + " (@" +
                      author->username + ") <a href=\"" + url + "\">" + iso8601(t->created_ms).substr(0, 10) +
                      "</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" "
                      "charset=\"utf-8\"></script>\n";
    json::object o;
    o["url"] = url;
    o["author_name"] = author->name;
    o["author_url"] = author_url;
    o["html"] = html;
    o["width"] = 550;
    o["height"] = nullptr;
    o["type"] = "rich";
    o["cache_age"] = "3153600000";
    o["provider_name"] = "Twitter";
    o["provider_url"] = "https://twitter.com";
    o["version"] = "1.0";
    return make_json(200, o);
}

// Favorites are v2's likes.

api_response favorite(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    if (!c.w.like(c.me(), t->id)) {
        return v1_error(403, 139, "You have already favorited this status.");
    }
    return make_json(200, v1_status(c.w, *t, c.me()));
}

api_response unfavorite(call& c) {
    api_response error;
    auto const* t = status_param(c, error);
    if (t == nullptr) {
        return error;
    }
    if (!c.w.unlike(c.me(), t->id)) {
        return v1_status_not_found();
    }
    return make_json(200, v1_status(c.w, *t, c.me()));
}

api_response favorites(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    return v1_statuses(c, v1_timeline(c, c.w.liked_tweets(*user), 20, 200));
}

// Standard search: the last seven days, newest first, paged backwards with max_id.
api_response search_tweets(call& c) {
    auto const* q = c.arg("q");
    if (q == nullptr || q->empty()) {
        return v1_error(400, 25, "Query parameters are missing.");
    }
    auto const query = search_query::parse(*q);
    if (!query) {
        return v1_error(400, 195, "Missing or invalid url parameter.");
    }
    auto const earliest = c.now_ms - 7 * 86'400'000LL;
    std::optional<std::int64_t> until;
    if (auto const* u = c.arg("until")) {
        until = parse_iso8601(*u + "T00:00:00Z");
    }
    std::vector<id_type> matching;
    for (auto it = c.w.tweets().rbegin(); it != c.w.tweets().rend(); ++it) {
        auto const& t = it->second;
        if (t.created_ms >= earliest && (!until || t.created_ms < *until) && query->matches(c.w, t)) {
            matching.push_back(t.id);
        }
    }
    auto const count = v1_count(c, 15, 100);
    auto const page = v1_timeline(c, matching, 15, 100);
    json::array statuses;
    for (auto const id : page) {
        auto s = v1_status(c.w, *c.w.tweet(id), c.me(), v1_flag(c, "trim_user"));
        s["metadata"] = json::object{{"iso_language_code", c.w.tweet(id)->lang}, {"result_type", "recent"}};
        statuses.push_back(std::move(s));
    }
    auto const max_id = page.empty() ? id_type{0} : page.front();
    auto const* since = c.arg("since_id");
    auto const since_id = since != nullptr ? parse_id(*since).value_or(0) : 0;
    auto const encoded = percent_encode(*q);
    json::object meta;
    meta["completed_in"] = 0.001;
    meta["max_id"] = max_id;
    meta["max_id_str"] = std::to_string(max_id);
    // More remain when the page is full and something older matched.
    if (page.size() == count && !page.empty() && matching.back() < page.back()) {
        meta["next_results"] = "?max_id=" + std::to_string(page.back() - 1) + "&q=" + encoded +
                               "&count=" + std::to_string(count) + "&include_entities=1";
    }
    meta["query"] = encoded;
    meta["refresh_url"] = "?since_id=" + std::to_string(max_id) + "&q=" + encoded + "&include_entities=1";
    meta["count"] = count;
    meta["since_id"] = since_id;
    meta["since_id_str"] = std::to_string(since_id);
    return make_json(200,
                     json::object{{"statuses", std::move(statuses)}, {"search_metadata", std::move(meta)}});
}

}  // namespace

std::vector<route> v1_status_routes() {
    return {
        {"GET", "/1.1/statuses/show.json", show, access::any, {}, false, 900},
        {"GET", "/1.1/statuses/lookup.json", lookup, access::any, {}, false, 900},
        {"POST", "/1.1/statuses/lookup.json", lookup, access::any, {}, false, 900},
        {"POST", "/1.1/statuses/update.json", update, access::user, {}, true},
        {"POST", "/1.1/statuses/update_with_media.json", update_with_media, access::user, {}, true},
        {"POST", "/1.1/statuses/destroy/:id.json", destroy, access::user, {}, true},
        {"POST", "/1.1/statuses/retweet/:id.json", retweet, access::user, {}, true},
        {"POST", "/1.1/statuses/unretweet/:id.json", unretweet, access::user, {}, true},
        {"GET", "/1.1/statuses/user_timeline.json", user_timeline, access::any, {}, false, 900},
        {"GET", "/1.1/statuses/home_timeline.json", home_timeline, access::user, {}, false, 15},
        {"GET", "/1.1/statuses/mentions_timeline.json", mentions_timeline, access::user, {}, false, 75},
        {"GET", "/1.1/statuses/retweets/:id.json", retweets_of, access::any, {}, false, 75},
        {"GET", "/1.1/statuses/retweets_of_me.json", retweets_of_me, access::user, {}, false, 75},
        {"GET", "/1.1/statuses/retweeters/ids.json", retweeter_ids, access::any, {}, false, 75},
        {"GET", "/1.1/statuses/oembed.json", oembed, access::anyone, {}, false, 180},
        {"POST", "/1.1/favorites/create.json", favorite, access::user, {}, true},
        {"POST", "/1.1/favorites/destroy.json", unfavorite, access::user, {}, true},
        {"GET", "/1.1/favorites/list.json", favorites, access::any, {}, false, 75},
        {"GET", "/1.1/search/tweets.json", search_tweets, access::any, {}, false, 180},
    };
}

}  // namespace twitter::emulator::detail
