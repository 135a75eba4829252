#include <twitter/v1/response.hpp>

#include "recorded_fixtures.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

// Boost.Test prints what it compares; std::optional has no operator<< of its own.
template <class T>
struct boost::test_tools::tt_detail::print_log_value<std::optional<T>> {
    void operator()(std::ostream& os, std::optional<T> const& v) {
        if (v)
            print_log_value<T>()(os, *v);
        else
            os << "nullopt";
    }
};

namespace {

namespace json = boost::json;
namespace v1 = twitter::v1;
using twitter::error_code;
using twitter::protocol_errc;

// The recorded v1.1 exchanges whose bodies this suite reads: every one except media/upload, which belongs to
// the media API.
std::vector<test::recorded_response const*> recorded_v1() {
    std::vector<test::recorded_response const*> out;
    for (auto const& r : test::recorded_responses())
        if (r.request_uri.find("/1.1/") != std::string::npos &&
            r.request_uri.find("/1.1/media/upload.json") == std::string::npos)
            out.push_back(&r);
    return out;
}

std::string path_of(std::string const& uri) {
    auto const start = uri.find("/1.1/");
    auto const end = uri.find('?');
    return uri.substr(start + 5, end == std::string::npos ? std::string::npos : end - start - 5);
}

// The expected values, read from the recorded JSON independently of the library's parser.
json::value const* member(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}

std::optional<std::string> text(json::object const& o, std::string_view key) {
    auto const* v = member(o, key);
    return v ? std::optional<std::string>(std::string(v->as_string())) : std::nullopt;
}

std::string id_of(json::value const& v) {
    if (v.is_string()) return std::string(v.as_string());
    return v.is_uint64() ? std::to_string(v.as_uint64()) : std::to_string(v.as_int64());
}

// `<key>_str`, else the number.
std::optional<std::string> id(json::object const& o, std::string_view key) {
    if (auto s = text(o, std::string(key) + "_str")) return s;
    auto const* v = member(o, key);
    return v ? std::optional<std::string>(id_of(*v)) : std::nullopt;
}

std::optional<std::uint64_t> count(json::object const& o, std::string_view key) {
    auto const* v = member(o, key);
    return v ? std::optional<std::uint64_t>(v->to_number<std::uint64_t>()) : std::nullopt;
}

std::optional<bool> flag(json::object const& o, std::string_view key) {
    auto const* v = member(o, key);
    return v ? std::optional<bool>(v->as_bool()) : std::nullopt;
}

std::size_t array_size(json::object const& o, std::string_view key) {
    auto const* v = member(o, key);
    return v ? v->as_array().size() : 0;
}

void check_user(v1::user const& u, json::object const& j);

void check_place(v1::place const& p, json::object const& j) {
    BOOST_TEST(p.id == *text(j, "id"));
    BOOST_TEST(p.full_name == text(j, "full_name"));
    BOOST_TEST(p.place_type == text(j, "place_type"));
    BOOST_TEST(p.country_code == text(j, "country_code"));
    BOOST_TEST(p.contained_within.size() == array_size(j, "contained_within"));
    if (auto const* bb = member(j, "bounding_box")) {
        BOOST_TEST_REQUIRE(p.bounding_box.has_value());
        auto const& ring = bb->at("coordinates").as_array().at(0).as_array();
        BOOST_TEST_REQUIRE(p.bounding_box->coordinates.size() == 1u);
        BOOST_TEST(p.bounding_box->coordinates[0].size() == ring.size());
        BOOST_TEST(p.bounding_box->coordinates[0][0].longitude ==
                   ring.at(0).as_array().at(0).to_number<double>());
        BOOST_TEST(p.bounding_box->coordinates[0][0].latitude ==
                   ring.at(0).as_array().at(1).to_number<double>());
    } else {
        BOOST_TEST(!p.bounding_box.has_value());
    }
    for (std::size_t i = 0; i < p.contained_within.size(); ++i)
        check_place(p.contained_within[i], j.at("contained_within").as_array().at(i).as_object());
}

void check_entities(v1::entities const& e, json::object const& j) {
    BOOST_TEST(e.hashtags.size() == array_size(j, "hashtags"));
    BOOST_TEST(e.symbols.size() == array_size(j, "symbols"));
    BOOST_TEST(e.mentions.size() == array_size(j, "user_mentions"));
    BOOST_TEST(e.urls.size() == array_size(j, "urls"));
    BOOST_TEST(e.media.size() == array_size(j, "media"));
    for (std::size_t i = 0; i < e.mentions.size(); ++i) {
        auto const& m = j.at("user_mentions").as_array().at(i).as_object();
        BOOST_TEST(e.mentions[i].screen_name == *text(m, "screen_name"));
        BOOST_TEST(e.mentions[i].id == id(m, "id"));
        BOOST_TEST(e.mentions[i].start == m.at("indices").as_array().at(0).as_int64());
        BOOST_TEST(e.mentions[i].end == m.at("indices").as_array().at(1).as_int64());
    }
    for (std::size_t i = 0; i < e.urls.size(); ++i) {
        auto const& u = j.at("urls").as_array().at(i).as_object();
        BOOST_TEST(e.urls[i].url == *text(u, "url"));
        BOOST_TEST(e.urls[i].expanded_url == text(u, "expanded_url"));
    }
    for (std::size_t i = 0; i < e.hashtags.size(); ++i)
        BOOST_TEST(e.hashtags[i].text == *text(j.at("hashtags").as_array().at(i).as_object(), "text"));
    for (std::size_t i = 0; i < e.media.size(); ++i) {
        auto const& m = j.at("media").as_array().at(i).as_object();
        BOOST_TEST(e.media[i].id == *id(m, "id"));
        BOOST_TEST(e.media[i].type == *text(m, "type"));
        BOOST_TEST(e.media[i].media_url_https == text(m, "media_url_https"));
    }
}

void check_status(v1::status const& s, json::object const& j) {
    BOOST_TEST(s.id == *id(j, "id"));
    BOOST_TEST(s.text == (text(j, "full_text") ? *text(j, "full_text") : *text(j, "text")));
    BOOST_TEST(s.created_at == text(j, "created_at"));
    BOOST_TEST(s.source == text(j, "source"));
    BOOST_TEST(s.lang == text(j, "lang"));
    BOOST_TEST(s.truncated == flag(j, "truncated"));
    BOOST_TEST(s.retweet_count == count(j, "retweet_count").value_or(0));
    BOOST_TEST(s.favorite_count == count(j, "favorite_count").value_or(0));
    BOOST_TEST(s.favorited == flag(j, "favorited"));
    BOOST_TEST(s.retweeted == flag(j, "retweeted"));
    BOOST_TEST(s.possibly_sensitive == flag(j, "possibly_sensitive"));
    BOOST_TEST(s.is_quote_status == flag(j, "is_quote_status"));
    BOOST_TEST(s.in_reply_to_status_id == id(j, "in_reply_to_status_id"));
    BOOST_TEST(s.in_reply_to_user_id == id(j, "in_reply_to_user_id"));
    BOOST_TEST(s.in_reply_to_screen_name == text(j, "in_reply_to_screen_name"));
    BOOST_TEST(s.quoted_status_id == id(j, "quoted_status_id"));
    if (auto const* u = member(j, "user")) {
        BOOST_TEST_REQUIRE(s.user.has_value());
        check_user(*s.user, u->as_object());
    } else {
        BOOST_TEST(!s.user.has_value());
    }
    if (auto const* e = member(j, "entities")) {
        BOOST_TEST_REQUIRE(s.entities.has_value());
        check_entities(*s.entities, e->as_object());
    }
    if (auto const* e = member(j, "extended_entities"))
        BOOST_TEST(s.extended_media.size() == array_size(e->as_object(), "media"));
    else
        BOOST_TEST(s.extended_media.empty());
    if (auto const* c = member(j, "coordinates")) {
        BOOST_TEST_REQUIRE(s.coordinates.has_value());
        BOOST_TEST(s.coordinates->longitude == c->at("coordinates").as_array().at(0).to_number<double>());
        BOOST_TEST(s.coordinates->latitude == c->at("coordinates").as_array().at(1).to_number<double>());
    } else {
        BOOST_TEST(!s.coordinates.has_value());
    }
    if (auto const* p = member(j, "place")) {
        BOOST_TEST_REQUIRE(s.place.has_value());
        check_place(*s.place, p->as_object());
    } else {
        BOOST_TEST(!s.place.has_value());
    }
    if (auto const* rt = member(j, "retweeted_status")) {
        BOOST_TEST_REQUIRE(s.retweeted_status.has_value());
        check_status(*s.retweeted_status, rt->as_object());
    } else {
        BOOST_TEST(!s.retweeted_status.has_value());
    }
    if (auto const* q = member(j, "quoted_status")) {
        BOOST_TEST_REQUIRE(s.quoted_status.has_value());
        check_status(*s.quoted_status, q->as_object());
    } else {
        BOOST_TEST(!s.quoted_status.has_value());
    }
}

void check_user(v1::user const& u, json::object const& j) {
    BOOST_TEST(u.id == *id(j, "id"));
    BOOST_TEST(u.name == text(j, "name"));
    BOOST_TEST(u.screen_name == text(j, "screen_name"));
    BOOST_TEST(u.location == text(j, "location"));
    BOOST_TEST(u.description == text(j, "description"));
    BOOST_TEST(u.url == text(j, "url"));
    BOOST_TEST(u.created_at == text(j, "created_at"));
    BOOST_TEST(u.is_protected == flag(j, "protected"));
    BOOST_TEST(u.verified == flag(j, "verified"));
    BOOST_TEST(u.followers_count == count(j, "followers_count"));
    BOOST_TEST(u.friends_count == count(j, "friends_count"));
    BOOST_TEST(u.listed_count == count(j, "listed_count"));
    BOOST_TEST(u.favourites_count == count(j, "favourites_count"));
    BOOST_TEST(u.statuses_count == count(j, "statuses_count"));
    BOOST_TEST(u.profile_image_url_https == text(j, "profile_image_url_https"));
    BOOST_TEST(u.following == flag(j, "following"));
    if (auto const* e = member(j, "entities")) {
        BOOST_TEST_REQUIRE(u.entities.has_value());
        auto const& eo = e->as_object();
        BOOST_TEST(u.entities->url.size() ==
                   (member(eo, "url") ? array_size(eo.at("url").as_object(), "urls") : 0));
        BOOST_TEST(u.entities->description.size() ==
                   (member(eo, "description") ? array_size(eo.at("description").as_object(), "urls") : 0));
    }
    if (auto const* s = member(j, "status")) {
        BOOST_TEST_REQUIRE(u.status.has_value());
        check_status(*u.status, s->as_object());
    } else {
        BOOST_TEST(!u.status.has_value());
    }
}

void check_list(v1::list const& l, json::object const& j) {
    BOOST_TEST(l.id == *id(j, "id"));
    BOOST_TEST(l.name == *text(j, "name"));
    BOOST_TEST(l.slug == text(j, "slug"));
    BOOST_TEST(l.full_name == text(j, "full_name"));
    BOOST_TEST(l.mode == text(j, "mode"));
    BOOST_TEST(l.description == text(j, "description"));
    BOOST_TEST(l.member_count == count(j, "member_count"));
    BOOST_TEST(l.subscriber_count == count(j, "subscriber_count"));
    BOOST_TEST(l.following == flag(j, "following"));
    BOOST_TEST_REQUIRE(l.user.has_value() == (member(j, "user") != nullptr));
    if (l.user) check_user(*l.user, j.at("user").as_object());
}

void check_side(v1::relationship_side const& s, json::object const& j) {
    BOOST_TEST(s.id == *id(j, "id"));
    BOOST_TEST(s.screen_name == text(j, "screen_name"));
    BOOST_TEST(s.following == flag(j, "following"));
    BOOST_TEST(s.followed_by == flag(j, "followed_by"));
    BOOST_TEST(s.blocking == flag(j, "blocking"));
    BOOST_TEST(s.can_dm == flag(j, "can_dm"));
    BOOST_TEST(s.muting == flag(j, "muting"));
}

void check_saved_search(v1::saved_search const& s, json::object const& j) {
    BOOST_TEST(s.id == *id(j, "id"));
    BOOST_TEST(s.query == *text(j, "query"));
    BOOST_TEST(s.name == text(j, "name"));
    BOOST_TEST(s.created_at == text(j, "created_at"));
}

void check_dm(v1::dm_event const& e, json::object const& j) {
    BOOST_TEST(e.id == *id(j, "id"));
    BOOST_TEST(e.type == *text(j, "type"));
    BOOST_TEST(e.created_timestamp == text(j, "created_timestamp"));
    auto const& mc = j.at("message_create").as_object();
    BOOST_TEST(e.sender_id == id(mc, "sender_id"));
    BOOST_TEST(e.recipient_id == id(mc.at("target").as_object(), "recipient_id"));
    BOOST_TEST(e.text == text(mc.at("message_data").as_object(), "text"));
}

template <class T>
T parsed(std::string_view body) {
    T out;
    error_code const ec = v1::parse(body, out);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    return out;
}

template <class Item, class Check>
void check_page(json::object const& j, std::string_view key, std::string_view body, Check check) {
    auto const page = parsed<v1::cursored_page<Item>>(body);
    auto const& items = j.at(key).as_array();
    BOOST_TEST_REQUIRE(page.items.size() == items.size());
    for (std::size_t i = 0; i < items.size(); ++i) check(page.items[i], items[i]);
    BOOST_TEST(page.next_cursor == *id(j, "next_cursor"));
    BOOST_TEST(page.previous_cursor == *id(j, "previous_cursor"));
    BOOST_TEST(page.total_count == count(j, "total_count"));
}

template <class T, class Check>
void check_array(json::value const& doc, std::string_view body, Check check) {
    auto const items = parsed<std::vector<T>>(body);
    auto const& expected = doc.as_array();
    BOOST_TEST_REQUIRE(items.size() == expected.size());
    for (std::size_t i = 0; i < items.size(); ++i) check(items[i], expected[i].as_object());
}

bool starts(std::string_view path, std::string_view prefix) { return path.starts_with(prefix); }
bool is(std::string_view path, std::initializer_list<std::string_view> names) {
    for (auto n : names)
        if (path == n) return true;
    return false;
}

// Parses one recorded body into the model its endpoint answers with and checks it; false when the endpoint
// is not one this suite knows, so that a new recording cannot slip through unchecked.
bool check_recorded(std::string const& path, std::string const& body) {
    using v1::status;
    using v1::user;
    if (is(path, {"direct_messages/indicate_typing.json", "direct_messages/events/destroy.json",
                  "account/update_profile_banner.json"})) {
        parsed<v1::no_content>(body);
        return true;
    }
    json::value const doc = json::parse(body);
    if (is(path, {"statuses/show.json", "statuses/update.json", "statuses/update_with_media.json",
                  "favorites/create.json", "favorites/destroy.json"}) ||
        starts(path, "statuses/destroy/") || starts(path, "statuses/retweet/") ||
        starts(path, "statuses/unretweet/")) {
        check_status(parsed<status>(body), doc.as_object());
    } else if (is(path, {"statuses/home_timeline.json", "statuses/user_timeline.json",
                         "statuses/mentions_timeline.json", "statuses/retweets_of_me.json",
                         "favorites/list.json", "lists/statuses.json"}) ||
               starts(path, "statuses/retweets/")) {
        check_array<status>(doc, body, check_status);
    } else if (is(path, {"users/show.json", "account/verify_credentials.json", "blocks/create.json",
                         "blocks/destroy.json", "friendships/create.json", "friendships/destroy.json",
                         "lists/members/show.json", "lists/subscribers/show.json",
                         "account/update_profile.json"})) {
        check_user(parsed<user>(body), doc.as_object());
    } else if (is(path, {"users/lookup.json", "users/search.json"})) {
        check_array<user>(doc, body, check_user);
    } else if (is(path, {"lists/create.json", "lists/update.json", "lists/destroy.json", "lists/show.json",
                         "lists/members/create.json", "lists/members/destroy.json",
                         "lists/members/create_all.json", "lists/members/destroy_all.json",
                         "lists/subscribers/create.json", "lists/subscribers/destroy.json"})) {
        check_list(parsed<v1::list>(body), doc.as_object());
    } else if (path == "lists/list.json") {
        check_array<v1::list>(doc, body, check_list);
    } else if (is(path, {"friends/ids.json", "followers/ids.json", "blocks/ids.json",
                         "statuses/retweeters/ids.json"})) {
        check_page<std::string>(
            doc.as_object(), "ids", body,
            [](std::string const& got, json::value const& want) { BOOST_TEST(got == id_of(want)); });
    } else if (is(path, {"followers/list.json", "friends/list.json", "blocks/list.json", "lists/members.json",
                         "lists/subscribers.json"})) {
        check_page<user>(doc.as_object(), "users", body,
                         [](user const& got, json::value const& want) { check_user(got, want.as_object()); });
    } else if (is(path, {"lists/memberships.json", "lists/ownerships.json", "lists/subscriptions.json"})) {
        check_page<v1::list>(
            doc.as_object(), "lists", body,
            [](v1::list const& got, json::value const& want) { check_list(got, want.as_object()); });
    } else if (path == "friendships/show.json") {
        auto const r = parsed<v1::relationship>(body);
        auto const& rel = doc.at("relationship").as_object();
        check_side(r.source, rel.at("source").as_object());
        check_side(r.target, rel.at("target").as_object());
    } else if (is(path, {"geo/similar_places.json", "geo/reverse_geocode.json", "geo/search.json"})) {
        auto const r = parsed<v1::place_search_result>(body);
        auto const& result = doc.at("result").as_object();
        BOOST_TEST_REQUIRE(r.places.size() == array_size(result, "places"));
        for (std::size_t i = 0; i < r.places.size(); ++i)
            check_place(r.places[i], result.at("places").as_array().at(i).as_object());
        BOOST_TEST(r.token == text(result, "token"));
    } else if (starts(path, "geo/id/")) {
        check_place(parsed<v1::place>(body), doc.as_object());
    } else if (path == "direct_messages/events/list.json") {
        auto const page = parsed<v1::dm_event_page>(body);
        BOOST_TEST_REQUIRE(page.events.size() == array_size(doc.as_object(), "events"));
        for (std::size_t i = 0; i < page.events.size(); ++i)
            check_dm(page.events[i], doc.at("events").as_array().at(i).as_object());
        BOOST_TEST(page.next_cursor == text(doc.as_object(), "next_cursor"));
    } else if (path == "direct_messages/events/new.json") {
        check_dm(parsed<v1::dm_event>(body), doc.at("event").as_object());
    } else if (path == "statuses/oembed.json") {
        auto const o = parsed<v1::oembed>(body);
        auto const& j = doc.as_object();
        BOOST_TEST(o.html == *text(j, "html"));
        BOOST_TEST(o.url == text(j, "url"));
        BOOST_TEST(o.author_name == text(j, "author_name"));
        BOOST_TEST(o.width == count(j, "width"));
        BOOST_TEST(o.height == count(j, "height"));
        BOOST_TEST(o.version == text(j, "version"));
    } else if (path == "help/languages.json") {
        check_array<v1::language>(doc, body, [](v1::language const& l, json::object const& j) {
            BOOST_TEST(l.code == *text(j, "code"));
            BOOST_TEST(l.name == text(j, "name"));
            BOOST_TEST(l.local_name == text(j, "local_name"));
            BOOST_TEST(l.status == text(j, "status"));
            BOOST_TEST(l.debug == flag(j, "debug"));
        });
    } else if (path == "application/rate_limit_status.json") {
        auto const r = parsed<v1::rate_limit_status>(body);
        auto const& resources = doc.at("resources").as_object();
        BOOST_TEST(r.resources.size() == resources.size());
        std::size_t endpoints = 0;
        for (auto const& family : resources) {
            for (auto const& endpoint : family.value().as_object()) {
                ++endpoints;
                auto const it = r.resources.find(std::string(family.key()));
                BOOST_TEST_REQUIRE((it != r.resources.end()));
                auto const e = it->second.find(std::string(endpoint.key()));
                BOOST_TEST_REQUIRE((e != it->second.end()));
                auto const& want = endpoint.value().as_object();
                BOOST_TEST(e->second.limit == want.at("limit").to_number<std::uint64_t>());
                BOOST_TEST(e->second.remaining == want.at("remaining").to_number<std::uint64_t>());
                BOOST_TEST(e->second.reset == want.at("reset").to_number<std::int64_t>());
            }
        }
        BOOST_TEST(endpoints > 0u);
    } else if (is(path, {"saved_searches/create.json"}) || starts(path, "saved_searches/show/") ||
               starts(path, "saved_searches/destroy/")) {
        check_saved_search(parsed<v1::saved_search>(body), doc.as_object());
    } else if (path == "saved_searches/list.json") {
        check_array<v1::saved_search>(doc, body, check_saved_search);
    } else if (path == "search/tweets.json") {
        auto const r = parsed<v1::search_results>(body);
        auto const& statuses = doc.at("statuses").as_array();
        BOOST_TEST_REQUIRE(r.statuses.size() == statuses.size());
        for (std::size_t i = 0; i < statuses.size(); ++i)
            check_status(r.statuses[i], statuses[i].as_object());
        auto const& meta = doc.at("search_metadata").as_object();
        BOOST_TEST(r.search_metadata.max_id == id(meta, "max_id"));
        BOOST_TEST(r.search_metadata.since_id == id(meta, "since_id"));
        BOOST_TEST(r.search_metadata.next_results == text(meta, "next_results"));
        BOOST_TEST(r.search_metadata.query == text(meta, "query"));
        BOOST_TEST(r.search_metadata.count == count(meta, "count"));
    } else {
        return false;
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v1_response)

BOOST_AUTO_TEST_CASE(every_recorded_v1_body_parses_into_its_model) {
    auto const recorded = recorded_v1();
    std::size_t checked = 0;
    for (auto const* r : recorded) {
        BOOST_TEST_CONTEXT(r->file << ": " << r->request_method << ' ' << r->request_uri) {
            bool const known = check_recorded(path_of(r->request_uri), r->body.value_or(""));
            BOOST_TEST(known, "no model is known for this endpoint");
            if (known) ++checked;
        }
    }
    BOOST_TEST_MESSAGE("v1.1 recorded bodies checked: " << checked << " of " << recorded.size());
    // 105 recorded v1.1 interactions, 6 of them media/upload.
    BOOST_TEST(recorded.size() == 99u);
    BOOST_TEST(checked == recorded.size());
}

BOOST_AUTO_TEST_CASE(a_whole_response_keeps_the_body_and_the_rate_limits) {
    twitter::http::response res;
    res.status = 200;
    res.headers = {
        {"x-rate-limit-limit", "900"}, {"x-rate-limit-remaining", "899"}, {"x-rate-limit-reset", "1700"}};
    res.body = R"({"id": 20, "id_str": "20", "text": "just setting up my twttr"})";
    v1::response<v1::status> out;
    BOOST_TEST_REQUIRE(!v1::parse(res, out));
    BOOST_TEST(out.data.id == "20");
    BOOST_TEST(out.data.text == "just setting up my twttr");
    BOOST_TEST(out.raw_json == res.body);
    BOOST_TEST_REQUIRE(out.limits.window.has_value());
    BOOST_TEST(out.limits.window->remaining == 899u);
}

BOOST_AUTO_TEST_CASE(ids_come_from_id_str_else_from_the_exact_number) {
    // 2^63 + 1 would lose its last digits as a double.
    auto const s = parsed<v1::status>(R"({"id": 9223372036854775809, "text": "t", "user": {"id": 12},
        "in_reply_to_status_id": 1149868110373171201, "in_reply_to_status_id_str": null})");
    BOOST_TEST(s.id == "9223372036854775809");
    BOOST_TEST(s.user->id == "12");
    BOOST_TEST(s.in_reply_to_status_id == std::optional<std::string>("1149868110373171201"));
    BOOST_TEST(!s.in_reply_to_user_id.has_value());
}

BOOST_AUTO_TEST_CASE(extended_mode_full_text_wins_over_text) {
    auto const s =
        parsed<v1::status>(R"({"id_str": "1", "full_text": "the whole thing", "text": "the wh…"})");
    BOOST_TEST(s.text == "the whole thing");
}

BOOST_AUTO_TEST_CASE(a_trimmed_user_has_only_its_id) {
    auto const s = parsed<v1::status>(R"({"id_str": "1", "text": "t", "user": {"id": 5, "id_str": "5"}})");
    BOOST_TEST_REQUIRE(s.user.has_value());
    BOOST_TEST(s.user->id == "5");
    BOOST_TEST(!s.user->screen_name.has_value());
}

BOOST_AUTO_TEST_CASE(unknown_members_and_nulls_are_ignored) {
    auto const u =
        parsed<v1::user>(R"({"id_str": "1", "name": "n", "screen_name": "s", "brand_new": {"x": [1]},
        "location": null, "followers_count": 3})");
    BOOST_TEST(!u.location.has_value());
    BOOST_TEST(u.followers_count == std::optional<std::uint64_t>(3));
}

