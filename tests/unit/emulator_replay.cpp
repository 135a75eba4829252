#include "emulator/replay.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace twitter::emulator::detail;
using twitter::emulator::recorded_exchange;

namespace {

recorded_exchange exchange(std::string method, std::string target, std::string body) {
    recorded_exchange e;
    e.method = std::move(method);
    e.target = std::move(target);
    e.body = std::move(body);
    return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_replay)

BOOST_AUTO_TEST_CASE(query_order_and_encoding_do_not_matter) {
    auto const a = make_replay_key("GET", "/2/tweets?ids=1%2C2&tweet.fields=id");
    auto const b = make_replay_key("GET", "/2/tweets?tweet.fields=id&ids=1,2");
    BOOST_TEST((a == b));
    BOOST_TEST(a.path == "/2/tweets");
    BOOST_TEST(make_replay_key("GET", "/1.1/search/tweets.json?q=a+b").query.at(0).second == "a b");
}

BOOST_AUTO_TEST_CASE(repeated_parameters_count) {
    BOOST_TEST(!(make_replay_key("GET", "/x?a=1&a=1") == make_replay_key("GET", "/x?a=1")));
    BOOST_TEST((make_replay_key("GET", "/x?a=2&a=1") == make_replay_key("GET", "/x?a=1&a=2")));
}

BOOST_AUTO_TEST_CASE(method_path_and_values_must_match) {
    BOOST_TEST(!(make_replay_key("POST", "/2/tweets") == make_replay_key("GET", "/2/tweets")));
    BOOST_TEST(!(make_replay_key("GET", "/2/tweets/1") == make_replay_key("GET", "/2/tweets/2")));
    BOOST_TEST(!(make_replay_key("GET", "/2/tweets?ids=1") == make_replay_key("GET", "/2/tweets?ids=2")));
    BOOST_TEST(!(make_replay_key("GET", "/2/tweets?ids=1") == make_replay_key("GET", "/2/tweets")));
}

BOOST_AUTO_TEST_CASE(absolute_urls_of_any_x_host_are_their_path) {
    auto const upload = make_replay_key("POST", "https://upload.twitter.com/1.1/media/upload.json");
    BOOST_TEST(upload.path == "/1.1/media/upload.json");
    BOOST_TEST((make_replay_key("GET", "https://api.twitter.com/2/users/by?usernames=Twitter%2CTwitterDev") ==
                make_replay_key("GET", "/2/users/by?usernames=Twitter,TwitterDev")));
    // A URL inside a query value is not the request's own.
    BOOST_TEST(make_replay_key("GET", "/1.1/statuses/oembed.json?url=https://twitter.com/x").path ==
               "/1.1/statuses/oembed.json");
}

BOOST_AUTO_TEST_CASE(take_consumes_the_earliest_match_only) {
    replay_queue q;
    q.add(exchange("GET", "/2/users/me", "first"));
    q.add(exchange("GET", "/2/tweets/1", "other"));
    q.add(exchange("GET", "/2/users/me", "second"));
    BOOST_TEST(q.size() == 3u);
    BOOST_TEST(!q.take("POST", "/2/users/me"));
    BOOST_TEST(q.take("GET", "/2/users/me")->body == "first");
    BOOST_TEST(q.take("GET", "/2/users/me")->body == "second");
    BOOST_TEST(!q.take("GET", "/2/users/me"));
    BOOST_TEST(q.size() == 1u);
    q.clear();
    BOOST_TEST(q.empty());
}

BOOST_AUTO_TEST_CASE(hop_by_hop_and_framing_headers_are_dropped) {
    replay_queue q;
    auto e = exchange("GET", "/2/users/me", "{}");
    e.status = 429;
    e.headers = {{"Content-Length", "2"},          {"x-rate-limit-remaining", "0"},
                 {"transfer-encoding", "chunked"}, {"Connection", "keep-alive"},
                 {"content-encoding", "gzip"},     {"content-type", "application/json"},
                 {"x-rate-limit-reset", "1665"},   {"Keep-Alive", "timeout=5"}};
    q.add(e);
    auto const got = q.take("GET", "/2/users/me");
    BOOST_TEST_REQUIRE(got.has_value());
    BOOST_TEST(got->status == 429u);
    BOOST_TEST_REQUIRE(got->headers.size() == 3u);
    BOOST_TEST(got->headers[0].first == "x-rate-limit-remaining");
    BOOST_TEST(got->headers[1].first == "content-type");
    BOOST_TEST(got->headers[2].first == "x-rate-limit-reset");
    BOOST_TEST(is_hop_by_hop("TE"));
    BOOST_TEST(!is_hop_by_hop("x-access-level"));
}

BOOST_AUTO_TEST_SUITE_END()
