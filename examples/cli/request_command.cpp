// `twitter-cli request`: one request with the chosen credentials; the body goes to stdout.
// The credentials of each --auth come from the profile first, then from the environment.

#include "commands.hpp"
#include "common.hpp"
#include "env_credentials.hpp"
#include "profile.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_app_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/client.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <sstream>

namespace asio = boost::asio;

namespace cli {

namespace {

struct credentials {
    std::shared_ptr<twitter::auth_handler> handler;  // null for --auth none
    twitter::http::auth_mode mode = twitter::http::auth_mode::none;
};

twitter::http::verb parse_verb(std::string method, bool has_body) {
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (method.empty()) return has_body ? twitter::http::verb::post : twitter::http::verb::get;
    if (method == "GET") return twitter::http::verb::get;
    if (method == "POST") return twitter::http::verb::post;
    if (method == "PUT") return twitter::http::verb::put;
    if (method == "DELETE") return twitter::http::verb::delete_;
    if (method == "PATCH") return twitter::http::verb::patch;
    throw usage_error("-X is GET, POST, PUT, DELETE or PATCH");
}

// The flow to use when --auth is not given: the most capable credentials available.
std::string default_auth(profile const& store, env_credentials const& env) {
    bool const have_consumer = !env.consumer_key.empty() && !env.consumer_secret.empty();
    if (store.get(keys::oauth2_token)) return "oauth2";
    if (have_consumer && (store.get(keys::oauth1_access_token) || !env.access_token.empty())) return "oauth1";
    if (store.get(keys::app_bearer_token) || !env.bearer_token.empty()) return "bearer";
    if (have_consumer) return "app";
    throw usage_error("no credentials: set TWITTER_* variables or run twitter-cli auth first");
}

credentials choose(std::string const& auth, profile const& store, env_credentials const& env,
                   twitter::client_config const& config, asio::any_io_executor ex) {
    using twitter::http::auth_mode;
    if (auth == "none") return {nullptr, auth_mode::none};
    if (auth == "oauth1") {
        auto const& key = require(env.consumer_key, "TWITTER_CONSUMER_KEY");
        auto const& secret = require(env.consumer_secret, "TWITTER_CONSUMER_SECRET");
        auto token = store.get(keys::oauth1_access_token);
        auto token_secret = store.get(keys::oauth1_access_token_secret);
        if (!token || !token_secret) {
            token = require(env.access_token, "TWITTER_ACCESS_TOKEN");
            token_secret = require(env.access_token_secret, "TWITTER_ACCESS_TOKEN_SECRET");
        }
        return {std::make_shared<twitter::oauth1_user_handler>(ex, key, secret, *token, *token_secret, "",
                                                               config),
                auth_mode::user};
    }
    if (auth == "oauth2") {
        auto const saved = store.get(keys::oauth2_token);
        if (!saved) {
            // No token of our own: a user access token handed over in the environment, used as it is.
            auto const& bearer = require(env.bearer_token, "TWITTER_BEARER_TOKEN");
            return {
                std::make_shared<twitter::oauth2_bearer_handler>(bearer, twitter::auth_scheme::user_bearer),
                auth_mode::user};
        }
        twitter::oauth2_token token;
        if (!twitter::oauth2_token::deserialize(*saved, token))
            throw usage_error(
                "the profile's OAuth 2.0 token is unreadable: run twitter-cli auth oauth2 again");
        twitter::oauth2_user_params params;
        params.client_id = require(env.client_id, "TWITTER_CLIENT_ID");
        params.client_secret = env.client_secret;
        params.redirect_uri = env.redirect_uri;
        // A refreshed token replaces the saved one before any request uses it: X's refresh tokens are
        // single-use, so losing the new one would lock the user out.
        params.token_updater = [path = store.path()](twitter::oauth2_token const& fresh) {
            auto updated = profile::load(path);
            updated.set(keys::oauth2_token, fresh.serialize());
            updated.save();
            std::cerr << "twitter-cli: the OAuth 2.0 token was refreshed and saved to " << path << '\n';
        };
        auto handler = std::make_shared<twitter::oauth2_user_handler>(ex, std::move(params), config);
        handler->set_token(std::move(token));
        return {handler, auth_mode::user};
    }
    if (auth == "app") {
        if (auto const bearer = store.get(keys::app_bearer_token))
            return {std::make_shared<twitter::oauth2_bearer_handler>(*bearer), auth_mode::bearer};
        auto const& key = require(env.consumer_key, "TWITTER_CONSUMER_KEY");
        auto const& secret = require(env.consumer_secret, "TWITTER_CONSUMER_SECRET");
        return {std::make_shared<twitter::oauth2_app_handler>(ex, key, secret, config), auth_mode::bearer};
    }
    // bearer
    auto const saved = store.get(keys::app_bearer_token);
    auto const& bearer = saved ? *saved : require(env.bearer_token, "TWITTER_BEARER_TOKEN");
    return {std::make_shared<twitter::oauth2_bearer_handler>(bearer), auth_mode::bearer};
}

void print_head(twitter::http::response const& res) {
    std::cout << "HTTP/1.1 " << res.status << "\n";
    for (auto const& h : res.headers) std::cout << h.name << ": " << h.value << "\n";
    std::cout << "\n";
}

}  // namespace

int request(invocation const& inv) {
    auto const env = env_credentials::from_environment();
    auto const store =
        profile::load(inv.global.profile.empty() ? profile::default_path() : inv.global.profile);
    auto const config = make_client_config(inv.global);
    auto const& opts = inv.request;
    std::string const auth = opts.auth.empty() ? default_auth(store, env) : opts.auth;

    twitter::http::request req;
    req.method = parse_verb(opts.method, opts.json.has_value() || !opts.data.empty());
    req.target = opts.target;
    if (opts.json) {
        req.kind = twitter::http::body_kind::json;
        req.body = *opts.json;
    } else if (!opts.data.empty()) {
        bool const in_query =
            req.method == twitter::http::verb::get || req.method == twitter::http::verb::delete_;
        if (in_query) {
            req.query = opts.data;
        } else {
            req.kind = twitter::http::body_kind::form;
            req.form = opts.data;
        }
    }

    return run_command([&](asio::any_io_executor ex) -> asio::awaitable<int> {
        auto chosen = choose(auth, store, env, config, ex);
        req.auth = chosen.mode;
        twitter::client client =
            chosen.handler ? twitter::client(ex, chosen.handler, config) : twitter::client(ex, config);
        twitter::diagnostics diag;
        auto [ec, res] = co_await client.async_request(req, diag, asio::as_tuple(asio::deferred));
        if (ec) {
            if (res.status != 0 && opts.include_headers) {
                print_head(res);
                std::cout << res.body << std::flush;
            }
            std::ostringstream details;
            details << diag;
            co_return report_failure(
                res.status != 0 ? "the API answered with an error" : "the request failed", ec, details.str());
        }
        if (opts.include_headers) print_head(res);
        std::cout << res.body;
        if (!res.body.empty() && res.body.back() != '\n') std::cout << '\n';
        std::cout << std::flush;
        co_return exit_ok;
    });
}

}  // namespace cli
