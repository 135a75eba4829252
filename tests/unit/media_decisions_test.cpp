#include "media/decisions.hpp"

#include "print_error_enums.hpp"

#include <boost/asio/error.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>

BOOST_AUTO_TEST_SUITE(media_decisions)

namespace {
using namespace std::chrono_literals;
using twitter::processing_info;
using twitter::processing_state;
using twitter::media::next_status_poll;
using action = twitter::media::poll_decision::action;
using std::chrono::milliseconds;

processing_info info(processing_state s, std::optional<std::chrono::seconds> after = std::nullopt) {
    processing_info p;
    p.state = s;
    p.check_after = after;
    return p;
}

twitter::retry_policy policy(unsigned retries) {
    twitter::retry_policy p;
    p.max_retries = retries;
    p.backoff.initial = 100ms;
    p.backoff.multiplier = 2.0;
    p.backoff.max = 1s;
    p.backoff.jitter = 0.0;
    return p;
}
}  // namespace

BOOST_AUTO_TEST_CASE(succeeded_and_failed_end_the_polling) {
    BOOST_TEST((next_status_poll(info(processing_state::succeeded), 0ms, 60s).what == action::done));
    BOOST_TEST((next_status_poll(info(processing_state::failed, 5s), 0ms, 60s).what == action::failed));
    // Even past the cap, a final state is reported as it is, not as a timeout.
    BOOST_TEST((next_status_poll(info(processing_state::succeeded), 90s, 60s).what == action::done));
}

BOOST_AUTO_TEST_CASE(pending_and_in_progress_wait_check_after_secs) {
    auto const pending = next_status_poll(info(processing_state::pending, 5s), 0ms, 600s);
    BOOST_TEST((pending.what == action::wait));
    BOOST_TEST((pending.delay == 5s));
    auto const running = next_status_poll(info(processing_state::in_progress, 10s), 20s, 600s);
    BOOST_TEST((running.what == action::wait));
    BOOST_TEST((running.delay == 10s));
}

BOOST_AUTO_TEST_CASE(check_after_is_clamped) {
    BOOST_TEST((next_status_poll(info(processing_state::pending, 0s), 0ms, 600s).delay ==
                twitter::media::min_poll_interval));
    BOOST_TEST((next_status_poll(info(processing_state::pending, 3600s), 0ms, 24h).delay ==
                twitter::media::max_poll_interval));
    // A value that would overflow milliseconds is clamped, not wrapped.
    auto const huge = std::chrono::seconds(std::chrono::seconds::max().count() / 2);
    BOOST_TEST((next_status_poll(info(processing_state::pending, huge), 0ms, 24h).delay ==
                twitter::media::max_poll_interval));
}

BOOST_AUTO_TEST_CASE(a_missing_check_after_waits_the_default) {
    BOOST_TEST((next_status_poll(info(processing_state::in_progress), 0ms, 600s).delay ==
                twitter::media::default_poll_interval));
}

BOOST_AUTO_TEST_CASE(the_wait_stops_at_the_cap_and_then_times_out) {
    auto const last = next_status_poll(info(processing_state::pending, 10s), 55s, 60s);
    BOOST_TEST((last.what == action::wait));
    BOOST_TEST((last.delay == 5s));
    BOOST_TEST((next_status_poll(info(processing_state::pending, 10s), 60s, 60s).what == action::timeout));
    BOOST_TEST((next_status_poll(info(processing_state::in_progress, 1s), 0ms, 0ms).what == action::timeout));
}

BOOST_AUTO_TEST_CASE(network_errors_and_passing_5xx_retry_an_append) {
    using twitter::media::append_retry_delay;
    auto const p = policy(3);
    auto const closed = append_retry_delay(p, twitter::transport_errc::connection_closed, 0, 0, 0.0);
    BOOST_TEST_REQUIRE(closed.has_value());
    BOOST_TEST((*closed == 100ms));
    auto const timeout = append_retry_delay(p, twitter::transport_errc::request_timeout, 0, 1, 0.0);
    BOOST_TEST_REQUIRE(timeout.has_value());
    BOOST_TEST((*timeout == 200ms));
    BOOST_TEST(append_retry_delay(p, twitter::protocol_errc::truncated_body, 204, 0, 0.0).has_value());
    for (unsigned status : {500u, 502u, 503u, 504u})
        BOOST_TEST(append_retry_delay(p, twitter::api_errc::server_error, status, 2, 0.0).has_value());
}

BOOST_AUTO_TEST_CASE(client_errors_and_cancellation_end_an_append) {
    using twitter::media::append_retry_delay;
    auto const p = policy(3);
    BOOST_TEST(!append_retry_delay(p, twitter::api_errc::bad_request, 400, 0, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(p, twitter::api_errc::unauthorized, 401, 0, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(p, twitter::api_errc::too_many_requests, 429, 0, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(p, twitter::api_errc::server_error, 501, 0, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(p, twitter::protocol_errc::malformed_json, 200, 0, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(p, boost::asio::error::operation_aborted, 0, 0, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(p, twitter::error_code{}, 204, 0, 0.0).has_value());
}

BOOST_AUTO_TEST_CASE(appends_are_retried_at_most_max_retries_times) {
    using twitter::media::append_retry_delay;
    auto const p = policy(2);
    BOOST_TEST(append_retry_delay(p, twitter::api_errc::server_error, 503, 1, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(p, twitter::api_errc::server_error, 503, 2, 0.0).has_value());
    BOOST_TEST(!append_retry_delay(policy(0), twitter::transport_errc::connection_closed, 0, 0, 0.0).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
