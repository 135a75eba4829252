// Rate limits in the request pipeline: 429 waits on the client's clock, waiting before sending when nothing
// remains, and the limits each endpoint reported.

#include <twitter/client.hpp>

#include "mock_clock.hpp"
#include "scenario.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

BOOST_AUTO_TEST_SUITE(client_rate_limits)

namespace {

using namespace test;
namespace emu = twitter::emulator;
using twitter::http::verb;


// A 429 (or another answer) with the rate-limit headers X sends, relative to the mock clock's now.
emu::fault answer(unsigned status, std::int64_t limit, std::int64_t remaining, std::optional<std::int64_t> reset) {
    emu::fault f;
    f.path = "/2/tweets/*";
    f.what = emu::fault::kind::status;
    f.status = status;
    f.headers = {{"x-rate-limit-limit", std::to_string(limit)},
                 {"x-rate-limit-remaining", std::to_string(remaining)},
                 {"content-type", "application/json; charset=utf-8"}};
    if (reset) f.headers.emplace_back("x-rate-limit-reset", std::to_string(*reset));
    f.body = status == 429
                 ? R"({"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429})"
                 : R"({"data":{"id":"1293593516040269825","text":"hello","edit_history_tweet_ids":["1293593516040269825"]}})";
    return f;
}

struct clocked {
    std::shared_ptr<mock_clock> clock = std::make_shared<mock_clock>();
    twitter::client_config config;
    explicit clocked(scenario const& s) : config(s.config()) { config.clock = clock; }
};

std::size_t gets(emu::server const& server) {
    std::size_t n = 0;
    for (auto const& r : server.request_log())
        if (r.method == "GET" && r.target.starts_with("/2/tweets/")) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_429_with_wait_on_rate_limit_waits_for_the_reset_then_succeeds) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        clocked c(s);
        c.config.rate_limiting.wait_on_rate_limit = true;
        std::int64_t const reset = c.clock->unix_now() + 120;
        s.server.inject(answer(429, 900, 0, reset));
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto started = std::chrono::steady_clock::now();
        auto res = co_await client.async_call(twitter::v2::get_tweet("1293593516040269825"));
        BOOST_TEST_REQUIRE(res.data.has_value());
        BOOST_TEST(res.data->id == "1293593516040269825");
        BOOST_TEST(gets(s.server) == 2u);
        auto const waits = c.clock->waits();
        BOOST_TEST_REQUIRE(waits.size() == 1u);
        // Until the reset, plus one second for its whole-second resolution, plus up to the jitter.
        auto const least = std::chrono::seconds(121);
        BOOST_TEST((waits[0] >= least));
        BOOST_TEST((waits[0] <= least + c.config.rate_limiting.reset_jitter));
        // The two minutes passed on the mock clock only.
        BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(20)));
    });
}

BOOST_AUTO_TEST_CASE(a_429_without_waiting_is_the_typed_error_with_its_reset_time) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        clocked c(s);
        std::int64_t const reset = c.clock->unix_now() + 300;
        s.server.inject(answer(429, 900, 0, reset));
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        bool thrown = false;
        try {
            co_await client.async_get_tweet("1293593516040269825");
        } catch (twitter::too_many_requests const& e) {
            thrown = true;
            BOOST_TEST(e.reset_time() == reset);
            BOOST_TEST(e.diag().http_status == 429u);
            BOOST_TEST_REQUIRE(e.diag().limits.window.has_value());
            BOOST_TEST(e.diag().limits.window->remaining == 0u);
        }
        BOOST_TEST(thrown);
        BOOST_TEST(gets(s.server) == 1u);
        BOOST_TEST(c.clock->waits().empty());
    });
}

BOOST_AUTO_TEST_CASE(a_429_without_a_reset_header_backs_off_exponentially) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        clocked c(s);
        c.config.rate_limiting.wait_on_rate_limit = true;
        c.config.rate_limiting.backoff = {std::chrono::seconds(1), 2.0, std::chrono::seconds(60), 0.0};
        auto f = answer(429, 900, 0, std::nullopt);
        f.count = 3;
        s.server.inject(f);
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto res = co_await client.async_get_tweet("1293593516040269825");
        BOOST_TEST(res.data.has_value());
        auto const waits = c.clock->waits();
        BOOST_TEST_REQUIRE(waits.size() == 3u);
        BOOST_TEST(waits[0].count() == 1000);
        BOOST_TEST(waits[1].count() == 2000);
        BOOST_TEST(waits[2].count() == 4000);
    });
}

