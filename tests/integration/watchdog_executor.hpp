#ifndef TWITTER_TESTS_INTEGRATION_WATCHDOG_EXECUTOR_HPP
#define TWITTER_TESTS_INTEGRATION_WATCHDOG_EXECUTOR_HPP

// An executor that wraps another one and times every handler it runs, keeping the longest. Give it to a
// client (and use it for everything else in the test) to prove that no handler blocks the io_context's
// threads: a synchronous DNS lookup, a blocking file write or a sleep would show up as one long handler.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/execution.hpp>
#include <boost/asio/execution_context.hpp>
#include <boost/asio/require.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <utility>

namespace test {

class watchdog_executor {
public:
    using clock = std::chrono::steady_clock;

    struct record {
        std::atomic<std::int64_t> longest_us{0};
        std::atomic<std::uint64_t> handlers{0};
    };

    watchdog_executor(boost::asio::any_io_executor inner, std::shared_ptr<record> watch)
        : inner_(std::move(inner)), watch_(std::move(watch)) {}

    boost::asio::execution_context& query(boost::asio::execution::context_t) const noexcept {
        return boost::asio::query(inner_, boost::asio::execution::context);
    }
    boost::asio::execution::blocking_t query(boost::asio::execution::blocking_t) const noexcept {
        return boost::asio::query(inner_, boost::asio::execution::blocking);
    }
    watchdog_executor require(boost::asio::execution::blocking_t::never_t) const {
        return {boost::asio::require(inner_, boost::asio::execution::blocking.never), watch_};
    }

    // A handler the inner executor runs inline inside another is timed within that one too: the figure can
    // only overstate.
    template <class Function>
    void execute(Function f) const {
        inner_.execute([f = std::move(f), watch = watch_]() mutable {
            auto const start = clock::now();
            std::move(f)();
            auto const us = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start).count();
            ++watch->handlers;
            std::int64_t seen = watch->longest_us.load();
            while (us > seen && !watch->longest_us.compare_exchange_weak(seen, us)) {
            }
        });
    }

    friend bool operator==(watchdog_executor const& a, watchdog_executor const& b) noexcept {
        return a.inner_ == b.inner_ && a.watch_ == b.watch_;
    }
    friend bool operator!=(watchdog_executor const& a, watchdog_executor const& b) noexcept { return !(a == b); }

private:
    boost::asio::any_io_executor inner_;
    std::shared_ptr<record> watch_;
};

}  // namespace test

#endif
