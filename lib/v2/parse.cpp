#include <twitter/v2/response.hpp>
#include <twitter/v2/stream.hpp>

#include "core/api_errors.hpp"
#include "core/json_reader.hpp"
#include "core/rate_limit_headers.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::v2 {
namespace json = boost::json;
namespace {

// Its own type, so that the shared reader finds this file's read() functions.
class object_reader : public core::json_reader<object_reader> {
public:
    using json_reader::json_reader;
};

void read(object_reader const& r, url_entity& e) {
    r.get("start", e.start);
    r.get("end", e.end);
    r.require("url", e.url);
    r.get("expanded_url", e.expanded_url);
    r.get("display_url", e.display_url);
    r.get("unwound_url", e.unwound_url);
}

void read(object_reader const& r, mention_entity& e) {
    r.get("start", e.start);
    r.get("end", e.end);
    r.require("username", e.username);
    r.get("id", e.id);
}

void read(object_reader const& r, tag_entity& e) {
    r.get("start", e.start);
    r.get("end", e.end);
    r.require("tag", e.tag);
}

void read(object_reader const& r, entities& e) {
    r.get("urls", e.urls);
    r.get("mentions", e.mentions);
    r.get("hashtags", e.hashtags);
    r.get("cashtags", e.cashtags);
}

void read(object_reader const& r, withheld& w) {
    r.get("country_codes", w.country_codes);
    r.get("copyright", w.copyright);
    r.get("scope", w.scope);
}

void read(object_reader const& r, tweet_public_metrics& m) {
    r.get("retweet_count", m.retweet_count);
    r.get("reply_count", m.reply_count);
    r.get("like_count", m.like_count);
    r.get("quote_count", m.quote_count);
    r.get("bookmark_count", m.bookmark_count);
    r.get("impression_count", m.impression_count);
}

void read(object_reader const& r, referenced_tweet& t) {
    r.require("type", t.type);
    r.require("id", t.id);
}

void read(object_reader const& r, tweet_attachments& a) {
    r.get("media_keys", a.media_keys);
    r.get("poll_ids", a.poll_ids);
}

void read(object_reader const& r, tweet& t) {
    r.require("id", t.id);
    // Every tweet has text, but a tweet withheld or deleted mid-expansion may come without it.
    std::optional<std::string> text;
    r.get("text", text);
    if (text) t.text = std::move(*text);
    r.get("edit_history_tweet_ids", t.edit_history_tweet_ids);
    r.get("author_id", t.author_id);
    r.get("conversation_id", t.conversation_id);
    r.get("in_reply_to_user_id", t.in_reply_to_user_id);
    r.get("created_at", t.created_at);
    r.get("lang", t.lang);
    r.get("source", t.source);
    r.get("reply_settings", t.reply_settings);
    r.get("community_id", t.community_id);
    r.nested("geo", [&](object_reader const& geo) { geo.get("place_id", t.place_id); });
    r.get("possibly_sensitive", t.possibly_sensitive);
    r.get("referenced_tweets", t.referenced_tweets);
    r.get("attachments", t.attachments);
    r.get("entities", t.entities);
    r.get("public_metrics", t.public_metrics);
    r.get("withheld", t.withheld);
}

void read(object_reader const& r, user_public_metrics& m) {
    r.get("followers_count", m.followers_count);
    r.get("following_count", m.following_count);
    r.get("tweet_count", m.tweet_count);
    r.get("listed_count", m.listed_count);
    r.get("like_count", m.like_count);
}

void read(object_reader const& r, user& u) {
    r.require("id", u.id);
    r.require("name", u.name);
    r.require("username", u.username);
    r.get("created_at", u.created_at);
    r.get("description", u.description);
    r.get("location", u.location);
    r.get("pinned_tweet_id", u.pinned_tweet_id);
    r.get("profile_image_url", u.profile_image_url);
    r.get("url", u.url);
    r.get("protected", u.is_protected);
    r.get("verified", u.verified);
    r.get("verified_type", u.verified_type);
    r.get("public_metrics", u.public_metrics);
    r.get("withheld", u.withheld);
}

void read(object_reader const& r, media& m) {
    r.require("media_key", m.media_key);
    r.require("type", m.type);
    r.get("url", m.url);
    r.get("preview_image_url", m.preview_image_url);
    r.get("alt_text", m.alt_text);
    r.get("width", m.width);
    r.get("height", m.height);
    r.get("duration_ms", m.duration_ms);
    r.nested("public_metrics",
             [&](object_reader const& metrics) { metrics.get("view_count", m.view_count); });
}

void read(object_reader const& r, place& p) {
    r.require("id", p.id);
    r.require("full_name", p.full_name);
    r.get("name", p.name);
    r.get("country", p.country);
    r.get("country_code", p.country_code);
    r.get("place_type", p.place_type);
    r.get("contained_within", p.contained_within);
}

void read(object_reader const& r, poll_option& o) {
    r.get("position", o.position);
    r.require("label", o.label);
    r.get("votes", o.votes);
}

void read(object_reader const& r, poll& p) {
    r.require("id", p.id);
    r.get("options", p.options);
    r.get("duration_minutes", p.duration_minutes);
    r.get("end_datetime", p.end_datetime);
    r.get("voting_status", p.voting_status);
}

void read(object_reader const& r, list& l) {
    r.require("id", l.id);
    r.require("name", l.name);
    r.get("created_at", l.created_at);
    r.get("description", l.description);
    r.get("owner_id", l.owner_id);
    r.get("follower_count", l.follower_count);
    r.get("member_count", l.member_count);
    r.get("private", l.is_private);
}

void read(object_reader const& r, space& s) {
    r.require("id", s.id);
    r.require("state", s.state);
    r.get("title", s.title);
    r.get("creator_id", s.creator_id);
    r.get("lang", s.lang);
    r.get("created_at", s.created_at);
    r.get("updated_at", s.updated_at);
    r.get("scheduled_start", s.scheduled_start);
    r.get("started_at", s.started_at);
    r.get("ended_at", s.ended_at);
    r.get("is_ticketed", s.is_ticketed);
    r.get("participant_count", s.participant_count);
    r.get("subscriber_count", s.subscriber_count);
    r.get("host_ids", s.host_ids);
    r.get("speaker_ids", s.speaker_ids);
    r.get("invited_user_ids", s.invited_user_ids);
    r.get("topic_ids", s.topic_ids);
}

void read(object_reader const& r, dm_event& e) {
    r.require("id", e.id);
    r.require("event_type", e.event_type);
    r.get("text", e.text);
    r.get("sender_id", e.sender_id);
    r.get("dm_conversation_id", e.dm_conversation_id);
    r.get("created_at", e.created_at);
    r.get("participant_ids", e.participant_ids);
    r.nested("attachments", [&](object_reader const& a) { a.get("media_keys", e.media_keys); });
    r.get("referenced_tweets", e.referenced_tweets);
}

void read(object_reader const& r, compliance_job& j) {
    r.require("id", j.id);
    r.require("type", j.type);
    r.require("status", j.status);
    r.get("name", j.name);
    r.get("created_at", j.created_at);
    r.get("upload_url", j.upload_url);
    r.get("upload_expires_at", j.upload_expires_at);
    r.get("download_url", j.download_url);
    r.get("download_expires_at", j.download_expires_at);
    r.get("resumable", j.resumable);
}

void read(object_reader const& r, topic& t) {
    r.require("id", t.id);
    r.require("name", t.name);
    r.get("description", t.description);
}

void read(object_reader const& r, tweet_count& c) {
    r.require("start", c.start);
    r.require("end", c.end);
    r.get("tweet_count", c.count);
}

void read(object_reader const& r, action_result& a) {
    r.get("bookmarked", a.bookmarked);
    r.get("deleted", a.deleted);
    r.get("following", a.following);
    r.get("pending_follow", a.pending_follow);
    r.get("hidden", a.hidden);
    r.get("liked", a.liked);
    r.get("is_member", a.is_member);
    r.get("muting", a.muting);
    r.get("blocking", a.blocking);
    r.get("pinned", a.pinned);
    r.get("retweeted", a.retweeted);
    r.get("updated", a.updated);
}

void read(object_reader const& r, dm_created& d) {
    r.require("dm_conversation_id", d.dm_conversation_id);
    r.require("dm_event_id", d.dm_event_id);
}

void read(object_reader const& r, includes& i) {
    r.get("users", i.users);
    r.get("tweets", i.tweets);
    r.get("media", i.media);
    r.get("places", i.places);
    r.get("polls", i.polls);
    r.get("topics", i.topics);
}

void read(object_reader const& r, meta::rules_summary& s) {
    r.get("created", s.created);
    r.get("not_created", s.not_created);
    r.get("valid", s.valid);
    r.get("invalid", s.invalid);
    r.get("deleted", s.deleted);
    r.get("not_deleted", s.not_deleted);
}

void read(object_reader const& r, stream_rule& rule) {
    r.require("id", rule.id);
    r.require("value", rule.value);
    std::optional<std::string> tag;
    r.get("tag", tag);
    if (tag) rule.tag = std::move(*tag);
}

void read(object_reader const& r, matching_rule& rule) {
    r.require("id", rule.id);
    std::optional<std::string> tag;
    r.get("tag", tag);
    if (tag) rule.tag = std::move(*tag);
}

void read(object_reader const& r, meta& m) {
    r.get("result_count", m.result_count);
    r.get("next_token", m.next_token);
    r.get("previous_token", m.previous_token);
    r.get("newest_id", m.newest_id);
    r.get("oldest_id", m.oldest_id);
    r.get("total_tweet_count", m.total_tweet_count);
    r.get("sent", m.sent);
    r.get("summary", m.summary);
}

// The errors[] entries are only checked for shape here; core::parse_api_errors reads them, as it does for
// error responses, so both paths agree on what an entry means.
bool errors_have_shape(json::object const& root) {
    auto const* errors = root.if_contains("errors");
    if (!errors || errors->is_null()) return true;
    if (!errors->is_array()) return false;
    for (json::value const& e : errors->get_array())
        if (!e.is_object()) return false;
    return true;
}

// Reads `body` as a JSON object: data, includes and errors into `out`, then whatever else `read_rest` reads.
template <class Out, class ReadRest>
error_code parse_object(std::string_view body, Out& out, ReadRest read_rest) {
    error_code ec;
    json::value const doc = json::parse(body, ec);
    if (ec || !doc.is_object()) return protocol_errc::malformed_json;
    json::object const& root = doc.get_object();

    bool ok = errors_have_shape(root);
    object_reader const r(root, ok);
    r.get("data", out.data);
    std::optional<includes> incl;
    r.get("includes", incl);
    if (incl) out.includes = std::move(*incl);
    read_rest(r);
    if (!ok) return protocol_errc::malformed_json;

    if (r.has("errors")) out.errors = core::parse_api_errors(body);
    out.raw_json = body;
    return {};
}

template <class T>
error_code parse_envelope(std::string_view body, response<T>& out) {
    auto limits = std::move(out.limits);
    out = {};
    out.limits = std::move(limits);
    return parse_object(body, out, [&out](object_reader const& r) {
        std::optional<meta> m;
        r.get("meta", m);
        if (m) out.meta = std::move(*m);
    });
}

}  // namespace

