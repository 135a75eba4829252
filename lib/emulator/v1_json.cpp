#include "emulator/v1_json.hpp"

#include "emulator/api_errors.hpp"
#include "emulator/pagination.hpp"
#include "emulator/timestamps.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

bool word_char(char c) {
    auto const u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || u >= 0x80;
}

std::size_t code_point_index(std::string_view text, std::size_t byte) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
    return n;
}

json::array indices(std::string_view text, std::size_t from, std::size_t to) {
    return json::array{code_point_index(text, from), code_point_index(text, to)};
}

json::value optional_id(std::optional<id_type> id) { return id ? json::value(*id) : json::value(nullptr); }

json::value optional_id_str(std::optional<id_type> id) {
    return id ? json::value(std::to_string(*id)) : json::value(nullptr);
}

}  // namespace

json::object v1_entities(world const& w, std::string_view text) {
    json::array hashtags;
    json::array mentions;
    json::array urls;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool const starts = i == 0 || !word_char(text[i - 1]);
        if (starts && (text[i] == '#' || text[i] == '@')) {
            auto end = i + 1;
            while (end < text.size() && word_char(text[end])) {
                ++end;
            }
            auto const word = text.substr(i + 1, end - i - 1);
            if (!word.empty() && text[i] == '#') {
                hashtags.push_back(json::object{{"text", word}, {"indices", indices(text, i, end)}});
            } else if (!word.empty()) {
                if (auto const u = w.user_by_username(word)) {
                    mentions.push_back(json::object{{"screen_name", u->username},
                                                    {"name", u->name},
                                                    {"id", u->id},
                                                    {"id_str", std::to_string(u->id)},
                                                    {"indices", indices(text, i, end)}});
                }
            }
            i = end - 1;
        } else if (starts &&
                   (text.substr(i).starts_with("http://") || text.substr(i).starts_with("https://"))) {
            auto end = i;
            while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) {
                ++end;
            }
            auto const url = text.substr(i, end - i);
            auto const display = url.substr(url.find("//") + 2);
            urls.push_back(json::object{{"url", url},
                                        {"expanded_url", url},
                                        {"display_url", display},
                                        {"indices", indices(text, i, end)}});
            i = end - 1;
        }
    }
    return {{"hashtags", std::move(hashtags)},
            {"symbols", json::array{}},
            {"user_mentions", std::move(mentions)},
            {"urls", std::move(urls)}};
}

json::object v1_user(world const& w, user_record const& u, id_type viewer, bool with_status) {
    auto const own_tweets = w.tweets_of(u.id);
    json::object o;
    o["id"] = u.id;
    o["id_str"] = std::to_string(u.id);
    o["name"] = u.name;
    o["screen_name"] = u.username;
    o["location"] = u.location;
    o["description"] = u.description;
    o["url"] = u.url.empty() ? json::value(nullptr) : json::value(u.url);
    json::object url_entities;
    if (!u.url.empty()) {
        url_entities["urls"] = json::array{json::object{{"url", u.url},
                                                        {"expanded_url", u.url},
                                                        {"display_url", u.url},
                                                        {"indices", json::array{0, u.url.size()}}}};
    }
    o["entities"] = json::object{{"url", std::move(url_entities)},
                                 {"description", json::object{{"urls", json::array{}}}}};
    o["protected"] = u.protected_account;
    o["followers_count"] = w.follower_count(u.id);
    o["friends_count"] = w.following(u.id).size();
    o["listed_count"] = w.lists_with_member(u.id).size();
    o["created_at"] = v1_time(u.created_ms);
    o["favourites_count"] = w.liked_tweets(u.id).size();
    o["utc_offset"] = nullptr;
    o["time_zone"] = nullptr;
    o["geo_enabled"] = false;
    o["verified"] = u.verified;
    o["statuses_count"] = own_tweets.size();
    o["lang"] = nullptr;
    if (with_status && !own_tweets.empty()) {
        auto status = v1_status(w, *w.tweet(own_tweets.front()), viewer, true);
        status.erase("user");
        o["status"] = std::move(status);
    }
    o["contributors_enabled"] = false;
    o["is_translator"] = false;
    o["is_translation_enabled"] = false;
    o["profile_background_color"] = "F5F8FA";
    o["profile_background_image_url"] = nullptr;
    o["profile_background_image_url_https"] = nullptr;
    o["profile_background_tile"] = false;
    auto const image = "pbs.twimg.com/profile_images/" + std::to_string(u.id) + "/normal.png";
    o["profile_image_url"] = "http://" + image;
    o["profile_image_url_https"] = "https://" + image;
    o["profile_banner_url"] = "https://pbs.twimg.com/profile_banners/" + std::to_string(u.id) + "/1";
    o["profile_link_color"] = u.profile_link_color;
    o["profile_sidebar_border_color"] = "C0DEED";
    o["profile_sidebar_fill_color"] = "DDEEF6";
    o["profile_text_color"] = "333333";
    o["profile_use_background_image"] = true;
    o["has_extended_profile"] = false;
    o["default_profile"] = true;
    o["default_profile_image"] = false;
    o["following"] = viewer != 0 && w.follows(viewer, u.id);
    o["follow_request_sent"] = false;
    o["notifications"] = false;
    o["translator_type"] = "none";
    return o;
}

