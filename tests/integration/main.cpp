#define BOOST_TEST_MODULE twitter_integration_tests
#include <boost/test/unit_test.hpp>
