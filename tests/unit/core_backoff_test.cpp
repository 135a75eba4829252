#include "core/backoff.hpp"

#include <twitter/diagnostics.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>

BOOST_AUTO_TEST_SUITE(core_backoff)

namespace {
using namespace twitter::core;
using namespace std::chrono_literals;
using action = rate_limit_decision::action;
using std::chrono::milliseconds;

// 2022-10-08T00:00:00Z, a fixed "now".
constexpr std::int64_t now_unix = 1665187200;
std::chrono::system_clock::time_point const now{std::chrono::seconds(now_unix)};

backoff_policy no_jitter() {
    backoff_policy p;
    p.initial = 100ms;
    p.multiplier = 2.0;
    p.max = 1s;
    p.jitter = 0.0;
    return p;
}

rate_limit_policy waiting() {
    rate_limit_policy p;
    p.wait_on_rate_limit = true;
    p.wait_when_exhausted = true;
    p.max_wait = 15min;
    p.reset_jitter = 2s;
    p.backoff = no_jitter();
    return p;
}
}  // namespace

BOOST_AUTO_TEST_CASE(backoff_doubles_up_to_the_cap) {
    auto const p = no_jitter();
    BOOST_TEST(backoff_delay(p, 0, 0.7).count() == 100);
    BOOST_TEST(backoff_delay(p, 1, 0.7).count() == 200);
    BOOST_TEST(backoff_delay(p, 2, 0.7).count() == 400);
    BOOST_TEST(backoff_delay(p, 3, 0.7).count() == 800);
    BOOST_TEST(backoff_delay(p, 4, 0.7).count() == 1000);
    BOOST_TEST(backoff_delay(p, 4000000000u, 0.7).count() == 1000);  // no overflow
}

BOOST_AUTO_TEST_CASE(jitter_takes_off_up_to_its_share) {
    auto p = no_jitter();
    p.jitter = 0.5;
    BOOST_TEST(backoff_delay(p, 2, 0.0).count() == 400);
    BOOST_TEST(backoff_delay(p, 2, 0.5).count() == 300);
    BOOST_TEST(backoff_delay(p, 2, 0.999).count() == 200);  // 400 * (1 - 0.4995) = 200.2
    BOOST_TEST(backoff_delay(p, 10, 0.0).count() == 1000);  // the cap holds with jitter too
    BOOST_TEST(backoff_delay(p, 10, 0.999).count() == 500);
}

BOOST_AUTO_TEST_CASE(out_of_range_inputs_are_clamped_and_never_spin) {
    auto p = no_jitter();
    p.jitter = 1.0;
    BOOST_TEST(backoff_delay(p, 0, 1.0).count() == 1);  // all jitter would be zero: 1 ms at least
    p.jitter = 7.0;
    BOOST_TEST(backoff_delay(p, 1, 0.5).count() == 100);   // jitter taken as 1
    BOOST_TEST(backoff_delay(p, 1, -3.0).count() == 200);  // u taken as 0
    p.initial = 0ms;
    BOOST_TEST(backoff_delay(p, 3, 0.0).count() == 1);
}

BOOST_AUTO_TEST_CASE(a_429_without_wait_on_rate_limit_gives_up) {
    rate_limit_policy p = waiting();
    p.wait_on_rate_limit = false;
    auto const d = after_too_many_requests(p, now_unix + 60, now, 0, 0.0);
    BOOST_TEST((d.what == action::give_up));
}

BOOST_AUTO_TEST_CASE(a_429_waits_until_the_reset_plus_margin_and_jitter) {
    auto const d = after_too_many_requests(waiting(), now_unix + 300, now, 0, 0.25);
    BOOST_TEST((d.what == action::wait));
    BOOST_TEST(d.delay.count() == 301500);  // 300 s to the reset, 1 s margin, 0.25 * 2 s jitter
}

BOOST_AUTO_TEST_CASE(a_429_counts_from_the_exact_current_time) {
    auto const d = after_too_many_requests(waiting(), now_unix + 10, now + 400ms, 0, 0.0);
    BOOST_TEST(d.delay.count() == 10600);
}

