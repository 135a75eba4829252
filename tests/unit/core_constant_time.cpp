#include "core/constant_time.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(core_constant_time)

using twitter::core::constant_time_equal;

BOOST_AUTO_TEST_CASE(equal_strings_compare_equal) {
    BOOST_TEST(constant_time_equal("state-123", "state-123"));
    BOOST_TEST(constant_time_equal("", ""));
    BOOST_TEST(constant_time_equal(std::string("a\0b", 3), std::string("a\0b", 3)));
}

BOOST_AUTO_TEST_CASE(same_length_different_content_is_unequal) {
    BOOST_TEST(!constant_time_equal("state-123", "state-124"));
    BOOST_TEST(!constant_time_equal("Xtate-123", "state-123"));
    BOOST_TEST(!constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

BOOST_AUTO_TEST_CASE(different_lengths_are_unequal_even_when_one_is_a_prefix) {
    BOOST_TEST(!constant_time_equal("state", "state-123"));
    BOOST_TEST(!constant_time_equal("state-123", "state"));
    BOOST_TEST(!constant_time_equal("", "x"));
    BOOST_TEST(!constant_time_equal("x", ""));
    BOOST_TEST(!constant_time_equal("abc", "xyz1"));
}

BOOST_AUTO_TEST_SUITE_END()
