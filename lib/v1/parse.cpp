#include <twitter/v1/response.hpp>

#include "core/json_reader.hpp"
#include "core/rate_limit_headers.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::v1 {
namespace json = boost::json;
namespace {

// An id as the API writes it: a decimal string, or a number (exact in Boost.JSON, which keeps 64-bit
// integers).
bool id_text(json::value const& v, std::string& out) {
    if (v.is_string()) {
        out = v.get_string();
        return true;
    }
    if (v.is_uint64()) {
        out = std::to_string(v.get_uint64());
        return true;
    }
    if (v.is_int64()) {
        out = std::to_string(v.get_int64());
        return true;
    }
    return false;
}

bool number(json::value const& v, double& out) {
    if (v.is_double())
        out = v.get_double();
    else if (v.is_int64())
        out = static_cast<double>(v.get_int64());
    else if (v.is_uint64())
        out = static_cast<double>(v.get_uint64());
    else
        return false;
    return true;
}

// [longitude, latitude], as GeoJSON writes a position.
bool position(json::value const& v, point& out) {
    if (!v.is_array() || v.get_array().size() < 2) return false;
    auto const& a = v.get_array();
    return number(a[0], out.longitude) && number(a[1], out.latitude);
}

// The shared reader, with what only v1.1 sends: doubles, boxed models, GeoJSON points, ids as numbers or
// strings, and entity indices.
class reader : public core::json_reader<reader> {
public:
    using json_reader::get;
    using json_reader::json_reader;

    void get(std::string_view key, std::optional<double>& out) const {
        if (auto const* v = find(key)) {
            double d = 0;
            if (number(*v, d))
                out = d;
            else
                fail();
        }
    }
    template <class T>
    void get(std::string_view key, box<T>& out) const {
        nested(key, [&](reader const& r) { read(r, out.emplace()); });
    }
    void get(std::string_view key, std::optional<point>& out) const {
        if (auto const* v = find(key)) {
            if (!position(*v, out.emplace())) fail();
        }
    }

    // An id: `<key>_str` when the API sends it, else `<key>` (a number or a string).
    bool id(std::string_view key, std::string& out) const {
        std::string str_key(key);
        str_key += "_str";
        if (auto const* s = find(str_key)) {
            if (s->is_string()) {
                out = s->get_string();
                return true;
            }
            fail();
            return false;
        }
        if (auto const* v = find(key)) {
            if (id_text(*v, out)) return true;
            fail();
        }
        return false;
    }
    void require_id(std::string_view key, std::string& out) const {
        if (!id(key, out)) fail();
    }
    void id(std::string_view key, std::optional<std::string>& out) const {
        std::string value;
        if (id(key, value)) out = std::move(value);
    }

