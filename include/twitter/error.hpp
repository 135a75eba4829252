#ifndef TWITTER_ERROR_HPP
#define TWITTER_ERROR_HPP

// Error codes. Four families, each its own category, so that callers can test for a family:
//   transport_errc - the connection: DNS, TCP, TLS, timeouts
//   protocol_errc  - what came back could not be understood: truncated, oversized, not HTTP, not JSON
//   api_errc       - the API answered with an HTTP error status (Tweepy's exception classes)
//   client_errc    - the request was refused before anything was sent: bad URL, insecure scheme, no credential
//   auth_errc      - an authorization flow failed: state mismatch, denied consent, a refresh that cannot succeed

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace twitter {

using boost::system::error_code;

enum class transport_errc {
    connect_timeout = 1,
    tls_handshake_timeout,
    request_timeout,
    resolve_failed,
    connect_failed,
    certificate_untrusted,
    certificate_hostname_mismatch,
    certificate_expired,
    tls_handshake_failed,
    connection_closed,  // the peer closed the connection in the TLS handshake or before the whole response
    non_loopback_peer,  // an http:// (plaintext) host resolved to an address that is not loopback
    stream_stalled,     // a stream sent no byte, keep-alives included, for its stall timeout
};

enum class protocol_errc {
    malformed_response = 1,  // not valid HTTP/1.1
    truncated_body,          // the body ended before its announced length
    body_too_large,          // over client_config::max_body_size, before or after decompression
    bad_content_encoding,    // gzip that does not inflate, or an encoding we did not ask for
    malformed_json,
    line_too_long,  // a stream line grew past stream_config::max_line_size without ending
};

enum class api_errc {
    bad_request = 1,    // 400
    unauthorized,       // 401
    forbidden,          // 403
    not_found,          // 404
    too_many_requests,  // 429
    server_error,       // 5xx
    unexpected_status,  // any other status outside 2xx
};

enum class client_errc {
    invalid_url = 1,
    insecure_scheme_refused,  // http:// to a host that is not loopback, or without allow_plaintext_loopback
    missing_credential,
    invalid_argument,
    shutting_down,
};

enum class auth_errc {
    callback_not_confirmed = 1,  // oauth/request_token did not answer oauth_callback_confirmed=true
    malformed_token_response,    // a token endpoint's answer lacks what RFC 5849 or RFC 6749 requires
    no_request_token,            // the OAuth 1.0a access-token step ran before the request-token step
    no_authorization_session,    // a PKCE callback arrived with no session (state, verifier) to match it
    state_mismatch,              // the callback's state is missing or differs from ours (RFC 6749, 10.12)
    redirect_mismatch,           // the callback URL is not our redirect URI
    access_denied,               // the user declined (error=access_denied, or OAuth 1.0a "denied")
    authorization_failed,        // the callback carried another OAuth error
    missing_code,                // the callback carried neither a code nor an error
    no_token,                    // no access token yet: run the authorization flow first
    no_refresh_token,            // the token expired and there is no refresh token (ask for offline.access)
    reauthorization_required,    // the refresh token was refused (invalid_grant): the user must authorize again
};

boost::system::error_category const& transport_category() noexcept;
boost::system::error_category const& protocol_category() noexcept;
boost::system::error_category const& api_category() noexcept;
boost::system::error_category const& client_category() noexcept;
boost::system::error_category const& auth_category() noexcept;

inline error_code make_error_code(transport_errc e) noexcept { return {static_cast<int>(e), transport_category()}; }
inline error_code make_error_code(protocol_errc e) noexcept { return {static_cast<int>(e), protocol_category()}; }
inline error_code make_error_code(api_errc e) noexcept { return {static_cast<int>(e), api_category()}; }
inline error_code make_error_code(client_errc e) noexcept { return {static_cast<int>(e), client_category()}; }
inline error_code make_error_code(auth_errc e) noexcept { return {static_cast<int>(e), auth_category()}; }

// The api_errc for an HTTP status, or a default-constructed code for 1xx-3xx.
error_code error_for_status(unsigned status) noexcept;

// True for failures where retrying the same request later may succeed: timeouts, dropped connections,
// 429 and 5xx. False for anything the caller must change first.
bool is_transient(error_code const& ec) noexcept;

}  // namespace twitter

template <>
struct boost::system::is_error_code_enum<twitter::transport_errc> : std::true_type {};
template <>
struct boost::system::is_error_code_enum<twitter::protocol_errc> : std::true_type {};
template <>
struct boost::system::is_error_code_enum<twitter::api_errc> : std::true_type {};
template <>
struct boost::system::is_error_code_enum<twitter::client_errc> : std::true_type {};
template <>
struct boost::system::is_error_code_enum<twitter::auth_errc> : std::true_type {};

#endif
