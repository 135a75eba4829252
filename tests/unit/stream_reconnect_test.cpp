#include "core/stream_reconnect.hpp"

#include <twitter/error.hpp>
#include <twitter/retry.hpp>

#include <boost/asio/error.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

BOOST_AUTO_TEST_SUITE(stream_reconnect)

namespace {
using namespace twitter::core;
using namespace std::chrono_literals;
using std::chrono::milliseconds;
using twitter::error_code;
using twitter::stream_reconnect_policy;

std::int64_t ms(std::optional<milliseconds> wait) {
    BOOST_TEST_REQUIRE(wait.has_value());
    return wait->count();
}

// The waits of `n` failures of one class in a row, from a fresh schedule.
std::vector<std::int64_t> waits(stream_failure what, unsigned n) {
    reconnect_schedule schedule{stream_reconnect_policy{}};
    std::vector<std::int64_t> out;
    for (unsigned i = 0; i < n; ++i) out.push_back(ms(schedule.on_failure(what)));
    return out;
}

char const* name(stream_failure f) {
    switch (f) {
        case stream_failure::network:
            return "network";
        case stream_failure::http:
            return "http";
        case stream_failure::rate_limited:
            return "rate_limited";
        case stream_failure::fatal:
            return "fatal";
    }
    return "?";
}
}  // namespace

BOOST_AUTO_TEST_CASE(network_failures_back_off_linearly_to_16_seconds) {
    auto const got = waits(stream_failure::network, 66);
    for (unsigned n = 1; n <= 64; ++n) BOOST_TEST(got[n - 1] == std::int64_t{250} * n);
    BOOST_TEST(got[63] == 16000);
    BOOST_TEST(got[64] == 16000);
    BOOST_TEST(got[65] == 16000);
}

BOOST_AUTO_TEST_CASE(http_failures_double_from_5_seconds_to_320) {
    BOOST_TEST(waits(stream_failure::http, 9) == (std::vector<std::int64_t>{5000, 10000, 20000, 40000, 80000,
                                                                            160000, 320000, 320000, 320000}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rate_limits_double_from_a_minute_to_16) {
    BOOST_TEST(waits(stream_failure::rate_limited, 7) ==
                   (std::vector<std::int64_t>{60000, 120000, 240000, 480000, 960000, 960000, 960000}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_class_keeps_its_own_count) {
    reconnect_schedule schedule{stream_reconnect_policy{}};
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 250);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 500);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::http)) == 5000);  // not 20 s
    BOOST_TEST(ms(schedule.on_failure(stream_failure::rate_limited)) == 60000);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 750);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::http)) == 10000);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::rate_limited)) == 120000);
    BOOST_TEST(schedule.consecutive_failures() == 7u);
}

BOOST_AUTO_TEST_CASE(a_healthy_connection_starts_every_schedule_over) {
    reconnect_schedule schedule{stream_reconnect_policy{}};
    for (int i = 0; i < 3; ++i) {
        (void)schedule.on_failure(stream_failure::network);
        (void)schedule.on_failure(stream_failure::http);
        (void)schedule.on_failure(stream_failure::rate_limited);
    }
    schedule.on_healthy();
    BOOST_TEST(schedule.consecutive_failures() == 0u);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 0);  // the healthy connection's end
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 250);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::http)) == 5000);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::rate_limited)) == 60000);
}

