#include "emulator/v2_fields.hpp"

#include "emulator/api_errors.hpp"
#include "emulator/timestamps.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <array>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

using name_list = std::vector<std::string_view>;

// The names X documents for each parameter.
name_list const tweet_fields{"article",
                             "attachments",
                             "author_id",
                             "card_uri",
                             "community_id",
                             "context_annotations",
                             "conversation_id",
                             "created_at",
                             "display_text_range",
                             "edit_controls",
                             "edit_history_tweet_ids",
                             "entities",
                             "geo",
                             "id",
                             "in_reply_to_user_id",
                             "lang",
                             "media_metadata",
                             "non_public_metrics",
                             "note_tweet",
                             "organic_metrics",
                             "possibly_sensitive",
                             "promoted_metrics",
                             "public_metrics",
                             "referenced_tweets",
                             "reply_settings",
                             "scopes",
                             "source",
                             "text",
                             "withheld"};
name_list const user_fields{"affiliation",
                            "connection_status",
                            "created_at",
                            "description",
                            "entities",
                            "id",
                            "location",
                            "most_recent_tweet_id",
                            "name",
                            "pinned_tweet_id",
                            "profile_banner_url",
                            "profile_image_url",
                            "protected",
                            "public_metrics",
                            "receives_your_dm",
                            "subscription_type",
                            "url",
                            "username",
                            "verified",
                            "verified_type",
                            "withheld"};
name_list const list_fields{"created_at",   "description", "follower_count", "id",
                            "member_count", "name",        "owner_id",       "private"};
name_list const space_fields{
    "created_at",       "creator_id",  "ended_at", "host_ids",          "id",
    "invited_user_ids", "is_ticketed", "lang",     "participant_count", "scheduled_start",
    "speaker_ids",      "started_at",  "state",    "subscriber_count",  "title",
    "topic_ids",        "updated_at"};
name_list const dm_event_fields{"attachments",       "created_at", "dm_conversation_id",
                                "event_type",        "id",         "participant_ids",
                                "referenced_tweets", "sender_id",  "text"};
name_list const media_fields{"alt_text",
                             "duration_ms",
                             "height",
                             "media_key",
                             "non_public_metrics",
                             "organic_metrics",
                             "preview_image_url",
                             "promoted_metrics",
                             "public_metrics",
                             "type",
                             "url",
                             "variants",
                             "width"};
name_list const place_fields{"contained_within", "country", "country_code", "full_name", "geo", "id", "name",
                             "place_type"};
name_list const poll_fields{"duration_minutes", "end_datetime", "id", "options", "voting_status"};

name_list const tweet_expansions{"article.cover_media",
                                 "article.media_entities",
                                 "attachments.media_keys",
                                 "attachments.media_source_tweet",
                                 "attachments.poll_ids",
                                 "author_id",
                                 "edit_history_tweet_ids",
                                 "entities.mentions.username",
                                 "geo.place_id",
                                 "in_reply_to_user_id",
                                 "entities.note.mentions.username",
                                 "referenced_tweets.id",
                                 "referenced_tweets.id.attachments.media_keys",
                                 "referenced_tweets.id.author_id"};
name_list const user_expansions{"affiliation.user_id", "most_recent_tweet_id", "pinned_tweet_id"};
name_list const list_expansions{"owner_id"};
name_list const space_expansions{"creator_id", "host_ids", "invited_user_ids", "speaker_ids", "topic_ids"};
name_list const dm_expansions{"attachments.media_keys", "participant_ids", "referenced_tweets.id",
                              "sender_id"};

std::string joined(name_list const& names) {
    std::string out;
    for (auto const n : names) {
        out.append(out.empty() ? "" : ",").append(n);
    }
    return out;
}

