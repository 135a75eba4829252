// `twitter-cli demo`: starts the X API emulator in this process (on the same io_context) and walks through
// every authentication flow of docs/authentication.md, then the transport features, printing each step. The
// emulator plays the user's browser too: a GET of the authorization URL answers what the user would see, a
// 302 to the callback (read from the Location header) or the PIN page. It never prints a token or a secret,
// only their lengths.

#include "commands.hpp"
#include "common.hpp"

#include "../03_advanced/stream_bot/bot.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_app_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <exception>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace asio = boost::asio;
namespace http = twitter::http;
using namespace std::chrono_literals;

namespace cli {

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);
std::string const known_tweet = "/2/tweets/1293593516040269825";
std::string const callback = "http://127.0.0.1/callback";

int failures = 0;

void step(std::string_view what, bool ok, std::string_view detail = {}) {
    std::cout << (ok ? "  ok   " : "  FAIL ") << what;
    if (!detail.empty()) std::cout << " -> " << detail;
    std::cout << '\n';
    if (!ok) ++failures;
}

std::string length_of(std::string const& secret) { return std::to_string(secret.size()) + " characters"; }

http::request get(std::string target, http::auth_mode mode = http::auth_mode::automatic) {
    http::request req;
    req.target = std::move(target);
    req.auth = mode;
    return req;
}

std::string clip(std::string const& body) { return body.size() > 90 ? body.substr(0, 90) + "..." : body; }

struct demo_context {
    asio::any_io_executor ex;
    twitter::emulator::server& emulator;
    twitter::client_config config;
};

// The user at the browser: opens the authorization URL (no credentials of ours) and reports where the
// emulator sent them. A redirect comes back as api_errc::unexpected_status with the response, so as_tuple.
struct visit {
    unsigned status = 0;
    std::string location;
    std::string body;
};

asio::awaitable<visit> open_in_browser(demo_context& d, std::string const& url) {
    twitter::client browser(d.ex, d.config);
    auto [ec, res] = co_await browser.async_request(get(url, http::auth_mode::none), tuple);
    visit v;
    v.status = res.status;
    v.location = std::string(res.find_header("location").value_or(""));
    v.body = res.body;
    if (ec && ec != twitter::api_errc::unexpected_status) throw boost::system::system_error(ec, "browser");
    co_return v;
}

