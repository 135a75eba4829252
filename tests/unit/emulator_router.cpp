#include "emulator/router.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

using namespace twitter::emulator::detail;

BOOST_AUTO_TEST_SUITE(emulator_router)

BOOST_AUTO_TEST_CASE(tweet_by_id_captures_the_id) {
    auto const m = match_route("GET", "/2/tweets/1293593516040269825");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST((m->id == route_id::api));
    BOOST_TEST(m->param == "1293593516040269825");
    BOOST_TEST(m->endpoint == "GET /2/tweets/:id");
}

BOOST_AUTO_TEST_CASE(method_selects_the_route) {
    auto const get = match_route("GET", "/2/tweets");
    auto const post = match_route("POST", "/2/tweets");
    BOOST_TEST_REQUIRE(get.has_value());
    BOOST_TEST_REQUIRE(post.has_value());
    BOOST_TEST(get->endpoint == "GET /2/tweets");
    BOOST_TEST(post->endpoint == "POST /2/tweets");
    BOOST_TEST(get->r != post->r);
    BOOST_TEST(!match_route("DELETE", "/2/tweets"));
}

BOOST_AUTO_TEST_CASE(me_is_not_a_user_id) {
    auto const m = match_route("GET", "/2/users/me");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->endpoint == "GET /2/users/me");
    BOOST_TEST(m->param.empty());
    auto const other = match_route("GET", "/2/users/783214");
    BOOST_TEST_REQUIRE(other.has_value());
    BOOST_TEST(other->endpoint == "GET /2/users/:id");
    BOOST_TEST(other->param == "783214");
}

BOOST_AUTO_TEST_CASE(two_parameters_are_captured_in_order) {
    auto const m = match_route("DELETE", "/2/users/2244994945/likes/1293593516040269825");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->params[0] == "2244994945");
    BOOST_TEST(m->params[1] == "1293593516040269825");
}

BOOST_AUTO_TEST_CASE(json_suffix_segments_capture_what_precedes) {
    auto const m = match_route("POST", "/1.1/statuses/destroy/1149868020346556416.json");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->param == "1149868020346556416");
    BOOST_TEST(!match_route("POST", "/1.1/statuses/destroy/.json"));
    BOOST_TEST(!match_route("POST", "/1.1/statuses/destroy/123"));
}

BOOST_AUTO_TEST_CASE(literal_segments_win_over_parameters) {
    BOOST_TEST(match_route("GET", "/2/spaces/search")->endpoint == "GET /2/spaces/search");
    BOOST_TEST(match_route("GET", "/2/users/by")->endpoint == "GET /2/users/by");
    BOOST_TEST(match_route("GET", "/2/tweets/search/recent")->endpoint == "GET /2/tweets/search/recent");
}

BOOST_AUTO_TEST_CASE(authorization_endpoints_are_marked) {
    BOOST_TEST((match_route("POST", "/2/oauth2/token")->id == route_id::oauth2_token));
    BOOST_TEST(is_authorization_endpoint(route_id::request_token));
    BOOST_TEST(!is_authorization_endpoint(route_id::api));
}

BOOST_AUTO_TEST_CASE(every_route_has_a_handler_and_a_unique_name) {
    std::set<std::string> names;
    for (auto const& entry : all_routes()) {
        BOOST_TEST((entry.r.fn != nullptr || entry.r.id != route_id::api), entry.name);
        BOOST_TEST(names.insert(entry.name).second, entry.name);
    }
    BOOST_TEST(names.size() > 60u);
}

BOOST_AUTO_TEST_CASE(near_misses_do_not_match) {
    BOOST_TEST(!match_route("GET", "/2/tweets/"));
    BOOST_TEST(!match_route("GET", "/2/tweets/20/"));
    BOOST_TEST(!match_route("GET", "/2/tweets/20/x"));
    BOOST_TEST(!match_route("GET", "/2/tweet"));
    BOOST_TEST(!match_route("GET", "2/tweets"));
    BOOST_TEST(!match_route("GET", ""));
    BOOST_TEST(!match_route("GET", "/"));
    BOOST_TEST(!match_route("GET", "/2/users/me/x"));
}

BOOST_AUTO_TEST_CASE(split_separates_path_and_query) {
    auto const s = split("/2/tweets?ids=1,2&x=y");
    BOOST_TEST(s.path == "/2/tweets");
    BOOST_TEST(s.query == "ids=1,2&x=y");
    auto const bare = split("/2/users/me");
    BOOST_TEST(bare.path == "/2/users/me");
    BOOST_TEST(bare.query.empty());
}

BOOST_AUTO_TEST_CASE(query_param_decodes_values) {
    BOOST_TEST(query_param("ids=1%2C2&x=y", "ids").value() == "1,2");
    BOOST_TEST(query_param("a=1&ids=3", "ids").value() == "3");
    BOOST_TEST(query_param("q=a+b%20c", "q").value() == "a b c");
    BOOST_TEST(query_param("ids", "ids").value().empty());
    BOOST_TEST(query_param("%69ds=4", "ids").value() == "4");
    BOOST_TEST(query_param("q=%zz%4", "q").value() == "%zz%4");
    BOOST_TEST(!query_param("idsx=1", "ids"));
    BOOST_TEST(!query_param("", "ids"));
}

BOOST_AUTO_TEST_SUITE_END()
