#include "arguments.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace cli {

char const* const usage_text =
    "usage: twitter-cli [global options] <command> [options]\n"
    "\n"
    "commands:\n"
    "  auth app                        fetch an app-only bearer token (consumer key and secret) into the "
    "profile\n"
    "  auth oauth1 [--callback URL|oob] [--signin] [--access-type read|write]\n"
    "                                  3-legged or PIN-based OAuth 1.0a: prints the authorization URL, reads "
    "the\n"
    "                                  PIN or the redirect URL from stdin, saves the access token\n"
    "  auth oauth2 [--scope \"S1 S2\"]   OAuth 2.0 with PKCE: prints the authorization URL, reads the "
    "redirect URL\n"
    "                                  from stdin, saves the token (refreshed by itself later)\n"
    "  request [-X METHOD] [--auth oauth1|oauth2|app|bearer|none] [-d key=value]... [--json BODY] [-i]\n"
    "          PATH?QUERY|URL          sends one request and prints the response body\n"
    "  demo                            runs every flow against an embedded emulator\n"
    "\n"
    "global options:\n"
    "  --base-url URL   send everything to one origin (an emulator, say) instead of X's hosts\n"
    "  --ca-file PEM    also trust the roots in this PEM file\n"
    "  --profile FILE   where tokens are kept (mode 0600; default $TWITTER_CLI_PROFILE or ~/.twitter-cli)\n"
    "  --timeout S      seconds allowed for connecting and for each request\n"
    "\n"
    "credentials come from the profile, else from TWITTER_CONSUMER_KEY, TWITTER_CONSUMER_SECRET,\n"
    "TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET, TWITTER_BEARER_TOKEN, TWITTER_CLIENT_ID,\n"
    "TWITTER_CLIENT_SECRET (confidential clients only) and TWITTER_REDIRECT_URI.\n"
    "\n"
    "exit codes: 0 success, 1 the API answered an error, 2 usage, 3 transport or protocol failure,\n"
    "            4 an authorization flow failed\n";

namespace {

// Walks argv, handing out options and their values.
class cursor {
public:
    cursor(int argc, char const* const* argv) : argc_(argc), argv_(argv) {}
    bool done() const { return i_ >= argc_; }
    std::string_view peek() const { return argv_[i_]; }
    std::string_view next() { return argv_[i_++]; }
    std::string value_of(std::string_view option) {
        if (done()) throw usage_error(std::string(option) + " needs a value");
        return std::string(next());
    }

private:
    int argc_;
    char const* const* argv_;
    int i_ = 1;
};

std::chrono::milliseconds parse_timeout(std::string const& text) {
    char* end = nullptr;
    errno = 0;
    double const seconds = std::strtod(text.c_str(), &end);
    if (errno != 0 || end == text.c_str() || *end != '\0' || !std::isfinite(seconds) || seconds <= 0 ||
        seconds > 24 * 3600) {
        throw usage_error("--timeout: not a number of seconds: " + text);
    }
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// Global options may come before or after the command, as with git and twurl.
bool take_global(cursor& c, global_options& g) {
    auto const arg = c.peek();
    if (arg == "--base-url") {
        c.next();
        g.base_url = c.value_of(arg);
    } else if (arg == "--ca-file") {
        c.next();
        g.ca_file = c.value_of(arg);
    } else if (arg == "--profile") {
        c.next();
        g.profile = c.value_of(arg);
    } else if (arg == "--timeout") {
        c.next();
        g.timeout = parse_timeout(c.value_of(arg));
    } else {
        return false;
    }
    return true;
}

twitter::param parse_pair(std::string const& text) {
    auto const eq = text.find('=');
    if (eq == std::string::npos || eq == 0) throw usage_error("-d expects key=value, got: " + text);
    return {text.substr(0, eq), text.substr(eq + 1)};
}

}  // namespace

invocation parse_arguments(int argc, char const* const* argv) {
    invocation inv;
    cursor c(argc, argv);
    std::vector<std::string> words;  // the command and, for request, the target

    while (!c.done()) {
        if (take_global(c, inv.global)) continue;
        auto const arg = c.next();
        if (arg == "-h" || arg == "--help") {
            inv.what = command::help;
            return inv;
        } else if (arg == "--callback") {
            inv.oauth1.callback = c.value_of(arg);
        } else if (arg == "--signin") {
            inv.oauth1.signin = true;
        } else if (arg == "--access-type") {
            inv.oauth1.access_type = c.value_of(arg);
            if (inv.oauth1.access_type != "read" && inv.oauth1.access_type != "write")
                throw usage_error("--access-type is read or write");
        } else if (arg == "--scope") {
            inv.oauth2.scope = c.value_of(arg);
        } else if (arg == "-X" || arg == "--method") {
            inv.request.method = c.value_of(arg);
        } else if (arg == "--auth") {
            inv.request.auth = c.value_of(arg);
        } else if (arg == "-d" || arg == "--data") {
            inv.request.data.push_back(parse_pair(c.value_of(arg)));
        } else if (arg == "--json") {
            inv.request.json = c.value_of(arg);
        } else if (arg == "-i" || arg == "--include") {
            inv.request.include_headers = true;
        } else if (arg.size() > 1 && arg.starts_with('-')) {
            throw usage_error("unknown option: " + std::string(arg));
        } else {
            words.emplace_back(arg);
        }
    }

    if (words.empty()) throw usage_error("no command given");
    auto const& cmd = words[0];
    std::size_t expected_words = 1;
    if (cmd == "auth") {
        if (words.size() < 2) throw usage_error("auth needs a flow: app, oauth1 or oauth2");
        expected_words = 2;
        if (words[1] == "app") {
            inv.what = command::auth_app;
        } else if (words[1] == "oauth1") {
            inv.what = command::auth_oauth1;
        } else if (words[1] == "oauth2") {
            inv.what = command::auth_oauth2;
        } else {
            throw usage_error("unknown auth flow: " + words[1]);
        }
    } else if (cmd == "request") {
        if (words.size() < 2) throw usage_error("request needs a path, e.g. /2/users/me");
        expected_words = 2;
        inv.what = command::request;
        inv.request.target = words[1];
        if (inv.request.json && !inv.request.data.empty())
            throw usage_error("--json and -d do not go together");
        auto const& a = inv.request.auth;
        if (!a.empty() && a != "oauth1" && a != "oauth2" && a != "app" && a != "bearer" && a != "none")
            throw usage_error("--auth is oauth1, oauth2, app, bearer or none");
    } else if (cmd == "demo") {
        inv.what = command::demo;
    } else if (cmd == "help") {
        inv.what = command::help;
    } else {
        throw usage_error("unknown command: " + cmd);
    }
    if (words.size() > expected_words) throw usage_error("unexpected argument: " + words[expected_words]);
    return inv;
}

}  // namespace cli
