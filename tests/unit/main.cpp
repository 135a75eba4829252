#define BOOST_TEST_MODULE twitter_unit_tests
#include <boost/test/unit_test.hpp>
