// Every v2 interaction recorded from the real API (../shared/fixtures/recorded, Tweepy's cassettes), made
// again with the typed call a user would write, against the emulator replaying the recording. For each
// recorded request the test checks that the SDK sent the same method, path, query (as a decoded multiset) and
// JSON body, in the recorded order, that the call succeeded, and that the typed result holds what the
// recorded JSON holds (read here with Boost.JSON, independently of the SDK's parser).
//
// The recordings were made as user 1072250532645998596 (@TweepyDev): "{me}" in their paths is that user. So
// the test signs in as that user, through the OAuth 1.0a three-legged flow (Tweepy's user context: "me" is
// the access token's prefix, no lookup), and with an OAuth 2.0 user token for the bookmarks, where Tweepy
// looked "me" up with GET /2/users/me first, as the recording shows.

#include <twitter/client.hpp>

#include "auth_flow_support.hpp"
#include "replay_support.hpp"
#include "scenario.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/v2/requests.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace json = boost::json;
namespace v2 = twitter::v2;
namespace emu = twitter::emulator;
using test::scenario;

constexpr auto tuple = asio::as_tuple(asio::deferred);

// ---------------------------------------------------------------------------------------------------------
// The recordings.

using test::replay::decode;
using test::replay::split_csv;
using test::replay::target_parts;

struct interaction : test::replay::recorded_interaction {
    std::optional<json::value> request_body;  // the cassettes hold it as JSON text or as a JSON object

    json::value const* body_value() const { return request_body ? &*request_body : nullptr; }
    json::value const* body(std::string_view key) const {
        if (!request_body || !request_body->is_object()) return nullptr;
        return request_body->as_object().if_contains(key);
    }
    std::string body_string(std::string_view key) const {
        auto const* v = body(key);
        return v && v->is_string() ? std::string(v->get_string()) : std::string();
    }
};

using recording = test::replay::recording<interaction>;

bool is_v2(std::string const& path) { return path.starts_with("/2/"); }

// Every recorded file with interactions under /2/, in file-name order; the interactions in recorded order.
std::vector<recording> const& v2_recordings() {
    static std::vector<recording> const all = test::replay::read_recordings<interaction>(
        [](target_parts const& t) { return is_v2(t.path); },
        [](json::object const& request, interaction& x) {
            if (json::value const* b = request.if_contains("body")) {
                if (b->is_string() && !b->get_string().empty())
                    x.request_body = json::parse(b->get_string());
                else if (b->is_object())
                    x.request_body = *b;
            }
        });
    return all;
}

using test::replay::exchanges_of;

// The user the recordings were made as: who GET /2/users/me said "me" is.
std::string recorded_me() {
    for (auto const& r : v2_recordings())
        for (auto const& x : r.interactions)
            if (x.method == "GET" && x.target.path == "/2/users/me")
                return std::string(json::parse(x.response_body).at("data").at("id").as_string());
    return {};
}

// ---------------------------------------------------------------------------------------------------------
// The typed result against the recorded JSON.

class checker : public test::replay::checker {
public:
    using test::replay::checker::checker;
    using test::replay::checker::same;

    void same(std::vector<std::string> const& got, json::object const& o, std::string_view key) {
        std::vector<std::string> want;
        if (auto const* v = o.if_contains(key); v && v->is_array())
            for (auto const& e : v->get_array())
                if (e.is_string()) want.emplace_back(e.get_string());
        expect(got == want, std::string(key) + " as recorded");
    }
};

void compare(checker& c, v2::tweet const& t, json::object const& o) {
    c.same(t.id, o, "id");
    c.same(t.text, o, "text");
    c.same(t.edit_history_tweet_ids, o, "edit_history_tweet_ids");
    c.same(t.author_id, o, "author_id");
    c.same(t.created_at, o, "created_at");
    c.same(t.conversation_id, o, "conversation_id");
    c.same(t.lang, o, "lang");
}

void compare(checker& c, v2::user const& u, json::object const& o) {
    c.same(u.id, o, "id");
    c.same(u.name, o, "name");
    c.same(u.username, o, "username");
    c.same(u.created_at, o, "created_at");
    c.same(u.description, o, "description");
    c.same(u.is_protected, o, "protected");
    c.same(u.verified, o, "verified");
}

