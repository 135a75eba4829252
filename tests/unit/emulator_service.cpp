#include "emulator/service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <stdexcept>

using namespace twitter::emulator::detail;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

constexpr std::string_view seeded_id = "1293593516040269825";

struct fixture {
    service api{900, 900s};
    service::clock::time_point now = service::clock::time_point{1'700'000'000s};

    api_response call(std::string_view method, std::string_view target, std::string const& token,
                      std::string_view body = {}) {
        auto const authorization = token.empty() ? std::string{} : "Bearer " + token;
        return api.handle({method, target, authorization, body}, now);
    }
};

json::value parse(api_response const& r) { return json::parse(r.body); }

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_service)

BOOST_FIXTURE_TEST_CASE(get_tweet_returns_the_seeded_tweet, fixture) {
    auto const r = call("GET", "/2/tweets/1293593516040269825", api.app_bearer_token());
    BOOST_TEST(r.status == 200u);
    auto const data = parse(r).at("data");
    BOOST_TEST(data.at("id").as_string() == seeded_id);
    BOOST_TEST(data.at("text").as_string().starts_with("It\u2019s finally here!"));
    BOOST_TEST(data.at("edit_history_tweet_ids").as_array().at(0).as_string() == seeded_id);
    BOOST_TEST(r.access_level == "read");
    BOOST_TEST_REQUIRE(r.limits.has_value());
    BOOST_TEST(r.limits->remaining == 899u);
}

BOOST_FIXTURE_TEST_CASE(unknown_tweet_is_200_with_errors, fixture) {
    auto const r = call("GET", "/2/tweets/123", api.app_bearer_token());
    BOOST_TEST(r.status == 200u);
    BOOST_TEST(r.body ==
               R"({"errors":[{"value":"123","detail":"Could not find tweet with id: [123].",)"
               R"("title":"Not Found Error","resource_type":"tweet","parameter":"id","resource_id":"123",)"
               R"("type":"https://api.twitter.com/2/problems/resource-not-found"}]})");
}

BOOST_FIXTURE_TEST_CASE(malformed_id_is_invalid_request, fixture) {
    auto const r = call("GET", "/2/tweets/abc", api.app_bearer_token());
    BOOST_TEST(r.status == 400u);
    BOOST_TEST(
        r.body ==
        R"({"errors":[{"parameters":{"id":["abc"]},"message":"The `id` query parameter value [abc] is )"
        R"(not valid"}],"title":"Invalid Request","detail":"One or more parameters to your request was )"
        R"(invalid.","type":"https://api.twitter.com/2/problems/invalid-request"})");
    BOOST_TEST(call("GET", "/2/tweets/12345678901234567890", api.app_bearer_token()).status == 400u);
}

BOOST_FIXTURE_TEST_CASE(get_tweets_splits_found_and_missing, fixture) {
    auto const r =
        call("GET", "/2/tweets?ids=1293593516040269825%2C7,1293595870563381249", api.app_bearer_token());
    BOOST_TEST(r.status == 200u);
    auto const body = parse(r);
    auto const& data = body.at("data").as_array();
    BOOST_TEST_REQUIRE(data.size() == 2u);
    BOOST_TEST(data[0].at("id").as_string() == seeded_id);
    BOOST_TEST(data[1].at("id").as_string() == "1293595870563381249");
    auto const& errors = body.at("errors").as_array();
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].at("resource_id").as_string() == "7");
    BOOST_TEST(errors[0].at("parameter").as_string() == "ids");
}

BOOST_FIXTURE_TEST_CASE(get_tweets_needs_ids, fixture) {
    auto const missing = call("GET", "/2/tweets", api.app_bearer_token());
    BOOST_TEST(missing.status == 400u);
    BOOST_TEST(parse(missing).at("title").as_string() == "Invalid Request");
    BOOST_TEST(call("GET", "/2/tweets?ids=", api.app_bearer_token()).status == 400u);
    auto const bad = call("GET", "/2/tweets?ids=1,x", api.app_bearer_token());
    BOOST_TEST(bad.status == 400u);
    BOOST_TEST(parse(bad).at("errors").at(0).at("parameters").at("ids").at(0).as_string() == "x");
}

BOOST_FIXTURE_TEST_CASE(missing_or_unknown_bearer_is_401, fixture) {
    for (std::string const& token : {std::string{}, std::string{"nope"}}) {
        auto const r = call("GET", "/2/tweets/20", token);
        BOOST_TEST(r.status == 401u);
        BOOST_TEST(r.auth_rejected);
        BOOST_TEST(r.body ==
                   R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})");
        BOOST_TEST(r.limits.has_value());
    }
}

BOOST_FIXTURE_TEST_CASE(me_refuses_app_only, fixture) {
    auto const r = call("GET", "/2/users/me", api.app_bearer_token());
    BOOST_TEST(r.status == 403u);
    BOOST_TEST(r.auth_rejected);
    auto const body = parse(r);
    BOOST_TEST(body.at("type").as_string() ==
               "https://api.twitter.com/2/problems/unsupported-authentication");
    BOOST_TEST(body.at("status").as_int64() == 403);
}

