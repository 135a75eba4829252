// Every v1.1 interaction recorded from the real API (../shared/fixtures/recorded, Tweepy's cassettes), except
// the six media/upload.json ones (the media API's), made again with the typed call a user would write,
// through twitter::api against the emulator replaying the recording. For each recorded request the test
// checks that the SDK sent the same method, path and query (as a decoded multiset), in the recorded order,
// that the call succeeded, and that the typed result holds what the recorded JSON holds (read here with
// Boost.JSON, independently of the SDK's parser), its rate limits those of the recorded headers.
//
// The arguments of each call are read from the recorded request, as a user would pass them. The recordings
// made with Tweepy's Cursor are made again with v1::pager, with the limits Tweepy's tests gave Cursor.
// Two recorded requests carried bodies: direct_messages/events/new (JSON, compared here structurally, ids as
// decimal text: Tweepy sent the recipient id as a number, we send the string X documents) and the two
// multipart uploads, whose recorded bodies were dropped from the cassettes (we check our part's name
// instead).

#include <twitter/api.hpp>

#include "replay_support.hpp"
#include "scenario.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/v1/pager.hpp>
#include <twitter/v1/requests.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace json = boost::json;
namespace v1 = twitter::v1;
namespace emu = twitter::emulator;
using test::scenario;

constexpr auto tuple = asio::as_tuple(asio::deferred);

// ---------------------------------------------------------------------------------------------------------
// The recordings.

using test::replay::split_csv;
using test::replay::target_parts;

struct interaction : test::replay::recorded_interaction {
    std::optional<std::string> request_body;

    bool has(std::string_view name) const {
        return std::any_of(target.query.begin(), target.query.end(),
                           [&](auto const& p) { return p.first == name; });
    }
    std::optional<std::string> optional_query(std::string_view name) const {
        return has(name) ? std::optional<std::string>(query(name)) : std::nullopt;
    }
    // "/1.1/statuses/destroy/123.json" -> "123": the id segment of the paths that have one.
    std::string last_segment() const {
        auto const slash = target.path.rfind('/');
        auto const dot = target.path.rfind(".json");
        return target.path.substr(slash + 1, dot - slash - 1);
    }
    std::string header(std::string_view name) const {
        for (auto const& [n, v] : headers)
            if (n == name) return v;
        return {};
    }
};

using recording = test::replay::recording<interaction>;

bool is_replayed_v1(target_parts const& t) {
    return t.path.starts_with("/1.1/") && t.path != "/1.1/media/upload.json";
}

// Every recorded file with v1.1 interactions, in file-name order; the interactions in recorded order.
std::vector<recording> const& v1_recordings() {
    static std::vector<recording> const all = test::replay::read_recordings<interaction>(
        is_replayed_v1, [](json::object const& request, interaction& x) {
            if (json::value const* b = request.if_contains("body"); b && b->is_string())
                x.request_body = std::string(b->get_string());
        });
    return all;
}

using test::replay::exchanges_of;

// ---------------------------------------------------------------------------------------------------------
// The typed result against the recorded JSON.

std::optional<std::string> id_text(json::value const* v) {
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_string()) return std::string(v->get_string());
    if (v->is_uint64()) return std::to_string(v->get_uint64());
    if (v->is_int64()) return std::to_string(v->get_int64());
    return std::nullopt;
}

class checker : public test::replay::checker {
public:
    using test::replay::checker::checker;
    using test::replay::checker::same;

    void same(std::uint64_t got, json::object const& o, std::string_view key) {
        auto const* v = o.if_contains(key);
        expect(v && v->is_number() && got == v->to_number<std::uint64_t>(),
               std::string(key) + " as recorded");
    }
    // An id: `<key>_str`, else the number, as recorded.
    void same_id(std::string const& got, json::object const& o, std::string_view key) {
        auto want = id_text(o.if_contains(std::string(key) + "_str"));
        if (!want) want = id_text(o.if_contains(key));
        expect(want && got == *want, std::string(key) + " is " + got);
    }
    void same_id(std::optional<std::string> const& got, json::object const& o, std::string_view key) {
        auto want = id_text(o.if_contains(std::string(key) + "_str"));
        if (!want) want = id_text(o.if_contains(key));
        expect(got == want, std::string(key) + " as recorded");
    }
    void count(std::size_t got, json::object const& o, std::string_view key) {
        auto const* v = o.if_contains(key);
        std::size_t const want = v && v->is_array() ? v->get_array().size() : 0;
        expect(got == want, std::string(key) + ": " + std::to_string(want) + " items");
    }
};

void compare(checker& c, v1::user const& u, json::object const& o);

