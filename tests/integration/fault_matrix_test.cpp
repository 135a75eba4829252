// The fault matrix: each scenario that matters runs once clean to count its I/O steps (the requests the
// emulator sees after the scenario arms it, and the connections it accepts), then once per fault kind and
// step n with that fault injected at the nth step. Every run must end in time, drain its io_context, and
// either succeed or fail with a typed error; where the outcome is determined (an idempotent GET retries,
// a POST is never resent, a failed refresh keeps its refresh token) the test says which.

#include "fault_matrix.hpp"

#include "auth_flow_support.hpp"
#include "eventually.hpp"
#include "media_scenario.hpp"
#include "mock_clock.hpp"
#include "scenario.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>
#include <twitter/media.hpp>
#include <twitter/v2/paginator.hpp>
#include <twitter/v2/requests.hpp>
#include <twitter/v2/stream.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(fault_matrix)

namespace {

using namespace test;
namespace emu = twitter::emulator;
namespace v2 = twitter::v2;
using twitter::error_code;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// One run of a scenario: the fault (none for the clean run), what the scenario saw, and the steps it made.
struct run_record {
    std::optional<injected> kind;
    std::size_t nth = 0;
    error_code result;
    bool fired = false;
    std::size_t requests = 0;     // seen by the emulator after arming
    std::size_t connections = 0;  // accepted by the emulator after arming
};

// What a scenario gets: the emulator, a client configuration on a mock clock, and arm(), which it calls when
// the part under test begins (setup before it, like an authorization flow, is not part of the matrix).
struct matrix_run {
    scenario s;
    twitter::client_config config;
    std::shared_ptr<mock_clock> clock;
    run_record& record;
    std::uint64_t requests_at_arming = 0;
    std::uint64_t connections_at_arming = 0;

