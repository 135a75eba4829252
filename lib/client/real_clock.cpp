#include <twitter/clock.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

namespace twitter {
namespace {

namespace asio = boost::asio;

class system_timer_clock final : public clock {
public:
    time_point now() const override { return std::chrono::system_clock::now(); }

    void async_wait(asio::any_io_executor ex, std::chrono::milliseconds delay, wait_handler handler) override {
        // The timer lives as long as the wait; a cancellation of the handler's slot cancels the timer.
        auto timer = std::make_shared<asio::steady_timer>(ex, delay);
        auto slot = asio::get_associated_cancellation_slot(handler);
        timer->async_wait(asio::bind_cancellation_slot(
            slot, [timer, handler = std::move(handler)](error_code ec) mutable { std::move(handler)(ec); }));
    }
};

}  // namespace

std::shared_ptr<clock> real_clock() {
    static auto const instance = std::make_shared<system_timer_clock>();
    return instance;
}

}  // namespace twitter