void compare(checker& c, v1::status const& s, json::object const& o) {
    c.same_id(s.id, o, "id");
    c.same(s.text, o, o.contains("full_text") ? "full_text" : "text");
    c.same(s.created_at, o, "created_at");
    c.same(s.lang, o, "lang");
    c.same(s.retweet_count, o, "retweet_count");
    c.same(s.favorite_count, o, "favorite_count");
    c.same(s.favorited, o, "favorited");
    c.same(s.retweeted, o, "retweeted");
    c.same_id(s.in_reply_to_status_id, o, "in_reply_to_status_id");
    if (auto const* u = o.if_contains("user"); u && u->is_object()) {
        c.expect(s.user.has_value(), "user as recorded");
        if (s.user) compare(c, *s.user, u->get_object());
    }
    if (auto const* e = o.if_contains("entities"); e && e->is_object()) {
        c.expect(s.entities.has_value(), "entities as recorded");
        if (s.entities) {
            c.count(s.entities->hashtags.size(), e->get_object(), "hashtags");
            c.count(s.entities->mentions.size(), e->get_object(), "user_mentions");
            c.count(s.entities->urls.size(), e->get_object(), "urls");
            c.count(s.entities->media.size(), e->get_object(), "media");
        }
    }
    auto const* rt = o.if_contains("retweeted_status");
    c.expect(s.retweeted_status.has_value() == (rt && rt->is_object()), "retweeted_status as recorded");
    if (s.retweeted_status && rt && rt->is_object()) compare(c, *s.retweeted_status, rt->get_object());
    auto const* q = o.if_contains("quoted_status");
    c.expect(s.quoted_status.has_value() == (q && q->is_object()), "quoted_status as recorded");
    if (s.quoted_status && q && q->is_object()) compare(c, *s.quoted_status, q->get_object());
}

void compare(checker& c, v1::user const& u, json::object const& o) {
    c.same_id(u.id, o, "id");
    c.same(u.name, o, "name");
    c.same(u.screen_name, o, "screen_name");
    c.same(u.description, o, "description");
    c.same(u.is_protected, o, "protected");
    c.same(u.followers_count, o, "followers_count");
    c.same(u.friends_count, o, "friends_count");
    c.same(u.statuses_count, o, "statuses_count");
    auto const* s = o.if_contains("status");
    c.expect(u.status.has_value() == (s && s->is_object()), "status as recorded");
    if (u.status && s && s->is_object()) c.same_id(u.status->id, s->get_object(), "id");
}

void compare(checker& c, v1::list const& l, json::object const& o) {
    c.same_id(l.id, o, "id");
    c.same(l.name, o, "name");
    c.same(l.slug, o, "slug");
    c.same(l.full_name, o, "full_name");
    c.same(l.description, o, "description");
    c.same(l.mode, o, "mode");
    c.same(l.member_count, o, "member_count");
    c.same(l.subscriber_count, o, "subscriber_count");
    if (auto const* u = o.if_contains("user"); u && u->is_object()) {
        c.expect(l.user.has_value(), "owner as recorded");
        if (l.user) c.same_id(l.user->id, u->get_object(), "id");
    }
}

void compare(checker& c, v1::relationship const& r, json::object const& o) {
    auto const& rel = o.at("relationship").as_object();
    for (auto const& [side, key] : {std::pair{&r.source, "source"}, std::pair{&r.target, "target"}}) {
        auto const& j = rel.at(key).as_object();
        c.same_id(side->id, j, "id");
        c.same(side->screen_name, j, "screen_name");
        c.same(side->following, j, "following");
        c.same(side->followed_by, j, "followed_by");
        c.same(side->blocking, j, "blocking");
    }
}

void compare(checker& c, v1::place const& p, json::object const& o) {
    c.same(p.id, o, "id");
    c.same(p.name, o, "name");
    c.same(p.full_name, o, "full_name");
    c.same(p.place_type, o, "place_type");
    c.same(p.country_code, o, "country_code");
    c.count(p.contained_within.size(), o, "contained_within");
}

void compare(checker& c, v1::place_search_result const& r, json::object const& o) {
    auto const& result = o.at("result").as_object();
    c.count(r.places.size(), result, "places");
    auto const& places = result.at("places").as_array();
    for (std::size_t i = 0; i < std::min(places.size(), r.places.size()); ++i)
        compare(c, r.places[i], places[i].as_object());
    c.same(r.token, result, "token");
}

void compare(checker& c, v1::search_results const& r, json::object const& o) {
    c.count(r.statuses.size(), o, "statuses");
    auto const& statuses = o.at("statuses").as_array();
    for (std::size_t i = 0; i < std::min(statuses.size(), r.statuses.size()); ++i)
        compare(c, r.statuses[i], statuses[i].as_object());
    auto const& meta = o.at("search_metadata").as_object();
    c.same_id(r.search_metadata.max_id, meta, "max_id");
    c.same(r.search_metadata.next_results, meta, "next_results");
    c.same(r.search_metadata.query, meta, "query");
}

void compare(checker& c, v1::saved_search const& s, json::object const& o) {
    c.same_id(s.id, o, "id");
    c.same(s.query, o, "query");
    c.same(s.name, o, "name");
}

void compare(checker& c, v1::dm_event const& e, json::object const& o) {
    auto const& event = o.contains("event") ? o.at("event").as_object() : o;
    c.same_id(e.id, event, "id");
    c.same(e.type, event, "type");
    c.same(e.created_timestamp, event, "created_timestamp");
    auto const& mc = event.at("message_create").as_object();
    c.same_id(e.sender_id, mc, "sender_id");
    c.same_id(e.recipient_id, mc.at("target").as_object(), "recipient_id");
    c.same(e.text, mc.at("message_data").as_object(), "text");
}

