// v2::paginator against recorded-style pages replayed by the emulator: both cursor parameters, the limits,
// the flattened walk, the empty page and a failed page.

#include <twitter/v2/paginator.hpp>

#include "scenario.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/v2/requests.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(v2_paginator)

namespace {

using namespace test;
namespace v2 = twitter::v2;
namespace emu = twitter::emulator;

constexpr std::string_view followers_path = "/2/users/2244994945/followers";
constexpr std::string_view search_path = "/2/tweets/search/recent";

std::string user_json(int n) {
    return R"({"id":")" + std::to_string(1000 + n) + R"(","name":"User )" + std::to_string(n) +
           R"(","username":"user)" + std::to_string(n) + R"("})";
}
std::string tweet_json(int n) {
    std::string const id = std::to_string(5000 + n);
    return R"({"id":")" + id + R"(","text":"tweet )" + std::to_string(n) + R"(","edit_history_tweet_ids":[")" + id +
           R"("]})";
}

// `pages` pages of `per_page` items; page k (0-based) is asked for with `param`=token<k> and answers with
// next_token token<k+1> unless it is the last.
std::vector<emu::recorded_exchange> pages(std::string_view path, std::string_view base_query,
                                          std::string_view param, int count, int per_page, bool tweets) {
    std::vector<emu::recorded_exchange> out;
    for (int k = 0; k < count; ++k) {
        emu::recorded_exchange e;
        e.method = "GET";
        e.target = std::string(path) + "?" + std::string(base_query);
        if (k > 0) e.target += "&" + std::string(param) + "=token" + std::to_string(k);
        std::string data;
        for (int i = 0; i < per_page; ++i) {
            if (i) data += ',';
            int const n = k * per_page + i;
            data += tweets ? tweet_json(n) : user_json(n);
        }
        std::string meta = R"({"result_count":)" + std::to_string(per_page);
        if (k + 1 < count) meta += R"(,"next_token":"token)" + std::to_string(k + 1) + '"';
        if (k > 0) meta += R"(,"previous_token":"back)" + std::to_string(k) + '"';
        meta += '}';
        e.headers = {{"content-type", "application/json; charset=utf-8"}};
        e.body = R"({"data":[)" + data + R"(],"meta":)" + meta + '}';
        out.push_back(std::move(e));
    }
    return out;
}

v2::typed_request<std::vector<v2::user>> followers(std::string max_results) {
    v2::typed_request<std::vector<v2::user>> r;
    r.http.target = std::string(followers_path);
    r.http.query = {{"max_results", std::move(max_results)}};
    r.pagination = v2::token_param::pagination_token;
    return r;
}

v2::typed_request<std::vector<v2::tweet>> search(std::string query) {
    v2::typed_request<std::vector<v2::tweet>> r;
    r.http.target = std::string(search_path);
    r.http.query = {{"query", std::move(query)}};
    r.pagination = v2::token_param::next_token;
    return r;
}

std::vector<std::string> sent_queries(emu::server const& server) {
    std::vector<std::string> out;
    for (auto const& r : server.request_log()) out.push_back(r.target);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(five_pages_with_pagination_token) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay(pages(followers_path, "max_results=3", "pagination_token", 5, 3, false));
        auto client = s.app_client();
        v2::paginator walk(client, followers("3"));
        std::vector<std::string> ids;
        while (!walk.done()) {
            auto page = co_await walk.async_next_page();
            for (auto const& u : page.data) ids.push_back(u.id);
        }
        BOOST_TEST(walk.pages() == 5u);
        BOOST_TEST(walk.items() == 15u);
        BOOST_TEST_REQUIRE(ids.size() == 15u);
        for (int n = 0; n < 15; ++n) BOOST_TEST(ids[static_cast<std::size_t>(n)] == std::to_string(1000 + n));
        BOOST_TEST(s.server.stats().replayed == 5u);
        BOOST_TEST(s.server.stats().replay_misses == 0u);
        // Once done, nothing more is sent.
        auto extra = co_await walk.async_next_page();
        BOOST_TEST(extra.data.empty());
        BOOST_TEST(s.server.request_log().size() == 5u);
    });
}

BOOST_AUTO_TEST_CASE(five_pages_with_next_token_flattened) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay(pages(search_path, "query=cats", "next_token", 5, 4, true));
        auto client = s.app_client();
        v2::paginator walk(client, search("cats"));
        std::vector<std::string> texts;
        while (auto t = co_await walk.async_next()) texts.push_back(t->text);
        BOOST_TEST_REQUIRE(texts.size() == 20u);
        BOOST_TEST(texts.front() == "tweet 0");
        BOOST_TEST(texts.back() == "tweet 19");
        auto const sent = sent_queries(s.server);
        BOOST_TEST_REQUIRE(sent.size() == 5u);
        BOOST_TEST(sent[1].find("next_token=token1") != std::string::npos);
        BOOST_TEST(sent[4].find("next_token=token4") != std::string::npos);
        BOOST_TEST(sent[4].find("pagination_token") == std::string::npos);
    });
}