BOOST_AUTO_TEST_CASE(the_end_of_a_healthy_connection_reconnects_at_once_only_once) {
    for (auto const what : {stream_failure::network, stream_failure::http, stream_failure::rate_limited}) {
        BOOST_TEST_CONTEXT(name(what)) {
            reconnect_schedule schedule{stream_reconnect_policy{}};
            schedule.on_healthy();
            BOOST_TEST(ms(schedule.on_failure(what)) == 0);
            BOOST_TEST(schedule.consecutive_failures() == 0u);  // not a failed attempt
            BOOST_TEST(ms(schedule.on_failure(what)) > 0);
            BOOST_TEST(ms(schedule.on_failure(what)) > 0);
            BOOST_TEST(schedule.consecutive_failures() == 2u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_fatal_failure_gives_up_at_once) {
    reconnect_schedule fresh{stream_reconnect_policy{}};
    BOOST_TEST(!fresh.on_failure(stream_failure::fatal).has_value());

    reconnect_schedule after_healthy{stream_reconnect_policy{}};
    after_healthy.on_healthy();
    BOOST_TEST(!after_healthy.on_failure(stream_failure::fatal).has_value());

    reconnect_schedule after_retries{stream_reconnect_policy{}};
    (void)after_retries.on_failure(stream_failure::network);
    BOOST_TEST(!after_retries.on_failure(stream_failure::fatal).has_value());
}

BOOST_AUTO_TEST_CASE(max_retries_gives_up_after_that_many_retries_in_a_row) {
    stream_reconnect_policy policy;
    policy.max_retries = 3;
    reconnect_schedule schedule{policy};
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 250);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::http)) == 5000);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 500);
    BOOST_TEST(!schedule.on_failure(stream_failure::network).has_value());  // the fourth failure in a row
    BOOST_TEST(schedule.consecutive_failures() == 4u);
}

BOOST_AUTO_TEST_CASE(a_healthy_connection_ends_the_row_of_failures) {
    stream_reconnect_policy policy;
    policy.max_retries = 2;
    reconnect_schedule schedule{policy};
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 250);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 500);
    schedule.on_healthy();
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 0);  // not counted
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 250);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 500);
    BOOST_TEST(!schedule.on_failure(stream_failure::network).has_value());
}

BOOST_AUTO_TEST_CASE(zero_max_retries_never_retries) {
    stream_reconnect_policy policy;
    policy.max_retries = 0;
    reconnect_schedule schedule{policy};
    BOOST_TEST(!schedule.on_failure(stream_failure::network).has_value());
}

BOOST_AUTO_TEST_CASE(without_max_retries_it_never_gives_up) {
    reconnect_schedule schedule{stream_reconnect_policy{}};
    stream_failure const classes[] = {stream_failure::network, stream_failure::http,
                                      stream_failure::rate_limited};
    for (unsigned i = 0; i < 10000; ++i) {
        auto const wait = schedule.on_failure(classes[i % 3]);
        if (!wait) BOOST_FAIL("gave up after " << i << " failures");
    }
    BOOST_TEST(schedule.consecutive_failures() == 10000u);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::network)) == 16000);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::http)) == 320000);
    BOOST_TEST(ms(schedule.on_failure(stream_failure::rate_limited)) == 960000);
}

BOOST_AUTO_TEST_CASE(a_thousand_failures_saturate_at_the_cap_without_overflow) {
    // Caps as large as the type allows, so that only saturation keeps the waits in range.
    stream_reconnect_policy policy;
    policy.network_step = milliseconds::max() / 3;
    policy.network_max = milliseconds::max();
    policy.http_initial = 5s;
    policy.http_max = milliseconds::max();
    policy.rate_limit_initial = 1min;
    policy.rate_limit_max = milliseconds::max() - 1ms;
    reconnect_schedule schedule{policy};
    std::optional<milliseconds> network, http, rate_limited;
    for (int n = 0; n < 1000; ++n) {
        network = schedule.on_failure(stream_failure::network);
        http = schedule.on_failure(stream_failure::http);
        rate_limited = schedule.on_failure(stream_failure::rate_limited);
        if (n == 2) BOOST_TEST(ms(network) == (milliseconds::max() / 3 * 3).count());
    }
    BOOST_TEST(ms(network) == milliseconds::max().count());
    BOOST_TEST(ms(http) == milliseconds::max().count());
    BOOST_TEST(ms(rate_limited) == (milliseconds::max() - 1ms).count());

    reconnect_schedule defaults{stream_reconnect_policy{}};
    for (int n = 0; n < 999; ++n) (void)defaults.on_failure(stream_failure::http);
    BOOST_TEST(ms(defaults.on_failure(stream_failure::http)) == 320000);
}

