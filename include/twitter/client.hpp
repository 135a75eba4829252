#ifndef TWITTER_CLIENT_HPP
#define TWITTER_CLIENT_HPP

#include <twitter/auth/handler.hpp>
#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>
#include <twitter/http/response.hpp>
#include <twitter/v2/endpoints.hpp>
#include <twitter/v2/response.hpp>
#include <twitter/v2/typed_request.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// What a client is doing, for health checks.
struct client_status {
    // Requests, typed calls, pages, media uploads and stream operations under way.
    std::size_t operations_in_flight = 0;
    bool shutting_down = false;
    struct origin_connections {
        std::string origin;  // serialized as RFC 6454 does: "https://api.x.com", "https://[::1]:8443"
        std::size_t open = 0;     // open or opening
        std::size_t idle = 0;     // of those, waiting in the pool
        std::size_t waiting = 0;  // requests waiting for a connection
        std::size_t opened_total = 0;
    };
    std::vector<origin_connections> connections;
};

class client;

namespace detail {
struct client_impl;
using request_handler = boost::asio::any_completion_handler<void(error_code, http::response)>;
void async_request(std::shared_ptr<client_impl> const& impl, http::request req, diagnostics* diag,
                   request_handler handler);
// Instantiated in the library for every T that v2::parse accepts.
template <class T>
void async_call(std::shared_ptr<client_impl> const& impl, http::request req, diagnostics* diag,
                boost::asio::any_completion_handler<void(error_code, v2::response<T>)> handler);
std::shared_ptr<client_impl> const& impl_of(client const& c) noexcept;
void async_status(std::shared_ptr<client_impl> const& impl,
                  boost::asio::any_completion_handler<void(error_code, client_status)> handler);
void async_shutdown(std::shared_ptr<client_impl> const& impl, std::chrono::milliseconds grace,
                    boost::asio::any_completion_handler<void(error_code)> handler);
}  // namespace detail

// A client of the X API (v2). Every operation is asynchronous, takes a completion token and completes on the
// handler's associated executor (or the client's), never inline. The client is move-only and cheap to move.
// Destroying it cancels what it has in flight: those operations complete with operation_aborted.
class client : public v2::client_endpoints<client> {
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

    // The rate limits the last answer from an endpoint reported, or none yet. `path` may be a concrete path
    // ("/2/users/2244994945/followers") or X's template ("/2/users/:id/followers"): ids share their
    // endpoint's bucket. Safe to call from any thread.
    rate_limits last_rate_limits(http::verb method, std::string_view path) const;

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

    // Sends a typed v2 request (see <twitter/v2/requests.hpp>) and completes with its parsed answer. A 2xx
    // whose body does not fit the model is protocol_errc::malformed_json.
    template <class T,
              boost::asio::completion_token_for<void(error_code, v2::response<T>)> CompletionToken = default_token>
    auto async_call(v2::typed_request<T> req, CompletionToken&& token = {}) {
        return async_call_impl<T>(std::move(req.http), nullptr, std::forward<CompletionToken>(token));
    }
    template <class T,
              boost::asio::completion_token_for<void(error_code, v2::response<T>)> CompletionToken = default_token>
    auto async_call(v2::typed_request<T> req, diagnostics& diag, CompletionToken&& token = {}) {
        return async_call_impl<T>(std::move(req.http), &diag, std::forward<CompletionToken>(token));
    }

    // A snapshot of the operations in flight and of the connection pools.
    template <boost::asio::completion_token_for<void(error_code, client_status)> CompletionToken = default_token>
    auto async_status(CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, client_status)>(
            [](auto handler, diagnostics*, std::shared_ptr<detail::client_impl> const& impl) {
                detail::async_status(impl, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), impl_);
    }

    // Graceful shutdown. New operations fail at once with client_errc::shutting_down; streams stop; the
    // operations in flight may finish until `grace` has passed, and are then cancelled (operation_aborted);
    // pooled connections are closed with a TLS close_notify. Completes when nothing of the client's is left
    // running, so an io_context that served only this client then runs out of work.
    template <boost::asio::completion_token_for<void(error_code)> CompletionToken = default_token>
    auto async_shutdown(std::chrono::milliseconds grace = std::chrono::seconds(5), CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code)>(
            [](auto handler, diagnostics*, std::shared_ptr<detail::client_impl> const& impl,
               std::chrono::milliseconds g) { detail::async_shutdown(impl, g, std::move(handler)); },
            token, static_cast<diagnostics*>(nullptr), impl_, grace);
    }

private:
    friend std::shared_ptr<detail::client_impl> const& detail::impl_of(client const& c) noexcept;

    template <class T, class CompletionToken>
    auto async_call_impl(http::request req, diagnostics* diag, CompletionToken&& token) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, v2::response<T>)>(
            [](auto handler, diagnostics* d, std::shared_ptr<detail::client_impl> const& impl,
               http::request r) { detail::async_call<T>(impl, std::move(r), d, std::move(handler)); },
            token, diag, impl_, std::move(req));
    }

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
