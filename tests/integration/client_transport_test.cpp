#include <twitter/client.hpp>

#include "print_error_enums.hpp"
#include "scenario.hpp"

#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

namespace asio = boost::asio;
namespace data = boost::unit_test::data;
namespace emu = twitter::emulator;
using namespace std::chrono_literals;
using test::get;
using test::run_scenario;
using test::scenario;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);
auto const thread_counts = data::make({1, 2});
std::string const known_tweet = "/2/tweets/1293593516040269825";

emu::fault make_fault(std::string path, emu::fault::kind what) {
    emu::fault f;
    f.path = std::move(path);
    f.what = what;
    return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_transport)

BOOST_DATA_TEST_CASE(sequential_requests_reuse_one_connection, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        auto c = s.app_client();
        for (int i = 0; i < 10; ++i) {
            auto [ec, res] = co_await c.async_request(get(known_tweet), tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            BOOST_TEST(res.status == 200u);
            BOOST_TEST(res.body.find("1293593516040269825") != std::string::npos);
        }
        BOOST_TEST(s.server.stats().requests == 10u);
        BOOST_TEST(s.server.stats().connections_accepted == 1u);
    });
}

BOOST_DATA_TEST_CASE(concurrent_requests_never_exceed_the_pool, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        auto cfg = s.config();
        cfg.pool.max_connections_per_host = 4;
        auto c = s.make_client(cfg);

        constexpr int total = 200;
        int completed = 0;
        int failed = 0;
        auto strand = co_await asio::this_coro::executor;
        asio::steady_timer all_done(strand, asio::steady_timer::time_point::max());
        for (int i = 0; i < total; ++i) {
            c.async_request(get(known_tweet),
                            asio::bind_executor(strand, [&](twitter::error_code ec, twitter::http::response res) {
                                if (ec || res.status != 200) ++failed;
                                if (++completed == total) all_done.cancel();
                            }));
        }
        co_await all_done.async_wait(asio::as_tuple(asio::deferred));
        BOOST_TEST(completed == total);
        BOOST_TEST(failed == 0);
        BOOST_TEST(s.server.stats().requests == std::uint64_t(total));
        BOOST_TEST(s.server.stats().connections_accepted <= 4u);
        BOOST_TEST(s.server.stats().connections_accepted >= 1u);
    });
}

BOOST_DATA_TEST_CASE(untrusted_certificate_is_refused, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        auto cfg = s.config();
        cfg.tls.ca_pem.clear();  // the system roots do not know the emulator's CA
        cfg.tls.use_system_roots = true;
        auto c = s.make_client(cfg);
        twitter::diagnostics diag;
        auto [ec, res] = co_await c.async_request(get(known_tweet), diag, tuple);
        BOOST_TEST(ec == twitter::transport_errc::certificate_untrusted, ec.message());
        BOOST_TEST(!diag.message.empty());
        BOOST_TEST(s.server.stats().requests == 0u);
    });
}

BOOST_DATA_TEST_CASE(certificate_for_another_host_is_refused, thread_counts, threads) {
    emu::server_config server_cfg;
    server_cfg.certificate_names = {"api.example.org"};
    run_scenario(
        threads,
        [](scenario s) -> asio::awaitable<void> {
            auto c = s.app_client();
            auto [ec, res] = co_await c.async_request(get(known_tweet), tuple);
            BOOST_TEST(ec == twitter::transport_errc::certificate_hostname_mismatch, ec.message());

            // By DNS name too: "localhost" is not in the certificate either.
            auto cfg = s.config();
            cfg.hosts = twitter::endpoints::at("https://localhost:" + std::to_string(s.server.port()));
            auto by_name = s.make_client(cfg);
            auto [ec2, res2] = co_await by_name.async_request(get(known_tweet), tuple);
            BOOST_TEST(ec2 == twitter::transport_errc::certificate_hostname_mismatch, ec2.message());
            BOOST_TEST(s.server.stats().requests == 0u);
        },
        server_cfg);
}

BOOST_DATA_TEST_CASE(plaintext_is_refused_before_anything_is_sent, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        auto cfg = s.config();
        cfg.allow_plaintext_loopback = true;
        auto c = s.make_client(cfg);

        // A non-loopback host is refused even when plaintext loopback is allowed.
        auto [ec, res] = co_await c.async_request(get("http://api.x.com/2/tweets/20"), tuple);
        BOOST_TEST(ec == twitter::client_errc::insecure_scheme_refused, ec.message());

        // Loopback without the explicit switch is refused too.
        auto strict = s.make_client(s.config());
        auto [ec2, res2] = co_await strict.async_request(get(s.server.plain_base_url() + known_tweet), tuple);
        BOOST_TEST(ec2 == twitter::client_errc::insecure_scheme_refused, ec2.message());
        BOOST_TEST(s.server.stats().connections_accepted == 0u);

        // With the switch, loopback plaintext works.
        auto [ec3, res3] = co_await c.async_request(get(s.server.plain_base_url() + known_tweet), tuple);
        BOOST_TEST(!ec3, ec3.message());
        BOOST_TEST(res3.status == 200u);
        BOOST_TEST(s.server.stats().plain_connections == 1u);
    });
}

