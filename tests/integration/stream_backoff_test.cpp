// How v2::stream reconnects: each class of failure on its own schedule, on a mock clock, and how a run ends
// (a fatal answer, the retry limit, cancellation and stop() during a backoff wait).

#include <twitter/v2/stream.hpp>

#include "eventually.hpp"
#include "mock_clock.hpp"
#include "scenario.hpp"

#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(stream_backoff)

namespace {

using namespace test;
namespace emu = twitter::emulator;
namespace v2 = twitter::v2;
using std::chrono::milliseconds;
using twitter::error_code;

constexpr char const* filter_path = "/2/tweets/search/stream";

emu::fault failing(emu::fault::kind what, std::size_t nth, std::size_t count, unsigned status = 503,
                   std::string body = R"({"title":"Service Unavailable","type":"about:blank","status":503})") {
    emu::fault f;
    f.path = filter_path;
    f.what = what;
    f.nth = nth;
    f.count = count;
    f.status = status;
    f.body = std::move(body);
    f.headers = {{"content-type", "application/json"}};
    return f;
}

// X's answer to one connection too many (docs.x.com, "Handling disconnections").
std::string const too_many_connections =
    R"({"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.",)"
    R"("connection_issue":"TooManyConnections","type":"https://api.twitter.com/2/problems/streaming-connection"})";

struct stream_setup {
    std::shared_ptr<mock_clock> clock = std::make_shared<mock_clock>();
    twitter::client client;
    explicit stream_setup(scenario const& s)
        : client(s.io.get_executor(), s.server.app_bearer_token(), with_clock(s.config(), clock)) {}
    static twitter::client_config with_clock(twitter::client_config cfg, std::shared_ptr<mock_clock> const& c) {
        cfg.clock = c;
        return cfg;
    }
};

// In milliseconds: Boost.Test prints numbers, not durations.
std::vector<long long> waits_of(mock_clock const& clock) {
    std::vector<long long> out;
    for (milliseconds const w : clock.waits()) out.push_back(w.count());
    return out;
}
using ms = std::vector<long long>;

std::size_t stream_requests(emu::server const& server) {
    std::size_t n = 0;
    for (auto const& r : server.request_log())
        if (r.target.starts_with(filter_path)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(http_errors_back_off_exponentially_from_five_seconds) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::status, 1, 0));  // every attempt gets a 503
        stream_setup c(s);
        v2::stream_config cfg;
        cfg.reconnect.max_retries = 7;
        v2::stream stream(c.client, v2::filter_stream(), cfg);
        twitter::diagnostics diag;
        auto [ec] = co_await stream.async_run(diag, asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::server_error), ec.message());
        BOOST_TEST(diag.http_status == 503u);
        BOOST_TEST(waits_of(*c.clock) == (ms{5000, 10000, 20000, 40000, 80000, 160000, 320000}),
                   boost::test_tools::per_element());
        BOOST_TEST(stream_requests(s.server) == 8u);
        BOOST_TEST(stream.stats().connection_attempts == 8u);
        BOOST_TEST(stream.stats().connections == 0u);
    });
}

BOOST_AUTO_TEST_CASE(network_errors_back_off_linearly_by_250_ms_up_to_16_s) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::close_before_response, 1, 0));
        stream_setup c(s);
        v2::stream_config cfg;
        cfg.reconnect.max_retries = 66;
        v2::stream stream(c.client, v2::filter_stream(), cfg);
        auto [ec] = co_await stream.async_run(asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::transport_errc::connection_closed), ec.message());
        auto const waits = c.clock->waits();
        BOOST_TEST_REQUIRE(waits.size() == 66u);
        for (std::size_t i = 0; i < waits.size(); ++i)
            BOOST_TEST(waits[i].count() == std::min<long>(250 * static_cast<long>(i + 1), 16000), "wait " << i);
    });
}

BOOST_AUTO_TEST_CASE(a_429_too_many_connections_backs_off_a_minute_then_doubles) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::status, 1, 0, 429, too_many_connections));
        stream_setup c(s);
        v2::stream_config cfg;
        cfg.reconnect.max_retries = 6;
        v2::stream stream(c.client, v2::filter_stream(), cfg);
        twitter::diagnostics diag;
        auto [ec] = co_await stream.async_run(diag, asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::too_many_requests), ec.message());
        BOOST_TEST_REQUIRE(diag.errors.size() == 1u);
        BOOST_TEST(diag.errors[0].title == "ConnectionException");
        BOOST_TEST(waits_of(*c.clock) == (ms{60000, 120000, 240000, 480000, 960000, 960000}),
                   boost::test_tools::per_element());
    });
}

BOOST_AUTO_TEST_CASE(each_class_of_failure_keeps_its_own_schedule) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::status, 1, 1));
        s.server.inject(failing(emu::fault::kind::close_before_response, 2, 1));
        s.server.inject(failing(emu::fault::kind::status, 3, 1, 429, too_many_connections));
        s.server.inject(failing(emu::fault::kind::status, 4, 1));
        s.server.inject(failing(emu::fault::kind::close_before_response, 5, 1));
        s.server.inject(failing(emu::fault::kind::status, 6, 1, 429, too_many_connections));
        s.server.inject(failing(emu::fault::kind::status, 7, 1, 401,
                                R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})"));
        stream_setup c(s);
        v2::stream stream(c.client, v2::filter_stream());
        auto [ec] = co_await stream.async_run(asio::as_tuple(asio::use_awaitable));
        // The 401 cannot be fixed by waiting: the run ends there, with no wait after it.
        BOOST_TEST((ec == twitter::api_errc::unauthorized), ec.message());
        BOOST_TEST(waits_of(*c.clock) == (ms{5000, 250, 60000, 10000, 500, 120000}), boost::test_tools::per_element());
    });
}

