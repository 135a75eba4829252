#ifndef TWITTER_CLI_COMMON_HPP
#define TWITTER_CLI_COMMON_HPP

// What every command shares: exit codes, the client configuration the global options describe, the loop that
// runs a command's coroutine and turns its failure into an exit code, and small URL helpers.

#include "arguments.hpp"

#include <twitter/client_config.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cli {

enum exit_code : int {
    exit_ok = 0,
    exit_api_error = 1,        // the API answered with an error status
    exit_usage = 2,            // the command line or the settings are wrong
    exit_transport_error = 3,  // no usable answer: DNS, TCP, TLS, timeouts, malformed responses
    exit_auth_error = 4,       // an authorization flow failed: denied, state mismatch, no token, ...
};

twitter::client_config make_client_config(global_options const& g);

// Runs `command` on a fresh io_context until it finishes and returns its exit code. Exceptions become exit
// codes and a message on stderr (with the X error details for a twitter::error).
int run_command(std::function<boost::asio::awaitable<int>(boost::asio::any_io_executor)> command);

// The exit code and a message on stderr for a failure reported as an error_code.
int report_failure(std::string_view what, boost::system::error_code const& ec, std::string const& details);

// The decoded value of `name` in the query of `url`, if present.
std::optional<std::string> query_value(std::string_view url, std::string_view name);

// One line from stdin, without its line ending. Throws usage_error at end of input.
std::string read_line(char const* prompt);

}  // namespace cli

#endif
