#include "emulator/rate_limits.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>

using twitter::emulator::detail::rate_limiter;
using namespace std::chrono_literals;

namespace {

rate_limiter::clock::time_point at(std::int64_t seconds) {
    return rate_limiter::clock::time_point{std::chrono::seconds{seconds}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_rate_limits)

BOOST_AUTO_TEST_CASE(window_opens_at_first_request) {
    rate_limiter limits{3, 900s};
    auto const s = limits.consume("GET /2/tweets/:id", "token", at(1000));
    BOOST_TEST(s.allowed);
    BOOST_TEST(s.limit == 3u);
    BOOST_TEST(s.remaining == 2u);
    BOOST_TEST(s.reset == 1900);
}

BOOST_AUTO_TEST_CASE(over_budget_is_refused_until_reset) {
    rate_limiter limits{2, 60s};
    BOOST_TEST(limits.consume("e", "t", at(0)).allowed);
    BOOST_TEST(limits.consume("e", "t", at(1)).remaining == 0u);
    auto const refused = limits.consume("e", "t", at(59));
    BOOST_TEST(!refused.allowed);
    BOOST_TEST(refused.remaining == 0u);
    BOOST_TEST(refused.reset == 60);
    auto const fresh = limits.consume("e", "t", at(60));
    BOOST_TEST(fresh.allowed);
    BOOST_TEST(fresh.remaining == 1u);
    BOOST_TEST(fresh.reset == 120);
}

BOOST_AUTO_TEST_CASE(buckets_are_per_endpoint_and_credential) {
    rate_limiter limits{1, 60s};
    BOOST_TEST(limits.consume("a", "t1", at(0)).allowed);
    BOOST_TEST(!limits.consume("a", "t1", at(0)).allowed);
    BOOST_TEST(limits.consume("a", "t2", at(0)).allowed);
    BOOST_TEST(limits.consume("b", "t1", at(0)).allowed);
}

BOOST_AUTO_TEST_CASE(peek_does_not_spend) {
    rate_limiter limits{5, 60s};
    auto const unseen = limits.peek("e", "t", at(10));
    BOOST_TEST(unseen.remaining == 5u);
    BOOST_TEST(unseen.reset == 70);
    limits.consume("e", "t", at(10));
    BOOST_TEST(limits.peek("e", "t", at(20)).remaining == 4u);
    BOOST_TEST(limits.peek("e", "t", at(20)).remaining == 4u);
    BOOST_TEST(limits.peek("e", "t", at(70)).remaining == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
