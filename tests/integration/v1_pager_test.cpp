#include <twitter/v1/pager.hpp>

#include "scenario.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/v1/requests.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

// The pager's walks, against pages the emulator replays: each test queues the exact answers a walk needs, so
// a request the pager should not make finds none and gets the emulator's own answer (which the log shows).

namespace {

namespace asio = boost::asio;
namespace v1 = twitter::v1;
namespace rq = twitter::v1::requests;
namespace emu = twitter::emulator;
using test::scenario;

constexpr auto tuple = asio::as_tuple(asio::deferred);

emu::recorded_exchange page(std::string target, std::string body, unsigned status = 200) {
    emu::recorded_exchange e;
    e.method = "GET";
    e.target = std::move(target);
    e.status = status;
    e.headers = {{"content-type", "application/json;charset=utf-8"}};
    e.body = std::move(body);
    return e;
}

std::string ids_page(std::string const& ids, std::string const& next, std::string const& previous) {
    return R"({"ids":[)" + ids + R"(],"next_cursor":)" + next + R"(,"next_cursor_str":")" + next +
           R"(","previous_cursor":)" + previous + R"(,"previous_cursor_str":")" + previous + R"("})";
}

std::string status_json(std::string const& id) {
    return R"({"id_str":")" + id + R"(","text":"tweet )" + id + R"("})";
}

std::string statuses(std::vector<std::string> const& ids) {
    std::string out = "[";
    for (auto const& id : ids) out += (out.size() > 1 ? "," : "") + status_json(id);
    return out + "]";
}

twitter::api make_api(scenario const& s) {
    auto const& keys = s.server.oauth1();
    twitter::client_credentials creds;
    creds.consumer_key = keys.consumer_key;
    creds.consumer_secret = keys.consumer_secret;
    creds.access_token = keys.access_token;
    creds.access_token_secret = keys.access_token_secret;
    return twitter::api(s.io.get_executor(), std::move(creds), s.config());
}

std::vector<std::string> targets(emu::server const& server) {
    std::vector<std::string> out;
    for (auto const& r : server.request_log()) out.push_back(r.target);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v1_pager)

BOOST_AUTO_TEST_CASE(a_cursor_walk_follows_next_cursor_and_skips_empty_pages) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({
            page("/1.1/followers/ids.json?screen_name=X&cursor=-1", ids_page("3,2", "7", "0")),
            page("/1.1/followers/ids.json?screen_name=X&cursor=7",
                 ids_page("", "9", "-7")),  // empty, mid-walk
            page("/1.1/followers/ids.json?screen_name=X&cursor=9", ids_page("1", "0", "-9")),
        });
        auto api = make_api(s);
        auto followers = v1::paginate(api, rq::get_follower_ids(v1::screen_name("X")));
        std::vector<std::string> got;
        while (!followers.done()) {
            auto [ec, id] = co_await followers.async_next(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            if (id) got.push_back(*id);
        }
        BOOST_TEST((got == std::vector<std::string>{"3", "2", "1"}));
        BOOST_TEST(followers.pages() == 3u);
        BOOST_TEST(followers.items() == 3u);
        BOOST_TEST((targets(s.server) ==
                    std::vector<std::string>{"/1.1/followers/ids.json?screen_name=X&cursor=-1",
                                             "/1.1/followers/ids.json?screen_name=X&cursor=7",
                                             "/1.1/followers/ids.json?screen_name=X&cursor=9"}));
        // Past the end: nullopt and an empty page, without another request.
        auto [ec, none] = co_await followers.async_next(tuple);
        BOOST_TEST(!ec);
        BOOST_TEST(!none.has_value());
        auto [ec2, empty] = co_await followers.async_next_page(tuple);
        BOOST_TEST(!ec2);
        BOOST_TEST(empty.empty());
        BOOST_TEST(s.server.request_log().size() == 3u);
        BOOST_TEST(s.server.pending_replays() == 0u);
    });
}

