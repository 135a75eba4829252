// The code of docs/authentication.md, compiled and run against the emulator. Each snippet sits between
// `//[name` and `//]`; docs_snippets_test.cpp checks that the guide's ```cpp blocks are made of exactly these
// snippets, so the guide cannot drift from code that works.
//
// In the snippets, `ex` is the executor the client runs on and `config` the client_config (the default one
// talks to X; here it points at the emulator). Where the guide's user types something (a PIN, a redirect
// URL), the snippet calls input(), which the test answers by asking the emulator, the user's browser in this
// test.

//[auth_v1_bearer_include
#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/api.hpp>
//]
//[auth_v1_app_include
#include <twitter/auth/oauth2_app_handler.hpp>
#include <twitter/api.hpp>
//]
//[auth_v1_oauth1_include
#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/api.hpp>
//]
//[auth_v2_include
#include <twitter/client.hpp>
//]
//[auth_oauth2_include
#include <twitter/auth/oauth2_user_handler.hpp>
//]
//[auth_oauth1_include
#include <twitter/auth/oauth1_user_handler.hpp>
//]

#include "scenario.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/this_coro.hpp>

#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

namespace asio = boost::asio;
using test::get;
using test::run_scenario;
using test::scenario;

namespace {

using executor = asio::any_io_executor;
std::string const known_tweet = "/2/tweets/1293593516040269825";
std::string const callback = "http://127.0.0.1/callback";

// ---- the user at the browser
// ----------------------------------------------------------------------------------

// What the emulator answers when the user opens an authorization URL: a 302 to the callback, or the PIN page.
struct page {
    unsigned status = 0;
    std::string location;
    std::string body;
};

// The test's stand-in for the person who reads what the program printed and opens it in a browser.
struct user_at_browser {
    twitter::client_config config;
    std::string last_printed;  // the last line the snippet printed: an authorization URL