void compare(checker& c, v2::list const& l, json::object const& o) {
    c.same(l.id, o, "id");
    c.same(l.name, o, "name");
    c.same(l.description, o, "description");
    c.same(l.owner_id, o, "owner_id");
    c.same(l.is_private, o, "private");
    c.same(l.follower_count, o, "follower_count");
    c.same(l.member_count, o, "member_count");
}

void compare(checker& c, v2::space const& s, json::object const& o) {
    c.same(s.id, o, "id");
    c.same(s.state, o, "state");
    c.same(s.title, o, "title");
    c.same(s.creator_id, o, "creator_id");
    c.same(s.host_ids, o, "host_ids");
}

void compare(checker& c, v2::dm_event const& e, json::object const& o) {
    c.same(e.id, o, "id");
    c.same(e.event_type, o, "event_type");
    c.same(e.text, o, "text");
    c.same(e.sender_id, o, "sender_id");
    c.same(e.dm_conversation_id, o, "dm_conversation_id");
    c.same(e.created_at, o, "created_at");
    c.same(e.participant_ids, o, "participant_ids");
}

void compare(checker& c, v2::compliance_job const& j, json::object const& o) {
    c.same(j.id, o, "id");
    c.same(j.type, o, "type");
    c.same(j.status, o, "status");
    c.same(j.name, o, "name");
    c.same(j.upload_url, o, "upload_url");
    c.same(j.download_url, o, "download_url");
    c.same(j.resumable, o, "resumable");
}

void compare(checker& c, v2::tweet_count const& t, json::object const& o) {
    c.same(t.start, o, "start");
    c.same(t.end, o, "end");
    auto const* n = o.if_contains("tweet_count");
    c.expect(n && n->is_number() && n->to_number<std::uint64_t>() == t.count, "tweet_count as recorded");
}

void compare(checker& c, v2::action_result const& a, json::object const& o) {
    std::pair<std::string_view, std::optional<bool> const*> const flags[] = {
        {"bookmarked", &a.bookmarked}, {"deleted", &a.deleted},
        {"following", &a.following},   {"pending_follow", &a.pending_follow},
        {"hidden", &a.hidden},         {"liked", &a.liked},
        {"is_member", &a.is_member},   {"muting", &a.muting},
        {"blocking", &a.blocking},     {"pinned", &a.pinned},
        {"retweeted", &a.retweeted},   {"updated", &a.updated},
    };
    std::size_t known = 0;
    for (auto const& [key, member] : flags) {
        c.same(*member, o, key);
        known += o.contains(key) ? 1 : 0;
    }
    c.expect(known == o.size() && known > 0, "every recorded flag is a modelled one");
}

void compare(checker& c, v2::dm_created const& d, json::object const& o) {
    c.same(d.dm_conversation_id, o, "dm_conversation_id");
    c.same(d.dm_event_id, o, "dm_event_id");
}

template <class T>
void compare_data(checker& c, std::optional<T> const& got, json::value const* want) {
    if (!want) {
        c.expect(!got, "no data, as recorded");
        return;
    }
    c.expect(got.has_value() && want->is_object(), "data as recorded");
    if (got && want->is_object()) compare(c, *got, want->get_object());
}

template <class T>
void compare_data(checker& c, std::vector<T> const& got, json::value const* want) {
    std::size_t const n = want && want->is_array() ? want->get_array().size() : 0;
    c.expect(got.size() == n, "as many items as recorded (" + std::to_string(n) + ")");
    for (std::size_t i = 0; i < std::min(n, got.size()); ++i)
        compare(c, got[i], want->get_array()[i].as_object());
}

