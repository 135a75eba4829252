#include <twitter/v2/models.hpp>

#include <twitter/v2/fields.hpp>
#include <twitter/v2/pagination.hpp>
#include <twitter/v2/response.hpp>

// Checked before Boost.Test comes in: only the public v2 headers are included above.
#if defined(BOOST_JSON_DETAIL_CONFIG_HPP) || defined(BOOST_BEAST_CORE_DETAIL_CONFIG_HPP) || \
    defined(BOOST_ASIO_DETAIL_CONFIG_HPP)
#define TWITTER_V2_HEADERS_LEAK 1
#else
#define TWITTER_V2_HEADERS_LEAK 0
#endif

#include <boost/test/unit_test.hpp>

#include <vector>

BOOST_AUTO_TEST_SUITE(v2_models)

BOOST_AUTO_TEST_CASE(public_v2_headers_pull_in_no_json_beast_or_asio) {
    BOOST_TEST(TWITTER_V2_HEADERS_LEAK == 0);
}

BOOST_AUTO_TEST_CASE(a_default_model_has_nothing_set) {
    twitter::v2::tweet const t;
    BOOST_TEST(t.id.empty());
    BOOST_TEST(!t.author_id.has_value());
    BOOST_TEST(!t.public_metrics.has_value());
    BOOST_TEST(t.referenced_tweets.empty());
    twitter::v2::response<std::vector<twitter::v2::user>> const page;
    BOOST_TEST(page.data.empty());
    BOOST_TEST(page.limits.empty());
    twitter::v2::response<twitter::v2::user> const one;
    BOOST_TEST(!one.data.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