    // indices: [start, end].
    void indices(std::int64_t& start, std::int64_t& end) const {
        auto const* v = find("indices");
        if (!v) return;
        if (!v->is_array() || v->get_array().size() != 2 || !v->get_array()[0].is_int64() ||
            !v->get_array()[1].is_int64())
            return fail();
        start = v->get_array()[0].get_int64();
        end = v->get_array()[1].get_int64();
    }
};

void read(reader const& r, hashtag_entity& e) {
    r.indices(e.start, e.end);
    r.require("text", e.text);
}

void read(reader const& r, mention_entity& e) {
    r.indices(e.start, e.end);
    r.require("screen_name", e.screen_name);
    r.id("id", e.id);
    r.get("name", e.name);
}

void read(reader const& r, url_entity& e) {
    r.indices(e.start, e.end);
    r.require("url", e.url);
    r.get("expanded_url", e.expanded_url);
    r.get("display_url", e.display_url);
}

void read(reader const& r, media_entity& e) {
    r.indices(e.start, e.end);
    r.require_id("id", e.id);
    std::optional<std::string> type;
    r.get("type", type);
    if (type) e.type = std::move(*type);
    r.get("media_url_https", e.media_url_https);
    r.get("url", e.url);
    r.get("display_url", e.display_url);
    r.get("expanded_url", e.expanded_url);
    r.get("ext_alt_text", e.ext_alt_text);
}

void read(reader const& r, entities& e) {
    r.get("hashtags", e.hashtags);
    r.get("symbols", e.symbols);
    r.get("user_mentions", e.mentions);
    r.get("urls", e.urls);
    r.get("media", e.media);
}

void read(reader const& r, user_entities& e) {
    r.nested("url", [&](reader const& u) { u.get("urls", e.url); });
    r.nested("description", [&](reader const& d) { d.get("urls", e.description); });
}

void read(reader const& r, v1::bounding_box& b) {
    r.require("type", b.type);
    auto const* c = r.find("coordinates");
    if (!c) return;
    if (!c->is_array()) return r.fail();
    for (json::value const& ring : c->get_array()) {
        if (!ring.is_array()) return r.fail();
        auto& out = b.coordinates.emplace_back();
        for (json::value const& p : ring.get_array())
            if (!position(p, out.emplace_back())) return r.fail();
    }
}

void read(reader const& r, place& p) {
    r.require("id", p.id);
    r.get("url", p.url);
    r.get("place_type", p.place_type);
    r.get("name", p.name);
    r.get("full_name", p.full_name);
    r.get("country_code", p.country_code);
    r.get("country", p.country);
    r.get("centroid", p.centroid);
    r.get("bounding_box", p.bounding_box);
    r.get("contained_within", p.contained_within);
}

void read(reader const& r, status& s);

void read(reader const& r, user& u) {
    r.require_id("id", u.id);
    r.get("name", u.name);
    r.get("screen_name", u.screen_name);
    r.get("location", u.location);
    r.get("description", u.description);
    r.get("url", u.url);
    r.get("entities", u.entities);
    r.get("protected", u.is_protected);
    r.get("verified", u.verified);
    r.get("followers_count", u.followers_count);
    r.get("friends_count", u.friends_count);
    r.get("listed_count", u.listed_count);
    r.get("favourites_count", u.favourites_count);
    r.get("statuses_count", u.statuses_count);
    r.get("created_at", u.created_at);
    r.get("profile_image_url_https", u.profile_image_url_https);
    r.get("profile_banner_url", u.profile_banner_url);
    r.get("profile_link_color", u.profile_link_color);
    r.get("default_profile", u.default_profile);
    r.get("default_profile_image", u.default_profile_image);
    r.get("geo_enabled", u.geo_enabled);
    r.get("following", u.following);
    r.get("follow_request_sent", u.follow_request_sent);
    r.get("notifications", u.notifications);
    r.get("email", u.email);
    r.get("status", u.status);
}

void read(reader const& r, status& s) {
    r.require_id("id", s.id);
    // tweet_mode=extended sends full_text instead of text.
    std::optional<std::string> text;
    r.get("full_text", text);
    if (!text) r.get("text", text);
    if (text)
        s.text = std::move(*text);
    else
        r.fail();
    r.get("created_at", s.created_at);
    r.get("source", s.source);
    r.get("lang", s.lang);
    r.get("truncated", s.truncated);
    r.get("user", s.user);
    r.get("entities", s.entities);
    r.nested("extended_entities", [&](reader const& e) { e.get("media", s.extended_media); });
    r.id("in_reply_to_status_id", s.in_reply_to_status_id);
    r.id("in_reply_to_user_id", s.in_reply_to_user_id);
    r.get("in_reply_to_screen_name", s.in_reply_to_screen_name);
    r.id("quoted_status_id", s.quoted_status_id);
    r.get("is_quote_status", s.is_quote_status);
    r.get("retweet_count", s.retweet_count);
    r.get("favorite_count", s.favorite_count);
    r.get("quote_count", s.quote_count);
    r.get("reply_count", s.reply_count);
    r.get("favorited", s.favorited);
    r.get("retweeted", s.retweeted);
    r.get("possibly_sensitive", s.possibly_sensitive);
    r.nested("coordinates", [&](reader const& c) {
        if (auto const* v = c.find("coordinates"); v && !position(*v, s.coordinates.emplace())) c.fail();
    });
    r.get("place", s.place);
    r.nested("current_user_retweet", [&](reader const& c) { c.id("id", s.current_user_retweet_id); });
    r.get("retweeted_status", s.retweeted_status);
    r.get("quoted_status", s.quoted_status);
}

void read(reader const& r, list& l) {
    r.require_id("id", l.id);
    r.require("name", l.name);
    r.get("slug", l.slug);
    r.get("full_name", l.full_name);
    r.get("uri", l.uri);
    r.get("description", l.description);
    r.get("mode", l.mode);
    r.get("created_at", l.created_at);
    r.get("member_count", l.member_count);
    r.get("subscriber_count", l.subscriber_count);
    r.get("following", l.following);
    r.get("user", l.user);
}

void read(reader const& r, relationship_side& s) {
    r.require_id("id", s.id);
    r.get("screen_name", s.screen_name);
    r.get("following", s.following);
    r.get("followed_by", s.followed_by);
    r.get("following_requested", s.following_requested);
    r.get("following_received", s.following_received);
    r.get("live_following", s.live_following);
    r.get("notifications_enabled", s.notifications_enabled);
    r.get("can_dm", s.can_dm);
    r.get("blocking", s.blocking);
    r.get("blocked_by", s.blocked_by);
    r.get("muting", s.muting);
    r.get("want_retweets", s.want_retweets);
    r.get("all_replies", s.all_replies);
    r.get("marked_spam", s.marked_spam);
}

void read(reader const& r, friendship& f) {
    r.require_id("id", f.id);
    r.get("screen_name", f.screen_name);
    r.get("name", f.name);
    r.get("connections", f.connections);
}

void read(reader const& r, saved_search& s) {
    r.require_id("id", s.id);
    r.require("query", s.query);
    r.get("name", s.name);
    r.get("created_at", s.created_at);
}

void read(reader const& r, search_metadata& m) {
    r.id("max_id", m.max_id);
    r.id("since_id", m.since_id);
    r.get("next_results", m.next_results);
    r.get("refresh_url", m.refresh_url);
    r.get("query", m.query);
    r.get("count", m.count);
    r.get("completed_in", m.completed_in);
}

void read(reader const& r, dm_event& e) {
    r.require_id("id", e.id);
    r.require("type", e.type);
    r.get("created_timestamp", e.created_timestamp);
    r.nested("message_create", [&](reader const& mc) {
        mc.nested("target", [&](reader const& t) { t.id("recipient_id", e.recipient_id); });
        mc.id("sender_id", e.sender_id);
        mc.id("source_app_id", e.source_app_id);
        mc.nested("message_data", [&](reader const& md) {
            md.get("text", e.text);
            md.get("entities", e.entities);
            md.nested("attachment", [&](reader const& a) { a.get("media", e.attachment_media); });
        });
    });
}

void read(reader const& r, oembed& o) {
    r.require("html", o.html);
    r.get("url", o.url);
    r.get("author_name", o.author_name);
    r.get("author_url", o.author_url);
    r.get("width", o.width);
    r.get("height", o.height);
    r.get("type", o.type);
    r.get("cache_age", o.cache_age);
    r.get("provider_name", o.provider_name);
    r.get("provider_url", o.provider_url);
    r.get("version", o.version);
}

void read(reader const& r, language& l) {
    r.require("code", l.code);
    r.get("name", l.name);
    r.get("local_name", l.local_name);
    r.get("status", l.status);
    r.get("debug", l.debug);
}

void read(reader const& r, v1::time_zone& t) {
    r.get("name", t.name);
    r.get("utc_offset", t.utc_offset);
    r.get("tzinfo_name", t.tzinfo_name);
}

void read(reader const& r, v1::sleep_time& t) {
    r.get("enabled", t.enabled);
    r.get("start_time", t.start_time);
    r.get("end_time", t.end_time);
}

void read(reader const& r, trend_location& t) {
    r.get("woeid", t.woeid);
    r.get("name", t.name);
    r.get("country", t.country);
    r.get("countryCode", t.country_code);
    r.get("url", t.url);
}

void read(reader const& r, account_settings& s) {
    r.get("screen_name", s.screen_name);
    r.get("language", s.language);
    r.get("protected", s.is_protected);
    r.get("geo_enabled", s.geo_enabled);
    r.get("always_use_https", s.always_use_https);
    r.get("discoverable_by_email", s.discoverable_by_email);
    r.get("discoverable_by_mobile_phone", s.discoverable_by_mobile_phone);
    r.get("display_sensitive_media", s.display_sensitive_media);
    r.get("use_cookie_personalization", s.use_cookie_personalization);
    r.get("allow_contributor_request", s.allow_contributor_request);
    r.get("allow_dms_from", s.allow_dms_from);
    r.get("allow_dm_groups_from", s.allow_dm_groups_from);
    r.get("translator_type", s.translator_type);
    r.get("time_zone", s.time_zone);
    r.get("sleep_time", s.sleep_time);
    r.get("trend_location", s.trend_location);
}

// The top level of each body.

void read_root(reader const& r, relationship& out) {
    bool found = false;
    r.nested("relationship", [&](reader const& rel) {
        found = true;
        std::optional<relationship_side> source, target;
        rel.get("source", source);
        rel.get("target", target);
        if (!source || !target) return rel.fail();
        out.source = std::move(*source);
        out.target = std::move(*target);
    });
    if (!found) r.fail();
}

void read_root(reader const& r, place_search_result& out) {
    bool found = false;
    r.nested("result", [&](reader const& result) {
        found = true;
        result.get("places", out.places);
        result.get("token", out.token);
    });
    if (!found) r.fail();
}

void read_root(reader const& r, search_results& out) {
    if (!r.find("statuses")) return r.fail();
    r.get("statuses", out.statuses);
    std::optional<search_metadata> meta;
    r.get("search_metadata", meta);
    if (meta) out.search_metadata = std::move(*meta);
}

void cursors(reader const& r, std::string& next, std::string& previous) {
    r.id("next_cursor", next);
    r.id("previous_cursor", previous);
}

void read_root(reader const& r, id_page& out) {
    auto const* ids = r.find("ids");
    if (!ids || !ids->is_array()) return r.fail();
    for (json::value const& v : ids->get_array())
        if (!id_text(v, out.items.emplace_back())) return r.fail();
    cursors(r, out.next_cursor, out.previous_cursor);
    r.get("total_count", out.total_count);
}

void read_root(reader const& r, user_page& out) {
    if (!r.find("users")) return r.fail();
    r.get("users", out.items);
    cursors(r, out.next_cursor, out.previous_cursor);
    r.get("total_count", out.total_count);
}

void read_root(reader const& r, list_page& out) {
    if (!r.find("lists")) return r.fail();
    r.get("lists", out.items);
    cursors(r, out.next_cursor, out.previous_cursor);
    r.get("total_count", out.total_count);
}

// events/new and events/show wrap the event: {"event": {...}}.
void read_root(reader const& r, dm_event& out) {
    std::optional<dm_event> event;
    r.get("event", event);
    if (event)
        out = std::move(*event);
    else
        r.fail();
}

void read_root(reader const& r, dm_event_page& out) {
    if (!r.find("events")) return r.fail();
    r.get("events", out.events);
    r.get("next_cursor", out.next_cursor);
}

void read_root(reader const& r, rate_limit_status& out) {
    auto const* resources = r.find("resources");
    if (!resources || !resources->is_object()) return r.fail();
    for (auto const& family : resources->get_object()) {
        if (!family.value().is_object()) return r.fail();
        auto& endpoints = out.resources[std::string(family.key())];
        for (auto const& endpoint : family.value().get_object()) {
            if (!endpoint.value().is_object()) return r.fail();
            reader const e(endpoint.value().get_object(), r.ok());
            std::optional<std::uint64_t> limit, remaining;
            std::optional<std::int64_t> reset;
            e.get("limit", limit);
            e.get("remaining", remaining);
            e.get("reset", reset);
            if (!limit || !remaining || !reset) return r.fail();
            endpoints[std::string(endpoint.key())] = rate_limit{*limit, *remaining, *reset};
        }
    }
}

// The plain objects: the body is the model.
template <class T>
requires requires(reader const& r, T& t) { read(r, t); }
void read_root(reader const& r, T& out) { read(r, out); }

template <class T>
error_code parse_object(json::value const& doc, T& out) {
    if (!doc.is_object()) return protocol_errc::malformed_json;
    bool ok = true;
    read_root(reader(doc.get_object(), ok), out);
    return ok ? error_code{} : error_code(protocol_errc::malformed_json);
}

template <class T>
error_code parse_array(json::value const& doc, std::vector<T>& out) {
    if (!doc.is_array()) return protocol_errc::malformed_json;
    bool ok = true;
    for (json::value const& item : doc.get_array()) {
        if (!item.is_object()) return protocol_errc::malformed_json;
        read(reader(item.get_object(), ok), out.emplace_back());
        if (!ok) return protocol_errc::malformed_json;
    }
    return {};
}

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

}  // namespace

