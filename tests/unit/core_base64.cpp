#include "core/base64.hpp"

#include "core/errc.hpp"

#include <boost/test/unit_test.hpp>

#include <array>
#include <string>

BOOST_AUTO_TEST_SUITE(core_base64)

namespace core = twitter::core;

// RFC 4648 section 10.
BOOST_AUTO_TEST_CASE(rfc4648_vectors_encode_and_decode) {
    struct vector {
        char const* plain;
        char const* standard;
        char const* url;
    };
    for (auto const& v : std::array<vector, 7>{{{"", "", ""},
                                                {"f", "Zg==", "Zg"},
                                                {"fo", "Zm8=", "Zm8"},
                                                {"foo", "Zm9v", "Zm9v"},
                                                {"foob", "Zm9vYg==", "Zm9vYg"},
                                                {"fooba", "Zm9vYmE=", "Zm9vYmE"},
                                                {"foobar", "Zm9vYmFy", "Zm9vYmFy"}}}) {
        BOOST_TEST(core::base64_encode(std::string(v.plain)) == v.standard);
        BOOST_TEST(core::base64url_encode(std::string(v.plain)) == v.url);
        BOOST_TEST(*core::base64_decode(v.standard) == v.plain);
        BOOST_TEST(*core::base64url_decode(v.url) == v.plain);
    }
}

BOOST_AUTO_TEST_CASE(url_alphabet_replaces_plus_and_slash) {
    std::array<unsigned char, 3> const bytes{0xFB, 0xFF, 0xBF};
    BOOST_TEST(core::base64_encode(bytes) == "+/+/");
    BOOST_TEST(core::base64url_encode(bytes) == "-_-_");
    BOOST_TEST(*core::base64url_decode("-_-_") == "\xFB\xFF\xBF");
    BOOST_TEST(core::base64url_decode("+/+/").has_error());
    BOOST_TEST(core::base64_decode("-_-_").has_error());
}

BOOST_AUTO_TEST_CASE(every_length_round_trips) {
    std::string data;
    for (int n = 0; n < 70; ++n) {
        BOOST_TEST(*core::base64_decode(core::base64_encode(data)) == data);
        BOOST_TEST(*core::base64url_decode(core::base64url_encode(data)) == data);
        data += static_cast<char>(n * 37 + 11);
    }
}

BOOST_AUTO_TEST_CASE(malformed_standard_base64_is_rejected) {
    for (char const* bad : {"Zg", "Zg=", "Z===", "====", "Zm9v\n", "Zm 9v", "Zm=v",
                            "Zh==", "Zm9=", "Zg==Zg==", "Zm9v!A==", "A", "AB=C"}) {
        BOOST_TEST_CONTEXT(bad) {
            auto const r = core::base64_decode(bad);
            BOOST_TEST_REQUIRE(r.has_error());
            BOOST_TEST((r.error() == core::core_errc::bad_base64));
        }
    }
}

BOOST_AUTO_TEST_CASE(malformed_base64url_is_rejected) {
    for (char const* bad : {"Zg==", "Z", "Zm9vY", "Zh", "Zm9", "Zm.v"}) {
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(core::base64url_decode(bad).has_error()); }
    }
}

BOOST_AUTO_TEST_SUITE_END()
