// The no-SDK floor of the throughput benchmark: plain Beast coroutines on one thread, `connections` keep-alive
// TLS streams, each sending GET <path> with the next precomputed Authorization header from a file (see
// oauth_headers.cpp) and reading the response into a string, without parsing it. Whatever our client does
// beyond this (signing, pooling, retries' bookkeeping, gunzip, JSON into typed models) is its overhead.
//
// usage: bench_minimal_beast_client <headers file> <path> <seconds> <connections>
// with TWITTER_EMULATOR_URL (https://127.0.0.1:PORT) and TWITTER_EMULATOR_CA from the emulator's env file.
// Prints requests per second as a JSON line; exits 1 if any answer was not 200 or headers ran out.

#include "json_line.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using steady = std::chrono::steady_clock;

namespace {

struct run_state {
    std::vector<std::string> headers;
    std::size_t next_header = 0;
    std::string host;  // "127.0.0.1:PORT", as signed
    std::string port;
    std::string path;
    steady::time_point start;  // counting starts here (after every stream's first exchange)
    steady::time_point stop;
    std::size_t ready = 0;
    std::size_t connections = 0;
    std::size_t counted = 0;
    std::size_t failures = 0;
};

asio::awaitable<void> worker(asio::ssl::context& tls, run_state& s) {
    auto ex = co_await asio::this_coro::executor;
    beast::ssl_stream<beast::tcp_stream> stream(ex, tls);
    asio::ip::tcp::resolver resolver(ex);
    auto const endpoints = co_await resolver.async_resolve("127.0.0.1", s.port, asio::use_awaitable);
    co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::use_awaitable);
    beast::get_lowest_layer(stream).socket().set_option(asio::ip::tcp::no_delay(true));
    co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);

    http::request<http::empty_body> req{http::verb::get, s.path, 11};
    req.set(http::field::host, s.host);
    req.set(http::field::accept_encoding, "gzip");  // what every client asks, so the emulator does the same work
    beast::flat_buffer buffer;
    bool first = true;
    while (steady::now() < s.stop) {
        if (s.next_header == s.headers.size()) {
            ++s.failures;  // out of headers: the pool was too small for this machine's speed
            break;
        }
        req.set(http::field::authorization, s.headers[s.next_header++]);
        co_await http::async_write(stream, req, asio::use_awaitable);
        http::response<http::string_body> res;
        co_await http::async_read(stream, buffer, res, asio::use_awaitable);
        if (res.result() != http::status::ok) ++s.failures;
        if (first) {
            first = false;
            if (++s.ready == s.connections) s.start = steady::now();
        } else if (s.ready == s.connections && steady::now() < s.stop) {
            ++s.counted;
        }
    }
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_minimal_beast_client <headers file> <path> <seconds> <connections>\n");
        return 2;
    }
    char const* url = std::getenv("TWITTER_EMULATOR_URL");
    char const* ca = std::getenv("TWITTER_EMULATOR_CA");
    if (url == nullptr || ca == nullptr) {
        std::fprintf(stderr, "bench_minimal_beast_client: set TWITTER_EMULATOR_URL and TWITTER_EMULATOR_CA\n");
        return 2;
    }
    run_state s;
    std::string const base = url;
    auto const authority = base.substr(base.find("://") + 3);
    s.host = authority;
    s.port = authority.substr(authority.rfind(':') + 1);
    s.path = argv[2];
    s.connections = std::strtoul(argv[4], nullptr, 10);
    std::ifstream in(argv[1]);
    for (std::string line; std::getline(in, line);) s.headers.push_back(std::move(line));

    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.load_verify_file(ca);
    tls.set_verify_mode(asio::ssl::verify_peer);

    asio::io_context ioc{1};
    auto const seconds = std::chrono::duration<double>(std::strtod(argv[3], nullptr));
    s.stop = steady::now() + std::chrono::seconds(2) + std::chrono::duration_cast<steady::duration>(seconds);
    bool failed = false;
    for (std::size_t i = 0; i < s.connections; ++i) {
        asio::co_spawn(ioc, worker(tls, s), [&](std::exception_ptr e) {
            if (!e) return;
            failed = true;
            try {
                std::rethrow_exception(e);
            } catch (std::exception const& x) {
                std::fprintf(stderr, "bench_minimal_beast_client: %s\n", x.what());
            }
        });
    }
    ioc.run();
    if (failed || s.failures != 0 || s.ready != s.connections) {
        std::fprintf(stderr, "bench_minimal_beast_client: %zu failed requests\n", s.failures);
        return 1;
    }
    std::chrono::duration<double> const elapsed = s.stop - s.start;
    bench::print_value("throughput", "minimal_beast_client", "requests_per_second", s.counted / elapsed.count());
    return 0;
}
