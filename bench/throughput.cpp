// Throughput of our client: signed GET /2/users/me (OAuth 1.0a user context) against a twitter-emulator
// process, on one thread, through twitter::client's pool of `connections` keep-alive TLS connections, with
// `in_flight` coroutines each awaiting async_get_me() in a loop, every answer parsed into v2::user. Counting
// starts once every coroutine has had its first answer (so connection set-up stays out) and runs `seconds`.
//
// usage: bench_throughput <seconds> <connections> <in flight>
// with the emulator's env file exported (TWITTER_EMULATOR_URL, TWITTER_EMULATOR_CA, the OAuth 1.0a ones).
// Prints requests per second as a JSON line; exits 1 on any failed call.

#include "json_line.hpp"

#include <twitter/client.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace asio = boost::asio;
using steady = std::chrono::steady_clock;

namespace {

std::string env(char const* name) {
    char const* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        std::fprintf(stderr, "bench_throughput: set %s\n", name);
        std::exit(2);
    }
    return value;
}

struct run_state {
    steady::time_point start;
    steady::time_point stop;
    std::size_t workers = 0;
    std::size_t ready = 0;
    std::size_t counted = 0;
    std::size_t finished = 0;
};

asio::awaitable<void> worker(twitter::client& client, run_state& s) {
    bool first = true;
    while (steady::now() < s.stop) {
        auto const res = co_await client.async_get_me();
        if (!res.data || res.data->id.empty()) throw std::runtime_error("an answer without its user");
        if (first) {
            first = false;
            if (++s.ready == s.workers) s.start = steady::now();
        } else if (s.ready == s.workers && steady::now() < s.stop) {
            ++s.counted;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_throughput <seconds> <connections> <in flight>\n");
        return 2;
    }
    twitter::client_config config;
    config.hosts = twitter::endpoints::at(env("TWITTER_EMULATOR_URL"));
    config.tls.use_system_roots = false;
    config.tls.ca_file = env("TWITTER_EMULATOR_CA");
    config.pool.max_connections_per_host = std::strtoul(argv[2], nullptr, 10);

    asio::io_context ioc{1};
    twitter::client client(ioc.get_executor(),
                           twitter::client_credentials{{},
                                                       env("TWITTER_CONSUMER_KEY"),
                                                       env("TWITTER_CONSUMER_SECRET"),
                                                       env("TWITTER_ACCESS_TOKEN"),
                                                       env("TWITTER_ACCESS_TOKEN_SECRET")},
                           config);
    run_state s;
    s.workers = std::strtoul(argv[3], nullptr, 10);
    auto const seconds = std::chrono::duration<double>(std::strtod(argv[1], nullptr));
    s.stop = steady::now() + std::chrono::seconds(2) + std::chrono::duration_cast<steady::duration>(seconds);
    bool failed = false;
    for (std::size_t i = 0; i < s.workers; ++i) {
        asio::co_spawn(ioc, worker(client, s), [&](std::exception_ptr e) {
            if (++s.finished == s.workers) client.async_shutdown(std::chrono::seconds(1), [](auto) {});
            if (!e) return;
            failed = true;
            try {
                std::rethrow_exception(e);
            } catch (twitter::error const& x) {
                std::fprintf(stderr, "bench_throughput: %s\n", x.what());
            } catch (std::exception const& x) {
                std::fprintf(stderr, "bench_throughput: %s\n", x.what());
            }
        });
    }
    ioc.run();
    if (failed || s.ready != s.workers) return 1;
    std::chrono::duration<double> const elapsed = s.stop - s.start;
    bench::print_value("throughput", "twitter-asio", "requests_per_second", s.counted / elapsed.count());
    return 0;
}
