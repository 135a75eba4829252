#ifndef TWITTER_TESTS_INTEGRATION_EMULATOR_TEST_CLIENT_HPP
#define TWITTER_TESTS_INTEGRATION_EMULATOR_TEST_CLIENT_HPP

// For the emulator's own integration tests: a raw Beast client over TLS (not the SDK, so that a bug in the
// SDK cannot hide one in the emulator), and a fixture that runs it and the emulator on one single-threaded
// io_context with a deadline.

#include <twitter/emulator/server.hpp>

#include "run_with_deadline.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <openssl/ssl.h>

#include <functional>
#include <string>
#include <tuple>
#include <utility>

namespace test::emulator_client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;

using ssl_stream = beast::ssl_stream<beast::tcp_stream>;

struct exchange_result {
    beast::error_code ec;
    http::response<http::string_body> res;
};

// A request with Host set and, when `token` is not empty, "Authorization: Bearer <token>".
inline http::request<http::string_body> request(http::verb method, std::string target,
                                                std::string const& token, std::string body = {},
                                                std::string content_type = {}) {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "localhost");
    if (!token.empty()) {
        req.set(http::field::authorization, "Bearer " + token);
    }
    if (!content_type.empty()) {
        req.set(http::field::content_type, content_type);
    }
    req.body() = std::move(body);
    return req;
}

inline http::request<http::string_body> get(std::string target, std::string const& token) {
    return request(http::verb::get, std::move(target), token);
}

// Writes one request and reads one response; the error is returned, not thrown, so that tests can expect one.
template <class Stream>
asio::awaitable<exchange_result> exchange(Stream& stream, http::request<http::string_body> req) {
    constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
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
    explicit fixture(twitter::emulator::server_config cfg = {}) : srv(ioc.get_executor(), std::move(cfg)) {
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
    twitter::emulator::server srv;
    ssl::context client_ctx{ssl::context::tls_client};
};

}  // namespace test::emulator_client

#endif
