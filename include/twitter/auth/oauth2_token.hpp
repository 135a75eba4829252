#ifndef TWITTER_AUTH_OAUTH2_TOKEN_HPP
#define TWITTER_AUTH_OAUTH2_TOKEN_HPP

#include <chrono>
#include <iosfwd>
#include <string>

namespace twitter {

// An OAuth 2.0 user token as the token endpoint returned it (RFC 6749, section 5.1).
struct oauth2_token {
    std::string access_token;
    std::string refresh_token;  // empty unless offline.access was granted
    std::string token_type = "bearer";
    std::string scope;  // space-separated
    // When the access token stops working, from expires_in at receipt; the epoch when the server gave none.
    // System time, so that a saved token means the same thing after a restart.
    std::chrono::system_clock::time_point expires_at{};

    // A line of text for a profile file, and back. Holds the secrets: store it with care (mode 0600).
    std::string serialize() const;
    static bool deserialize(std::string_view text, oauth2_token& out);

    // Prints the scope and expiry, never the tokens.
    friend std::ostream& operator<<(std::ostream& os, oauth2_token const& t);
};

}  // namespace twitter

#endif
