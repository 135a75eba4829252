// The client-side points of the OAuth 2.0 Security Best Current Practice (RFC 9700) that no other suite checks
// end to end. docs/security.md maps every point to the test that checks it.

#include "auth_flow_support.hpp"
#include "print_error_enums.hpp"
#include "scenario.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_app_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>

#include <sstream>

namespace asio = boost::asio;
using test::run_scenario;
using test::scenario;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);

twitter::oauth2_user_params confidential_pkce_params(scenario const& s) {
    auto const& app = s.server.oauth2_confidential_client();
    twitter::oauth2_user_params params;
    params.client_id = app.client_id;
    params.client_secret = app.client_secret;
    params.redirect_uri = app.redirect_uri;
    params.scope = {"tweet.read", "users.read", "offline.access"};
    return params;
}

std::shared_ptr<twitter::oauth2_user_handler> confidential_pkce_handler(scenario const& s,
                                                                        twitter::client_config cfg) {
    return std::make_shared<twitter::oauth2_user_handler>(s.io.get_executor(), confidential_pkce_params(s),
                                                          std::move(cfg));
}

twitter::http::request get_me() {
    twitter::http::request req;
    req.target = "/2/users/me";
    req.auth = twitter::http::auth_mode::user;
    return req;
}

// The config of a client whose peer verification has only the system roots, which do not know the emulator.
twitter::client_config without_the_emulator_ca(scenario const& s) {
    auto cfg = s.config();
    cfg.tls.ca_pem.clear();
    cfg.tls.use_system_roots = true;
    return cfg;
}

std::size_t requests_to(scenario const& s, std::string const& path) {
    std::size_t n = 0;
    for (auto const& r : s.server.request_log())
        if (r.target == path) ++n;
    return n;
}

std::string percent_decoded(std::string const& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_bcp)

// RFC 9700, 2.1.1 and 2.1.2: the code flow only, with an S256 challenge that does not reveal the verifier, a
// fresh state and verifier for every flow, and the exact registered redirect URI.
BOOST_AUTO_TEST_CASE(authorization_request_is_the_code_flow_with_s256_and_fresh_secrets) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = confidential_pkce_handler(s, s.config());
        std::string const first = auth->get_authorization_url();
        twitter::pkce_session const first_session = auth->session();
        std::string const second = auth->get_authorization_url();
        twitter::pkce_session const second_session = auth->session();

        BOOST_TEST(test::query_value(first, "response_type") == "code");
        BOOST_TEST(test::query_value(first, "code_challenge_method") == "S256");
        BOOST_TEST(test::query_value(first, "code_challenge").size() == 43u);
        BOOST_TEST(percent_decoded(test::query_value(first, "redirect_uri")) ==
                   s.server.oauth2_confidential_client().redirect_uri);
        BOOST_TEST(test::query_value(first, "state") == first_session.state);
        BOOST_TEST(first.find(first_session.code_verifier) == std::string::npos);
        BOOST_TEST(first.find(s.server.oauth2_confidential_client().client_secret) == std::string::npos);

        BOOST_TEST(first_session.state != second_session.state);
        BOOST_TEST(first_session.code_verifier != second_session.code_verifier);
        BOOST_TEST(test::query_value(first, "code_challenge") != test::query_value(second, "code_challenge"));
        co_return;
    });
}

// RFC 9700, 4.5: a code stolen from one flow and injected into another, with that flow's own state, is refused
// because the verifier it is redeemed with is not the one its challenge was made from.
BOOST_AUTO_TEST_CASE(an_injected_authorization_code_is_refused_by_pkce) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::client browser(s.io.get_executor(), s.config());
        auto attacker = confidential_pkce_handler(s, s.config());
        std::string const stolen = co_await test::open_in_browser(browser, attacker->get_authorization_url());
        std::string const code = test::query_value(stolen, "code");
        BOOST_TEST_REQUIRE(!code.empty());

        auto victim = confidential_pkce_handler(s, s.config());
        std::string const victim_url = victim->get_authorization_url();
        std::string const injected = s.server.oauth2_confidential_client().redirect_uri + "?state=" +
                                     test::query_value(victim_url, "state") + "&code=" + code;
        auto [ec, token] = co_await victim->async_fetch_token(injected, tuple);
        BOOST_TEST(ec == twitter::api_errc::bad_request, ec.message());
        BOOST_TEST(s.server.stats().pkce_failures == 1u);
        BOOST_TEST(s.server.stats().authorization_code_grants == 0u);
        BOOST_TEST(!victim->token().has_value());
    });
}

