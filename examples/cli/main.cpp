// twitter-cli: a command-line client for the X API in the spirit of Twitter's twurl, and the walk-through of
// every authentication flow (`twitter-cli demo`).
// It teaches: how each flow of docs/authentication.md is driven from a program (authorization URL out, user's
// answer in, token saved), how tokens are stored safely, and how failures map to exit codes.
// It leaves out: typed models, pagination and streaming; a real app would receive the OAuth redirect on its
// own callback endpoint instead of asking for it on stdin.

#include "arguments.hpp"
#include "commands.hpp"
#include "common.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    try {
        auto const inv = cli::parse_arguments(argc, argv);
        switch (inv.what) {
            case cli::command::help:
                std::cout << cli::usage_text;
                return cli::exit_ok;
            case cli::command::auth_app:
                return cli::auth_app(inv);
            case cli::command::auth_oauth1:
                return cli::auth_oauth1(inv);
            case cli::command::auth_oauth2:
                return cli::auth_oauth2(inv);
            case cli::command::request:
                return cli::request(inv);
            case cli::command::demo:
                return cli::demo(inv);
        }
    } catch (cli::usage_error const& e) {
        std::cerr << "twitter-cli: " << e.what() << "\n\n" << cli::usage_text;
        return cli::exit_usage;
    } catch (std::exception const& e) {
        std::cerr << "twitter-cli: " << e.what() << '\n';
        return cli::exit_transport_error;
    }
    return cli::exit_usage;
}
