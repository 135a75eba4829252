// The emulated API v1.1, called directly: the same world as v2 (a status posted here is a tweet there),
// v1.1's shapes (ids as numbers and "id_str", cursors with their _str twins, errors with codes), timelines
// with count, since_id and an inclusive max_id.

#include "emulator/service.hpp"

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

service_params roomy(std::size_t synthetic = 0) {
    service_params p;
    p.rate_limit_per_window = 100000;
    p.synthetic_followers = synthetic;
    return p;
}

struct fixture {
    explicit fixture(service_params p = roomy()) : api(std::move(p)) {}

    api_response call(std::string_view method, std::string const& target, std::string const& token,
                      std::string_view body = {}, std::string_view type = {}) {
        auto const authorization = token.empty() ? std::string{} : "Bearer " + token;
        return api.handle({method, target, authorization, body, "https", "localhost", type}, now);
    }
    api_response get(std::string const& target) { return call("GET", target, api.default_user_token()); }
    api_response post(std::string const& target, std::string_view body = {},
                      std::string_view type = "application/x-www-form-urlencoded") {
        return call("POST", target, api.default_user_token(), body, type);
    }
    json::value tweet(std::string const& text) {
        auto const r = post("/1.1/statuses/update.json?status=" + text);
        BOOST_TEST_REQUIRE(r.status == 200u);
        return json::parse(r.body);
    }

