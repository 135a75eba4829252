#ifndef TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_DEADLINE_HPP
#define TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_DEADLINE_HPP

// Cancels one asynchronous operation that has not completed in time, through the operation's cancellation
// slot: bind slot() to its completion token. Make it, start the operation and let the operation complete on
// one strand (a session's), so that the timer's handler and the operation's completion never run at once.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <utility>

namespace example {

class deadline {
public:
    deadline(boost::asio::any_io_executor strand, std::chrono::steady_clock::duration timeout)
        : timer_(std::move(strand), timeout) {
        timer_.async_wait([state = state_](boost::system::error_code ec) {
            if (!ec && state->armed) state->signal.emit(boost::asio::cancellation_type::terminal);
        });
    }
    // The operation has completed: a timer that expired meanwhile must not reach a slot it no longer owns.
    ~deadline() {
        state_->armed = false;
        timer_.cancel();
    }
    deadline(deadline const&) = delete;
    deadline& operator=(deadline const&) = delete;

    boost::asio::cancellation_slot slot() { return state_->signal.slot(); }

private:
    // Shared with the timer's handler, which may run after this object is gone.
    struct state {
        boost::asio::cancellation_signal signal;
        bool armed = true;
    };
    std::shared_ptr<state> state_ = std::make_shared<state>();
    boost::asio::steady_timer timer_;
};

}  // namespace example

#endif