BOOST_FIXTURE_TEST_CASE(me_answers_the_token_user, fixture) {
    auto const r = call("GET", "/2/users/me", api.default_user_token());
    BOOST_TEST(r.status == 200u);
    BOOST_TEST(r.body == R"({"data":{"id":"2244994945","name":"Developers","username":"XDevelopers"}})");
    auto const other = api.issue_user_token("1072250532645998596", {"tweet.read", "users.read"});
    BOOST_TEST(parse(call("GET", "/2/users/me", other)).at("data").at("username").as_string() == "TweepyDev");
    BOOST_CHECK_THROW(api.issue_user_token("1", {}), std::invalid_argument);
}

BOOST_FIXTURE_TEST_CASE(post_tweet_creates_a_visible_tweet, fixture) {
    auto const r = call("POST", "/2/tweets", api.default_user_token(), R"({"text":"hello \"world\""})");
    BOOST_TEST(r.status == 201u);
    auto const data = parse(r).at("data");
    std::string const id(data.at("id").as_string());
    BOOST_TEST(data.at("text").as_string() == "hello \"world\"");
    BOOST_TEST(data.at("edit_history_tweet_ids").at(0).as_string() == id);
    BOOST_TEST(id > std::string(seeded_id));

    auto const got = call("GET", "/2/tweets/" + id, api.app_bearer_token());
    BOOST_TEST(parse(got).at("data").at("text").as_string() == "hello \"world\"");
    auto const second = call("POST", "/2/tweets", api.default_user_token(), R"({"text":"again"})");
    BOOST_TEST(parse(second).at("data").at("id").as_string() != id);
}

BOOST_FIXTURE_TEST_CASE(post_tweet_needs_write_scope_and_user, fixture) {
    auto const reader = api.issue_user_token(api.default_user_id(), {"tweet.read", "users.read"});
    auto const r = call("POST", "/2/tweets", reader, R"({"text":"x"})");
    BOOST_TEST(r.status == 403u);
    BOOST_TEST(r.access_level == "read");
    BOOST_TEST(call("POST", "/2/tweets", api.app_bearer_token(), R"({"text":"x"})").status == 403u);
    // X documents tweet.read, tweet.write and users.read for POST /2/tweets: tweet.write alone is not enough.
    auto const write_only = api.issue_user_token(api.default_user_id(), {"tweet.write"});
    BOOST_TEST(call("POST", "/2/tweets", write_only, R"({"text":"x"})").status == 403u);
    auto const writer =
        api.issue_user_token(api.default_user_id(), {"tweet.read", "tweet.write", "users.read"});
    BOOST_TEST(call("POST", "/2/tweets", writer, R"({"text":"x"})").status == 201u);
}

BOOST_FIXTURE_TEST_CASE(post_tweet_rejects_bad_bodies, fixture) {
    for (std::string_view body : {"", "{", "[]", "{}", R"({"text":""})", R"({"text":5})"}) {
        auto const r = call("POST", "/2/tweets", api.default_user_token(), body);
        BOOST_TEST(r.status == 400u, "body " << body);
        BOOST_TEST(parse(r).at("title").as_string() == "Invalid Request");
    }
}

BOOST_FIXTURE_TEST_CASE(unknown_route_is_404, fixture) {
    auto const r = call("GET", "/2/nope", api.app_bearer_token());
    BOOST_TEST(r.status == 404u);
    BOOST_TEST(parse(r).at("status").as_int64() == 404);
    BOOST_TEST(call("DELETE", "/2/users/me", api.app_bearer_token()).status == 404u);
}

BOOST_AUTO_TEST_CASE(budget_is_per_endpoint_and_token) {
    service api{2, 60s};
    auto const now = service::clock::time_point{1'000s};
    auto const auth = "Bearer " + api.app_bearer_token();
    auto const get = [&](std::string_view target, std::string const& authorization) {
        return api.handle({"GET", target, authorization, {}}, now);
    };
    BOOST_TEST(get("/2/tweets/1", auth).limits->remaining == 1u);
    BOOST_TEST(get("/2/tweets/2", auth).limits->remaining == 0u);
    auto const refused = get("/2/tweets/3", auth);
    BOOST_TEST(refused.status == 429u);
    BOOST_TEST(refused.rate_limited);
    BOOST_TEST(refused.limits->reset == 1060);
    BOOST_TEST(
        refused.body ==
        R"({"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429})");
    // Another endpoint, and another token, have their own budgets.
    BOOST_TEST(get("/2/tweets?ids=1", auth).status == 200u);
    BOOST_TEST(get("/2/tweets/1", "Bearer " + api.default_user_token()).status == 200u);
    // Rejected credentials do not spend anything.
    BOOST_TEST(get("/2/tweets/1", "Bearer nope").limits->remaining == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
