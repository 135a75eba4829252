#ifndef TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_USER_TOKEN_HPP
#define TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_USER_TOKEN_HPP

// The user's OAuth 2.0 token, which POST /tweet posts with: an oauth2_user_handler that refreshes it by
// itself, and what /health may tell about it (never the token).

#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/client_config.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>

namespace example {

struct user_token_state {
    std::optional<std::chrono::seconds> expires_in;  // none when the server did not say
    bool has_refresh_token = false;
    std::size_t refreshes = 0;
    bool needs_reauthorization = false;
};

class user_token {
public:
    // Reads TWITTER_CLIENT_ID and TWITTER_REDIRECT_URI, which the app is registered with.
    user_token(boost::asio::any_io_executor ex, twitter::client_config config);

    // Against the emulator (TWITTER_EMULATOR_URL): the whole PKCE flow, the emulator's automatic consent
    // standing in for the user's browser, so the token comes with a refresh token. Against the live API:
    // TWITTER_USER_BEARER_TOKEN as it is, which serves until it expires, since there is nothing to refresh
    // it with.
    boost::asio::awaitable<void> async_sign_in();

    std::shared_ptr<twitter::oauth2_user_handler> const& handler() const noexcept { return handler_; }
    user_token_state state() const;

private:
    twitter::client_config config_;
    // Shared with the token_updater, which the handler calls from the SDK's threads.
    std::shared_ptr<std::atomic<std::size_t>> tokens_received_ =
        std::make_shared<std::atomic<std::size_t>>(0);
    std::size_t tokens_at_sign_in_ = 0;
    std::shared_ptr<twitter::oauth2_user_handler> handler_;
};

}  // namespace example

#endif