BOOST_DATA_TEST_CASE(stalled_response_hits_the_request_timeout, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        s.server.inject(make_fault("/2/tweets/*", emu::fault::kind::stall));
        auto cfg = s.config();
        cfg.timeouts.request = 300ms;
        cfg.retry.max_retries = 0;  // the failure of one attempt, not what a retry makes of it
        auto c = s.make_client(cfg);
        auto const start = std::chrono::steady_clock::now();
        auto [ec, res] = co_await c.async_request(get(known_tweet), tuple);
        BOOST_TEST(ec == twitter::transport_errc::request_timeout, ec.message());
        BOOST_TEST((std::chrono::steady_clock::now() - start < 5s));

        // The pool recovers: the next request opens a fresh connection and succeeds.
        auto [ec2, res2] = co_await c.async_request(get(known_tweet), tuple);
        BOOST_TEST(!ec2, ec2.message());
    });
}

BOOST_DATA_TEST_CASE(cancelled_request_completes_with_operation_aborted, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        auto f = make_fault("/2/tweets/*", emu::fault::kind::latency);
        f.delay = 3s;
        s.server.inject(f);
        auto cfg = s.config();
        cfg.pool.max_connections_per_host = 1;
        auto c = s.make_client(cfg);

        auto strand = co_await asio::this_coro::executor;
        asio::cancellation_signal signal;
        asio::steady_timer finished(strand, asio::steady_timer::time_point::max());
        twitter::error_code result;
        c.async_request(get(known_tweet),
                        asio::bind_cancellation_slot(
                            signal.slot(), asio::bind_executor(strand, [&](twitter::error_code ec, auto) {
                                result = ec;
                                finished.cancel();
                            })));
        asio::steady_timer pause(strand, 100ms);
        co_await pause.async_wait(asio::deferred);
        auto const start = std::chrono::steady_clock::now();
        signal.emit(asio::cancellation_type::terminal);
        co_await finished.async_wait(tuple);
        BOOST_TEST(result == asio::error::operation_aborted, result.message());
        BOOST_TEST((std::chrono::steady_clock::now() - start < 2s));

        // The only pooled slot was freed: the next request gets a connection and succeeds.
        auto [ec2, res2] = co_await c.async_request(get(known_tweet), tuple);
        BOOST_TEST(!ec2, ec2.message());
    });
}

// Boost 1.81's cancellation_slot_binder needs the wrapped token's return_type, which deferred tokens lack; the
// binder goes inside with_diagnostics, around use_awaitable. Cancellation must reach through both adapters.
BOOST_DATA_TEST_CASE(a_slot_bound_inside_with_diagnostics_cancels, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        auto f = make_fault("/2/tweets/*", emu::fault::kind::latency);
        f.delay = 3s;
        f.count = 0;
        s.server.inject(f);
        auto c = s.app_client();

        auto strand = co_await asio::this_coro::executor;
        asio::cancellation_signal signal;
        asio::steady_timer pause(strand, 100ms);
        pause.async_wait([&signal](boost::system::error_code) { signal.emit(asio::cancellation_type::terminal); });
        auto const start = std::chrono::steady_clock::now();
        twitter::error_code thrown;
        try {
            co_await c.async_request(get(known_tweet),
                                     twitter::with_diagnostics(asio::bind_cancellation_slot(signal.slot(),
                                                                                            asio::use_awaitable)));
        } catch (twitter::error const& e) {
            thrown = e.code();
        }
        BOOST_TEST(thrown == asio::error::operation_aborted, thrown.message());

        asio::steady_timer again(strand, 100ms);
        again.async_wait([&signal](boost::system::error_code) { signal.emit(asio::cancellation_type::terminal); });
        auto [ec, res] = co_await c.async_request(
            get(known_tweet), asio::bind_cancellation_slot(signal.slot(), asio::as_tuple(asio::use_awaitable)));
        BOOST_TEST(ec == asio::error::operation_aborted, ec.message());
        BOOST_TEST((std::chrono::steady_clock::now() - start < 2s));
    });
}

BOOST_DATA_TEST_CASE(gzip_body_is_decoded, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        auto c = s.app_client();
        auto [ec, res] = co_await c.async_request(get(known_tweet), tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(res.find_header("content-encoding").value_or("") == "gzip");
        BOOST_TEST(res.body.starts_with("{\"data\":"));
        auto const log = s.server.request_log();
        BOOST_TEST_REQUIRE(log.size() == 1u);
        bool asked_for_gzip = false;
        for (auto const& [name, value] : log[0].headers)
            if (name == "accept-encoding") asked_for_gzip = value.find("gzip") != std::string::npos;
        BOOST_TEST(asked_for_gzip);
    });
}