error_code parse(std::string_view line, stream_event& out) {
    out = {};
    return parse_object(line, out, [&out](object_reader const& r) { r.get("matching_rules", out.matching_rules); });
}

error_code parse(std::string_view body, response<std::vector<stream_rule>>& out) {
    return parse_envelope(body, out);
}

error_code parse(std::string_view body, response<tweet>& out) { return parse_envelope(body, out); }
error_code parse(std::string_view body, response<std::vector<tweet>>& out) {
    return parse_envelope(body, out);
}
error_code parse(std::string_view body, response<user>& out) { return parse_envelope(body, out); }
error_code parse(std::string_view body, response<std::vector<user>>& out) {
    return parse_envelope(body, out);
}
error_code parse(std::string_view body, response<list>& out) { return parse_envelope(body, out); }
error_code parse(std::string_view body, response<std::vector<list>>& out) {
    return parse_envelope(body, out);
}
error_code parse(std::string_view body, response<space>& out) { return parse_envelope(body, out); }
error_code parse(std::string_view body, response<std::vector<space>>& out) {
    return parse_envelope(body, out);
}
error_code parse(std::string_view body, response<dm_event>& out) { return parse_envelope(body, out); }
error_code parse(std::string_view body, response<std::vector<dm_event>>& out) {
    return parse_envelope(body, out);
}
error_code parse(std::string_view body, response<compliance_job>& out) { return parse_envelope(body, out); }
error_code parse(std::string_view body, response<std::vector<compliance_job>>& out) {
    return parse_envelope(body, out);
}
error_code parse(std::string_view body, response<std::vector<tweet_count>>& out) {
    return parse_envelope(body, out);
}
error_code parse(std::string_view body, response<action_result>& out) { return parse_envelope(body, out); }
error_code parse(std::string_view body, response<dm_created>& out) { return parse_envelope(body, out); }

rate_limits rate_limits_of(std::span<http::header const> headers) noexcept {
    return core::parse_rate_limits(headers);
}

}  // namespace twitter::v2
