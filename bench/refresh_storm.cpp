// bench_refresh_storm: 10,000 calls that all start at the instant an OAuth 2.0 user access token expires.
// The token store must make exactly one refresh grant and one token_updater call, and every call must succeed;
// what the storm costs is the latency it adds over the same 10,000 calls made with a fresh token.
//
// The emulator runs in this process on its own thread (its counters are what the check reads), with rate limits
// raised and no request log; the client runs on another. The token's clocks are moved by hand, so "expired" is
// an instant the benchmark chooses. Prints JSON lines; exits 1 when a check fails, 2 past the deadline.
//
// Usage: bench_refresh_storm [--calls N] [--deadline-seconds S]

#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_future.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <future>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);

// The token store's clocks, real time plus an offset the benchmark sets: jumping past the expiry is instant.
struct shifted_clocks {
    std::atomic<std::int64_t> offset_seconds{0};
    std::chrono::steady_clock::time_point steady() const {
        return std::chrono::steady_clock::now() + std::chrono::seconds(offset_seconds.load());
    }
    std::chrono::system_clock::time_point system() const {
        return std::chrono::system_clock::now() + std::chrono::seconds(offset_seconds.load());
    }
};

struct options {
    int calls = 10000;
    int deadline_seconds = 300;
};

options parse(int argc, char** argv) {
    options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view const arg = argv[i];
        if (i + 1 < argc && arg == "--calls") {
            o.calls = std::atoi(argv[++i]);
        } else if (i + 1 < argc && arg == "--deadline-seconds") {
            o.deadline_seconds = std::atoi(argv[++i]);
        } else {
            std::cerr << "usage: bench_refresh_storm [--calls N] [--deadline-seconds S]\n";
            std::exit(EXIT_FAILURE);
        }
    }
    if (o.calls <= 0 || o.deadline_seconds <= 0) {
        std::cerr << "bench_refresh_storm: --calls and --deadline-seconds must be positive\n";
        std::exit(EXIT_FAILURE);
    }
    return o;
}

void print(std::string_view subject, std::string_view metric, double value, std::string_view baseline = {},
           double ratio = 0) {
    std::printf(R"({"bench":"refresh_storm","subject":"%.*s","metric":"%.*s","value":%.3f)",
                static_cast<int>(subject.size()), subject.data(), static_cast<int>(metric.size()), metric.data(),
                value);
    if (!baseline.empty()) {
        std::printf(R"(,"baseline":"%.*s","ratio":%.3f)", static_cast<int>(baseline.size()), baseline.data(),
                    ratio);
    }
    std::printf("}\n");
    std::fflush(stdout);
}

double percentile(std::vector<double> sorted, double p) {
    std::sort(sorted.begin(), sorted.end());
    auto const rank = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[rank];
}

twitter::http::request get_me() {
    twitter::http::request req;
    req.target = "/2/users/me";
    req.auth = twitter::http::auth_mode::user;
    return req;
}

struct burst_result {
    int succeeded = 0;
    std::vector<double> latencies_ms;  // of every call, from its start to its completion
};

// Starts `count` calls at once and waits for all of them.
asio::awaitable<burst_result> burst(twitter::client& c, int count) {
    auto strand = co_await asio::this_coro::executor;
    burst_result r;
    r.latencies_ms.resize(static_cast<std::size_t>(count));
    int done = 0;
    asio::steady_timer all_done(strand, asio::steady_timer::time_point::max());
    for (int i = 0; i < count; ++i) {
        auto const start = std::chrono::steady_clock::now();
        c.async_request(get_me(), asio::bind_executor(strand, [&, i, start](twitter::error_code ec,
                                                                            twitter::http::response) {
                            std::chrono::duration<double, std::milli> const took =
                                std::chrono::steady_clock::now() - start;
                            r.latencies_ms[static_cast<std::size_t>(i)] = took.count();
                            r.succeeded += !ec;
                            if (++done == count) all_done.cancel();
                        }));
    }
    co_await all_done.async_wait(tuple);
    co_return r;
}

// The browser's part of the PKCE flow: the emulator approves on its own and redirects to our redirect URI.
asio::awaitable<std::string> authorize_in_browser(twitter::client& browser, std::string url) {
    twitter::http::request req;
    req.target = std::move(url);
    req.auth = twitter::http::auth_mode::none;
    auto [ec, res] = co_await browser.async_request(std::move(req), tuple);
    co_return std::string(res.find_header("location").value_or(""));
}

