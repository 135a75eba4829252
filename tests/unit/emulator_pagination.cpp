#include "emulator/pagination.hpp"

#include <boost/test/unit_test.hpp>

using namespace twitter::emulator::detail;

BOOST_AUTO_TEST_SUITE(emulator_pagination)

BOOST_AUTO_TEST_CASE(tokens_round_trip_and_are_opaque) {
    for (std::size_t offset : {0u, 1u, 100u, 99999u}) {
        auto const token = page_token(offset);
        BOOST_TEST(token != std::to_string(offset));
        BOOST_TEST(read_page_token(token).value() == offset);
    }
    BOOST_TEST(!read_page_token(""));
    BOOST_TEST(!read_page_token("abc"));
    BOOST_TEST(!read_page_token("7140dibdnow9c7btw4232poeq0wapgnwgwqwvuwn3peex"));  // a real X token
}

BOOST_AUTO_TEST_CASE(max_results_is_checked_against_the_endpoint_range) {
    api_response error;
    auto const fallback = read_page({}, {1, 1000, 100}, error);
    BOOST_TEST_REQUIRE(fallback.has_value());
    BOOST_TEST(fallback->size == 100u);
    BOOST_TEST(fallback->offset == 0u);
    BOOST_TEST(read_page({{"max_results", "1000"}}, {1, 1000, 100}, error)->size == 1000u);
    BOOST_TEST(!read_page({{"max_results", "1001"}}, {1, 1000, 100}, error));
    BOOST_TEST(error.status == 400u);
    BOOST_TEST(error.body.find("is not between 1 and 1000") != std::string::npos);
    BOOST_TEST(!read_page({{"max_results", "9"}}, {10, 100, 10}, error));
    BOOST_TEST(!read_page({{"max_results", "ten"}}, {10, 100, 10}, error));
}

BOOST_AUTO_TEST_CASE(the_token_parameter_is_the_endpoints_own) {
    api_response error;
    auto const token = page_token(40);
    BOOST_TEST(read_page({{"next_token", token}}, {10, 100, 10, "next_token"}, error)->offset == 40u);
    // pagination_token means nothing to an endpoint that pages with next_token.
    BOOST_TEST(read_page({{"pagination_token", token}}, {10, 100, 10, "next_token"}, error)->offset == 0u);
    BOOST_TEST(!read_page({{"pagination_token", "garbage"}}, {}, error));
    BOOST_TEST(error.status == 400u);
    BOOST_TEST(error.body.find("pagination_token") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(meta_has_next_while_more_remain_and_previous_after_the_first) {
    auto const first = page_meta({0, 10}, 10, 25);
    BOOST_TEST(first.at("result_count").as_uint64() == 10u);
    BOOST_TEST(read_page_token(first.at("next_token").as_string()).value() == 10u);
    BOOST_TEST(!first.contains("previous_token"));
    auto const last = page_meta({20, 10}, 5, 25);
    BOOST_TEST(!last.contains("next_token"));
    BOOST_TEST(read_page_token(last.at("previous_token").as_string()).value() == 10u);
    auto const empty = page_meta({0, 10}, 0, 0);
    BOOST_TEST(empty.at("result_count").as_uint64() == 0u);
    BOOST_TEST(!empty.contains("next_token"));
}

BOOST_AUTO_TEST_CASE(v1_cursors_start_at_minus_one_and_end_at_zero) {
    BOOST_TEST(read_cursor("-1").value() == 0u);
    BOOST_TEST(!read_cursor("0"));
    BOOST_TEST(!read_cursor("x"));
    BOOST_TEST(next_cursor(0, 20, 50) == 21);
    BOOST_TEST(read_cursor(std::to_string(next_cursor(0, 20, 50))).value() == 20u);
    BOOST_TEST(next_cursor(40, 20, 50) == 0);
    BOOST_TEST(previous_cursor(0, 20) == 0);
    BOOST_TEST(previous_cursor(20, 20) == -1);
    BOOST_TEST(read_cursor(std::to_string(previous_cursor(40, 20))).value() == 20u);
}

BOOST_AUTO_TEST_SUITE_END()
