#ifndef TWITTER_LIB_AUTH_AUTHORIZATION_RESPONSE_HPP
#define TWITTER_LIB_AUTH_AUTHORIZATION_RESPONSE_HPP

#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>

#include <string>
#include <string_view>

namespace twitter::detail {

// Reads the URL an authorization server redirected the user to (RFC 6749, section 4.1.2), without I/O.
// It must be our redirect URI (same scheme, host, port and path: RFC 9700, section 4.1.3), carry our state
// (compared in constant time: RFC 6749, section 10.12), and then either a code or an error.
// On success `code` holds the authorization code.
error_code read_authorization_response(std::string_view response_url, std::string_view redirect_uri,
                                       std::string_view expected_state, std::string& code, diagnostics* diag);

}  // namespace twitter::detail

#endif
