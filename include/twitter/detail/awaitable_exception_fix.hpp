#ifndef TWITTER_DETAIL_AWAITABLE_EXCEPTION_FIX_HPP
#define TWITTER_DETAIL_AWAITABLE_EXCEPTION_FIX_HPP

// Boost 1.81's Asio cannot co_await a deferred operation whose signature is void(std::exception_ptr, T):
// its handler tests `*result` where it means `*result.ex_`, which does not compile. The library's default
// token produces exactly that signature, so this more specialised handler (R fixed to void) takes over.
// Because the original never compiles, no translation unit can hold a different definition of it.

#include <boost/asio/awaitable.hpp>
#include <boost/version.hpp>

#include <exception>
#include <utility>

#if BOOST_VERSION == 108100

namespace boost::asio::detail {

template <typename T, typename Executor>
class awaitable_async_op_handler<void(std::exception_ptr, T), Executor> : public awaitable_thread<Executor> {
public:
    struct result_type {
        std::exception_ptr* ex_;
        T* value_;
    };

    awaitable_async_op_handler(awaitable_thread<Executor>* h, result_type& result)
        : awaitable_thread<Executor>(std::move(*h)), result_(result) {}

    void operator()(std::exception_ptr ex, T value) {
        result_.ex_ = &ex;
        result_.value_ = &value;
        this->entry_point()->top_of_stack_->attach_thread(this);
        this->entry_point()->top_of_stack_->clear_cancellation_slot();
        this->pump();
    }

    static T resume(result_type& result) {
        if (*result.ex_) std::rethrow_exception(std::exchange(*result.ex_, nullptr));
        return std::move(*result.value_);
    }

private:
    result_type& result_;
};

}  // namespace boost::asio::detail

#endif
#endif
