#ifndef TWITTER_TESTS_MOCK_CLOCK_HPP
#define TWITTER_TESTS_MOCK_CLOCK_HPP

// A twitter::clock that never sleeps: each wait is recorded, moves the time forward by its delay, and
// completes at once (posted, never inline). Safe to share between threads.

#include <twitter/clock.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <mutex>
#include <vector>

namespace test {

class mock_clock final : public twitter::clock {
public:
    explicit mock_clock(time_point start = time_point(std::chrono::seconds(1700000000))) : now_(start) {}

    time_point now() const override {
        std::lock_guard lock(mutex_);
        return now_;
    }

    void async_wait(boost::asio::any_io_executor ex, std::chrono::milliseconds delay,
                    wait_handler handler) override {
        {
            std::lock_guard lock(mutex_);
            waits_.push_back(delay);
            now_ += delay;
        }
        boost::asio::post(ex, boost::asio::append(std::move(handler), twitter::error_code{}));
    }

    std::vector<std::chrono::milliseconds> waits() const {
        std::lock_guard lock(mutex_);
        return waits_;
    }

    std::int64_t unix_now() const {
        return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
    }

private:
    mutable std::mutex mutex_;
    time_point now_;
    std::vector<std::chrono::milliseconds> waits_;
};

}  // namespace test

#endif