template <class T>
bool same_as_recorded(v2::response<T> const& r, interaction const& x, std::string const& where) {
    checker c(where);
    json::value const body = json::parse(x.response_body);
    json::object const& o = body.as_object();
    compare_data(c, r.data, o.if_contains("data"));
    auto const* errors = o.if_contains("errors");
    c.expect(r.errors.size() == (errors && errors->is_array() ? errors->get_array().size() : 0u), "errors");
    json::object const empty;
    auto const* meta = o.if_contains("meta");
    json::object const& m = meta && meta->is_object() ? meta->get_object() : empty;
    c.same(r.meta.result_count, m, "result_count");
    c.same(r.meta.next_token, m, "next_token");
    c.same(r.meta.previous_token, m, "previous_token");
    c.same(r.meta.newest_id, m, "newest_id");
    c.same(r.meta.total_tweet_count, m, "total_tweet_count");
    auto const* inc = o.if_contains("includes");
    json::object const& i = inc && inc->is_object() ? inc->get_object() : empty;
    auto const count = [&](std::string_view key) {
        auto const* v = i.if_contains(key);
        return v && v->is_array() ? v->get_array().size() : 0u;
    };
    c.expect(r.includes.users.size() == count("users"), "includes.users");
    c.expect(r.includes.tweets.size() == count("tweets"), "includes.tweets");
    c.expect(r.raw_json == x.response_body, "raw_json is the body as received");
    return c.ok();
}

// ---------------------------------------------------------------------------------------------------------
// The calls: which typed call a user makes for each recorded request, its arguments read from the recording.

struct clients {
    twitter::client& user;  // Tweepy's Client(bearer_token, consumer_key, consumer_secret, access_token, ...)
    twitter::client& oauth2;  // an OAuth 2.0 user access token (bookmarks)
};

struct outcome {
    bool ran = false;
    twitter::error_code ec;
    bool fields_ok = false;
};

using captures = std::map<std::string, std::string, std::less<>>;
using call = std::function<asio::awaitable<outcome>(clients&, captures const&, interaction const&)>;

template <class Op>
asio::awaitable<outcome> finish(Op op, interaction const& x) {
    auto [ec, res] = co_await std::move(op);
    outcome out;
    out.ran = true;
    out.ec = ec;
    BOOST_TEST(!ec, x.method << ' ' << x.uri << ": " << ec.message());
    if (!ec) out.fields_ok = same_as_recorded(res, x, x.method + " " + x.uri);
    co_return out;
}

template <class Enum>
Enum enum_named(std::string const& name, std::initializer_list<Enum> values) {
    for (Enum const v : values)
        if (v2::to_string(v) == name) return v;
    throw std::invalid_argument("unknown value " + name);
}

v2::dm_message_params message_of(json::value const* v) {
    v2::dm_message_params m;
    if (!v || !v->is_object()) return m;
    if (auto const* t = v->get_object().if_contains("text"); t && t->is_string())
        m.text = std::string(t->get_string());
    if (auto const* a = v->get_object().if_contains("attachments");
        a && a->is_array() && !a->get_array().empty())
        m.media_id = std::string(a->get_array()[0].at("media_id").as_string());
    return m;
}

struct route {
    std::string_view method;
    std::string_view pattern;  // ":name" captures one segment
    call run;
};

#define TWITTER_CALL(expr)                                                                \
    [](clients& c, captures const& p, interaction const& x) -> asio::awaitable<outcome> { \
        (void)c;                                                                          \
        (void)p;                                                                          \
        auto op = (expr);                                                                 \
        co_return co_await finish(std::move(op), x);                                      \
    }

