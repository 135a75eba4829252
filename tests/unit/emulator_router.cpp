#include "emulator/router.hpp"

#include <boost/test/unit_test.hpp>

using namespace twitter::emulator::detail;

BOOST_AUTO_TEST_SUITE(emulator_router)

BOOST_AUTO_TEST_CASE(tweet_by_id_captures_the_id) {
    auto const m = match_route("GET", "/2/tweets/1293593516040269825");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST((m->id == route_id::get_tweet));
    BOOST_TEST(m->param == "1293593516040269825");
    BOOST_TEST(m->endpoint == "GET /2/tweets/:id");
}

BOOST_AUTO_TEST_CASE(method_selects_the_route) {
    auto const get = match_route("GET", "/2/tweets");
    auto const post = match_route("POST", "/2/tweets");
    BOOST_TEST_REQUIRE(get.has_value());
    BOOST_TEST_REQUIRE(post.has_value());
    BOOST_TEST((get->id == route_id::get_tweets));
    BOOST_TEST((post->id == route_id::post_tweet));
    BOOST_TEST(get->endpoint != post->endpoint);
    BOOST_TEST(!match_route("DELETE", "/2/tweets"));
}

BOOST_AUTO_TEST_CASE(me_is_not_a_user_id) {
    auto const m = match_route("GET", "/2/users/me");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST((m->id == route_id::get_me));
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
