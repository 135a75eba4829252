#ifndef TWITTER_LIB_AUTH_OAUTH1_TOKEN_RESPONSE_HPP
#define TWITTER_LIB_AUTH_OAUTH1_TOKEN_RESPONSE_HPP

// The form-encoded answers of the OAuth 1.0a token endpoints (RFC 5849, section 2), read without I/O.

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/error.hpp>

#include <string_view>

namespace twitter::detail {

// POST oauth/request_token (section 2.1): a non-empty oauth_token, an oauth_token_secret, and
// oauth_callback_confirmed=true. auth_errc::malformed_token_response when the body is not a form or a token
// is missing, auth_errc::callback_not_confirmed without the confirmation (the server is not speaking 1.0a).
error_code parse_request_token_response(std::string_view body, oauth1_token& out);

// POST oauth/access_token (section 2.3): non-empty oauth_token and oauth_token_secret, and X's user_id and
// screen_name when present. auth_errc::malformed_token_response otherwise.
error_code parse_access_token_response(std::string_view body, oauth1_token& out);

}  // namespace twitter::detail

#endif
