#ifndef TWITTER_CLI_ENV_CREDENTIALS_HPP
#define TWITTER_CLI_ENV_CREDENTIALS_HPP

// Credentials from the environment (TWITTER_*), the way CI systems and twurl users hand them over. Values are
// never printed: messages name the variable only.

#include <string>

namespace cli {

struct env_credentials {
    std::string consumer_key;         // TWITTER_CONSUMER_KEY
    std::string consumer_secret;      // TWITTER_CONSUMER_SECRET
    std::string access_token;         // TWITTER_ACCESS_TOKEN
    std::string access_token_secret;  // TWITTER_ACCESS_TOKEN_SECRET
    std::string bearer_token;         // TWITTER_BEARER_TOKEN
    std::string client_id;            // TWITTER_CLIENT_ID
    std::string client_secret;        // TWITTER_CLIENT_SECRET, only for a confidential client
    std::string redirect_uri;         // TWITTER_REDIRECT_URI

    static env_credentials from_environment();
};

// The value, or a usage_error that names the variable to set.
std::string const& require(std::string const& value, char const* variable);

}  // namespace cli

#endif
