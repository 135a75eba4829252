#ifndef TWITTER_CLOCK_HPP
#define TWITTER_CLOCK_HPP

// Where the client reads the time and how it waits: rate-limit waits, retry backoff and media-processing
// polls all go through one clock. Tests give the client a clock that jumps instead of sleeping.

#include <twitter/error.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>

namespace twitter {

class clock {
public:
    using time_point = std::chrono::system_clock::time_point;
    using wait_handler = boost::asio::any_completion_handler<void(error_code)>;

    virtual ~clock() = default;

    // Wall-clock time: X's rate-limit resets are Unix seconds.
    virtual time_point now() const = 0;

    // Completes on `ex` after `delay`, or with operation_aborted as soon as the handler's cancellation slot
    // fires. Never completes inline.
    virtual void async_wait(boost::asio::any_io_executor ex, std::chrono::milliseconds delay,
                            wait_handler handler) = 0;
};

// The system clock and Asio timers: what a client uses when its config names no clock.
std::shared_ptr<clock> real_clock();

}  // namespace twitter

#endif
