#include <twitter/auth/oauth2_user_handler.hpp>

#include "auth_flow_support.hpp"
#include "print_error_enums.hpp"
#include "scenario.hpp"

#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>

namespace asio = boost::asio;
using test::run_scenario;
using test::scenario;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);

std::shared_ptr<twitter::oauth2_user_handler> pkce_handler(scenario const& s, twitter::emulator::oauth2_client const& app,
                                                           std::vector<std::string> scope = {
                                                               "tweet.read", "tweet.write", "users.read",
                                                               "offline.access"}) {
    twitter::oauth2_user_params params;
    params.client_id = app.client_id;
    params.client_secret = app.client_secret;
    params.redirect_uri = app.redirect_uri;
    params.scope = std::move(scope);
    return std::make_shared<twitter::oauth2_user_handler>(s.io.get_executor(), std::move(params), s.config());
}

twitter::http::request get_me() {
    twitter::http::request req;
    req.target = "/2/users/me";
    req.auth = twitter::http::auth_mode::user;
    return req;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_oauth2_flows)

BOOST_AUTO_TEST_CASE(public_client_flow_gives_a_refreshable_user_token) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = pkce_handler(s, s.server.oauth2_public_client());
        std::string const url = auth->get_authorization_url();
        BOOST_TEST(url.starts_with(s.server.base_url() + "/i/oauth2/authorize?"));
        BOOST_TEST(test::query_value(url, "code_challenge_method") == "S256");

        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, url);
        BOOST_TEST_REQUIRE(location.starts_with(s.server.oauth2_public_client().redirect_uri + "?"));
        twitter::oauth2_token const token = co_await auth->async_fetch_token(location);
        BOOST_TEST(!token.access_token.empty());
        BOOST_TEST(!token.refresh_token.empty());
        BOOST_TEST(token.scope.find("offline.access") != std::string::npos);
        BOOST_TEST(s.server.stats().authorization_code_grants == 1u);

        twitter::client c(s.io.get_executor(), auth, s.config());
        twitter::http::response me = co_await c.async_request(get_me());
        BOOST_TEST(me.body.find(s.server.default_user_id()) != std::string::npos);

        // The public client proved itself with client_id in the body, never with a secret.
        for (auto const& r : s.server.request_log())
            if (r.target == "/2/oauth2/token") {
                BOOST_TEST(r.body.find("client_id=") != std::string::npos);
                BOOST_TEST(r.body.find("code_verifier=") != std::string::npos);
            }
    });
}

BOOST_AUTO_TEST_CASE(confidential_client_authenticates_with_basic) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& app = s.server.oauth2_confidential_client();
        BOOST_TEST_REQUIRE(!app.client_secret.empty());
        auto auth = pkce_handler(s, app);
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        co_await auth->async_fetch_token(location);
        bool basic = false;
        for (auto const& r : s.server.request_log())
            if (r.target == "/2/oauth2/token")
                for (auto const& [name, value] : r.headers)
                    if (name == "authorization") basic = value.starts_with("Basic ");
        BOOST_TEST(basic);
        BOOST_TEST(s.server.stats().authorization_code_grants == 1u);
    });
}

BOOST_AUTO_TEST_CASE(state_mismatch_is_rejected_before_the_token_request) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = pkce_handler(s, s.server.oauth2_public_client());
        twitter::client browser(s.io.get_executor(), s.config());
        std::string location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        std::string const state = test::query_value(location, "state");
        BOOST_TEST_REQUIRE(!state.empty());
        location.replace(location.find(state), state.size(), "forged-state");
        twitter::diagnostics diag;
        auto [ec, token] = co_await auth->async_fetch_token(location, tuple);
        BOOST_TEST(ec == twitter::auth_errc::state_mismatch);
        BOOST_TEST(s.server.stats().authorization_code_grants == 0u);
        BOOST_TEST(s.server.stats().invalid_grants == 0u);
    });
}

