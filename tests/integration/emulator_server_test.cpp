// Smoke test of the emulator over real sockets, with a raw Beast client (not the SDK), so that a bug in the
// SDK cannot hide one in the emulator. Client and server share one single-threaded io_context.

#include <twitter/emulator/server.hpp>

#include "run_with_deadline.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/test/unit_test.hpp>

#include <openssl/ssl.h>

#include <chrono>
#include <exception>
#include <functional>
#include <string>
#include <tuple>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
namespace emu = twitter::emulator;
using namespace std::chrono_literals;

namespace {

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr char const* tweet_path = "/2/tweets/1293593516040269825";
using ssl_stream = beast::ssl_stream<beast::tcp_stream>;

struct exchange_result {
    beast::error_code ec;
    http::response<http::string_body> res;
};

http::request<http::string_body> get(std::string target, std::string const& token) {
    http::request<http::string_body> req{http::verb::get, target, 11};
    req.set(http::field::host, "localhost");
    if (!token.empty()) {
        req.set(http::field::authorization, "Bearer " + token);
    }
    return req;
}

// Writes one request and reads one response; the error is returned, not thrown, so that tests can expect one.
template <class Stream>
asio::awaitable<exchange_result> exchange(Stream& stream, http::request<http::string_body> req) {
    req.prepare_payload();
    exchange_result out;
    std::size_t n = 0;
    std::tie(out.ec, n) = co_await http::async_write(stream, req, use_nothrow);
    if (!out.ec) {
        beast::flat_buffer buffer;
        std::tie(out.ec, n) = co_await http::async_read(stream, buffer, out.res, use_nothrow);
    }
    co_return out;
}

struct fixture {
    fixture() {
        srv.start();
        client_ctx.add_certificate_authority(asio::buffer(srv.ca_pem()));
        client_ctx.set_verify_mode(ssl::verify_peer);
    }

    asio::ip::tcp::endpoint endpoint() const { return {asio::ip::make_address("127.0.0.1"), srv.port()}; }

    // Connects and completes a TLS handshake that verifies the chain and `host` (SNI is set too).
    asio::awaitable<void> connect(ssl_stream& stream, std::string const& host = "localhost") {
        SSL_set_tlsext_host_name(stream.native_handle(), host.c_str());
        stream.set_verify_callback(ssl::host_name_verification(host));
        co_await beast::get_lowest_layer(stream).async_connect(endpoint(), asio::use_awaitable);
        co_await stream.async_handshake(ssl::stream_base::client, asio::use_awaitable);
    }

    void run(std::function<asio::awaitable<void>()> const& test) { test::run_with_deadline(ioc, srv, test); }

    asio::io_context ioc;
    emu::server srv{ioc.get_executor()};
    ssl::context client_ctx{ssl::context::tls_client};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_server)

BOOST_FIXTURE_TEST_CASE(tls_get_tweet_with_app_bearer_keeps_alive, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        for (char const* remaining : {"899", "898"}) {
            auto const [ec, res] = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
            BOOST_TEST_REQUIRE(!ec, ec.message());
            BOOST_TEST(res.result_int() == 200u);
            BOOST_TEST(
                res.body().starts_with(R"({"data":{"id":"1293593516040269825","text":"It’s finally here!)"));
            BOOST_TEST(res[http::field::content_type] == "application/json; charset=utf-8");
            BOOST_TEST(res["x-rate-limit-limit"] == "900");
            BOOST_TEST(res["x-rate-limit-remaining"] == remaining);
            BOOST_TEST(!res["x-rate-limit-reset"].empty());
            BOOST_TEST(res.keep_alive());
        }
        auto const stats = srv.stats();
        BOOST_TEST(stats.connections_accepted == 1u);
        BOOST_TEST(stats.tls_connections == 1u);
        BOOST_TEST(stats.requests == 2u);
        auto const log = srv.request_log();
        BOOST_TEST_REQUIRE(log.size() == 2u);
        BOOST_TEST(log[0].method == "GET");
        BOOST_TEST(log[0].target == tweet_path);
        BOOST_TEST(log[0].tls);
        BOOST_TEST(log[0].connection_id == log[1].connection_id);
        bool has_authorization = false;
        for (auto const& [name, value] : log[0].headers) {
            has_authorization |= name == "authorization" && value == "Bearer " + srv.app_bearer_token();
        }
        BOOST_TEST(has_authorization);
    });
}