struct outcome {
    bool passed = true;
};

asio::awaitable<outcome> run(twitter::emulator::server& emulator, options const& o) {
    auto ex = co_await asio::this_coro::executor;
    twitter::client_config cfg;
    cfg.hosts = twitter::endpoints::at(emulator.base_url());
    cfg.tls.use_system_roots = false;
    cfg.tls.ca_pem = emulator.ca_pem();
    cfg.timeouts.request = 120s;  // a call may queue behind thousands of others for a connection

    shifted_clocks clocks;
    auto updates = std::make_shared<std::atomic<int>>(0);
    auto const& app = emulator.oauth2_public_client();
    twitter::oauth2_user_params params;
    params.client_id = app.client_id;
    params.redirect_uri = app.redirect_uri;
    params.scope = {"tweet.read", "users.read", "offline.access"};
    params.token_updater = [updates](twitter::oauth2_token const&) { ++*updates; };
    params.steady_now = [&clocks] { return clocks.steady(); };
    params.system_now = [&clocks] { return clocks.system(); };
    auto auth = std::make_shared<twitter::oauth2_user_handler>(ex, std::move(params), cfg);
    {
        twitter::client browser(ex, cfg);
        std::string const location = co_await authorize_in_browser(browser, auth->get_authorization_url());
        co_await auth->async_fetch_token(location);
    }
    twitter::client c(ex, auth, cfg);

    co_await burst(c, o.calls);  // warms the pool, so both measured bursts find the same open connections
    burst_result const fresh = co_await burst(c, o.calls);

    auto const grants_before = emulator.stats().refresh_grants;
    *updates = 0;
    // The emulator's tokens live 7200 s: from here on, every call finds the token expired.
    clocks.offset_seconds = 7200;
    burst_result const storm = co_await burst(c, o.calls);
    auto const grants = emulator.stats().refresh_grants - grants_before;

    outcome out;
    print("refresh_grants", "count", static_cast<double>(grants));
    print("token_updater_calls", "count", updates->load());
    print("fresh_token_calls_succeeded", "count", fresh.succeeded);
    print("at_expiry_calls_succeeded", "count", storm.succeeded);
    out.passed = grants == 1 && updates->load() == 1 && storm.succeeded == o.calls && fresh.succeeded == o.calls;

    for (auto const& [name, p] : {std::pair<std::string_view, double>{"p50", 0.50}, {"p99", 0.99}}) {
        double const base = percentile(fresh.latencies_ms, p);
        double const at_expiry = percentile(storm.latencies_ms, p);
        std::string const metric = std::string(name) + "_ms";
        print("fresh_token", metric, base);
        print("at_expiry", metric, at_expiry, "fresh_token", at_expiry / base);
        print("added_latency", metric, at_expiry - base);
    }
    co_return out;
}

}  // namespace

int main(int argc, char** argv) {
    options const o = parse(argc, argv);

    asio::io_context emulator_io(1);
    twitter::emulator::server_config server_cfg;
    server_cfg.rate_limit_per_window = 1'000'000'000;
    server_cfg.request_log_limit = 0;
    twitter::emulator::server emulator(emulator_io.get_executor(), server_cfg);
    emulator.start();
    std::thread emulator_thread([&] { emulator_io.run(); });

    asio::io_context client_io(1);
    auto done = asio::co_spawn(asio::make_strand(client_io), run(emulator, o), asio::use_future);
    std::thread client_thread([&] { client_io.run(); });

    if (done.wait_for(std::chrono::seconds(o.deadline_seconds)) != std::future_status::ready) {
        std::cerr << "bench_refresh_storm: not done after " << o.deadline_seconds << " s\n";
        std::_Exit(2);
    }
    int status = EXIT_SUCCESS;
    try {
        if (!done.get().passed) {
            std::cerr << "bench_refresh_storm: expected one refresh, one update and every call to succeed\n";
            status = EXIT_FAILURE;
        }
    } catch (std::exception const& e) {
        std::cerr << "bench_refresh_storm: " << e.what() << '\n';
        status = EXIT_FAILURE;
    }
    client_io.stop();
    client_thread.join();
    asio::post(emulator_io, [&] { emulator.stop(); });
    emulator_thread.join();
    return status;
}
