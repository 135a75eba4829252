#include "core/json_validation.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include "recorded_fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_json_validation)

namespace {

using twitter::core::is_valid_json;
namespace json = boost::json;

// Boost.JSON's full parser is the reference: a body is JSON when it builds a document.
bool parses(std::string_view text) {
    boost::system::error_code ec;
    json::parse(text, ec);
    return !ec;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_recorded_json_body_validates) {
    std::size_t json_bodies = 0;
    std::size_t other_bodies = 0;
    for (test::recorded_response const& r : test::recorded_responses()) {
        if (!r.body) continue;
        if (parses(*r.body)) {
            ++json_bodies;
            BOOST_TEST(is_valid_json(*r.body), r.file);
        } else {
            ++other_bodies;
            BOOST_TEST(!is_valid_json(*r.body), r.file);
        }
    }
    BOOST_TEST(json_bodies > 200u);
    BOOST_TEST(other_bodies > 0u);  // the empty bodies of 204 and media responses
}

BOOST_AUTO_TEST_CASE(every_proper_prefix_of_a_recorded_body_is_invalid) {
    std::string body;
    for (test::recorded_response const& r : test::recorded_responses())
        if (r.body && r.body->size() > body.size() && r.body->size() < 4096 && r.body->front() == '{') body = *r.body;
    BOOST_TEST_REQUIRE(body.size() > 100u);
    BOOST_TEST_REQUIRE(is_valid_json(body));
    for (std::size_t n = 0; n < body.size(); ++n)
        BOOST_TEST(!is_valid_json(std::string_view(body).substr(0, n)), "prefix of " << n << " bytes");
}

BOOST_AUTO_TEST_CASE(scalars_are_valid) {
    for (char const* text : {"null", "true", "false", "0", "-1", "3.25", "-1.5e10", "1E-3", R"("")",
                             R"("text")", R"("\u00e9\n\"")", "18446744073709551616"})
        BOOST_TEST(is_valid_json(text), text);
}

BOOST_AUTO_TEST_CASE(containers_are_valid) {
    for (char const* text : {"{}", "[]", R"({"a":1})", R"([1,"two",null,{"x":[true,false]}])",
                             R"({"data":{"id":"20","text":"just setting up my twttr"}})", R"({"":""})"})
        BOOST_TEST(is_valid_json(text), text);
}

BOOST_AUTO_TEST_CASE(utf8_text_is_valid) { BOOST_TEST(is_valid_json("\"caf\xc3\xa9 \xf0\x9f\x90\xa6\"")); }

BOOST_AUTO_TEST_CASE(whitespace_around_the_value_is_ok) {
    BOOST_TEST(is_valid_json("{} "));
    BOOST_TEST(is_valid_json("{}\r\n"));
    BOOST_TEST(is_valid_json("[1]\t\n \r"));
    BOOST_TEST(is_valid_json(" \n{}"));
    BOOST_TEST(is_valid_json("null\n"));
    BOOST_TEST(is_valid_json("1 "));
    BOOST_TEST(is_valid_json("{ \"a\" : [ 1 , 2 ] }"));
}

BOOST_AUTO_TEST_CASE(nesting_of_real_responses_is_valid) {
    // The deepest recorded body nests 13 levels; leave room for more.
    std::string const deep = std::string(20, '[') + std::string(20, ']');
    BOOST_TEST(is_valid_json(deep));
}

BOOST_AUTO_TEST_CASE(empty_text_is_invalid) {
    BOOST_TEST(!is_valid_json(""));
    BOOST_TEST(!is_valid_json(std::string_view()));
    BOOST_TEST(!is_valid_json(" "));
    BOOST_TEST(!is_valid_json("\r\n\t"));
}

BOOST_AUTO_TEST_CASE(garbage_is_invalid) {
    for (char const* text :
         {"garbage", "<html><body>Over capacity</body></html>", "{a:1}", "{'a':1}", "'x'", "undefined",
          "True", "NULL", "NaN", "Infinity", "-", ".5", "01", "1.", "+1", "0x10"})
        BOOST_TEST(!is_valid_json(text), text);
}

BOOST_AUTO_TEST_CASE(truncated_values_are_invalid) {
    for (char const* text : {"nul", "tru", "fals", R"({"a":)", R"({"a")", R"({"a)", "[1,2", R"("abc)", "1e",
                             "-", R"("\u00)", "{"})
        BOOST_TEST(!is_valid_json(text), text);
}

BOOST_AUTO_TEST_CASE(trailing_garbage_is_invalid) {
    for (char const* text :
         {"{}x", "{} {}", "1 2", "nullx", "null null", "[]]", "{}}", R"({"a":1},)", "[] ,"})
        BOOST_TEST(!is_valid_json(text), text);
    BOOST_TEST(!is_valid_json(std::string_view("{}\0", 3)));
    BOOST_TEST(!is_valid_json(std::string_view("{} \0", 4)));
}

BOOST_AUTO_TEST_CASE(whitespace_outside_json_is_invalid) {
    BOOST_TEST(!is_valid_json("{}\v"));
    BOOST_TEST(!is_valid_json("{}\f"));
    BOOST_TEST(!is_valid_json("\f{}"));
}

BOOST_AUTO_TEST_CASE(unbalanced_brackets_are_invalid) {
    for (char const* text : {"{", "}", "[", "]", "[}", "{]", "[[]", "[]]", R"({"a":[1})", R"([{"a":1])"})
        BOOST_TEST(!is_valid_json(text), text);
}

BOOST_AUTO_TEST_CASE(extensions_are_invalid) {
    for (char const* text :
         {"[1,]", R"({"a":1,})", "/* c */ {}", "{} // c", "[1 2]", R"({"a" 1})", R"({1:2})"})
        BOOST_TEST(!is_valid_json(text), text);
}

BOOST_AUTO_TEST_CASE(bad_strings_are_invalid) {
    BOOST_TEST(!is_valid_json(R"("\x")"));
    BOOST_TEST(!is_valid_json(R"("\u12")"));
    BOOST_TEST(!is_valid_json("\"a\nb\""));      // raw control character
    BOOST_TEST(!is_valid_json("\"\xff\""));      // not UTF-8
    BOOST_TEST(!is_valid_json("\"\xc3\""));      // cut UTF-8 sequence
    BOOST_TEST(!is_valid_json("\"\xc0\xaf\""));  // overlong encoding
}

BOOST_AUTO_TEST_CASE(absurd_nesting_does_not_crash) {
    std::string const open = std::string(1'000'000, '[');
    BOOST_TEST(!is_valid_json(open));
    // Balanced, it is JSON by the grammar; the answer must agree with the full parser's depth limit.
    std::string const balanced = open + std::string(1'000'000, ']');
    BOOST_TEST(is_valid_json(balanced) == parses(balanced));
}

BOOST_AUTO_TEST_SUITE_END()