    asio::awaitable<page> open(std::string const& url) {
        auto const ex = co_await asio::this_coro::executor;
        twitter::client browser(ex, config);
        twitter::http::request req = get(url);
        req.auth = twitter::http::auth_mode::none;
        // A redirect is not a success for the client: it comes back as unexpected_status, with the response.
        auto [ec, res] = co_await browser.async_request(req, asio::as_tuple(asio::deferred));
        BOOST_TEST_REQUIRE((!ec || ec == twitter::api_errc::unexpected_status), ec.message());
        page p;
        p.status = res.status;
        p.location = std::string(res.find_header("location").value_or(""));
        p.body = res.body;
        co_return p;
    }
};

user_at_browser* the_user = nullptr;

std::string query_value(std::string const& url, std::string const& name) {
    auto const start = url.find(name + "=", url.find('?'));
    if (start == std::string::npos) return {};
    auto const value = url.substr(start + name.size() + 1);
    return value.substr(0, value.find('&'));
}

std::string pin_in(std::string const& html) {
    auto const open = html.find("<code>");
    auto const close = html.find("</code>");
    if (open == std::string::npos || close == std::string::npos || close < open) return {};
    return html.substr(open + 6, close - open - 6);
}

// The guide's input(): the user opens the URL the program printed, then types the PIN they are shown, or
// pastes the URL their browser was redirected to.
asio::awaitable<std::string> input(std::string_view prompt) {
    BOOST_TEST_REQUIRE(the_user != nullptr);
    BOOST_TEST_MESSAGE(prompt);
    page const p = co_await the_user->open(the_user->last_printed);
    if (p.status == 302) co_return p.location;
    std::string const pin = pin_in(p.body);
    BOOST_TEST(!pin.empty(), "the authorization page shows no PIN");
    co_return pin;
}

// The oauth_verifier of the callback the user is redirected to after approving `url`.
asio::awaitable<std::string> verifier_after_approving(std::string const& url) {
    page const p = co_await the_user->open(url);
    BOOST_TEST(p.status == 302u);
    BOOST_TEST(p.location.starts_with(callback + "?"), p.location);
    co_return query_value(p.location, "oauth_verifier");
}

// Captures std::cout while a snippet prints, and keeps its last line as what the user saw.
class printed_line {
public:
    printed_line() : old_(std::cout.rdbuf(text_.rdbuf())) {}
    ~printed_line() { std::cout.rdbuf(old_); }
    std::string take() {
        std::cout.rdbuf(old_);
        std::string line = text_.str();
        while (!line.empty() && line.back() == '\n') line.pop_back();
        line = line.substr(line.rfind('\n') == std::string::npos ? 0 : line.rfind('\n') + 1);
        if (the_user) the_user->last_printed = line;
        return line;
    }

private:
    std::ostringstream text_;
    std::streambuf* old_;
};

// Sets the_user for the duration of one scenario.
struct user_scope {
    user_at_browser user;
    explicit user_scope(twitter::client_config cfg) : user{std::move(cfg), {}} { the_user = &user; }
    ~user_scope() { the_user = nullptr; }
};

// Either a twitter::client or a twitter::api.
template <class Client>
asio::awaitable<twitter::http::response> get_me(Client& c) {
    twitter::http::request req = get("/2/users/me");
    req.auth = twitter::http::auth_mode::user;
    co_return co_await c.async_request(req);
}

// ---- Twitter API v1.1
// ----------------------------------------------------------------------------------------

twitter::api v1_bearer(executor ex, twitter::client_config const& config,
                          std::string const& bearer_token) {
    //[auth_v1_bearer
    auto auth = std::make_shared<twitter::oauth2_bearer_handler>(bearer_token);
    twitter::api api(ex, auth, config);
    //]
    return api;
}

twitter::api v1_app(executor ex, twitter::client_config const& config, std::string const& consumer_key,
                       std::string const& consumer_secret) {
    //[auth_v1_app
    auto auth = std::make_shared<twitter::oauth2_app_handler>(ex, consumer_key, consumer_secret, config);
    twitter::api api(ex, auth, config);
    //]
    return api;
}

twitter::api v1_oauth1(executor ex, twitter::client_config const& config, std::string const& consumer_key,
                          std::string const& consumer_secret, std::string const& access_token,
                          std::string const& access_token_secret) {
    //[auth_v1_oauth1
    auto auth = std::make_shared<twitter::oauth1_user_handler>(ex, consumer_key, consumer_secret,
                                                               access_token, access_token_secret, "", config);
    twitter::api api(ex, auth, config);
    //]
    return api;
}

// ---- Twitter API v2
// ------------------------------------------------------------------------------------------

twitter::client v2_bearer(executor ex, twitter::client_config const& config,
                          std::string const& bearer_token) {
    //[auth_v2_bearer
    twitter::client client(ex, bearer_token, config);
    //]
    return client;
}

twitter::client v2_oauth1(executor ex, twitter::client_config const& config, std::string const& consumer_key,
                          std::string const& consumer_secret, std::string const& access_token,
                          std::string const& access_token_secret) {
    //[auth_v2_oauth1
    twitter::client_credentials credentials;
    credentials.consumer_key = consumer_key;
    credentials.consumer_secret = consumer_secret;
    credentials.access_token = access_token;
    credentials.access_token_secret = access_token_secret;
    twitter::client client(ex, credentials, config);
    //]
    return client;
}

std::shared_ptr<twitter::oauth2_user_handler> oauth2_handler(executor ex,
                                                             twitter::client_config const& config,
                                                             std::string const& client_id,
                                                             std::string const& redirect_uri,
                                                             std::string const& client_secret) {
    //[auth_oauth2_user_handler
    twitter::oauth2_user_params params;
    params.client_id = client_id;
    params.redirect_uri = redirect_uri;
    params.scope = {"tweet.read", "users.read", "offline.access"};
    // The client secret is only necessary if you use a confidential client
    params.client_secret = client_secret;
    auto oauth2_user_handler = std::make_shared<twitter::oauth2_user_handler>(ex, params, config);
    //]
    return oauth2_user_handler;
}

void oauth2_print_authorization_url(
    std::shared_ptr<twitter::oauth2_user_handler> const& oauth2_user_handler) {
    //[auth_oauth2_authorization_url
    std::cout << oauth2_user_handler->get_authorization_url() << '\n';
    //]
}

asio::awaitable<std::string> oauth2_fetch_token(
    std::shared_ptr<twitter::oauth2_user_handler> const& oauth2_user_handler) {
    //[auth_oauth2_fetch_token
    std::string authorization_response_url = co_await input("Authorization Response URL: ");
    twitter::oauth2_token response =
        co_await oauth2_user_handler->async_fetch_token(authorization_response_url);
    std::string access_token = response.access_token;
    //]
    co_return access_token;
}

twitter::client oauth2_client(executor ex, twitter::client_config const& config,
                              std::string const& access_token) {
    //[auth_oauth2_client
    twitter::client client(ex, access_token, config);
    //]
    return client;
}

// ---- 3-legged OAuth
// --------------------------------------------------------------------------------------------

std::shared_ptr<twitter::oauth1_user_handler> three_legged_handler(executor ex,
                                                                   twitter::client_config const& config,
                                                                   std::string const& consumer_key,
                                                                   std::string const& consumer_secret,
                                                                   std::string const& callback) {
    //[auth_3legged_handler
    auto oauth1_user_handler = std::make_shared<twitter::oauth1_user_handler>(
        ex, consumer_key, consumer_secret, "", "", callback, config);
    //]
    return oauth1_user_handler;
}

asio::awaitable<void> oauth1_print_authorization_url(
    std::shared_ptr<twitter::oauth1_user_handler> const& oauth1_user_handler) {
    //[auth_oauth1_authorization_url
    std::string authorization_url = co_await oauth1_user_handler->async_get_authorization_url();
    std::cout << authorization_url << '\n';
    //]
}

asio::awaitable<void> oauth1_print_signin_url(
    std::shared_ptr<twitter::oauth1_user_handler> const& oauth1_user_handler) {
    //[auth_oauth1_signin_url
    std::string authorization_url =
        co_await oauth1_user_handler->async_get_authorization_url(/*signin_with_twitter=*/true);
    std::cout << authorization_url << '\n';
    //]
}

asio::awaitable<std::pair<std::string, std::string>> three_legged_access_token(
    std::shared_ptr<twitter::oauth1_user_handler> const& oauth1_user_handler, std::string const& verifier) {
    //[auth_3legged_access_token
    auto [access_token, access_token_secret, user_id, screen_name] =
        co_await oauth1_user_handler->async_get_access_token(verifier);
    //]
    co_return std::pair(access_token, access_token_secret);
}

asio::awaitable<std::pair<std::string, std::string>> three_legged_reinitialized(
    executor ex, twitter::client_config const& config, std::string const& consumer_key,
    std::string const& consumer_secret, std::string const& callback,
    std::shared_ptr<twitter::oauth1_user_handler> const& oauth1_user_handler, std::string const& verifier) {
    //[auth_3legged_reinitialize
    std::string request_token = oauth1_user_handler->request_token().token;
    std::string request_secret = oauth1_user_handler->request_token().secret;

    auto new_oauth1_user_handler = std::make_shared<twitter::oauth1_user_handler>(
        ex, consumer_key, consumer_secret, "", "", callback, config);
    twitter::oauth1_token saved;
    saved.token = request_token;
    saved.secret = request_secret;
    new_oauth1_user_handler->set_request_token(saved);

    auto [access_token, access_token_secret, user_id, screen_name] =
        co_await new_oauth1_user_handler->async_get_access_token(verifier);
    //]
    co_return std::pair(access_token, access_token_secret);
}

twitter::api three_legged_api(executor ex, twitter::client_config const& config,
                                 std::shared_ptr<twitter::oauth1_user_handler> const& oauth1_user_handler) {
    //[auth_3legged_api
    twitter::api api(ex, oauth1_user_handler, config);
    //]
    return api;
}

// ---- PIN-based OAuth
// -------------------------------------------------------------------------------------------

std::shared_ptr<twitter::oauth1_user_handler> pin_handler(executor ex, twitter::client_config const& config,
                                                          std::string const& consumer_key,
                                                          std::string const& consumer_secret) {
    //[auth_pin_handler
    auto oauth1_user_handler = std::make_shared<twitter::oauth1_user_handler>(
        ex, consumer_key, consumer_secret, "", "", "oob", config);
    //]
    return oauth1_user_handler;
}

asio::awaitable<std::pair<std::string, std::string>> pin_access_token(
    std::shared_ptr<twitter::oauth1_user_handler> const& oauth1_user_handler) {
    //[auth_pin_access_token
    std::string verifier = co_await input("Input PIN: ");
    auto [access_token, access_token_secret, user_id, screen_name] =
        co_await oauth1_user_handler->async_get_access_token(verifier);
    //]
    co_return std::pair(access_token, access_token_secret);
}

// ---- the flows, end to end
// -------------------------------------------------------------------------------------

asio::awaitable<void> pkce_flow(scenario s, twitter::emulator::oauth2_client const& registered) {
    user_scope user(s.config());
    auto const ex = s.io.get_executor();
    auto handler = oauth2_handler(ex, s.config(), registered.client_id, registered.redirect_uri,
                                  registered.client_secret);

    printed_line printed;
    oauth2_print_authorization_url(handler);
    std::string const url = printed.take();
    BOOST_TEST(url.starts_with(s.server.base_url() + "/i/oauth2/authorize?"), url);
    BOOST_TEST(url.find("code_challenge_method=S256") != std::string::npos);
    BOOST_TEST(url.find("client_id=" + registered.client_id) != std::string::npos);
    BOOST_TEST(handler->session().scope.size() == 3u);
    BOOST_TEST(url.find("state=" + handler->session().state) != std::string::npos);

    std::string const access_token = co_await oauth2_fetch_token(handler);
    BOOST_TEST(!access_token.empty());
    BOOST_TEST(s.server.stats().authorization_code_grants == 1u);

    // A token passed as a string serves automatic (bearer) requests: Tweepy's user_auth=False.
    auto client = oauth2_client(ex, s.config(), access_token);
    auto me = co_await client.async_request(get("/2/users/me"));
    BOOST_TEST(me.body.find(s.server.default_user_id()) != std::string::npos, me.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(authentication_guide)

BOOST_AUTO_TEST_CASE(v1_bearer_token_handler) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = v1_bearer(s.io.get_executor(), s.config(), s.server.app_bearer_token());
        auto res = co_await api.async_request(get(known_tweet));
        BOOST_TEST(res.status == 200u);
    });
}

