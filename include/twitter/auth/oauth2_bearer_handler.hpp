#ifndef TWITTER_AUTH_OAUTH2_BEARER_HANDLER_HPP
#define TWITTER_AUTH_OAUTH2_BEARER_HANDLER_HPP

#include <twitter/auth/handler.hpp>

#include <iosfwd>
#include <string>

namespace twitter {

// A bearer token used as it is: app-only, or an OAuth 2.0 user token that someone else refreshes.
class oauth2_bearer_handler : public auth_handler {
public:
    explicit oauth2_bearer_handler(std::string bearer_token);
    void async_authorize(request_to_sign const& req, authorize_handler handler) override;

    friend std::ostream& operator<<(std::ostream& os, oauth2_bearer_handler const&);

private:
    std::string header_;
};

}  // namespace twitter

#endif