BOOST_AUTO_TEST_CASE(denied_consent_is_its_own_error) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.set_consent(false);
        auto auth = pkce_handler(s, s.server.oauth2_public_client());
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        auto [ec, token] = co_await auth->async_fetch_token(location, tuple);
        BOOST_TEST(ec == twitter::auth_errc::access_denied);
    });
}

BOOST_AUTO_TEST_CASE(a_callback_for_another_redirect_uri_is_rejected) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = pkce_handler(s, s.server.oauth2_public_client());
        twitter::client browser(s.io.get_executor(), s.config());
        std::string location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        location.replace(0, location.find('?'), "http://127.0.0.1/elsewhere");
        auto [ec, token] = co_await auth->async_fetch_token(location, tuple);
        BOOST_TEST(ec == twitter::auth_errc::redirect_mismatch);
    });
}

BOOST_AUTO_TEST_CASE(a_code_is_used_once) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = pkce_handler(s, s.server.oauth2_public_client());
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        twitter::pkce_session const session = auth->session();
        co_await auth->async_fetch_token(location);

        auth->restore_session(session);  // replay the same callback
        twitter::diagnostics diag;
        auto [ec, token] = co_await auth->async_fetch_token(location, tuple);
        BOOST_TEST(ec == twitter::api_errc::bad_request, ec.message());
        BOOST_TEST(s.server.stats().invalid_grants == 1u);
    });
}

BOOST_AUTO_TEST_CASE(a_wrong_verifier_is_rejected) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = pkce_handler(s, s.server.oauth2_public_client());
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        twitter::pkce_session session = auth->session();
        session.code_verifier = std::string(64, 'a');
        auth->restore_session(session);
        auto [ec, token] = co_await auth->async_fetch_token(location, tuple);
        BOOST_TEST(ec == twitter::api_errc::bad_request, ec.message());
        BOOST_TEST(s.server.stats().pkce_failures == 1u);
    });
}

BOOST_AUTO_TEST_CASE(another_process_can_handle_the_callback) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto first = pkce_handler(s, s.server.oauth2_public_client());
        std::string const url = first->get_authorization_url();
        std::string const saved = first->session().serialize();

        auto second = pkce_handler(s, s.server.oauth2_public_client());
        twitter::pkce_session session;
        BOOST_TEST_REQUIRE(twitter::pkce_session::deserialize(saved, session));
        second->restore_session(session);
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, url);
        twitter::oauth2_token const token = co_await second->async_fetch_token(location);
        BOOST_TEST(!token.access_token.empty());
    });
}

BOOST_AUTO_TEST_CASE(revoked_token_is_forgotten_and_refused) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = pkce_handler(s, s.server.oauth2_public_client());
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        twitter::oauth2_token const token = co_await auth->async_fetch_token(location);
        co_await auth->async_revoke_token();
        BOOST_TEST(s.server.stats().revocations == 1u);
        BOOST_TEST(!auth->token().has_value());

        // The old access token no longer works anywhere.
        twitter::client stale(s.io.get_executor(),
                              std::make_shared<twitter::oauth2_bearer_handler>(token.access_token,
                                                                               twitter::auth_scheme::user_bearer),
                              s.config());
        auto [ec, res] = co_await stale.async_request(get_me(), tuple);
        BOOST_TEST(ec == twitter::api_errc::unauthorized, ec.message());
    });
}

BOOST_AUTO_TEST_CASE(a_token_without_the_scope_gets_403_and_no_refresh) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = pkce_handler(s, s.server.oauth2_public_client(), {"tweet.read", "users.read", "offline.access"});
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        co_await auth->async_fetch_token(location);
        twitter::client c(s.io.get_executor(), auth, s.config());
        twitter::http::request post;
        post.method = twitter::http::verb::post;
        post.target = "/2/tweets";
        post.kind = twitter::http::body_kind::json;
        post.body = R"({"text":"no tweet.write scope"})";
        auto [ec, res] = co_await c.async_request(std::move(post), tuple);
        BOOST_TEST(ec == twitter::api_errc::forbidden, ec.message());
        BOOST_TEST(s.server.stats().refresh_grants == 0u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