BOOST_AUTO_TEST_CASE(v1_app_handler_from_consumer_key_and_secret) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& app = s.server.oauth1();
        auto api = v1_app(s.io.get_executor(), s.config(), app.consumer_key, app.consumer_secret);
        auto res = co_await api.async_request(get(known_tweet));
        BOOST_TEST(res.status == 200u);
        co_await api.async_request(get(known_tweet));
        BOOST_TEST(s.server.stats().bearer_grants == 1u);
    });
}

BOOST_AUTO_TEST_CASE(v1_oauth1_user_handler_with_four_credentials) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& c = s.server.oauth1();
        auto api = v1_oauth1(s.io.get_executor(), s.config(), c.consumer_key, c.consumer_secret,
                             c.access_token, c.access_token_secret);
        auto res = co_await api.async_verify_credentials();
        BOOST_TEST(res.data.id == s.server.default_user_id(), res.raw_json);
    });
}

BOOST_AUTO_TEST_CASE(v2_client_with_bearer_token) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto client = v2_bearer(s.io.get_executor(), s.config(), s.server.app_bearer_token());
        auto res = co_await client.async_request(get(known_tweet));
        BOOST_TEST(res.status == 200u);
    });
}

BOOST_AUTO_TEST_CASE(v2_client_with_four_credentials) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const& c = s.server.oauth1();
        auto client = v2_oauth1(s.io.get_executor(), s.config(), c.consumer_key, c.consumer_secret,
                                c.access_token, c.access_token_secret);
        auto me = co_await get_me(client);
        BOOST_TEST(me.body.find(s.server.default_user_id()) != std::string::npos, me.body);
    });
}

