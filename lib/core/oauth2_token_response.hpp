#ifndef TWITTER_CORE_OAUTH2_TOKEN_RESPONSE_HPP
#define TWITTER_CORE_OAUTH2_TOKEN_RESPONSE_HPP

#include <twitter/auth/oauth2_token.hpp>
#include <twitter/error.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace twitter::core {

// A successful token response (RFC 6749, section 5.1), read without I/O.
struct token_response {
    oauth2_token token;
    std::optional<std::chrono::seconds> expires_in;  // absent when the server gave none
};

// Parses the JSON body. access_token and token_type are required (section 5.1), and token_type must be
// "bearer" (case-insensitive, RFC 6750). Anything else is auth_errc::malformed_token_response.
error_code parse_token_response(std::string_view body, token_response& out);

// The "error" member of an OAuth 2.0 error body (section 5.2), e.g. "invalid_grant"; empty if there is none.
std::string oauth_error_code(std::string_view body);

}  // namespace twitter::core

#endif
