#include <twitter/auth/oauth1_user_handler.hpp>

#include "auth_flow_support.hpp"
#include "print_error_enums.hpp"
#include "scenario.hpp"

#include <twitter/auth/oauth2_app_handler.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>

namespace asio = boost::asio;
using test::run_scenario;
using test::scenario;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);
std::string const callback = "http://127.0.0.1/callback";

twitter::http::request request(twitter::http::verb method, std::string target,
                               twitter::http::auth_mode mode = twitter::http::auth_mode::automatic) {
    twitter::http::request req;
    req.method = method;
    req.target = std::move(target);
    req.auth = mode;
    return req;
}

twitter::http::request post_tweet(std::string text) {
    auto req = request(twitter::http::verb::post, "/2/tweets", twitter::http::auth_mode::user);
    req.kind = twitter::http::body_kind::json;
    req.body = R"({"text":")" + text + R"("})";
    return req;
}

std::shared_ptr<twitter::oauth1_user_handler> consumer_only(scenario const& s, std::string cb) {
    auto const& app = s.server.oauth1();
    return std::make_shared<twitter::oauth1_user_handler>(s.io.get_executor(), app.consumer_key,
                                                          app.consumer_secret, std::string(), std::string(),
                                                          std::move(cb), s.config());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_oauth1_flows)

BOOST_AUTO_TEST_CASE(three_legged_flow_gives_a_token_that_signs_api_calls) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = consumer_only(s, callback);
        std::string const url = co_await auth->async_get_authorization_url();
        BOOST_TEST(url.starts_with(s.server.base_url() + "/oauth/authorize?oauth_token="));
        BOOST_TEST(!auth->request_token().token.empty());

        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, url);
        BOOST_TEST_REQUIRE(location.starts_with(callback + "?"));
        std::string const verifier = test::query_value(location, "oauth_verifier");
        BOOST_TEST_REQUIRE(!verifier.empty());

        twitter::oauth1_token const access = co_await auth->async_get_access_token(verifier);
        BOOST_TEST(!access.token.empty());
        BOOST_TEST(!access.secret.empty());
        BOOST_TEST(access.user_id == s.server.default_user_id());
        BOOST_TEST(auth->access_token().token == access.token);

        twitter::client c(s.io.get_executor(), auth, s.config());
        auto [ec, me] = co_await c.async_request(request(twitter::http::verb::get, "/2/users/me"), tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(me.body.find(s.server.default_user_id()) != std::string::npos);
        auto [ec2, created] = co_await c.async_request(post_tweet("signed with OAuth 1.0a"), tuple);
        BOOST_TEST(!ec2, ec2.message());
        BOOST_TEST(created.status == 201u);
        BOOST_TEST(s.server.stats().rejected_signatures == 0u);
    });
}

BOOST_AUTO_TEST_CASE(sign_in_with_twitter_uses_authenticate) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = consumer_only(s, callback);
        std::string const url = co_await auth->async_get_authorization_url(true);
        BOOST_TEST(url.starts_with(s.server.base_url() + "/oauth/authenticate?oauth_token="));
    });
}

BOOST_AUTO_TEST_CASE(pin_based_flow_uses_oob) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = consumer_only(s, "oob");
        std::string const url = co_await auth->async_get_authorization_url();
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const pin = co_await test::read_pin(browser, url);
        BOOST_TEST_REQUIRE(pin.size() == 7u);
        twitter::oauth1_token const access = co_await auth->async_get_access_token(pin);
        BOOST_TEST(access.user_id == s.server.default_user_id());
        auto const log = s.server.request_log();
        bool sent_oob = false;
        for (auto const& r : log)
            if (r.target.starts_with("/oauth/request_token"))
                for (auto const& [name, value] : r.headers)
                    if (name == "authorization") sent_oob = value.find("oauth_callback=\"oob\"") != std::string::npos;
        BOOST_TEST(sent_oob);
    });
}

BOOST_AUTO_TEST_CASE(another_handler_can_finish_the_flow_with_the_request_token) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto first = consumer_only(s, callback);
        std::string const url = co_await first->async_get_authorization_url();
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, url);
        std::string const verifier = test::query_value(location, "oauth_verifier");

        auto second = consumer_only(s, callback);
        second->set_request_token(first->request_token());
        twitter::oauth1_token const access = co_await second->async_get_access_token(verifier);
        BOOST_TEST(access.user_id == s.server.default_user_id());
    });
}

