#include <twitter/v2/fields.hpp>

#include <twitter/param.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(v2_fields)

namespace {
namespace v2 = twitter::v2;
using twitter::param;

std::vector<param> query_of(v2::fields_params const& f) {
    std::vector<param> q;
    v2::append_query(q, f);
    return q;
}
}  // namespace

BOOST_AUTO_TEST_CASE(names_are_the_api_spelling) {
    BOOST_TEST(v2::to_string(v2::expansion::referenced_tweets_id_author_id) ==
               "referenced_tweets.id.author_id");
    BOOST_TEST(v2::to_string(v2::expansion::entities_mentions_username) == "entities.mentions.username");
    BOOST_TEST(v2::to_string(v2::expansion::attachments_media_keys) == "attachments.media_keys");
    BOOST_TEST(v2::to_string(v2::expansion::participant_ids) == "participant_ids");
    BOOST_TEST(v2::to_string(v2::tweet_field::public_metrics) == "public_metrics");
    BOOST_TEST(v2::to_string(v2::tweet_field::withheld) == "withheld");
    BOOST_TEST(v2::to_string(v2::user_field::protected_) == "protected");
    BOOST_TEST(v2::to_string(v2::media_field::preview_image_url) == "preview_image_url");
    BOOST_TEST(v2::to_string(v2::place_field::country_code) == "country_code");
    BOOST_TEST(v2::to_string(v2::poll_field::voting_status) == "voting_status");
    BOOST_TEST(v2::to_string(v2::list_field::private_) == "private");
    BOOST_TEST(v2::to_string(v2::space_field::updated_at) == "updated_at");
    BOOST_TEST(v2::to_string(v2::dm_event_field::dm_conversation_id) == "dm_conversation_id");
}

BOOST_AUTO_TEST_CASE(an_unknown_value_has_an_empty_name) {
    BOOST_TEST(v2::to_string(static_cast<v2::tweet_field>(999)).empty());
}

BOOST_AUTO_TEST_CASE(nothing_asked_adds_no_parameter) {
    std::vector<param> q{{"max_results", "100"}};
    v2::append_query(q, {});
    BOOST_TEST_REQUIRE(q.size() == 1u);
    BOOST_TEST(q[0].name == "max_results");
}

BOOST_AUTO_TEST_CASE(lists_are_comma_joined_in_the_order_given) {
    v2::fields_params f;
    f.expansions = {v2::expansion::author_id, v2::expansion::attachments_media_keys};
    f.tweet_fields = {v2::tweet_field::created_at, v2::tweet_field::public_metrics, v2::tweet_field::lang};
    auto const q = query_of(f);
    std::vector<param> const expected{{"expansions", "author_id,attachments.media_keys"},
                                      {"tweet.fields", "created_at,public_metrics,lang"}};
    BOOST_TEST((q == expected));
}

BOOST_AUTO_TEST_CASE(a_value_asked_twice_appears_once) {
    v2::fields_params f;
    f.user_fields = {v2::user_field::username, v2::user_field::verified, v2::user_field::username};
    auto const q = query_of(f);
    BOOST_TEST_REQUIRE(q.size() == 1u);
    BOOST_TEST(q[0].name == "user.fields");
    BOOST_TEST(q[0].value == "username,verified");
}

BOOST_AUTO_TEST_CASE(every_kind_has_its_parameter_name) {
    v2::fields_params f;
    f.expansions = {v2::expansion::owner_id};
    f.tweet_fields = {v2::tweet_field::id};
    f.user_fields = {v2::user_field::id};
    f.media_fields = {v2::media_field::url};
    f.place_fields = {v2::place_field::geo};
    f.poll_fields = {v2::poll_field::options};
    f.list_fields = {v2::list_field::member_count};
    f.space_fields = {v2::space_field::title};
    f.dm_event_fields = {v2::dm_event_field::sender_id};
    std::vector<param> const expected{
        {"expansions", "owner_id"},      {"tweet.fields", "id"},    {"user.fields", "id"},
        {"media.fields", "url"},         {"place.fields", "geo"},   {"poll.fields", "options"},
        {"list.fields", "member_count"}, {"space.fields", "title"}, {"dm_event.fields", "sender_id"},
    };
    BOOST_TEST((query_of(f) == expected));
}

BOOST_AUTO_TEST_SUITE_END()
