#include <twitter/api.hpp>

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(client_api)

using twitter::api;

BOOST_AUTO_TEST_CASE(tweepy_endpoint_names_become_v1_paths) {
    BOOST_TEST(api::v1_target("account/verify_credentials") == "/1.1/account/verify_credentials.json");
    BOOST_TEST(api::v1_target("statuses/show.json") == "/1.1/statuses/show.json");
}

BOOST_AUTO_TEST_CASE(the_query_stays_after_the_suffix) {
    BOOST_TEST(api::v1_target("statuses/show?id=20&trim_user=true") == "/1.1/statuses/show.json?id=20&trim_user=true");
}

BOOST_AUTO_TEST_CASE(paths_and_urls_are_sent_as_they_are) {
    BOOST_TEST(api::v1_target("/2/tweets/20") == "/2/tweets/20");
    BOOST_TEST(api::v1_target("https://upload.x.com/1.1/media/upload.json") ==
               "https://upload.x.com/1.1/media/upload.json");
}

BOOST_AUTO_TEST_SUITE_END()
