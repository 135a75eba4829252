#include "core/v1_cursor.hpp"

#include <twitter/error.hpp>
#include <twitter/page_limits.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_v1_cursor)

namespace {
using namespace twitter::core;
using twitter::error_code;
using twitter::page_limits;
using twitter::protocol_errc;
}  // namespace

BOOST_AUTO_TEST_CASE(id_minus_one_works_on_the_decimal_string) {
    // Over 2^53: a double would give 1293593516040269824 back.
    BOOST_TEST(id_minus_one("1293593516040269825").value() == "1293593516040269824");
    BOOST_TEST(id_minus_one("1000").value() == "999");
    BOOST_TEST(id_minus_one("1").value() == "0");
    BOOST_TEST(id_minus_one("18446744073709551615").value() == "18446744073709551614");
}

BOOST_AUTO_TEST_CASE(id_minus_one_rejects_what_is_not_a_positive_id) {
    for (char const* bad : {"", "0", "-5", "+5", " 5", "5 ", "12a", "18446744073709551616", "1e9"}) {
        auto const r = id_minus_one(bad);
        BOOST_TEST_REQUIRE(r.has_error(), '"' << bad << '"');
        BOOST_TEST(r.error() == error_code(protocol_errc::malformed_json));
    }
}

BOOST_AUTO_TEST_CASE(smallest_id_compares_numbers_not_text) {
    std::vector<std::string> const ids{"1293593516040269825", "999999999999999999", "1293593516040269824"};
    BOOST_TEST((smallest_id(ids).value() == std::optional<std::string>("999999999999999999")));
    BOOST_TEST(!smallest_id({}).value().has_value());
    std::vector<std::string> const bad{"1", "x"};
    BOOST_TEST(smallest_id(bad).has_error());
}

BOOST_AUTO_TEST_CASE(cursor_walk_starts_at_minus_one_and_ends_at_zero) {
    cursor_state c;
    BOOST_TEST(c.cursor() == "-1");
    BOOST_TEST(c.on_page("1489234567890123456", "0", 5000) == 5000u);
    BOOST_TEST(!c.done());
    BOOST_TEST(c.cursor() == "1489234567890123456");
    BOOST_TEST(c.on_page("1389234567890123456", "-1489234567890123456", 5000) == 5000u);
    BOOST_TEST(c.cursor() == "1389234567890123456");
    c.on_page("0", "-1389234567890123456", 12);
    BOOST_TEST(c.done());
    BOOST_TEST(c.pages() == 3u);
    BOOST_TEST(c.items() == 10012u);
}

BOOST_AUTO_TEST_CASE(an_empty_cursor_page_mid_list_does_not_end_the_walk) {
    cursor_state c;
    c.on_page("1600000000000000000", "0", 0);
    BOOST_TEST(!c.done());
    BOOST_TEST(c.cursor() == "1600000000000000000");
}

BOOST_AUTO_TEST_CASE(a_missing_cursor_ends_the_walk) {
    cursor_state c;
    c.on_page("", "", 20);
    BOOST_TEST(c.done());
}

BOOST_AUTO_TEST_CASE(backward_walk_follows_previous_cursor) {
    cursor_state c(cursor_direction::backward);
    c.on_page("123", "-456", 20);
    BOOST_TEST(!c.done());
    BOOST_TEST(c.cursor() == "-456");
    c.on_page("456", "0", 20);
    BOOST_TEST(c.done());
}

BOOST_AUTO_TEST_CASE(cursor_limits_apply) {
    cursor_state c(cursor_direction::forward, page_limits{std::nullopt, 30});
    BOOST_TEST(c.on_page("11", "0", 20) == 20u);
    BOOST_TEST(c.on_page("22", "-11", 20) == 10u);
    BOOST_TEST(c.done());
    cursor_state two_pages(cursor_direction::forward, page_limits{2, std::nullopt});
    two_pages.on_page("11", "0", 1);
    two_pages.on_page("22", "-11", 1);
    BOOST_TEST(two_pages.done());
    BOOST_TEST(cursor_state(cursor_direction::forward, page_limits{0, std::nullopt}).done());
}

BOOST_AUTO_TEST_CASE(max_id_walk_asks_below_the_smallest_id) {
    max_id_state w;
    BOOST_TEST(!w.max_id().has_value());
    std::vector<std::string> const first{"1293593516040269825", "1293593516040269900", "1293593516040269830"};
    BOOST_TEST(w.on_page(first).value() == 3u);
    BOOST_TEST((w.max_id() == std::optional<std::string>("1293593516040269824")));
    std::vector<std::string> const second{"1200000000000000005"};
    w.on_page(second);
    BOOST_TEST((w.max_id() == std::optional<std::string>("1200000000000000004")));
    BOOST_TEST(!w.done());
    BOOST_TEST(w.on_page({}).value() == 0u);  // the empty page ends it
    BOOST_TEST(w.done());
    BOOST_TEST(w.pages() == 3u);
}

BOOST_AUTO_TEST_CASE(max_id_walk_ends_below_id_one) {
    max_id_state w;
    std::vector<std::string> const ids{"0", "3"};
    BOOST_TEST(w.on_page(ids).value() == 2u);
    BOOST_TEST(w.done());
}

BOOST_AUTO_TEST_CASE(max_id_walk_fails_on_a_bad_id) {
    max_id_state w;
    std::vector<std::string> const ids{"12", "1.5"};
    auto const r = w.on_page(ids);
    BOOST_TEST_REQUIRE(r.has_error());
    BOOST_TEST(r.error() == error_code(protocol_errc::malformed_json));
    BOOST_TEST(w.done());
}

BOOST_AUTO_TEST_CASE(max_id_walk_limits_apply) {
    max_id_state w(page_limits{std::nullopt, 3});
    std::vector<std::string> const ids{"50", "40"};
    BOOST_TEST(w.on_page(ids).value() == 2u);
    BOOST_TEST(!w.done());
    std::vector<std::string> const more{"30", "20"};
    BOOST_TEST(w.on_page(more).value() == 1u);
    BOOST_TEST(w.done());
}

BOOST_AUTO_TEST_SUITE_END()