void compare(checker& c, v1::dm_event_page const& p, json::object const& o) {
    c.count(p.events.size(), o, "events");
    auto const& events = o.at("events").as_array();
    for (std::size_t i = 0; i < std::min(events.size(), p.events.size()); ++i)
        compare(c, p.events[i], events[i].as_object());
    c.same(p.next_cursor, o, "next_cursor");
}

void compare(checker& c, v1::oembed const& e, json::object const& o) {
    c.same(e.html, o, "html");
    c.same(e.url, o, "url");
    c.same(e.author_name, o, "author_name");
    c.same(e.width, o, "width");
    c.same(e.height, o, "height");
}

void compare(checker& c, v1::language const& l, json::object const& o) {
    c.same(l.code, o, "code");
    c.same(l.name, o, "name");
    c.same(l.local_name, o, "local_name");
    c.same(l.status, o, "status");
}

void compare(checker& c, v1::rate_limit_status const& r, json::object const& o) {
    auto const& resources = o.at("resources").as_object();
    std::size_t endpoints = 0;
    bool all = true;
    for (auto const& family : resources)
        for (auto const& endpoint : family.value().as_object()) {
            ++endpoints;
            auto const* got = r.find(std::string(endpoint.key()));
            auto const& want = endpoint.value().as_object();
            all = all && got && got->limit == want.at("limit").to_number<std::uint64_t>() &&
                  got->remaining == want.at("remaining").to_number<std::uint64_t>() &&
                  got->reset == want.at("reset").to_number<std::int64_t>();
        }
    c.expect(all && endpoints > 0, "every endpoint's limit, remaining and reset as recorded");
    c.expect(r.resources.size() == resources.size(), "every resource family");
}

void compare(checker& c, v1::no_content const&, json::value const& body) {
    c.expect(body.is_null(), "no body, as recorded");
}

template <class Item>
void compare(checker& c, v1::cursored_page<Item> const& p, json::object const& o) {
    std::string_view const key = std::is_same_v<Item, std::string> ? "ids"
                                 : std::is_same_v<Item, v1::user>  ? "users"
                                                                   : "lists";
    c.count(p.items.size(), o, key);
    auto const& items = o.at(key).as_array();
    for (std::size_t i = 0; i < std::min(items.size(), p.items.size()); ++i) {
        if constexpr (std::is_same_v<Item, std::string>)
            c.expect(p.items[i] == id_text(&items[i]), "ids[" + std::to_string(i) + "]");
        else
            compare(c, p.items[i], items[i].as_object());
    }
    c.same_id(p.next_cursor, o, "next_cursor");
    c.same_id(p.previous_cursor, o, "previous_cursor");
}

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

template <class T>
void compare_body(checker& c, T const& got, json::value const& want) {
    if constexpr (std::is_same_v<T, v1::no_content>) {
        compare(c, got, want);
    } else if constexpr (is_vector<T>::value) {
        c.expect(want.is_array() && want.get_array().size() == got.size(), "as many items as recorded");
        if (want.is_array())
            for (std::size_t i = 0; i < std::min(got.size(), want.get_array().size()); ++i)
                compare(c, got[i], want.get_array()[i].as_object());
    } else {
        c.expect(want.is_object(), "an object, as recorded");
        if (want.is_object()) compare(c, got, want.get_object());
    }
}

// The rate limits the response carried: those of the recorded headers.
void compare_limits(checker& c, twitter::rate_limits const& got, interaction const& x) {
    auto const limit = x.header("x-rate-limit-limit");
    if (limit.empty()) {
        c.expect(!got.window.has_value(), "no rate limit window, as recorded");
        return;
    }
    c.expect(got.window.has_value(), "the rate limit window as recorded");
    if (!got.window) return;
    c.expect(std::to_string(got.window->limit) == limit, "x-rate-limit-limit");
    c.expect(std::to_string(got.window->remaining) == x.header("x-rate-limit-remaining"),
             "x-rate-limit-remaining");
    c.expect(std::to_string(got.window->reset) == x.header("x-rate-limit-reset"), "x-rate-limit-reset");
}

template <class T>
bool same_as_recorded(v1::response<T> const& r, interaction const& x) {
    checker c(x.method + " " + x.uri);
    json::value const body = x.response_body.empty() ? json::value() : json::parse(x.response_body);
    compare_body(c, r.data, body);
    compare_limits(c, r.limits, x);
    c.expect(r.raw_json == x.response_body, "raw_json is the body as received");
    return c.ok();
}

// ---------------------------------------------------------------------------------------------------------
// The calls: which typed call a user makes for each recorded request, its arguments read from the recording.

struct outcome {
    bool ran = false;
    twitter::error_code ec;
    bool fields_ok = false;
};

template <class Op>
asio::awaitable<outcome> finish(Op op, interaction const& x) {
    auto [ec, res] = co_await std::move(op);
    outcome out;
    out.ran = true;
    out.ec = ec;
    BOOST_TEST(!ec, x.method << ' ' << x.uri << ": " << ec.message());
    if (!ec) out.fields_ok = same_as_recorded(res, x);
    co_return out;
}

