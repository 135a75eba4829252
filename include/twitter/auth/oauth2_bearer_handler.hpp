#ifndef TWITTER_AUTH_OAUTH2_BEARER_HANDLER_HPP
#define TWITTER_AUTH_OAUTH2_BEARER_HANDLER_HPP

#include <twitter/auth/handler.hpp>

#include <iosfwd>
#include <string>

namespace twitter {

// Tweepy's OAuth2BearerHandler: a bearer token used as it is. By default it is taken to be app-only; pass
// auth_scheme::user_bearer for an OAuth 2.0 user access token that someone else refreshes, so that the client
// may also use it for user-context endpoints.
class oauth2_bearer_handler : public auth_handler {
public:
    explicit oauth2_bearer_handler(std::string bearer_token, auth_scheme scheme = auth_scheme::app_bearer);

    auth_scheme scheme() const noexcept override { return scheme_; }
    void async_authorize(request_to_sign const& req, authorize_handler handler) override;

    friend std::ostream& operator<<(std::ostream& os, oauth2_bearer_handler const&);

private:
    std::string header_;
    auth_scheme scheme_;
};

}  // namespace twitter

#endif
