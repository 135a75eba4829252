#include "example.hpp"

#include <twitter/exception.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <stdexcept>

namespace example {

namespace {
std::string env(char const* name) {
    char const* value = std::getenv(name);
    return value ? value : "";
}
}  // namespace

std::string require_env(char const* name) {
    std::string value = env(name);
    if (value.empty()) throw std::runtime_error(std::string("set ") + name + " first");
    return value;
}

twitter::client_config config_from_environment() {
    twitter::client_config config;
    if (std::string const emulator = env("TWITTER_EMULATOR_URL"); !emulator.empty()) {
        config.hosts = twitter::endpoints::at(emulator);
        config.tls.use_system_roots = false;
        config.tls.ca_file = require_env("TWITTER_EMULATOR_CA");
    }
    return config;
}

twitter::client client_from_environment(boost::asio::any_io_executor ex, twitter::client_config config) {
    return twitter::client(std::move(ex),
                           twitter::client_credentials{env("TWITTER_BEARER_TOKEN"), env("TWITTER_CONSUMER_KEY"),
                                                       env("TWITTER_CONSUMER_SECRET"), env("TWITTER_ACCESS_TOKEN"),
                                                       env("TWITTER_ACCESS_TOKEN_SECRET")},
                           std::move(config));
}

int run(std::function<boost::asio::awaitable<void>(boost::asio::any_io_executor)> body) {
    boost::asio::io_context io;
    int status = 0;
    boost::asio::co_spawn(io, body(io.get_executor()), [&](std::exception_ptr failure) {
        if (!failure) return;
        status = 1;
        try {
            std::rethrow_exception(failure);
        } catch (twitter::error const& e) {
            // The diagnostics print X's errors and the status; they never hold a credential.
            std::cerr << "error: " << e.what() << '\n' << e.diag() << '\n';
        } catch (std::exception const& e) {
            std::cerr << "error: " << e.what() << '\n';
        }
    });
    io.run();
    return status;
}

}  // namespace example
