#ifndef TWITTER_LIB_EMULATOR_AUTH_HPP
#define TWITTER_LIB_EMULATOR_AUTH_HPP

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace twitter::emulator::detail {

// Who a request speaks for, once its credentials are accepted.
struct principal {
    enum class kind { app, user };
    kind what = kind::app;
    std::string user_id;              // empty for app-only
    std::vector<std::string> scopes;  // OAuth 2.0 user scopes; empty for app-only and OAuth 1.0a
    // OAuth 1.0a user context has no scopes: the token's access level (read or read-write) decides.
    bool oauth1 = false;
    bool can_write = false;
};

// What an endpoint accepts.
struct auth_requirement {
    bool user_context = false;             // app-only bearer tokens are refused with 403
    std::vector<std::string_view> scopes;  // an OAuth 2.0 user token must hold all of them
    bool write = false;                    // an OAuth 1.0a token must be read-write
};

enum class auth_outcome {
    ok,
    unauthorized,      // 401: no credentials, or credentials we do not know
    app_only_refused,  // 403: app-only bearer on a user-context endpoint
    missing_scope,     // 403: user token without a required scope
    oauth1_read_only,  // 403: read-only OAuth 1.0a token on an endpoint that writes
};

// A random token: `bytes` from RAND_bytes, base64url without padding.
std::string random_token(std::size_t bytes = 32);

// The bearer tokens the emulator has issued.
class credential_store {
public:
    std::string add_app_token();
    std::string add_user_token(std::string user_id, std::vector<std::string> scopes);
    // Forgets a token; false when it was not there.
    bool remove(std::string_view token);

    // The principal behind an Authorization header value, or nullptr when it is missing or unknown.
    principal const* authenticate(std::string_view authorization) const;

private:
    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, principal, string_hash, std::equal_to<>> bearer_tokens_;
};

auth_outcome check(principal const* who, auth_requirement const& need);

}  // namespace twitter::emulator::detail

#endif
