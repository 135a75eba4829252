#include <twitter/auth/oauth2_bearer_handler.hpp>

#include <ostream>

namespace twitter {

oauth2_bearer_handler::oauth2_bearer_handler(std::string bearer_token, auth_scheme scheme)
    : header_(bearer_token.empty() ? std::string() : "Bearer " + std::move(bearer_token)), scheme_(scheme) {}

void oauth2_bearer_handler::async_authorize(request_to_sign const&, authorize_handler handler) {
    if (header_.empty())  // never send "Bearer " with nothing after it
        std::move(handler)(client_errc::missing_credential, authorization{});
    else
        std::move(handler)(error_code{}, authorization{header_, 0});
}

std::ostream& operator<<(std::ostream& os, oauth2_bearer_handler const& h) {
    return os << "oauth2_bearer_handler{bearer_token=" << (h.header_.empty() ? "<none>" : "<redacted>") << '}';
}

}  // namespace twitter