json::object v1_status(world const& w, tweet_record const& t, id_type viewer, bool trim_user) {
    json::object o;
    o["created_at"] = v1_time(t.created_ms);
    o["id"] = t.id;
    o["id_str"] = std::to_string(t.id);
    o["text"] = t.text;
    o["truncated"] = false;
    auto entities = v1_entities(w, t.text);
    if (!t.media_keys.empty()) {
        json::array media;
        for (auto const& key : t.media_keys) {
            auto const id = key.substr(key.find('_') + 1);
            auto const url = "https://pbs.twimg.com/media/" + id + ".png";
            media.push_back(
                json::object{{"id", parse_id(id).value_or(0)},
                             {"id_str", id},
                             {"indices", json::array{0, 0}},
                             {"media_url", "http" + url.substr(5)},
                             {"media_url_https", url},
                             {"url", "https://t.co/" + id},
                             {"display_url", "pic.twitter.com/" + id},
                             {"expanded_url", "https://twitter.com/i/status/" + std::to_string(t.id)},
                             {"type", key.starts_with("7_")    ? "video"
                                      : key.starts_with("16_") ? "animated_gif"
                                                               : "photo"}});
        }
        entities["media"] = media;
        o["entities"] = std::move(entities);
        o["extended_entities"] = json::object{{"media", std::move(media)}};
    } else {
        o["entities"] = std::move(entities);
    }
    o["source"] = "<a href=\"https://github.com/\" rel=\"nofollow\">twitter-asio emulator</a>";
    o["in_reply_to_status_id"] = optional_id(t.in_reply_to_tweet);
    o["in_reply_to_status_id_str"] = optional_id_str(t.in_reply_to_tweet);
    o["in_reply_to_user_id"] = optional_id(t.in_reply_to_user);
    o["in_reply_to_user_id_str"] = optional_id_str(t.in_reply_to_user);
    auto const replied = t.in_reply_to_user ? w.user(*t.in_reply_to_user) : std::nullopt;
    o["in_reply_to_screen_name"] = replied ? json::value(replied->username) : json::value(nullptr);
    auto const author = w.user(t.author_id);
    if (trim_user || !author) {
        o["user"] = json::object{{"id", t.author_id}, {"id_str", std::to_string(t.author_id)}};
    } else {
        o["user"] = v1_user(w, *author, viewer, false);
    }
    o["geo"] = nullptr;
    o["coordinates"] = nullptr;
    o["place"] = nullptr;
    o["contributors"] = nullptr;
    if (t.retweeted) {
        if (auto const* original = w.tweet(*t.retweeted)) {
            o["retweeted_status"] = v1_status(w, *original, viewer, trim_user);
        }
    }
    o["is_quote_status"] = t.quoted.has_value();
    if (t.quoted) {
        o["quoted_status_id"] = *t.quoted;
        o["quoted_status_id_str"] = std::to_string(*t.quoted);
    }
    auto const source = t.retweeted.value_or(t.id);
    o["retweet_count"] = w.retweeters(source).size();
    o["favorite_count"] = w.liking_users(source).size();
    auto const& likers = w.liking_users(source);
    o["favorited"] = viewer != 0 && std::find(likers.begin(), likers.end(), viewer) != likers.end();
    o["retweeted"] = viewer != 0 && w.retweet_of(viewer, source).has_value();
    o["lang"] = t.lang;
    return o;
}

json::object v1_list(world const& w, list_record const& l, id_type viewer) {
    auto const owner = w.user(l.owner);
    auto const screen_name = owner ? owner->username : std::string("unknown");
    json::object o;
    o["id"] = l.id;
    o["id_str"] = std::to_string(l.id);
    o["name"] = l.name;
    o["uri"] = "/" + screen_name + "/lists/" + l.slug;
    o["subscriber_count"] = l.followers.size();
    o["member_count"] = l.members.size();
    o["mode"] = l.private_list ? "private" : "public";
    o["description"] = l.description;
    o["slug"] = l.slug;
    o["full_name"] = "@" + screen_name + "/" + l.slug;
    o["created_at"] = v1_time(l.created_ms);
    o["following"] =
        viewer != 0 && std::find(l.followers.begin(), l.followers.end(), viewer) != l.followers.end();
    if (owner) {
        o["user"] = v1_user(w, *owner, viewer, false);
    }
    return o;
}

api_response v1_user_not_found() { return v1_error(404, 50, "User not found."); }
api_response v1_status_not_found() { return v1_error(404, 144, "No status found with that ID."); }
api_response v1_page_not_found() { return v1_error(404, 34, "Sorry, that page does not exist."); }
api_response v1_missing(std::string_view what) {
    return v1_error(400, 38, std::string(what) + " parameter is missing.");
}

