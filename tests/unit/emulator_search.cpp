#include "emulator/search.hpp"

#include "emulator_world_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace twitter::emulator::detail;

namespace {

struct fixture : test::world_fixture {
    bool matches(std::string_view query, tweet_record const& t) {
        auto const q = search_query::parse(query);
        BOOST_TEST_REQUIRE(q.has_value(), query);
        return q->matches(w, t);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_search)

BOOST_FIXTURE_TEST_CASE(terms_are_anded_whole_words_case_insensitive, fixture) {
    auto const& t = add(783214, "Hello Tweepy world, #TwitterAPI rocks");
    BOOST_TEST(matches("tweepy", t));
    BOOST_TEST(matches("TWEEPY hello", t));
    BOOST_TEST(!matches("tweepy missing", t));
    BOOST_TEST(!matches("twee", t));  // whole tokens, not substrings
    BOOST_TEST(matches("twitterapi", t));
}

BOOST_FIXTURE_TEST_CASE(or_phrases_and_negation, fixture) {
    auto const& t = add(783214, "the quick brown fox");
    BOOST_TEST(matches("cat OR fox", t));
    BOOST_TEST(!matches("cat OR dog", t));
    BOOST_TEST(matches("\"quick brown\"", t));
    BOOST_TEST(!matches("\"brown quick\"", t));
    BOOST_TEST(!matches("fox -quick", t));
    BOOST_TEST(matches("fox -slow", t));
    BOOST_TEST(matches("(cat OR fox) quick", t));
}

BOOST_FIXTURE_TEST_CASE(operators_look_at_the_author_and_the_tags, fixture) {
    auto const& t = add(783214, "Say hello to #TwitterAPI with @XDevelopers");
    BOOST_TEST(matches("from:X", t));
    BOOST_TEST(matches("from:Twitter", t));  // X's former handle
    BOOST_TEST(matches("from:783214", t));
    BOOST_TEST(!matches("from:XDevelopers", t));
    BOOST_TEST(matches("#twitterapi", t));
    BOOST_TEST(!matches("#twitter", t));
    BOOST_TEST(matches("@xdevelopers", t));
    BOOST_TEST(!matches("is:retweet", t));
    BOOST_TEST(matches("-is:retweet hello", t));
}

BOOST_FIXTURE_TEST_CASE(parentheses_group_and_and_binds_tighter_than_or, fixture) {
    auto const& t = add(783214, "the quick brown fox");
    BOOST_TEST(matches("cat dog OR fox", t));  // (cat dog) OR fox
    BOOST_TEST(!matches("cat (dog OR fox)", t));
    BOOST_TEST(matches("(cat OR quick) (dog OR fox)", t));
    BOOST_TEST(!matches("-(fox OR cat)", t));
    BOOST_TEST(matches("fox -(cat OR dog)", t));
}

BOOST_AUTO_TEST_CASE(empty_or_unbalanced_queries_do_not_parse) {
    BOOST_TEST(!search_query::parse(""));
    BOOST_TEST(!search_query::parse("   "));
    BOOST_TEST(!search_query::parse("\"open"));
    BOOST_TEST(!search_query::parse("from:"));
    BOOST_TEST(!search_query::parse("(open"));
    BOOST_TEST(!search_query::parse("close)"));
    BOOST_TEST(!search_query::parse("()"));
    BOOST_TEST(!search_query::parse("dangling OR"));
    BOOST_TEST(!search_query::parse("OR dangling"));
    std::string problem;
    BOOST_TEST(!search_query::parse("a OR OR b", &problem));
    BOOST_TEST(problem.find("OR") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