// The user a request names: user_id or screen_name, with the endpoint's prefix.
v1::user_ref user_of(interaction const& x, std::string const& prefix = "") {
    std::string const id = prefix.empty() ? "user_id" : prefix + "id";
    if (x.has(id)) return v1::user_id(x.query(id));
    return v1::screen_name(x.query(prefix + "screen_name"));
}

std::optional<v1::user_ref> optional_user_of(interaction const& x, std::string const& prefix = "") {
    std::string const id = prefix.empty() ? "user_id" : prefix + "id";
    if (!x.has(id) && !x.has(prefix + "screen_name")) return std::nullopt;
    return user_of(x, prefix);
}

v1::users_ref users_of(interaction const& x) {
    v1::users_ref u;
    if (x.has("user_id")) u.user_ids = split_csv(x.query("user_id"));
    if (x.has("screen_name")) u.screen_names = split_csv(x.query("screen_name"));
    return u;
}

v1::list_ref list_of(interaction const& x) {
    if (x.has("list_id")) return v1::list_id(x.query("list_id"));
    return v1::list_slug(x.query("slug"), user_of(x, "owner_"));
}

std::optional<bool> flag_of(interaction const& x, std::string_view name) {
    if (!x.has(name)) return std::nullopt;
    return x.query(name) == "True";
}

std::optional<int> int_of(interaction const& x, std::string_view name) {
    if (!x.has(name)) return std::nullopt;
    return std::stoi(x.query(name));
}

v1::timeline_params timeline_of(interaction const& x) {
    v1::timeline_params p;
    p.count = int_of(x, "count");
    p.max_id = x.optional_query("max_id");
    p.since_id = x.optional_query("since_id");
    return p;
}

v1::user_params user_params_of(interaction const& x) {
    v1::user_params p;
    p.include_entities = flag_of(x, "include_entities");
    p.skip_status = flag_of(x, "skip_status");
    return p;
}

// Stand-ins for the image files Tweepy's tests uploaded: their bytes were not kept in the cassettes.
std::string const image = std::string("\x89PNG\r\n\x1a\n", 8) + "a small image";

using call = std::function<asio::awaitable<outcome>(twitter::api&, interaction const&)>;

struct route {
    std::string_view method;
    std::string_view path;  // a trailing '*' matches any id segment: "/1.1/statuses/destroy/*"
    call run;
};

#define TWITTER_CALL(expr)                                                    \
    [](twitter::api& api, interaction const& x) -> asio::awaitable<outcome> { \
        (void)x;                                                              \
        auto op = (expr);                                                     \
        co_return co_await finish(std::move(op), x);                          \
    }

