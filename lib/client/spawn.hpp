#ifndef TWITTER_LIB_CLIENT_SPAWN_HPP
#define TWITTER_LIB_CLIENT_SPAWN_HPP

// How every asynchronous operation of the library runs: a coroutine on one of our strands, completing the
// caller's handler on the handler's own executor (or `fallback`), never inline and never on our strand. The
// handler's cancellation slot reaches the coroutine.

#include <twitter/error.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>

#include <exception>
#include <new>
#include <tuple>
#include <utility>

namespace twitter::detail {

// Our coroutines report failures as codes; only allocation, or a handler of the user's that throws, escapes.
inline error_code exception_to_error(std::exception_ptr const& ex) {
    try {
        std::rethrow_exception(ex);
    } catch (boost::system::system_error const& e) {
        return e.code();
    } catch (std::bad_alloc const&) {
        return boost::asio::error::no_memory;
    } catch (...) {
        return client_errc::invalid_argument;
    }
}

template <class... Values>
void spawn_operation(boost::asio::any_io_executor strand, boost::asio::any_io_executor fallback,
                     boost::asio::awaitable<std::tuple<error_code, Values...>> operation,
                     boost::asio::any_completion_handler<void(error_code, Values...)> handler) {
    namespace asio = boost::asio;
    auto const slot = asio::get_associated_cancellation_slot(handler);
    // Keeps the handler's execution context alive while the operation runs on ours.
    auto work = asio::prefer(asio::get_associated_executor(handler, fallback),
                             asio::execution::outstanding_work.tracked);
    auto complete = [handler = std::move(handler), work = std::move(work), fallback](
                        std::exception_ptr error, std::tuple<error_code, Values...> result) mutable {
        if (error) result = {exception_to_error(error), Values{}...};
        std::apply(
            [&](error_code ec, Values&&... values) {
                asio::post(fallback, asio::append(std::move(handler), ec, std::move(values)...));
            },
            std::move(result));
    };
    asio::co_spawn(strand, std::move(operation),
                   asio::bind_executor(strand, asio::bind_cancellation_slot(slot, std::move(complete))));
}

}  // namespace twitter::detail

#endif
