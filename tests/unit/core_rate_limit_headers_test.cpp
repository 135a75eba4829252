#include "core/rate_limit_headers.hpp"

#include <twitter/diagnostics.hpp>
#include <twitter/http/request.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include "recorded_fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_rate_limit_headers)

namespace {

using twitter::core::parse_rate_limit;
using twitter::http::header;
namespace json = boost::json;

std::optional<std::string> find(std::vector<header> const& headers, std::string const& name) {
    for (header const& h : headers)
        if (h.name == name) return h.value;
    return std::nullopt;
}

std::vector<header> three(std::string limit, std::string remaining, std::string reset) {
    return {{"x-rate-limit-limit", std::move(limit)},
            {"x-rate-limit-remaining", std::move(remaining)},
            {"x-rate-limit-reset", std::move(reset)}};
}

// Each of the three headers in turn set to `bad`, the other two valid.
void check_each_header_rejects(std::string const& bad) {
    for (std::size_t i = 0; i < 3; ++i) {
        auto headers = three("75", "73", "1665184653");
        headers[i].value = bad;
        BOOST_TEST(!parse_rate_limit(headers).has_value(),
                   headers[i].name << ": \"" << bad << "\" was accepted");
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(three_headers_are_read) {
    auto const limits = parse_rate_limit(three("75", "73", "1665184653"));
    BOOST_TEST_REQUIRE(limits.has_value());
    BOOST_TEST(limits->limit == 75u);
    BOOST_TEST(limits->remaining == 73u);
    BOOST_TEST(limits->reset == 1665184653);
}

BOOST_AUTO_TEST_CASE(real_header_set_is_read) {
    // test_asyncclient_bookmarks.json, first response, as recorded.
    std::vector<header> const headers{{"cache-control", "no-cache, no-store, max-age=0"},
                                      {"content-type", "application/json; charset=utf-8"},
                                      {"date", "Fri, 07 Oct 2022 23:06:00 UTC"},
                                      {"server", "tsa_b"},
                                      {"api-version", "2.52"},
                                      {"x-access-level", "read-write"},
                                      {"x-rate-limit-limit", "75"},
                                      {"x-rate-limit-remaining", "73"},
                                      {"x-rate-limit-reset", "1665184653"},
                                      {"x-response-time", "41"}};
    auto const limits = parse_rate_limit(headers);
    BOOST_TEST_REQUIRE(limits.has_value());
    BOOST_TEST(limits->limit == 75u);
    BOOST_TEST(limits->remaining == 73u);
    BOOST_TEST(limits->reset == 1665184653);
}

BOOST_AUTO_TEST_CASE(every_recorded_header_set_is_read) {
    std::size_t with_limits = 0;
    std::size_t without_limits = 0;
    for (auto const& set : test::recorded_responses()) {
        auto const limit = find(set.headers, "x-rate-limit-limit");
        auto const remaining = find(set.headers, "x-rate-limit-remaining");
        auto const reset = find(set.headers, "x-rate-limit-reset");
        auto const parsed = parse_rate_limit(set.headers);
        if (limit && remaining && reset) {
            ++with_limits;
            BOOST_TEST_REQUIRE(parsed.has_value(), set.file);
            BOOST_TEST(parsed->limit == std::stoull(*limit), set.file);
            BOOST_TEST(parsed->remaining == std::stoull(*remaining), set.file);
            BOOST_TEST(parsed->reset == std::stoll(*reset), set.file);
            // The x-app-rate-limit-* and x-mediaratelimit-* look-alikes must not be taken instead.
            BOOST_TEST(parsed->remaining <= parsed->limit, set.file);
        } else {
            ++without_limits;
            BOOST_TEST(!parsed.has_value(), set.file);
        }
    }
    BOOST_TEST(with_limits > 200u);
    BOOST_TEST(without_limits > 0u);
}

BOOST_AUTO_TEST_CASE(order_does_not_matter) {
    std::vector<header> const headers{{"x-rate-limit-reset", "1700000000"},
                                      {"server", "tsa_b"},
                                      {"x-rate-limit-remaining", "0"},
                                      {"x-rate-limit-limit", "900"}};
    auto const limits = parse_rate_limit(headers);
    BOOST_TEST_REQUIRE(limits.has_value());
    BOOST_TEST(limits->limit == 900u);
    BOOST_TEST(limits->remaining == 0u);
    BOOST_TEST(limits->reset == 1700000000);
}

BOOST_AUTO_TEST_CASE(look_alike_headers_are_ignored) {
    std::vector<header> const headers{
        {"x-app-rate-limit-limit", "1"},      {"x-app-rate-limit-remaining", "2"},
        {"x-app-rate-limit-reset", "3"},      {"x-mediaratelimit-limit", "4"},
        {"x-rate-limit-limit", "500"},        {"x-rate-limit-remaining", "499"},
        {"x-rate-limit-reset", "1665184653"}, {"x-mediaratelimit-remaining", "5"}};
    auto const limits = parse_rate_limit(headers);
    BOOST_TEST_REQUIRE(limits.has_value());
    BOOST_TEST(limits->limit == 500u);
    BOOST_TEST(limits->remaining == 499u);
}

BOOST_AUTO_TEST_CASE(only_look_alike_headers_give_nothing) {
    std::vector<header> const headers{{"x-app-rate-limit-limit", "1"},
                                      {"x-app-rate-limit-remaining", "2"},
                                      {"x-app-rate-limit-reset", "3"}};
    BOOST_TEST(!parse_rate_limit(headers).has_value());
}

BOOST_AUTO_TEST_CASE(no_headers_give_nothing) { BOOST_TEST(!parse_rate_limit({}).has_value()); }

BOOST_AUTO_TEST_CASE(missing_one_header_gives_nothing) {
    for (std::size_t missing = 0; missing < 3; ++missing) {
        auto headers = three("75", "73", "1665184653");
        std::string const name = headers[missing].name;
        headers.erase(headers.begin() + static_cast<std::ptrdiff_t>(missing));
        BOOST_TEST(!parse_rate_limit(headers).has_value(), "without " << name);
    }
}

BOOST_AUTO_TEST_CASE(duplicate_header_does_not_stand_in_for_a_missing_one) {
    // Three matching headers but only two distinct names: the reset time is still missing.
    std::vector<header> const headers{
        {"x-rate-limit-limit", "75"}, {"x-rate-limit-limit", "75"}, {"x-rate-limit-remaining", "73"}};
    BOOST_TEST(!parse_rate_limit(headers).has_value());
}

BOOST_AUTO_TEST_CASE(zero_values_are_read) {
    auto const limits = parse_rate_limit(three("0", "0", "0"));
    BOOST_TEST_REQUIRE(limits.has_value());
    BOOST_TEST(limits->limit == 0u);
    BOOST_TEST(limits->remaining == 0u);
    BOOST_TEST(limits->reset == 0);
}

BOOST_AUTO_TEST_CASE(largest_values_are_read) {
    auto const limits =
        parse_rate_limit(three("18446744073709551615", "18446744073709551615", "9223372036854775807"));
    BOOST_TEST_REQUIRE(limits.has_value());
    BOOST_TEST(limits->limit == UINT64_MAX);
    BOOST_TEST(limits->remaining == UINT64_MAX);
    BOOST_TEST(limits->reset == INT64_MAX);
}

BOOST_AUTO_TEST_CASE(non_numeric_value_gives_nothing) {
    for (char const* bad : {"abc", "75a", "a75", "7 5", "1.5", "1e3", "0x10", "seventy", "NaN"})
        check_each_header_rejects(bad);
}

BOOST_AUTO_TEST_CASE(surrounding_space_or_sign_gives_nothing) {
    for (char const* bad : {" 75", "75 ", "\t75", "+75"}) check_each_header_rejects(bad);
}

BOOST_AUTO_TEST_CASE(negative_value_gives_nothing) {
    for (char const* bad : {"-1", "-0", "-1665184653"}) check_each_header_rejects(bad);
}

BOOST_AUTO_TEST_CASE(overflow_gives_nothing) {
    check_each_header_rejects("18446744073709551616");  // UINT64_MAX + 1
    check_each_header_rejects("99999999999999999999999999");
    auto const reset_overflow = three("75", "73", "9223372036854775808");  // INT64_MAX + 1
    BOOST_TEST(!parse_rate_limit(reset_overflow).has_value());
}

BOOST_AUTO_TEST_CASE(empty_value_gives_nothing) { check_each_header_rejects(""); }

BOOST_AUTO_TEST_CASE(bad_value_is_rejected_even_after_a_good_set) {
    auto headers = three("75", "73", "1665184653");
    headers.push_back({"x-rate-limit-remaining", "many"});
    BOOST_TEST(!parse_rate_limit(headers).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