BOOST_AUTO_TEST_CASE(wrong_verifier_and_reused_request_token_are_refused) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = consumer_only(s, callback);
        std::string const url = co_await auth->async_get_authorization_url();
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, url);
        std::string const verifier = test::query_value(location, "oauth_verifier");
        auto const request_token = auth->request_token();

        auto [ec, token] = co_await auth->async_get_access_token("not-the-verifier", tuple);
        BOOST_TEST(ec == twitter::api_errc::unauthorized, ec.message());

        // The request token was spent by the failed attempt or is still good; either way, once exchanged it dies.
        auth->set_request_token(request_token);
        auto [ec2, token2] = co_await auth->async_get_access_token(verifier, tuple);
        auth->set_request_token(request_token);
        auto [ec3, token3] = co_await auth->async_get_access_token(verifier, tuple);
        BOOST_TEST(ec3 == twitter::api_errc::unauthorized, ec3.message());
        BOOST_TEST(s.server.stats().invalid_grants >= 2u);
    });
}

BOOST_AUTO_TEST_CASE(access_token_step_needs_a_request_token) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = consumer_only(s, callback);
        auto [ec, token] = co_await auth->async_get_access_token("1234567", tuple);
        BOOST_TEST(ec == twitter::auth_errc::no_request_token);
        BOOST_TEST(s.server.stats().requests == 0u);
    });
}

BOOST_AUTO_TEST_CASE(read_only_token_cannot_write) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = consumer_only(s, callback);
        std::string const url = co_await auth->async_get_authorization_url(false, "read");
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, url);
        std::string const verifier = test::query_value(location, "oauth_verifier");
        co_await auth->async_get_access_token(verifier);

        twitter::client c(s.io.get_executor(), auth, s.config());
        auto [ec, me] = co_await c.async_request(request(twitter::http::verb::get, "/2/users/me"), tuple);
        BOOST_TEST(!ec, ec.message());
        auto [ec2, res] = co_await c.async_request(post_tweet("not allowed"), tuple);
        BOOST_TEST(ec2 == twitter::api_errc::forbidden, ec2.message());
        BOOST_TEST(s.server.stats().scope_denials == 1u);
    });
}

BOOST_AUTO_TEST_CASE(four_credentials_sign_user_calls_and_bearer_serves_app_calls) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& app = s.server.oauth1();
        twitter::client_credentials credentials;
        credentials.bearer_token = s.server.app_bearer_token();
        credentials.consumer_key = app.consumer_key;
        credentials.consumer_secret = app.consumer_secret;
        credentials.access_token = app.access_token;
        credentials.access_token_secret = app.access_token_secret;
        twitter::client c(s.io.get_executor(), credentials, s.config());

        auto [ec, me] = co_await c.async_request(
            request(twitter::http::verb::get, "/2/users/me", twitter::http::auth_mode::user), tuple);
        BOOST_TEST(!ec, ec.message());
        auto [ec2, tweet] =
            co_await c.async_request(request(twitter::http::verb::get, "/2/tweets/1293593516040269825"), tuple);
        BOOST_TEST(!ec2, ec2.message());

        auto const log = s.server.request_log();
        BOOST_TEST_REQUIRE(log.size() == 2u);
        auto authorization = [](twitter::emulator::logged_request const& r) {
            for (auto const& [name, value] : r.headers)
                if (name == "authorization") return value;
            return std::string();
        };
        BOOST_TEST(authorization(log[0]).starts_with("OAuth "));
        BOOST_TEST(authorization(log[1]).starts_with("Bearer "));
    });
}

BOOST_AUTO_TEST_CASE(signatures_cover_query_and_form_and_nonces_are_fresh) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& app = s.server.oauth1();
        auto auth = std::make_shared<twitter::oauth1_user_handler>(s.io.get_executor(), app.consumer_key,
                                                                   app.consumer_secret, app.access_token,
                                                                   app.access_token_secret);
        twitter::client c(s.io.get_executor(), auth, s.config());
        // A query with characters that need encoding: the emulator checks the signature byte for byte.
        auto req = request(twitter::http::verb::get, "/2/tweets");
        req.query = {{"ids", "1293593516040269825"}, {"tweet.fields", "created_at,author_id"}, {"x", "a b+c~*"}};
        for (int i = 0; i < 5; ++i) {
            auto [ec, res] = co_await c.async_request(req, tuple);
            BOOST_TEST(!ec, ec.message());
        }
        BOOST_TEST(s.server.stats().rejected_signatures == 0u);
        BOOST_TEST(s.server.stats().replayed_nonces == 0u);
    });
}