std::vector<route> const& routes() {
    static std::vector<route> const all{
        // Tweets.
        {"GET", "/1.1/statuses/show.json", TWITTER_CALL(api.async_get_status(x.query("id"), {}, tuple))},
        {"POST", "/1.1/statuses/update.json",
         TWITTER_CALL(api.async_update_status(x.query("status"), {}, tuple))},
        {"POST", "/1.1/statuses/update_with_media.json",
         TWITTER_CALL(api.async_update_status_with_media(x.query("status"), "image.png", image, {}, tuple))},
        {"POST", "/1.1/statuses/destroy/*",
         TWITTER_CALL(api.async_destroy_status(x.last_segment(), {}, tuple))},
        {"POST", "/1.1/statuses/retweet/*", TWITTER_CALL(api.async_retweet(x.last_segment(), {}, tuple))},
        {"POST", "/1.1/statuses/unretweet/*", TWITTER_CALL(api.async_unretweet(x.last_segment(), {}, tuple))},
        {"GET", "/1.1/statuses/retweets/*",
         TWITTER_CALL(api.async_get_retweets(x.last_segment(), {}, tuple))},
        {"GET", "/1.1/statuses/retweets_of_me.json",
         TWITTER_CALL(api.async_get_retweets_of_me(timeline_of(x), tuple))},
        {"GET", "/1.1/statuses/retweeters/ids.json",
         TWITTER_CALL(api.async_get_retweeter_ids(x.query("id"), {}, tuple))},
        {"GET", "/1.1/statuses/oembed.json", TWITTER_CALL(api.async_get_oembed(x.query("url"), {}, tuple))},
        {"GET", "/1.1/statuses/home_timeline.json",
         TWITTER_CALL(api.async_home_timeline(timeline_of(x), tuple))},
        {"GET", "/1.1/statuses/user_timeline.json",
         TWITTER_CALL(api.async_user_timeline(optional_user_of(x), timeline_of(x), tuple))},
        {"GET", "/1.1/statuses/mentions_timeline.json",
         TWITTER_CALL(api.async_mentions_timeline(timeline_of(x), tuple))},
        {"GET", "/1.1/search/tweets.json", TWITTER_CALL(api.async_search_tweets(x.query("q"), {}, tuple))},
        // Likes.
        {"GET", "/1.1/favorites/list.json",
         TWITTER_CALL(api.async_get_favorites(optional_user_of(x), timeline_of(x), tuple))},
        {"POST", "/1.1/favorites/create.json",
         TWITTER_CALL(api.async_create_favorite(x.query("id"), {}, tuple))},
        {"POST", "/1.1/favorites/destroy.json",
         TWITTER_CALL(api.async_destroy_favorite(x.query("id"), {}, tuple))},
        // Users and the account.
        {"GET", "/1.1/users/show.json", TWITTER_CALL(api.async_get_user(user_of(x), {}, tuple))},
        {"POST", "/1.1/users/lookup.json", TWITTER_CALL(api.async_lookup_users(users_of(x), {}, tuple))},
        {"GET", "/1.1/users/search.json", TWITTER_CALL(api.async_search_users(x.query("q"), {}, tuple))},
        {"GET", "/1.1/account/verify_credentials.json",
         TWITTER_CALL(api.async_verify_credentials(user_params_of(x), tuple))},
        {"POST", "/1.1/account/update_profile.json",
         [](twitter::api& api, interaction const& x) -> asio::awaitable<outcome> {
             v1::profile_params p;
             p.name = x.optional_query("name");
             p.url = x.optional_query("url");
             p.location = x.optional_query("location");
             p.description = x.optional_query("description");
             p.profile_link_color = x.optional_query("profile_link_color");
             auto op = api.async_update_profile(p, tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"POST", "/1.1/account/update_profile_banner.json",
         TWITTER_CALL(api.async_update_profile_banner("banner.png", image, {}, tuple))},
        // Follows.
        {"POST", "/1.1/friendships/create.json",
         TWITTER_CALL(api.async_create_friendship(user_of(x), {}, tuple))},
        {"POST", "/1.1/friendships/destroy.json",
         TWITTER_CALL(api.async_destroy_friendship(user_of(x), tuple))},
        {"GET", "/1.1/friendships/show.json",
         TWITTER_CALL(
             api.async_get_friendship(user_of(x, "target_"), optional_user_of(x, "source_"), tuple))},
        {"GET", "/1.1/followers/ids.json",
         TWITTER_CALL(api.async_get_follower_ids(optional_user_of(x), {}, tuple))},
        {"GET", "/1.1/followers/list.json",
         TWITTER_CALL(api.async_get_followers(optional_user_of(x), {}, tuple))},
        {"GET", "/1.1/friends/ids.json",
         TWITTER_CALL(api.async_get_friend_ids(optional_user_of(x), {}, tuple))},
        {"GET", "/1.1/friends/list.json",
         TWITTER_CALL(api.async_get_friends(optional_user_of(x), {}, tuple))},
        // Lists.
        {"GET", "/1.1/lists/list.json", TWITTER_CALL(api.async_get_lists(optional_user_of(x), {}, tuple))},
        {"GET", "/1.1/lists/show.json", TWITTER_CALL(api.async_get_list(list_of(x), tuple))},
        {"GET", "/1.1/lists/statuses.json",
         TWITTER_CALL(api.async_list_timeline(list_of(x), timeline_of(x), tuple))},
        {"POST", "/1.1/lists/create.json",
         [](twitter::api& api, interaction const& x) -> asio::awaitable<outcome> {
             v1::list_params p;
             p.mode = x.optional_query("mode");
             p.description = x.optional_query("description");
             auto op = api.async_create_list(x.query("name"), p, tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"POST", "/1.1/lists/update.json",
         [](twitter::api& api, interaction const& x) -> asio::awaitable<outcome> {
             v1::list_params p;
             p.name = x.optional_query("name");
             p.mode = x.optional_query("mode");
             p.description = x.optional_query("description");
             auto op = api.async_update_list(list_of(x), p, tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"POST", "/1.1/lists/destroy.json", TWITTER_CALL(api.async_destroy_list(list_of(x), tuple))},
        {"GET", "/1.1/lists/members/show.json",
         TWITTER_CALL(api.async_get_list_member(list_of(x), user_of(x), {}, tuple))},
        {"GET", "/1.1/lists/members.json", TWITTER_CALL(api.async_get_list_members(list_of(x), {}, tuple))},
        {"POST", "/1.1/lists/members/create.json",
         TWITTER_CALL(api.async_add_list_member(list_of(x), user_of(x), tuple))},
        {"POST", "/1.1/lists/members/create_all.json",
         TWITTER_CALL(api.async_add_list_members(list_of(x), users_of(x), tuple))},
        {"POST", "/1.1/lists/members/destroy.json",
         TWITTER_CALL(api.async_remove_list_member(list_of(x), user_of(x), tuple))},
        {"POST", "/1.1/lists/members/destroy_all.json",
         TWITTER_CALL(api.async_remove_list_members(list_of(x), users_of(x), tuple))},
        {"GET", "/1.1/lists/memberships.json",
         TWITTER_CALL(api.async_get_list_memberships(optional_user_of(x), {}, tuple))},
        {"GET", "/1.1/lists/ownerships.json",
         TWITTER_CALL(api.async_get_list_ownerships(optional_user_of(x), {}, tuple))},
        {"GET", "/1.1/lists/subscriptions.json",
         TWITTER_CALL(api.async_get_list_subscriptions(optional_user_of(x), {}, tuple))},
        {"GET", "/1.1/lists/subscribers/show.json",
         TWITTER_CALL(api.async_get_list_subscriber(list_of(x), user_of(x), {}, tuple))},
        {"GET", "/1.1/lists/subscribers.json",
         TWITTER_CALL(api.async_get_list_subscribers(list_of(x), {}, tuple))},
        {"POST", "/1.1/lists/subscribers/create.json",
         TWITTER_CALL(api.async_subscribe_list(list_of(x), tuple))},
        {"POST", "/1.1/lists/subscribers/destroy.json",
         TWITTER_CALL(api.async_unsubscribe_list(list_of(x), tuple))},
        // Blocks.
        {"POST", "/1.1/blocks/create.json", TWITTER_CALL(api.async_create_block(user_of(x), {}, tuple))},
        {"POST", "/1.1/blocks/destroy.json", TWITTER_CALL(api.async_destroy_block(user_of(x), {}, tuple))},
        {"GET", "/1.1/blocks/ids.json", TWITTER_CALL(api.async_get_blocked_ids({}, tuple))},
        {"GET", "/1.1/blocks/list.json", TWITTER_CALL(api.async_get_blocks({}, tuple))},
        // Saved searches.
        {"POST", "/1.1/saved_searches/create.json",
         TWITTER_CALL(api.async_create_saved_search(x.query("query"), tuple))},
        {"GET", "/1.1/saved_searches/list.json", TWITTER_CALL(api.async_get_saved_searches(tuple))},
        {"GET", "/1.1/saved_searches/show/*",
         TWITTER_CALL(api.async_get_saved_search(x.last_segment(), tuple))},
        {"POST", "/1.1/saved_searches/destroy/*",
         TWITTER_CALL(api.async_destroy_saved_search(x.last_segment(), tuple))},
        // Places.
        {"GET", "/1.1/geo/id/*", TWITTER_CALL(api.async_geo_id(x.last_segment(), tuple))},
        {"GET", "/1.1/geo/reverse_geocode.json",
         TWITTER_CALL(
             api.async_reverse_geocode(std::stod(x.query("lat")), std::stod(x.query("long")), {}, tuple))},
        {"GET", "/1.1/geo/similar_places.json",
         TWITTER_CALL(api.async_geo_similar_places(std::stod(x.query("lat")), std::stod(x.query("long")),
                                                   x.query("name"), {}, tuple))},
        // Help.
        {"GET", "/1.1/help/languages.json", TWITTER_CALL(api.async_supported_languages(tuple))},
        {"GET", "/1.1/application/rate_limit_status.json",
         TWITTER_CALL(api.async_rate_limit_status({}, tuple))},
        // Direct messages.
        {"GET", "/1.1/direct_messages/events/list.json",
         TWITTER_CALL(api.async_get_direct_messages({}, tuple))},
        {"POST", "/1.1/direct_messages/events/new.json",
         [](twitter::api& api, interaction const& x) -> asio::awaitable<outcome> {
             BOOST_TEST_REQUIRE(x.request_body.has_value());
             json::value const body = json::parse(*x.request_body);
             auto const& mc = body.at("event").at("message_create");
             std::string const recipient = *id_text(&mc.at("target").at("recipient_id"));
             std::string const text(mc.at("message_data").at("text").as_string());
             auto op = api.async_send_direct_message(recipient, text, {}, tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"DELETE", "/1.1/direct_messages/events/destroy.json",
         TWITTER_CALL(api.async_delete_direct_message(x.query("id"), tuple))},
        {"POST", "/1.1/direct_messages/indicate_typing.json",
         TWITTER_CALL(api.async_indicate_direct_message_typing(x.query("recipient_id"), tuple))},
    };
    return all;
}

#undef TWITTER_CALL

route const* find_route(interaction const& x) {
    for (auto const& r : routes()) {
        if (r.method != x.method) continue;
        if (r.path.ends_with('*') ? x.target.path.starts_with(r.path.substr(0, r.path.size() - 1))
                                  : x.target.path == r.path)
            return &r;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------------------------------
// The recordings of Tweepy's Cursor tests, made again with v1::pager and the limits the tests gave Cursor.

// Walks `pager` item by item (Cursor(...).items(n)) and checks the items against the recorded pages, which
// are interactions [first, first + pages) of `r`.
template <class Item>
asio::awaitable<void> items_walk(v1::pager<Item>& pager, recording const& r, std::size_t first, std::size_t n,
                                 std::vector<outcome>& out) {
    std::vector<Item> got;
    twitter::error_code ec;
    for (;;) {
        auto [e, item] = co_await pager.async_next(tuple);
        if (e || !item) {
            ec = e;
            break;
        }
        got.push_back(std::move(*item));
    }
    interaction const& x = r.interactions[first];
    BOOST_TEST(!ec, x.uri << ": " << ec.message());
    checker c(x.method + " " + x.uri);
    json::value const body = json::parse(x.response_body);
    json::array const& recorded =
        body.is_array() ? body.get_array()
                        : body.at(std::is_same_v<Item, std::string> ? "ids" : "users").as_array();
    c.expect(got.size() == std::min(n, recorded.size()),
             "items(" + std::to_string(n) + ") took as many items");
    for (std::size_t i = 0; i < std::min(got.size(), recorded.size()); ++i) {
        if constexpr (std::is_same_v<Item, std::string>)
            c.expect(got[i] == id_text(&recorded[i]), "item " + std::to_string(i));
        else
            compare(c, got[i], recorded[i].as_object());
    }
    c.expect(pager.done(), "the walk is over");
    out[first] = outcome{true, ec, c.ok()};
}

// Walks `pager` page by page (Cursor(...).pages(n)); the pages are interactions [first, first + n).
template <class Item>
asio::awaitable<void> pages_walk(v1::pager<Item>& pager, recording const& r, std::size_t first, std::size_t n,
                                 std::vector<outcome>& out) {
    for (std::size_t i = first; i < first + n; ++i) {
        interaction const& x = r.interactions[i];
        auto [ec, page] = co_await pager.async_next_page(tuple);
        BOOST_TEST(!ec, x.uri << ": " << ec.message());
        checker c(x.method + " " + x.uri);
        json::value const body = json::parse(x.response_body);
        json::array const& recorded = body.is_array() ? body.get_array() : body.at("ids").as_array();
        c.expect(page.size() == recorded.size(), "the page holds the recorded items");
        for (std::size_t k = 0; k < std::min(page.size(), recorded.size()); ++k) {
            if constexpr (std::is_same_v<Item, std::string>)
                c.expect(page[k] == id_text(&recorded[k]), "item " + std::to_string(k));
            else
                compare(c, page[k], recorded[k].as_object());
        }
        out[i] = outcome{true, ec, c.ok()};
    }
    auto [ec, rest] = co_await pager.async_next_page(tuple);
    BOOST_TEST(!ec);
    BOOST_TEST(rest.empty(), "pages(" << n << ") ends after " << n << " pages");
    BOOST_TEST(pager.done());
}

using file_call =
    std::function<asio::awaitable<void>(twitter::api&, recording const&, std::vector<outcome>&)>;

std::map<std::string, file_call, std::less<>> const& cursor_recordings() {
    static std::map<std::string, file_call, std::less<>> const all{
        // Cursor(api.get_friend_ids).items(2); Cursor(api.get_follower_ids, screen_name=...).items(1).
        {"testcursorcursoritems.json",
         [](twitter::api& api, recording const& r, std::vector<outcome>& out) -> asio::awaitable<void> {
             auto friends = v1::paginate(api, v1::requests::get_friend_ids(std::nullopt),
                                         {.max_pages = {}, .max_items = 2});
             co_await items_walk(friends, r, 0, 2, out);
             auto followers = v1::paginate(api, v1::requests::get_follower_ids(user_of(r.interactions[1])),
                                           {.max_pages = {}, .max_items = 1});
             co_await items_walk(followers, r, 1, 1, out);
         }},
        // Cursor(api.get_friend_ids).pages(1); Cursor(api.get_follower_ids, screen_name=...).pages(1).
        {"testcursorcursorpages.json",
         [](twitter::api& api, recording const& r, std::vector<outcome>& out) -> asio::awaitable<void> {
             auto friends = v1::paginate(api, v1::requests::get_friend_ids(std::nullopt),
                                         {.max_pages = 1, .max_items = {}});
             co_await pages_walk(friends, r, 0, 1, out);
             auto followers = v1::paginate(api, v1::requests::get_follower_ids(user_of(r.interactions[1])),
                                           {.max_pages = 1, .max_items = {}});
             co_await pages_walk(followers, r, 1, 1, out);
         }},
        // Cursor(api.user_timeline, screen_name="Twitter").items(): the first item, then no more asked for.
        {"testcursornext.json",
         [](twitter::api& api, recording const& r, std::vector<outcome>& out) -> asio::awaitable<void> {
             auto timeline = v1::paginate(api, v1::requests::user_timeline(user_of(r.interactions[0])));
             auto [ec, first] = co_await timeline.async_next(tuple);
             interaction const& x = r.interactions[0];
             BOOST_TEST(!ec, ec.message());
             checker c(x.method + " " + x.uri);
             json::value const body = json::parse(x.response_body);
             c.expect(first.has_value(), "an item");
             if (first) compare(c, *first, body.as_array().at(0).as_object());
             c.expect(!timeline.done(), "the rest of the page is still held");
             out[0] = outcome{true, ec, c.ok()};
         }},
        // Cursor(api.user_timeline).items(2).
        {"testidcursoritems.json",
         [](twitter::api& api, recording const& r, std::vector<outcome>& out) -> asio::awaitable<void> {
             auto timeline = v1::paginate(api, v1::requests::user_timeline(std::nullopt),
                                          {.max_pages = {}, .max_items = 2});
             co_await items_walk(timeline, r, 0, 2, out);
         }},
        // Cursor(api.user_timeline, count=1).pages(2): the second request asks for max_id = the id seen - 1.
        {"testidcursorpages.json",
         [](twitter::api& api, recording const& r, std::vector<outcome>& out) -> asio::awaitable<void> {
             v1::timeline_params p;
             p.count = 1;
             auto timeline = v1::paginate(api, v1::requests::user_timeline(std::nullopt, p),
                                          {.max_pages = 2, .max_items = {}});
             co_await pages_walk(timeline, r, 0, 2, out);
         }},
    };
    return all;
}

// The same request: method, path and query multiset. For a recorded JSON body, the same JSON with ids
// compared as decimal text; for the uploads, whose recorded bodies were dropped, a multipart body with the
// part the endpoint takes.
bool same_request(emu::logged_request const& got, interaction const& want, std::string& why) {
    test::replay::compare_target(got, want, why);
    if (want.target.path == "/1.1/direct_messages/events/new.json") {
        json::error_code ec;
        json::value const sent = json::parse(got.body, ec);
        json::value const recorded = json::parse(*want.request_body);
        if (ec) {
            why += " body " + got.body;
        } else {
            auto const& s = sent.at("event").at("message_create");
            auto const& r = recorded.at("event").at("message_create");
            if (sent.at("event").at("type") != recorded.at("event").at("type") ||
                id_text(&s.at("target").at("recipient_id")) != id_text(&r.at("target").at("recipient_id")) ||
                s.at("message_data") != r.at("message_data"))
                why += " body " + got.body;
        }
    } else if (want.target.path == "/1.1/statuses/update_with_media.json" ||
               want.target.path == "/1.1/account/update_profile_banner.json") {
        std::string const part =
            want.target.path.ends_with("update_with_media.json") ? "name=\"media[]\"" : "name=\"banner\"";
        if (got.body.find(part) == std::string::npos || got.body.find(image) == std::string::npos)
            why += " multipart body without " + part;
    } else if (!got.body.empty()) {
        why += " unexpected body " + got.body;
    }
    return why.empty();
}

struct tally {
    std::size_t recorded = 0;
    std::size_t reproduced = 0;
    std::vector<std::string> not_reproduced;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(replay_v1)

BOOST_AUTO_TEST_CASE(the_recordings_are_read) {
    std::size_t n = 0;
    for (auto const& r : v1_recordings()) n += r.interactions.size();
    // 105 recorded v1.1 interactions, of which 6 are media/upload.json.
    BOOST_TEST(n == 99u);
}

BOOST_AUTO_TEST_CASE(every_recorded_v1_interaction_is_reproduced_by_a_typed_call) {
    tally t;
    test::run_scenario(
        1,
        [&t](scenario s) -> asio::awaitable<void> {
            auto const& keys = s.server.oauth1();
            for (auto const& rec : v1_recordings()) {
                BOOST_TEST_CONTEXT(rec.file) {
                    // A fresh api per recorded test, as Tweepy's tests had, with the four OAuth 1.0a keys.
                    twitter::client_credentials creds;
                    creds.consumer_key = keys.consumer_key;
                    creds.consumer_secret = keys.consumer_secret;
                    creds.access_token = keys.access_token;
                    creds.access_token_secret = keys.access_token_secret;
                    twitter::api api(s.io.get_executor(), std::move(creds), s.config());

                    s.server.clear_log();
                    auto const replayed_before = s.server.stats().replayed;
                    s.server.replay(exchanges_of(rec));

                    std::size_t const n = rec.interactions.size();
                    std::vector<outcome> outcomes(n);
                    std::vector<std::string> why(n);
                    if (auto const cursor = cursor_recordings().find(rec.file);
                        cursor != cursor_recordings().end()) {
                        co_await cursor->second(api, rec, outcomes);
                    } else {
                        for (std::size_t i = 0; i < n; ++i) {
                            interaction const& x = rec.interactions[i];
                            route const* r = find_route(x);
                            if (!r) {
                                why[i] = " no typed call for " + x.method + " " + x.target.path;
                                continue;
                            }
                            outcomes[i] = co_await r->run(api, x);
                        }
                    }

                    auto const log = s.server.request_log();
                    BOOST_TEST(log.size() == n, "the SDK sent as many requests as were recorded");
                    BOOST_TEST(s.server.pending_replays() == 0u, "every recorded answer was used");
                    BOOST_TEST(s.server.stats().replayed - replayed_before == n);
                    s.server.clear_replay();

                    for (std::size_t i = 0; i < n; ++i) {
                        interaction const& x = rec.interactions[i];
                        std::string mismatch;
                        bool const same = i < log.size() && same_request(log[i], x, mismatch);
                        BOOST_TEST(same, x.method << ' ' << x.uri << " was sent as" << mismatch);
                        if (!outcomes[i].ran && why[i].empty()) why[i] = " no call made";
                        bool const ok = same && outcomes[i].ran && !outcomes[i].ec && outcomes[i].fields_ok;
                        ++t.recorded;
                        if (ok)
                            ++t.reproduced;
                        else
                            t.not_reproduced.push_back(rec.file + ": " + x.method + " " + x.uri + why[i] +
                                                       mismatch);
                    }
                }
            }
        },
        {}, std::chrono::seconds(120));

    std::cout << "replay_v1: reproduced " << t.reproduced << " of " << t.recorded
              << " recorded v1.1 interactions\n";
    for (auto const& miss : t.not_reproduced) std::cout << "  not reproduced: " << miss << '\n';
    BOOST_TEST(t.recorded == 99u);
    BOOST_TEST(t.reproduced == 99u);
    BOOST_TEST(t.not_reproduced.empty());
}

BOOST_AUTO_TEST_SUITE_END()
