#ifndef TWITTER_TESTS_INTEGRATION_SCENARIO_HPP
#define TWITTER_TESTS_INTEGRATION_SCENARIO_HPP

// Runs one test coroutine against a fresh emulator on an io_context driven by 1 or more threads, with a
// deadline, and checks that nothing is left running afterwards (a leaked operation keeps run() busy).

#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <functional>
#include <thread>
#include <vector>

namespace test {

namespace asio = boost::asio;
using namespace std::chrono_literals;

struct scenario {
    asio::io_context& io;
    twitter::emulator::server& server;

    // A client that trusts the emulator's CA and points every host at it.
    twitter::client_config config() const {
        twitter::client_config cfg;
        cfg.hosts = twitter::endpoints::at(server.base_url());
        cfg.tls.use_system_roots = false;
        cfg.tls.ca_pem = server.ca_pem();
        cfg.timeouts.request = 10s;
        return cfg;
    }
    twitter::client app_client() const { return make_client(config()); }
    twitter::client make_client(twitter::client_config cfg) const {
        return twitter::client(io.get_executor(), server.app_bearer_token(), std::move(cfg));
    }
};

inline twitter::http::request get(std::string target) {
    twitter::http::request req;
    req.target = std::move(target);
    return req;
}

// `body` runs on a strand, so its assertions never run concurrently even with several threads.
inline void run_scenario(int threads, std::function<asio::awaitable<void>(scenario)> body,
                         twitter::emulator::server_config server_cfg = {},
                         std::chrono::seconds deadline = std::chrono::seconds(60)) {
    asio::io_context io(threads);
    twitter::emulator::server server(io.get_executor(), std::move(server_cfg));
    server.start();

    auto done = asio::co_spawn(asio::make_strand(io),
                               [&]() -> asio::awaitable<void> {
                                   std::exception_ptr failure;
                                   try {
                                       co_await body(scenario{io, server});
                                   } catch (...) {
                                       failure = std::current_exception();
                                   }
                                   server.stop();
                                   if (failure) std::rethrow_exception(failure);
                               },
                               asio::use_future);

    std::atomic<int> finished{0};
    std::vector<std::thread> runners;
    for (int i = 0; i < threads; ++i) runners.emplace_back([&] {
        io.run();
        ++finished;
    });
    bool const in_time = done.wait_for(deadline) == std::future_status::ready;
    // Once the scenario is over, run() must return on its own: anything still queued is a leaked operation.
    auto const grace = std::chrono::steady_clock::now() + 5s;
    while (finished < threads && std::chrono::steady_clock::now() < grace) std::this_thread::sleep_for(2ms);
    bool const drained = finished == threads;
    io.stop();
    for (auto& t : runners) t.join();

    BOOST_REQUIRE_MESSAGE(in_time, "the scenario missed its deadline: something hung");
    BOOST_CHECK_MESSAGE(drained, "operations were still queued after the scenario ended");
    done.get();  // rethrows what the scenario threw
}

}  // namespace test

#endif