bool read_names(param_list const& query, std::string_view parameter, name_list const& valid,
                std::set<std::string, std::less<>>& out, api_response& error) {
    auto const* value = find_param(query, parameter);
    if (value == nullptr) {
        return true;
    }
    std::string_view rest = *value;
    while (true) {
        auto const comma = rest.find(',');
        auto const name = rest.substr(0, comma);
        if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
            json::object e;
            e["parameters"] = json::object{{parameter, json::array{json::string(*value)}}};
            std::string message = "The `";
            message.append(parameter)
                .append("` query parameter value [")
                .append(name)
                .append("] is not one of [")
                .append(joined(valid))
                .append("]");
            e["message"] = std::move(message);
            error = invalid_request(std::move(e));
            return false;
        }
        out.emplace(name);
        if (comma == std::string_view::npos) {
            return true;
        }
        rest.remove_prefix(comma + 1);
    }
}

json::string id_string(id_type id) { return json::string(std::to_string(id)); }

json::array id_array(std::vector<id_type> const& ids) {
    json::array out;
    for (auto const id : ids) {
        out.push_back(id_string(id));
    }
    return out;
}

std::size_t reply_count(world const& w, id_type id) {
    return static_cast<std::size_t>(
        std::count_if(w.tweets().begin(), w.tweets().end(),
                      [&](auto const& entry) { return entry.second.in_reply_to_tweet == id; }));
}

std::size_t quote_count(world const& w, id_type id) {
    return static_cast<std::size_t>(std::count_if(
        w.tweets().begin(), w.tweets().end(), [&](auto const& entry) { return entry.second.quoted == id; }));
}

// X's media keys start with the media type: 3_ photos, 7_ videos, 16_ animated GIFs.
std::string_view media_type_of(std::string_view key) {
    if (key.starts_with("7_")) {
        return "video";
    }
    if (key.starts_with("16_")) {
        return "animated_gif";
    }
    return "photo";
}

}  // namespace

std::optional<field_selection> read_fields(param_list const& query, object_kind kind, api_response& error) {
    field_selection f;
    std::set<std::string, std::less<>> ignored;
    if (!read_names(query, "tweet.fields", tweet_fields, f.tweet, error) ||
        !read_names(query, "user.fields", user_fields, f.user, error) ||
        !read_names(query, "list.fields", list_fields, f.list, error) ||
        !read_names(query, "space.fields", space_fields, f.space, error) ||
        !read_names(query, "dm_event.fields", dm_event_fields, f.dm_event, error) ||
        !read_names(query, "media.fields", media_fields, f.media, error) ||
        !read_names(query, "place.fields", place_fields, ignored, error) ||
        !read_names(query, "poll.fields", poll_fields, ignored, error)) {
        return std::nullopt;
    }
    name_list const* expansions = nullptr;
    switch (kind) {
        case object_kind::tweet:
            expansions = &tweet_expansions;
            break;
        case object_kind::user:
            expansions = &user_expansions;
            break;
        case object_kind::list:
            expansions = &list_expansions;
            break;
        case object_kind::space:
            expansions = &space_expansions;
            break;
        case object_kind::dm_event:
            expansions = &dm_expansions;
            break;
        case object_kind::none:
            break;
    }
    static name_list const none;
    if (!read_names(query, "expansions", expansions != nullptr ? *expansions : none, f.expansions, error)) {
        return std::nullopt;
    }
    return f;
}

bool field_selection::wants(std::set<std::string, std::less<>> const& s, std::string_view name) const {
    // Each field of an object, and the expansions that follow it.
    struct followed_by {
        std::string_view field;
        std::string_view expansion;
    };
    static constexpr std::array<followed_by, 17> implied{{
        {"author_id", "author_id"},
        {"in_reply_to_user_id", "in_reply_to_user_id"},
        {"referenced_tweets", "referenced_tweets.id"},
        {"referenced_tweets", "referenced_tweets.id.author_id"},
        {"attachments", "attachments.media_keys"},
        {"attachments", "attachments.poll_ids"},
        {"geo", "geo.place_id"},
        {"pinned_tweet_id", "pinned_tweet_id"},
        {"owner_id", "owner_id"},
        {"creator_id", "creator_id"},
        {"host_ids", "host_ids"},
        {"speaker_ids", "speaker_ids"},
        {"invited_user_ids", "invited_user_ids"},
        {"topic_ids", "topic_ids"},
        {"sender_id", "sender_id"},
        {"participant_ids", "participant_ids"},
        {"entities", "entities.mentions.username"},
    }};
    if (s.contains(name)) {
        return true;
    }
    return std::any_of(implied.begin(), implied.end(),
                       [&](followed_by const& i) { return i.field == name && expansions.contains(i.expansion); });
}

