// "{me}" in a target: the OAuth 1.0a token names the user; an OAuth 2.0 user token needs one lookup, which
// concurrent callers share and later calls reuse.

#include <twitter/client.hpp>

#include "scenario.hpp"

#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/emulator/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(client_me)

namespace {

using namespace test;

std::size_t count_targets(twitter::emulator::server const& server, std::string_view target) {
    std::size_t n = 0;
    for (auto const& r : server.request_log())
        if (r.target == target) ++n;
    return n;
}

// An OAuth 2.0 user access token that nobody refreshes.
twitter::client user_token_client(scenario const& s) {
    return twitter::client(s.io.get_executor(),
                           std::make_shared<twitter::oauth2_bearer_handler>(s.server.default_user_token(),
                                                                            twitter::auth_scheme::user_bearer),
                           s.config());
}

// GET /2/tweets/{me}: any endpoint with an id in its path shows the substitution.
twitter::http::request tweet_of_me() {
    twitter::http::request req = get("/2/tweets/{me}");
    req.auth = twitter::http::auth_mode::user;
    return req;
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_oauth2_user_token_is_looked_up_once_for_concurrent_calls) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto client = user_token_client(s);
        constexpr int calls = 20;
        std::vector<decltype(client.async_request(tweet_of_me(), asio::as_tuple(asio::deferred)))> ops;
        for (int i = 0; i < calls; ++i) ops.push_back(client.async_request(tweet_of_me(), asio::as_tuple(asio::deferred)));
        auto [order, results] =
            co_await asio::experimental::make_parallel_group(std::move(ops)).async_wait(
                asio::experimental::wait_for_all(), asio::use_awaitable);
        BOOST_TEST(order.size() == static_cast<std::size_t>(calls));
        for (auto const& [ec, res] : results) BOOST_TEST(!ec, ec.message());
        std::string const expected = "/2/tweets/" + s.server.default_user_id();
        BOOST_TEST(count_targets(s.server, expected) == static_cast<std::size_t>(calls));
        BOOST_TEST(count_targets(s.server, "/2/users/me") == 1u);

        // Cached: a later call asks no more.
        auto [ec, res] = co_await client.async_request(tweet_of_me(), asio::as_tuple(asio::use_awaitable));
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(count_targets(s.server, "/2/users/me") == 1u);
    });
}

BOOST_AUTO_TEST_CASE(an_oauth1_token_names_the_user_without_a_request) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& keys = s.server.oauth1();
        twitter::client client(s.io.get_executor(),
                               twitter::client_credentials{{}, keys.consumer_key, keys.consumer_secret,
                                                           keys.access_token, keys.access_token_secret},
                               s.config());
        auto [ec, res] = co_await client.async_request(tweet_of_me(), asio::as_tuple(asio::use_awaitable));
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(count_targets(s.server, "/2/tweets/" + s.server.default_user_id()) == 1u);
        BOOST_TEST(count_targets(s.server, "/2/users/me") == 0u);
    });
}

BOOST_AUTO_TEST_CASE(a_failed_lookup_is_reported_and_not_cached) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::emulator::fault f;
        f.path = "/2/users/me";
        f.status = 401;
        f.body = R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})";
        s.server.inject(f);
        auto client = user_token_client(s);
        auto [ec, res] = co_await client.async_request(tweet_of_me(), asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::unauthorized), ec.message());
        BOOST_TEST(count_targets(s.server, "/2/tweets/" + s.server.default_user_id()) == 0u);

        auto [again, res2] = co_await client.async_request(tweet_of_me(), asio::as_tuple(asio::use_awaitable));
        BOOST_TEST(!again, again.message());
        BOOST_TEST(count_targets(s.server, "/2/tweets/" + s.server.default_user_id()) == 1u);
    });
}

BOOST_AUTO_TEST_CASE(me_without_user_credentials_is_a_missing_credential) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto client = s.app_client();  // app-only: nobody is "me"
        auto [ec, res] = co_await client.async_request(tweet_of_me(), asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::client_errc::missing_credential), ec.message());
        BOOST_TEST(s.server.request_log().empty());
    });
}

BOOST_AUTO_TEST_SUITE_END()
