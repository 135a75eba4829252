#include "core/oauth2_token_response.hpp"

#include "print_error_enums.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <string_view>

BOOST_AUTO_TEST_SUITE(core_oauth2_token_response)

namespace core = twitter::core;
using twitter::auth_errc;
using twitter::error_code;
using namespace std::chrono_literals;

namespace {

// The shape X's POST /2/oauth2/token answers with.
constexpr std::string_view x_response =
    R"({"token_type":"bearer","expires_in":7200,"access_token":"VGhpcyBpcyBhbiBhY2Nlc3MgdG9rZW4",)"
    R"("scope":"tweet.read users.read offline.access","refresh_token":"bWFkZSB1cCByZWZyZXNoIHRva2Vu"})";

error_code parse(std::string_view body) {
    core::token_response out;
    return core::parse_token_response(body, out);
}

// A minimal valid body with the given expires_in member text (JSON), to vary only that.
std::string with_expires_in(std::string_view json_value) {
    return R"({"token_type":"bearer","access_token":"tok","expires_in":)" + std::string(json_value) + "}";
}

}  // namespace

BOOST_AUTO_TEST_CASE(x_token_response_is_parsed) {
    core::token_response out;
    BOOST_TEST_REQUIRE(!core::parse_token_response(x_response, out));
    BOOST_TEST(out.token.access_token == "VGhpcyBpcyBhbiBhY2Nlc3MgdG9rZW4");
    BOOST_TEST(out.token.refresh_token == "bWFkZSB1cCByZWZyZXNoIHRva2Vu");
    BOOST_TEST(out.token.scope == "tweet.read users.read offline.access");
    BOOST_TEST(out.token.token_type == "bearer");
    BOOST_TEST_REQUIRE(out.expires_in.has_value());
    BOOST_TEST(out.expires_in->count() == 7200);
}

BOOST_AUTO_TEST_CASE(token_type_is_case_insensitive) {
    for (std::string_view type : {"Bearer", "BEARER", "bEaReR"}) {
        BOOST_TEST_CONTEXT(type) {
            core::token_response out;
            std::string const body = R"({"token_type":")" + std::string(type) + R"(","access_token":"t"})";
            BOOST_TEST(!core::parse_token_response(body, out));
            BOOST_TEST(out.token.access_token == "t");
        }
    }
}

BOOST_AUTO_TEST_CASE(refresh_token_and_scope_are_optional) {
    core::token_response out;
    BOOST_TEST_REQUIRE(!core::parse_token_response(R"({"token_type":"bearer","access_token":"a"})", out));
    BOOST_TEST(out.token.access_token == "a");
    BOOST_TEST(out.token.refresh_token.empty());
    BOOST_TEST(out.token.scope.empty());
}

