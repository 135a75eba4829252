// Retries in the request pipeline: which failures are tried again, how often, and on which clock.

#include <twitter/client.hpp>

#include "mock_clock.hpp"
#include "scenario.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

BOOST_AUTO_TEST_SUITE(client_retries)

namespace {

using namespace test;
namespace emu = twitter::emulator;
using twitter::http::verb;

emu::fault failing(std::string path, emu::fault::kind what, std::size_t count, unsigned status = 503) {
    emu::fault f;
    f.path = std::move(path);
    f.what = what;
    f.count = count;
    f.status = status;
    f.body = R"({"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503})";
    return f;
}

struct clocked {
    std::shared_ptr<mock_clock> clock = std::make_shared<mock_clock>();
    twitter::client_config config;
    clocked(scenario const& s) : config(s.config()) { config.clock = clock; }
};

twitter::http::request post_tweet(std::string text) {
    twitter::http::request req;
    req.method = verb::post;
    req.target = "/2/tweets";
    req.kind = twitter::http::body_kind::json;
    req.body = R"({"text":")" + text + R"("})";
    return req;
}

std::size_t requests_to(emu::server const& server, std::string_view method, std::string_view path_prefix) {
    std::size_t n = 0;
    for (auto const& r : server.request_log())
        if (r.method == method && r.target.starts_with(path_prefix)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_503_on_a_get_is_retried_with_growing_backoff) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing("/2/tweets/*", emu::fault::kind::status, 2));
        clocked c(s);
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto [ec, res] = co_await client.async_request(get("/2/tweets/1293593516040269825"),
                                                       asio::as_tuple(asio::use_awaitable));
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(res.status == 200u);
        BOOST_TEST(requests_to(s.server, "GET", "/2/tweets/") == 3u);
        auto const waits = c.clock->waits();
        BOOST_TEST_REQUIRE(waits.size() == 2u);
        auto const& backoff = c.config.retry.backoff;
        // Each wait lies in [nominal * (1 - jitter), nominal], and the nominal delay doubles.
        BOOST_TEST(waits[0].count() <= backoff.initial.count());
        BOOST_TEST(waits[0].count() >= backoff.initial.count() / 2);
        BOOST_TEST(waits[1].count() <= 2 * backoff.initial.count());
        BOOST_TEST(waits[1].count() >= backoff.initial.count());
    });
}

BOOST_AUTO_TEST_CASE(a_503_on_a_post_is_never_retried) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing("/2/tweets", emu::fault::kind::status, 1));
        clocked c(s);
        twitter::client client(s.io.get_executor(), s.server.default_user_token(), c.config);
        twitter::diagnostics diag;
        auto [ec, res] = co_await client.async_request(post_tweet("once"), diag, asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::server_error), ec.message());
        BOOST_TEST(diag.http_status == 503u);
        BOOST_TEST(requests_to(s.server, "POST", "/2/tweets") == 1u);
        BOOST_TEST(c.clock->waits().empty());
    });
}

BOOST_AUTO_TEST_CASE(a_dropped_connection_is_retried_for_a_get_but_not_for_a_post) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing("/2/tweets/*", emu::fault::kind::close_before_response, 1));
        s.server.inject(failing("/2/tweets", emu::fault::kind::close_before_response, 1));
        clocked c(s);
        twitter::client client(s.io.get_executor(), s.server.default_user_token(), c.config);
        auto [get_ec, got] = co_await client.async_request(get("/2/tweets/1293593516040269825"),
                                                           asio::as_tuple(asio::use_awaitable));
        BOOST_TEST(!get_ec, get_ec.message());
        BOOST_TEST(got.status == 200u);
        BOOST_TEST(requests_to(s.server, "GET", "/2/tweets/") == 2u);

        auto [post_ec, posted] = co_await client.async_request(post_tweet("maybe"), asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((post_ec == twitter::transport_errc::connection_closed), post_ec.message());
        BOOST_TEST(requests_to(s.server, "POST", "/2/tweets") == 1u);
    });
}

BOOST_AUTO_TEST_CASE(retries_stop_at_the_configured_count) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing("/2/tweets/*", emu::fault::kind::status, 0));  // every request fails
        clocked c(s);
        c.config.retry.max_retries = 2;
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto [ec, res] = co_await client.async_request(get("/2/tweets/1293593516040269825"),
                                                       asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::server_error), ec.message());
        BOOST_TEST(res.status == 503u);
        BOOST_TEST(requests_to(s.server, "GET", "/2/tweets/") == 3u);
        BOOST_TEST(c.clock->waits().size() == 2u);
    });
}

BOOST_AUTO_TEST_CASE(client_errors_are_not_retried) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto f = failing("/2/tweets/*", emu::fault::kind::status, 1, 400);
        f.body = R"({"errors":[{"message":"bad"}],"title":"Invalid Request","detail":"bad","type":"about:blank"})";
        s.server.inject(f);
        clocked c(s);
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto [ec, res] = co_await client.async_request(get("/2/tweets/1293593516040269825"),
                                                       asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::bad_request), ec.message());
        BOOST_TEST(requests_to(s.server, "GET", "/2/tweets/") == 1u);
        BOOST_TEST(c.clock->waits().empty());
    });
}

BOOST_AUTO_TEST_CASE(retrying_can_be_turned_off) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing("/2/tweets/*", emu::fault::kind::status, 1));
        clocked c(s);
        c.config.retry.max_retries = 0;
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), c.config);
        auto [ec, res] = co_await client.async_request(get("/2/tweets/1293593516040269825"),
                                                       asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::server_error), ec.message());
        BOOST_TEST(requests_to(s.server, "GET", "/2/tweets/") == 1u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
