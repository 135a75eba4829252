#include "core/percent_encoding.hpp"

#include "core/errc.hpp"
#include "core_vectors.hpp"

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <cstdio>
#include <string>

BOOST_AUTO_TEST_SUITE(core_percent_encoding)

namespace core = twitter::core;
using core::core_errc;

BOOST_AUTO_TEST_CASE(shared_vectors_encode_byte_for_byte) {
    int checked = 0;
    for (auto const& v : core::test::vector_list("percent_encoding")) {
        auto const input = core::test::text(v.at("input"));
        auto const encoded = core::test::text(v.at("encoded"));
        BOOST_TEST(core::percent_encode(input) == encoded);
        auto const decoded = core::percent_decode(encoded);
        BOOST_TEST_REQUIRE(decoded.has_value());
        BOOST_TEST(*decoded == input);
        ++checked;
    }
    BOOST_TEST(checked > 0);
}

BOOST_AUTO_TEST_CASE(unreserved_characters_are_untouched) {
    std::string const unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    BOOST_TEST(core::percent_encode(unreserved) == unreserved);
}

BOOST_AUTO_TEST_CASE(every_other_byte_becomes_uppercase_hex) {
    for (int c = 0; c < 256; ++c) {
        std::string const in(1, static_cast<char>(c));
        auto const out = core::percent_encode(in);
        bool const unreserved = std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved && c < 128) {
            BOOST_TEST(out == in);
        } else {
            char expected[4];
            std::snprintf(expected, sizeof expected, "%%%02X", c);
            BOOST_TEST(out == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(reserved_characters_are_encoded) {
    BOOST_TEST(core::percent_encode(":/?#[]@!$&'()*+,;= %") ==
               "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%20%25");
}

BOOST_AUTO_TEST_CASE(utf8_is_encoded_per_byte) {
    BOOST_TEST(core::percent_encode("caf\xC3\xA9 \xF0\x9F\x90\xA6") == "caf%C3%A9%20%F0%9F%90%A6");
}

BOOST_AUTO_TEST_CASE(encode_to_appends) {
    std::string out = "x=";
    core::percent_encode_to(out, "a b");
    BOOST_TEST(out == "x=a%20b");
}

BOOST_AUTO_TEST_CASE(empty_input_gives_empty_output) {
    BOOST_TEST(core::percent_encode("").empty());
    BOOST_TEST(core::percent_decode("")->empty());
    BOOST_TEST(core::form_decode("")->empty());
    BOOST_TEST(core::form_encode("").empty());
}

BOOST_AUTO_TEST_CASE(every_byte_round_trips) {
    std::string all;
    for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
    auto const decoded = core::percent_decode(core::percent_encode(all));
    BOOST_TEST_REQUIRE(decoded.has_value());
    BOOST_TEST(*decoded == all);
}

BOOST_AUTO_TEST_CASE(lowercase_hex_is_decoded) {
    BOOST_TEST(*core::percent_decode("%e2%98%83") == "\xE2\x98\x83");
}

BOOST_AUTO_TEST_CASE(plus_is_literal_in_percent_decode_and_space_in_form_decode) {
    BOOST_TEST(*core::percent_decode("a+b%2B") == "a+b+");
    BOOST_TEST(*core::form_decode("a+b%2B") == "a b+");
}

BOOST_AUTO_TEST_CASE(bad_percent_escapes_are_rejected) {
    for (char const* bad : {"%", "%4", "%G1", "%1G", "abc%2", "%%41", "a%zzb", "100%"}) {
        BOOST_TEST_CONTEXT(bad) {
            auto const p = core::percent_decode(bad);
            BOOST_TEST_REQUIRE(p.has_error());
            BOOST_TEST((p.error() == core_errc::bad_percent_escape));
            auto const f = core::form_decode(bad);
            BOOST_TEST_REQUIRE(f.has_error());
            BOOST_TEST((f.error() == core_errc::bad_percent_escape));
        }
    }
}

BOOST_AUTO_TEST_CASE(failed_decode_to_leaves_output_as_it_was) {
    std::string out = "kept";
    BOOST_TEST(core::form_decode_to(out, "a%2").has_error());
    BOOST_TEST(out == "kept");
    BOOST_TEST(core::form_decode_to(out, "+%21").has_value());
    BOOST_TEST(out == "kept !");
}

BOOST_AUTO_TEST_CASE(form_encode_uses_plus_for_space_and_the_whatwg_safe_set) {
    BOOST_TEST(core::form_encode("a b*-._~+:") == "a+b*-._%7E%2B%3A");
    BOOST_TEST(*core::form_decode(core::form_encode("a b*-._~+:")) == "a b*-._~+:");
}

BOOST_AUTO_TEST_SUITE_END()
