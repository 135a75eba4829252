// `twitter-cli auth app|oauth1|oauth2`: obtains tokens and saves them to the profile.
//
// The interactive flows read the user's answer (a PIN or a redirect URL) with a blocking std::getline on the
// io_context's only thread. That is deliberate: the command has nothing else to do while it waits, no
// operation is in flight at that moment, and a blocking read keeps the flow as plain as the guide's input().
// A server would instead receive the redirect on its callback endpoint.

#include "commands.hpp"
#include "common.hpp"
#include "env_credentials.hpp"
#include "profile.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_app_handler.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>

#include <iostream>
#include <memory>
#include <sstream>

namespace asio = boost::asio;

namespace cli {

namespace {

std::vector<std::string> split_scope(std::string const& text) {
    std::vector<std::string> scope;
    std::istringstream words(text);
    for (std::string w; words >> w;) scope.push_back(w);
    return scope;
}

std::string profile_path(invocation const& inv) {
    return inv.global.profile.empty() ? profile::default_path() : inv.global.profile;
}

}  // namespace

int auth_app(invocation const& inv) {
    auto const env = env_credentials::from_environment();
    auto const& key = require(env.consumer_key, "TWITTER_CONSUMER_KEY");
    auto const& secret = require(env.consumer_secret, "TWITTER_CONSUMER_SECRET");
    auto store = profile::load(profile_path(inv));
    return run_command([&](asio::any_io_executor ex) -> asio::awaitable<int> {
        auto const config = make_client_config(inv.global);
        twitter::oauth2_app_handler app(ex, key, secret, config);
        // The handler fetches its bearer token on first use and has no getter for it; asking it to authorize
        // a request is the public way to make it fetch one and to read the header it would send.
        std::string const url = config.hosts.api + "/2/tweets";
        twitter::request_to_sign const probe{"GET", url, {}, {}};
        auto as_tuple = asio::as_tuple(asio::deferred);
        auto [ec, auth] = co_await asio::async_initiate<decltype(as_tuple),
                                                        void(twitter::error_code, twitter::authorization)>(
            [&](auto handler) { app.async_authorize(probe, std::move(handler)); }, as_tuple);
        if (ec) co_return report_failure("fetching the app-only bearer token", ec, {});
        constexpr std::string_view prefix = "Bearer ";
        if (!auth.header.starts_with(prefix)) {
            std::cerr << "twitter-cli: the app handler produced no bearer token\n";
            co_return exit_auth_error;
        }
        auto const token = auth.header.substr(prefix.size());
        store.set(keys::app_bearer_token, token);
        store.save();
        std::cerr << "saved an app-only bearer token (" << token.size() << " characters) to " << store.path()
                  << '\n';
        co_return exit_ok;
    });
}

int auth_oauth1(invocation const& inv) {
    auto const env = env_credentials::from_environment();
    auto const& key = require(env.consumer_key, "TWITTER_CONSUMER_KEY");
    auto const& secret = require(env.consumer_secret, "TWITTER_CONSUMER_SECRET");
    auto store = profile::load(profile_path(inv));
    return run_command([&](asio::any_io_executor ex) -> asio::awaitable<int> {
        twitter::oauth1_user_handler handler(ex, key, secret, "", "", inv.oauth1.callback,
                                             make_client_config(inv.global));
        std::string const url =
            co_await handler.async_get_authorization_url(inv.oauth1.signin, inv.oauth1.access_type);
        // The URL alone on the first line of stdout, so that a script can pick it up.
        std::cout << url << std::endl;

        std::string const answer = read_line(
            inv.oauth1.callback == "oob" ? "Open the URL above, authorize, and enter the PIN: "
                                         : "Open the URL above, authorize, and paste the URL you were "
                                           "redirected to: ");
        std::string verifier = answer;
        if (answer.find('?') != std::string::npos) {
            if (query_value(answer, "denied")) {
                std::cerr << "twitter-cli: the user denied the authorization\n";
                co_return exit_auth_error;
            }
            auto v = query_value(answer, "oauth_verifier");
            if (!v) throw usage_error("the redirect URL has no oauth_verifier");
            auto const token = query_value(answer, "oauth_token");
            if (token && *token != handler.request_token().token) {
                std::cerr << "twitter-cli: the redirect URL belongs to another authorization\n";
                co_return exit_auth_error;
            }
            verifier = *v;
        }
        if (verifier.empty()) throw usage_error("no PIN given");

        twitter::oauth1_token const access = co_await handler.async_get_access_token(verifier);
        store.set(keys::oauth1_access_token, access.token);
        store.set(keys::oauth1_access_token_secret, access.secret);
        store.set(keys::oauth1_user_id, access.user_id);
        store.set(keys::oauth1_screen_name, access.screen_name);
        store.save();
        std::cerr << "saved the OAuth 1.0a access token of @" << access.screen_name << " (user "
                  << access.user_id << ") to " << store.path() << '\n';
        co_return exit_ok;
    });
}

int auth_oauth2(invocation const& inv) {
    auto const env = env_credentials::from_environment();
    twitter::oauth2_user_params params;
    params.client_id = require(env.client_id, "TWITTER_CLIENT_ID");
    params.redirect_uri = require(env.redirect_uri, "TWITTER_REDIRECT_URI");
    params.client_secret = env.client_secret;
    params.scope = split_scope(inv.oauth2.scope);
    if (params.scope.empty()) throw usage_error("--scope is empty");
    auto store = profile::load(profile_path(inv));
    return run_command([&](asio::any_io_executor ex) -> asio::awaitable<int> {
        twitter::oauth2_user_handler handler(ex, params, make_client_config(inv.global));
        std::cout << handler.get_authorization_url() << std::endl;

        std::string const redirect =
            read_line("Open the URL above, authorize, and paste the URL you were redirected to: ");
        twitter::oauth2_token const token = co_await handler.async_fetch_token(redirect);
        store.set(keys::oauth2_token, token.serialize());
        store.save();
        std::cerr << "saved an OAuth 2.0 token (" << token << ") to " << store.path() << '\n';
        co_return exit_ok;
    });
}

}  // namespace cli