BOOST_AUTO_TEST_CASE(failures_are_classified_by_error) {
    using twitter::api_errc;
    using twitter::auth_errc;
    using twitter::client_errc;
    using twitter::protocol_errc;
    using twitter::transport_errc;
    namespace asio_error = boost::asio::error;
    struct row {
        error_code ec;
        stream_failure expected;
    };
    std::vector<row> const table = {
        {transport_errc::connect_timeout, stream_failure::network},
        {transport_errc::tls_handshake_timeout, stream_failure::network},
        {transport_errc::request_timeout, stream_failure::network},
        {transport_errc::resolve_failed, stream_failure::network},
        {transport_errc::connect_failed, stream_failure::network},
        {transport_errc::connection_closed, stream_failure::network},
        {transport_errc::stream_stalled, stream_failure::network},
        {transport_errc::certificate_untrusted, stream_failure::fatal},
        {transport_errc::certificate_hostname_mismatch, stream_failure::fatal},
        {transport_errc::certificate_expired, stream_failure::fatal},
        {transport_errc::tls_handshake_failed, stream_failure::fatal},
        {transport_errc::non_loopback_peer, stream_failure::fatal},
        {protocol_errc::malformed_response, stream_failure::network},
        {protocol_errc::truncated_body, stream_failure::network},
        {protocol_errc::line_too_long, stream_failure::network},
        {protocol_errc::bad_content_encoding, stream_failure::network},
        {asio_error::connection_reset, stream_failure::network},
        {asio_error::eof, stream_failure::network},
        {asio_error::host_not_found, stream_failure::network},
        {asio_error::operation_aborted, stream_failure::fatal},
        {api_errc::too_many_requests, stream_failure::rate_limited},
        {api_errc::server_error, stream_failure::http},
        {api_errc::unauthorized, stream_failure::fatal},
        {api_errc::forbidden, stream_failure::fatal},
        {api_errc::bad_request, stream_failure::fatal},
        {client_errc::missing_credential, stream_failure::fatal},
        {client_errc::invalid_url, stream_failure::fatal},
        {client_errc::insecure_scheme_refused, stream_failure::fatal},
        {client_errc::invalid_argument, stream_failure::fatal},
        {auth_errc::reauthorization_required, stream_failure::fatal},
        {auth_errc::no_token, stream_failure::fatal},
    };
    for (auto const& [ec, expected] : table) {
        BOOST_TEST_CONTEXT(ec.message()) {
            BOOST_TEST(name(classify_stream_failure(ec, 0)) == name(expected));
        }
    }
    // The legacy 420 has no api_errc of its own; its status tells.
    BOOST_TEST(name(classify_stream_failure(api_errc::unexpected_status, 420)) == "rate_limited");
    BOOST_TEST(name(classify_stream_failure(api_errc::unexpected_status, 418)) == "fatal");
}

BOOST_AUTO_TEST_CASE(failures_are_classified_by_status) {
    struct row {
        unsigned status;
        stream_failure expected;
    };
    std::vector<row> const table = {
        {200, stream_failure::network},      {204, stream_failure::http},
        {301, stream_failure::http},         {304, stream_failure::http},
        {400, stream_failure::fatal},        {401, stream_failure::fatal},
        {403, stream_failure::fatal},        {404, stream_failure::fatal},
        {409, stream_failure::fatal},        {420, stream_failure::rate_limited},
        {429, stream_failure::rate_limited}, {500, stream_failure::http},
        {503, stream_failure::http},         {504, stream_failure::http},
        {599, stream_failure::http},
    };
    for (auto const& [status, expected] : table) {
        BOOST_TEST_CONTEXT("status " << status) {
            BOOST_TEST(name(classify_stream_failure(error_code{}, status)) == name(expected));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
