#ifndef TWITTER_AUTH_OAUTH2_USER_HANDLER_HPP
#define TWITTER_AUTH_OAUTH2_USER_HANDLER_HPP

#include <twitter/auth/handler.hpp>
#include <twitter/auth/oauth2_token.hpp>
#include <twitter/auth/token_backend.hpp>
#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>

#include <chrono>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace twitter {

// Tweepy's OAuth2UserHandler(client_id=..., redirect_uri=..., scope=[...], client_secret=...).
struct oauth2_user_params {
    std::string client_id;
    std::string redirect_uri;
    std::vector<std::string> scope;
    std::string client_secret;  // only for a confidential client, which then authenticates with HTTP Basic
    // Refresh this long before the access token expires, so no request goes out with a dying token.
    std::chrono::seconds refresh_margin{10};
    // Told of every new token, fetched or refreshed, before any request uses it: save it here.
    std::function<void(oauth2_token const&)> token_updater;
    // Where the token lives; null for memory. See token_backend.
    std::shared_ptr<token_backend> backend;
    // Clocks, for tests; null for the real ones.
    std::function<std::chrono::steady_clock::time_point()> steady_now;
    std::function<std::chrono::system_clock::time_point()> system_now;
};

// What ties an authorization callback to the request that started it. It holds the PKCE code_verifier, a secret:
// keep it server-side. serialize() lets another process handle the callback.
struct pkce_session {
    std::string state;
    std::string code_verifier;
    std::string redirect_uri;
    std::vector<std::string> scope;

    std::string serialize() const;
    static bool deserialize(std::string_view text, pkce_session& out);
    friend std::ostream& operator<<(std::ostream& os, pkce_session const& s);  // never prints the verifier
};

namespace detail {
struct oauth2_user_state;
void async_oauth2_fetch_token(std::shared_ptr<oauth2_user_state> const& state, std::string response_url,
                              diagnostics* diag,
                              boost::asio::any_completion_handler<void(error_code, oauth2_token)> handler);
void async_oauth2_refresh(std::shared_ptr<oauth2_user_state> const& state, diagnostics* diag,
                          boost::asio::any_completion_handler<void(error_code, oauth2_token)> handler);
void async_oauth2_revoke(std::shared_ptr<oauth2_user_state> const& state, diagnostics* diag,
                         boost::asio::any_completion_handler<void(error_code)> handler);
}  // namespace detail

// OAuth 2.0 Authorization Code with PKCE (RFC 6749, RFC 7636), and a token store that refreshes the access token
// by itself: before it expires, and once after a 401. One refresh at a time, however many requests need it.
class oauth2_user_handler : public auth_handler {
public:
    using executor_type = boost::asio::any_io_executor;

    oauth2_user_handler(executor_type ex, oauth2_user_params params, client_config config = {});
    ~oauth2_user_handler() override;

    auth_scheme scheme() const noexcept override { return auth_scheme::user_bearer; }
    void async_authorize(request_to_sign const& req, authorize_handler handler) override;
    void async_recover(std::uint64_t generation, recover_handler handler) override;

    // Starts a flow: makes a state and an S256 code challenge from a fresh code_verifier, keeps them as the
    // session, and returns the URL to send the user to. No I/O.
    std::string get_authorization_url();
    pkce_session session() const;
    void restore_session(pkce_session session);

    // Finishes the flow with the URL the user was redirected to: checks it is our redirect URI and carries our
    // state, then exchanges the code for a token (POST /2/oauth2/token).
    template <boost::asio::completion_token_for<void(error_code, oauth2_token)> CompletionToken = default_token>
    auto async_fetch_token(std::string authorization_response_url, CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, oauth2_token)>(
            [](auto handler, diagnostics* diag, std::shared_ptr<detail::oauth2_user_state> const& state,
               std::string url) {
                detail::async_oauth2_fetch_token(state, std::move(url), diag, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), state_, std::move(authorization_response_url));
    }

    // Refreshes now, whatever the expiry (joining a refresh already under way).
    template <boost::asio::completion_token_for<void(error_code, oauth2_token)> CompletionToken = default_token>
    auto async_refresh_token(CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, oauth2_token)>(
            [](auto handler, diagnostics* diag, std::shared_ptr<detail::oauth2_user_state> const& state) {
                detail::async_oauth2_refresh(state, diag, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), state_);
    }

    // Revokes the refresh token (or the access token when there is none) at POST /2/oauth2/revoke, and forgets
    // the token.
    template <boost::asio::completion_token_for<void(error_code)> CompletionToken = default_token>
    auto async_revoke_token(CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code)>(
            [](auto handler, diagnostics* diag, std::shared_ptr<detail::oauth2_user_state> const& state) {
                detail::async_oauth2_revoke(state, diag, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), state_);
    }

    // A token saved earlier (say, by token_updater), to start from without a new authorization.
    void set_token(oauth2_token token);
    std::optional<oauth2_token> token() const;
    // True after a refresh was refused with invalid_grant: the user must authorize again.
    bool needs_reauthorization() const;

    friend std::ostream& operator<<(std::ostream& os, oauth2_user_handler const& h);

private:
    std::shared_ptr<detail::oauth2_user_state> state_;
};

}  // namespace twitter

#endif
