#ifndef TWITTER_EXAMPLES_COMMON_EXAMPLE_HPP
#define TWITTER_EXAMPLES_COMMON_EXAMPLE_HPP

// What every example shares: credentials and hosts from the environment, and a main that runs one coroutine
// and turns a typed error into a message and an exit status.
//
// Against the live API, set the credentials an example needs (TWITTER_BEARER_TOKEN, TWITTER_CONSUMER_KEY,
// TWITTER_CONSUMER_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET, TWITTER_USER_BEARER_TOKEN).
// Against an emulator, also set TWITTER_EMULATOR_URL and TWITTER_EMULATOR_CA: `twitter-emulator` writes all
// of them to an env file.

#include <twitter/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <string>

namespace example {

// The live X hosts, or the emulator's when TWITTER_EMULATOR_URL is set (trusting TWITTER_EMULATOR_CA).
twitter::client_config config_from_environment();

// The variable's value; throws std::runtime_error naming the variable (never a value) when it is unset.
std::string require_env(char const* name);

// A client with every credential the environment holds: the app bearer token for app-context calls, OAuth
// 1.0a user keys for user-context calls.
twitter::client client_from_environment(boost::asio::any_io_executor ex, twitter::client_config config);

// Runs `body` on an io_context and returns the process exit status: 0, or 1 after printing what failed
// (X's error messages included, never a credential).
int run(std::function<boost::asio::awaitable<void>(boost::asio::any_io_executor)> body);

}  // namespace example

#endif