json::object tweet_json(world const& w, tweet_record const& t, field_selection const& f) {
    json::object o;
    auto const id = std::to_string(t.id);
    o["id"] = id;
    o["text"] = t.text;
    o["edit_history_tweet_ids"] = json::array{json::string(id)};
    auto const wants = [&](std::string_view name) { return f.wants(f.tweet, name); };
    if (wants("author_id")) {
        o["author_id"] = id_string(t.author_id);
    }
    if (wants("created_at")) {
        o["created_at"] = iso8601(t.created_ms);
    }
    if (wants("conversation_id")) {
        o["conversation_id"] = id_string(t.conversation_id);
    }
    if (wants("in_reply_to_user_id") && t.in_reply_to_user) {
        o["in_reply_to_user_id"] = id_string(*t.in_reply_to_user);
    }
    if (wants("lang")) {
        o["lang"] = t.lang;
    }
    if (wants("reply_settings")) {
        o["reply_settings"] = t.reply_settings;
    }
    if (wants("possibly_sensitive")) {
        o["possibly_sensitive"] = false;
    }
    if (wants("source")) {
        o["source"] = "twitter-asio emulator";
    }
    if (wants("community_id") && t.community_id) {
        o["community_id"] = *t.community_id;
    }
    if (wants("edit_controls")) {
        o["edit_controls"] = json::object{{"edits_remaining", 5},
                                          {"is_edit_eligible", t.retweeted.has_value() ? false : true},
                                          {"editable_until", iso8601(t.created_ms + 3'600'000)}};
    }
    if (wants("referenced_tweets")) {
        json::array refs;
        if (t.retweeted) {
            refs.push_back(json::object{{"type", "retweeted"}, {"id", id_string(*t.retweeted)}});
        }
        if (t.quoted) {
            refs.push_back(json::object{{"type", "quoted"}, {"id", id_string(*t.quoted)}});
        }
        if (t.in_reply_to_tweet) {
            refs.push_back(json::object{{"type", "replied_to"}, {"id", id_string(*t.in_reply_to_tweet)}});
        }
        if (!refs.empty()) {
            o["referenced_tweets"] = std::move(refs);
        }
    }
    if (wants("attachments") && !t.media_keys.empty()) {
        json::array keys;
        for (auto const& k : t.media_keys) {
            keys.push_back(json::string(k));
        }
        o["attachments"] = json::object{{"media_keys", std::move(keys)}};
    }
    if (wants("geo") && t.place_id) {
        o["geo"] = json::object{{"place_id", *t.place_id}};
    }
    if (wants("public_metrics")) {
        o["public_metrics"] = json::object{{"retweet_count", w.retweeters(t.id).size()},
                                           {"reply_count", reply_count(w, t.id)},
                                           {"like_count", w.liking_users(t.id).size()},
                                           {"quote_count", quote_count(w, t.id)},
                                           {"bookmark_count", 0},
                                           {"impression_count", 0}};
    }
    return o;
}

