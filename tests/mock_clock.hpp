#ifndef TWITTER_TESTS_MOCK_CLOCK_HPP
#define TWITTER_TESTS_MOCK_CLOCK_HPP

// A twitter::clock that never sleeps: each wait is recorded, moves the time forward by its delay, and
// completes at once (posted, never inline). With hold_waits(true), waits are recorded but complete only
// when cancelled, to test what cancellation does to a waiting operation. Safe to share between threads.

#include <twitter/clock.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <memory>
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
            if (held_) {
                auto slot = boost::asio::get_associated_cancellation_slot(handler);
                // A held wait nobody can cancel would hang the test: complete it at once instead.
                if (slot.is_connected()) {
                    auto pending = std::make_shared<wait_handler>(std::move(handler));
                    slot.assign([ex, pending](boost::asio::cancellation_type) {
                        if (*pending)
                            boost::asio::post(ex, boost::asio::append(std::move(*pending),
                                                                      twitter::error_code(
                                                                          boost::asio::error::operation_aborted)));
                    });
                    return;
                }
            }
            now_ += delay;
        }
        boost::asio::post(ex, boost::asio::append(std::move(handler), twitter::error_code{}));
    }

    void hold_waits(bool hold) {
        std::lock_guard lock(mutex_);
        held_ = hold;
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
    bool held_ = false;
    std::vector<std::chrono::milliseconds> waits_;
};

}  // namespace test

#endif
