#include <twitter/v2/pagination.hpp>

#include <twitter/page_limits.hpp>
#include <twitter/param.hpp>
#include <twitter/v2/models.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(v2_pagination)

namespace {
namespace v2 = twitter::v2;
using twitter::page_limits;
using twitter::param;

v2::meta page(std::optional<std::string> next_token, std::size_t count) {
    v2::meta m;
    m.result_count = count;
    m.next_token = std::move(next_token);
    return m;
}

std::vector<param> const base{{"max_results", "100"}, {"user.fields", "created_at"}};
}  // namespace

BOOST_AUTO_TEST_CASE(the_first_request_is_the_base_query) {
    v2::pager_state const p(v2::token_param::pagination_token);
    BOOST_TEST(!p.done());
    BOOST_TEST((p.next_query(base) == base));
}

BOOST_AUTO_TEST_CASE(five_pages_with_pagination_token) {
    v2::pager_state p(v2::token_param::pagination_token);
    std::vector<std::string> const tokens{"A", "B", "C", "D"};
    for (std::string const& token : tokens) {
        BOOST_TEST(p.on_page(page(token, 100), 100) == 100u);
        BOOST_TEST(!p.done());
        std::vector<param> expected = base;
        expected.push_back({"pagination_token", token});
        BOOST_TEST((p.next_query(base) == expected));
    }
    BOOST_TEST(p.on_page(page(std::nullopt, 42), 42) == 42u);  // the last page has no next_token
    BOOST_TEST(p.done());
    BOOST_TEST(p.pages() == 5u);
    BOOST_TEST(p.items() == 442u);
}

BOOST_AUTO_TEST_CASE(five_pages_with_next_token) {
    v2::pager_state p(v2::token_param::next_token);
    for (std::string const token : {"t1", "t2", "t3", "t4"}) {
        p.on_page(page(token, 10), 10);
        auto const q = p.next_query(base);
        BOOST_TEST_REQUIRE(q.size() == 3u);
        BOOST_TEST(q[2].name == "next_token");
        BOOST_TEST(q[2].value == token);
    }
    p.on_page(page(std::nullopt, 3), 3);
    BOOST_TEST(p.done());
    BOOST_TEST(p.pages() == 5u);
}

BOOST_AUTO_TEST_CASE(a_token_already_in_the_base_query_is_replaced) {
    v2::pager_state p(v2::token_param::pagination_token);
    p.on_page(page("NEW", 5), 5);
    std::vector<param> const with_old{{"pagination_token", "OLD"}, {"max_results", "5"}};
    std::vector<param> const expected{{"max_results", "5"}, {"pagination_token", "NEW"}};
    BOOST_TEST((p.next_query(with_old) == expected));
}

BOOST_AUTO_TEST_CASE(an_empty_page_ends_the_walk_even_with_a_token) {
    v2::pager_state p(v2::token_param::pagination_token);
    BOOST_TEST(p.on_page(page("A", 0), 0) == 0u);
    BOOST_TEST(p.done());
}

BOOST_AUTO_TEST_CASE(an_empty_token_ends_the_walk) {
    v2::pager_state p(v2::token_param::next_token);
    p.on_page(page("", 7), 7);
    BOOST_TEST(p.done());
}

BOOST_AUTO_TEST_CASE(max_pages_stops_after_that_many_pages) {
    v2::pager_state p(v2::token_param::pagination_token, page_limits{3, std::nullopt});
    p.on_page(page("A", 10), 10);
    p.on_page(page("B", 10), 10);
    BOOST_TEST(!p.done());
    p.on_page(page("C", 10), 10);
    BOOST_TEST(p.done());
    BOOST_TEST(p.on_page(page("D", 10), 10) == 0u);  // a page after the end counts for nothing
    BOOST_TEST(p.pages() == 3u);
}

BOOST_AUTO_TEST_CASE(max_items_cuts_the_last_page) {
    v2::pager_state p(v2::token_param::pagination_token, page_limits{std::nullopt, 250});
    BOOST_TEST(p.on_page(page("A", 100), 100) == 100u);
    BOOST_TEST(p.on_page(page("B", 100), 100) == 100u);
    BOOST_TEST(!p.done());
    BOOST_TEST(p.on_page(page("C", 100), 100) == 50u);
    BOOST_TEST(p.done());
    BOOST_TEST(p.items() == 250u);
}

BOOST_AUTO_TEST_CASE(max_items_met_exactly_ends_without_another_request) {
    v2::pager_state p(v2::token_param::pagination_token, page_limits{std::nullopt, 200});
    p.on_page(page("A", 100), 100);
    p.on_page(page("B", 100), 100);
    BOOST_TEST(p.done());
}

BOOST_AUTO_TEST_CASE(a_zero_limit_sends_nothing) {
    BOOST_TEST(v2::pager_state(v2::token_param::next_token, page_limits{0, std::nullopt}).done());
    BOOST_TEST(v2::pager_state(v2::token_param::next_token, page_limits{std::nullopt, 0}).done());
}

BOOST_AUTO_TEST_CASE(walking_100000_followers_keeps_only_the_cursor) {
    v2::pager_state p(v2::token_param::pagination_token);
    std::size_t handed_out = 0;
    for (int i = 0; i < 100; ++i) handed_out += p.on_page(page("T" + std::to_string(i), 1000), 1000);
    p.on_page(page(std::nullopt, 0), 0);
    BOOST_TEST(p.done());
    BOOST_TEST(handed_out == 100000u);
    BOOST_TEST(p.pages() == 101u);
}

BOOST_AUTO_TEST_SUITE_END()