json::object user_json(world const& w, user_record const& u, field_selection const& f) {
    json::object o;
    o["id"] = id_string(u.id);
    o["name"] = u.name;
    o["username"] = u.username;
    auto const wants = [&](std::string_view name) { return f.wants(f.user, name); };
    if (wants("created_at")) {
        o["created_at"] = iso8601(u.created_ms);
    }
    if (wants("description")) {
        o["description"] = u.description;
    }
    if (wants("location") && !u.location.empty()) {
        o["location"] = u.location;
    }
    if (wants("url")) {
        o["url"] = u.url;
    }
    if (wants("protected")) {
        o["protected"] = u.protected_account;
    }
    if (wants("verified")) {
        o["verified"] = u.verified;
    }
    if (wants("verified_type")) {
        o["verified_type"] = u.verified ? "business" : "none";
    }
    if (wants("pinned_tweet_id") && u.pinned_tweet_id) {
        o["pinned_tweet_id"] = id_string(*u.pinned_tweet_id);
    }
    if (wants("profile_image_url")) {
        o["profile_image_url"] =
            "https://pbs.twimg.com/profile_images/" + std::to_string(u.id) + "/normal.png";
    }
    if (wants("public_metrics")) {
        o["public_metrics"] = json::object{{"followers_count", w.follower_count(u.id)},
                                           {"following_count", w.following(u.id).size()},
                                           {"tweet_count", w.tweets_of(u.id).size()},
                                           {"listed_count", w.lists_with_member(u.id).size()},
                                           {"like_count", w.liked_tweets(u.id).size()}};
    }
    return o;
}

json::object list_json(list_record const& l, field_selection const& f) {
    json::object o;
    o["id"] = id_string(l.id);
    o["name"] = l.name;
    auto const wants = [&](std::string_view name) { return f.wants(f.list, name); };
    if (wants("created_at")) {
        o["created_at"] = iso8601(l.created_ms);
    }
    if (wants("description")) {
        o["description"] = l.description;
    }
    if (wants("follower_count")) {
        o["follower_count"] = l.followers.size();
    }
    if (wants("member_count")) {
        o["member_count"] = l.members.size();
    }
    if (wants("owner_id")) {
        o["owner_id"] = id_string(l.owner);
    }
    if (wants("private")) {
        o["private"] = l.private_list;
    }
    return o;
}

json::object space_json(space_record const& s, field_selection const& f) {
    json::object o;
    o["id"] = s.id;
    o["state"] = s.state;
    auto const wants = [&](std::string_view name) { return f.wants(f.space, name); };
    if (wants("title")) {
        o["title"] = s.title;
    }
    if (wants("creator_id")) {
        o["creator_id"] = id_string(s.creator);
    }
    if (wants("host_ids")) {
        o["host_ids"] = id_array(s.host_ids);
    }
    if (wants("speaker_ids")) {
        o["speaker_ids"] = id_array(s.speaker_ids);
    }
    if (wants("created_at")) {
        o["created_at"] = iso8601(s.created_ms);
    }
    if (wants("started_at") && s.started_ms != 0) {
        o["started_at"] = iso8601(s.started_ms);
    }
    if (wants("ended_at") && s.ended_ms != 0) {
        o["ended_at"] = iso8601(s.ended_ms);
    }
    if (wants("scheduled_start") && s.state == "scheduled") {
        o["scheduled_start"] = iso8601(s.scheduled_start_ms);
    }
    if (wants("lang")) {
        o["lang"] = s.lang;
    }
    if (wants("is_ticketed")) {
        o["is_ticketed"] = s.ticketed;
    }
    if (wants("participant_count")) {
        o["participant_count"] = s.participant_count;
    }
    if (wants("updated_at")) {
        o["updated_at"] = iso8601(std::max({s.created_ms, s.started_ms, s.ended_ms}));
    }
    return o;
}

json::object dm_event_json(dm_event_record const& e, field_selection const& f) {
    json::object o;
    o["id"] = id_string(e.id);
    o["event_type"] = e.event_type;
    if (e.event_type == "MessageCreate") {
        o["text"] = e.text;
    }
    auto const wants = [&](std::string_view name) { return f.wants(f.dm_event, name); };
    if (wants("created_at")) {
        o["created_at"] = iso8601(e.created_ms);
    }
    if (wants("sender_id") && e.sender != 0) {
        o["sender_id"] = id_string(e.sender);
    }
    if (wants("dm_conversation_id")) {
        o["dm_conversation_id"] = e.conversation_id;
    }
    if (wants("participant_ids") && !e.participant_ids.empty()) {
        o["participant_ids"] = id_array(e.participant_ids);
    }
    if (wants("attachments") && !e.media_ids.empty()) {
        json::array keys;
        for (auto const& m : e.media_ids) {
            keys.push_back(json::string("3_" + m));
        }
        o["attachments"] = json::object{{"media_keys", std::move(keys)}};
    }
    return o;
}

