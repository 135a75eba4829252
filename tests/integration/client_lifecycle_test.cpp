// The end of a client: graceful shutdown (operations in flight finish within the grace period, or are
// cancelled after it; streams stop; new operations are refused) and destruction with operations in flight.

#include <twitter/client.hpp>
#include <twitter/v2/stream.hpp>

#include "eventually.hpp"
#include "scenario.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(client_lifecycle)

namespace {

using namespace test;
namespace emu = twitter::emulator;
using twitter::error_code;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
std::string const known_tweet = "/2/tweets/1293593516040269825";

emu::fault slow_tweets(std::chrono::milliseconds delay) {
    emu::fault f;
    f.path = "/2/tweets/*";
    f.what = emu::fault::kind::latency;
    f.count = 0;
    f.delay = delay;
    return f;
}

// Starts `n` GETs with callbacks; each result lands in `results` (would_block until then).
void start_gets(twitter::client& client, std::size_t n, std::vector<error_code>& results) {
    results.assign(n, asio::error::would_block);
    for (std::size_t i = 0; i < n; ++i)
        client.async_request(get(known_tweet), [&results, i](error_code ec, twitter::http::response) { results[i] = ec; });
}

bool all_done(std::vector<error_code> const& results) {
    for (error_code const& ec : results)
        if (ec == asio::error::would_block) return false;
    return true;
}

std::size_t count(std::vector<error_code> const& results, error_code const& wanted) {
    std::size_t n = 0;
    for (error_code const& ec : results) n += ec == wanted ? 1 : 0;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(destroying_a_client_cancels_what_it_has_in_flight) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(slow_tweets(std::chrono::seconds(30)));
        std::vector<error_code> results;
        auto const started = std::chrono::steady_clock::now();
        {
            twitter::client client = s.app_client();
            start_gets(client, 20, results);
            BOOST_TEST_REQUIRE(co_await eventually([&] { return s.server.stats().requests >= 8; }));
        }
        BOOST_TEST_REQUIRE(co_await eventually([&] { return all_done(results); }));
        BOOST_TEST(count(results, asio::error::operation_aborted) == 20u);
        BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(10)));
    });
}

BOOST_AUTO_TEST_CASE(a_moved_client_keeps_its_operations) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(slow_tweets(std::chrono::milliseconds(50)));
        std::vector<error_code> results;
        std::optional<twitter::client> moved_to;
        {
            twitter::client client = s.app_client();
            start_gets(client, 5, results);
            moved_to.emplace(std::move(client));
        }
        BOOST_TEST_REQUIRE(co_await eventually([&] { return all_done(results); }));
        BOOST_TEST(count(results, error_code{}) == 5u);
    });
}

BOOST_AUTO_TEST_CASE(shutdown_lets_operations_finish_within_the_grace_period) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(slow_tweets(std::chrono::milliseconds(100)));
        twitter::client client = s.app_client();
        std::vector<error_code> results;
        start_gets(client, 10, results);
        BOOST_TEST_REQUIRE(co_await eventually([&] { return s.server.stats().requests >= 1; }));

        auto [ec] = co_await client.async_shutdown(std::chrono::seconds(10), use_tuple);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(all_done(results));
        BOOST_TEST(count(results, error_code{}) == 10u);

        auto [status_ec, status] = co_await client.async_status(use_tuple);
        BOOST_TEST(status.shutting_down);
        BOOST_TEST(status.operations_in_flight == 0u);
        BOOST_TEST_REQUIRE(status.connections.size() == 1u);
        BOOST_TEST(status.connections[0].open == 0u);
        BOOST_TEST(status.connections[0].opened_total >= 1u);
    });
}

BOOST_AUTO_TEST_CASE(shutdown_cancels_what_outlives_the_grace_period) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(slow_tweets(std::chrono::seconds(30)));
        twitter::client client = s.app_client();
        std::vector<error_code> results;
        start_gets(client, 4, results);
        BOOST_TEST_REQUIRE(co_await eventually([&] { return s.server.stats().requests >= 4; }));

        auto const started = std::chrono::steady_clock::now();
        auto [ec] = co_await client.async_shutdown(std::chrono::milliseconds(200), use_tuple);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(5)));
        BOOST_TEST_REQUIRE(co_await eventually([&] { return all_done(results); }));
        BOOST_TEST(count(results, asio::error::operation_aborted) == 4u);
    });
}

BOOST_AUTO_TEST_CASE(after_shutdown_new_operations_are_refused_without_io) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::client client = s.app_client();
        auto [ec] = co_await client.async_shutdown(std::chrono::seconds(1), use_tuple);
        BOOST_TEST(!ec, ec.message());
        auto const before = s.server.stats().requests;

        bool returned = false;
        error_code refused;
        client.async_request(get(known_tweet), [&](error_code e, twitter::http::response) {
            BOOST_TEST(returned);  // never inline
            refused = e;
        });
        returned = true;
        BOOST_TEST_REQUIRE(co_await eventually([&] { return bool(refused); }));
        BOOST_TEST((refused == twitter::client_errc::shutting_down), refused.message());

        twitter::v2::tweet_fields_params const no_fields;  // named: g++ 12 mishandles temporaries in co_await
        auto [tweet_ec, tweet] = co_await client.async_get_tweet("1293593516040269825", no_fields, use_tuple);
        BOOST_TEST((tweet_ec == twitter::client_errc::shutting_down), tweet_ec.message());
        BOOST_TEST(s.server.stats().requests == before);
    });
}

BOOST_AUTO_TEST_CASE(shutdown_stops_streams_and_their_readers) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::client client = s.app_client();
        twitter::v2::stream stream(client, twitter::v2::sample_stream());
        error_code run_ec = asio::error::would_block;
        error_code read_ec = asio::error::would_block;
        stream.async_run([&](error_code ec) { run_ec = ec; });
        stream.async_read_event([&](error_code ec, twitter::v2::stream_event) { read_ec = ec; });
        BOOST_TEST_REQUIRE(co_await eventually([&] { return s.server.open_streams() == 1; }));

        // A long grace period: streams do not get it, they stop at once.
        auto const started = std::chrono::steady_clock::now();
        auto [ec] = co_await client.async_shutdown(std::chrono::seconds(30), use_tuple);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(5)));
        BOOST_TEST_REQUIRE(co_await eventually([&] { return run_ec != asio::error::would_block; }));
        BOOST_TEST((run_ec == asio::error::operation_aborted), run_ec.message());
        BOOST_TEST_REQUIRE(co_await eventually([&] { return read_ec != asio::error::would_block; }));
        BOOST_TEST((read_ec == asio::error::operation_aborted), read_ec.message());
        BOOST_TEST(co_await eventually([&] { return s.server.open_streams() == 0; }));
    });
}

BOOST_AUTO_TEST_CASE(status_counts_the_operations_in_flight) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(slow_tweets(std::chrono::milliseconds(300)));
        twitter::client client = s.app_client();
        std::vector<error_code> results;
        start_gets(client, 3, results);
        BOOST_TEST_REQUIRE(co_await eventually([&] { return s.server.stats().requests >= 3; }));
        auto [ec, status] = co_await client.async_status(use_tuple);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(status.operations_in_flight == 3u);
        BOOST_TEST(!status.shutting_down);
        BOOST_TEST_REQUIRE(status.connections.size() == 1u);
        BOOST_TEST(status.connections[0].open == 3u);
        BOOST_TEST(status.connections[0].origin == s.server.base_url());
        BOOST_TEST_REQUIRE(co_await eventually([&] { return all_done(results); }));
    });
}

BOOST_AUTO_TEST_SUITE_END()
