// Replay of recorded exchanges over TLS, with a raw Beast client: a queued recording answers the matching
// request once, verbatim, and everything else gets the emulated answer.

#include <twitter/emulator/server.hpp>

#include "emulator_test_client.hpp"
#include "recorded_fixtures.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

namespace emu = twitter::emulator;
using namespace test::emulator_client;

namespace {

// The recorded GET /2/tweets/search/recent?query=Tweepy, as an exchange to replay.
emu::recorded_exchange recorded_search() {
    auto const& all = test::recorded_responses();
    auto const it = std::find_if(all.begin(), all.end(), [](test::recorded_response const& r) {
        return r.file == "test_client_search_recent_tweets.json";
    });
    BOOST_TEST_REQUIRE((it != all.end()));
    emu::recorded_exchange e;
    e.method = it->request_method;
    e.target = it->request_uri;
    e.status = static_cast<unsigned>(it->status);
    for (auto const& h : it->headers) {
        e.headers.emplace_back(std::string(h.name), std::string(h.value));
    }
    e.body = it->body.value_or("");
    return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_replay_server)

BOOST_FIXTURE_TEST_CASE(a_recording_answers_its_request_once_verbatim, fixture) {
    auto const recorded = recorded_search();
    BOOST_TEST_REQUIRE(recorded.target == "https://api.twitter.com/2/tweets/search/recent?query=Tweepy");
    srv.replay({recorded});
    BOOST_TEST(srv.pending_replays() == 1u);
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        // A miss first: another path is emulated as usual.
        auto const other =
            co_await exchange(stream, get("/2/tweets/1293593516040269825", srv.app_bearer_token()));
        BOOST_TEST_REQUIRE(!other.ec);
        BOOST_TEST(other.res.result_int() == 200u);
        BOOST_TEST(other.res["x-rate-limit-limit"] != "450");

        // No credentials at all: a replay does not authenticate.
        auto const replayed = co_await exchange(stream, get("/2/tweets/search/recent?query=Tweepy", ""));
        BOOST_TEST_REQUIRE(!replayed.ec);
        BOOST_TEST(replayed.res.result_int() == recorded.status);
        BOOST_TEST(replayed.res.body() == recorded.body);
        BOOST_TEST(replayed.res["x-rate-limit-limit"] == "450");
        BOOST_TEST(replayed.res["date"] == "Fri, 07 Oct 2022 22:43:19 UTC");
        BOOST_TEST(replayed.res["api-version"] == "2.52");
        BOOST_TEST(replayed.res.keep_alive());

        // Used up: the same request is emulated now, and refused without credentials.
        auto const again = co_await exchange(stream, get("/2/tweets/search/recent?query=Tweepy", ""));
        BOOST_TEST_REQUIRE(!again.ec);
        BOOST_TEST(again.res.result_int() == 401u);

        auto const stats = srv.stats();
        BOOST_TEST(stats.replayed == 1u);
        BOOST_TEST(stats.replay_misses == 1u);  // the tweet lookup; none once the queue is empty
        BOOST_TEST(stats.requests == 3u);
        BOOST_TEST(srv.pending_replays() == 0u);
        auto const log = srv.request_log();
        BOOST_TEST_REQUIRE(log.size() == 3u);
        BOOST_TEST(log[1].target == "/2/tweets/search/recent?query=Tweepy");
    });
}

BOOST_FIXTURE_TEST_CASE(query_order_does_not_matter_and_faults_come_first, fixture) {
    emu::recorded_exchange e;
    e.method = "GET";
    e.target = "/2/users/by?usernames=Twitter%2CTwitterDev&user.fields=id";
    e.status = 429;
    e.headers = {
        {"x-rate-limit-remaining", "0"}, {"content-length", "999"}, {"content-type", "application/json"}};
    e.body = R"({"title":"Too Many Requests"})";
    srv.replay({e, e});
    emu::fault f;
    f.path = "/2/users/by";
    f.status = 503;
    srv.inject(f);
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        auto const faulted =
            co_await exchange(stream, get("/2/users/by?user.fields=id&usernames=Twitter,TwitterDev", ""));
        BOOST_TEST_REQUIRE(!faulted.ec);
        BOOST_TEST(faulted.res.result_int() == 503u);
        BOOST_TEST(srv.pending_replays() == 2u);
        auto const replayed =
            co_await exchange(stream, get("/2/users/by?user.fields=id&usernames=Twitter,TwitterDev", ""));
        BOOST_TEST_REQUIRE(!replayed.ec);
        BOOST_TEST(replayed.res.result_int() == 429u);
        BOOST_TEST(replayed.res["x-rate-limit-remaining"] == "0");
        BOOST_TEST(replayed.res.body() == e.body);  // framed by its real length, not the recorded one
        BOOST_TEST(srv.pending_replays() == 1u);
        srv.clear_replay();
        BOOST_TEST(srv.pending_replays() == 0u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
