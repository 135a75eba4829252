#ifndef TWITTER_CLIENT_HPP
#define TWITTER_CLIENT_HPP

#include <twitter/auth/handler.hpp>
#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>
#include <twitter/http/response.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>

#include <iosfwd>
#include <memory>
#include <string>

namespace twitter {

// Tweepy's Client(bearer_token, consumer_key, consumer_secret, access_token, access_token_secret): whichever are
// given. The bearer token serves app-context calls; the four OAuth 1.0a credentials serve user-context calls.
struct client_credentials {
    std::string bearer_token;
    std::string consumer_key;
    std::string consumer_secret;
    std::string access_token;
    std::string access_token_secret;

    // Prints which credentials are present, never their values.
    friend std::ostream& operator<<(std::ostream& os, client_credentials const& c);
};

namespace detail {
struct client_impl;
using request_handler = boost::asio::any_completion_handler<void(error_code, http::response)>;
void async_request(std::shared_ptr<client_impl> const& impl, http::request req, diagnostics* diag,
                   request_handler handler);
}  // namespace detail

// A client of the X API (v2). Every operation is asynchronous, takes a completion token and completes on the
// handler's associated executor (or the client's). The client is cheap to move; operations in flight keep what
// they need alive.
class client {
public:
    using executor_type = boost::asio::any_io_executor;

    explicit client(executor_type ex, client_config config = {});
    // Tweepy's Client(bearer_token): an app-only bearer token (or an OAuth 2.0 user token, for auth_mode::bearer
    // and automatic calls).
    client(executor_type ex, std::string bearer_token, client_config config = {});
    client(executor_type ex, client_credentials credentials, client_config config = {});
    // Any handler: an app-only one serves app-context calls, a user one (OAuth 1.0a, OAuth 2.0 PKCE) the rest.
    client(executor_type ex, std::shared_ptr<auth_handler> auth, client_config config = {});
    client(executor_type ex, std::shared_ptr<auth_handler> app_auth, std::shared_ptr<auth_handler> user_auth,
           client_config config = {});
    ~client();
    client(client&&) noexcept;
    client& operator=(client&&) noexcept;

    executor_type get_executor() const noexcept;
    client_config const& config() const noexcept;

    // Sends any request, with the client's authentication, and completes with the response once it is
    // complete and decompressed. Any status outside 2xx is an api_errc error; the response still comes back
    // with it, and `diag` (or the thrown exception) holds the parsed X error.
    template <boost::asio::completion_token_for<void(error_code, http::response)> CompletionToken = default_token>
    auto async_request(http::request req, CompletionToken&& token = {}) {
        return async_request_impl(std::move(req), nullptr, std::forward<CompletionToken>(token));
    }
    template <boost::asio::completion_token_for<void(error_code, http::response)> CompletionToken = default_token>
    auto async_request(http::request req, diagnostics& diag, CompletionToken&& token = {}) {
        return async_request_impl(std::move(req), &diag, std::forward<CompletionToken>(token));
    }

private:
    template <class CompletionToken>
    auto async_request_impl(http::request req, diagnostics* diag, CompletionToken&& token) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, http::response)>(
            [](auto handler, diagnostics* d, std::shared_ptr<detail::client_impl> const& impl,
               http::request r) { detail::async_request(impl, std::move(r), d, std::move(handler)); },
            token, diag, impl_, std::move(req));
    }

    std::shared_ptr<detail::client_impl> impl_;
};

}  // namespace twitter

#endif