    void arm() {
        auto const stats = s.server.stats();
        requests_at_arming = stats.requests;
        connections_at_arming = stats.connections_accepted;
        if (record.kind) s.server.inject(fault_at(*record.kind, record.nth));
    }
    void count_steps() {
        auto const stats = s.server.stats();
        record.requests = stats.requests - requests_at_arming;
        record.connections = stats.connections_accepted - connections_at_arming;
        record.fired = stats.faults_fired > 0;
    }
    bool faulted(std::initializer_list<injected> kinds) const {
        if (!record.kind || !record.fired) return false;
        for (auto k : kinds)
            if (*record.kind == k) return true;
        return false;
    }
};

using scenario_body = std::function<asio::awaitable<error_code>(matrix_run&)>;

std::size_t logged(emu::server const& server, std::string_view method, std::string_view path_prefix) {
    std::size_t n = 0;
    for (auto const& r : server.request_log())
        if (r.method == method && r.target.starts_with(path_prefix)) ++n;
    return n;
}

// Runs `body` once in a fresh emulator, with a fault or clean, and checks what every run must satisfy.
run_record run_once(scenario_body const& body, emu::server_config const& server_cfg,
                    std::optional<injected> kind, std::size_t nth) {
    run_record record;
    record.kind = kind;
    record.nth = nth;
    run_scenario(
        1,
        [&](scenario s) -> asio::awaitable<void> {
            matrix_run run{s, s.config(), std::make_shared<mock_clock>(), record};
            run.config.clock = run.clock;
            // A stalled exchange ends at this timeout (real time), then retries; keep it short.
            run.config.timeouts.request =
                kind == injected::stall ? std::chrono::milliseconds(1000) : std::chrono::seconds(5);
            error_code ec;
            try {
                ec = co_await body(run);
            } catch (std::exception const& e) {
                BOOST_ERROR("an exception escaped the scenario: " << e.what());
            }
            run.count_steps();
            record.result = ec;
            BOOST_TEST((!ec || is_typed(ec)), "untyped error " << describe(ec));
        },
        server_cfg, std::chrono::seconds(30));
    return record;
}

// The clean run, then every kind at every step; logs the matrix and returns it.
std::vector<run_record> sweep(std::string_view name, scenario_body const& body,
                              emu::server_config const& server_cfg = {}) {
    run_record const clean = run_once(body, server_cfg, std::nullopt, 0);
    BOOST_TEST_REQUIRE(!clean.result, name << ": the clean run failed: " << describe(clean.result));
    std::cout << name << ": clean run, " << clean.requests << " requests over " << clean.connections
              << " connections\n";
    BOOST_TEST_REQUIRE(clean.requests > 0u);
    std::vector<run_record> out;
    std::map<std::string, std::size_t> tally;
    for (injected k : every_injected_kind) {
        std::size_t const steps = counts_connections(k) ? clean.connections : clean.requests;
        for (std::size_t n = 1; n <= steps; ++n) {
            run_record r = run_once(body, server_cfg, k, n);
            // The first step after arming happens in every run, so a fault there always fires.
            if (n == 1) BOOST_TEST(r.fired, name << " " << name_of(k) << " n=1 did not fire");
            std::string const verdict = !r.fired ? "not reached" : r.result ? "typed failure" : "succeeded";
            ++tally[verdict];
            // The matrix, scenario x kind x n -> outcome, goes to stdout: ctest keeps it in its log
            // (Testing/Temporary/LastTest.log) whatever the Boost.Test log level.
            std::cout << "matrix " << name << " " << name_of(k) << " n=" << n << " -> " << verdict << " "
                      << describe(r.result) << " (" << r.requests << " requests, " << r.connections
                      << " connections)\n";
            out.push_back(std::move(r));
        }
    }
    std::string summary;
    for (auto const& [verdict, count] : tally) summary += " " + verdict + "=" + std::to_string(count);
    std::cout << "matrix " << name << " summary: runs=" << out.size() << summary << std::endl;
    return out;
}

// A GET and a POST signed with OAuth 1.0a as the emulator's seeded user.
twitter::client oauth1_client(matrix_run const& run) {
    auto const& keys = run.s.server.oauth1();
    auto auth = std::make_shared<twitter::oauth1_user_handler>(
        run.s.io.get_executor(), keys.consumer_key, keys.consumer_secret, keys.access_token,
        keys.access_token_secret, std::string(), run.config);
    return twitter::client(run.s.io.get_executor(), std::move(auth), run.config);
}

asio::awaitable<error_code> signed_get_scenario(matrix_run& run) {
    auto client = oauth1_client(run);
    run.arm();
    auto [ec, me] = co_await client.async_call(v2::get_me(), use_tuple);
    if (!ec) BOOST_TEST((me.data && me.data->id == run.s.server.default_user_id()));
    co_return ec;
}

asio::awaitable<error_code> signed_post_scenario(matrix_run& run) {
    auto client = oauth1_client(run);
    run.arm();
    v2::create_tweet_params params;
    params.text = "posted once";
    auto [ec, tweet] = co_await client.async_call(v2::create_tweet(params), use_tuple);
    if (!ec) BOOST_TEST((tweet.data && tweet.data->text == "posted once"));
    co_return ec;
}

// Keeps the token store's clocks by hand, so that the test jumps past the access token's expiry.
struct shifted_clocks {
    std::atomic<std::int64_t> offset_seconds{0};
};

asio::awaitable<error_code> refresh_then_call(matrix_run& run) {
    auto clocks = std::make_shared<shifted_clocks>();
    auto updates = std::make_shared<std::vector<twitter::oauth2_token>>();
    auto const& app = run.s.server.oauth2_public_client();
    twitter::oauth2_user_params params;
    params.client_id = app.client_id;
    params.redirect_uri = app.redirect_uri;
    params.scope = {"tweet.read", "users.read", "offline.access"};
    params.token_updater = [updates](twitter::oauth2_token const& t) { updates->push_back(t); };
    params.steady_now = [clocks] {
        return std::chrono::steady_clock::now() + std::chrono::seconds(clocks->offset_seconds);
    };
    params.system_now = [clocks] {
        return std::chrono::system_clock::now() + std::chrono::seconds(clocks->offset_seconds);
    };
    auto auth = std::make_shared<twitter::oauth2_user_handler>(run.s.io.get_executor(), std::move(params),
                                                               run.config);
    twitter::client browser(run.s.io.get_executor(), run.s.config());
    std::string const location = co_await open_in_browser(browser, auth->get_authorization_url());
    auto [fetch_ec, fetched] = co_await auth->async_fetch_token(location, use_tuple);
    BOOST_TEST_REQUIRE(!fetch_ec, fetch_ec.message());
    twitter::oauth2_token const before = fetched;
    updates->clear();

    twitter::client client(run.s.io.get_executor(), auth, run.config);
    clocks->offset_seconds = 7200;  // the access token is dead: the next call must refresh first
    run.arm();
    auto [ec, me] = co_await client.async_call(v2::get_me(), use_tuple);

    // The updater only ever hears of whole tokens, and the store never loses its refresh token.
    for (auto const& t : *updates) {
        BOOST_TEST(!t.access_token.empty());
        BOOST_TEST(!t.refresh_token.empty());
        BOOST_TEST(t.access_token != before.access_token);
    }
    BOOST_TEST(updates->size() <= 1u);
    auto const kept = auth->token();
    BOOST_TEST_REQUIRE(kept.has_value());
    BOOST_TEST(!kept->refresh_token.empty());
    if (updates->empty()) {
        BOOST_TEST(kept->refresh_token == before.refresh_token);  // a failed refresh keeps the old one
        BOOST_TEST(kept->access_token == before.access_token);
    } else {
        BOOST_TEST(kept->refresh_token == updates->back().refresh_token);
    }
    if (!ec) {
        BOOST_TEST(updates->size() == 1u);
        BOOST_TEST((me.data && me.data->id == run.s.server.default_user_id()));
    }
    co_return ec;
}

// The default user's followers, 3 pages of 100 (the emulator makes 250 synthetic ones).
asio::awaitable<error_code> paginated_walk_scenario(matrix_run& run) {
    auto client = twitter::client(run.s.io.get_executor(), run.s.server.app_bearer_token(), run.config);
    v2::user_page_params params;
    params.max_results = 100;
    v2::paginator walk(client, v2::get_users_followers(run.s.server.default_user_id(), params));
    run.arm();
    std::size_t seen = 0;
    std::size_t failures = 0;
    // A failed page can be asked for again (the walk stays where it was): a caller retries it once.
    while (!walk.done()) {
        auto [ec, page] = co_await walk.async_next_page(use_tuple);
        if (ec) {
            if (++failures > 1) co_return ec;
            continue;
        }
        seen += page.data.size();
    }
    BOOST_TEST(walk.pages() == 3u);
    BOOST_TEST(seen == walk.items());
    BOOST_TEST(seen > 200u);  // 250 synthetic followers and the seeded ones
    co_return error_code{};
}

emu::server_config with_followers() {
    emu::server_config cfg;
    cfg.synthetic_followers = 250;
    return cfg;
}

// A 2.5 MiB video in 1 MiB chunks: INIT, APPEND x3, FINALIZE, then STATUS until processed.
asio::awaitable<error_code> chunked_upload(matrix_run& run) {
    auto client = user_token_client(run.s, run.config);
    std::string data = pattern_bytes(5 * 512 * 1024);
    std::string const head(
        "\0\0\0\x20"
        "ftypisom",
        12);
    data.replace(0, head.size(), head);
    twitter::media_upload_params params;
    params.media_type = "video/mp4";
    params.chunk_size = 1024 * 1024;
    run.arm();
    auto [ec, media] =
        co_await v2::async_upload_media(client, twitter::media_source::from_bytes(data), params, use_tuple);
    auto const calls = upload_calls(run.s.server);
    // INIT and FINALIZE change the server's state: they are never sent twice.
    BOOST_TEST(logged(run.s.server, "POST", "/2/media/upload/initialize") <= 1u);
    std::size_t finalizes = 0;
    for (auto const& c : calls) finalizes += c.command == "FINALIZE" ? 1 : 0;
    BOOST_TEST(finalizes <= 1u);
    if (!ec) {
        BOOST_TEST(!media.media_id.empty());
        BOOST_TEST_REQUIRE(media.processing.has_value());
        BOOST_TEST(media.processing->state == twitter::processing_state::succeeded);
    }
    co_return ec;
}

// The sample stream, whose every connection the emulator drops after one event: the client reads one Tweet,
// reconnects, reads the next.
asio::awaitable<error_code> stream_reconnect_scenario(matrix_run& run) {
    auto client = twitter::client(run.s.io.get_executor(), run.s.server.app_bearer_token(), run.config);
    v2::stream_config cfg;
    cfg.stall_timeout = std::chrono::milliseconds(500);
    v2::stream stream(client, v2::sample_stream(), cfg);
    run.arm();
    emu::fault drop;
    drop.path = "/2/tweets/sample/stream";
    drop.what = emu::fault::kind::drop_stream_after_events;
    drop.events = 1;
    drop.count = 0;
    run.s.server.inject(drop);  // after the matrix's fault: the earlier injected fault wins a request

    auto run_result = std::make_shared<std::optional<error_code>>();
    stream.async_run([run_result](error_code ec) { *run_result = ec; });
    auto& server = run.s.server;
    auto const user = server.default_user_id();
    error_code outcome;
    std::vector<std::string> want, got;
    for (std::uint64_t i = 0; i < 2 && !outcome; ++i) {
        // Each stream connection carries one event: the (i+1)th must be the only one open.
        // A close_mid_response or truncated_body that fires on the first stream request masks the drop fault
        // there (the earlier injected fault wins a request) and does nothing to a stream: that one connection
        // lasts, and the second event comes on it.
        bool const lasting_first =
            i == 1 && run.record.nth == 1 &&
            (run.record.kind == injected::close_mid_response || run.record.kind == injected::truncated_body);
        bool const open = co_await eventually(
            [&] {
                return (lasting_first || server.stats().streams_opened > i) && server.open_streams() == 1;
            },
            std::chrono::seconds(10));
        if (!open) {
            BOOST_TEST(run_result->has_value(), "the stream neither connected nor ended");
            outcome = run_result->value_or(twitter::transport_errc::connection_closed);
            break;
        }
        want.push_back(server.add_tweet(user, "event " + std::to_string(i)));
        auto [ec, event] = co_await stream.async_read_event(use_tuple);
        if (ec)
            outcome = ec;
        else
            got.push_back(event.data ? event.data->id : std::string("<no data>"));
    }
    // A stop() must end the run at once, whatever the reconnection was doing.
    stream.stop();
    BOOST_TEST(co_await eventually([&] { return run_result->has_value(); }));
    if (run_result->has_value() && !outcome)
        BOOST_TEST((**run_result == asio::error::operation_aborted), (**run_result).message());
    if (!outcome) BOOST_TEST(got == want, boost::test_tools::per_element());
    co_return outcome;
}

// For a run whose fault fired: the error it must have, or none.
void expect(run_record const& r, bool must_succeed, std::string_view what) {
    if (!r.fired) return;
    if (must_succeed)
        BOOST_TEST(!r.result,
                   what << " " << name_of(*r.kind) << " n=" << r.nth << ": " << describe(r.result));
}

}  // namespace

