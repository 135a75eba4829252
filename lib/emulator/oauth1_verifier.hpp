#ifndef TWITTER_LIB_EMULATOR_OAUTH1_VERIFIER_HPP
#define TWITTER_LIB_EMULATOR_OAUTH1_VERIFIER_HPP

// OAuth 1.0a signature verification (RFC 5849), written from the RFC and independent of the SDK's signer.
// Pure: no sockets; the caller passes the request as received and the time.

#include "emulator/encoding.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

namespace twitter::emulator::detail {

// A request exactly as it arrived; every part of it may be signed.
struct received_request {
    std::string_view method;
    std::string_view scheme;  // "https" or "http": how the connection carried it
    std::string_view host;    // the Host header as received
    std::string_view target;  // path and query as received
    std::string_view content_type;
    std::string_view body;
    std::string_view authorization;
};

// True when the Authorization header uses the "OAuth" scheme.
bool is_oauth1(std::string_view authorization);

// The parameters of an "Authorization: OAuth" header (RFC 5849 3.5.1), decoded, realm included. Empty when
// the header is not OAuth, is malformed, or repeats a parameter (RFC 5849 3.1 forbids that).
std::optional<param_list> parse_oauth_header(std::string_view authorization);

// RFC 5849 3.4.1.2: lowercase scheme and host, the default port (80 for http, 443 for https) dropped.
std::string base_string_uri(std::string_view scheme, std::string_view host, std::string_view path);

// RFC 5849 3.4.1: method, base string URI, and the normalized parameters: the query, the body when it is
// application/x-www-form-urlencoded, and `header` without realm and oauth_signature. Empty when the query or
// the body cannot be decoded.
std::optional<std::string> signature_base_string(received_request const& req, param_list const& header);

// RFC 5849 3.4.2: base64(HMAC-SHA1(enc(consumer_secret) "&" enc(token_secret), base_string)).
std::string hmac_sha1_signature(std::string_view base_string, std::string_view consumer_secret,
                                std::string_view token_secret);

enum class oauth1_verdict {
    ok,
    malformed,            // a required parameter is missing or broken, or the method is not HMAC-SHA1
    unknown_credentials,  // the consumer key or token is not known (decided by the caller)
    bad_signature,        // the signature does not match what was received
    stale_timestamp,      // oauth_timestamp is outside the window around now
    replayed_nonce,       // this consumer already used this nonce with this timestamp
};

// Verifies signatures and keeps the nonces seen within the timestamp window (RFC 5849 3.3).
class oauth1_verifier {
public:
    using clock = std::chrono::system_clock;

    explicit oauth1_verifier(std::chrono::seconds timestamp_window) : window_(timestamp_window) {}

    // Checks, in order: the protocol parameters, the signature, the timestamp, then the nonce. A nonce is
    // remembered only once everything else holds, so forged requests cannot use up a client's nonces.
    oauth1_verdict verify(received_request const& req, param_list const& header,
                          std::string_view consumer_secret, std::string_view token_secret,
                          clock::time_point now);

private:
    std::chrono::seconds window_;
    // (timestamp, consumer key, nonce), oldest first so that expired entries are cheap to drop.
    std::set<std::tuple<std::int64_t, std::string, std::string>> seen_;
};

}  // namespace twitter::emulator::detail

#endif
