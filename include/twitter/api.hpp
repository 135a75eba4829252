#ifndef TWITTER_API_HPP
#define TWITTER_API_HPP

#include <twitter/client.hpp>

#include <memory>
#include <string_view>

namespace twitter {

// Tweepy's API(auth): the X API v1.1, authorized by one handler (OAuth 1.0a user, OAuth 2.0 app-only or bearer).
// Targets may be written as Tweepy writes endpoints, "account/verify_credentials", and become
// "/1.1/account/verify_credentials.json" on the API host; anything starting with '/' or a scheme is sent as is.
class api {
public:
    using executor_type = client::executor_type;

    api(executor_type ex, std::shared_ptr<auth_handler> auth, client_config config = {});

    executor_type get_executor() const noexcept { return client_.get_executor(); }

    template <boost::asio::completion_token_for<void(error_code, http::response)> CompletionToken = default_token>
    auto async_request(http::request req, CompletionToken&& token = {}) {
        req.target = v1_target(req.target);
        return client_.async_request(std::move(req), std::forward<CompletionToken>(token));
    }
    template <boost::asio::completion_token_for<void(error_code, http::response)> CompletionToken = default_token>
    auto async_request(http::request req, diagnostics& diag, CompletionToken&& token = {}) {
        req.target = v1_target(req.target);
        return client_.async_request(std::move(req), diag, std::forward<CompletionToken>(token));
    }

    // GET account/verify_credentials: the authenticating user, or a 401 when the credentials are not valid.
    template <boost::asio::completion_token_for<void(error_code, http::response)> CompletionToken = default_token>
    auto async_verify_credentials(CompletionToken&& token = {}) {
        http::request req;
        req.target = "account/verify_credentials";
        req.auth = http::auth_mode::user;
        return async_request(std::move(req), std::forward<CompletionToken>(token));
    }

    // The v1.1 form of a Tweepy-style endpoint name.
    static std::string v1_target(std::string_view endpoint);

private:
    client client_;
};

}  // namespace twitter

#endif
