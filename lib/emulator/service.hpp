#ifndef TWITTER_LIB_EMULATOR_SERVICE_HPP
#define TWITTER_LIB_EMULATOR_SERVICE_HPP

#include <twitter/emulator/server.hpp>

#include "emulator/auth.hpp"
#include "emulator/media.hpp"
#include "emulator/oauth1_server.hpp"
#include "emulator/oauth2_server.hpp"
#include "emulator/rate_limits.hpp"
#include "emulator/response.hpp"
#include "emulator/router.hpp"
#include "emulator/stream_rules.hpp"
#include "emulator/streams.hpp"
#include "emulator/world.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

struct api_request {
    std::string_view method;
    std::string_view target;  // path and query, as received
    std::string_view authorization;
    std::string_view body;
    std::string_view scheme = "https";  // how the connection carried it: OAuth 1.0a signs it
    std::string_view host = {};         // the Host header as received: OAuth 1.0a signs it
    std::string_view content_type = {};
};

struct auth_params {
    std::chrono::seconds access_token_lifetime{7200};
    std::chrono::seconds authorization_code_lifetime{30};
    std::chrono::seconds timestamp_window{300};
};

// The parts of server_config that the service uses.
struct service_params {
    std::optional<std::size_t> rate_limit_per_window;  // see server_config
    std::map<std::string, std::size_t> family_limits;
    std::chrono::seconds rate_limit_window{15 * 60};
    auth_params auth;
    std::size_t synthetic_followers = 0;
    std::size_t media_processing_polls = 2;
    std::size_t max_stream_rules = 1000;
    stream_limits streams{};
};

// Each family's limit: X's documented ones unless `per_window` is set, then the overrides.
rate_limiter::limit_map effective_limits(std::optional<std::size_t> per_window,
                                         std::map<std::string, std::size_t> const& overrides);

// The emulated X API without any I/O: routing, authentication and the authorization endpoints, rate limits
// and the in-memory world. The server calls it under its lock; the unit tests call it directly.
class service {
public:
    using clock = rate_limiter::clock;

    explicit service(service_params params);
    // Every family gets `rate_limit_per_window` requests per window.
    service(std::size_t rate_limit_per_window, std::chrono::seconds rate_limit_window, auth_params auth = {});

    api_response handle(api_request const& req, clock::time_point now);

    std::string const& app_bearer_token() const { return app_bearer_token_; }
    std::string const& default_user_id() const { return default_user_id_; }
    std::string const& default_user_token() const { return default_user_token_; }
    // Throws std::invalid_argument when `user_id` is not one of the seeded users.
    std::string issue_user_token(std::string const& user_id, std::vector<std::string> scopes);

    oauth1_credentials const& oauth1() const { return oauth1_credentials_; }
    oauth2_client const& oauth2_public_client() const { return public_client_; }
    oauth2_client const& oauth2_confidential_client() const { return confidential_client_; }
    auth_stats const& auth_counters() const { return stats_; }

    void set_consent(bool approve) { consent_ = approve; }
    // Throws std::invalid_argument when `user_id` is not one of the seeded users.
    void set_authorizing_user(std::string const& user_id);
    void add_oauth1_callback(std::string url);
    // Throws std::invalid_argument for an unknown client.
    void add_redirect_uri(std::string_view client_id, std::string uri);

    // A tweet by `author_id` as if they had posted it, published to the open streams; its id. Throws
    // std::invalid_argument when the user is not known.
    std::string add_tweet(std::string const& author_id, std::string text, clock::time_point now);

    world& state() { return world_; }
    rule_set& rules() { return rules_; }
    stream_hub& streams() { return streams_; }
    media_store& media() { return media_; }

private:
    // Who a request speaks for, and why not when nobody.
    struct caller {
        principal const* who = nullptr;
        std::string credential;  // keys the rate limits; empty for the anonymous bucket
        bool oauth1 = false;     // the request was OAuth 1.0a signed
        oauth1_verdict verdict = oauth1_verdict::ok;
    };

    caller authenticate(api_request const& req, clock::time_point now);
    api_response authorization_endpoint(route_id id, api_request const& req, std::string_view query,
                                        clock::time_point now);
    // The refusal of a caller the route does not accept; status 200 when it is accepted.
    api_response refusal(route const& r, caller const& from, api_request const& req, bool v1);
    api_response app_only_token(api_request const& req);
    api_response invalidate_token(api_request const& req, std::string_view query);
    approval approver() const;
    bool known_user(std::string const& user_id) const;

    auth_stats stats_;  // first: the OAuth servers below count into it
    credential_store credentials_;
    oauth1_server oauth1_;
    oauth2_server oauth2_;
    rate_limiter limits_;
    rate_limiter daily_limits_;  // X's 24-hour limits of POST /2/tweets
    world world_;
    media_store media_;
    rule_set rules_;
    stream_hub streams_;  // after world_: it starts from the seeded tweets
    std::string default_user_id_;
    std::string app_bearer_token_;
    std::string default_user_token_;
    oauth1_credentials oauth1_credentials_;
    oauth2_client public_client_;
    oauth2_client confidential_client_;
    std::map<std::string, std::string, std::less<>> app_tokens_;  // consumer key -> its live bearer token
    bool consent_ = true;
    std::string authorizing_user_;
    mutable std::string authorizing_username_;  // what approver() hands out points into it
};

}  // namespace twitter::emulator::detail

#endif
