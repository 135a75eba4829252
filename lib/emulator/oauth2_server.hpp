#ifndef TWITTER_LIB_EMULATOR_OAUTH2_SERVER_HPP
#define TWITTER_LIB_EMULATOR_OAUTH2_SERVER_HPP

// The OAuth 2.0 authorization server of X's "Authorization Code Flow with PKCE" (RFC 6749, RFC 7636,
// RFC 7009, RFC 9700): clients, authorization codes, access and refresh tokens with rotation. Pure: no
// sockets, and the time is a parameter, so tests move the clock instead of sleeping.

#include "emulator/auth.hpp"
#include "emulator/encoding.hpp"
#include "emulator/response.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

// RFC 7636 4.6: base64url(SHA-256(verifier)) without padding.
std::string s256_challenge(std::string_view verifier);

// RFC 7636 4.1: 43 to 128 characters of ALPHA DIGIT - . _ ~.
bool valid_code_verifier(std::string_view verifier);

class oauth2_server {
public:
    using clock = std::chrono::system_clock;

    oauth2_server(std::chrono::seconds access_token_lifetime, std::chrono::seconds code_lifetime,
                  auth_stats& stats)
        : access_token_lifetime_(access_token_lifetime), code_lifetime_(code_lifetime), stats_(stats) {}

    // An empty secret makes a public client.
    void add_client(std::string client_id, std::string client_secret, std::string redirect_uri);
    // Throws std::invalid_argument for an unknown client.
    void add_redirect_uri(std::string_view client_id, std::string uri);

    // GET /i/oauth2/authorize (RFC 6749 4.1.1): the user answers at once.
    api_response authorize(std::string_view query, approval const& who, clock::time_point now);
    // POST /2/oauth2/token: authorization_code (RFC 6749 4.1.3, RFC 7636 4.5) and refresh_token (RFC 6749 6).
    api_response token(std::string_view authorization, std::string_view content_type, std::string_view body,
                       clock::time_point now);
    // POST /2/oauth2/revoke (RFC 7009).
    api_response revoke(std::string_view authorization, std::string_view content_type, std::string_view body);

    // The user behind a live access token, or nullptr when it is unknown, expired or revoked.
    principal const* authenticate(std::string_view access_token, clock::time_point now) const;

private:
    struct client {
        std::string secret;
        std::vector<std::string> redirect_uris;
    };
    struct code_state {
        std::string client_id;
        std::string redirect_uri;
        std::string challenge;
        std::string method;
        std::string user_id;
        std::vector<std::string> scopes;
        clock::time_point expires;
        std::uint64_t grant = 0;
        bool used = false;
    };
    struct access_state {
        principal who;
        std::string client_id;
        clock::time_point expires;
        std::uint64_t grant = 0;
    };
    struct refresh_state {
        std::string client_id;
        std::string user_id;
        std::vector<std::string> scopes;
        std::uint64_t grant = 0;
    };

    // The form of a request to a token endpoint and the client that sent it; nullopt with `error` set when the
    // body is not a form or the client fails to authenticate.
    struct client_request {
        std::string client_id;
        param_list form;
    };
    std::optional<client_request> read_client_request(std::string_view authorization,
                                                      std::string_view content_type, std::string_view body,
                                                      api_response& error);
    // RFC 6749 2.3.1 and 3.2.1: a confidential client authenticates with Basic; a public one names itself.
    // Returns the client id, or empty with `error` set.
    std::string authenticate_client(std::string_view authorization, param_list const& form,
                                    api_response& error);
    api_response authorization_code(std::string const& client_id, param_list const& form,
                                    clock::time_point now);
    api_response refresh(std::string const& client_id, param_list const& form, clock::time_point now);
    api_response issue(std::string const& client_id, std::string const& user_id,
                       std::vector<std::string> scopes, std::uint64_t grant, clock::time_point now);
    api_response invalid_grant(std::string_view description);
    // Every token that came from one authorization (RFC 6749 4.1.2, RFC 7009 2.1).
    void revoke_grant(std::uint64_t grant);

    std::chrono::seconds access_token_lifetime_;
    std::chrono::seconds code_lifetime_;
    auth_stats& stats_;
    std::uint64_t last_grant_ = 0;
    std::map<std::string, client, std::less<>> clients_;
    std::map<std::string, code_state, std::less<>> codes_;
    std::map<std::string, access_state, std::less<>> access_tokens_;
    std::map<std::string, refresh_state, std::less<>> refresh_tokens_;
};

}  // namespace twitter::emulator::detail

#endif
