// The twitter-asio demo: starts the embedded X API emulator on 127.0.0.1 (TLS, with a CA it makes at start)
// and talks to it through the SDK, printing each step.
// It teaches: building a client that trusts a given CA, co_await with typed exceptions, as_tuple for error
// codes, diagnostics, and many requests in flight on one keep-alive pool.
// It leaves out: the OAuth flows (they arrive with the authentication work) and typed models.

#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>

#include <chrono>
#include <iostream>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

int failures = 0;

void step(std::string_view what, bool ok, std::string_view detail = {}) {
    std::cout << (ok ? "  ok   " : "  FAIL ") << what;
    if (!detail.empty()) std::cout << " -> " << detail;
    std::cout << '\n';
    if (!ok) ++failures;
}

twitter::http::request get(std::string target) {
    twitter::http::request req;
    req.target = std::move(target);
    return req;
}

asio::awaitable<void> walk_through(twitter::emulator::server& emulator) {
    auto const ex = co_await asio::this_coro::executor;
    twitter::client_config config;
    config.hosts = twitter::endpoints::at(emulator.base_url());
    config.tls.ca_pem = emulator.ca_pem();  // trust the emulator's CA; verification itself is never off
    config.pool.max_connections_per_host = 8;

    std::cout << "emulator listening on " << emulator.base_url() << "\n\n1. app-only bearer token\n";
    twitter::client app(ex, emulator.app_bearer_token(), config);

    twitter::http::response tweet = co_await app.async_request(get("/2/tweets/1293593516040269825"));
    step("GET /2/tweets/1293593516040269825", tweet.status == 200, tweet.body.substr(0, 90) + "...");
    step("the body came gzip-compressed and was decoded",
         tweet.find_header("content-encoding").value_or("") == "gzip");

    twitter::http::request lookup = get("/2/tweets");
    lookup.query = {{"ids", "1293593516040269825,1"}};
    twitter::http::response both = co_await app.async_request(lookup);
    step("GET /2/tweets?ids=... (one found, one missing)", both.status == 200,
         both.body.find("\"errors\"") != std::string::npos ? "data plus a per-id error" : "");

    std::cout << "\n2. a user-context bearer token\n";
    twitter::client user(ex, emulator.default_user_token(), config);
    twitter::http::response me = co_await user.async_request(get("/2/users/me"));
    step("GET /2/users/me", me.status == 200, me.body);

    twitter::http::request post = get("/2/tweets");
    post.method = twitter::http::verb::post;
    post.kind = twitter::http::body_kind::json;
    post.body = R"({"text":"Hello from twitter-asio"})";
    twitter::http::response created = co_await user.async_request(post);
    step("POST /2/tweets", created.status == 201, created.body);

    std::cout << "\n3. errors are typed\n";
    try {
        co_await app.async_request(get("/2/users/me"));
        step("GET /2/users/me with an app-only token is refused", false);
    } catch (twitter::forbidden const& e) {
        step("GET /2/users/me with an app-only token throws twitter::forbidden", true, e.what());
    }
    twitter::client wrong(ex, std::string("not-a-valid-token"), config);
    twitter::diagnostics diag;
    auto [ec, res] = co_await wrong.async_request(get("/2/tweets/20"), diag, asio::as_tuple(asio::deferred));
    step("a wrong token gives api_errc::unauthorized", ec == twitter::api_errc::unauthorized,
         ec.message() + " / " + (diag.errors.empty() ? std::string() : diag.errors[0].detail));

    twitter::client_config untrusting = config;
    untrusting.tls.ca_pem.clear();
    twitter::client stranger(ex, emulator.app_bearer_token(), untrusting);
    auto [tls_ec, tls_res] =
        co_await stranger.async_request(get("/2/tweets/20"), diag, asio::as_tuple(asio::deferred));
    step("a client that does not trust the CA refuses the certificate",
         tls_ec == twitter::transport_errc::certificate_untrusted, diag.message);

    std::cout << "\n4. 500 requests in flight on one pool of 8 keep-alive connections\n";
    auto const before = emulator.stats().connections_accepted;
    auto const start = std::chrono::steady_clock::now();
    int done = 0, ok = 0;
    asio::steady_timer all_done(ex, asio::steady_timer::time_point::max());
    for (int i = 0; i < 500; ++i)
        app.async_request(get("/2/tweets/1293593516040269825"), [&](twitter::error_code e, twitter::http::response r) {
            ok += !e && r.status == 200;
            if (++done == 500) all_done.cancel();
        });
    co_await all_done.async_wait(asio::as_tuple(asio::deferred));
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    step("500 of 500 succeeded", ok == 500,
         std::to_string(ok) + " in " + std::to_string(ms.count()) + " ms (a debug build)");
    auto const opened = emulator.stats().connections_accepted - before;
    step("no more than 8 new connections were opened", opened <= 8, std::to_string(opened) + " opened");

    emulator.stop();
}

}  // namespace

int main() {
    asio::io_context io;
    twitter::emulator::server emulator(io.get_executor());
    emulator.start();
    asio::co_spawn(io, walk_through(emulator), [&](std::exception_ptr e) {
        if (!e) return;
        try {
            std::rethrow_exception(e);
        } catch (std::exception const& ex) {
            step("the walk-through ended early", false, ex.what());
        }
        emulator.stop();
    });
    io.run();
    if (failures != 0) {
        std::cout << "\ndemo finished: " << failures << " step(s) failed\n";
        return 1;
    }
    std::cout << "\ndemo finished: all steps succeeded\n";
    return 0;
}