BOOST_AUTO_TEST_CASE(oauth2_pkce_with_a_public_client) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        co_await pkce_flow(s, s.server.oauth2_public_client());
    });
}

BOOST_AUTO_TEST_CASE(oauth2_pkce_with_a_confidential_client) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        BOOST_TEST_REQUIRE(!s.server.oauth2_confidential_client().client_secret.empty());
        co_await pkce_flow(s, s.server.oauth2_confidential_client());
    });
}

BOOST_AUTO_TEST_CASE(three_legged_oauth_with_a_callback) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        user_scope user(s.config());
        auto const ex = s.io.get_executor();
        auto const& app = s.server.oauth1();
        auto handler = three_legged_handler(ex, s.config(), app.consumer_key, app.consumer_secret, callback);

        printed_line printed;
        co_await oauth1_print_authorization_url(handler);
        std::string const url = printed.take();
        BOOST_TEST(url.starts_with(s.server.base_url() + "/oauth/authorize?oauth_token="), url);

        std::string const verifier = co_await verifier_after_approving(url);
        BOOST_TEST_REQUIRE(!verifier.empty());
        auto const [access_token, access_token_secret] =
            co_await three_legged_access_token(handler, verifier);
        BOOST_TEST(!access_token.empty());
        BOOST_TEST(!access_token_secret.empty());

        // The same handler now signs requests as the user...
        auto api = three_legged_api(ex, s.config(), handler);
        auto me = co_await get_me(api);
        BOOST_TEST(me.body.find(s.server.default_user_id()) != std::string::npos, me.body);

        // ...and so do a new handler and a client made from the saved token and secret.
        auto again = v1_oauth1(ex, s.config(), app.consumer_key, app.consumer_secret, access_token,
                               access_token_secret);
        auto me_again = co_await get_me(again);
        BOOST_TEST(me_again.status == 200u);
        auto client = v2_oauth1(ex, s.config(), app.consumer_key, app.consumer_secret, access_token,
                                access_token_secret);
        auto me_client = co_await get_me(client);
        BOOST_TEST(me_client.status == 200u);
        BOOST_TEST(s.server.stats().oauth1_access_grants == 1u);
    });
}

