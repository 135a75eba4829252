#ifndef TWITTER_AUTH_OAUTH1_USER_HANDLER_HPP
#define TWITTER_AUTH_OAUTH1_USER_HANDLER_HPP

#include <twitter/auth/handler.hpp>
#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

namespace twitter {

// An OAuth 1.0a token and its secret: a request token during the 3-legged flow, an access token after it.
struct oauth1_token {
    std::string token;
    std::string secret;
    std::string user_id;      // set by the access-token step
    std::string screen_name;  // set by the access-token step

    friend std::ostream& operator<<(std::ostream& os, oauth1_token const& t);  // never prints the secret
};

namespace detail {
struct oauth1_state;
void async_oauth1_authorization_url(std::shared_ptr<oauth1_state> const& state, bool signin_with_twitter,
                                    std::string access_type, diagnostics* diag,
                                    boost::asio::any_completion_handler<void(error_code, std::string)> handler);
void async_oauth1_access_token(std::shared_ptr<oauth1_state> const& state, std::string verifier,
                               diagnostics* diag,
                               boost::asio::any_completion_handler<void(error_code, oauth1_token)> handler);
}  // namespace detail

// Tweepy's OAuth1UserHandler: signs every request with HMAC-SHA1 (RFC 5849), and runs the 3-legged and
// PIN-based flows. The token endpoints live on client_config::hosts.api.
class oauth1_user_handler : public auth_handler {
public:
    using executor_type = boost::asio::any_io_executor;

    oauth1_user_handler(executor_type ex, std::string consumer_key, std::string consumer_secret,
                        std::string access_token = {}, std::string access_token_secret = {},
                        std::string callback = {}, client_config config = {});
    ~oauth1_user_handler() override;

    auth_scheme scheme() const noexcept override { return auth_scheme::oauth1_user; }
    void async_authorize(request_to_sign const& req, authorize_handler handler) override;

    // Step 1: fetches a request token (POST oauth/request_token, with oauth_callback, or "oob" when no callback
    // was given) and completes with the URL to send the user to: oauth/authorize, or oauth/authenticate for
    // "Sign in with Twitter". `access_type` is "read" or "write" (x_auth_access_type), or empty.
    template <boost::asio::completion_token_for<void(error_code, std::string)> CompletionToken = default_token>
    auto async_get_authorization_url(bool signin_with_twitter = false, std::string access_type = {},
                                     CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, std::string)>(
            [](auto handler, diagnostics* diag, std::shared_ptr<detail::oauth1_state> const& state, bool signin,
               std::string type) {
                detail::async_oauth1_authorization_url(state, signin, std::move(type), diag, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), state_, signin_with_twitter, std::move(access_type));
    }

    // Step 2: exchanges the verifier (oauth_verifier from the callback, or the PIN) for the access token, which
    // the handler then signs with.
    template <boost::asio::completion_token_for<void(error_code, oauth1_token)> CompletionToken = default_token>
    auto async_get_access_token(std::string verifier, CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, oauth1_token)>(
            [](auto handler, diagnostics* diag, std::shared_ptr<detail::oauth1_state> const& state,
               std::string v) { detail::async_oauth1_access_token(state, std::move(v), diag, std::move(handler)); },
            token, static_cast<diagnostics*>(nullptr), state_, std::move(verifier));
    }

    // The request token between the two steps, so that another handler (another process) can finish the flow.
    oauth1_token request_token() const;
    void set_request_token(oauth1_token token);

    oauth1_token access_token() const;

    [[deprecated("pass the access token to the constructor")]] void set_access_token(std::string key,
                                                                                     std::string secret);

    // The source of oauth_timestamp, in seconds since the Unix epoch. Tests set a fixed one.
    void set_clock(std::function<std::int64_t()> unix_now);

    friend std::ostream& operator<<(std::ostream& os, oauth1_user_handler const& h);

private:
    std::shared_ptr<detail::oauth1_state> state_;
};

using oauth_handler [[deprecated("renamed oauth1_user_handler, as in Tweepy 4.5")]] = oauth1_user_handler;

}  // namespace twitter

#endif
