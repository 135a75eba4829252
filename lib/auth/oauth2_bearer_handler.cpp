#include <twitter/auth/oauth2_bearer_handler.hpp>

#include <ostream>

namespace twitter {

oauth2_bearer_handler::oauth2_bearer_handler(std::string bearer_token)
    : header_("Bearer " + std::move(bearer_token)) {}

void oauth2_bearer_handler::async_authorize(request_to_sign const&, authorize_handler handler) {
    if (header_.size() == 7)  // "Bearer " and nothing after it: never send an empty credential
        std::move(handler)(client_errc::missing_credential, std::string());
    else
        std::move(handler)(error_code{}, header_);
}

std::ostream& operator<<(std::ostream& os, oauth2_bearer_handler const&) {
    return os << "oauth2_bearer_handler{bearer_token=<redacted>}";
}

}  // namespace twitter