BOOST_AUTO_TEST_CASE(a_stale_timestamp_is_refused) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& app = s.server.oauth1();
        auto auth = std::make_shared<twitter::oauth1_user_handler>(s.io.get_executor(), app.consumer_key,
                                                                   app.consumer_secret, app.access_token,
                                                                   app.access_token_secret);
        auth->set_clock([] { return std::int64_t(1318622958); });  // 2011
        twitter::client c(s.io.get_executor(), auth, s.config());
        auto [ec, res] = co_await c.async_request(request(twitter::http::verb::get, "/2/users/me"), tuple);
        BOOST_TEST(ec == twitter::api_errc::unauthorized, ec.message());
        BOOST_TEST(s.server.stats().stale_timestamps == 1u);
    });
}

BOOST_AUTO_TEST_CASE(missing_user_credentials_fail_before_sending) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::client bearer_only(s.io.get_executor(), s.server.app_bearer_token(), s.config());
        auto [ec, res] = co_await bearer_only.async_request(post_tweet("needs user context"), tuple);
        BOOST_TEST(ec == twitter::client_errc::missing_credential);

        auto auth = consumer_only(s, callback);  // no access token yet
        twitter::client unsigned_client(s.io.get_executor(), auth, s.config());
        auto [ec2, res2] = co_await unsigned_client.async_request(post_tweet("no token"), tuple);
        BOOST_TEST(ec2 == twitter::client_errc::missing_credential);
        BOOST_TEST(s.server.stats().requests == 0u);
    });
}

BOOST_AUTO_TEST_CASE(app_only_token_is_fetched_once_for_a_thousand_requests) {
    twitter::emulator::server_config roomy;
    roomy.rate_limit_per_window = 10000;  // the point is the token fetch, not X's 900-request budget
    run_scenario(2, [](scenario s) -> asio::awaitable<void> {
        auto const& app = s.server.oauth1();
        auto auth = std::make_shared<twitter::oauth2_app_handler>(s.io.get_executor(), app.consumer_key,
                                                                  app.consumer_secret, s.config());
        twitter::client c(s.io.get_executor(), auth, s.config());
        constexpr int total = 1000;
        int ok = 0, done = 0;
        auto strand = co_await asio::this_coro::executor;
        asio::steady_timer all_done(strand, asio::steady_timer::time_point::max());
        for (int i = 0; i < total; ++i)
            c.async_request(request(twitter::http::verb::get, "/2/tweets/1293593516040269825"),
                            asio::bind_executor(strand, [&](twitter::error_code ec, twitter::http::response) {
                                ok += !ec;
                                if (++done == total) all_done.cancel();
                            }));
        co_await all_done.async_wait(tuple);
        BOOST_TEST(ok == total);
        BOOST_TEST(s.server.stats().bearer_grants == 1u);

        // Invalidated, the token is fetched anew on the next request.
        co_await auth->async_invalidate_token();
        BOOST_TEST(s.server.stats().invalidations == 1u);
        auto [ec, res] =
            co_await c.async_request(request(twitter::http::verb::get, "/2/tweets/1293593516040269825"), tuple);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(s.server.stats().bearer_grants == 2u);
    }, roomy);
}

BOOST_AUTO_TEST_CASE(wrong_consumer_secret_is_a_typed_error) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = std::make_shared<twitter::oauth2_app_handler>(s.io.get_executor(), s.server.oauth1().consumer_key,
                                                                  "wrong-secret", s.config());
        twitter::client c(s.io.get_executor(), auth, s.config());
        auto [ec, res] =
            co_await c.async_request(request(twitter::http::verb::get, "/2/tweets/1293593516040269825"), tuple);
        BOOST_TEST(ec == twitter::api_errc::forbidden, ec.message());
        BOOST_TEST(s.server.stats().bearer_grants == 0u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