template <class T>
error_code parse(std::string_view body, T& out) {
    out = T{};
    if constexpr (std::is_same_v<T, no_content>) {
        return {};
    } else {
        error_code ec;
        json::value const doc = json::parse(body, ec);
        if (ec) return protocol_errc::malformed_json;
        if constexpr (is_vector<T>::value)
            return parse_array(doc, out);
        else
            return parse_object(doc, out);
    }
}

template <class T>
error_code parse(http::response const& res, response<T>& out) {
    out.limits = core::parse_rate_limits(res.headers);
    out.raw_json = res.body;
    return parse(std::string_view(res.body), out.data);
}

#define TWITTER_V1_PARSE(T)                                       \
    template error_code parse<T>(std::string_view body, T & out); \
    template error_code parse<T>(http::response const& res, response<T>& out);

TWITTER_V1_PARSE(status)
TWITTER_V1_PARSE(std::vector<status>)
TWITTER_V1_PARSE(user)
TWITTER_V1_PARSE(std::vector<user>)
TWITTER_V1_PARSE(list)
TWITTER_V1_PARSE(std::vector<list>)
TWITTER_V1_PARSE(relationship)
TWITTER_V1_PARSE(std::vector<friendship>)
TWITTER_V1_PARSE(saved_search)
TWITTER_V1_PARSE(std::vector<saved_search>)
TWITTER_V1_PARSE(place)
TWITTER_V1_PARSE(place_search_result)
TWITTER_V1_PARSE(search_results)
TWITTER_V1_PARSE(id_page)
TWITTER_V1_PARSE(user_page)
TWITTER_V1_PARSE(list_page)
TWITTER_V1_PARSE(dm_event)
TWITTER_V1_PARSE(dm_event_page)
TWITTER_V1_PARSE(oembed)
TWITTER_V1_PARSE(std::vector<language>)
TWITTER_V1_PARSE(rate_limit_status)
TWITTER_V1_PARSE(account_settings)
TWITTER_V1_PARSE(no_content)

#undef TWITTER_V1_PARSE

}  // namespace twitter::v1