// Literal routes before the ones that capture the same position.
std::vector<route> const& routes() {
    static std::vector<route> const all{
        // Bookmarks: an OAuth 2.0 user token.
        {"POST", "/2/users/:me/bookmarks",
         TWITTER_CALL(c.oauth2.async_bookmark(x.body_string("tweet_id"), tuple))},
        {"GET", "/2/users/:me/bookmarks", TWITTER_CALL(c.oauth2.async_get_bookmarks({}, tuple))},
        {"DELETE", "/2/users/:me/bookmarks/:tweet_id",
         TWITTER_CALL(c.oauth2.async_remove_bookmark(p.at("tweet_id"), tuple))},
        // Tweets.
        {"POST", "/2/tweets",
         [](clients& c, captures const&, interaction const& x) -> asio::awaitable<outcome> {
             v2::create_tweet_params params;
             if (x.body("text")) params.text = x.body_string("text");
             if (x.body("community_id")) params.community_id = x.body_string("community_id");
             auto op = c.user.async_create_tweet(std::move(params), tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"DELETE", "/2/tweets/:id", TWITTER_CALL(c.user.async_delete_tweet(p.at("id"), tuple))},
        {"PUT", "/2/tweets/:id/hidden",
         [](clients& c, captures const& p, interaction const& x) -> asio::awaitable<outcome> {
             auto const* hidden = x.body("hidden");
             BOOST_TEST_REQUIRE((hidden && hidden->is_bool()));
             if (hidden->get_bool()) {
                 auto op = c.user.async_hide_reply(p.at("id"), tuple);
                 co_return co_await finish(std::move(op), x);
             }
             auto op = c.user.async_unhide_reply(p.at("id"), tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"POST", "/2/users/:me/likes", TWITTER_CALL(c.user.async_like(x.body_string("tweet_id"), tuple))},
        {"DELETE", "/2/users/:me/likes/:tweet_id",
         TWITTER_CALL(c.user.async_unlike(p.at("tweet_id"), tuple))},
        {"GET", "/2/tweets/:id/liking_users",
         TWITTER_CALL(c.user.async_get_liking_users(p.at("id"), {}, tuple))},
        {"GET", "/2/users/:id/liked_tweets",
         TWITTER_CALL(c.user.async_get_liked_tweets(p.at("id"), {}, tuple))},
        {"GET", "/2/tweets/:id/quote_tweets",
         TWITTER_CALL(c.user.async_get_quote_tweets(p.at("id"), {}, tuple))},
        {"POST", "/2/users/:me/retweets",
         TWITTER_CALL(c.user.async_retweet(x.body_string("tweet_id"), tuple))},
        {"DELETE", "/2/users/:me/retweets/:id", TWITTER_CALL(c.user.async_unretweet(p.at("id"), tuple))},
        {"GET", "/2/tweets/:id/retweeted_by",
         TWITTER_CALL(c.user.async_get_retweeters(p.at("id"), {}, tuple))},
        {"GET", "/2/tweets/search/all",
         TWITTER_CALL(c.user.async_search_all_tweets(x.query("query"), {}, tuple))},
        {"GET", "/2/tweets/search/recent",
         TWITTER_CALL(c.user.async_search_recent_tweets(x.query("query"), {}, tuple))},
        {"GET", "/2/tweets/counts/all",
         TWITTER_CALL(c.user.async_get_all_tweets_count(x.query("query"), {}, tuple))},
        {"GET", "/2/tweets/counts/recent",
         TWITTER_CALL(c.user.async_get_recent_tweets_count(x.query("query"), {}, tuple))},
        {"GET", "/2/users/:me/timelines/reverse_chronological",
         TWITTER_CALL(c.user.async_get_home_timeline({}, tuple))},
        {"GET", "/2/users/:id/mentions",
         TWITTER_CALL(c.user.async_get_users_mentions(p.at("id"), {}, tuple))},
        {"GET", "/2/users/:id/tweets", TWITTER_CALL(c.user.async_get_users_tweets(p.at("id"), {}, tuple))},
        {"GET", "/2/tweets/:id", TWITTER_CALL(c.user.async_get_tweet(p.at("id"), {}, tuple))},
        {"GET", "/2/tweets", TWITTER_CALL(c.user.async_get_tweets(split_csv(x.query("ids")), {}, tuple))},
        // Users.
        {"GET", "/2/users/me", TWITTER_CALL(c.user.async_get_me({}, tuple))},
        {"GET", "/2/users/by/username/:username",
         TWITTER_CALL(c.user.async_get_user(v2::by_username{p.at("username")}, {}, tuple))},
        {"GET", "/2/users/by",
         TWITTER_CALL(c.user.async_get_users(v2::by_usernames{split_csv(x.query("usernames"))}, {}, tuple))},
        {"GET", "/2/users/:id/followers",
         TWITTER_CALL(c.user.async_get_users_followers(p.at("id"), {}, tuple))},
        {"GET", "/2/users/:id/following",
         TWITTER_CALL(c.user.async_get_users_following(p.at("id"), {}, tuple))},
        {"POST", "/2/users/:me/following",
         TWITTER_CALL(c.user.async_follow_user(x.body_string("target_user_id"), tuple))},
        {"DELETE", "/2/users/:me/following/:id", TWITTER_CALL(c.user.async_unfollow_user(p.at("id"), tuple))},
        {"POST", "/2/users/:me/muting",
         TWITTER_CALL(c.user.async_mute(x.body_string("target_user_id"), tuple))},
        {"GET", "/2/users/:me/muting", TWITTER_CALL(c.user.async_get_muted({}, tuple))},
        {"DELETE", "/2/users/:me/muting/:id", TWITTER_CALL(c.user.async_unmute(p.at("id"), tuple))},
        // Spaces.
        {"GET", "/2/spaces/search", TWITTER_CALL(c.user.async_search_spaces(x.query("query"), {}, tuple))},
        {"GET", "/2/spaces/by/creator_ids",
         TWITTER_CALL(
             c.user.async_get_spaces(v2::by_creator_ids{split_csv(x.query("user_ids"))}, {}, tuple))},
        {"GET", "/2/spaces", TWITTER_CALL(c.user.async_get_spaces(split_csv(x.query("ids")), {}, tuple))},
        {"GET", "/2/spaces/:id", TWITTER_CALL(c.user.async_get_space(p.at("id"), {}, tuple))},
        // Direct Messages.
        {"POST", "/2/dm_conversations/with/:id/messages",
         TWITTER_CALL(
             c.user.async_create_dm(v2::dm_participant_id{p.at("id")}, message_of(x.body_value()), tuple))},
        {"POST", "/2/dm_conversations/:id/messages",
         TWITTER_CALL(
             c.user.async_create_dm(v2::dm_conversation_id{p.at("id")}, message_of(x.body_value()), tuple))},
        {"POST", "/2/dm_conversations",
         [](clients& c, captures const&, interaction const& x) -> asio::awaitable<outcome> {
             std::vector<std::string> participants;
             if (auto const* ids = x.body("participant_ids"); ids && ids->is_array())
                 for (auto const& id : ids->get_array()) participants.emplace_back(id.as_string());
             v2::dm_message_params message = message_of(x.body("message"));
             auto op =
                 c.user.async_create_dm_conversation(std::move(participants), std::move(message), tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"GET", "/2/dm_events", TWITTER_CALL(c.user.async_get_dm_events({}, tuple))},
        {"GET", "/2/dm_conversations/with/:id/dm_events",
         TWITTER_CALL(c.user.async_get_dm_events(v2::dm_participant_id{p.at("id")}, {}, tuple))},
        {"GET", "/2/dm_conversations/:id/dm_events",
         TWITTER_CALL(c.user.async_get_dm_events(v2::dm_conversation_id{p.at("id")}, {}, tuple))},
        // Lists.
        {"POST", "/2/lists",
         [](clients& c, captures const&, interaction const& x) -> asio::awaitable<outcome> {
             v2::create_list_params params;
             if (x.body("description")) params.description = x.body_string("description");
             if (auto const* p = x.body("private"); p && p->is_bool()) params.is_private = p->get_bool();
             auto op = c.user.async_create_list(x.body_string("name"), std::move(params), tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"PUT", "/2/lists/:id",
         [](clients& c, captures const& p, interaction const& x) -> asio::awaitable<outcome> {
             v2::update_list_params params;
             if (x.body("name")) params.name = x.body_string("name");
             if (x.body("description")) params.description = x.body_string("description");
             if (auto const* v = x.body("private"); v && v->is_bool()) params.is_private = v->get_bool();
             auto op = c.user.async_update_list(p.at("id"), std::move(params), tuple);
             co_return co_await finish(std::move(op), x);
         }},
        {"DELETE", "/2/lists/:id", TWITTER_CALL(c.user.async_delete_list(p.at("id"), tuple))},
        {"GET", "/2/lists/:id", TWITTER_CALL(c.user.async_get_list(p.at("id"), {}, tuple))},
        {"GET", "/2/lists/:id/tweets", TWITTER_CALL(c.user.async_get_list_tweets(p.at("id"), {}, tuple))},
        {"GET", "/2/lists/:id/followers",
         TWITTER_CALL(c.user.async_get_list_followers(p.at("id"), {}, tuple))},
        {"GET", "/2/lists/:id/members", TWITTER_CALL(c.user.async_get_list_members(p.at("id"), {}, tuple))},
        {"POST", "/2/lists/:id/members",
         TWITTER_CALL(c.user.async_add_list_member(p.at("id"), x.body_string("user_id"), tuple))},
        {"DELETE", "/2/lists/:id/members/:user_id",
         TWITTER_CALL(c.user.async_remove_list_member(p.at("id"), p.at("user_id"), tuple))},
        {"GET", "/2/users/:id/followed_lists",
         TWITTER_CALL(c.user.async_get_followed_lists(p.at("id"), {}, tuple))},
        {"POST", "/2/users/:me/followed_lists",
         TWITTER_CALL(c.user.async_follow_list(x.body_string("list_id"), tuple))},
        {"DELETE", "/2/users/:me/followed_lists/:id",
         TWITTER_CALL(c.user.async_unfollow_list(p.at("id"), tuple))},
        {"GET", "/2/users/:id/owned_lists",
         TWITTER_CALL(c.user.async_get_owned_lists(p.at("id"), {}, tuple))},
        {"GET", "/2/users/:id/list_memberships",
         TWITTER_CALL(c.user.async_get_list_memberships(p.at("id"), {}, tuple))},
        {"POST", "/2/users/:me/pinned_lists",
         TWITTER_CALL(c.user.async_pin_list(x.body_string("list_id"), tuple))},
        {"GET", "/2/users/:me/pinned_lists", TWITTER_CALL(c.user.async_get_pinned_lists({}, tuple))},
        {"DELETE", "/2/users/:me/pinned_lists/:id", TWITTER_CALL(c.user.async_unpin_list(p.at("id"), tuple))},
        // Batch compliance.
        {"POST", "/2/compliance/jobs",
         TWITTER_CALL(c.user.async_create_compliance_job(
             enum_named(x.body_string("type"),
                        {v2::compliance_job_type::tweets, v2::compliance_job_type::users}),
             {}, tuple))},
        {"GET", "/2/compliance/jobs",
         TWITTER_CALL(c.user.async_get_compliance_jobs(
             enum_named(x.query("type"), {v2::compliance_job_type::tweets, v2::compliance_job_type::users}),
             {}, tuple))},
        {"GET", "/2/compliance/jobs/:id", TWITTER_CALL(c.user.async_get_compliance_job(p.at("id"), tuple))},
    };
    return all;
}

#undef TWITTER_CALL

// The route for a recorded request, and what its ":name" segments captured.
route const* find_route(interaction const& x, captures& out) {
    for (auto const& r : routes()) {
        if (r.method != x.method) continue;
        std::vector<std::string_view> want;
        std::vector<std::string_view> got;
        for (std::string_view s = r.pattern; !s.empty();) {
            auto const slash = s.find('/', 1);
            want.push_back(s.substr(1, slash == std::string_view::npos ? s.npos : slash - 1));
            s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
        }
        for (std::string_view s = x.target.path; !s.empty();) {
            auto const slash = s.find('/', 1);
            got.push_back(s.substr(1, slash == std::string_view::npos ? s.npos : slash - 1));
            s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
        }
        if (want.size() != got.size()) continue;
        captures caps;
        bool match = true;
        for (std::size_t i = 0; i < want.size() && match; ++i) {
            if (want[i].starts_with(':'))
                caps[std::string(want[i].substr(1))] = decode(got[i]);
            else
                match = want[i] == got[i];
        }
        if (!match) continue;
        out = std::move(caps);
        return &r;
    }
    return nullptr;
}

// A GET /2/users/me that the client makes on its own, to fill in "{me}" of the bookmarks call after it.
bool is_me_lookup(recording const& r, std::size_t i) {
    auto const& x = r.interactions[i];
    return x.method == "GET" && x.target.path == "/2/users/me" && i + 1 < r.interactions.size() &&
           r.interactions[i + 1].target.path.find("/bookmarks") != std::string::npos;
}

// The same request: method, path, query multiset, and the same JSON body (or none).
bool same_request(emu::logged_request const& got, interaction const& want, std::string& why) {
    test::replay::compare_target(got, want, why);
    if (want.request_body) {
        json::error_code ec;
        json::value const body = json::parse(got.body, ec);
        if (ec || body != *want.request_body) why += " body " + got.body;
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

BOOST_AUTO_TEST_SUITE(replay_v2)

BOOST_AUTO_TEST_CASE(the_recordings_are_read) {
    std::size_t n = 0;
    for (auto const& r : v2_recordings()) n += r.interactions.size();
    BOOST_TEST(n == 131u);
    BOOST_TEST(recorded_me() == "1072250532645998596");
}

BOOST_AUTO_TEST_CASE(every_recorded_v2_interaction_is_reproduced_by_a_typed_call) {
    tally t;
    test::run_scenario(
        1,
        [&t](scenario s) -> asio::awaitable<void> {
            std::string const me = recorded_me();
            BOOST_TEST_REQUIRE(!me.empty());

            // Sign in as the recorded user with OAuth 1.0a, as Tweepy's tests did.
            s.server.set_authorizing_user(me);
            auto const& app = s.server.oauth1();
            auto signer = std::make_shared<twitter::oauth1_user_handler>(
                s.io.get_executor(), app.consumer_key, app.consumer_secret, std::string(), std::string(),
                std::string("http://127.0.0.1/callback"), s.config());
            std::string const url = co_await signer->async_get_authorization_url();
            twitter::client browser(s.io.get_executor(), s.config());
            std::string const location = co_await test::open_in_browser(browser, url);
            std::string const verifier = test::query_value(location, "oauth_verifier");
            BOOST_TEST_REQUIRE(!verifier.empty());
            twitter::oauth1_token const access = co_await signer->async_get_access_token(verifier);
            BOOST_TEST_REQUIRE(access.token.starts_with(me + "-"));
            std::string const oauth2_token = s.server.issue_user_token(
                me, {"tweet.read", "users.read", "bookmark.read", "bookmark.write"});

            for (auto const& rec : v2_recordings()) {
                BOOST_TEST_CONTEXT(rec.file) {
                    // A fresh client per recorded test, as Tweepy's tests had: nothing known about "me" yet.
                    twitter::client_credentials creds;
                    creds.bearer_token = s.server.app_bearer_token();
                    creds.consumer_key = app.consumer_key;
                    creds.consumer_secret = app.consumer_secret;
                    creds.access_token = access.token;
                    creds.access_token_secret = access.secret;
                    twitter::client user(s.io.get_executor(), std::move(creds), s.config());
                    twitter::client oauth2(s.io.get_executor(),
                                           std::make_shared<twitter::oauth2_bearer_handler>(
                                               oauth2_token, twitter::auth_scheme::user_bearer),
                                           s.config());
                    clients c{user, oauth2};

                    s.server.clear_log();
                    auto const replayed_before = s.server.stats().replayed;
                    s.server.replay(exchanges_of(rec));

                    std::size_t const n = rec.interactions.size();
                    std::vector<outcome> outcomes(n);
                    std::vector<std::string> why(n);
                    for (std::size_t i = 0; i < n; ++i) {
                        interaction const& x = rec.interactions[i];
                        if (is_me_lookup(rec, i)) continue;  // made by the next call
                        captures caps;
                        route const* r = find_route(x, caps);
                        if (!r) {
                            why[i] = "no typed call for " + x.method + " " + x.target.path;
                            continue;
                        }
                        if (auto const it = caps.find("me"); it != caps.end())
                            BOOST_TEST(it->second == me, "the recorded \"me\" is the signed-in user");
                        outcomes[i] = co_await r->run(c, caps, x);
                        if (i > 0 && is_me_lookup(rec, i - 1)) {
                            // The lookup served this call: it succeeded if the call did.
                            outcomes[i - 1] = outcomes[i];
                            outcomes[i - 1].fields_ok = !outcomes[i].ec;
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
                        if (!outcomes[i].ran && why[i].empty()) why[i] = "no call made";
                        bool const ok = same && outcomes[i].ran && !outcomes[i].ec && outcomes[i].fields_ok;
                        ++t.recorded;
                        if (ok)
                            ++t.reproduced;
                        else
                            t.not_reproduced.push_back(rec.file + ": " + x.method + " " + x.uri + " " +
                                                       why[i] + mismatch);
                    }
                }
            }
        },
        {}, std::chrono::seconds(120));

    std::cout << "replay_v2: reproduced " << t.reproduced << " of " << t.recorded
              << " recorded v2 interactions\n";
    for (auto const& miss : t.not_reproduced) std::cout << "  not reproduced: " << miss << '\n';
    BOOST_TEST(t.recorded == 131u);
    BOOST_TEST(t.reproduced == 131u);
    BOOST_TEST(t.not_reproduced.empty());
}

BOOST_AUTO_TEST_SUITE_END()