BOOST_AUTO_TEST_CASE(max_pages_and_max_items_stop_the_walk) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.replay(pages(followers_path, "max_results=3", "pagination_token", 5, 3, false));
        auto client = s.app_client();
        v2::paginator by_pages(client, followers("3"), twitter::page_limits{2, std::nullopt});
        std::size_t seen = 0;
        while (!by_pages.done()) seen += (co_await by_pages.async_next_page()).data.size();
        BOOST_TEST(seen == 6u);
        BOOST_TEST(s.server.request_log().size() == 2u);

        s.server.clear_replay();
        s.server.clear_log();
        s.server.replay(pages(followers_path, "max_results=3", "pagination_token", 5, 3, false));
        v2::paginator by_items(client, followers("3"), twitter::page_limits{std::nullopt, 7});
        std::vector<std::string> ids;
        while (auto u = co_await by_items.async_next()) ids.push_back(u->id);
        BOOST_TEST(ids.size() == 7u);  // the third page is cut after its first item
        BOOST_TEST(s.server.request_log().size() == 3u);
    });
}

BOOST_AUTO_TEST_CASE(an_empty_result_ends_the_walk_at_once) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        emu::recorded_exchange empty;
        empty.method = "GET";
        empty.target = std::string(search_path) + "?query=nothing";
        empty.headers = {{"content-type", "application/json; charset=utf-8"}};
        empty.body = R"({"meta":{"result_count":0}})";
        s.server.replay({empty});
        auto client = s.app_client();
        v2::paginator walk(client, search("nothing"));
        auto first = co_await walk.async_next();
        BOOST_TEST(!first.has_value());
        BOOST_TEST(walk.done());
        BOOST_TEST(walk.pages() == 1u);
        BOOST_TEST(s.server.request_log().size() == 1u);
    });
}

BOOST_AUTO_TEST_CASE(a_failed_page_can_be_asked_for_again) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto exchanges = pages(followers_path, "max_results=3", "pagination_token", 3, 3, false);
        emu::recorded_exchange refused = exchanges[1];
        refused.status = 400;
        refused.body = R"({"title":"Invalid Request","detail":"bad token","type":"about:blank","errors":[{"message":"bad"}]})";
        exchanges.insert(exchanges.begin() + 1, refused);
        s.server.replay(exchanges);
        auto client = s.app_client();
        v2::paginator walk(client, followers("3"));
        auto first = co_await walk.async_next_page();
        BOOST_TEST(first.data.size() == 3u);
        auto [ec, failed] = co_await walk.async_next_page(asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::bad_request), ec.message());
        BOOST_TEST(walk.pages() == 1u);
        auto second = co_await walk.async_next_page();  // the same page again, now answered
        BOOST_TEST(second.data.size() == 3u);
        BOOST_TEST(second.data.front().id == "1003");
        auto third = co_await walk.async_next_page();
        BOOST_TEST(third.data.size() == 3u);
        BOOST_TEST(walk.done());
    });
}

BOOST_AUTO_TEST_CASE(a_walk_over_100000_followers_holds_one_page_at_a_time) {
    emu::server_config cfg;
    cfg.synthetic_followers = 100000;
    cfg.family_limits["GET /2/users/:id/followers"] = 1000;
    run_scenario(
        1,
        [](scenario s) -> asio::awaitable<void> {
            auto client = s.app_client();
            v2::user_page_params page;
            page.max_results = 1000;
            v2::paginator walk(client, v2::get_users_followers(s.server.default_user_id(), page));
            std::size_t count = 0;
            std::string previous;
            while (auto const follower = co_await walk.async_next()) {
                ++count;
                BOOST_TEST_REQUIRE(follower->id != previous);  // no follower handed out twice in a row
                previous = follower->id;
                // The walk has fetched at most the page this follower is on: one page is all it holds.
                BOOST_TEST_REQUIRE(walk.items() - count < 1000u);
            }
            BOOST_TEST(count >= 100000u);
            BOOST_TEST(walk.items() == count);
            BOOST_TEST(walk.pages() == (count + 999) / 1000);
        },
        cfg, std::chrono::seconds(240));
}

BOOST_AUTO_TEST_CASE(an_endpoint_that_does_not_paginate_is_refused) {
    asio::io_context io;
    twitter::client client(io.get_executor());
    BOOST_CHECK_THROW(v2::paginator(client, v2::typed_request<std::vector<v2::user>>{}), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
