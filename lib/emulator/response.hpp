#ifndef TWITTER_LIB_EMULATOR_RESPONSE_HPP
#define TWITTER_LIB_EMULATOR_RESPONSE_HPP

#include "emulator/rate_limits.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitter::emulator::detail {

struct stream_request;  // streams.hpp

inline constexpr std::string_view json_content_type = "application/json; charset=utf-8";
inline constexpr std::string_view html_content_type = "text/html; charset=utf-8";

// One answer of the emulated API, before the server frames it.
struct api_response {
    unsigned status = 200;
    std::string body;
    std::optional<rate_limit_state> limits;
    std::string_view access_level;  // x-access-level; empty when nobody was authenticated
    std::string_view content_type = json_content_type;
    std::string location;        // the Location of a redirect
    bool auth_rejected = false;  // 401 or 403 for credentials
    bool rate_limited = false;   // 429
    // More headers, after the usual ones (a header named here replaces the usual one of that name).
    std::vector<std::pair<std::string, std::string>> headers;
    // Send `headers` and the framing only, none of the usual headers: a recorded answer being replayed.
    bool verbatim = false;
    // Set by a stream endpoint that accepted the request: the server keeps the response open and streams.
    std::shared_ptr<stream_request const> stream;
};

// An error in API v1.1's shape: {"errors":[{"code":..,"message":".."}]}.
inline api_response v1_error(unsigned status, int code, std::string_view message) {
    api_response r;
    r.status = status;
    r.body = R"({"errors":[{"code":)" + std::to_string(code) + R"(,"message":")" + std::string(message) +
             R"("}]})";
    return r;
}

// What the authorization endpoints did, for the server's counters.
struct auth_stats {
    std::uint64_t bearer_grants = 0;              // POST /oauth2/token answered with a bearer token
    std::uint64_t request_tokens = 0;             // POST /oauth/request_token succeeded
    std::uint64_t oauth1_access_grants = 0;       // POST /oauth/access_token succeeded
    std::uint64_t authorization_code_grants = 0;  // POST /2/oauth2/token, grant_type=authorization_code
    std::uint64_t refresh_grants = 0;             // POST /2/oauth2/token, grant_type=refresh_token
    std::uint64_t revocations = 0;                // POST /2/oauth2/revoke
    std::uint64_t invalidations = 0;              // POST /oauth2/invalidate_token that removed a token
    std::uint64_t rejected_signatures = 0;  // OAuth 1.0a: malformed, unknown key or token, bad signature
    std::uint64_t replayed_nonces = 0;
    std::uint64_t stale_timestamps = 0;
    std::uint64_t invalid_grants = 0;  // answered invalid_grant (PKCE failures included)
    std::uint64_t pkce_failures = 0;   // a code_verifier that does not match its challenge
    std::uint64_t scope_denials = 0;   // 403 for a missing scope or a read-only OAuth 1.0a token
};

// Who approves an authorization request: the emulator plays the user and answers at once.
struct approval {
    bool approve = true;
    std::string_view user_id;
    std::string_view screen_name;
};

}  // namespace twitter::emulator::detail

#endif
