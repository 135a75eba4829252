#ifndef TWITTER_LIB_AUTH_WAITER_LIST_HPP
#define TWITTER_LIB_AUTH_WAITER_LIST_HPP

#include <twitter/error.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>

#include <cstdint>
#include <list>
#include <memory>
#include <utility>

namespace twitter::detail {

// The callers waiting for one shared operation (a token fetch or refresh), on a strand. A waiter whose
// cancellation slot fires leaves at once with operation_aborted; the operation itself goes on for the rest.
// Every member must be called on the strand.
template <class T>
class waiter_list {
public:
    using handler_type = boost::asio::any_completion_handler<void(error_code, T)>;

    // `owner` keeps the list alive for a cancellation that arrives late; `strand` is where the list lives;
    // `fallback` runs the handlers that have no executor of their own.
    waiter_list(std::weak_ptr<void> owner, boost::asio::any_io_executor strand,
                boost::asio::any_io_executor fallback)
        : owner_(std::move(owner)), strand_(std::move(strand)), fallback_(std::move(fallback)) {}

    void add(handler_type handler) {
        std::uint64_t const id = next_id_++;
        auto slot = boost::asio::get_associated_cancellation_slot(handler);
        if (slot.is_connected()) slot.template emplace<canceller>(canceller{owner_, this, strand_, id});
        waiters_.push_back({id, std::move(handler)});
    }

    bool empty() const noexcept { return waiters_.empty(); }

    // Completes every waiter, each through its own executor, never inline.
    void complete_all(error_code ec, T const& value) {
        auto waiters = std::move(waiters_);
        waiters_.clear();
        for (auto& w : waiters) boost::asio::post(fallback_, boost::asio::append(std::move(w.handler), ec, value));
    }

private:
    struct entry {
        std::uint64_t id;
        handler_type handler;
    };

    // Runs wherever the cancellation is emitted; it only posts to the strand, where the list lives.
    struct canceller {
        std::weak_ptr<void> owner;
        waiter_list* list;
        boost::asio::any_io_executor strand;
        std::uint64_t id;

        void operator()(boost::asio::cancellation_type_t) {
            boost::asio::post(strand, [owner = owner, list = list, id = id] {
                if (auto alive = owner.lock()) list->cancel(id);
            });
        }
    };

    void cancel(std::uint64_t id) {
        for (auto it = waiters_.begin(); it != waiters_.end(); ++it) {
            if (it->id != id) continue;
            handler_type handler = std::move(it->handler);
            waiters_.erase(it);
            boost::asio::post(fallback_, boost::asio::append(std::move(handler),
                                                  error_code(boost::asio::error::operation_aborted), T{}));
            return;
        }
    }

    std::weak_ptr<void> owner_;
    boost::asio::any_io_executor strand_;
    boost::asio::any_io_executor fallback_;
    std::list<entry> waiters_;
    std::uint64_t next_id_ = 0;
};

}  // namespace twitter::detail

#endif
