// The grown emulator over TLS, with a raw Beast client: long pagination walks on one keep-alive connection,
// per-family budgets that end in real 429s, the 24-hour headers of POST /2/tweets, a chunked multipart upload
// with STATUS polls, and v1.1 and v2 seeing the same writes.

#include <twitter/emulator/server.hpp>

#include "emulator_test_client.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ctime>
#include <set>
#include <string>

namespace emu = twitter::emulator;
namespace json = boost::json;
using namespace test::emulator_client;

namespace {

json::value parse(http::response<http::string_body> const& res) { return json::parse(res.body()); }

emu::server_config many_followers() {
    emu::server_config cfg;
    cfg.synthetic_followers = 100000;
    cfg.family_limits["GET /2/users/:id/followers"] = 1000;  // X documents 15 per 15 minutes
    return cfg;
}

std::string multipart(std::vector<std::pair<std::string, std::string>> const& fields,
                      std::string const& media) {
    std::string body;
    for (auto const& [name, value] : fields) {
        body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
    body +=
        "--XyZ\r\nContent-Disposition: form-data; name=\"media\"\r\nContent-Type: "
        "application/octet-stream\r\n\r\n" +
        media + "\r\n--XyZ--\r\n";
    return body;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_api)

BOOST_AUTO_TEST_CASE(a_hundred_thousand_followers_page_over_one_connection) {
    fixture f{many_followers()};
    f.run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, f.client_ctx};
        co_await f.connect(stream);
        std::string const base = "/2/users/" + f.srv.default_user_id() + "/followers?max_results=1000";
        std::string target = base;
        std::set<std::string> ids;
        int pages = 0;
        for (;;) {
            auto const [ec, res] = co_await exchange(stream, get(target, f.srv.app_bearer_token()));
            BOOST_TEST_REQUIRE(!ec);
            BOOST_TEST_REQUIRE(res.result_int() == 200u);
            auto const doc = parse(res);
            for (auto const& u : doc.at("data").as_array()) {
                ids.emplace(u.at("id").as_string());
            }
            ++pages;
            auto const* next = doc.at("meta").as_object().if_contains("next_token");
            if (next == nullptr) {
                BOOST_TEST(res["x-rate-limit-limit"] == "1000");
                break;
            }
            target = base + "&pagination_token=" + std::string(next->as_string());
        }
        BOOST_TEST(pages == 101);
        BOOST_TEST(ids.size() == 100002u);
        BOOST_TEST(f.srv.stats().connections_accepted == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(a_family_budget_ends_in_a_429_with_its_headers, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        // X documents 75 requests per 15 minutes for /2/users/me.
        for (int i = 0; i < 75; ++i) {
            auto const ok = co_await exchange(stream, get("/2/users/me", srv.default_user_token()));
            BOOST_TEST_REQUIRE(ok.res.result_int() == 200u);
        }
        auto const refused = co_await exchange(stream, get("/2/users/me", srv.default_user_token()));
        BOOST_TEST_REQUIRE(!refused.ec);
        BOOST_TEST(refused.res.result_int() == 429u);
        BOOST_TEST(refused.res["x-rate-limit-limit"] == "75");
        BOOST_TEST(refused.res["x-rate-limit-remaining"] == "0");
        auto const reset = std::stoll(std::string(refused.res["x-rate-limit-reset"]));
        BOOST_TEST(reset > static_cast<long long>(std::time(nullptr)));
        BOOST_TEST(reset <= static_cast<long long>(std::time(nullptr)) + 15 * 60);
        BOOST_TEST(parse(refused.res).at("title").as_string() == "Too Many Requests");
        // Another family, the same token: untouched.
        auto const other = co_await exchange(stream, get("/2/users/783214", srv.default_user_token()));
        BOOST_TEST(other.res.result_int() == 200u);
        BOOST_TEST(other.res["x-rate-limit-limit"] == "300");
        BOOST_TEST(srv.stats().rate_limited == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(post_tweets_answers_201_with_the_24_hour_headers, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        auto const created =
            co_await exchange(stream, request(http::verb::post, "/2/tweets", srv.default_user_token(),
                                              R"({"text":"over TLS"})", "application/json"));
        BOOST_TEST_REQUIRE(created.res.result_int() == 201u);
        for (char const* name :
             {"x-app-limit-24hour-limit", "x-app-limit-24hour-remaining", "x-app-limit-24hour-reset",
              "x-user-limit-24hour-limit", "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset"}) {
            BOOST_TEST(!created.res[name].empty(), name);
        }
        BOOST_TEST(created.res["x-rate-limit-limit"] == "200");
        auto const id = std::string(parse(created.res).at("data").at("id").as_string());
        auto const deleted = co_await exchange(
            stream, request(http::verb::delete_, "/2/tweets/" + id, srv.default_user_token()));
        BOOST_TEST(deleted.res.result_int() == 200u);
        BOOST_TEST(deleted.res.body() == R"({"data":{"deleted":true}})");
    });
}

BOOST_AUTO_TEST_CASE(a_chunked_upload_processes_over_status_polls) {
    emu::server_config cfg;
    cfg.media_processing_polls = 2;
    fixture f{cfg};
    f.run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, f.client_ctx};
        co_await f.connect(stream);
        auto const& token = f.srv.default_user_token();
        std::string const form = "application/x-www-form-urlencoded";
        auto const init = co_await exchange(
            stream,
            request(http::verb::post, "/1.1/media/upload.json", token,
                    "command=INIT&total_bytes=8&media_type=video%2Fmp4&media_category=tweet_video", form));
        BOOST_TEST_REQUIRE(init.res.result_int() == 202u);
        auto const id = std::string(parse(init.res).at("media_id_string").as_string());
        // The first eight bytes of an MP4, in two segments.
        std::vector<std::pair<std::string, std::string>> chunks;
        chunks.emplace_back("0", std::string("\0\0\0\x18", 4));
        chunks.emplace_back("1", "ftyp");
        for (auto const& chunk : chunks) {
            auto body = multipart({{"command", "APPEND"}, {"media_id", id}, {"segment_index", chunk.first}},
                                  chunk.second);
            auto req = request(http::verb::post, "/1.1/media/upload.json", token, std::move(body),
                               "multipart/form-data; boundary=XyZ");
            auto const appended = co_await exchange(stream, std::move(req));
            BOOST_TEST(appended.res.result_int() == 204u);
        }
        auto const done = co_await exchange(stream, request(http::verb::post, "/1.1/media/upload.json", token,
                                                            "command=FINALIZE&media_id=" + id, form));
        BOOST_TEST_REQUIRE(done.res.result_int() == 201u);
        BOOST_TEST(parse(done.res).at("processing_info").at("state").as_string() == "pending");
        std::vector<std::string> states;
        for (int i = 0; i < 2; ++i) {
            auto const status =
                co_await exchange(stream, get("/1.1/media/upload.json?command=STATUS&media_id=" + id, token));
            states.emplace_back(parse(status.res).at("processing_info").at("state").as_string());
        }
        BOOST_TEST((states == std::vector<std::string>{"in_progress", "succeeded"}));
        auto const tweet =
            co_await exchange(stream, request(http::verb::post, "/2/tweets", token,
                                              R"({"text":"video","media":{"media_ids":[")" + id + R"("]}})",
                                              "application/json"));
        BOOST_TEST(tweet.res.result_int() == 201u);
    });
}

