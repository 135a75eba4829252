#include "emulator/faults.hpp"

#include <boost/test/unit_test.hpp>

#include <vector>

using twitter::emulator::fault;
using twitter::emulator::detail::fault_table;
using twitter::emulator::detail::path_matches;

namespace {

fault make(std::string path, std::size_t nth, std::size_t count, unsigned status = 503) {
    fault f;
    f.path = std::move(path);
    f.nth = nth;
    f.count = count;
    f.status = status;
    return f;
}

// Which of `requests` calls to select(path) fire, 1-based.
std::vector<std::size_t> firing(fault_table& table, std::string_view path, std::size_t requests) {
    std::vector<std::size_t> fired;
    for (std::size_t i = 1; i <= requests; ++i) {
        if (table.select(path)) {
            fired.push_back(i);
        }
    }
    return fired;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_faults)

BOOST_AUTO_TEST_CASE(exact_path_and_prefix_star) {
    BOOST_TEST(path_matches("/2/tweets", "/2/tweets"));
    BOOST_TEST(!path_matches("/2/tweets", "/2/tweets/20"));
    BOOST_TEST(!path_matches("/2/tweets/20", "/2/tweets"));
    BOOST_TEST(path_matches("/2/tweets*", "/2/tweets/20"));
    BOOST_TEST(path_matches("/2/tweets*", "/2/tweets"));
    BOOST_TEST(path_matches("*", "/oauth2/token"));
    BOOST_TEST(!path_matches("/2/users*", "/2/tweets"));
}

BOOST_AUTO_TEST_CASE(fires_once_on_the_nth_matching_request) {
    fault_table table;
    table.add(make("/2/tweets/20", 3, 1));
    BOOST_TEST(firing(table, "/2/tweets/20", 6) == (std::vector<std::size_t>{3}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(count_covers_the_following_requests) {
    fault_table table;
    table.add(make("/2/tweets/20", 2, 3));
    BOOST_TEST(firing(table, "/2/tweets/20", 7) == (std::vector<std::size_t>{2, 3, 4}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(count_zero_fires_forever_from_nth) {
    fault_table table;
    table.add(make("/2/tweets*", 4, 0));
    BOOST_TEST(firing(table, "/2/tweets/1", 7) == (std::vector<std::size_t>{4, 5, 6, 7}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(other_paths_do_not_advance_the_count) {
    fault_table table;
    table.add(make("/2/tweets/20", 2, 1));
    BOOST_TEST(!table.select("/2/tweets/20"));
    BOOST_TEST(!table.select("/2/users/me"));
    BOOST_TEST(!table.select("/2/users/me"));
    BOOST_TEST(table.select("/2/tweets/20").has_value());
}

BOOST_AUTO_TEST_CASE(first_injected_fault_wins_and_every_match_is_counted) {
    fault_table table;
    table.add(make("/2/*", 1, 1, 500));
    table.add(make("/2/tweets/20", 1, 2, 429));
    auto const first = table.select("/2/tweets/20");
    BOOST_TEST_REQUIRE(first.has_value());
    BOOST_TEST(first->status == 500u);
    // The second fault saw the first request too, so its second (and last) firing is now.
    auto const second = table.select("/2/tweets/20");
    BOOST_TEST_REQUIRE(second.has_value());
    BOOST_TEST(second->status == 429u);
    BOOST_TEST(!table.select("/2/tweets/20"));
}

BOOST_AUTO_TEST_CASE(nth_zero_behaves_like_one) {
    fault_table table;
    table.add(make("/x", 0, 1));
    BOOST_TEST(table.select("/x").has_value());
    BOOST_TEST(!table.select("/x"));
}

BOOST_AUTO_TEST_CASE(clear_removes_every_fault) {
    fault_table table;
    table.add(make("*", 1, 0));
    BOOST_TEST(!table.empty());
    table.clear();
    BOOST_TEST(table.empty());
    BOOST_TEST(!table.select("/2/tweets"));
}

BOOST_AUTO_TEST_CASE(selected_fault_carries_its_details) {
    fault f = make("/2/users/me", 1, 1, 429);
    f.what = fault::kind::status;
    f.headers = {{"x-rate-limit-remaining", "0"}};
    f.body = R"({"title":"Too Many Requests"})";
    fault_table table;
    table.add(f);
    auto const got = table.select("/2/users/me");
    BOOST_TEST_REQUIRE(got.has_value());
    BOOST_TEST(got->headers.size() == 1u);
    BOOST_TEST(got->headers[0].second == "0");
    BOOST_TEST(got->body == f.body);
}

BOOST_AUTO_TEST_CASE(connection_faults_count_connections_and_request_faults_count_requests) {
    fault on_connection = make("/ignored", 2, 1);
    on_connection.what = fault::kind::close_during_handshake;
    fault_table table;
    table.add(on_connection);
    table.add(make("*", 1, 1));
    BOOST_TEST(!table.select_connection());
    auto const request = table.select("/2/tweets");  // a request fault, whatever the connection count
    BOOST_TEST_REQUIRE(request.has_value());
    BOOST_TEST((request->what == fault::kind::status));
    auto const second = table.select_connection();
    BOOST_TEST_REQUIRE(second.has_value());
    BOOST_TEST((second->what == fault::kind::close_during_handshake));
    BOOST_TEST(!table.select_connection());
    BOOST_TEST(!table.select("/2/tweets"));
}

BOOST_AUTO_TEST_SUITE_END()