BOOST_FIXTURE_TEST_CASE(tls_verifies_ip_address_and_answers_me_for_the_user, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream, "127.0.0.1");
        auto const me = co_await exchange(stream, get("/2/users/me", srv.default_user_token()));
        BOOST_TEST_REQUIRE(!me.ec);
        BOOST_TEST(me.res.result_int() == 200u);
        BOOST_TEST(me.res.body().find(R"("id":")" + srv.default_user_id() + '"') != std::string::npos);
        auto const app = co_await exchange(stream, get("/2/users/me", srv.app_bearer_token()));
        BOOST_TEST_REQUIRE(!app.ec);
        BOOST_TEST(app.res.result_int() == 403u);
        BOOST_TEST(srv.stats().rejected_auth == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(plain_http_on_the_same_port, fixture) {
    BOOST_TEST(srv.plain_base_url() == "http://127.0.0.1:" + std::to_string(srv.port()));
    BOOST_TEST(srv.base_url() == "https://127.0.0.1:" + std::to_string(srv.port()));
    run([&]() -> asio::awaitable<void> {
        beast::tcp_stream stream{co_await asio::this_coro::executor};
        co_await stream.async_connect(endpoint(), asio::use_awaitable);
        auto const ok = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
        BOOST_TEST_REQUIRE(!ok.ec);
        BOOST_TEST(ok.res.result_int() == 200u);
        auto const anonymous = co_await exchange(stream, get(tweet_path, ""));
        BOOST_TEST_REQUIRE(!anonymous.ec);
        BOOST_TEST(anonymous.res.result_int() == 401u);
        BOOST_TEST(anonymous.res.body() ==
                   R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})");
        auto const stats = srv.stats();
        BOOST_TEST(stats.plain_connections == 1u);
        BOOST_TEST(stats.tls_connections == 0u);
        BOOST_TEST(stats.rejected_auth == 1u);
        BOOST_TEST(!srv.request_log().at(0).tls);
    });
}

BOOST_FIXTURE_TEST_CASE(status_fault_fires_on_the_nth_request_only, fixture) {
    emu::fault f;
    f.path = tweet_path;
    f.what = emu::fault::kind::status;
    f.nth = 2;
    f.status = 503;
    f.headers = {{"retry-after", "1"}};
    srv.inject(f);
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        for (unsigned expected : {200u, 503u, 200u}) {
            auto const [ec, res] = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
            BOOST_TEST_REQUIRE(!ec);
            BOOST_TEST(res.result_int() == expected);
            if (expected == 503u) {
                BOOST_TEST(res["retry-after"] == "1");
                BOOST_TEST(
                    res.body() ==
                    R"({"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank",)"
                    R"("status":503})");
            }
        }
        BOOST_TEST(srv.stats().faults_fired == 1u);
        BOOST_TEST(srv.stats().requests == 3u);
    });
}

BOOST_FIXTURE_TEST_CASE(broken_responses_end_the_connection, fixture) {
    using kind = emu::fault::kind;
    run([&]() -> asio::awaitable<void> {
        for (auto what : {kind::close_before_response, kind::close_mid_response, kind::truncated_body}) {
            emu::fault f;
            f.path = "/2/tweets/*";
            f.what = what;
            srv.clear_faults();
            srv.inject(f);
            beast::tcp_stream stream{co_await asio::this_coro::executor};
            co_await stream.async_connect(endpoint(), asio::use_awaitable);
            auto const broken = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
            BOOST_TEST((broken.ec == http::error::partial_message || broken.ec == http::error::end_of_stream),
                       "fault kind " << static_cast<int>(what) << ": " << broken.ec.message());
        }
        BOOST_TEST(srv.stats().faults_fired == 3u);

        srv.clear_faults();
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        auto const ok = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
        BOOST_TEST(ok.res.result_int() == 200u);
    });
}

BOOST_FIXTURE_TEST_CASE(malformed_and_latency_faults, fixture) {
    emu::fault malformed;
    malformed.path = "/2/users/me";
    malformed.what = emu::fault::kind::malformed_body;
    srv.inject(malformed);
    emu::fault slow;
    slow.path = tweet_path;
    slow.what = emu::fault::kind::latency;
    slow.delay = 150ms;
    srv.inject(slow);
    run([&]() -> asio::awaitable<void> {
        beast::tcp_stream stream{co_await asio::this_coro::executor};
        co_await stream.async_connect(endpoint(), asio::use_awaitable);
        auto const bad = co_await exchange(stream, get("/2/users/me", srv.default_user_token()));
        BOOST_TEST_REQUIRE(!bad.ec);
        BOOST_TEST(bad.res.result_int() == 200u);
        BOOST_TEST(!bad.res.body().starts_with("{"));
        auto const start = std::chrono::steady_clock::now();
        auto const late = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
        BOOST_TEST((std::chrono::steady_clock::now() - start >= 150ms));
        BOOST_TEST_REQUIRE(!late.ec);
        BOOST_TEST(late.res.result_int() == 200u);
    });
}

BOOST_FIXTURE_TEST_CASE(stop_closes_a_stalled_connection, fixture) {
    emu::fault f;
    f.path = "*";
    f.what = emu::fault::kind::stall;
    srv.inject(f);
    run([&]() -> asio::awaitable<void> {
        asio::steady_timer timer{co_await asio::this_coro::executor, 200ms};
        timer.async_wait([&](beast::error_code) { srv.stop(); });
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        auto const start = std::chrono::steady_clock::now();
        auto const stalled = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
        BOOST_TEST(stalled.ec.failed());
        BOOST_TEST((std::chrono::steady_clock::now() - start >= 150ms));
        BOOST_TEST(srv.stats().faults_fired == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(gzip_on_request_and_connection_close_is_honoured, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await connect(stream);
        auto req = get(tweet_path, srv.app_bearer_token());
        req.set(http::field::accept_encoding, "gzip, deflate");
        auto const zipped = co_await exchange(stream, req);
        BOOST_TEST_REQUIRE(!zipped.ec);
        BOOST_TEST(zipped.res[http::field::content_encoding] == "gzip");
        BOOST_TEST_REQUIRE(zipped.res.body().size() > 2u);
        BOOST_TEST(static_cast<unsigned char>(zipped.res.body()[0]) == 0x1fu);

        auto last = get(tweet_path, srv.app_bearer_token());
        last.keep_alive(false);
        auto const closing = co_await exchange(stream, last);
        BOOST_TEST_REQUIRE(!closing.ec);
        BOOST_TEST(!closing.res.keep_alive());
        BOOST_TEST(closing.res[http::field::content_encoding].empty());
        auto const after = co_await exchange(stream, get(tweet_path, srv.app_bearer_token()));
        BOOST_TEST(after.ec.failed());
    });
}

BOOST_AUTO_TEST_SUITE_END()
