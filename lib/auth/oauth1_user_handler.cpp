#include <twitter/auth/oauth1_user_handler.hpp>

#include "auth/oauth1_token_response.hpp"
#include "client/send.hpp"
#include "client/spawn.hpp"
#include "core/oauth1.hpp"
#include "core/percent_encoding.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <mutex>
#include <ostream>

namespace twitter {
namespace detail {

namespace asio = boost::asio;

// Shared by the handler and its operations in flight. Credentials change during the 3-legged flow while
// requests may be signing on other strands, so they sit behind a mutex held only to copy them.
struct oauth1_state {
    asio::any_io_executor executor;
    client_config config;
    std::string consumer_key;
    std::string consumer_secret;
    std::string callback;

    mutable std::mutex mutex;
    oauth1_token request;
    oauth1_token access;
    std::shared_ptr<core::oauth1_signer const> signer;  // with the access token; null without one
    std::function<std::int64_t()> clock = core::system_unix_clock{};
    std::shared_ptr<client_impl> http;  // for the token endpoints, made on first use

    std::shared_ptr<client_impl> token_client() {
        std::lock_guard lock(mutex);
        if (!http) http = make_client_impl(executor, config);
        return http;
    }
    std::function<std::int64_t()> current_clock() const {
        std::lock_guard lock(mutex);
        return clock;
    }
};

namespace {

// Signs the token-endpoint requests of the flow: with the consumer key and, at the second step, the request
// token; with oauth_callback or oauth_verifier as RFC 5849 section 2 asks.
class flow_signer : public auth_handler {
public:
    flow_signer(core::oauth1_signer signer, std::string callback, std::string verifier,
                std::function<std::int64_t()> clock)
        : signer_(std::move(signer)),
          callback_(std::move(callback)),
          verifier_(std::move(verifier)),
          clock_(std::move(clock)) {}