// RFC 9700, 4.3.2 (and RFC 6750, 2.3 and 5.3): tokens and secrets go in headers and form bodies, never in a
// request URL, whatever the credential and whatever the step: code exchange, calls, refresh, revocation.
BOOST_AUTO_TEST_CASE(tokens_and_secrets_never_travel_in_a_url) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        std::vector<twitter::oauth2_token> issued;
        auto const& app = s.server.oauth2_confidential_client();
        twitter::oauth2_user_params params = confidential_pkce_params(s);
        params.token_updater = [&issued](twitter::oauth2_token const& t) { issued.push_back(t); };
        auto user = std::make_shared<twitter::oauth2_user_handler>(s.io.get_executor(), params, s.config());

        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, user->get_authorization_url());
        std::string const verifier = user->session().code_verifier;
        twitter::oauth2_token const first = co_await user->async_fetch_token(location);
        twitter::client user_client(s.io.get_executor(), user, s.config());
        co_await user_client.async_request(get_me());
        twitter::oauth2_token const second = co_await user->async_refresh_token();
        co_await user_client.async_request(get_me());

        auto const& keys = s.server.oauth1();
        auto app_only = std::make_shared<twitter::oauth2_app_handler>(s.io.get_executor(), keys.consumer_key,
                                                                      keys.consumer_secret, s.config());
        twitter::client app_client(s.io.get_executor(), app_only, s.config());
        co_await app_client.async_request(test::get("/2/tweets/20"));

        auto signer = std::make_shared<twitter::oauth1_user_handler>(s.io.get_executor(), keys.consumer_key,
                                                                     keys.consumer_secret, keys.access_token,
                                                                     keys.access_token_secret, "", s.config());
        twitter::client signed_client(s.io.get_executor(), signer, s.config());
        co_await signed_client.async_request(get_me());
        co_await user->async_revoke_token();

        std::vector<std::string> const secrets = {first.access_token,   first.refresh_token,    second.access_token,
                                                  second.refresh_token, app.client_secret,      verifier,
                                                  keys.consumer_secret, keys.access_token_secret};
        for (auto const& secret : secrets) BOOST_TEST_REQUIRE(!secret.empty());
        std::size_t bodies_with_a_refresh_token = 0;
        for (auto const& r : s.server.request_log()) {
            for (auto const& secret : secrets) BOOST_TEST(r.target.find(secret) == std::string::npos, r.target);
            BOOST_TEST(r.target.find("access_token=") == std::string::npos, r.target);
            if (r.body.find(first.refresh_token) != std::string::npos) ++bodies_with_a_refresh_token;
        }
        // The first refresh token went out once in a body (the refresh); the second once (the revocation).
        BOOST_TEST(bodies_with_a_refresh_token == 1u);
        BOOST_TEST(first.refresh_token != second.refresh_token);  // rotated (RFC 9700, 4.14.2)
        BOOST_TEST(issued.size() == 2u);
        BOOST_TEST(s.server.stats().revocations == 1u);
    });
}