    service api;
    service::clock::time_point now = service::clock::time_point{1'700'000'000s};
};

json::value parse(api_response const& r) { return json::parse(r.body); }

std::int64_t code_of(api_response const& r) { return parse(r).at("errors").at(0).at("code").as_int64(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_v1_service)

BOOST_FIXTURE_TEST_CASE(a_status_is_a_tweet_through_both_apis, fixture) {
    auto const status = tweet("testing+1000");
    auto const id = std::string(status.at("id_str").as_string());
    BOOST_TEST(std::to_string(status.at("id").to_number<std::uint64_t>()) == id);
    BOOST_TEST(status.at("text").as_string() == "testing 1000");
    BOOST_TEST(status.at("user").at("screen_name").as_string() == "XDevelopers");
    BOOST_TEST(status.at("created_at").as_string().ends_with("+0000 2023"));
    BOOST_TEST(status.at("entities").at("hashtags").as_array().empty());
    auto const v2 = parse(get("/2/tweets/" + id));
    BOOST_TEST(v2.at("data").at("text").as_string() == "testing 1000");
    BOOST_TEST(parse(get("/1.1/statuses/show.json?id=" + id)).at("id_str").as_string() == id);

    BOOST_TEST(post("/1.1/statuses/destroy/" + id + ".json").status == 200u);
    auto const gone = get("/1.1/statuses/show.json?id=" + id);
    BOOST_TEST(gone.status == 404u);
    BOOST_TEST(code_of(gone) == 144);
    BOOST_TEST(code_of(post("/1.1/statuses/destroy/266367358078169089.json")) == 183);
}

BOOST_FIXTURE_TEST_CASE(timelines_take_count_since_id_and_an_inclusive_max_id, fixture) {
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        ids.emplace_back(tweet("tl" + std::to_string(i)).at("id_str").as_string());
    }
    auto const newest = parse(get("/1.1/statuses/user_timeline.json?count=2"));
    BOOST_TEST_REQUIRE(newest.as_array().size() == 2u);
    BOOST_TEST(newest.at(0).at("id_str").as_string() == ids[4]);
    auto const from = parse(get("/1.1/statuses/user_timeline.json?count=2&max_id=" + ids[2]));
    BOOST_TEST(from.at(0).at("id_str").as_string() == ids[2]);  // inclusive
    BOOST_TEST(from.at(1).at("id_str").as_string() == ids[1]);
    auto const since = parse(get("/1.1/statuses/user_timeline.json?since_id=" + ids[3]));
    BOOST_TEST_REQUIRE(since.as_array().size() == 1u);
    BOOST_TEST(since.at(0).at("id_str").as_string() == ids[4]);
    auto const other = parse(get("/1.1/statuses/user_timeline.json?screen_name=Twitter&count=200"));
    BOOST_TEST(other.at(0).at("user").at("id_str").as_string() == "783214");
    BOOST_TEST(parse(get("/1.1/statuses/home_timeline.json")).at(0).at("id_str").as_string() == ids[4]);
    BOOST_TEST(get("/1.1/statuses/user_timeline.json?screen_name=nobody_here").status == 404u);
}

BOOST_FIXTURE_TEST_CASE(favorites_are_likes, fixture) {
    auto const liked = post("/1.1/favorites/create.json?id=145344012");
    BOOST_TEST_REQUIRE(liked.status == 200u);
    BOOST_TEST(parse(liked).at("favorited").as_bool());
    BOOST_TEST(parse(liked).at("user").at("id").as_int64() == 783214);
    BOOST_TEST(code_of(post("/1.1/favorites/create.json?id=145344012")) == 139);
    auto const likers = parse(get("/2/tweets/145344012/liking_users"));
    BOOST_TEST(likers.at("data").at(0).at("id").as_string() == me);
    BOOST_TEST(parse(get("/1.1/favorites/list.json")).at(0).at("id_str").as_string() == "145344012");
    BOOST_TEST(!parse(post("/1.1/favorites/destroy.json?id=145344012")).at("favorited").as_bool());
}

BOOST_FIXTURE_TEST_CASE(retweet_and_unretweet, fixture) {
    auto const rt = post("/1.1/statuses/retweet/266367358078169089.json");
    BOOST_TEST_REQUIRE(rt.status == 200u);
    BOOST_TEST(parse(rt).at("retweeted_status").at("id_str").as_string() == "266367358078169089");
    BOOST_TEST(parse(rt).at("text").as_string().starts_with("RT @X: "));
    BOOST_TEST(code_of(post("/1.1/statuses/retweet/266367358078169089.json")) == 327);
    auto const ids = parse(get("/1.1/statuses/retweeters/ids.json?id=266367358078169089"));
    BOOST_TEST(ids.at("ids").at(0).as_int64() == 2244994945);
    auto const un = parse(post("/1.1/statuses/unretweet/266367358078169089.json"));
    BOOST_TEST(un.at("id_str").as_string() == "266367358078169089");
    BOOST_TEST(!un.at("retweeted").as_bool());
}

BOOST_AUTO_TEST_CASE(follower_ids_walk_cursors_from_minus_one_to_zero) {
    fixture f{roomy(12000)};
    std::string cursor = "-1";
    std::set<std::int64_t> seen;
    std::size_t pages = 0;
    while (cursor != "0") {
        auto const doc = parse(f.get("/1.1/followers/ids.json?count=5000&cursor=" + cursor));
        for (auto const& id : doc.at("ids").as_array()) {
            seen.insert(id.as_int64());
        }
        BOOST_TEST(doc.at("next_cursor_str").as_string() == std::to_string(doc.at("next_cursor").as_int64()));
        BOOST_TEST(doc.at("previous_cursor_str").as_string() ==
                   std::to_string(doc.at("previous_cursor").as_int64()));
        BOOST_TEST((doc.at("previous_cursor").as_int64() == 0) == (pages == 0));
        BOOST_TEST(doc.at("total_count").is_null());
        cursor = std::string(doc.at("next_cursor_str").as_string());
        ++pages;
    }
    BOOST_TEST(pages == 3u);
    BOOST_TEST(seen.size() == 12002u);
    auto const second = parse(f.get("/1.1/followers/ids.json?count=5000&cursor=5001&stringify_ids=true"));
    BOOST_TEST(second.at("previous_cursor").as_int64() == -1);
    BOOST_TEST(second.at("ids").at(0).is_string());
    BOOST_TEST(code_of(f.get("/1.1/followers/ids.json?cursor=abc")) == 44);
}

BOOST_FIXTURE_TEST_CASE(friendships_and_blocks, fixture) {
    auto const followed = post("/1.1/friendships/create.json?screen_name=twitter");
    BOOST_TEST_REQUIRE(followed.status == 200u);
    BOOST_TEST(parse(followed).at("screen_name").as_string() == "X");
    auto const show = parse(get("/1.1/friendships/show.json?target_screen_name=TwitterSupport"));
    BOOST_TEST(!show.at("relationship").at("source").at("following").as_bool());
    BOOST_TEST(post("/1.1/friendships/create.json?user_id=17874544").status == 200u);
    auto const after = parse(get("/1.1/friendships/show.json?target_id=17874544"));
    BOOST_TEST(after.at("relationship").at("source").at("following").as_bool());
    BOOST_TEST(after.at("relationship").at("target").at("followed_by").as_bool());
    BOOST_TEST(parse(get("/2/users/17874544/followers")).at("data").at(0).at("id").as_string() == me);

    BOOST_TEST(post("/1.1/blocks/create.json?screen_name=TwitterSupport").status == 200u);
    BOOST_TEST(parse(get("/1.1/blocks/ids.json")).at("ids").at(0).as_int64() == 17874544);
    BOOST_TEST(
        parse(get("/2/users/" + std::string(me) + "/blocking")).at("data").at(0).at("id").as_string() ==
        "17874544");
    BOOST_TEST(!parse(get("/1.1/friendships/show.json?target_id=17874544"))
                    .at("relationship")
                    .at("source")
                    .at("following")
                    .as_bool());
    BOOST_TEST(post("/1.1/blocks/destroy.json?screen_name=TwitterSupport").status == 200u);
    BOOST_TEST(parse(get("/1.1/blocks/list.json")).at("users").as_array().empty());
}

BOOST_FIXTURE_TEST_CASE(lists_through_v1_are_lists_through_v2, fixture) {
    auto const created = post("/1.1/lists/create.json?name=tweeps&mode=public");
    BOOST_TEST_REQUIRE(created.status == 200u);
    auto const id = std::string(parse(created).at("id_str").as_string());
    BOOST_TEST(parse(created).at("full_name").as_string() == "@XDevelopers/tweeps");
    auto const added = post(
        "/1.1/lists/members/create_all.json?slug=tweeps&owner_screen_name=XDevelopers"
        "&screen_name=Twitter%2CTwitterAPI");
    BOOST_TEST_REQUIRE(added.status == 200u);
    BOOST_TEST(parse(added).at("member_count").as_int64() == 2);
    BOOST_TEST(get("/1.1/lists/members/show.json?list_id=" + id + "&screen_name=TwitterAPI").status == 200u);
    BOOST_TEST(code_of(get("/1.1/lists/members/show.json?list_id=" + id + "&screen_name=TwitterSupport")) ==
               109);
    auto const v2 = parse(get("/2/lists/" + id + "/members"));
    BOOST_TEST(v2.at("meta").at("result_count").as_int64() == 2);
    auto const shown =
        parse(get("/1.1/lists/show.json?owner_screen_name=Twitter&slug=Official-Twitter-Accounts"));
    BOOST_TEST(shown.at("id_str").as_string() == "84839422");
    BOOST_TEST(post("/1.1/lists/subscribers/create.json?list_id=84839422").status == 200u);
    auto const subs = parse(get("/1.1/lists/subscriptions.json"));
    BOOST_TEST(subs.at("lists").at(0).at("id_str").as_string() == "84839422");
    BOOST_TEST(subs.at("next_cursor").as_int64() == 0);
    BOOST_TEST(post("/1.1/lists/update.json?list_id=84839422&description=mine").status == 403u);
    BOOST_TEST(post("/1.1/lists/destroy.json?list_id=" + id).status == 200u);
    BOOST_TEST(code_of(get("/1.1/lists/show.json?list_id=" + id)) == 34);
}

BOOST_FIXTURE_TEST_CASE(search_pages_back_with_max_id, fixture) {
    for (int i = 0; i < 20; ++i) {
        tweet("needle+" + std::to_string(i));
    }
    auto const first = parse(get("/1.1/search/tweets.json?q=needle"));
    BOOST_TEST(first.at("statuses").as_array().size() == 15u);
    BOOST_TEST(first.at("statuses").at(0).at("metadata").at("result_type").as_string() == "recent");
    auto const next = std::string(first.at("search_metadata").at("next_results").as_string());
    BOOST_TEST(next.starts_with("?max_id="));
    auto const second = parse(get("/1.1/search/tweets.json" + next));
    BOOST_TEST(second.at("statuses").as_array().size() == 5u);
    BOOST_TEST(!second.at("search_metadata").as_object().contains("next_results"));
    BOOST_TEST(code_of(get("/1.1/search/tweets.json")) == 25);
}

BOOST_FIXTURE_TEST_CASE(direct_messages_share_the_v2_conversations, fixture) {
    auto const sent = post("/1.1/direct_messages/events/new.json",
                           R"({"event":{"type":"message_create","message_create":{"target":)"
                           R"({"recipient_id":783214},"message_data":{"text":"test message"}}}})",
                           "application/json");
    BOOST_TEST_REQUIRE(sent.status == 200u);
    auto const event = parse(sent).at("event");
    BOOST_TEST(event.at("message_create").at("sender_id").as_string() == me);
    BOOST_TEST(event.at("message_create").at("target").at("recipient_id").as_string() == "783214");
    auto const id = std::string(event.at("id").as_string());
    auto const v2 = parse(get("/2/dm_conversations/with/783214/dm_events"));
    BOOST_TEST(v2.at("data").at(0).at("id").as_string() == id);
    BOOST_TEST(parse(get("/1.1/direct_messages/events/list.json")).at("events").at(0).at("id").as_string() ==
               id);
    BOOST_TEST(get("/1.1/direct_messages/events/show.json?id=" + id).status == 200u);
    auto const deleted =
        call("DELETE", "/1.1/direct_messages/events/destroy.json?id=" + id, api.default_user_token());
    BOOST_TEST(deleted.status == 204u);
    BOOST_TEST(get("/1.1/direct_messages/events/show.json?id=" + id).status == 404u);
    BOOST_TEST(post("/1.1/direct_messages/indicate_typing.json?recipient_id=783214").status == 204u);
}

BOOST_FIXTURE_TEST_CASE(saved_searches_account_and_the_small_endpoints, fixture) {
    auto const saved = parse(post("/1.1/saved_searches/create.json?query=test"));
    auto const id = std::string(saved.at("id_str").as_string());
    BOOST_TEST(parse(get("/1.1/saved_searches/list.json")).as_array().size() == 1u);
    BOOST_TEST(parse(get("/1.1/saved_searches/show/" + id + ".json")).at("query").as_string() == "test");
    BOOST_TEST(post("/1.1/saved_searches/destroy/" + id + ".json").status == 200u);
    BOOST_TEST(get("/1.1/saved_searches/show/" + id + ".json").status == 404u);

    auto const profile = post("/1.1/account/update_profile.json?name=Tweepy+test+123&location=pytopia");
    BOOST_TEST(parse(profile).at("location").as_string() == "pytopia");
    BOOST_TEST(parse(get("/2/users/me")).at("data").at("name").as_string() == "Tweepy test 123");
    BOOST_TEST(parse(get("/1.1/account/verify_credentials.json?skip_status=True")).at("name").as_string() ==
               "Tweepy test 123");

    BOOST_TEST(parse(get("/1.1/geo/id/1ffd3558f2e98349.json")).at("name").as_string() == "Dogpatch");
    auto const austin = parse(get("/1.1/geo/reverse_geocode.json?lat=30.2673701685&long=-97.7426147461"));
    BOOST_TEST(austin.at("result").at("places").at(0).at("name").as_string() == "Downtown");
    BOOST_TEST(parse(get("/1.1/help/languages.json")).at(0).at("code").as_string() == "fr");
    auto const oembed = call("GET",
                             "/1.1/statuses/oembed.json?url=https%3A%2F%2Ftwitter.com%2FTwitter%2Fstatus%2F"
                             "266367358078169089",
                             "");
    BOOST_TEST(oembed.status == 200u);  // no credentials needed
    BOOST_TEST(parse(oembed).at("author_name").as_string() == "X");

    auto const limits = parse(get("/1.1/application/rate_limit_status.json?resources=statuses,users"));
    auto const& show = limits.at("resources").at("statuses").at("/statuses/show");
    BOOST_TEST(show.at("limit").as_int64() == 100000);
    BOOST_TEST(!limits.at("resources").as_object().contains("lists"));
}

BOOST_FIXTURE_TEST_CASE(v1_errors_have_codes, fixture) {
    auto const unknown = get("/1.1/users/show.json?screen_name=nobody_here");
    BOOST_TEST(unknown.status == 404u);
    BOOST_TEST(code_of(unknown) == 50);
    auto const app = call("GET", "/1.1/statuses/home_timeline.json", api.app_bearer_token());
    BOOST_TEST(app.status == 403u);
    BOOST_TEST(code_of(app) == 220);
    BOOST_TEST(code_of(call("GET", "/1.1/users/show.json?user_id=783214", "")) == 215);
    BOOST_TEST(code_of(get("/1.1/nope.json")) == 34);
    auto const users = parse(post("/1.1/users/lookup.json?screen_name=twitterapi%2Ctwitter"));
    BOOST_TEST(users.as_array().size() == 2u);
    BOOST_TEST(code_of(post("/1.1/users/lookup.json?screen_name=nobody_here")) == 17);
}

BOOST_FIXTURE_TEST_CASE(statuses_update_attaches_finished_media, fixture) {
    auto const init = post("/1.1/media/upload.json", "command=INIT&total_bytes=3&media_type=image%2Fpng");
    auto const id = std::string(parse(init).at("media_id_string").as_string());
    BOOST_TEST(code_of(post("/1.1/statuses/update.json?status=pic&media_ids=" + id)) == 324);
    BOOST_TEST(
        post("/1.1/media/upload.json", "command=APPEND&media_id=" + id + "&segment_index=0&media_data=YWJj")
            .status == 204u);
    BOOST_TEST(post("/1.1/media/upload.json", "command=FINALIZE&media_id=" + id).status == 201u);
    auto const status = parse(post("/1.1/statuses/update.json?status=pic&media_ids=" + id));
    BOOST_TEST(status.at("extended_entities").at("media").at(0).at("id_str").as_string() == id);
}

BOOST_AUTO_TEST_SUITE_END()
