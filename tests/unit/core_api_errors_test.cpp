#include "core/api_errors.hpp"

#include <twitter/diagnostics.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include "recorded_fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_api_errors)

namespace {

using twitter::api_error;
using twitter::core::parse_api_errors;
namespace json = boost::json;

std::string string_at(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

// --- the three shapes

BOOST_AUTO_TEST_CASE(problem_json_is_read) {
    auto const errors = parse_api_errors(
        R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].title == "Unauthorized");
    BOOST_TEST(errors[0].detail == "Unauthorized");
    BOOST_TEST(errors[0].type == "about:blank");
    BOOST_TEST(!errors[0].code.has_value());
    BOOST_TEST(errors[0].parameter.empty());
    BOOST_TEST(errors[0].value.empty());
}

BOOST_AUTO_TEST_CASE(problem_json_with_only_a_detail_is_read) {
    auto const errors = parse_api_errors(R"({"detail":"Too Many Requests","status":429})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].detail == "Too Many Requests");
    BOOST_TEST(errors[0].title.empty());
}

BOOST_AUTO_TEST_CASE(problem_json_client_forbidden_is_read) {
    auto const errors = parse_api_errors(
        R"({"client_id":"123","detail":"When authenticating requests to the Twitter API v2 endpoints, )"
        R"(you must use keys and tokens from a Twitter developer App that is attached to a Project.",)"
        R"("registration_url":)"
        R"("https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden",)"
        R"("required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled",)"
        R"("type":"https://api.twitter.com/2/problems/client-forbidden"})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].title == "Client Forbidden");
    BOOST_TEST(errors[0].type == "https://api.twitter.com/2/problems/client-forbidden");
    BOOST_TEST(errors[0].detail.starts_with("When authenticating requests"));
    BOOST_TEST(errors[0].detail.ends_with("attached to a Project."));
}

BOOST_AUTO_TEST_CASE(problem_entry_never_has_a_code) {
    auto const errors = parse_api_errors(R"({"title":"Forbidden","detail":"No.","code":453})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(!errors[0].code.has_value());
}

BOOST_AUTO_TEST_CASE(v1_1_errors_are_read) {
    auto const errors = parse_api_errors(R"({"errors":[{"code":88,"message":"Rate limit exceeded"}]})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST_REQUIRE(errors[0].code.has_value());
    BOOST_TEST(*errors[0].code == 88);
    BOOST_TEST(errors[0].detail == "Rate limit exceeded");
    BOOST_TEST(errors[0].title.empty());
    BOOST_TEST(errors[0].type.empty());
}

BOOST_AUTO_TEST_CASE(several_v1_1_errors_keep_their_order) {
    auto const errors = parse_api_errors(R"({"errors":[{"code":32,"message":"Could not authenticate you."},)"
                                         R"({"code":215,"message":"Bad Authentication data."}]})");
    BOOST_TEST_REQUIRE(errors.size() == 2u);
    BOOST_TEST((errors[0].code == std::optional<int>(32)));
    BOOST_TEST(errors[0].detail == "Could not authenticate you.");
    BOOST_TEST((errors[1].code == std::optional<int>(215)));
    BOOST_TEST(errors[1].detail == "Bad Authentication data.");
}

BOOST_AUTO_TEST_CASE(oauth_error_is_read) {
    auto const errors = parse_api_errors(
        R"({"error":"invalid_request","error_description":"Value passed for the token was invalid."})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].type == "invalid_request");
    BOOST_TEST(errors[0].detail == "Value passed for the token was invalid.");
    BOOST_TEST(errors[0].title.empty());
    BOOST_TEST(!errors[0].code.has_value());
}

BOOST_AUTO_TEST_CASE(oauth_error_without_description_is_read) {
    auto const errors = parse_api_errors(R"({"error":"invalid_client"})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].type == "invalid_client");
    BOOST_TEST(errors[0].detail.empty());
}

BOOST_AUTO_TEST_CASE(v2_partial_errors_next_to_data_are_read) {
    auto const errors = parse_api_errors(
        R"({"data":[{"id":"20","text":"just setting up my twttr"}],"errors":[{"value":"1",)"
        R"("detail":"Could not find tweet with ids: [1].","title":"Not Found Error","resource_type":"tweet",)"
        R"("parameter":"ids","resource_id":"1",)"
        R"("type":"https://api.twitter.com/2/problems/resource-not-found"}]})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].title == "Not Found Error");
    BOOST_TEST(errors[0].detail == "Could not find tweet with ids: [1].");
    BOOST_TEST(errors[0].type == "https://api.twitter.com/2/problems/resource-not-found");
    BOOST_TEST(errors[0].parameter == "ids");
    BOOST_TEST(errors[0].value == "1");
}

BOOST_AUTO_TEST_CASE(problem_comes_before_its_errors_array) {
    auto const errors = parse_api_errors(
        R"({"errors":[{"parameters":{"ids":["abc"]},)"
        R"("message":"The `ids` query parameter value [abc] is not valid"}],)"
        R"("title":"Invalid Request","detail":"One or more parameters to your request was invalid.",)"
        R"("type":"https://api.twitter.com/2/problems/invalid-request"})");
    BOOST_TEST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0].title == "Invalid Request");
    BOOST_TEST(errors[0].detail == "One or more parameters to your request was invalid.");
    BOOST_TEST(errors[0].type == "https://api.twitter.com/2/problems/invalid-request");
    BOOST_TEST(errors[1].detail == "The `ids` query parameter value [abc] is not valid");
    BOOST_TEST(errors[1].title.empty());
}

// --- details of the entries

BOOST_AUTO_TEST_CASE(detail_wins_over_message) {
    auto const errors = parse_api_errors(R"({"errors":[{"message":"from message","detail":"from detail"}]})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].detail == "from detail");
}

BOOST_AUTO_TEST_CASE(numeric_and_boolean_values_are_written_as_text) {
    auto const errors =
        parse_api_errors(R"({"errors":[{"value":1234567890123,"parameter":true,"detail":7}]})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].value == "1234567890123");
    BOOST_TEST(errors[0].parameter == "true");
    BOOST_TEST(errors[0].detail == "7");
}

BOOST_AUTO_TEST_CASE(non_integer_code_is_left_out) {
    auto const errors =
        parse_api_errors(R"({"errors":[{"code":"88","message":"a"},{"code":null,"message":"b"}]})");
    BOOST_TEST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(!errors[0].code.has_value());
    BOOST_TEST(!errors[1].code.has_value());
    BOOST_TEST(errors[1].detail == "b");
}

BOOST_AUTO_TEST_CASE(objects_and_arrays_in_text_fields_are_left_empty) {
    auto const errors = parse_api_errors(R"({"errors":[{"value":{"a":1},"parameter":[1],"message":"m"}]})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].value.empty());
    BOOST_TEST(errors[0].parameter.empty());
    BOOST_TEST(errors[0].detail == "m");
}

BOOST_AUTO_TEST_CASE(escaped_text_is_decoded) {
    auto const errors = parse_api_errors(R"({"errors":[{"message":"caf\u00e9 \"quoted\"\n"}]})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].detail == "caf\xc3\xa9 \"quoted\"\n");
}

BOOST_AUTO_TEST_CASE(non_object_entries_are_skipped) {
    auto const errors = parse_api_errors(
        R"({"errors":[1,"x",null,[],{"code":34,"message":"Sorry, that page does not exist."}]})");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST((errors[0].code == std::optional<int>(34)));
    BOOST_TEST(errors[0].detail == "Sorry, that page does not exist.");
}

// --- nothing to read

BOOST_AUTO_TEST_CASE(non_json_yields_nothing) {
    BOOST_TEST(parse_api_errors("<html><body>Over capacity</body></html>").empty());
    BOOST_TEST(parse_api_errors("Rate limit exceeded").empty());
    BOOST_TEST(parse_api_errors("error=invalid_request").empty());
}

BOOST_AUTO_TEST_CASE(empty_body_yields_nothing) {
    BOOST_TEST(parse_api_errors("").empty());
    BOOST_TEST(parse_api_errors(" \r\n").empty());
}

BOOST_AUTO_TEST_CASE(json_array_yields_nothing) {
    BOOST_TEST(parse_api_errors(R"([{"code":88,"message":"Rate limit exceeded"}])").empty());
    BOOST_TEST(parse_api_errors("[]").empty());
}

BOOST_AUTO_TEST_CASE(json_scalars_yield_nothing) {
    BOOST_TEST(parse_api_errors("null").empty());
    BOOST_TEST(parse_api_errors("401").empty());
    BOOST_TEST(parse_api_errors(R"("Unauthorized")").empty());
}

BOOST_AUTO_TEST_CASE(truncated_json_yields_nothing) {
    std::string_view const full = R"({"errors":[{"code":88,"message":"Rate limit exceeded"}]})";
    BOOST_TEST_REQUIRE(parse_api_errors(full).size() == 1u);
    for (std::size_t n = 0; n < full.size(); ++n)
        BOOST_TEST(parse_api_errors(full.substr(0, n)).empty(), "prefix of " << n << " bytes");
}

BOOST_AUTO_TEST_CASE(trailing_garbage_yields_nothing) {
    BOOST_TEST(parse_api_errors(R"({"error":"invalid_request"} trailing)").empty());
}

BOOST_AUTO_TEST_CASE(deep_nesting_yields_nothing_and_does_not_crash) {
    std::string const deep = std::string(100'000, '[') + std::string(100'000, ']');
    BOOST_TEST(parse_api_errors(deep).empty());
    std::string const deep_object = R"({"errors":)" + std::string(100'000, '[');
    BOOST_TEST(parse_api_errors(deep_object).empty());
}

BOOST_AUTO_TEST_CASE(other_objects_yield_nothing) {
    BOOST_TEST(parse_api_errors(R"({"data":{"id":"20","text":"just setting up my twttr"}})").empty());
    BOOST_TEST(parse_api_errors("{}").empty());
    BOOST_TEST(parse_api_errors(R"({"errors":"oops"})").empty());
    BOOST_TEST(parse_api_errors(R"({"errors":{}})").empty());
    BOOST_TEST(parse_api_errors(R"({"error":{"code":1}})").empty());
    BOOST_TEST(parse_api_errors(R"({"errors":[]})").empty());
}

// --- recorded responses

// None of the recorded cassettes holds an error response today; the loop checks any that are added, and
// every success body, which must not be mistaken for an error.
BOOST_AUTO_TEST_CASE(recorded_bodies_are_read_by_their_shape) {
    auto const& responses = test::recorded_responses();
    std::size_t json_objects = 0;
    for (test::recorded_response const& r : responses) {
        boost::system::error_code ec;
        json::value const doc = json::parse(r.body.value_or(""), ec);
        auto const errors = parse_api_errors(r.body.value_or(""));
        if (ec || !doc.is_object()) {
            BOOST_TEST(errors.empty(), r.file);
            continue;
        }
        ++json_objects;
        json::object const& root = doc.as_object();
        json::value const* listed = root.if_contains("errors");
        bool const problem = root.contains("title") || root.contains("detail");
        bool const oauth = root.contains("error");
        if (!listed && !problem && !oauth && r.status < 400) {
            BOOST_TEST(errors.empty(),
                       r.file << ": a success body was read as " << errors.size() << " errors");
            continue;
        }
        BOOST_TEST(!errors.empty(), r.file << ": status " << r.status << " gave no errors");
        if (listed && listed->is_array()) {
            std::size_t const offset = problem ? 1 : 0;
            BOOST_TEST_REQUIRE(errors.size() == listed->as_array().size() + offset, r.file);
            for (std::size_t i = 0; i < listed->as_array().size(); ++i) {
                json::object const& e = listed->as_array()[i].as_object();
                std::string const expected =
                    e.contains("detail") ? string_at(e, "detail") : string_at(e, "message");
                BOOST_TEST(errors[i + offset].detail == expected, r.file);
            }
        }
    }
    BOOST_TEST(responses.size() > 200u);
    BOOST_TEST(json_objects > 150u);
}

BOOST_AUTO_TEST_SUITE_END()
