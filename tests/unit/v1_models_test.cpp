#include <twitter/v1/models.hpp>

#include <twitter/v1/params.hpp>
#include <twitter/v1/requests.hpp>
#include <twitter/v1/response.hpp>

// Checked before Boost.Test comes in: only the public v1 headers (not call.hpp, which names an Asio handler)
// are included above.
#if defined(BOOST_JSON_DETAIL_CONFIG_HPP) || defined(BOOST_BEAST_CORE_DETAIL_CONFIG_HPP) || \
    defined(BOOST_ASIO_DETAIL_CONFIG_HPP)
#define TWITTER_V1_HEADERS_LEAK 1
#else
#define TWITTER_V1_HEADERS_LEAK 0
#endif

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

BOOST_AUTO_TEST_SUITE(v1_models)

using namespace twitter::v1;

BOOST_AUTO_TEST_CASE(public_v1_headers_pull_in_no_json_beast_or_asio) {
    BOOST_TEST(TWITTER_V1_HEADERS_LEAK == 0);
}

BOOST_AUTO_TEST_CASE(a_default_model_has_nothing_set) {
    status const s;
    BOOST_TEST(s.id.empty());
    BOOST_TEST(!s.user.has_value());
    BOOST_TEST(!s.retweeted_status.has_value());
    BOOST_TEST(!s.quoted_status);
    BOOST_TEST(s.retweet_count == 0u);
    user const u;
    BOOST_TEST(!u.followers_count.has_value());
    BOOST_TEST(!u.status.has_value());
    id_page const page;
    BOOST_TEST(page.items.empty());
    BOOST_TEST(page.next_cursor == "0");
    response<std::vector<status>> const r;
    BOOST_TEST(r.data.empty());
    BOOST_TEST(r.limits.empty());
}

BOOST_AUTO_TEST_CASE(a_box_copies_deeply_and_moves_cheaply) {
    status inner;
    inner.id = "1";
    inner.text = "inner";
    status outer;
    outer.id = "2";
    outer.retweeted_status = inner;
    BOOST_TEST_REQUIRE(outer.retweeted_status.has_value());

    status copy = outer;
    copy.retweeted_status->text = "changed";
    BOOST_TEST(outer.retweeted_status->text == "inner");  // the copy has its own nested status
    BOOST_TEST(copy.retweeted_status->id == "1");

    status const* before = &*copy.retweeted_status;
    status moved = std::move(copy);
    BOOST_TEST(&*moved.retweeted_status == before);  // a move hands over the same object
    BOOST_TEST(
        !copy.retweeted_status.has_value());  // NOLINT(bugprone-use-after-move): a moved-from box is empty

    moved.retweeted_status = outer.retweeted_status;  // copy-assignment
    BOOST_TEST(moved.retweeted_status->text == "inner");
    moved.retweeted_status.reset();
    BOOST_TEST(!moved.retweeted_status);
}

BOOST_AUTO_TEST_CASE(a_user_holds_its_latest_status_and_that_status_its_author) {
    user u;
    u.id = "783214";
    auto& latest = u.status.emplace();
    latest.id = "20";
    latest.user.emplace().id = "783214";
    user const copy = u;
    BOOST_TEST(copy.status->user->id == "783214");
}

BOOST_AUTO_TEST_CASE(rate_limit_status_finds_an_endpoint_in_any_family) {
    rate_limit_status s;
    s.resources["statuses"]["/statuses/home_timeline"] = twitter::rate_limit{15, 14, 1700000000};
    s.resources["help"]["/help/languages"] = twitter::rate_limit{15, 15, 1700000001};
    auto const* found = s.find("/help/languages");
    BOOST_TEST_REQUIRE(found != nullptr);
    BOOST_TEST(found->reset == 1700000001);
    BOOST_TEST(s.find("/nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(user_and_list_references_name_their_kind) {
    BOOST_TEST((user_id("12").by == user_ref::kind::id));
    BOOST_TEST((screen_name("X").by == user_ref::kind::screen_name));
    auto const l = list_slug("team", screen_name("X"));
    BOOST_TEST(l.slug == "team");
    BOOST_TEST(l.list_id.empty());
    BOOST_TEST_REQUIRE(l.owner.has_value());
    BOOST_TEST(l.owner->value == "X");
    BOOST_TEST(list_id("99").list_id == "99");
}

BOOST_AUTO_TEST_SUITE_END()