BOOST_AUTO_TEST_CASE(stringified_ids_are_read_as_they_are) {
    auto const page = parsed<v1::id_page>(
        R"({"ids": ["1", "18446744073709551615"], "next_cursor": 1, "next_cursor_str": "1", "previous_cursor_str": "0"})");
    BOOST_TEST(page.items == (std::vector<std::string>{"1", "18446744073709551615"}));
    BOOST_TEST(page.next_cursor == "1");
    BOOST_TEST(page.previous_cursor == "0");
}

BOOST_AUTO_TEST_CASE(account_settings_read_as_documented) {
    // The shape of GET account/settings in X's reference.
    auto const s = parsed<v1::account_settings>(R"json({
        "time_zone": {"name": "Pacific Time (US & Canada)", "utc_offset": -28800, "tzinfo_name": "America/Los_Angeles"},
        "protected": false, "screen_name": "theSeanCook", "always_use_https": true,
        "use_cookie_personalization": true,
        "sleep_time": {"enabled": false, "end_time": null, "start_time": null},
        "geo_enabled": true, "language": "en", "discoverable_by_email": true,
        "discoverable_by_mobile_phone": true, "display_sensitive_media": true,
        "allow_contributor_request": "all", "allow_dms_from": "following", "allow_dm_groups_from": "following",
        "translator_type": "none",
        "trend_location": [{"name": "Atlanta", "countryCode": "US", "url": "http://where.yahooapis.com/v1/place/2357024",
                            "woeid": 2357024, "placeType": {"name": "Town", "code": 7}, "parentid": 23424977,
                            "country": "United States"}]})json");
    BOOST_TEST(s.screen_name == std::optional<std::string>("theSeanCook"));
    BOOST_TEST(s.is_protected == std::optional<bool>(false));
    BOOST_TEST_REQUIRE(s.time_zone.has_value());
    BOOST_TEST(s.time_zone->utc_offset == std::optional<std::int64_t>(-28800));
    BOOST_TEST_REQUIRE(s.sleep_time.has_value());
    BOOST_TEST(!s.sleep_time->end_time.has_value());
    BOOST_TEST(s.allow_contributor_request == std::optional<std::string>("all"));
    BOOST_TEST_REQUIRE(s.trend_location.size() == 1u);
    BOOST_TEST(s.trend_location[0].woeid == std::optional<std::int64_t>(2357024));
    BOOST_TEST(s.trend_location[0].country_code == std::optional<std::string>("US"));
}

