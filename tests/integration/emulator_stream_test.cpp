// The emulator's streams over real TLS sockets, read by a raw Beast client that decodes the chunked body
// itself (not the SDK's stream, so that a bug there cannot hide one here): rules decide what the filtered
// stream gets, the sample stream gets everything, idle streams send keep-alives, the connection limit
// frees a slot when its client hangs up, and each injected stream fault ends the stream as documented.

#include <twitter/emulator/server.hpp>

#include "emulator_test_client.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <chrono>
#include <optional>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
namespace emu = twitter::emulator;
using namespace std::chrono_literals;
using namespace test::emulator_client;

namespace {

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view filtered_path = "/2/tweets/search/stream";
constexpr std::string_view sample_path = "/2/tweets/sample/stream";
constexpr std::string_view operational_disconnect =
    R"({"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect",)"
    R"("detail":"This stream has been disconnected upstream for operational reasons.",)"
    R"("type":"https://api.twitter.com/2/problems/operational-disconnect"}]})";

// One stream connection. It decodes the chunked body by hand, so that it sees exactly what was sent: a
// missing final chunk, a half line.
class stream_client {
public:
    explicit stream_client(fixture& f) : f_(f), stream_(f.ioc.get_executor(), f.client_ctx) {}

    // Connects and sends the request; the answer's head, and its whole body when it is not a stream.
    asio::awaitable<http::response<http::string_body>> open(std::string_view target) {
        co_await f_.connect(stream_);
        auto req = get(std::string(target), f_.srv.app_bearer_token());
        req.prepare_payload();
        co_await http::async_write(stream_, req, asio::use_awaitable);
        http::response_parser<http::string_body> parser;
        co_await http::async_read_header(stream_, buffer_, parser, asio::use_awaitable);
        if (!parser.chunked()) {
            co_await http::async_read(stream_, buffer_, parser, asio::use_awaitable);
        } else {
            auto const data = buffer_.data();
            raw_.assign(static_cast<char const*>(data.data()), data.size());
            buffer_.consume(buffer_.size());
        }
        co_return parser.release();
    }

    // The next line without its "\r\n" ("" for a keep-alive); empty when the stream ended first (see
    // ended()) or nothing came `within`.
    asio::awaitable<std::optional<std::string>> next_line(std::chrono::milliseconds within = 3s) {
        for (;;) {
            if (auto const end = body_.find("\r\n"); end != std::string::npos) {
                auto line = body_.substr(0, end);
                body_.erase(0, end + 2);
                co_return line;
            }
            if (ended_) {
                co_return std::nullopt;
            }
            if (decode_chunk()) {
                continue;
            }
            std::array<char, 4096> data;
            beast::get_lowest_layer(stream_).expires_after(within);
            auto const [ec, n] = co_await stream_.async_read_some(asio::buffer(data), use_nothrow);
            if (ec) {
                ended_ = ec;
                co_return std::nullopt;
            }
            raw_.append(data.data(), n);
        }
    }

    // Why the stream ended: http::error::end_of_stream after the final chunk, else the read's error.
    beast::error_code ended() const { return ended_; }
    // Body text after the last complete line.
    std::string const& partial() const { return body_; }

    void close() {
        beast::error_code ec;
        beast::get_lowest_layer(stream_).socket().close(ec);
    }

private:
    // Moves one complete chunk from the raw bytes to the body; false when none is complete yet.
    bool decode_chunk() {
        auto const size_end = raw_.find("\r\n");
        if (size_end == std::string::npos) {
            return false;
        }
        auto const size = std::stoul(raw_.substr(0, size_end), nullptr, 16);
        if (raw_.size() < size_end + 2 + size + 2) {
            return false;
        }
        body_.append(raw_, size_end + 2, size);
        raw_.erase(0, size_end + 2 + size + 2);
        if (size == 0) {
            ended_ = http::error::end_of_stream;
        }
        return true;
    }

