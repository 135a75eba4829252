#include "common.hpp"

#include <twitter/error.hpp>
#include <twitter/exception.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace cli {

twitter::client_config make_client_config(global_options const& g) {
    twitter::client_config config;
    if (!g.base_url.empty()) {
        config.hosts = twitter::endpoints::at(g.base_url);
        // The CLI is also used against an emulator on plain http://127.0.0.1; the SDK still refuses
        // http:// to anything that is not loopback.
        config.allow_plaintext_loopback = true;
    }
    config.tls.ca_file = g.ca_file;
    if (g.timeout) {
        config.timeouts.connect = *g.timeout;
        config.timeouts.tls_handshake = *g.timeout;
        config.timeouts.request = *g.timeout;
    }
    return config;
}

namespace {

int exit_code_for(boost::system::error_code const& ec) {
    if (ec.category() == twitter::api_category()) return exit_api_error;
    if (ec.category() == twitter::auth_category()) return exit_auth_error;
    if (ec == twitter::client_errc::missing_credential || ec == twitter::client_errc::invalid_url ||
        ec == twitter::client_errc::invalid_argument || ec == twitter::client_errc::insecure_scheme_refused)
        return exit_usage;
    return exit_transport_error;
}

}  // namespace

int report_failure(std::string_view what, boost::system::error_code const& ec, std::string const& details) {
    std::cerr << "twitter-cli: " << what << ": " << ec.message() << " [" << ec.category().name() << ':'
              << ec.value() << "]\n";
    if (!details.empty()) std::cerr << details << '\n';
    return exit_code_for(ec);
}

int run_command(std::function<boost::asio::awaitable<int>(boost::asio::any_io_executor)> command) {
    boost::asio::io_context io;
    int code = exit_transport_error;
    boost::asio::co_spawn(io, command(io.get_executor()), [&](std::exception_ptr e, int result) {
        if (!e) {
            code = result;
            return;
        }
        try {
            std::rethrow_exception(e);
        } catch (twitter::error const& err) {
            std::ostringstream details;
            details << err.diag();
            code = report_failure("failed", err.code(), details.str());
        } catch (usage_error const& err) {
            std::cerr << "twitter-cli: " << err.what() << '\n';
            code = exit_usage;
        } catch (std::exception const& err) {
            std::cerr << "twitter-cli: " << err.what() << '\n';
            code = exit_transport_error;
        }
    });
    io.run();
    return code;
}

std::optional<std::string> query_value(std::string_view url, std::string_view name) {
    auto const q = url.find('?');
    if (q == std::string_view::npos) return std::nullopt;
    auto query = url.substr(q + 1);
    query = query.substr(0, query.find('#'));
    while (!query.empty()) {
        auto const amp = query.find('&');
        auto const pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        auto const eq = pair.find('=');
        if (pair.substr(0, eq) != name) continue;
        auto const raw = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        std::string value;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            auto const hex = [](char c) -> int {
                if (c >= '0' && c <= '9') return c - '0';
                if (c >= 'a' && c <= 'f') return c - 'a' + 10;
                if (c >= 'A' && c <= 'F') return c - 'A' + 10;
                return -1;
            };
            if (raw[i] == '%' && i + 2 < raw.size() && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                value += static_cast<char>(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                value += raw[i] == '+' ? ' ' : raw[i];
            }
        }
        return value;
    }
    return std::nullopt;
}

std::string read_line(char const* prompt) {
    // Prompts go to stderr so that stdout carries only what a script wants: the authorization URL.
    std::cerr << prompt << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) throw usage_error("no input on stdin");
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
    auto const start = line.find_first_not_of(" \t");
    return start == std::string::npos ? std::string() : line.substr(start);
}

}  // namespace cli
