#ifndef TWITTER_TESTS_INTEGRATION_EVENTUALLY_HPP
#define TWITTER_TESTS_INTEGRATION_EVENTUALLY_HPP

// Waiting, inside a test coroutine, for something another part of the io_context makes true.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

namespace test {

// Checks `ready` every millisecond of real time until it holds or `limit` passes; returns whether it held.
template <class Predicate>
boost::asio::awaitable<bool> eventually(Predicate ready, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
    auto const deadline = std::chrono::steady_clock::now() + limit;
    while (!ready()) {
        if (std::chrono::steady_clock::now() > deadline) co_return false;
        timer.expires_after(std::chrono::milliseconds(1));
        co_await timer.async_wait(boost::asio::use_awaitable);
    }
    co_return true;
}

}  // namespace test

#endif
