#ifndef TWITTER_LIB_EMULATOR_SERVICE_HPP
#define TWITTER_LIB_EMULATOR_SERVICE_HPP

#include "emulator/auth.hpp"
#include "emulator/rate_limits.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace twitter::emulator::detail {

struct api_request {
    std::string_view method;
    std::string_view target;  // path and query, as received
    std::string_view authorization;
    std::string_view body;
};

struct api_response {
    unsigned status = 200;
    std::string body;  // JSON
    std::optional<rate_limit_state> limits;
    std::string_view access_level;  // x-access-level; empty when nobody was authenticated
    bool auth_rejected = false;     // 401 or 403 for credentials
    bool rate_limited = false;      // 429
};

// The emulated X API v2 without any I/O: routing, authentication, rate limits and the in-memory users and
// tweets. The server calls it under its lock; the unit tests call it directly.
class service {
public:
    using clock = rate_limiter::clock;

    service(std::size_t rate_limit_per_window, std::chrono::seconds rate_limit_window);

    api_response handle(api_request const& req, clock::time_point now);

    std::string const& app_bearer_token() const { return app_bearer_token_; }
    std::string const& default_user_id() const { return default_user_id_; }
    std::string const& default_user_token() const { return default_user_token_; }
    // Throws std::invalid_argument when `user_id` is not one of the seeded users.
    std::string issue_user_token(std::string const& user_id, std::vector<std::string> scopes);

private:
    struct user {
        std::string name;
        std::string username;
    };
    struct tweet {
        std::string text;
        std::string author_id;
    };
    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    template <class T>
    using string_map = std::unordered_map<std::string, T, string_hash, std::equal_to<>>;

    api_response get_tweet(std::string_view id) const;
    api_response get_tweets(std::string_view query) const;
    api_response get_me(principal const& who) const;
    api_response post_tweet(principal const& who, std::string_view body, clock::time_point now);
    std::string next_tweet_id(clock::time_point now);

    credential_store credentials_;
    rate_limiter limits_;
    string_map<user> users_;
    string_map<tweet> tweets_;
    std::uint64_t last_tweet_id_ = 0;
    std::string default_user_id_;
    std::string app_bearer_token_;
    std::string default_user_token_;
};

}  // namespace twitter::emulator::detail

#endif
