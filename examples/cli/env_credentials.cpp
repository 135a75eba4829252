#include "env_credentials.hpp"

#include "arguments.hpp"

#include <cstdlib>

namespace cli {

namespace {

std::string env(char const* name) {
    char const* v = std::getenv(name);
    return v != nullptr ? v : "";
}

}  // namespace

env_credentials env_credentials::from_environment() {
    env_credentials c;
    c.consumer_key = env("TWITTER_CONSUMER_KEY");
    c.consumer_secret = env("TWITTER_CONSUMER_SECRET");
    c.access_token = env("TWITTER_ACCESS_TOKEN");
    c.access_token_secret = env("TWITTER_ACCESS_TOKEN_SECRET");
    c.bearer_token = env("TWITTER_BEARER_TOKEN");
    c.client_id = env("TWITTER_CLIENT_ID");
    c.client_secret = env("TWITTER_CLIENT_SECRET");
    c.redirect_uri = env("TWITTER_REDIRECT_URI");
    return c;
}

std::string const& require(std::string const& value, char const* variable) {
    if (value.empty())
        throw usage_error(std::string("set ") + variable + " (or run the matching auth command)");
    return value;
}

}  // namespace cli
