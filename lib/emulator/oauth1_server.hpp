#ifndef TWITTER_LIB_EMULATOR_OAUTH1_SERVER_HPP
#define TWITTER_LIB_EMULATOR_OAUTH1_SERVER_HPP

// The OAuth 1.0a provider (RFC 5849 section 2, X's "3-legged OAuth" and "PIN-based OAuth"): consumers,
// request tokens, verifiers and access tokens, and the check of every signed request. Pure: no sockets.

#include "emulator/auth.hpp"
#include "emulator/oauth1_verifier.hpp"
#include "emulator/response.hpp"

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

class oauth1_server {
public:
    using clock = std::chrono::system_clock;

    oauth1_server(std::chrono::seconds timestamp_window, auth_stats& stats)
        : verifier_(timestamp_window), stats_(stats) {}

    void add_consumer(std::string key, std::string secret, std::string callback);
    // Registers one more callback URL. Throws std::invalid_argument for an unknown consumer.
    void add_callback(std::string_view consumer_key, std::string url);
    // The consumer's secret, or nullptr when the key is unknown.
    std::string const* consumer_secret(std::string_view key) const;
    void add_access_token(std::string token, std::string secret, std::string consumer_key,
                          std::string user_id, bool can_write);

    // POST /oauth/request_token, signed with the consumer secret only (RFC 5849 2.1).
    api_response request_token(received_request const& req, clock::time_point now);
    // GET /oauth/authorize and /oauth/authenticate: the user answers at once (RFC 5849 2.2).
    api_response authorize(std::string_view query, approval const& who);
    // POST /oauth/access_token, signed with the consumer and request token secrets (RFC 5849 2.3).
    api_response access_token(received_request const& req, clock::time_point now);

    // Verifies an API call signed with an access token.
    struct authentication {
        oauth1_verdict verdict = oauth1_verdict::ok;
        principal const* who = nullptr;  // set when the verdict is ok
        std::string_view token;          // the access token, which keys the rate limits
    };
    authentication authenticate(received_request const& req, clock::time_point now);

private:
    struct consumer {
        std::string secret;
        std::vector<std::string> callbacks;
    };
    struct request_token_state {
        std::string consumer_key;
        std::string secret;
        std::string callback;
        bool can_write = true;
        bool authorized = false;
        std::string verifier;
        std::string user_id;
        std::string screen_name;
    };
    struct access_token_state {
        std::string consumer_key;
        std::string secret;
        principal who;
    };

    // Runs the verifier and counts what it refused.
    oauth1_verdict verify(received_request const& req, param_list const& header,
                          std::string_view consumer_secret, std::string_view token_secret,
                          clock::time_point now);
    oauth1_verdict count(oauth1_verdict v);

    oauth1_verifier verifier_;
    auth_stats& stats_;
    std::map<std::string, consumer, std::less<>> consumers_;
    std::map<std::string, request_token_state, std::less<>> request_tokens_;
    std::map<std::string, access_token_state, std::less<>> access_tokens_;
};

// The 401 answer of /oauth/* and /1.1/* for a refused OAuth 1.0a signature, in API v1.1's shape.
api_response oauth1_v1_rejection(oauth1_verdict v);

}  // namespace twitter::emulator::detail

#endif