BOOST_AUTO_TEST_CASE(a_429_with_a_past_reset_still_waits_a_second) {
    auto const d = after_too_many_requests(waiting(), now_unix - 30, now, 0, 0.0);
    BOOST_TEST((d.what == action::wait));
    BOOST_TEST(d.delay.count() == 1000);
}

BOOST_AUTO_TEST_CASE(a_429_past_the_maximum_wait_gives_up) {
    auto const d = after_too_many_requests(waiting(), now_unix + 16 * 60, now, 0, 0.0);
    BOOST_TEST((d.what == action::give_up));
    auto const just_in = after_too_many_requests(waiting(), now_unix + 15 * 60 - 1, now, 0, 0.0);
    BOOST_TEST((just_in.what == action::wait));
    BOOST_TEST(just_in.delay.count() == 900000);
}

BOOST_AUTO_TEST_CASE(absurd_reset_values_neither_overflow_nor_wait_forever) {
    auto const far =
        after_too_many_requests(waiting(), std::numeric_limits<std::int64_t>::max(), now, 0, 0.0);
    BOOST_TEST((far.what == action::give_up));
    auto const past =
        after_too_many_requests(waiting(), std::numeric_limits<std::int64_t>::min(), now, 0, 0.0);
    BOOST_TEST((past.what == action::wait));
    BOOST_TEST(past.delay.count() == 1000);
    auto const before = before_sending(
        waiting(), twitter::rate_limit{75, 0, std::numeric_limits<std::int64_t>::max()}, now, 0.0);
    BOOST_TEST((before.what == action::proceed));  // too long to wait: let the server answer
}

BOOST_AUTO_TEST_CASE(a_429_without_reset_backs_off_exponentially) {
    auto const p = waiting();
    BOOST_TEST(after_too_many_requests(p, std::nullopt, now, 0, 0.0).delay.count() == 100);
    BOOST_TEST(after_too_many_requests(p, std::nullopt, now, 1, 0.0).delay.count() == 200);
    BOOST_TEST(after_too_many_requests(p, std::nullopt, now, 2, 0.0).delay.count() == 400);
    BOOST_TEST((after_too_many_requests(p, std::nullopt, now, 2, 0.0).what == action::wait));
}

BOOST_AUTO_TEST_CASE(a_backoff_longer_than_the_maximum_wait_gives_up) {
    auto p = waiting();
    p.max_wait = 300ms;
    BOOST_TEST((after_too_many_requests(p, std::nullopt, now, 1, 0.0).what == action::wait));
    BOOST_TEST((after_too_many_requests(p, std::nullopt, now, 2, 0.0).what == action::give_up));
}

BOOST_AUTO_TEST_CASE(requests_remaining_are_sent_at_once) {
    auto const d = before_sending(waiting(), twitter::rate_limit{75, 1, now_unix + 600}, now, 0.0);
    BOOST_TEST((d.what == action::proceed));
    BOOST_TEST((before_sending(waiting(), std::nullopt, now, 0.0).what == action::proceed));
}

BOOST_AUTO_TEST_CASE(none_remaining_waits_for_the_reset_before_sending) {
    auto const d = before_sending(waiting(), twitter::rate_limit{75, 0, now_unix + 120}, now, 0.5);
    BOOST_TEST((d.what == action::wait));
    BOOST_TEST(d.delay.count() == 122000);
}

BOOST_AUTO_TEST_CASE(none_remaining_after_the_reset_is_sent_at_once) {
    auto const d = before_sending(waiting(), twitter::rate_limit{75, 0, now_unix - 2}, now, 0.5);
    BOOST_TEST((d.what == action::proceed));
}

BOOST_AUTO_TEST_CASE(none_remaining_without_waiting_lets_the_server_answer) {
    auto p = waiting();
    p.wait_when_exhausted = false;
    BOOST_TEST(
        (before_sending(p, twitter::rate_limit{75, 0, now_unix + 120}, now, 0.0).what == action::proceed));
    p = waiting();
    p.max_wait = 60s;
    BOOST_TEST(
        (before_sending(p, twitter::rate_limit{75, 0, now_unix + 120}, now, 0.0).what == action::proceed));
}

BOOST_AUTO_TEST_SUITE_END()