BOOST_DATA_TEST_CASE(oversized_body_is_an_error, thread_counts, threads) {
    for (bool const gzip : {true, false}) {
        emu::server_config server_cfg;
        server_cfg.gzip = gzip;
        run_scenario(
            threads,
            [](scenario s) -> asio::awaitable<void> {
                auto cfg = s.config();
                cfg.max_body_size = 40;
                auto c = s.make_client(cfg);
                twitter::diagnostics diag;
                auto [ec, res] = co_await c.async_request(get(known_tweet), diag, tuple);
                BOOST_TEST(ec == twitter::protocol_errc::body_too_large, ec.message());
            },
            server_cfg);
    }
}

BOOST_DATA_TEST_CASE(broken_responses_give_typed_errors, thread_counts, threads) {
    struct expectation {
        emu::fault::kind fault;
        twitter::error_code expected;
    };
    for (auto const& [fault, expected] : {
             expectation{emu::fault::kind::close_mid_response, twitter::protocol_errc::truncated_body},
             expectation{emu::fault::kind::truncated_body, twitter::protocol_errc::truncated_body},
             expectation{emu::fault::kind::malformed_body, twitter::protocol_errc::malformed_json},
             expectation{emu::fault::kind::close_before_response, twitter::transport_errc::connection_closed},
         }) {
        run_scenario(threads, [fault, expected](scenario s) -> asio::awaitable<void> {
            s.server.inject(make_fault("/2/tweets*", fault));
            auto cfg = s.config();
            cfg.retry.max_retries = 0;  // the failure of one attempt, not what a retry makes of it
            twitter::client c(s.io.get_executor(), s.server.default_user_token(), cfg);
            // A POST is never sent twice, not even on a stale keep-alive connection: the fault comes back.
            twitter::http::request req = get(known_tweet);
            if (fault == emu::fault::kind::close_before_response) {
                req.target = "/2/tweets";
                req.method = twitter::http::verb::post;
                req.kind = twitter::http::body_kind::json;
                req.body = R"({"text":"hello"})";
            }
            auto [ec, res] = co_await c.async_request(std::move(req), tuple);
            BOOST_TEST(ec == expected, ec.message() << " for fault " << static_cast<int>(fault));

            // The client is still usable afterwards.
            auto [ec2, res2] = co_await c.async_request(get(known_tweet), tuple);
            BOOST_TEST(!ec2, ec2.message());
        });
    }
}

BOOST_DATA_TEST_CASE(api_errors_are_typed_and_thrown_with_diagnostics, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        twitter::client wrong_token(s.io.get_executor(), std::string("not-a-real-token"), s.config());
        twitter::diagnostics diag;
        auto [ec, res] = co_await wrong_token.async_request(get(known_tweet), diag, tuple);
        BOOST_TEST(ec == twitter::api_errc::unauthorized);
        BOOST_TEST(res.status == 401u);
        BOOST_TEST(diag.http_status == 401u);
        BOOST_TEST_REQUIRE(!diag.errors.empty());
        BOOST_TEST(diag.errors[0].title == "Unauthorized");

        // With the default token the same failure is thrown as twitter::unauthorized.
        bool thrown = false;
        try {
            co_await wrong_token.async_request(get(known_tweet));
        } catch (twitter::unauthorized const& e) {
            thrown = true;
            BOOST_TEST(e.status() == 401u);
            BOOST_TEST(std::string(e.what()).find("not-a-real-token") == std::string::npos);
        }
        BOOST_TEST(thrown);

        // A 429 carries its reset time.
        auto f = make_fault("/2/tweets/*", emu::fault::kind::status);
        f.status = 429;
        f.headers = {{"x-rate-limit-limit", "300"}, {"x-rate-limit-remaining", "0"},
                     {"x-rate-limit-reset", "1700000000"}};
        f.body = R"({"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429})";
        s.server.inject(f);
        auto c = s.app_client();
        bool limited = false;
        try {
            co_await c.async_request(get(known_tweet));
        } catch (twitter::too_many_requests const& e) {
            limited = true;
            BOOST_TEST(e.reset_time() == 1700000000);
        }
        BOOST_TEST(limited);
    });
}

BOOST_DATA_TEST_CASE(missing_credential_fails_before_sending, thread_counts, threads) {
    run_scenario(threads, [](scenario s) -> asio::awaitable<void> {
        twitter::client anonymous(s.io.get_executor(), s.config());
        auto [ec, res] = co_await anonymous.async_request(get(known_tweet), tuple);
        BOOST_TEST(ec == twitter::client_errc::missing_credential);
        twitter::client empty_token(s.io.get_executor(), std::string(), s.config());
        auto [ec2, res2] = co_await empty_token.async_request(get(known_tweet), tuple);
        BOOST_TEST(ec2 == twitter::client_errc::missing_credential);
        BOOST_TEST(s.server.stats().connections_accepted == 0u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