// Found by the matrix: a connection the server closed during the TLS handshake was tls_handshake_failed,
// which is neither retried nor reconnected (a stream gave up for good). It is a dropped connection.
BOOST_AUTO_TEST_CASE(a_connection_closed_during_the_tls_handshake_is_a_closed_connection) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto cfg = s.config();
        cfg.clock = std::make_shared<mock_clock>();
        cfg.retry.max_retries = 0;
        twitter::client client(s.io.get_executor(), s.server.app_bearer_token(), cfg);
        s.server.inject(fault_at(injected::close_during_handshake, 1));
        twitter::diagnostics diag;
        auto [ec, tweet] = co_await client.async_call(v2::get_tweet("1293593516040269825"), diag, use_tuple);
        BOOST_TEST((ec == twitter::transport_errc::connection_closed), describe(ec) << ": " << diag.message);
        BOOST_TEST(twitter::is_transient(ec));

        cfg.retry.max_retries = 1;
        twitter::client retrying(s.io.get_executor(), s.server.app_bearer_token(), cfg);
        s.server.inject(fault_at(injected::close_before_handshake, 1));
        auto [again_ec, again] =
            co_await retrying.async_call(v2::get_tweet("1293593516040269825"), use_tuple);
        BOOST_TEST(!again_ec, describe(again_ec));
        BOOST_TEST(s.server.stats().faults_fired == 2u);
    });
}