BOOST_AUTO_TEST_CASE(a_fatal_answer_ends_the_run_without_waiting) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::status, 1, 0, 403,
                                R"({"title":"Forbidden","type":"about:blank","status":403,"detail":"no access"})"));
        stream_setup c(s);
        v2::stream stream(c.client, v2::filter_stream());
        twitter::diagnostics diag;
        auto [ec] = co_await stream.async_run(diag, asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::api_errc::forbidden), ec.message());
        BOOST_TEST(diag.http_status == 403u);
        BOOST_TEST(c.clock->waits().empty());
        BOOST_TEST(stream_requests(s.server) == 1u);

        // A reader learns how the run ended.
        auto [read_ec, event] = co_await stream.async_read_event(asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((read_ec == twitter::api_errc::forbidden), read_ec.message());
        BOOST_TEST(!event.data.has_value());
    });
}

BOOST_AUTO_TEST_CASE(a_stream_runs_once) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::status, 1, 0, 400,
                                R"({"title":"Invalid Request","type":"about:blank","status":400})"));
        stream_setup c(s);
        v2::stream stream(c.client, v2::filter_stream());
        auto [first] = co_await stream.async_run(asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((first == twitter::api_errc::bad_request), first.message());
        auto [second] = co_await stream.async_run(asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((second == twitter::client_errc::invalid_argument), second.message());
        BOOST_TEST(stream_requests(s.server) == 1u);
    });
}

BOOST_AUTO_TEST_CASE(cancelling_during_a_backoff_wait_ends_the_run) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::status, 1, 0));
        stream_setup c(s);
        c.clock->hold_waits(true);
        v2::stream stream(c.client, v2::filter_stream());
        asio::cancellation_signal cancel;
        asio::co_spawn(
            s.io.get_executor(),
            [&]() -> asio::awaitable<void> {
                BOOST_TEST(co_await eventually([&] { return c.clock->waits().size() == 1; }));
                cancel.emit(asio::cancellation_type::terminal);
            },
            asio::detached);
        auto [ec] = co_await stream.async_run(asio::bind_cancellation_slot(cancel.slot(), asio::as_tuple(asio::use_awaitable)));
        BOOST_TEST((ec == asio::error::operation_aborted), ec.message());
        BOOST_TEST(waits_of(*c.clock) == (ms{5000}), boost::test_tools::per_element());
        BOOST_TEST(stream_requests(s.server) == 1u);
    });
}

BOOST_AUTO_TEST_CASE(stop_during_a_backoff_wait_ends_the_run_and_wakes_readers) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(failing(emu::fault::kind::close_before_response, 1, 0));
        stream_setup c(s);
        c.clock->hold_waits(true);
        auto stream = std::make_shared<v2::stream>(c.client, v2::filter_stream());
        error_code run_ec = asio::error::would_block;
        error_code read_ec = asio::error::would_block;
        stream->async_run([&](error_code ec) { run_ec = ec; });
        stream->async_read_event([&](error_code ec, v2::stream_event) { read_ec = ec; });
        BOOST_TEST(co_await eventually([&] { return c.clock->waits().size() == 1; }));
        stream->stop();
        BOOST_TEST(co_await eventually([&] { return run_ec != asio::error::would_block && read_ec != asio::error::would_block; }));
        BOOST_TEST((run_ec == asio::error::operation_aborted), run_ec.message());
        BOOST_TEST((read_ec == asio::error::operation_aborted), read_ec.message());
        BOOST_TEST(waits_of(*c.clock) == (ms{250}), boost::test_tools::per_element());
    });
}

BOOST_AUTO_TEST_CASE(destroying_a_stream_that_was_never_run_releases_its_readers) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        stream_setup c(s);
        error_code read_ec = asio::error::would_block;
        {
            v2::stream stream(c.client, v2::sample_stream());
            stream.async_read_event([&](error_code ec, v2::stream_event) { read_ec = ec; });
        }
        BOOST_TEST(co_await eventually([&] { return read_ec != asio::error::would_block; }));
        BOOST_TEST((read_ec == asio::error::operation_aborted), read_ec.message());
        BOOST_TEST(stream_requests(s.server) == 0u);
    });
}

BOOST_AUTO_TEST_CASE(a_client_without_credentials_cannot_stream) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::client client(s.io.get_executor(), s.config());
        v2::stream stream(client, v2::filter_stream());
        twitter::diagnostics diag;
        auto [ec] = co_await stream.async_run(diag, asio::as_tuple(asio::use_awaitable));
        BOOST_TEST((ec == twitter::client_errc::missing_credential), ec.message());
        BOOST_TEST(!diag.message.empty());
        BOOST_TEST(stream_requests(s.server) == 0u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
