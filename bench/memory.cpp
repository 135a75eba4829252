// bench_memory: the client's resident memory under load.
//  - steady: a long run with a bounded number of requests in flight; RSS (VmRSS) is read when the
//    --sample-at'th and the --requests'th request complete, and the second must be within 5% of the first:
//    a client that keeps nothing per finished request does not grow.
//  - burst: --burst requests started at once over a pool of --connections; the peak RSS (VmHWM) after it,
//    and the RSS after a second such burst, which should reuse what the first left behind.
// The steady run comes first, so that the burst's high-water mark does not hide growth in it.
//
// By default the emulator runs in this process, on its own thread, and its memory counts too. Given --env (the
// file a twitter-emulator process writes: URL, CA and bearer token), the client talks to that process instead
// and the RSS is the client's alone; start it with --rate-limit 1000000000. --plain uses http:// on the same
// port instead of TLS. Prints JSON lines; exits 1 when a check fails, 2 past the deadline.
//
// Usage: bench_memory [--requests N] [--sample-at N] [--in-flight N] [--burst N] [--connections N]
//                     [--plain] [--env FILE] [--deadline-seconds S]

#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_future.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);

struct options {
    long requests = 1'000'000;
    long sample_at = 100'000;
    long in_flight = 256;
    long burst = 10'000;
    long connections = 64;
    bool plain = false;
    std::string env_file;
    long deadline_seconds = 1800;
};

[[noreturn]] void usage() {
    std::cerr << "usage: bench_memory [--requests N] [--sample-at N] [--in-flight N] [--burst N] "
                 "[--connections N] [--plain] [--env FILE] [--deadline-seconds S]\n";
    std::exit(EXIT_FAILURE);
}

options parse(int argc, char** argv) {
    options o;
    std::map<std::string_view, long*> const numbers = {
        {"--requests", &o.requests}, {"--sample-at", &o.sample_at}, {"--in-flight", &o.in_flight},
        {"--burst", &o.burst}, {"--connections", &o.connections}, {"--deadline-seconds", &o.deadline_seconds}};
    for (int i = 1; i < argc; ++i) {
        std::string_view const arg = argv[i];
        if (arg == "--plain") {
            o.plain = true;
        } else if (arg == "--env" && i + 1 < argc) {
            o.env_file = argv[++i];
        } else if (auto const it = numbers.find(arg); it != numbers.end() && i + 1 < argc) {
            *it->second = std::atol(argv[++i]);
            if (*it->second <= 0) usage();
        } else {
            usage();
        }
    }
    if (o.sample_at >= o.requests) usage();
    return o;
}

// Where the requests go and with what.
struct target {
    std::string base_url;
    std::string ca_pem;
    std::string bearer_token;
    std::string user_id;
    bool separate_process = false;
};

std::map<std::string, std::string> read_env_file(std::string const& path) {
    std::map<std::string, std::string> vars;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        auto const eq = line.find('=');
        if (eq != std::string::npos) vars[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return vars;
}

std::string read_file(std::string const& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A field of /proc/self/status, in KiB: VmRSS (resident now) or VmHWM (the peak).
long status_kib(std::string_view field) {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':') {
            return std::atol(line.c_str() + field.size() + 1);
        }
    }
    return -1;
}

class reporter {
public:
    reporter(target const& t, bool plain)
        : context_(std::string(R"(,"emulator":")") + (t.separate_process ? "separate process" : "in process") +
                   R"(","transport":")" + (plain ? "http" : "https") + "\"") {}

    void print(std::string_view subject, std::string_view metric, double value, std::string_view baseline = {},
               double ratio = 0) const {
        std::printf(R"({"bench":"memory","subject":"%.*s","metric":"%.*s","value":%.3f)",
                    static_cast<int>(subject.size()), subject.data(), static_cast<int>(metric.size()),
                    metric.data(), value);
        if (!baseline.empty()) {
            std::printf(R"(,"baseline":"%.*s","ratio":%.4f)", static_cast<int>(baseline.size()), baseline.data(),
                        ratio);
        }
        std::printf("%s}\n", context_.c_str());
        std::fflush(stdout);
    }

private:
    std::string context_;
};

twitter::http::request get_user(std::string const& user_id) {
    twitter::http::request req;
    req.target = "/2/users/" + user_id;
    return req;
}

struct steady_result {
    long failed = 0;
    long rss_at_sample_kib = 0;
    long rss_at_end_kib = 0;
    double seconds = 0;
};

// `workers` loops, each sending one request after another, until `total` have completed; RSS is read at the
// completion of the `sample_at`th and of the last.
asio::awaitable<steady_result> steady(twitter::client& c, std::string const& user_id, options const& o) {
    auto strand = co_await asio::this_coro::executor;
    steady_result r;
    long started = 0, completed = 0, workers_left = o.in_flight;
    asio::steady_timer all_done(strand, asio::steady_timer::time_point::max());
    auto const start = std::chrono::steady_clock::now();
    for (long w = 0; w < o.in_flight; ++w) {
        asio::co_spawn(
            strand,
            [&]() -> asio::awaitable<void> {
                while (started < o.requests) {
                    ++started;
                    auto [ec, res] = co_await c.async_request(get_user(user_id), tuple);
                    r.failed += ec ? 1 : 0;
                    ++completed;
                    if (completed == o.sample_at) r.rss_at_sample_kib = status_kib("VmRSS");
                    if (completed == o.requests) r.rss_at_end_kib = status_kib("VmRSS");
                }
                if (--workers_left == 0) all_done.cancel();
            },
            asio::detached);
    }
    co_await all_done.async_wait(tuple);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    co_return r;
}