BOOST_AUTO_TEST_CASE(a_wait_longer_than_the_maximum_returns_the_429) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        clocked c(s);
        c.config.rate_limiting.wait_on_rate_limit = true;
        c.config.rate_limiting.max_wait = std::chrono::minutes(1);
        s.server.inject(answer(429, 900, 0, c.clock->unix_now() + 3600));
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto [ec, res] = co_await client.async_call(twitter::v2::get_tweet("1293593516040269825"),
                                                    asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::too_many_requests), ec.message());
        BOOST_TEST(c.clock->waits().empty());
        BOOST_TEST(gets(s.server) == 1u);
    });
}

BOOST_AUTO_TEST_CASE(none_remaining_waits_before_sending_when_asked_to) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        clocked c(s);
        c.config.rate_limiting.wait_when_exhausted = true;
        std::int64_t const reset = c.clock->unix_now() + 30;
        s.server.inject(answer(200, 900, 0, reset));  // the answer itself succeeds but spends the last request
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto first = co_await client.async_get_tweet("1293593516040269825");
        BOOST_TEST(first.data.has_value());
        BOOST_TEST(c.clock->waits().empty());
        // Another id, same endpoint bucket: the client waits for the reset instead of collecting a 429.
        auto second = co_await client.async_get_tweet("1293595870563381249");
        BOOST_TEST(second.data.has_value());
        auto const waits = c.clock->waits();
        BOOST_TEST_REQUIRE(waits.size() == 1u);
        BOOST_TEST((waits[0] >= std::chrono::seconds(31)));
        BOOST_TEST((waits[0] <= std::chrono::seconds(31) + c.config.rate_limiting.reset_jitter));
        BOOST_TEST(s.server.stats().rate_limited == 0u);
    });
}

BOOST_AUTO_TEST_CASE(limits_are_kept_per_endpoint) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto client = s.app_client();
        BOOST_TEST(client.last_rate_limits(verb::get, "/2/tweets/:id").empty());
        auto res = co_await client.async_get_tweet("1293593516040269825");
        BOOST_TEST_REQUIRE(res.limits.window.has_value());
        auto const by_template = client.last_rate_limits(verb::get, "/2/tweets/:id");
        auto const by_path = client.last_rate_limits(verb::get, "/2/tweets/20?tweet.fields=lang");
        BOOST_TEST_REQUIRE(by_template.window.has_value());
        BOOST_TEST_REQUIRE(by_path.window.has_value());
        BOOST_TEST(by_template.window->remaining == res.limits.window->remaining);
        BOOST_TEST(by_path.window->limit == res.limits.window->limit);
        BOOST_TEST(client.last_rate_limits(verb::get, "/2/users/me").empty());
        BOOST_TEST(client.last_rate_limits(verb::post, "/2/tweets/:id").empty());
    });
}

BOOST_AUTO_TEST_CASE(the_24_hour_limits_are_parsed) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        emu::fault f;
        f.path = "/2/tweets";
        f.what = emu::fault::kind::status;
        f.status = 201;
        f.headers = {{"content-type", "application/json"},
                     {"x-app-limit-24hour-limit", "10000"},
                     {"x-app-limit-24hour-remaining", "9999"},
                     {"x-app-limit-24hour-reset", "1700086400"},
                     {"x-user-limit-24hour-limit", "100"},
                     {"x-user-limit-24hour-remaining", "42"},
                     {"x-user-limit-24hour-reset", "1700080000"}};
        f.body = R"({"data":{"id":"1","text":"hi","edit_history_tweet_ids":["1"]}})";
        s.server.inject(f);
        twitter::client client(s.io.get_executor(), s.server.default_user_token(), s.config());
        twitter::http::request req;
        req.method = verb::post;
        req.target = "/2/tweets";
        req.kind = twitter::http::body_kind::json;
        req.body = R"({"text":"hi"})";
        twitter::v2::typed_request<twitter::v2::tweet> typed{req, std::nullopt};
        auto res = co_await client.async_call(typed);
        BOOST_TEST_REQUIRE(res.limits.app_24hour.has_value());
        BOOST_TEST_REQUIRE(res.limits.user_24hour.has_value());
        BOOST_TEST(res.limits.app_24hour->remaining == 9999u);
        BOOST_TEST(res.limits.user_24hour->limit == 100u);
        BOOST_TEST(res.limits.user_24hour->reset == 1700080000);
        BOOST_TEST(!res.limits.window.has_value());
        auto const kept = client.last_rate_limits(verb::post, "/2/tweets");
        BOOST_TEST_REQUIRE(kept.user_24hour.has_value());
        BOOST_TEST(kept.user_24hour->remaining == 42u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
