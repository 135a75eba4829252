// The emulated API v2, called directly (no sockets): the world's writes are visible to later reads, list
// endpoints page, credentials and scopes are checked as X documents, and each family has its own budget.

#include "emulator/service.hpp"

#include "emulator/pagination.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <set>
#include <string>

using namespace twitter::emulator::detail;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

constexpr std::string_view me = "2244994945";
constexpr std::string_view seeded_tweet = "1293593516040269825";

service_params roomy(std::size_t synthetic = 0) {
    service_params p;
    p.rate_limit_per_window = 100000;
    p.synthetic_followers = synthetic;
    return p;
}

struct fixture {
    explicit fixture(service_params p = roomy()) : api(std::move(p)) {}

    api_response call(std::string_view method, std::string const& target, std::string const& token,
                      std::string_view body = {}) {
        auto const authorization = token.empty() ? std::string{} : "Bearer " + token;
        return api.handle({method, target, authorization, body, "https", "localhost", "application/json"},
                          now);
    }
    api_response user(std::string_view method, std::string const& target, std::string_view body = {}) {
        return call(method, target, api.default_user_token(), body);
    }
    api_response app(std::string const& target) { return call("GET", target, api.app_bearer_token()); }

    service api;
    service::clock::time_point now = service::clock::time_point{1'700'000'000s};
};

json::value parse(api_response const& r) { return json::parse(r.body); }

std::string header(api_response const& r, std::string_view name) {
    for (auto const& [n, v] : r.headers) {
        if (n == name) {
            return v;
        }
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_v2_service)

BOOST_FIXTURE_TEST_CASE(a_created_tweet_is_read_back_then_deleted, fixture) {
    auto const created = user("POST", "/2/tweets", R"({"text":"hello from the emulator"})");
    BOOST_TEST_REQUIRE(created.status == 201u);
    auto const id = std::string(parse(created).at("data").at("id").as_string());
    BOOST_TEST(parse(created).at("data").at("text").as_string() == "hello from the emulator");
    BOOST_TEST(!header(created, "x-user-limit-24hour-limit").empty());
    BOOST_TEST(std::stoul(header(created, "x-app-limit-24hour-remaining")) + 1 ==
               std::stoul(header(created, "x-app-limit-24hour-limit")));
    BOOST_TEST(!header(created, "x-user-limit-24hour-reset").empty());

    auto const read = app("/2/tweets/" + id + "?tweet.fields=author_id,created_at&expansions=author_id");
    BOOST_TEST(read.status == 200u);
    auto const doc = parse(read);
    BOOST_TEST(doc.at("data").at("author_id").as_string() == me);
    BOOST_TEST(doc.at("data").at("created_at").as_string().ends_with("Z"));
    BOOST_TEST(doc.at("includes").at("users").at(0).at("username").as_string() == "XDevelopers");

    auto const timeline = app("/2/users/" + std::string(me) + "/tweets");
    BOOST_TEST(parse(timeline).at("data").at(0).at("id").as_string() == id);
    BOOST_TEST(parse(timeline).at("meta").at("newest_id").as_string() == id);

    auto const deleted = user("DELETE", "/2/tweets/" + id);
    BOOST_TEST(deleted.status == 200u);
    BOOST_TEST(deleted.body == R"({"data":{"deleted":true}})");
    BOOST_TEST(parse(app("/2/tweets/" + id)).at("errors").at(0).at("resource_type").as_string() == "tweet");
}

BOOST_FIXTURE_TEST_CASE(create_tweet_validates_its_body, fixture) {
    BOOST_TEST(user("POST", "/2/tweets", "not json").status == 400u);
    BOOST_TEST(user("POST", "/2/tweets", R"({"text":""})").status == 400u);
    BOOST_TEST(user("POST", "/2/tweets", R"({"text":"x","media":{"media_ids":["123"]}})").status == 400u);
    auto const reply = user("POST", "/2/tweets",
                            R"({"text":"a reply","reply":{"in_reply_to_tweet_id":"1293593516040269825"}})");
    BOOST_TEST_REQUIRE(reply.status == 201u);
    auto const id = std::string(parse(reply).at("data").at("id").as_string());
    auto const read =
        app("/2/tweets/" + id + "?tweet.fields=conversation_id,in_reply_to_user_id,referenced_tweets");
    BOOST_TEST(parse(read).at("data").at("conversation_id").as_string() == seeded_tweet);
    BOOST_TEST(parse(read).at("data").at("referenced_tweets").at(0).at("type").as_string() == "replied_to");
}

BOOST_FIXTURE_TEST_CASE(unknown_fields_and_expansions_are_invalid_requests, fixture) {
    auto const bad = app("/2/tweets/" + std::string(seeded_tweet) + "?tweet.fields=nope");
    BOOST_TEST(bad.status == 400u);
    BOOST_TEST(parse(bad).at("title").as_string() == "Invalid Request");
    BOOST_TEST(app("/2/users/783214?expansions=author_id").status == 400u);
    BOOST_TEST(app("/2/users/783214?expansions=pinned_tweet_id&user.fields=public_metrics").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(app_only_is_refused_on_user_context_endpoints, fixture) {
    auto const r = call("POST", "/2/users/" + std::string(me) + "/likes", api.app_bearer_token(),
                        R"({"tweet_id":"1293593516040269825"})");
    BOOST_TEST(r.status == 403u);
    BOOST_TEST(r.auth_rejected);
    BOOST_TEST(parse(r).at("title").as_string() == "Unsupported Authentication");
    BOOST_TEST(parse(r).at("detail").as_string().find("OAuth 2.0 Application-Only") != std::string::npos);
    auto const bookmarks = app("/2/users/" + std::string(me) + "/bookmarks");
    BOOST_TEST(bookmarks.status == 403u);
    BOOST_TEST(parse(bookmarks).at("detail").as_string().find("[OAuth 2.0 User Context]") !=
               std::string::npos);
    auto const jobs = user("GET", "/2/compliance/jobs?type=tweets");
    BOOST_TEST(jobs.status == 403u);
    BOOST_TEST(parse(jobs).at("detail").as_string().find("[OAuth 2.0 Application-Only]") !=
               std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_missing_scope_is_forbidden, fixture) {
    auto const narrow = api.issue_user_token(std::string(me), {"tweet.read", "users.read"});
    auto const r = call("GET", "/2/users/" + std::string(me) + "/bookmarks", narrow);
    BOOST_TEST(r.status == 403u);
    BOOST_TEST(parse(r).at("title").as_string() == "Forbidden");
    BOOST_TEST(api.auth_counters().scope_denials == 1u);
    BOOST_TEST(call("GET", "/2/tweets/" + std::string(seeded_tweet), narrow).status == 200u);
}

BOOST_FIXTURE_TEST_CASE(acting_for_another_user_is_forbidden, fixture) {
    BOOST_TEST(user("POST", "/2/users/783214/likes", R"({"tweet_id":"1293593516040269825"})").status == 403u);
    BOOST_TEST(user("GET", "/2/users/783214/muting").status == 403u);
    BOOST_TEST(user("POST", "/2/users/abc/likes", R"({"tweet_id":"1"})").status == 400u);
}

BOOST_FIXTURE_TEST_CASE(likes_follows_mutes_and_bookmarks_show_up_in_both_directions, fixture) {
    auto const base = "/2/users/" + std::string(me);
    BOOST_TEST(user("POST", base + "/likes", R"({"tweet_id":"1578516068309794817"})").body ==
               R"({"data":{"liked":true}})");
    BOOST_TEST(
        parse(app("/2/tweets/1578516068309794817/liking_users")).at("data").at(0).at("id").as_string() == me);
    BOOST_TEST(parse(app(base + "/liked_tweets")).at("data").at(0).at("id").as_string() ==
               "1578516068309794817");
    BOOST_TEST(user("DELETE", base + "/likes/1578516068309794817").body == R"({"data":{"liked":false}})");
    BOOST_TEST(
        parse(app("/2/tweets/1578516068309794817/liking_users")).at("meta").at("result_count").as_int64() ==
        0);

    BOOST_TEST(user("POST", base + "/following", R"({"target_user_id":"17874544"})").body ==
               R"({"data":{"following":true,"pending_follow":false}})");
    BOOST_TEST(parse(app(base + "/following")).at("data").at(0).at("id").as_string() == "17874544");
    BOOST_TEST(parse(app("/2/users/17874544/followers")).at("data").at(0).at("id").as_string() == me);
    BOOST_TEST(user("DELETE", base + "/following/17874544").body == R"({"data":{"following":false}})");

    BOOST_TEST(user("POST", base + "/muting", R"({"target_user_id":"17874544"})").body ==
               R"({"data":{"muting":true}})");
    BOOST_TEST(parse(user("GET", base + "/muting")).at("data").at(0).at("username").as_string() ==
               "TwitterSupport");

    BOOST_TEST(user("POST", base + "/bookmarks", R"({"tweet_id":"1507070437557096461"})").body ==
               R"({"data":{"bookmarked":true}})");
    auto const marks = parse(user("GET", base + "/bookmarks"));
    BOOST_TEST(marks.at("meta").at("result_count").as_int64() == 1);
    BOOST_TEST(user("POST", base + "/bookmarks", R"({"tweet_id":"42"})").status == 400u);

    BOOST_TEST(user("POST", base + "/retweets", R"({"tweet_id":"1293595870563381249"})").body ==
               R"({"data":{"retweeted":true}})");
    auto const retweeters = parse(app("/2/tweets/1293595870563381249/retweeted_by"));
    BOOST_TEST(retweeters.at("data").at(0).at("id").as_string() == me);
    BOOST_TEST(user("DELETE", base + "/retweets/1293595870563381249").body ==
               R"({"data":{"retweeted":false}})");
}

BOOST_AUTO_TEST_CASE(a_hundred_thousand_synthetic_followers_page_without_being_stored) {
    fixture f{roomy(100000)};
    std::string target = "/2/users/2244994945/followers?max_results=1000";
    std::set<std::string> seen;
    std::size_t pages = 0;
    for (;;) {
        auto const r = f.app(target);
        BOOST_TEST_REQUIRE(r.status == 200u);
        auto const doc = parse(r);
        for (auto const& u : doc.at("data").as_array()) {
            seen.insert(std::string(u.at("id").as_string()));
        }
        ++pages;
        auto const& meta = doc.at("meta").as_object();
        BOOST_TEST(meta.contains("previous_token") == (pages > 1));
        if (!meta.contains("next_token")) {
            break;
        }
        target = "/2/users/2244994945/followers?max_results=1000&pagination_token=" +
                 std::string(meta.at("next_token").as_string());
    }
    BOOST_TEST(pages == 101u);  // 100,000 synthetic and the two seeded followers
    BOOST_TEST(seen.size() == 100002u);
    auto const one = parse(f.app("/2/users/1400000000000099999"));
    BOOST_TEST(one.at("data").at("username").as_string() == "follower_99999");
    BOOST_TEST(f.app("/2/users/1400000000000100000").body.find("errors") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(list_endpoints_check_max_results_and_tokens, fixture) {
    BOOST_TEST(app("/2/users/783214/followers?max_results=1001").status == 400u);
    BOOST_TEST(app("/2/users/783214/followers?max_results=0").status == 400u);
    BOOST_TEST(app("/2/tweets/search/recent?query=x&max_results=9").status == 400u);
    BOOST_TEST(app("/2/tweets/search/recent?query=x&max_results=101").status == 400u);
    BOOST_TEST(app("/2/users/783214/followers?pagination_token=bogus").status == 400u);
    auto const empty = app("/2/users/17874544/followers");
    BOOST_TEST(empty.status == 200u);
    BOOST_TEST(empty.body == R"({"meta":{"result_count":0}})");
}

BOOST_FIXTURE_TEST_CASE(search_pages_with_next_token_and_sees_recent_tweets_only, fixture) {
    for (int i = 0; i < 15; ++i) {
        BOOST_TEST_REQUIRE(
            user("POST", "/2/tweets", R"({"text":"paging test )" + std::to_string(i) + R"("})").status ==
            201u);
    }
    auto const first = parse(app("/2/tweets/search/recent?query=paging%20test"));
    BOOST_TEST(first.at("meta").at("result_count").as_int64() == 10);
    BOOST_TEST(first.at("data").at(0).at("text").as_string() == "paging test 14");
    auto const token = std::string(first.at("meta").at("next_token").as_string());
    auto const second = parse(app("/2/tweets/search/recent?query=paging%20test&next_token=" + token));
    BOOST_TEST(second.at("meta").at("result_count").as_int64() == 5);
    BOOST_TEST(!second.at("meta").as_object().contains("next_token"));
    // The seeded tweets of 2022 are too old for recent search, not for the full archive.
    BOOST_TEST(app("/2/tweets/search/recent?query=tweepy").body == R"({"meta":{"result_count":0}})");
    auto const all = parse(app("/2/tweets/search/all?query=tweepy%20from%3ATweepyDev"));
    BOOST_TEST(all.at("meta").at("result_count").as_int64() == 3);
    BOOST_TEST(app("/2/tweets/search/recent").status == 400u);

    auto const counts = parse(app("/2/tweets/counts/recent?query=paging&granularity=day"));
    BOOST_TEST(counts.at("meta").at("total_tweet_count").as_int64() == 15);
    BOOST_TEST(counts.at("data").as_array().size() >= 7u);
}

BOOST_FIXTURE_TEST_CASE(lists_are_created_filled_pinned_and_deleted, fixture) {
    auto const created = user("POST", "/2/lists", R"({"name":"Test List","private":true})");
    BOOST_TEST_REQUIRE(created.status == 201u);
    auto const id = std::string(parse(created).at("data").at("id").as_string());
    BOOST_TEST(user("POST", "/2/lists/" + id + "/members", R"({"user_id":"783214"})").body ==
               R"({"data":{"is_member":true}})");
    BOOST_TEST(parse(user("GET", "/2/lists/" + id + "/members")).at("data").at(0).at("id").as_string() ==
               "783214");
    BOOST_TEST(app("/2/lists/" + id + "/members").body == R"({"meta":{"result_count":0}})");
    // Private: the app does not see it, its owner does.
    BOOST_TEST(parse(app("/2/lists/" + id)).as_object().contains("errors"));
    BOOST_TEST(parse(user("GET", "/2/lists/" + id + "?list.fields=private,member_count"))
                   .at("data")
                   .at("member_count")
                   .as_int64() == 1);
    BOOST_TEST(user("PUT", "/2/lists/" + id, R"({"description":"d"})").body ==
               R"({"data":{"updated":true}})");
    auto const base = "/2/users/" + std::string(me);
    BOOST_TEST(user("POST", base + "/pinned_lists", R"({"list_id":")" + id + R"("})").body ==
               R"({"data":{"pinned":true}})");
    BOOST_TEST(parse(user("GET", base + "/pinned_lists")).at("meta").at("result_count").as_int64() == 1);
    BOOST_TEST(user("PUT", "/2/lists/84839422", R"({"name":"mine now"})").status == 403u);
    BOOST_TEST(user("DELETE", "/2/lists/" + id).body == R"({"data":{"deleted":true}})");
    BOOST_TEST(parse(user("GET", base + "/pinned_lists")).at("meta").at("result_count").as_int64() == 0);
    auto const owned = parse(app("/2/users/783214/owned_lists"));
    BOOST_TEST(owned.at("data").at(0).at("name").as_string() == "Offices & Culture");
}

BOOST_FIXTURE_TEST_CASE(direct_messages_are_sent_three_ways_and_listed, fixture) {
    auto const one = user("POST", "/2/dm_conversations/with/783214/messages", R"({"text":"Testing 1"})");
    BOOST_TEST_REQUIRE(one.status == 201u);
    auto const conversation = std::string(parse(one).at("data").at("dm_conversation_id").as_string());
    BOOST_TEST(conversation == "783214-2244994945");
    BOOST_TEST(
        user("POST", "/2/dm_conversations/" + conversation + "/messages", R"({"text":"Testing 2"})").status ==
        201u);
    auto const group = user("POST", "/2/dm_conversations",
                            R"({"conversation_type":"Group","participant_ids":["783214","6253282"],)"
                            R"("message":{"text":"Group"}})");
    BOOST_TEST(group.status == 201u);
    auto const events = parse(user("GET", "/2/dm_conversations/with/783214/dm_events"));
    BOOST_TEST(events.at("meta").at("result_count").as_int64() == 2);
    BOOST_TEST(events.at("data").at(0).at("text").as_string() == "Testing 2");
    BOOST_TEST(events.at("data").at(0).at("event_type").as_string() == "MessageCreate");
    auto const all = parse(user("GET", "/2/dm_events?dm_event.fields=sender_id&expansions=sender_id"));
    BOOST_TEST(all.at("meta").at("result_count").as_int64() == 4);  // and the seeded one
    BOOST_TEST(user("POST", "/2/dm_conversations/1-2/messages", R"({"text":"x"})").status == 403u);
}

BOOST_FIXTURE_TEST_CASE(spaces_and_compliance_jobs, fixture) {
    BOOST_TEST(app("/2/spaces/1YpKkzBgBlVxj").body == R"({"data":{"id":"1YpKkzBgBlVxj","state":"ended"}})");
    auto const spaces = parse(app("/2/spaces?ids=1YpKkzBgBlVxj,1OwGWzarWnNKQ"));
    BOOST_TEST(spaces.at("data").as_array().size() == 2u);
    auto const search = parse(app("/2/spaces/search?query=twitter&state=live"));
    BOOST_TEST(search.at("meta").at("result_count").as_int64() == 2);
    auto const job = call("POST", "/2/compliance/jobs", api.app_bearer_token(), R"({"type":"tweets"})");
    BOOST_TEST(job.status == 200u);
    auto const id = std::string(parse(job).at("data").at("id").as_string());
    BOOST_TEST(parse(app("/2/compliance/jobs/" + id)).at("data").at("status").as_string() == "created");
    BOOST_TEST(parse(app("/2/compliance/jobs?type=tweets")).at("data").as_array().size() == 1u);
    BOOST_TEST(app("/2/compliance/jobs").status == 400u);
}

BOOST_AUTO_TEST_CASE(families_have_documented_limits_unless_overridden) {
    service_params documented;
    documented.family_limits["GET /2/users/:id/following"] = 3;
    fixture f{documented};
    BOOST_TEST(f.app("/2/users/783214/followers").limits->limit == 15u);
    BOOST_TEST(f.app("/2/tweets/1293593516040269825").limits->limit == 900u);
    BOOST_TEST(f.user("GET", "/2/users/me").limits->limit == 75u);
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(f.app("/2/users/783214/following").status == 200u);
    }
    auto const refused = f.app("/2/users/783214/following");
    BOOST_TEST(refused.status == 429u);
    BOOST_TEST(refused.rate_limited);
    BOOST_TEST(refused.limits->remaining == 0u);
    // Another family, the same credential: its own budget.
    BOOST_TEST(f.app("/2/users/783214/followers").limits->remaining == 13u);

    fixture flat{roomy()};
    BOOST_TEST(flat.app("/2/users/783214/followers").limits->limit == 100000u);
}

BOOST_AUTO_TEST_CASE(post_tweets_has_a_24_hour_user_budget) {
    service_params p = roomy();
    p.family_limits["POST /2/tweets 24-hour user"] = 2;
    fixture f{p};
    BOOST_TEST(f.user("POST", "/2/tweets", R"({"text":"1"})").status == 201u);
    auto const second = f.user("POST", "/2/tweets", R"({"text":"2"})");
    BOOST_TEST(second.status == 201u);
    BOOST_TEST(header(second, "x-user-limit-24hour-remaining") == "0");
    auto const third = f.user("POST", "/2/tweets", R"({"text":"3"})");
    BOOST_TEST(third.status == 429u);
    BOOST_TEST(header(third, "x-user-limit-24hour-limit") == "2");
}

BOOST_AUTO_TEST_SUITE_END()
