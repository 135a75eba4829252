#ifndef TWITTER_LIB_CLIENT_TRACKED_OPERATION_HPP
#define TWITTER_LIB_CLIENT_TRACKED_OPERATION_HPP

// How a client's own operations run: like spawn_operation (a coroutine on a strand, completing on the
// handler's executor, never inline), and also recorded in the client's operation_registry, so that a shutdown
// or the client's destruction can cancel them. A client that is shutting down refuses new ones with
// client_errc::shutting_down.

#include "client/client_impl.hpp"
#include "client/spawn.hpp"

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>

#include <exception>
#include <memory>
#include <tuple>
#include <utility>

namespace twitter::detail {

template <class... Values>
void spawn_client_operation(std::shared_ptr<client_impl> const& impl, boost::asio::any_io_executor strand,
                            boost::asio::awaitable<std::tuple<error_code, Values...>> operation,
                            boost::asio::any_completion_handler<void(error_code, Values...)> handler) {
    namespace asio = boost::asio;
    auto const handler_executor = asio::get_associated_executor(handler, impl->executor);
    auto user_slot = asio::get_associated_cancellation_slot(handler);
    // One signal per operation, which both the caller's slot and the client's registry emit, on the strand.
    auto signal = std::make_shared<asio::cancellation_signal>();
    auto emit_on_strand = [strand, signal](asio::cancellation_type type) {
        asio::post(strand, [signal, type] { signal->emit(type); });
    };
    auto const id = impl->operations.add(operation_registry::kind::call,
                                         [emit_on_strand] { emit_on_strand(asio::cancellation_type::terminal); });
    if (!id) {
        asio::post(impl->executor, asio::append(std::move(handler), error_code(client_errc::shutting_down),
                                                Values{}...));
        return;
    }
    if (user_slot.is_connected()) user_slot.assign(emit_on_strand);

    // The caller's slot keeps the forwarding lambda until the caller reuses it: clearing it here, off the
    // caller's executor, could race with the caller emitting it. A late emit finds nothing to cancel.
    auto work = asio::prefer(handler_executor, asio::execution::outstanding_work.tracked);
    auto complete = [impl, id = *id, fallback = impl->executor, handler = std::move(handler),
                     work = std::move(work)](std::exception_ptr error,
                                            std::tuple<error_code, Values...> result) mutable {
        if (error) result = {exception_to_error(error), Values{}...};
        impl->operations.remove(id);
        std::apply(
            [&](error_code ec, Values&&... values) {
                asio::post(fallback, asio::append(std::move(handler), ec, std::move(values)...));
            },
            std::move(result));
    };
    asio::co_spawn(strand, std::move(operation),
                   asio::bind_executor(strand, asio::bind_cancellation_slot(signal->slot(), std::move(complete))));
}

}  // namespace twitter::detail

#endif