    auth_scheme scheme() const noexcept override { return auth_scheme::oauth1_user; }
    void async_authorize(request_to_sign const& req, authorize_handler handler) override {
        auto header = signer_.authorization_header(req.method, req.url, req.query, req.form,
                                                   {callback_, verifier_}, clock_);
        if (!header)
            std::move(handler)(header.error(), authorization{});
        else
            std::move(handler)(error_code{}, authorization{std::move(*header), 0});
    }

private:
    core::oauth1_signer signer_;
    std::string callback_;
    std::string verifier_;
    std::function<std::int64_t()> clock_;
};

std::string api_url(client_config const& config, std::string_view path) {
    std::string base = config.hosts.api;
    while (base.ends_with('/')) base.pop_back();
    return base + std::string(path);
}

// POSTs to a token endpoint with `signer`, and reads the answer with `parse` into `token`.
asio::awaitable<error_code> post_for_token(std::shared_ptr<oauth1_state> state, std::shared_ptr<auth_handler> signer,
                                           http::request req,
                                           error_code (*parse)(std::string_view, oauth1_token&),
                                           oauth1_token& token, diagnostics* diag) {
    auto [ec, res] = co_await async_send(state->token_client(), std::move(signer), std::move(req), diag,
                                         asio::as_tuple(asio::use_awaitable));
    if (ec) co_return ec;
    co_return parse(res.body, token);
}

asio::awaitable<std::tuple<error_code, std::string>> authorization_url(std::shared_ptr<oauth1_state> state,
                                                                        bool signin, std::string access_type,
                                                                        diagnostics* diag) {
    if (access_type != "" && access_type != "read" && access_type != "write") {
        if (diag) diag->message = "access_type must be \"read\" or \"write\"";
        co_return std::tuple(error_code(client_errc::invalid_argument), std::string());
    }
    // X requires oauth_callback; "oob" is its word for the PIN-based flow.
    std::string const callback = state->callback.empty() ? "oob" : state->callback;
    auto signer = std::make_shared<flow_signer>(core::oauth1_signer(state->consumer_key, state->consumer_secret),
                                                callback, std::string(), state->current_clock());
    http::request req;
    req.method = http::verb::post;
    req.target = api_url(state->config, "/oauth/request_token");
    if (!access_type.empty()) req.query.push_back({"x_auth_access_type", access_type});

    oauth1_token request;
    error_code const ec =
        co_await post_for_token(state, std::move(signer), std::move(req), parse_request_token_response, request, diag);
    if (ec) co_return std::tuple(ec, std::string());

    std::string url = api_url(state->config, signin ? "/oauth/authenticate" : "/oauth/authorize");
    url += "?oauth_token=";
    url += core::percent_encode(request.token);
    {
        std::lock_guard lock(state->mutex);
        state->request = std::move(request);
    }
    co_return std::tuple(error_code{}, std::move(url));
}

asio::awaitable<std::tuple<error_code, oauth1_token>> access_token(std::shared_ptr<oauth1_state> state,
                                                                    std::string verifier, diagnostics* diag) {
    oauth1_token request;
    {
        std::lock_guard lock(state->mutex);
        request = state->request;
    }
    if (request.token.empty()) co_return std::tuple(error_code(auth_errc::no_request_token), oauth1_token{});
    if (verifier.empty()) {
        if (diag) diag->message = "the verifier (oauth_verifier, or the PIN) is empty";
        co_return std::tuple(error_code(client_errc::invalid_argument), oauth1_token{});
    }
    auto signer = std::make_shared<flow_signer>(
        core::oauth1_signer(state->consumer_key, state->consumer_secret, request.token, request.secret),
        std::string(), std::move(verifier), state->current_clock());
    http::request req;
    req.method = http::verb::post;
    req.target = api_url(state->config, "/oauth/access_token");

    oauth1_token access;
    error_code const ec =
        co_await post_for_token(state, std::move(signer), std::move(req), parse_access_token_response, access, diag);
    if (ec) co_return std::tuple(ec, oauth1_token{});
    {
        std::lock_guard lock(state->mutex);
        state->access = access;
        state->signer = std::make_shared<core::oauth1_signer const>(state->consumer_key, state->consumer_secret,
                                                                    access.token, access.secret);
        state->request = {};  // a request token is single-use
    }
    co_return std::tuple(error_code{}, std::move(access));
}

}  // namespace

void async_oauth1_authorization_url(std::shared_ptr<oauth1_state> const& state, bool signin_with_twitter,
                                    std::string access_type, diagnostics* diag,
                                    asio::any_completion_handler<void(error_code, std::string)> handler) {
    if (diag) diag->clear();
    spawn_operation(asio::make_strand(state->executor), state->executor,
                    authorization_url(state, signin_with_twitter, std::move(access_type), diag),
                    std::move(handler));
}

void async_oauth1_access_token(std::shared_ptr<oauth1_state> const& state, std::string verifier,
                               diagnostics* diag,
                               asio::any_completion_handler<void(error_code, oauth1_token)> handler) {
    if (diag) diag->clear();
    spawn_operation(asio::make_strand(state->executor), state->executor,
                    access_token(state, std::move(verifier), diag), std::move(handler));
}

}  // namespace detail

oauth1_user_handler::oauth1_user_handler(executor_type ex, std::string consumer_key, std::string consumer_secret,
                                         std::string access_token, std::string access_token_secret,
                                         std::string callback, client_config config)
    : state_(std::make_shared<detail::oauth1_state>()) {
    state_->executor = std::move(ex);
    state_->config = std::move(config);
    state_->consumer_key = std::move(consumer_key);
    state_->consumer_secret = std::move(consumer_secret);
    state_->callback = std::move(callback);
    if (!access_token.empty()) {
        state_->access = {std::move(access_token), std::move(access_token_secret), {}, {}};
        state_->signer = std::make_shared<core::oauth1_signer const>(
            state_->consumer_key, state_->consumer_secret, state_->access.token, state_->access.secret);
    }
}

oauth1_user_handler::~oauth1_user_handler() = default;

void oauth1_user_handler::async_authorize(request_to_sign const& req, authorize_handler handler) {
    std::shared_ptr<core::oauth1_signer const> signer;
    std::function<std::int64_t()> clock;
    {
        std::lock_guard lock(state_->mutex);
        signer = state_->signer;
        clock = state_->clock;
    }
    if (!signer || state_->consumer_key.empty() || state_->consumer_secret.empty()) {
        std::move(handler)(client_errc::missing_credential, authorization{});
        return;
    }
    auto header = signer->authorization_header(req.method, req.url, req.query, req.form, {}, clock);
    if (!header)
        std::move(handler)(header.error(), authorization{});
    else
        std::move(handler)(error_code{}, authorization{std::move(*header), 0});
}

oauth1_token oauth1_user_handler::request_token() const {
    std::lock_guard lock(state_->mutex);
    return state_->request;
}

void oauth1_user_handler::set_request_token(oauth1_token token) {
    std::lock_guard lock(state_->mutex);
    state_->request = std::move(token);
}

oauth1_token oauth1_user_handler::access_token() const {
    std::lock_guard lock(state_->mutex);
    return state_->access;
}

void oauth1_user_handler::set_access_token(std::string key, std::string secret) {
    std::lock_guard lock(state_->mutex);
    state_->access = {std::move(key), std::move(secret), {}, {}};
    state_->signer = std::make_shared<core::oauth1_signer const>(state_->consumer_key, state_->consumer_secret,
                                                                 state_->access.token, state_->access.secret);
}

void oauth1_user_handler::set_clock(std::function<std::int64_t()> unix_now) {
    std::lock_guard lock(state_->mutex);
    state_->clock = std::move(unix_now);
}

std::ostream& operator<<(std::ostream& os, oauth1_token const& t) {
    os << "oauth1_token{token=" << (t.token.empty() ? "<none>" : "<redacted>")
       << ", secret=" << (t.secret.empty() ? "<none>" : "<redacted>");
    if (!t.user_id.empty()) os << ", user_id=" << t.user_id;
    if (!t.screen_name.empty()) os << ", screen_name=" << t.screen_name;
    return os << '}';
}

std::ostream& operator<<(std::ostream& os, oauth1_user_handler const& h) {
    std::lock_guard lock(h.state_->mutex);
    return os << "oauth1_user_handler{consumer_key=<redacted>, access_token="
              << (h.state_->access.token.empty() ? "<none>" : "<redacted>")
              << ", callback=" << (h.state_->callback.empty() ? "oob" : h.state_->callback) << '}';
}

}  // namespace twitter