void includes_builder::add_user(id_type id) {
    if (std::find(users_.begin(), users_.end(), id) == users_.end() && world_.user_exists(id)) {
        users_.push_back(id);
    }
}

void includes_builder::add_tweet(id_type id) {
    if (std::find(tweets_.begin(), tweets_.end(), id) == tweets_.end() && world_.tweet(id) != nullptr) {
        tweets_.push_back(id);
    }
}

void includes_builder::add_media(std::string const& key) {
    if (std::find(media_.begin(), media_.end(), key) == media_.end()) {
        media_.push_back(key);
    }
}

void includes_builder::expand_tweet(tweet_record const& t) {
    auto const& x = fields_.expansions;
    if (x.contains("author_id")) {
        add_user(t.author_id);
    }
    if (x.contains("in_reply_to_user_id") && t.in_reply_to_user) {
        add_user(*t.in_reply_to_user);
    }
    if (x.contains("attachments.media_keys")) {
        for (auto const& k : t.media_keys) {
            add_media(k);
        }
    }
    if (x.contains("referenced_tweets.id") || x.contains("referenced_tweets.id.author_id")) {
        for (auto const& ref : {t.retweeted, t.quoted, t.in_reply_to_tweet}) {
            if (!ref) {
                continue;
            }
            if (x.contains("referenced_tweets.id")) {
                add_tweet(*ref);
            }
            if (auto const* referenced = world_.tweet(*ref);
                referenced != nullptr && x.contains("referenced_tweets.id.author_id")) {
                add_user(referenced->author_id);
            }
        }
    }
}

void includes_builder::expand_user(user_record const& u) {
    if (fields_.expansions.contains("pinned_tweet_id") && u.pinned_tweet_id) {
        add_tweet(*u.pinned_tweet_id);
    }
}

void includes_builder::expand_list(list_record const& l) {
    if (fields_.expansions.contains("owner_id")) {
        add_user(l.owner);
    }
}

void includes_builder::expand_space(space_record const& s) {
    auto const& x = fields_.expansions;
    if (x.contains("creator_id")) {
        add_user(s.creator);
    }
    if (x.contains("host_ids")) {
        for (auto const id : s.host_ids) {
            add_user(id);
        }
    }
    if (x.contains("speaker_ids")) {
        for (auto const id : s.speaker_ids) {
            add_user(id);
        }
    }
}

void includes_builder::expand_dm_event(dm_event_record const& e) {
    auto const& x = fields_.expansions;
    if (x.contains("sender_id") && e.sender != 0) {
        add_user(e.sender);
    }
    if (x.contains("participant_ids")) {
        for (auto const id : e.participant_ids) {
            add_user(id);
        }
    }
}

void includes_builder::write(json::object& body) const {
    json::object includes;
    if (!users_.empty()) {
        json::array users;
        for (auto const id : users_) {
            users.push_back(user_json(world_, *world_.user(id), fields_));
        }
        includes["users"] = std::move(users);
    }
    if (!tweets_.empty()) {
        json::array tweets;
        for (auto const id : tweets_) {
            tweets.push_back(tweet_json(world_, *world_.tweet(id), fields_));
        }
        includes["tweets"] = std::move(tweets);
    }
    if (!media_.empty()) {
        json::array media;
        for (auto const& key : media_) {
            media.push_back(json::object{{"media_key", key}, {"type", media_type_of(key)}});
        }
        includes["media"] = std::move(media);
    }
    if (!includes.empty()) {
        body["includes"] = std::move(includes);
    }
}

}  // namespace twitter::emulator::detail
