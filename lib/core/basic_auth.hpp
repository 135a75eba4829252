#ifndef TWITTER_CORE_BASIC_AUTH_HPP
#define TWITTER_CORE_BASIC_AUTH_HPP

#include <string>
#include <string_view>

namespace twitter::core {

// The Authorization header value for client authentication with HTTP Basic, as X's app-only (bearer token)
// and confidential OAuth 2.0 clients use it: "Basic " base64(enc(id) ":" enc(secret)).
// RFC 6749 section 2.3.1: each part is application/x-www-form-urlencoded first (so a space becomes '+');
// RFC 7617 section 2: then base64 of the joined pair.
std::string basic_authorization(std::string_view client_id, std::string_view client_secret);

}  // namespace twitter::core

#endif