// The PIN in the emulator's oob page: <code>NNNNNNN</code>.
std::string pin_from_page(std::string const& html) {
    auto const open = html.find("<code>");
    auto const close = html.find("</code>", open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return {};
    return html.substr(open + 6, close - open - 6);
}

// Member by member: g++ 12 warns (-Wmissing-field-initializers) about designated initializers that skip one.
twitter::client_credentials four_credentials(twitter::emulator::oauth1_credentials const& c,
                                             std::string consumer_secret) {
    twitter::client_credentials out;
    out.consumer_key = c.consumer_key;
    out.consumer_secret = std::move(consumer_secret);
    out.access_token = c.access_token;
    out.access_token_secret = c.access_token_secret;
    return out;
}

asio::awaitable<void> app_only(demo_context& d) {
    std::cout << "\n1. OAuth 2.0 app-only, from the consumer key and secret (oauth2_app_handler)\n";
    auto const& creds = d.emulator.oauth1();
    auto const before = d.emulator.stats().bearer_grants;
    twitter::client app(d.ex,
                        std::make_shared<twitter::oauth2_app_handler>(d.ex, creds.consumer_key,
                                                                      creds.consumer_secret, d.config),
                        d.config);
    http::response tweet = co_await app.async_request(get(known_tweet));
    step("GET " + known_tweet, tweet.status == 200, clip(tweet.body));
    http::response again = co_await app.async_request(get(known_tweet));
    auto const grants = d.emulator.stats().bearer_grants - before;
    step("the bearer token was fetched once (POST /oauth2/token) and reused",
         again.status == 200 && grants == 1, std::to_string(grants) + " grant(s)");
}

asio::awaitable<void> plain_bearer(demo_context& d) {
    std::cout << "\n2. a bearer token used as it is (Tweepy's Client(\"Bearer Token here\"))\n";
    twitter::client app(d.ex, d.emulator.app_bearer_token(), d.config);
    http::response tweet = co_await app.async_request(get(known_tweet));
    step("GET " + known_tweet + " with a bearer token of " + length_of(d.emulator.app_bearer_token()),
         tweet.status == 200, clip(tweet.body));
}

asio::awaitable<void> oauth1_four_credentials(demo_context& d) {
    std::cout << "\n3. OAuth 1.0a with the four credentials (client_credentials)\n";
    auto const& c = d.emulator.oauth1();
    twitter::client user(d.ex, four_credentials(c, c.consumer_secret), d.config);
    http::response me = co_await user.async_request(get("/2/users/me", http::auth_mode::user));
    step("GET /2/users/me, signed with HMAC-SHA1", me.status == 200, me.body);

    http::request post = get("/2/tweets", http::auth_mode::user);
    post.method = http::verb::post;
    post.kind = http::body_kind::json;
    post.body = R"({"text":"Hello from twitter-asio, signed with OAuth 1.0a"})";
    http::response created = co_await user.async_request(post);
    step("POST /2/tweets", created.status == 201, created.body);
}

asio::awaitable<void> three_legged(demo_context& d) {
    std::cout << "\n4. 3-legged OAuth 1.0a with a callback\n";
    auto const& c = d.emulator.oauth1();
    auto handler = std::make_shared<twitter::oauth1_user_handler>(d.ex, c.consumer_key, c.consumer_secret, "",
                                                                  "", callback, d.config);
    std::string const url = co_await handler->async_get_authorization_url();
    step("POST /oauth/request_token, then the authorization URL",
         url.find("/oauth/authorize?oauth_token=") != std::string::npos,
         url.substr(0, url.find('?')) + "?oauth_token=<" + length_of(handler->request_token().token) + ">");

    visit const v = co_await open_in_browser(d, url);
    auto const verifier = query_value(v.location, "oauth_verifier");
    auto const token = query_value(v.location, "oauth_token");
    step("the user approves: 302 to the callback with oauth_token and oauth_verifier",
         v.status == 302 && v.location.starts_with(callback) && verifier &&
             token == handler->request_token().token,
         "Location: " + callback + "?oauth_token=...&oauth_verifier=...");
    if (!verifier) co_return;

    twitter::oauth1_token const access = co_await handler->async_get_access_token(*verifier);
    step("POST /oauth/access_token", !access.token.empty() && !access.secret.empty(),
         "@" + access.screen_name + " (user " + access.user_id + "), token " + length_of(access.token) +
             ", secret " + length_of(access.secret));

    twitter::client user(d.ex, handler, d.config);
    http::response me = co_await user.async_request(get("/2/users/me"));
    step("GET /2/users/me as that user",
         me.status == 200 && me.body.find(access.user_id) != std::string::npos, me.body);
}

asio::awaitable<void> pin_based(demo_context& d) {
    std::cout << "\n5. PIN-based OAuth 1.0a (callback \"oob\")\n";
    auto const& c = d.emulator.oauth1();
    auto handler = std::make_shared<twitter::oauth1_user_handler>(d.ex, c.consumer_key, c.consumer_secret, "",
                                                                  "", "oob", d.config);
    std::string const url = co_await handler->async_get_authorization_url(false, "read");
    step("the authorization URL (access type read)", !url.empty(), url.substr(0, url.find('?')) + "?...");

    visit const v = co_await open_in_browser(d, url);
    std::string const pin = pin_from_page(v.body);
    step("the user approves and is shown a PIN", v.status == 200 && !pin.empty(),
         "a PIN of " + std::to_string(pin.size()) + " digits");

    twitter::oauth1_token const access = co_await handler->async_get_access_token(pin);
    step("the PIN is the verifier: POST /oauth/access_token", !access.token.empty(),
         "@" + access.screen_name);

    twitter::client user(d.ex, handler, d.config);
    http::response me = co_await user.async_request(get("/2/users/me"));
    step("GET /2/users/me with the read-only token", me.status == 200, me.body);
}

asio::awaitable<void> pkce(demo_context& d, twitter::emulator::oauth2_client const& registered,
                           char const* title) {
    std::cout << "\n" << title << "\n";
    twitter::oauth2_user_params params;
    params.client_id = registered.client_id;
    params.client_secret = registered.client_secret;  // empty for the public client
    params.redirect_uri = registered.redirect_uri;
    params.scope = {"tweet.read", "users.read", "offline.access"};
    auto handler = std::make_shared<twitter::oauth2_user_handler>(d.ex, params, d.config);

    std::string const url = handler->get_authorization_url();
    step("the authorization URL (S256 code challenge, state)",
         url.find("code_challenge_method=S256") != std::string::npos &&
             url.find("state=") != std::string::npos,
         url.substr(0, url.find('?')) + "?...");

    visit const v = co_await open_in_browser(d, url);
    step("the user approves: 302 to the redirect URI with state and code",
         v.status == 302 && v.location.starts_with(registered.redirect_uri) &&
             query_value(v.location, "code"));

    twitter::oauth2_token const token = co_await handler->async_fetch_token(v.location);
    std::ostringstream shown;
    shown << token << ", access token of " << length_of(token.access_token);
    step("POST /2/oauth2/token exchanges the code and the verifier", !token.access_token.empty(),
         shown.str());

    twitter::client user(d.ex, handler, d.config);
    http::response me = co_await user.async_request(get("/2/users/me"));
    step("GET /2/users/me with the user's token", me.status == 200, me.body);
}

asio::awaitable<void> consent_refused(demo_context& d) {
    std::cout << "\n8. the user says no\n";
    auto const& registered = d.emulator.oauth2_public_client();
    twitter::oauth2_user_params params;
    params.client_id = registered.client_id;
    params.redirect_uri = registered.redirect_uri;
    params.scope = {"tweet.read", "users.read"};
    twitter::oauth2_user_handler handler(d.ex, params, d.config);
    d.emulator.set_consent(false);
    visit const v = co_await open_in_browser(d, handler.get_authorization_url());
    d.emulator.set_consent(true);
    auto [ec, token] = co_await handler.async_fetch_token(v.location, tuple);
    step("error=access_denied in the redirect gives auth_errc::access_denied",
         ec == twitter::auth_errc::access_denied, ec.message());
}

// A second emulator whose access tokens live 2 s, so the refresh can be seen without waiting two hours.
asio::awaitable<void> automatic_refresh(demo_context& d) {
    std::cout << "\n9. the token store refreshes an expired OAuth 2.0 token by itself\n";
    twitter::emulator::server_config short_lived;
    short_lived.access_token_lifetime = 2s;
    twitter::emulator::server emulator(d.ex, short_lived);
    emulator.start();
    demo_context here{d.ex, emulator, d.config};
    here.config.hosts = twitter::endpoints::at(emulator.base_url());
    here.config.tls.ca_pem = emulator.ca_pem();

    auto const& registered = emulator.oauth2_confidential_client();
    int updates = 0;
    std::string saved;  // stands for the application's database
    twitter::oauth2_user_params params;
    params.client_id = registered.client_id;
    params.client_secret = registered.client_secret;
    params.redirect_uri = registered.redirect_uri;
    params.scope = {"tweet.read", "users.read", "offline.access"};
    params.refresh_margin = 0s;  // use the token to its last second, so that it really expires
    params.token_updater = [&](twitter::oauth2_token const& t) {
        ++updates;
        saved = t.serialize();
    };
    auto handler = std::make_shared<twitter::oauth2_user_handler>(d.ex, params, here.config);

    std::exception_ptr failure;
    try {
        visit const v = co_await open_in_browser(here, handler->get_authorization_url());
        twitter::oauth2_token const first = co_await handler->async_fetch_token(v.location);
        step("a token that expires in 2 s, with a refresh token", !first.refresh_token.empty(),
             "token_updater called " + std::to_string(updates) + " time(s)");
        twitter::client user(d.ex, handler, here.config);
        http::response me = co_await user.async_request(get("/2/users/me"));
        step("GET /2/users/me while it is fresh", me.status == 200);

        asio::steady_timer wait(d.ex, 3s);
        co_await wait.async_wait(asio::deferred);
        int const before = updates;
        http::response later = co_await user.async_request(get("/2/users/me"));
        auto const now = handler->token();
        step("3 s later, GET /2/users/me still succeeds", later.status == 200);
        step("the store refreshed first (POST /2/oauth2/token, grant_type=refresh_token)",
             emulator.stats().refresh_grants == 1,
             std::to_string(emulator.stats().refresh_grants) + " refresh(es)");
        step("token_updater saved the new token before it was used",
             updates == before + 1 && now && now->access_token != first.access_token &&
                 saved == now->serialize(),
             "called " + std::to_string(updates - before) + " more time(s); the refresh token was rotated: " +
                 (now && now->refresh_token != first.refresh_token ? "yes" : "no"));
    } catch (...) {
        failure = std::current_exception();
    }
    emulator.stop();
    if (failure) std::rethrow_exception(failure);
}

asio::awaitable<void> typed_errors(demo_context& d) {
    std::cout << "\n10. errors are typed\n";
    twitter::client app(d.ex, d.emulator.app_bearer_token(), d.config);
    try {
        co_await app.async_request(get("/2/users/me"));
        step("GET /2/users/me with an app-only token is refused", false);
    } catch (twitter::forbidden const& e) {
        step("GET /2/users/me with an app-only token throws twitter::forbidden (403)", true, e.what());
    }

    twitter::client wrong(d.ex, std::string("not-a-valid-token"), d.config);
    twitter::diagnostics diag;
    auto [ec, res] = co_await wrong.async_request(get(known_tweet), diag, tuple);
    step("a wrong bearer token gives api_errc::unauthorized (401)", ec == twitter::api_errc::unauthorized,
         ec.message() + " / " + (diag.errors.empty() ? std::string() : diag.errors[0].detail));

    auto const& c = d.emulator.oauth1();
    twitter::client forged(d.ex, four_credentials(c, "not-the-secret"), d.config);
    try {
        co_await forged.async_request(get("/2/users/me", http::auth_mode::user));
        step("an OAuth 1.0a signature made with the wrong secret is refused", false);
    } catch (twitter::unauthorized const& e) {
        step("a signature made with the wrong consumer secret throws twitter::unauthorized (401)", true,
             std::to_string(e.status()));
    }

    twitter::client_config untrusting = d.config;
    untrusting.tls.ca_pem.clear();
    twitter::client stranger(d.ex, d.emulator.app_bearer_token(), untrusting);
    auto [tls_ec, tls_res] = co_await stranger.async_request(get(known_tweet), diag, tuple);
    step("a client that does not trust the CA refuses the certificate",
         tls_ec == twitter::transport_errc::certificate_untrusted, diag.message);
}

asio::awaitable<void> transport(demo_context& d) {
    std::cout
        << "\n11. transport: gzip, and 500 requests in flight on one pool of 8 keep-alive connections\n";
    twitter::client_config pooled = d.config;
    pooled.pool.max_connections_per_host = 8;
    twitter::client app(d.ex, d.emulator.app_bearer_token(), pooled);

    http::response tweet = co_await app.async_request(get(known_tweet));
    step("the body came gzip-compressed and was decoded",
         tweet.status == 200 && tweet.find_header("content-encoding").value_or("") == "gzip");

    auto const before = d.emulator.stats().connections_accepted;
    auto const start = std::chrono::steady_clock::now();
    int done = 0, ok = 0;
    asio::steady_timer all_done(d.ex, asio::steady_timer::time_point::max());
    for (int i = 0; i < 500; ++i)
        app.async_request(get(known_tweet), [&](twitter::error_code e, http::response r) {
            ok += !e && r.status == 200;
            if (++done == 500) all_done.cancel();
        });
    co_await all_done.async_wait(tuple);
    auto const ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    step("500 of 500 succeeded", ok == 500, std::to_string(ok) + " in " + std::to_string(ms.count()) + " ms");
    auto const opened = d.emulator.stats().connections_accepted - before;
    step("no more than 8 new connections were opened", opened <= 8, std::to_string(opened) + " opened");
}

asio::awaitable<void> stream_bot(demo_context& d) {
    std::cout << "\n12. a bot on the filtered stream (examples/03_advanced/stream_bot) for 3 seconds\n";
    twitter::client app(d.ex, d.emulator.app_bearer_token(), d.config);
    twitter::client user(d.ex,
                         std::make_shared<twitter::oauth2_bearer_handler>(d.emulator.default_user_token(),
                                                                          twitter::auth_scheme::user_bearer),
                         d.config);
    // Someone else talks about cats every 100 ms while the bot listens.
    std::string const someone = d.emulator.default_user_id() == "2244994945" ? "783214" : "2244994945";
    asio::steady_timer chatter(d.ex);
    int posted = 0;
    std::function<void()> talk = [&] {
        chatter.expires_after(100ms);
        chatter.async_wait([&](twitter::error_code ec) {
            if (ec) return;
            d.emulator.add_tweet(someone, "I like cats #" + std::to_string(++posted));
            talk();
        });
    };
    talk();

    example::bot_options options;
    options.rule = "cats";
    options.run_for = 3s;
    std::ostringstream log;
    auto const report = co_await example::run_stream_bot(app, user, options, log);
    chatter.cancel();
    step("the bot read the matching tweets from the stream", report.matched > 0,
         std::to_string(report.matched) + " of " + std::to_string(posted) + " posted");
    step("and replied to each one through the v2 client", report.replied == report.matched,
         std::to_string(report.replied) + " replies");
    auto const rules = co_await app.async_get_rules();
    step("its rule was deleted when it stopped", rules.data.empty());
}

asio::awaitable<void> walk_through(demo_context& d) {
    std::cout << "emulator listening on " << d.emulator.base_url() << '\n';
    using section = asio::awaitable<void> (*)(demo_context&);
    auto public_client = [](demo_context& c) {
        return pkce(c, c.emulator.oauth2_public_client(),
                    "6. OAuth 2.0 with PKCE, public client (no secret)");
    };
    auto confidential_client = [](demo_context& c) {
        return pkce(c, c.emulator.oauth2_confidential_client(),
                    "7. OAuth 2.0 with PKCE, confidential client (HTTP Basic with the client secret)");
    };
    section const sections[] = {
        app_only,      plain_bearer,        oauth1_four_credentials, three_legged,      pin_based,
        public_client, confidential_client, consent_refused,         automatic_refresh, typed_errors,
        transport,     stream_bot};
    for (section run : sections) {
        // One section's failure is reported and the walk goes on, so a run shows every broken flow at once.
        try {
            co_await run(d);
        } catch (std::exception const& e) {
            step("the section ended early", false, e.what());
        }
    }
}

}  // namespace

int demo(invocation const& inv) {
    asio::io_context io;
    twitter::emulator::server emulator(io.get_executor());
    emulator.start();

    demo_context d{io.get_executor(), emulator, make_client_config(inv.global)};
    d.config.hosts = twitter::endpoints::at(emulator.base_url());
    d.config.tls.ca_pem = emulator.ca_pem();  // trust the emulator's CA; verification itself is never off

    asio::co_spawn(io, walk_through(d), [&](std::exception_ptr e) {
        if (e) step("the walk-through ended early", false);
        emulator.stop();
    });
    io.run();
    if (failures != 0) {
        std::cout << "\ndemo finished: " << failures << " step(s) failed\n";
        return exit_api_error;
    }
    std::cout << "\ndemo finished: all steps succeeded\n";
    return exit_ok;
}

}  // namespace cli
