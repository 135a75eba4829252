#ifndef TWITTER_CLI_ARGUMENTS_HPP
#define TWITTER_CLI_ARGUMENTS_HPP

// The command line of twitter-cli, parsed into plain structs. Parsing does no I/O and reads no environment,
// so every command sees the same, already validated, invocation.

#include <twitter/param.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

// A mistake on the command line or a missing setting: exit code 2, with the usage text.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct global_options {
    std::string base_url;  // empty: X's own hosts
    std::string ca_file;
    std::string profile;  // empty: $TWITTER_CLI_PROFILE, else ~/.twitter-cli
    std::optional<std::chrono::milliseconds> timeout;
};

struct oauth1_options {
    std::string callback = "oob";
    bool signin = false;
    std::string access_type;  // "", "read" or "write"
};

struct oauth2_options {
    std::string scope = "tweet.read users.read offline.access";
};

struct request_options {
    std::string method;  // empty: GET, or POST when there is a body
    std::string auth;    // empty: the best credentials available
    std::vector<twitter::param> data;
    std::optional<std::string> json;
    bool include_headers = false;
    std::string target;
};

enum class command { help, auth_app, auth_oauth1, auth_oauth2, request, demo };

struct invocation {
    global_options global;
    command what = command::help;
    oauth1_options oauth1;
    oauth2_options oauth2;
    request_options request;
};

// Throws usage_error.
invocation parse_arguments(int argc, char const* const* argv);

extern char const* const usage_text;

}  // namespace cli

#endif
