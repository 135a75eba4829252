#include "core/errc.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(core_errc)

using errc = twitter::core::core_errc;

BOOST_AUTO_TEST_CASE(every_code_has_a_message_in_the_core_category) {
    for (int i = static_cast<int>(errc::bad_percent_escape); i <= static_cast<int>(errc::crypto_failure);
         ++i) {
        boost::system::error_code const ec = static_cast<errc>(i);
        BOOST_TEST(std::string(ec.category().name()) == "twitter.core");
        BOOST_TEST(!ec.message().empty());
        BOOST_TEST(ec.message().find("unknown") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(codes_compare_equal_to_their_enum) {
    boost::system::error_code const ec = errc::bad_base64;
    BOOST_TEST((ec == errc::bad_base64));
    BOOST_TEST((ec != errc::bad_percent_escape));
    BOOST_TEST(ec.failed());
}

BOOST_AUTO_TEST_SUITE_END()
