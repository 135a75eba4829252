#include "core/param.hpp"

#include <boost/test/unit_test.hpp>

#include <type_traits>

BOOST_AUTO_TEST_SUITE(core_param)

using twitter::core::param;

static_assert(std::is_aggregate_v<param>);
static_assert(std::is_same_v<param, twitter::param>, "the core signs the public type without copying");

BOOST_AUTO_TEST_CASE(param_is_a_comparable_aggregate) {
    param const a{"status", "hello"};
    param const b{.name = "status", .value = "hello"};
    BOOST_TEST((a == b));
    BOOST_TEST(!(a == param{"status", "hello!"}));
    BOOST_TEST(!(a == param{"Status", "hello"}));
}

BOOST_AUTO_TEST_SUITE_END()
