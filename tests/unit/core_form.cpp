#include "core/form.hpp"

#include "core/errc.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_form)

namespace core = twitter::core;
using core::param;

BOOST_AUTO_TEST_CASE(params_are_joined_in_order_with_rfc3986_encoding) {
    std::vector<param> const params{{"status", "Hello Ladies + Gentlemen"}, {"include_entities", "true"}};
    BOOST_TEST(core::encode_params(params) ==
               "status=Hello%20Ladies%20%2B%20Gentlemen&include_entities=true");
}

BOOST_AUTO_TEST_CASE(no_params_give_an_empty_string) { BOOST_TEST(core::encode_params({}).empty()); }

BOOST_AUTO_TEST_CASE(empty_names_and_values_keep_their_equals_sign) {
    std::vector<param> const params{{"a", ""}, {"", "b"}};
    BOOST_TEST(core::encode_params(params) == "a=&=b");
}

BOOST_AUTO_TEST_CASE(separators_inside_values_are_encoded) {
    std::vector<param> const params{{"q", "a=b&c"}, {"tweet.fields", "created_at,author_id"}};
    BOOST_TEST(core::encode_params(params) == "q=a%3Db%26c&tweet.fields=created_at%2Cauthor_id");
}

BOOST_AUTO_TEST_CASE(token_response_is_parsed) {
    auto const parsed = core::parse_form(
        "oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&oauth_token_secret=veNRnAWe6inF%2Buo8&"
        "oauth_callback_confirmed=true");
    BOOST_TEST_REQUIRE(parsed.has_value());
    std::vector<param> const expected{{"oauth_token", "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0"},
                                      {"oauth_token_secret", "veNRnAWe6inF+uo8"},
                                      {"oauth_callback_confirmed", "true"}};
    BOOST_TEST((*parsed == expected));
}

BOOST_AUTO_TEST_CASE(plus_in_a_form_is_a_space) {
    auto const parsed = core::parse_form("a3=2+q&b=%2B");
    BOOST_TEST_REQUIRE(parsed.has_value());
    BOOST_TEST(((*parsed)[0] == param{"a3", "2 q"}));
    BOOST_TEST(((*parsed)[1] == param{"b", "+"}));
}

BOOST_AUTO_TEST_CASE(piece_without_equals_has_an_empty_value) {
    auto const parsed = core::parse_form("c2&a=");
    BOOST_TEST_REQUIRE(parsed.has_value());
    std::vector<param> const expected{{"c2", ""}, {"a", ""}};
    BOOST_TEST((*parsed == expected));
}

BOOST_AUTO_TEST_CASE(empty_pieces_are_skipped) {
    auto const parsed = core::parse_form("&a=1&&b=2&");
    BOOST_TEST_REQUIRE(parsed.has_value());
    std::vector<param> const expected{{"a", "1"}, {"b", "2"}};
    BOOST_TEST((*parsed == expected));
    BOOST_TEST(core::parse_form("")->empty());
}

BOOST_AUTO_TEST_CASE(duplicates_and_order_are_kept) {
    auto const parsed = core::parse_form("b=2&a=1&b=1");
    BOOST_TEST_REQUIRE(parsed.has_value());
    std::vector<param> const expected{{"b", "2"}, {"a", "1"}, {"b", "1"}};
    BOOST_TEST((*parsed == expected));
}

BOOST_AUTO_TEST_CASE(value_may_contain_equals_signs) {
    auto const parsed = core::parse_form("a=b=c");
    BOOST_TEST_REQUIRE(parsed.has_value());
    BOOST_TEST(((*parsed)[0] == param{"a", "b=c"}));
}

BOOST_AUTO_TEST_CASE(bad_escape_fails_the_whole_parse) {
    for (char const* bad : {"a=%ZZ", "a=1&b%2=2", "%"}) {
        auto const parsed = core::parse_form(bad);
        BOOST_TEST_REQUIRE(parsed.has_error());
        BOOST_TEST((parsed.error() == core::core_errc::bad_percent_escape));
    }
}

BOOST_AUTO_TEST_CASE(encode_then_parse_round_trips) {
    std::vector<param> const params{
        {"status", "caf\xC3\xA9 & co = 100% + \xE2\x98\x83"}, {"empty", ""}, {"a+b", "c d"}, {"~", "!*'()"}};
    auto const parsed = core::parse_form(core::encode_params(params));
    BOOST_TEST_REQUIRE(parsed.has_value());
    BOOST_TEST((*parsed == params));
}

BOOST_AUTO_TEST_SUITE_END()