BOOST_AUTO_TEST_CASE(sign_in_with_twitter_and_a_reinitialized_handler) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        user_scope user(s.config());
        auto const ex = s.io.get_executor();
        auto const& app = s.server.oauth1();
        auto handler = three_legged_handler(ex, s.config(), app.consumer_key, app.consumer_secret, callback);

        printed_line printed;
        co_await oauth1_print_signin_url(handler);
        std::string const url = printed.take();
        BOOST_TEST(url.starts_with(s.server.base_url() + "/oauth/authenticate?oauth_token="), url);

        std::string const verifier = co_await verifier_after_approving(url);
        auto const [access_token, access_token_secret] = co_await three_legged_reinitialized(
            ex, s.config(), app.consumer_key, app.consumer_secret, callback, handler, verifier);
        BOOST_TEST(!access_token.empty());

        auto api = v1_oauth1(ex, s.config(), app.consumer_key, app.consumer_secret, access_token,
                             access_token_secret);
        auto me = co_await get_me(api);
        BOOST_TEST(me.body.find(s.server.default_user_id()) != std::string::npos, me.body);
    });
}

BOOST_AUTO_TEST_CASE(pin_based_oauth) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        user_scope user(s.config());
        auto const ex = s.io.get_executor();
        auto const& app = s.server.oauth1();
        auto handler = pin_handler(ex, s.config(), app.consumer_key, app.consumer_secret);

        printed_line printed;
        co_await oauth1_print_authorization_url(handler);
        BOOST_TEST(printed.take().starts_with(s.server.base_url() + "/oauth/authorize?oauth_token="));

        auto const [access_token, access_token_secret] = co_await pin_access_token(handler);
        BOOST_TEST(!access_token.empty());
        BOOST_TEST(!access_token_secret.empty());

        auto api = three_legged_api(ex, s.config(), handler);
        auto me = co_await get_me(api);
        BOOST_TEST(me.body.find(s.server.default_user_id()) != std::string::npos, me.body);
    });
}

BOOST_AUTO_TEST_SUITE_END()