BOOST_AUTO_TEST_CASE(signed_get) {
    for (auto const& r : sweep("signed_get", signed_get_scenario)) {
        // Every fault but a 200 with a body that is not JSON is transient for an idempotent GET: it retries.
        expect(r, *r.kind != injected::malformed_body, "signed GET");
        if (r.fired && *r.kind == injected::malformed_body)
            BOOST_TEST((r.result == twitter::protocol_errc::malformed_json), describe(r.result));
    }
}

BOOST_AUTO_TEST_CASE(signed_post) {
    // POST /2/tweets is not idempotent: once the request may have reached X it is never sent again.
    scenario_body const body = [](matrix_run& run) -> asio::awaitable<error_code> {
        error_code const ec = co_await signed_post_scenario(run);
        BOOST_TEST(logged(run.s.server, "POST", "/2/tweets") <= 1u);
        co_return ec;
    };
    for (auto const& r : sweep("signed_post", body)) {
        if (!r.fired) continue;
        bool const reached_server = !counts_connections(*r.kind);
        if (reached_server && *r.kind != injected::malformed_body)
            BOOST_TEST(r.result,
                       "a POST whose answer was lost cannot succeed without a resend: " << name_of(*r.kind));
    }
}

BOOST_AUTO_TEST_CASE(oauth2_refresh) {
    for (auto const& r : sweep("oauth2_refresh", refresh_then_call)) {
        if (r.fired && r.result)
            BOOST_TEST((r.result.category() == twitter::auth_category() || twitter::is_transient(r.result) ||
                        r.result == twitter::protocol_errc::malformed_json),
                       describe(r.result));
    }
}

BOOST_AUTO_TEST_CASE(paginated_walk) {
    for (auto const& r : sweep("paginated_walk", paginated_walk_scenario, with_followers()))
        expect(r, *r.kind != injected::malformed_body, "page GET");
}

BOOST_AUTO_TEST_CASE(chunked_media_upload) {
    emu::server_config cfg;
    cfg.media_processing_polls = 2;
    sweep("chunked_media_upload", chunked_upload, cfg);
}

BOOST_AUTO_TEST_CASE(stream_reconnect) {
    emu::server_config cfg;
    cfg.stream_keep_alive_interval = std::chrono::milliseconds(50);
    for (auto const& r : sweep("stream_reconnect", stream_reconnect_scenario, cfg))
        // A stream reconnects after any one failed connection, with its backoff on the mock clock.
        expect(r, true, "stream");
}

BOOST_AUTO_TEST_SUITE_END()
