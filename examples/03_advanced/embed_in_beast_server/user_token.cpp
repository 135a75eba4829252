#include "user_token.hpp"

#include "../../common/example.hpp"

#include <twitter/client.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/this_coro.hpp>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>

namespace example {

namespace asio = boost::asio;

namespace {

twitter::oauth2_user_params params_from_environment(std::shared_ptr<std::atomic<std::size_t>> received) {
    twitter::oauth2_user_params params;
    params.client_id = require_env("TWITTER_CLIENT_ID");
    params.redirect_uri = require_env("TWITTER_REDIRECT_URI");
    params.scope = {"tweet.read", "tweet.write", "users.read", "offline.access"};
    //[embedding_token_updater
    // Called with every new token before any request uses it. A real server would save it here: X's refresh
    // tokens are single-use. This one only counts them.
    params.token_updater = [received](twitter::oauth2_token const&) { ++*received; };
    //]
    return params;
}

}  // namespace

user_token::user_token(asio::any_io_executor ex, twitter::client_config config)
    : config_(config),
      handler_(std::make_shared<twitter::oauth2_user_handler>(
          std::move(ex), params_from_environment(tokens_received_), std::move(config))) {}

asio::awaitable<void> user_token::async_sign_in() {
    if (std::getenv("TWITTER_EMULATOR_URL") == nullptr) {
        twitter::oauth2_token token;
        token.access_token = require_env("TWITTER_USER_BEARER_TOKEN");
        handler_->set_token(std::move(token));
        co_return;
    }
    twitter::client browser(co_await asio::this_coro::executor, config_);
    twitter::http::request consent;
    consent.target = handler_->get_authorization_url();
    consent.auth = twitter::http::auth_mode::none;
    // The emulator approves at once and redirects to our redirect URI with the code. A redirect is an
    // unexpected status to the client, so as_tuple: the response still comes with it.
    auto [ec, redirect] = co_await browser.async_request(consent, asio::as_tuple(asio::deferred));
    auto const location = redirect.find_header("location");
    if (!location) throw std::runtime_error("the emulator did not redirect to the app: " + ec.message());
    co_await handler_->async_fetch_token(std::string(*location));
    co_await browser.async_shutdown(std::chrono::seconds(1));
    tokens_at_sign_in_ = *tokens_received_;
}

user_token_state user_token::state() const {
    user_token_state s;
    if (auto const token = handler_->token()) {
        s.has_refresh_token = !token->refresh_token.empty();
        if (token->expires_at.time_since_epoch().count() != 0)
            s.expires_in = std::chrono::duration_cast<std::chrono::seconds>(token->expires_at -
                                                                            std::chrono::system_clock::now());
    }
    s.refreshes = *tokens_received_ - tokens_at_sign_in_;
    s.needs_reauthorization = handler_->needs_reauthorization();
    return s;
}

}  // namespace example
