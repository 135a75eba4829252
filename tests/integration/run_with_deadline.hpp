#ifndef TWITTER_TESTS_INTEGRATION_RUN_WITH_DEADLINE_HPP
#define TWITTER_TESTS_INTEGRATION_RUN_WITH_DEADLINE_HPP

// For the emulator's own tests, which drive it with raw Beast clients on one thread: runs `test` with a
// deadline, stops the emulator, and checks that it left no work behind.

#include <twitter/emulator/server.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>
#include <functional>

namespace test {

inline void run_with_deadline(boost::asio::io_context& ioc, twitter::emulator::server& srv,
                              std::function<boost::asio::awaitable<void>()> const& test) {
    bool finished = false;
    std::exception_ptr failure;
    boost::asio::co_spawn(ioc, test(), [&](std::exception_ptr e) {
        finished = true;
        failure = e;
        srv.stop();
    });
    ioc.run_for(std::chrono::seconds(20));
    BOOST_TEST_REQUIRE(finished, "the test did not finish before its deadline");
    if (failure) std::rethrow_exception(failure);
    BOOST_TEST(ioc.stopped(), "work was left in the io_context after stop()");
}

}  // namespace test

#endif