BOOST_AUTO_TEST_CASE(missing_access_token_is_malformed) {
    BOOST_TEST(parse(R"({"token_type":"bearer","expires_in":7200})") == auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"token_type":"bearer","access_token":""})") == auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"token_type":"bearer","access_token":42})") == auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"token_type":"bearer","access_token":null})") ==
               auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(missing_token_type_is_malformed) {
    BOOST_TEST(parse(R"({"access_token":"a","expires_in":7200})") == auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"access_token":"a","token_type":""})") == auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"access_token":"a","token_type":1})") == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(token_type_other_than_bearer_is_malformed) {
    BOOST_TEST(parse(R"({"access_token":"a","token_type":"mac"})") == auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"access_token":"a","token_type":"bearer "})") ==
               auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"access_token":"a","token_type":"bearerx"})") ==
               auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(not_json_is_malformed) {
    BOOST_TEST(parse("access_token=a&token_type=bearer") == auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"({"access_token":"a","token_type":"bearer")") == auth_errc::malformed_token_response);
    BOOST_TEST(parse("<html>502 Bad Gateway</html>") == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(json_that_is_not_an_object_is_malformed) {
    BOOST_TEST(parse(R"([{"access_token":"a","token_type":"bearer"}])") ==
               auth_errc::malformed_token_response);
    BOOST_TEST(parse(R"("bearer")") == auth_errc::malformed_token_response);
    BOOST_TEST(parse("null") == auth_errc::malformed_token_response);
    BOOST_TEST(parse("42") == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(empty_body_is_malformed) {
    BOOST_TEST(parse("") == auth_errc::malformed_token_response);
    BOOST_TEST(parse("   ") == auth_errc::malformed_token_response);
    BOOST_TEST(parse("{}") == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(absent_expires_in_is_nullopt) {
    core::token_response out;
    out.expires_in = 5s;  // a previous value must not survive
    BOOST_TEST_REQUIRE(!core::parse_token_response(R"({"token_type":"bearer","access_token":"a"})", out));
    BOOST_TEST(!out.expires_in.has_value());
}

BOOST_AUTO_TEST_CASE(expires_in_as_a_string_is_seconds) {
    core::token_response out;
    BOOST_TEST_REQUIRE(!core::parse_token_response(with_expires_in(R"("3600")"), out));
    BOOST_TEST_REQUIRE(out.expires_in.has_value());
    BOOST_TEST(out.expires_in->count() == 3600);
}

BOOST_AUTO_TEST_CASE(expires_in_zero_is_accepted) {
    core::token_response out;
    BOOST_TEST_REQUIRE(!core::parse_token_response(with_expires_in("0"), out));
    BOOST_TEST_REQUIRE(out.expires_in.has_value());
    BOOST_TEST(out.expires_in->count() == 0);
}

BOOST_AUTO_TEST_CASE(long_but_sane_expires_in_is_accepted) {
    core::token_response out;
    BOOST_TEST_REQUIRE(!core::parse_token_response(with_expires_in("31536000"), out));  // a year
    BOOST_TEST_REQUIRE(out.expires_in.has_value());
    BOOST_TEST(out.expires_in->count() == 31536000);
    BOOST_TEST_REQUIRE(!core::parse_token_response(with_expires_in(R"("31536000")"), out));
    BOOST_TEST(out.expires_in->count() == 31536000);
}

BOOST_AUTO_TEST_CASE(negative_expires_in_is_malformed) {
    BOOST_TEST(parse(with_expires_in("-1")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in("-7200")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in(R"("-5")")) == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(fractional_expires_in_is_malformed) {
    BOOST_TEST(parse(with_expires_in("3600.5")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in("3.6e3")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in(R"("3600.5")")) == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(huge_expires_in_is_malformed) {
    // Any of these, added to a clock's now(), would overflow a nanosecond time_point (about 292 years).
    BOOST_TEST(parse(with_expires_in("1e30")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in("18446744073709551615")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in("9223372036854775807")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in("99999999999999")) == auth_errc::malformed_token_response);
    BOOST_TEST(parse(with_expires_in(R"("99999999999999999999")")) == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(non_numeric_expires_in_is_malformed) {
    for (std::string_view bad : {R"("soon")", R"("")", R"("3600s")", R"(" 3600")", R"("0x10")", "true",
                                 "null", "[3600]", R"({"s":3600})"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(parse(with_expires_in(bad)) == auth_errc::malformed_token_response);
        }
    }
}

BOOST_AUTO_TEST_CASE(oauth_error_code_extracts_the_error_member) {
    BOOST_TEST(
        core::oauth_error_code(
            R"({"error":"invalid_grant","error_description":"Value passed for the token was invalid."})") ==
        "invalid_grant");
    BOOST_TEST(core::oauth_error_code(R"({"error_description":"x","error":"invalid_client"})") ==
               "invalid_client");
}

BOOST_AUTO_TEST_CASE(oauth_error_code_is_empty_without_an_error_member) {
    BOOST_TEST(core::oauth_error_code("not json at all") == "");
    BOOST_TEST(core::oauth_error_code("") == "");
    BOOST_TEST(core::oauth_error_code(R"(["invalid_grant"])") == "");
    BOOST_TEST(core::oauth_error_code(R"({"errors":[{"message":"x"}]})") == "");
    BOOST_TEST(core::oauth_error_code(R"({"error":42})") == "");
}

BOOST_AUTO_TEST_SUITE_END()
