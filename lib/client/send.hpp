#ifndef TWITTER_LIB_CLIENT_SEND_HPP
#define TWITTER_LIB_CLIENT_SEND_HPP

// The request pipeline for the library's own use: auth handlers call token endpoints with credentials of their
// own (a request token, HTTP Basic), through a client_impl that holds none.

#include <twitter/auth/handler.hpp>
#include <twitter/client.hpp>

#include <boost/asio/async_result.hpp>

#include <memory>

namespace twitter::detail {

// Like async_request, but authorizes with `auth` (which may be null for none) instead of the client's handlers.
void async_request_with(std::shared_ptr<client_impl> const& impl, std::shared_ptr<auth_handler> auth,
                        http::request req, diagnostics* diag, request_handler handler);

template <class CompletionToken>
auto async_send(std::shared_ptr<client_impl> const& impl, std::shared_ptr<auth_handler> auth, http::request req,
                diagnostics* diag, CompletionToken&& token) {
    return boost::asio::async_initiate<CompletionToken, void(error_code, http::response)>(
        [](auto handler, std::shared_ptr<client_impl> const& i, std::shared_ptr<auth_handler> a,
           http::request r, diagnostics* d) {
            async_request_with(i, std::move(a), std::move(r), d, std::move(handler));
        },
        token, impl, std::move(auth), std::move(req), diag);
}

// A client_impl with no credentials of its own, for a handler's token requests.
std::shared_ptr<client_impl> make_client_impl(boost::asio::any_io_executor ex, client_config config);

}  // namespace twitter::detail

#endif