std::optional<id_type> v1_user_param(call const& c, api_response& error, bool default_me,
                                     std::string_view id_name, std::string_view name_name) {
    if (auto const* id = c.arg(id_name)) {
        auto const parsed = parse_id(*id);
        if (!parsed || !c.w.user_exists(*parsed)) {
            error = v1_user_not_found();
            return std::nullopt;
        }
        return parsed;
    }
    if (auto const* name = c.arg(name_name)) {
        auto const u = c.w.user_by_username(*name);
        if (!u) {
            error = v1_user_not_found();
            return std::nullopt;
        }
        return u->id;
    }
    if (default_me && c.me() != 0) {
        return c.me();
    }
    error = v1_missing(std::string(id_name) + " or " + std::string(name_name));
    return std::nullopt;
}

list_record* v1_list_param(call& c, api_response& error) {
    list_record* l = nullptr;
    if (auto const* id = c.arg("list_id")) {
        auto const parsed = parse_id(*id);
        l = parsed ? c.w.stored_list(*parsed) : nullptr;
    } else if (auto const* slug = c.arg("slug")) {
        std::optional<id_type> owner;
        if (auto const* owner_id = c.arg("owner_id")) {
            owner = parse_id(*owner_id);
        } else if (auto const* owner_name = c.arg("owner_screen_name")) {
            if (auto const u = c.w.user_by_username(*owner_name)) {
                owner = u->id;
            }
        } else {
            error = v1_missing("owner_screen_name or owner_id");
            return nullptr;
        }
        l = owner ? c.w.list_by_slug(*owner, *slug) : nullptr;
    } else {
        error = v1_missing("list_id or slug");
        return nullptr;
    }
    if (l == nullptr || (l->private_list && l->owner != c.me())) {
        error = v1_page_not_found();
        return nullptr;
    }
    return l;
}

std::size_t v1_count(call const& c, std::size_t fallback, std::size_t max) {
    auto const* text = c.arg("count");
    if (text == nullptr) {
        return fallback;
    }
    std::size_t n = 0;
    auto const [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || end != text->data() + text->size()) {
        return fallback;
    }
    return std::clamp<std::size_t>(n, 1, max);
}

std::vector<id_type> v1_timeline(call const& c, std::vector<id_type> const& ids, std::size_t fallback_count,
                                 std::size_t max_count) {
    auto const count = v1_count(c, fallback_count, max_count);
    auto const* since = c.arg("since_id");
    auto const* max = c.arg("max_id");
    auto const since_id = since != nullptr ? parse_id(*since) : std::nullopt;
    auto const max_id = max != nullptr ? parse_id(*max) : std::nullopt;
    std::vector<id_type> out;
    for (auto const id : ids) {
        if (out.size() == count) {
            break;
        }
        // max_id is inclusive, since_id exclusive, as X documents them.
        if ((!since_id || id > *since_id) && (!max_id || id <= *max_id)) {
            out.push_back(id);
        }
    }
    return out;
}

api_response v1_statuses(call const& c, std::vector<id_type> const& ids) {
    json::array out;
    bool const trim = v1_flag(c, "trim_user");
    for (auto const id : ids) {
        if (auto const* t = c.w.tweet(id)) {
            out.push_back(v1_status(c.w, *t, c.me(), trim));
        }
    }
    return make_json(200, out);
}

api_response v1_cursored(call const& c, std::size_t total, std::size_t fallback_count, std::size_t max_count,
                         std::string_view key, std::function<json::value(std::size_t)> const& item,
                         bool with_total_count) {
    std::size_t offset = 0;
    if (auto const* cursor = c.arg("cursor")) {
        auto const parsed = read_cursor(*cursor);
        if (!parsed) {
            return v1_error(400, 44, "cursor parameter is invalid");
        }
        offset = *parsed;
    }
    auto const count = v1_count(c, fallback_count, max_count);
    json::array items;
    for (auto i = offset; i < std::min(total, offset + count); ++i) {
        items.push_back(item(i));
    }
    auto const next = next_cursor(offset, count, total);
    auto const previous = previous_cursor(offset, count);
    json::object body;
    body[key] = std::move(items);
    body["next_cursor"] = next;
    body["next_cursor_str"] = std::to_string(next);
    body["previous_cursor"] = previous;
    body["previous_cursor_str"] = std::to_string(previous);
    if (with_total_count) {
        body["total_count"] = nullptr;
    }
    return make_json(200, body);
}

api_response v1_ids(call const& c, std::size_t total, std::function<id_type(std::size_t)> const& at) {
    bool const as_strings = v1_flag(c, "stringify_ids");
    return v1_cursored(c, total, 5000, 5000, "ids", [&](std::size_t i) -> json::value {
        auto const id = at(i);
        return as_strings ? json::value(std::to_string(id)) : json::value(id);
    });
}

bool v1_flag(call const& c, std::string_view name) {
    auto const* v = c.arg(name);
    return v != nullptr && (*v == "true" || *v == "t" || *v == "1" || *v == "True");
}

}  // namespace twitter::emulator::detail
