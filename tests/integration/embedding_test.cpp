// The guarantees an Asio server relies on when it embeds the client: where handlers run, that nothing
// blocks the io_context's threads, and that one client serves requests, a token refresh and a stream from
// several threads at once (this suite also runs under ThreadSanitizer).

#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/client.hpp>
#include <twitter/v2/paginator.hpp>
#include <twitter/v2/stream.hpp>

#include "auth_flow_support.hpp"
#include "eventually.hpp"
#include "scenario.hpp"
#include "watchdog_executor.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

BOOST_AUTO_TEST_SUITE(embedding)

namespace {

using namespace test;
namespace emu = twitter::emulator;
namespace v2 = twitter::v2;
using twitter::error_code;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
std::string const known_tweet = "/2/tweets/1293593516040269825";

// Counts completions and checks each one: on the strand it was bound to, and after its initiation returned.
struct completion_check {
    asio::strand<asio::io_context::executor_type> strand;
    std::atomic<int> completed{0};
    std::atomic<int> wrong_executor{0};
    std::atomic<int> inline_completions{0};

    template <class... Args>
    auto handler(bool const& initiated) {
        return asio::bind_executor(strand, [this, &initiated](error_code, Args...) {
            if (!strand.running_in_this_thread()) ++wrong_executor;
            if (!initiated) ++inline_completions;
            ++completed;
        });
    }
};

emu::server_config roomy() {
    emu::server_config cfg;
    cfg.rate_limit_per_window = 100000;
    return cfg;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_operation_completes_on_the_handlers_executor_and_never_inline) {
    run_scenario(2, [](scenario s) -> asio::awaitable<void> {
        twitter::client client = s.app_client();
        completion_check check{asio::make_strand(s.io)};
        v2::stream stream(client, v2::sample_stream());
        v2::paginator<v2::user> followers(client, v2::get_users_followers(s.server.default_user_id()));
        int expected = 0;

        bool initiated = false;
        client.async_request(get(known_tweet), check.handler<twitter::http::response>(initiated));
        client.async_get_tweet("1293593516040269825", {}, check.handler<v2::response<v2::tweet>>(initiated));
        followers.async_next_page(check.handler<v2::response<std::vector<v2::user>>>(initiated));
        stream.async_run(check.handler<>(initiated));
        stream.async_read_event(check.handler<v2::stream_event>(initiated));
        client.async_status(check.handler<twitter::client_status>(initiated));
        expected = 6;
        initiated = true;
        BOOST_TEST_REQUIRE(co_await eventually([&] { return check.completed == 4; }));

        // The stream's two operations end with the client's shutdown, which completes the same way.
        bool shutdown_initiated = false;
        client.async_shutdown(std::chrono::seconds(1), check.handler<>(shutdown_initiated));
        shutdown_initiated = true;
        expected += 1;
        BOOST_TEST_REQUIRE(co_await eventually([&] { return check.completed == expected; }));
        BOOST_TEST(check.wrong_executor == 0);
        BOOST_TEST(check.inline_completions == 0);
    });
}

BOOST_AUTO_TEST_CASE(no_handler_blocks_the_io_context) {
    // The emulator gets an io_context of its own, so that only the client's handlers are timed.
    asio::io_context emulator_io;
    auto emulator_work = asio::make_work_guard(emulator_io);
    emu::server server(emulator_io.get_executor(), roomy());
    server.start();
    std::thread emulator_thread([&] { emulator_io.run(); });

    asio::io_context io;
    auto watch = std::make_shared<watchdog_executor::record>();
    asio::any_io_executor const ex = watchdog_executor(io.get_executor(), watch);
    twitter::client_config config;
    config.hosts = twitter::endpoints::at(server.base_url());
    config.tls.use_system_roots = false;
    config.tls.ca_pem = server.ca_pem();

    auto done = asio::co_spawn(
        ex,
        [&]() -> asio::awaitable<void> {
            twitter::client client(ex, server.app_bearer_token(), config);
            v2::stream stream(client, v2::sample_stream());
            stream.async_run(asio::detached);
            // Requests, pages and stream events, all at once: new connections (DNS, TCP, TLS) and reuse.
            std::atomic<int> ok{0};
            for (int i = 0; i < 100; ++i)
                client.async_request(get(known_tweet), [&](error_code ec, twitter::http::response) { ok += !ec; });
            v2::paginator<v2::user> followers(client, v2::get_users_followers(server.default_user_id()));
            auto [page_ec, page] = co_await followers.async_next_page(use_tuple);
            BOOST_TEST(!page_ec, page_ec.message());
            BOOST_TEST_REQUIRE(co_await eventually([&] { return server.open_streams() == 1; }));
            for (int i = 0; i < 20; ++i) server.add_tweet(server.default_user_id(), "watched " + std::to_string(i));
            for (int i = 0; i < 20; ++i) {
                auto [ec, event] = co_await stream.async_read_event(use_tuple);
                BOOST_TEST_REQUIRE(!ec, ec.message());
            }
            BOOST_TEST_REQUIRE(co_await eventually([&] { return ok == 100; }));
            co_await client.async_shutdown(std::chrono::seconds(1));
        },
        asio::use_future);
    io.run();
    done.get();

    emulator_work.reset();
    asio::post(emulator_io, [&] { server.stop(); });
    emulator_thread.join();

    // A blocking call (a synchronous lookup, a disk sync, a sleep) would take one handler well past this;
    // everything the client does between two waits is far below it, even under a sanitizer.
    auto const bound = std::chrono::milliseconds(250);
    BOOST_TEST_MESSAGE("handlers timed: " << watch->handlers.load() << ", longest: " << watch->longest_us.load()
                                          << " us");
    BOOST_TEST(watch->handlers > 1000u);
    BOOST_TEST(watch->longest_us.load() < std::chrono::microseconds(bound).count());
}

BOOST_AUTO_TEST_CASE(one_client_serves_requests_a_refresh_and_a_stream_from_four_threads) {
    run_scenario(
        4,
        [](scenario s) -> asio::awaitable<void> {
            // A user token that refreshes, fetched through the PKCE flow.
            auto const& app = s.server.oauth2_public_client();
            std::atomic<int> refreshes{0};
            twitter::oauth2_user_params params;
            params.client_id = app.client_id;
            params.redirect_uri = app.redirect_uri;
            params.scope = {"tweet.read", "tweet.write", "users.read", "offline.access"};
            params.token_updater = [&refreshes](twitter::oauth2_token const&) { ++refreshes; };
            auto user_auth = std::make_shared<twitter::oauth2_user_handler>(s.io.get_executor(), params, s.config());
            twitter::client browser(s.io.get_executor(), s.config());
            co_await user_auth->async_fetch_token(
                co_await test::open_in_browser(browser, user_auth->get_authorization_url()));
            refreshes = 0;

            twitter::client client(s.io.get_executor(),
                                   std::make_shared<twitter::oauth2_bearer_handler>(s.server.app_bearer_token()),
                                   user_auth, s.config());
            v2::stream stream(client, v2::sample_stream());
            stream.async_run(asio::detached);
            BOOST_TEST_REQUIRE(co_await eventually([&] { return s.server.open_streams() == 1; }));

            // Four strands start requests while a refresh is forced and tweets flow into the stream.
            std::atomic<int> ok{0};
            std::atomic<int> done{0};
            for (int t = 0; t < 4; ++t) {
                auto strand = asio::make_strand(s.io);
                asio::post(strand, [&, strand] {
                    for (int i = 0; i < 50; ++i) {
                        twitter::http::request me = get("/2/users/me");
                        me.auth = twitter::http::auth_mode::user;
                        auto count = [&](error_code ec, twitter::http::response) {
                            ok += !ec;
                            ++done;
                        };
                        client.async_request(std::move(me), asio::bind_executor(strand, count));
                        client.async_request(get(known_tweet), asio::bind_executor(strand, count));
                    }
                });
            }
            // Boost.Test is not thread-safe: handlers on other threads only count.
            std::atomic<int> refresh_failures{0};
            user_auth->async_refresh_token(
                [&](error_code ec, twitter::oauth2_token) { refresh_failures += ec ? 1 : 0; });
            for (int i = 0; i < 10; ++i) s.server.add_tweet(s.server.default_user_id(), "threads " + std::to_string(i));
            for (int i = 0; i < 10; ++i) {
                auto [ec, event] = co_await stream.async_read_event(use_tuple);
                BOOST_TEST_REQUIRE(!ec, ec.message());
            }
            BOOST_TEST_REQUIRE(co_await eventually([&] { return done == 400; }, std::chrono::seconds(30)));
            BOOST_TEST(ok == 400);
            BOOST_TEST(refresh_failures == 0);
            BOOST_TEST(refreshes == 1);
            BOOST_TEST(s.server.stats().refresh_grants == 1u);
            co_await client.async_shutdown(std::chrono::seconds(1));
        },
        roomy());
}

BOOST_AUTO_TEST_SUITE_END()