BOOST_AUTO_TEST_CASE(pages_come_whole_and_an_empty_one_means_the_end) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({
            page(
                "/1.1/friends/list.json?cursor=-1",
                R"({"users":[{"id_str":"1","name":"a","screen_name":"a"},{"id_str":"2","name":"b","screen_name":"b"}],
                     "next_cursor_str":"5","previous_cursor_str":"0"})"),
            page("/1.1/friends/list.json?cursor=5",
                 R"({"users":[],"next_cursor_str":"6","previous_cursor_str":"-5"})"),
            page(
                "/1.1/friends/list.json?cursor=6",
                R"({"users":[{"id_str":"3","name":"c","screen_name":"c"}],"next_cursor_str":"0","previous_cursor_str":"-6"})"),
        });
        auto api = make_api(s);
        auto friends = v1::paginate(api, rq::get_friends(std::nullopt));
        auto [ec1, first] = co_await friends.async_next_page(tuple);
        BOOST_TEST_REQUIRE(!ec1, ec1.message());
        BOOST_TEST_REQUIRE(first.size() == 2u);
        BOOST_TEST(*first[1].screen_name == "b");
        auto [ec2, second] = co_await friends.async_next_page(tuple);  // the empty page is skipped
        BOOST_TEST_REQUIRE(second.size() == 1u);
        BOOST_TEST(second[0].id == "3");
        BOOST_TEST(friends.done());
        auto [ec3, end] = co_await friends.async_next_page(tuple);
        BOOST_TEST(!ec3);
        BOOST_TEST(end.empty());
        BOOST_TEST(s.server.request_log().size() == 3u);
    });
}

BOOST_AUTO_TEST_CASE(a_max_id_walk_asks_below_the_smallest_id_seen_and_stops_at_an_empty_page) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({
            page("/1.1/statuses/user_timeline.json?count=2",
                 statuses({"1149868110373171201", "1149867886946783232"})),
            page("/1.1/statuses/user_timeline.json?count=2&max_id=1149867886946783231", statuses({"900"})),
            page("/1.1/statuses/user_timeline.json?count=2&max_id=899", "[]"),
        });
        auto api = make_api(s);
        v1::timeline_params p;
        p.count = 2;
        auto timeline = v1::paginate(api, rq::user_timeline(std::nullopt, p));
        std::vector<std::string> got;
        for (;;) {
            auto [ec, page] = co_await timeline.async_next_page(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            if (page.empty()) break;
            for (auto const& st : page) got.push_back(st.id);
        }
        BOOST_TEST((got == std::vector<std::string>{"1149868110373171201", "1149867886946783232", "900"}));
        BOOST_TEST(timeline.done());
        BOOST_TEST(s.server.request_log().size() == 3u);
        BOOST_TEST(s.server.pending_replays() == 0u);
    });
}

BOOST_AUTO_TEST_CASE(search_walks_by_max_id_too) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({
            page("/1.1/search/tweets.json?q=asio",
                 R"({"statuses":)" + statuses({"30", "20"}) + R"(,"search_metadata":{"max_id_str":"30"}})"),
            page("/1.1/search/tweets.json?q=asio&max_id=19", R"({"statuses":[],"search_metadata":{}})"),
        });
        auto api = make_api(s);
        auto search = v1::paginate(api, rq::search_tweets("asio"));
        std::vector<std::string> got;
        for (;;) {
            auto [ec, st] = co_await search.async_next(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            if (!st) break;
            got.push_back(st->id);
        }
        BOOST_TEST((got == std::vector<std::string>{"30", "20"}));
        BOOST_TEST(s.server.request_log().size() == 2u);
    });
}

BOOST_AUTO_TEST_CASE(limits_stop_the_walk_without_another_request) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({page("/1.1/blocks/ids.json?cursor=-1", ids_page("5,4,3", "8", "0"))});
        auto api = make_api(s);
        auto blocked = v1::paginate(api, rq::get_blocked_ids(), {.max_pages = {}, .max_items = 2});
        auto [ec, page] = co_await blocked.async_next_page(tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST((page == std::vector<std::string>{"5", "4"}));  // the page is cut at max_items
        BOOST_TEST(blocked.done());
        auto [ec2, none] = co_await blocked.async_next(tuple);
        BOOST_TEST(!ec2);
        BOOST_TEST(!none.has_value());
        BOOST_TEST(s.server.request_log().size() == 1u);
    });
}

