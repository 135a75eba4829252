#include "core/basic_auth.hpp"

#include "core/base64.hpp"
#include "core_vectors.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(core_basic_auth)

namespace core = twitter::core;

BOOST_AUTO_TEST_CASE(shared_vectors_match_byte_for_byte) {
    int checked = 0;
    for (auto const& v : core::test::vector_list("basic_auth")) {
        BOOST_TEST_CONTEXT(core::test::text(v.at("name"))) {
            BOOST_TEST(core::basic_authorization(core::test::text(v.at("consumer_key")),
                                                 core::test::text(v.at("consumer_secret"))) ==
                       core::test::text(v.at("authorization")));
        }
        ++checked;
    }
    BOOST_TEST(checked > 0);
}

BOOST_AUTO_TEST_CASE(parts_are_form_urlencoded_before_joining) {
    // RFC 6749 section 2.3.1: a ':' in the id would otherwise split the pair in the wrong place.
    auto const header = core::basic_authorization("my id:1", "s+cr~t");
    BOOST_TEST_REQUIRE(header.starts_with("Basic "));
    auto const pair = core::base64_decode(std::string_view(header).substr(6));
    BOOST_TEST_REQUIRE(pair.has_value());
    BOOST_TEST(*pair == "my+id%3A1:s%2Bcr%7Et");
}

BOOST_AUTO_TEST_CASE(empty_credentials_still_form_a_pair) {
    BOOST_TEST(core::basic_authorization("", "") == "Basic Og==");
}

BOOST_AUTO_TEST_SUITE_END()