// Starts `count` requests at once and waits for all; returns how many failed.
asio::awaitable<long> burst(twitter::client& c, std::string const& user_id, long count) {
    auto strand = co_await asio::this_coro::executor;
    long failed = 0, done = 0;
    asio::steady_timer all_done(strand, asio::steady_timer::time_point::max());
    for (long i = 0; i < count; ++i) {
        c.async_request(get_user(user_id),
                        asio::bind_executor(strand, [&](twitter::error_code ec, twitter::http::response) {
                            failed += ec ? 1 : 0;
                            if (++done == count) all_done.cancel();
                        }));
    }
    co_await all_done.async_wait(tuple);
    co_return failed;
}

asio::awaitable<bool> run(target const& t, options const& o) {
    auto ex = co_await asio::this_coro::executor;
    reporter const out(t, o.plain);
    twitter::client_config cfg;
    std::string base = t.base_url;
    if (o.plain && base.starts_with("https://")) base.replace(0, 5, "http");
    cfg.hosts = twitter::endpoints::at(base);
    cfg.allow_plaintext_loopback = o.plain;
    cfg.tls.use_system_roots = false;
    cfg.tls.ca_pem = t.ca_pem;
    cfg.pool.max_connections_per_host = static_cast<std::size_t>(o.connections);
    cfg.timeouts.request = 300s;  // a burst's last request queues behind thousands for a connection
    twitter::client c(ex, t.bearer_token, cfg);

    out.print("rss_at_start", "kib", static_cast<double>(status_kib("VmRSS")));
    steady_result const s = co_await steady(c, t.user_id, o);
    std::string const sample_name = "steady_rss_at_request_" + std::to_string(o.sample_at);
    out.print("steady_rate", "requests_per_second", static_cast<double>(o.requests) / s.seconds);
    out.print("steady_failed", "count", static_cast<double>(s.failed));
    out.print(sample_name, "kib", static_cast<double>(s.rss_at_sample_kib));
    double const growth = static_cast<double>(s.rss_at_end_kib) / static_cast<double>(s.rss_at_sample_kib);
    out.print("steady_rss_at_request_" + std::to_string(o.requests), "kib", static_cast<double>(s.rss_at_end_kib),
              sample_name, growth);

    long const before_burst = status_kib("VmRSS");
    long const burst_failed = co_await burst(c, t.user_id, o.burst);
    out.print("rss_before_burst", "kib", static_cast<double>(before_burst));
    out.print("burst_failed", "count", static_cast<double>(burst_failed));
    out.print("peak_rss_" + std::to_string(o.burst) + "_in_flight_" + std::to_string(o.connections) +
                  "_connections",
              "kib", static_cast<double>(status_kib("VmHWM")));
    long const after_burst = status_kib("VmRSS");
    out.print("rss_after_burst", "kib", static_cast<double>(after_burst));
    // The same burst again: memory the first one left behind is reused, not added to, unless it leaked.
    long const second_failed = co_await burst(c, t.user_id, o.burst);
    long const after_second = status_kib("VmRSS");
    out.print("rss_after_second_burst", "kib", static_cast<double>(after_second), "rss_after_burst",
              static_cast<double>(after_second) / static_cast<double>(after_burst));

    bool const passed = s.failed == 0 && burst_failed == 0 && second_failed == 0 && growth <= 1.05;
    if (!passed) {
        std::cerr << "bench_memory: expected no failed request and RSS growth within 5% (" << growth << ")\n";
    }
    co_return passed;
}

}  // namespace

int main(int argc, char** argv) {
    options const o = parse(argc, argv);

    asio::io_context emulator_io(1);
    std::optional<twitter::emulator::server> emulator;
    std::thread emulator_thread;
    target t;
    if (o.env_file.empty()) {
        twitter::emulator::server_config server_cfg;
        server_cfg.rate_limit_per_window = 1'000'000'000;
        server_cfg.request_log_limit = 0;
        emulator.emplace(emulator_io.get_executor(), server_cfg);
        emulator->start();
        emulator_thread = std::thread([&] { emulator_io.run(); });
        t = {emulator->base_url(), emulator->ca_pem(), emulator->app_bearer_token(), emulator->default_user_id(),
             false};
    } else {
        auto vars = read_env_file(o.env_file);
        t = {vars["TWITTER_EMULATOR_URL"], read_file(vars["TWITTER_EMULATOR_CA"]), vars["TWITTER_BEARER_TOKEN"],
             vars["TWITTER_USER_ID"], true};
        if (t.base_url.empty() || t.bearer_token.empty() || t.user_id.empty()) {
            std::cerr << "bench_memory: " << o.env_file << " is not a twitter-emulator env file\n";
            return EXIT_FAILURE;
        }
    }

    asio::io_context client_io(1);
    auto done = asio::co_spawn(asio::make_strand(client_io), run(t, o), asio::use_future);
    std::thread client_thread([&] { client_io.run(); });

    if (done.wait_for(std::chrono::seconds(o.deadline_seconds)) != std::future_status::ready) {
        std::cerr << "bench_memory: not done after " << o.deadline_seconds << " s\n";
        std::_Exit(2);
    }
    int status = EXIT_SUCCESS;
    try {
        status = done.get() ? EXIT_SUCCESS : EXIT_FAILURE;
    } catch (std::exception const& e) {
        std::cerr << "bench_memory: " << e.what() << '\n';
        status = EXIT_FAILURE;
    }
    client_io.stop();
    client_thread.join();
    if (emulator) {
        asio::post(emulator_io, [&] { emulator->stop(); });
        emulator_thread.join();
    }
    return status;
}