BOOST_AUTO_TEST_CASE(items_left_from_async_next_start_the_next_page) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({page("/1.1/friends/ids.json?cursor=-1", ids_page("5,4,3", "0", "0"))});
        auto api = make_api(s);
        auto ids = v1::paginate(api, rq::get_friend_ids(std::nullopt));
        auto [ec, first] = co_await ids.async_next(tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST((first == std::optional<std::string>("5")));
        BOOST_TEST(!ids.done());  // two items still held
        auto [ec2, rest] = co_await ids.async_next_page(tuple);
        BOOST_TEST((rest == std::vector<std::string>{"4", "3"}));
        BOOST_TEST(ids.done());
    });
}

BOOST_AUTO_TEST_CASE(an_error_page_ends_the_operation_with_the_api_error) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({page(
            "/1.1/lists/members.json?list_id=404&cursor=-1",
            R"({"errors":[{"code":112,"message":"You must specify either a list ID or a slug and owner."}]})",
            404)});
        auto api = make_api(s);
        auto members = v1::paginate(api, rq::get_list_members(v1::list_id("404")));
        twitter::diagnostics diag;
        auto [ec, page] = co_await members.async_next_page(diag, tuple);
        BOOST_TEST((ec == twitter::api_errc::not_found), ec.message());
        BOOST_TEST(page.empty());
        BOOST_TEST(diag.http_status == 404u);
        BOOST_TEST_REQUIRE(diag.errors.size() == 1u);
        BOOST_TEST((diag.errors[0].code == std::optional<int>(112)));
    });
}

BOOST_AUTO_TEST_CASE(a_body_of_the_wrong_shape_is_malformed_json) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({page("/1.1/friends/ids.json?cursor=-1", R"({"users":[]})")});
        auto api = make_api(s);
        auto ids = v1::paginate(api, rq::get_friend_ids(std::nullopt));
        auto [ec, id] = co_await ids.async_next(tuple);
        BOOST_TEST((ec == twitter::protocol_errc::malformed_json), ec.message());
        BOOST_TEST(!id.has_value());
    });
}

BOOST_AUTO_TEST_CASE(a_second_operation_while_one_is_pending_is_refused) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({page("/1.1/friends/ids.json?cursor=-1", ids_page("1", "0", "0"))});
        auto api = make_api(s);
        auto ids = v1::paginate(api, rq::get_friend_ids(std::nullopt));
        bool first_done = false;
        twitter::error_code ec1;
        std::vector<std::string> page;
        ids.async_next_page([&](twitter::error_code ec, std::vector<std::string> p) {
            first_done = true;
            ec1 = ec;
            page = std::move(p);
        });
        twitter::diagnostics second_diag;
        auto [ec2, item] = co_await ids.async_next(second_diag, tuple);
        BOOST_TEST((ec2 == twitter::client_errc::invalid_argument), ec2.message());
        BOOST_TEST(!item.has_value());
        BOOST_TEST(!second_diag.message.empty());
        BOOST_TEST(!first_done);  // the refusal came first, and left the pending operation alone
        auto const ex = co_await asio::this_coro::executor;
        while (!first_done) co_await asio::post(ex, asio::deferred);
        BOOST_TEST(!ec1, ec1.message());
        BOOST_TEST((page == std::vector<std::string>{"1"}));
        BOOST_TEST(s.server.request_log().size() == 1u);
    });
}

BOOST_AUTO_TEST_CASE(the_default_token_throws_the_typed_error) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay({page("/1.1/friends/ids.json?cursor=-1",
                              R"({"errors":[{"code":200,"message":"Forbidden."}]})", 403)});
        auto api = make_api(s);
        auto ids = v1::paginate(api, rq::get_friend_ids(std::nullopt));
        bool thrown = false;
        try {
            co_await ids.async_next();
        } catch (twitter::forbidden const& e) {
            thrown = true;
            BOOST_TEST(e.status() == 403u);
        }
        BOOST_TEST(thrown);
    });
}

BOOST_AUTO_TEST_SUITE_END()