    fixture& f_;
    ssl_stream stream_;
    beast::flat_buffer buffer_;
    std::string raw_;   // received, not decoded yet
    std::string body_;  // decoded, not returned as a line yet
    beast::error_code ended_;
};

// A request on a connection of its own.
asio::awaitable<exchange_result> call(fixture& f, http::verb method, std::string target,
                                      std::string const& token, std::string body = {}) {
    auto const content_type = body.empty() ? std::string{} : std::string("application/json");
    auto req = request(method, std::move(target), token, std::move(body), content_type);
    ssl_stream stream{f.ioc.get_executor(), f.client_ctx};
    co_await f.connect(stream);
    auto result = co_await exchange(stream, std::move(req));
    co_return result;
}

asio::awaitable<std::string> add_rule(fixture& f, std::string const& body) {
    auto const r =
        co_await call(f, http::verb::post, "/2/tweets/search/stream/rules", f.srv.app_bearer_token(), body);
    BOOST_TEST_REQUIRE(r.res.result_int() == 201u, r.res.body());
    co_return std::string(json::parse(r.res.body()).at("data").at(0).at("id").as_string());
}

asio::awaitable<void> post_tweet(fixture& f, std::string const& text) {
    auto const r = co_await call(f, http::verb::post, "/2/tweets", f.srv.default_user_token(),
                                 R"({"text":")" + text + R"("})");
    BOOST_TEST_REQUIRE(r.res.result_int() == 201u, r.res.body());
}

asio::awaitable<void> sleep(std::chrono::milliseconds d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

// Waits until the emulator has `n` open streams (it notices a hang-up asynchronously).
asio::awaitable<bool> open_streams_become(fixture& f, std::size_t n) {
    for (int i = 0; i < 400 && f.srv.open_streams() != n; ++i) {
        co_await sleep(5ms);
    }
    co_return f.srv.open_streams() == n;
}

json::value tweet_line(std::optional<std::string> const& line) {
    BOOST_TEST_REQUIRE(line.has_value());
    BOOST_TEST_REQUIRE(!line->empty());
    return json::parse(*line);
}

emu::server_config quick_keep_alives() {
    emu::server_config cfg;
    cfg.stream_keep_alive_interval = 50ms;
    return cfg;
}

emu::fault stream_fault(emu::fault::kind what, std::size_t events) {
    emu::fault f;
    f.path = std::string(sample_path);
    f.what = what;
    f.events = events;
    return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_stream)

BOOST_FIXTURE_TEST_CASE(the_filtered_stream_gets_each_matching_tweet_once_with_its_rules, fixture) {
    run([&]() -> asio::awaitable<void> {
        stream_client s(*this);
        auto const head = co_await s.open(std::string(filtered_path) + "?expansions=author_id");
        BOOST_TEST_REQUIRE(head.result_int() == 200u);
        BOOST_TEST(head[http::field::content_type] == "application/json; charset=utf-8");
        BOOST_TEST(head.chunked());
        BOOST_TEST(head["x-rate-limit-limit"] == "50");
        BOOST_TEST(head["x-rate-limit-remaining"] == "49");
        BOOST_TEST(srv.open_streams() == 1u);

        auto const cats =
            co_await add_rule(*this, R"({"add":[{"value":"cat","tag":"cats"},{"value":"dog"}]})");
        co_await post_tweet(*this, "nothing to see here");
        co_await post_tweet(*this, "a cat naps");
        auto const line = tweet_line(co_await s.next_line());
        BOOST_TEST(line.at("data").at("text").as_string() == "a cat naps");
        BOOST_TEST(line.at("includes").at("users").at(0).at("id").as_string() == srv.default_user_id());
        auto const& matching = line.at("matching_rules").as_array();
        BOOST_TEST_REQUIRE(matching.size() == 1u);
        BOOST_TEST(matching[0].at("id").as_string() == cats);
        BOOST_TEST(matching[0].at("tag").as_string() == "cats");

        // The next line is the next matching tweet: the first was sent once, the others not at all.
        co_await post_tweet(*this, "still nothing");
        srv.add_tweet(srv.default_user_id(), "a dog barks");
        auto const next = tweet_line(co_await s.next_line());
        BOOST_TEST(next.at("data").at("text").as_string() == "a dog barks");
        BOOST_TEST(srv.stats().stream_events_sent == 2u);
        BOOST_TEST(srv.stats().streams_opened == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(the_sample_stream_gets_every_new_tweet, fixture) {
    run([&]() -> asio::awaitable<void> {
        stream_client s(*this);
        BOOST_TEST_REQUIRE((co_await s.open(sample_path)).result_int() == 200u);
        co_await post_tweet(*this, "first");
        srv.add_tweet(srv.default_user_id(), "second");
        auto const first = tweet_line(co_await s.next_line());
        auto const second = tweet_line(co_await s.next_line());
        BOOST_TEST(first.at("data").at("text").as_string() == "first");
        BOOST_TEST(second.at("data").at("text").as_string() == "second");
        BOOST_TEST(!first.as_object().contains("matching_rules"));
    });
}

BOOST_AUTO_TEST_CASE(an_idle_stream_sends_keep_alives) {
    fixture f(quick_keep_alives());
    f.run([&]() -> asio::awaitable<void> {
        stream_client s(f);
        BOOST_TEST_REQUIRE((co_await s.open(sample_path)).result_int() == 200u);
        for (int i = 0; i < 3; ++i) {
            auto const line = co_await s.next_line(1s);
            BOOST_TEST_REQUIRE(line.has_value());
            BOOST_TEST(line->empty());
        }
        BOOST_TEST(f.srv.stats().stream_keep_alives_sent >= 3u);
    });
}

BOOST_FIXTURE_TEST_CASE(backfill_sends_recent_matching_tweets_first, fixture) {
    run([&]() -> asio::awaitable<void> {
        co_await add_rule(*this, R"({"add":[{"value":"cat"}]})");
        srv.add_tweet(srv.default_user_id(), "an earlier cat");
        srv.add_tweet(srv.default_user_id(), "an earlier dog");
        stream_client s(*this);
        BOOST_TEST_REQUIRE(
            (co_await s.open(std::string(filtered_path) + "?backfill_minutes=2")).result_int() == 200u);
        srv.add_tweet(srv.default_user_id(), "a live cat");
        BOOST_TEST(tweet_line(co_await s.next_line()).at("data").at("text").as_string() == "an earlier cat");
        BOOST_TEST(tweet_line(co_await s.next_line()).at("data").at("text").as_string() == "a live cat");
    });
}

BOOST_FIXTURE_TEST_CASE(one_connection_more_is_refused_until_the_first_hangs_up, fixture) {
    run([&]() -> asio::awaitable<void> {
        stream_client first(*this);
        BOOST_TEST_REQUIRE((co_await first.open(filtered_path)).result_int() == 200u);
        stream_client second(*this);
        auto const refused = co_await second.open(filtered_path);
        BOOST_TEST_REQUIRE(refused.result_int() == 429u);
        auto const body = json::parse(refused.body());
        BOOST_TEST(body.at("title").as_string() == "ConnectionException");
        BOOST_TEST(body.at("connection_issue").as_string() == "TooManyConnections");
        BOOST_TEST(body.at("type").as_string() == "https://api.twitter.com/2/problems/streaming-connection");
        BOOST_TEST(srv.stats().streams_refused_too_many == 1u);

        stream_client sample(*this);  // the other stream has a slot of its own
        BOOST_TEST((co_await sample.open(sample_path)).result_int() == 200u);

        first.close();
        BOOST_TEST_REQUIRE(co_await open_streams_become(*this, 1));
        stream_client third(*this);
        BOOST_TEST((co_await third.open(filtered_path)).result_int() == 200u);
    });
}

BOOST_AUTO_TEST_CASE(drop_after_events_closes_without_the_final_chunk) {
    fixture f;
    f.srv.inject(stream_fault(emu::fault::kind::drop_stream_after_events, 1));
    f.run([&]() -> asio::awaitable<void> {
        stream_client s(f);
        BOOST_TEST_REQUIRE((co_await s.open(sample_path)).result_int() == 200u);
        f.srv.add_tweet(f.srv.default_user_id(), "one");
        f.srv.add_tweet(f.srv.default_user_id(), "two");
        BOOST_TEST(tweet_line(co_await s.next_line()).at("data").at("text").as_string() == "one");
        BOOST_TEST(!(co_await s.next_line()).has_value());
        BOOST_TEST(s.ended());
        BOOST_TEST((s.ended() != http::error::end_of_stream), s.ended().message());
        BOOST_TEST((s.ended() != beast::error::timeout));
        BOOST_TEST(f.srv.stats().faults_fired == 1u);
    });
}

BOOST_AUTO_TEST_CASE(stall_after_events_sends_nothing_more_until_the_client_goes) {
    fixture f(quick_keep_alives());
    f.srv.inject(stream_fault(emu::fault::kind::stall_stream_after_events, 1));
    f.run([&]() -> asio::awaitable<void> {
        stream_client s(f);
        BOOST_TEST_REQUIRE((co_await s.open(sample_path)).result_int() == 200u);
        f.srv.add_tweet(f.srv.default_user_id(), "one");
        f.srv.add_tweet(f.srv.default_user_id(), "two");
        BOOST_TEST(tweet_line(co_await s.next_line()).at("data").at("text").as_string() == "one");
        // Four keep-alive intervals pass in silence.
        BOOST_TEST(!(co_await s.next_line(200ms)).has_value());
        BOOST_TEST((s.ended() == beast::error::timeout));
        BOOST_TEST(s.partial().empty());
        BOOST_TEST(f.srv.open_streams() == 1u);
        s.close();
        BOOST_TEST(co_await open_streams_become(f, 0));
    });
}

BOOST_AUTO_TEST_CASE(partial_line_after_events_sends_half_a_line_then_closes) {
    fixture f;
    f.srv.inject(stream_fault(emu::fault::kind::partial_line_after_events, 1));
    f.run([&]() -> asio::awaitable<void> {
        stream_client s(f);
        BOOST_TEST_REQUIRE((co_await s.open(sample_path)).result_int() == 200u);
        f.srv.add_tweet(f.srv.default_user_id(), "one");
        BOOST_TEST(tweet_line(co_await s.next_line()).at("data").at("text").as_string() == "one");
        f.srv.add_tweet(f.srv.default_user_id(), "two, of which only half arrives");
        BOOST_TEST(!(co_await s.next_line()).has_value());
        BOOST_TEST((s.ended() != http::error::end_of_stream));
        BOOST_TEST((s.ended() != beast::error::timeout));
        BOOST_TEST(s.partial().starts_with(R"({"data":{)"), s.partial());
        BOOST_TEST(s.partial().find("\r\n") == std::string::npos);
    });
}

BOOST_AUTO_TEST_CASE(operational_disconnect_after_events_ends_the_response) {
    fixture f;
    f.srv.inject(stream_fault(emu::fault::kind::operational_disconnect_after_events, 1));
    f.run([&]() -> asio::awaitable<void> {
        stream_client s(f);
        BOOST_TEST_REQUIRE((co_await s.open(sample_path)).result_int() == 200u);
        f.srv.add_tweet(f.srv.default_user_id(), "one");
        BOOST_TEST(tweet_line(co_await s.next_line()).at("data").at("text").as_string() == "one");
        auto const disconnect = co_await s.next_line();
        BOOST_TEST_REQUIRE(disconnect.has_value());
        BOOST_TEST(*disconnect == operational_disconnect);
        BOOST_TEST(!(co_await s.next_line()).has_value());
        BOOST_TEST((s.ended() == http::error::end_of_stream), s.ended().message());
    });
}

BOOST_FIXTURE_TEST_CASE(status_faults_answer_stream_requests, fixture) {
    emu::fault too_many;
    too_many.path = std::string(filtered_path);
    too_many.status = 429;
    too_many.body = R"({"title":"ConnectionException","connection_issue":"TooManyConnections"})";
    srv.inject(too_many);
    emu::fault unavailable;
    unavailable.path = std::string(filtered_path);
    unavailable.nth = 2;
    unavailable.status = 503;
    srv.inject(unavailable);
    run([&]() -> asio::awaitable<void> {
        stream_client first(*this);
        auto const r429 = co_await first.open(filtered_path);
        BOOST_TEST(r429.result_int() == 429u);
        BOOST_TEST(r429.body() == too_many.body);
        stream_client second(*this);
        BOOST_TEST((co_await second.open(filtered_path)).result_int() == 503u);
        stream_client third(*this);
        BOOST_TEST((co_await third.open(filtered_path)).result_int() == 200u);
        BOOST_TEST(srv.stats().streams_opened == 1u);
    });
}

BOOST_AUTO_TEST_CASE(a_client_too_slow_is_cut_off_with_an_operational_disconnect) {
    emu::server_config cfg;
    cfg.stream_queue_limit = 2;
    fixture f(cfg);
    f.run([&]() -> asio::awaitable<void> {
        stream_client s(f);
        BOOST_TEST_REQUIRE((co_await s.open(sample_path)).result_int() == 200u);
        // The session cannot run between these: its queue grows past the limit.
        for (int i = 0; i < 5; ++i) {
            f.srv.add_tweet(f.srv.default_user_id(), "more than it can take");
        }
        auto const line = co_await s.next_line();
        BOOST_TEST_REQUIRE(line.has_value());
        BOOST_TEST(*line == operational_disconnect);
        BOOST_TEST(!(co_await s.next_line()).has_value());
        BOOST_TEST((s.ended() == http::error::end_of_stream), s.ended().message());
        BOOST_TEST(f.srv.stats().stream_events_sent == 0u);
    });
}

BOOST_FIXTURE_TEST_CASE(stop_ends_open_streams, fixture) {
    run([&]() -> asio::awaitable<void> {
        stream_client filtered(*this);
        stream_client sample(*this);
        BOOST_TEST_REQUIRE((co_await filtered.open(filtered_path)).result_int() == 200u);
        BOOST_TEST_REQUIRE((co_await sample.open(sample_path)).result_int() == 200u);
        srv.stop();
        BOOST_TEST(!(co_await filtered.next_line()).has_value());
        BOOST_TEST(!(co_await sample.next_line()).has_value());
        BOOST_TEST((filtered.ended() != beast::error::timeout));
        BOOST_TEST(co_await open_streams_become(*this, 0));
    });
}

BOOST_AUTO_TEST_SUITE_END()
