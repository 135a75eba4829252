#ifndef TWITTER_AUTH_OAUTH2_APP_HANDLER_HPP
#define TWITTER_AUTH_OAUTH2_APP_HANDLER_HPP

#include <twitter/auth/handler.hpp>
#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>

#include <iosfwd>
#include <memory>
#include <string>

namespace twitter {

namespace detail {
struct oauth2_app_state;
void async_oauth2_app_invalidate(std::shared_ptr<oauth2_app_state> const& state, diagnostics* diag,
                                 boost::asio::any_completion_handler<void(error_code)> handler);
}  // namespace detail

// Tweepy's OAuth2AppHandler: app-only authentication from the consumer key and secret. The bearer token is
// fetched (POST oauth2/token, HTTP Basic, grant_type=client_credentials) on first use, once, however many
// requests start together, and kept until it is invalidated or refused.
class oauth2_app_handler : public auth_handler {
public:
    using executor_type = boost::asio::any_io_executor;

    oauth2_app_handler(executor_type ex, std::string consumer_key, std::string consumer_secret,
                       client_config config = {});
    ~oauth2_app_handler() override;

    auth_scheme scheme() const noexcept override { return auth_scheme::app_bearer; }
    void async_authorize(request_to_sign const& req, authorize_handler handler) override;
    // A 401 means the bearer token was invalidated: fetch a new one, once.
    void async_recover(std::uint64_t generation, recover_handler handler) override;

    // Invalidates the current bearer token (POST oauth2/invalidate_token); the next request fetches a new one.
    template <boost::asio::completion_token_for<void(error_code)> CompletionToken = default_token>
    auto async_invalidate_token(CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code)>(
            [](auto handler, diagnostics* diag, std::shared_ptr<detail::oauth2_app_state> const& state) {
                detail::async_oauth2_app_invalidate(state, diag, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), state_);
    }

    friend std::ostream& operator<<(std::ostream& os, oauth2_app_handler const& h);

private:
    std::shared_ptr<detail::oauth2_app_state> state_;
};

using app_auth_handler [[deprecated("renamed oauth2_app_handler, as in Tweepy 4.5")]] = oauth2_app_handler;

}  // namespace twitter

#endif