// RFC 9700, 2.6 and 4.12 (and RFC 6749, 10.9): the token endpoint is verified like every other host, and there
// is no setting that turns verification off. A code, client secret or refresh token never reaches a server
// that the roots do not vouch for.
BOOST_AUTO_TEST_CASE(token_requests_verify_the_server_certificate) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto auth = confidential_pkce_handler(s, without_the_emulator_ca(s));
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const location = co_await test::open_in_browser(browser, auth->get_authorization_url());
        auto [ec, token] = co_await auth->async_fetch_token(location, tuple);
        BOOST_TEST(ec == twitter::transport_errc::certificate_untrusted, ec.message());

        twitter::oauth2_token stale;
        stale.access_token = "stale-access";
        stale.refresh_token = "stale-refresh";
        stale.expires_at = std::chrono::system_clock::now() - std::chrono::hours(1);
        auth->set_token(stale);
        auto [refresh_ec, refreshed] = co_await auth->async_refresh_token(tuple);
        BOOST_TEST(refresh_ec == twitter::transport_errc::certificate_untrusted, refresh_ec.message());

        auto const& keys = s.server.oauth1();
        auto app_only = std::make_shared<twitter::oauth2_app_handler>(s.io.get_executor(), keys.consumer_key,
                                                                      keys.consumer_secret,
                                                                      without_the_emulator_ca(s));
        twitter::client app_client(s.io.get_executor(), app_only, s.config());
        auto [app_ec, res] = co_await app_client.async_request(test::get("/2/tweets/20"), tuple);
        BOOST_TEST(app_ec == twitter::transport_errc::certificate_untrusted, app_ec.message());

        BOOST_TEST(requests_to(s, "/2/oauth2/token") == 0u);
        BOOST_TEST(requests_to(s, "/oauth2/token") == 0u);
        BOOST_TEST(s.server.stats().authorization_code_grants == 0u);
    });
}

// RFC 9700, 2.6 (end-to-end TLS): a token endpoint given as plaintext http:// is refused before anything is
// sent, as for every other request.
BOOST_AUTO_TEST_CASE(a_plaintext_token_endpoint_is_refused) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto cfg = s.config();
        cfg.hosts = twitter::endpoints::at(s.server.plain_base_url());
        auto auth = confidential_pkce_handler(s, cfg);
        twitter::client browser(s.io.get_executor(), s.config());
        std::string const url = auth->get_authorization_url();
        std::string const on_tls = s.server.base_url() + url.substr(url.find("/i/oauth2/authorize"));
        std::string const location = co_await test::open_in_browser(browser, on_tls);
        BOOST_TEST_REQUIRE(!test::query_value(location, "code").empty());
        auto [ec, token] = co_await auth->async_fetch_token(location, tuple);
        BOOST_TEST(ec == twitter::client_errc::insecure_scheme_refused, ec.message());
        BOOST_TEST(s.server.stats().plain_connections == 0u);
    });
}

// Tokens never appear in error text: not in diagnostics, not in an exception's what(), not in operator<<.
BOOST_AUTO_TEST_CASE(secrets_stay_out_of_errors_and_diagnostics) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        std::string const unknown = "unknown-access-token-d41d8cd98f00b204";
        twitter::client c(s.io.get_executor(),
                          std::make_shared<twitter::oauth2_bearer_handler>(unknown, twitter::auth_scheme::user_bearer),
                          s.config());
        twitter::diagnostics diag;
        auto [ec, res] = co_await c.async_request(get_me(), diag, tuple);
        BOOST_TEST(ec == twitter::api_errc::unauthorized, ec.message());
        std::ostringstream printed;
        printed << diag << ' ' << ec.message();
        BOOST_TEST(printed.str().find(unknown) == std::string::npos, printed.str());

        std::string what;
        try {
            co_await c.async_request(get_me());
        } catch (twitter::unauthorized const& e) {
            what = e.what();
        }
        BOOST_TEST(!what.empty());
        BOOST_TEST(what.find(unknown) == std::string::npos, what);

        auto auth = confidential_pkce_handler(s, s.config());
        twitter::oauth2_token dead;
        dead.access_token = "dead-access-6f1ed002ab5595859014";
        dead.refresh_token = "dead-refresh-7b8b965ad4bca0e41ab5";
        dead.expires_at = std::chrono::system_clock::now() - std::chrono::hours(1);
        auth->set_token(dead);
        twitter::client user_client(s.io.get_executor(), auth, s.config());
        twitter::diagnostics refresh_diag;
        auto [refresh_ec, refresh_res] = co_await user_client.async_request(get_me(), refresh_diag, tuple);
        BOOST_TEST(refresh_ec == twitter::auth_errc::reauthorization_required, refresh_ec.message());
        std::ostringstream refresh_printed;
        refresh_printed << refresh_diag << ' ' << refresh_ec.message() << ' ' << *auth;
        for (auto const& secret : {dead.access_token, dead.refresh_token,
                                   s.server.oauth2_confidential_client().client_secret})
            BOOST_TEST(refresh_printed.str().find(secret) == std::string::npos, refresh_printed.str());
    });
}

BOOST_AUTO_TEST_SUITE_END()
