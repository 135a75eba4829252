#ifndef TWITTER_WITH_DIAGNOSTICS_HPP
#define TWITTER_WITH_DIAGNOSTICS_HPP

// A completion-token adapter. Wrapped around a token, it turns an operation's `void(error_code, T...)` into
// `void(std::exception_ptr, T...)`, where the exception is the typed twitter::error for the code, carrying the
// operation's diagnostics. Awaiting such an operation therefore throws twitter::unauthorized and friends
// instead of a bare system_error. It is the library's default token (wrapping asio::deferred).
//
// Contract with the operations: their initiation's first argument after the handler is a `diagnostics*`,
// which may be null. When it is null the adapter supplies storage of its own.

#include <twitter/detail/awaitable_exception_fix.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/associator.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>

#include <memory>
#include <utility>

namespace twitter {

template <class CompletionToken>
struct with_diagnostics_t {
    CompletionToken token;
};

template <class CompletionToken>
with_diagnostics_t<std::decay_t<CompletionToken>> with_diagnostics(CompletionToken&& token) {
    return {std::forward<CompletionToken>(token)};
}

// The token every async_* operation uses when the caller names none: `co_await op()` throws typed errors.
using default_token = with_diagnostics_t<boost::asio::deferred_t>;

namespace detail {

template <class Handler>
struct diagnostics_handler {
    Handler handler_;
    std::unique_ptr<diagnostics> owned_;  // set only when the caller passed no diagnostics of its own
    diagnostics* diag_;

    template <class... Values>
    void operator()(error_code const& ec, Values&&... values) {
        std::exception_ptr ex = ec ? twitter::make_exception_ptr(ec, *diag_) : nullptr;
        owned_.reset();
        std::move(handler_)(std::move(ex), std::forward<Values>(values)...);
    }
};

template <class Initiation>
struct diagnostics_initiation {
    Initiation initiation_;

    template <class Handler, class... Args>
    void operator()(Handler&& handler, diagnostics* diag, Args&&... args) && {
        std::unique_ptr<diagnostics> owned;
        if (diag == nullptr) {
            owned = std::make_unique<diagnostics>();
            diag = owned.get();
        }
        std::move(initiation_)(
            diagnostics_handler<std::decay_t<Handler>>{std::forward<Handler>(handler), std::move(owned), diag},
            diag, std::forward<Args>(args)...);
    }

    // An initiation that passes no diagnostics* (Asio's concept-checking archetype is one) gets owned storage.
    template <class Handler>
    void operator()(Handler&& handler) && {
        auto owned = std::make_unique<diagnostics>();
        diagnostics* diag = owned.get();
        std::move(initiation_)(
            diagnostics_handler<std::decay_t<Handler>>{std::forward<Handler>(handler), std::move(owned), diag});
    }
};

}  // namespace detail
}  // namespace twitter

template <class CompletionToken, class... Values>
struct boost::asio::async_result<twitter::with_diagnostics_t<CompletionToken>,
                                 void(boost::system::error_code, Values...)> {
    template <class Initiation, class... Args>
    static auto initiate(Initiation&& initiation, twitter::with_diagnostics_t<CompletionToken> token,
                         Args&&... args) {
        return boost::asio::async_initiate<CompletionToken, void(std::exception_ptr, Values...)>(
            twitter::detail::diagnostics_initiation<std::decay_t<Initiation>>{
                std::forward<Initiation>(initiation)},
            token.token, std::forward<Args>(args)...);
    }
};

// The wrapper is transparent: executor, allocator and cancellation slot are those of the wrapped handler.
template <template <class, class> class Associator, class Handler, class DefaultCandidate>
struct boost::asio::associator<Associator, twitter::detail::diagnostics_handler<Handler>, DefaultCandidate>
    : Associator<Handler, DefaultCandidate> {
    static typename Associator<Handler, DefaultCandidate>::type get(
        twitter::detail::diagnostics_handler<Handler> const& h) noexcept {
        return Associator<Handler, DefaultCandidate>::get(h.handler_);
    }
    static auto get(twitter::detail::diagnostics_handler<Handler> const& h, DefaultCandidate const& c) noexcept
        -> decltype(Associator<Handler, DefaultCandidate>::get(h.handler_, c)) {
        return Associator<Handler, DefaultCandidate>::get(h.handler_, c);
    }
};

#endif
