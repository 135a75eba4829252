#ifndef TWITTER_CLI_COMMANDS_HPP
#define TWITTER_CLI_COMMANDS_HPP

// The commands of twitter-cli. Each returns its exit code (see common.hpp).

#include "arguments.hpp"

namespace cli {

int auth_app(invocation const& inv);
int auth_oauth1(invocation const& inv);
int auth_oauth2(invocation const& inv);
int request(invocation const& inv);
int demo(invocation const& inv);

}  // namespace cli

#endif