BOOST_AUTO_TEST_CASE(friendships_lookup_keeps_the_connections) {
    auto const f = parsed<std::vector<v1::friendship>>(
        R"([{"name": "andy", "screen_name": "andypiper", "id": 786491, "id_str": "786491",
             "connections": ["following", "followed_by"]}])");
    BOOST_TEST_REQUIRE(f.size() == 1u);
    BOOST_TEST(f[0].id == "786491");
    BOOST_TEST(f[0].connections == (std::vector<std::string>{"following", "followed_by"}));
}

BOOST_AUTO_TEST_CASE(no_content_accepts_any_body) {
    v1::no_content out;
    BOOST_TEST(!v1::parse(std::string_view(""), out));
    BOOST_TEST(!v1::parse(std::string_view("<html></html>"), out));
}

template <class T>
error_code parse_error(std::string_view body) {
    T out;
    return v1::parse(body, out);
}

BOOST_AUTO_TEST_CASE(garbage_and_wrong_shapes_are_malformed_json) {
    error_code const bad = protocol_errc::malformed_json;
    BOOST_TEST(parse_error<v1::status>("") == bad);
    BOOST_TEST(parse_error<v1::status>("not json") == bad);
    BOOST_TEST(parse_error<v1::status>(R"({"id_str": "1", "text": "t")") == bad);  // truncated
    BOOST_TEST(parse_error<v1::status>("[]") == bad);                              // an array for an object
    BOOST_TEST(parse_error<v1::status>(R"({"text": "no id"})") == bad);
    BOOST_TEST(parse_error<v1::status>(R"({"id_str": "1"})") == bad);  // no text
    BOOST_TEST(parse_error<v1::status>(R"({"id_str": 1, "text": "t"})") == bad);
    BOOST_TEST(parse_error<v1::status>(R"({"id": 1.5, "text": "t"})") == bad);
    BOOST_TEST(parse_error<v1::status>(R"({"id_str": "1", "text": "t", "user": "me"})") == bad);
    BOOST_TEST(parse_error<v1::status>(R"({"id_str": "1", "text": "t", "retweet_count": -1})") == bad);
    BOOST_TEST(
        parse_error<v1::status>(R"({"id_str": "1", "text": "t", "retweeted_status": {"id_str": "2"}})") ==
        bad);  // the nested status has no text
    BOOST_TEST(parse_error<v1::status>(
                   R"({"id_str": "1", "text": "t", "entities": {"urls": [{"indices": [1]}]}})") == bad);
    BOOST_TEST(parse_error<v1::status>(
                   R"({"id_str": "1", "text": "t", "coordinates": {"coordinates": [1]}})") == bad);
    BOOST_TEST(parse_error<std::vector<v1::status>>(R"({"id_str": "1", "text": "t"})") == bad);
    BOOST_TEST(parse_error<std::vector<v1::status>>("[1, 2]") == bad);
    BOOST_TEST(parse_error<v1::id_page>(R"({"users": []})") == bad);
    BOOST_TEST(parse_error<v1::id_page>(R"({"ids": [1.5]})") == bad);
    BOOST_TEST(parse_error<v1::id_page>(R"({"ids": [], "next_cursor_str": 0})") == bad);
    BOOST_TEST(parse_error<v1::user_page>(R"({"ids": []})") == bad);
    BOOST_TEST(parse_error<v1::relationship>(R"({"relationship": {"source": {"id": 1}}})") == bad);
    BOOST_TEST(parse_error<v1::place_search_result>(R"({"places": []})") == bad);
    BOOST_TEST(parse_error<v1::dm_event>(R"({"type": "message_create", "id": "1"})") == bad);  // not wrapped
    BOOST_TEST(parse_error<v1::rate_limit_status>(
                   R"({"resources": {"help": {"/help/languages": {"limit": 1}}}})") == bad);
    BOOST_TEST(parse_error<v1::rate_limit_status>(R"({"resources": []})") == bad);
    BOOST_TEST(parse_error<v1::search_results>(R"({"search_metadata": {}})") == bad);
    BOOST_TEST(parse_error<v1::oembed>(R"({"url": "u"})") == bad);
    BOOST_TEST(parse_error<std::vector<v1::language>>(R"([{"name": "English"}])") == bad);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_not_a_crash) {
    std::string deep(100000, '[');
    BOOST_TEST(parse_error<v1::status>(deep) == error_code(protocol_errc::malformed_json));
    // A complete, well-formed chain of 5000 quoted statuses: refused by the parser's depth limit.
    std::string nested;
    for (int i = 0; i < 5000; ++i) nested += R"({"id_str": "1", "text": "t", "quoted_status": )";
    nested += R"({"id_str": "1", "text": "t"})";
    nested += std::string(5000, '}');
    BOOST_TEST(parse_error<v1::status>(nested) == error_code(protocol_errc::malformed_json));
}

BOOST_AUTO_TEST_SUITE_END()