BOOST_FIXTURE_TEST_CASE(a_five_megabyte_segment_is_accepted_and_a_larger_one_refused, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        auto const& token = srv.default_user_token();
        std::size_t const five_mb = 5 * 1024 * 1024;
        auto const init = co_await exchange(
            stream, request(http::verb::post, "/2/media/upload/initialize", token,
                            R"({"media_type":"video/mp4","total_bytes":)" + std::to_string(2 * five_mb) + "}",
                            "application/json"));
        BOOST_TEST_REQUIRE(init.res.result_int() == 200u);
        auto const id = std::string(parse(init.res).at("data").at("id").as_string());
        auto body = multipart({{"segment_index", "0"}}, std::string(five_mb, 'v'));
        auto const ok =
            co_await exchange(stream, request(http::verb::post, "/2/media/upload/" + id + "/append", token,
                                              std::move(body), "multipart/form-data; boundary=XyZ"));
        BOOST_TEST(ok.res.result_int() == 200u);
        auto big = multipart({{"segment_index", "1"}}, std::string(five_mb + 1, 'v'));
        auto const refused =
            co_await exchange(stream, request(http::verb::post, "/2/media/upload/" + id + "/append", token,
                                              std::move(big), "multipart/form-data; boundary=XyZ"));
        BOOST_TEST(refused.res.result_int() == 400u);
    });
}

BOOST_FIXTURE_TEST_CASE(v1_and_v2_see_the_same_writes, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        auto const& token = srv.default_user_token();
        auto const status = co_await exchange(
            stream, request(http::verb::post, "/1.1/statuses/update.json?status=both+ways", token));
        BOOST_TEST_REQUIRE(status.res.result_int() == 200u);
        auto const id = std::string(parse(status.res).at("id_str").as_string());
        auto const v2 = co_await exchange(stream, get("/2/tweets/" + id + "?tweet.fields=author_id", token));
        BOOST_TEST(parse(v2.res).at("data").at("text").as_string() == "both ways");
        BOOST_TEST(parse(v2.res).at("data").at("author_id").as_string() == srv.default_user_id());
        auto const like = co_await exchange(
            stream, request(http::verb::post, "/2/users/" + srv.default_user_id() + "/likes", token,
                            R"({"tweet_id":")" + id + R"("})", "application/json"));
        BOOST_TEST(like.res.body() == R"({"data":{"liked":true}})");
        auto const shown = co_await exchange(stream, get("/1.1/statuses/show.json?id=" + id, token));
        BOOST_TEST(parse(shown.res).at("favorited").as_bool());
        BOOST_TEST(parse(shown.res).at("favorite_count").as_int64() == 1);
    });
}

BOOST_AUTO_TEST_SUITE_END()
