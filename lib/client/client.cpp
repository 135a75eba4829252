#include <twitter/client.hpp>

#include "client/client_impl.hpp"
#include "client/prepared_request.hpp"
#include "client/send.hpp"
#include "client/spawn.hpp"
#include "core/api_errors.hpp"
#include "core/json_validation.hpp"
#include "core/rate_limit_headers.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <ostream>

namespace twitter {
namespace detail {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;

client_impl::client_impl(asio::any_io_executor ex, client_config cfg, std::shared_ptr<auth_handler> app,
                         std::shared_ptr<auth_handler> user)
    : executor(std::move(ex)),
      strand(asio::make_strand(executor)),
      config(std::move(cfg)),
      app_auth(std::move(app)),
      user_auth(std::move(user)),
      tls(tls_context::make(config.tls, tls_error, &tls_diag)) {}

std::shared_ptr<client_impl> make_client_impl(asio::any_io_executor ex, client_config config) {
    return std::make_shared<client_impl>(std::move(ex), std::move(config));
}

connection_pool& client_impl::pool_for(origin const& where) {
    for (auto& pool : pools)
        if (pool->where() == where) return *pool;
    pools.push_back(std::make_unique<connection_pool>(strand, where, tls, config.pool, config.timeouts));
    return *pools.back();
}

namespace {

bool is_json(http::response const& res) {
    auto const type = res.find_header("content-type");
    return type && (type->starts_with("application/json") || type->find("+json") != std::string_view::npos);
}

// An auth handler's operation, awaited from the pipeline.
asio::awaitable<std::tuple<error_code, authorization>> authorize(auth_handler& auth, request_to_sign const& req) {
    auto token = asio::as_tuple(asio::use_awaitable);
    return asio::async_initiate<decltype(token), void(error_code, authorization)>(
        [&auth, &req](auto handler) { auth.async_authorize(req, std::move(handler)); }, token);
}

asio::awaitable<std::tuple<error_code>> recover(auth_handler& auth, std::uint64_t generation) {
    auto token = asio::as_tuple(asio::use_awaitable);
    return asio::async_initiate<decltype(token), void(error_code)>(
        [&auth, generation](auto handler) { auth.async_recover(generation, std::move(handler)); }, token);
}

// The handler a request's auth_mode selects, or null with the reason in `ec`.
auth_handler* select_auth(client_impl const& self, http::auth_mode mode, error_code& ec, diagnostics& diag) {
    auth_handler* chosen = nullptr;
    char const* missing = nullptr;
    switch (mode) {
        case http::auth_mode::none: return nullptr;
        case http::auth_mode::automatic:
            chosen = self.app_auth ? self.app_auth.get() : self.user_auth.get();
            missing = "this request needs credentials and the client has none";
            break;
        case http::auth_mode::user:
            chosen = self.user_auth.get();
            missing = "this endpoint needs user context (OAuth 1.0a or an OAuth 2.0 user token)";
            break;
        case http::auth_mode::bearer:
            chosen = self.app_auth ? self.app_auth.get()
                     : self.user_auth && self.user_auth->scheme() == auth_scheme::user_bearer ? self.user_auth.get()
                                                                                                : nullptr;
            missing = "this endpoint needs a bearer token (app-only or OAuth 2.0 user)";
            break;
    }
    if (!chosen) {
        ec = client_errc::missing_credential;
        diag.message = missing;
    }
    return chosen;
}

std::vector<http::header> make_headers(client_impl const& self, prepared_request const& prepared,
                                       http::request const& req, std::string authorization) {
    std::vector<http::header> headers;
    headers.reserve(6 + req.headers.size());
    headers.push_back({"Host", prepared.where.authority()});
    headers.push_back({"User-Agent", self.config.user_agent});
    headers.push_back({"Accept-Encoding", "gzip"});
    if (!authorization.empty()) headers.push_back({"Authorization", std::move(authorization)});
    if (!prepared.content_type.empty()) headers.push_back({"Content-Type", prepared.content_type});
    headers.insert(headers.end(), req.headers.begin(), req.headers.end());
    return headers;
}

asio::awaitable<bool> cancelled() {
    co_return (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
}

// Sends once on a pooled connection; a stale keep-alive connection earns an idempotent request one more try.
asio::awaitable<error_code> exchange(client_impl& self, prepared_request const& prepared,
                                     http::request const& req, std::string authorization, http::response& res,
                                     diagnostics& diag) {
    std::vector<http::header> const headers = make_headers(self, prepared, req, std::move(authorization));
    wire_request const wire{http::to_string(req.method), prepared.target, headers, prepared.body};
    connection_pool& pool = self.pool_for(prepared.where);
    clock::time_point const deadline = clock::now() + self.config.timeouts.request;

    for (int attempt = 0;; ++attempt) {
        connection_pool::lease lease;
        if (error_code ec = co_await pool.async_acquire(lease, deadline, &diag)) co_return ec;
        if (co_await cancelled()) {
            pool.release(std::move(lease.conn));
            co_return asio::error::operation_aborted;
        }
        bool response_started = false;
        error_code const ec = co_await lease.conn->async_exchange(
            wire, std::max(deadline - clock::now(), clock::duration::zero()), self.config.max_body_size, res,
            response_started, &diag);
        pool.release(std::move(lease.conn));
        // A keep-alive connection the server closed while it sat idle fails before any byte of a response.
        bool const stale = ec && ec != asio::error::operation_aborted && lease.reused && !response_started;
        if (stale && attempt == 0 && http::is_idempotent(req.method)) continue;
        co_return ec;
    }
}

// authorize -> send -> on a 401, let the handler recover once -> check status and body.
asio::awaitable<error_code> perform(client_impl& self, auth_handler* override_auth, bool use_override,
                                    http::request const& req, http::response& res, diagnostics& diag) {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_await asio::this_coro::reset_cancellation_state(asio::enable_total_cancellation());

    prepared_request prepared;
    if (error_code ec = prepare_request(req, self.config, prepared, &diag)) co_return ec;
    if (prepared.where.tls && !self.tls) {
        diag = self.tls_diag;
        co_return self.tls_error;
    }

    error_code ec;
    auth_handler* const auth = use_override ? override_auth : select_auth(self, req.auth, ec, diag);
    if (ec) co_return ec;
    std::span<param const> const form =
        req.kind == http::body_kind::form ? std::span<param const>(req.form) : std::span<param const>();
    request_to_sign const to_sign{http::to_string(req.method), prepared.url, prepared.query, form};

    for (bool recovered = false;; recovered = true) {
        authorization credentials;
        if (auth) {
            auto [aec, value] = co_await authorize(*auth, to_sign);
            if (aec) co_return aec;
            credentials = std::move(value);
        }
        if ((ec = co_await exchange(self, prepared, req, std::move(credentials.header), res, diag))) co_return ec;
        // A 401 may mean the credentials went stale in flight (an OAuth 2.0 token that expired or was
        // refreshed elsewhere): the handler gets one chance to renew them. A 403 never does.
        if (res.status != 401 || !auth || recovered) break;
        auto [rec] = co_await recover(*auth, credentials.generation);
        if (rec) break;
    }

    diag.http_status = res.status;
    if (error_code status_ec = error_for_status(res.status)) {
        diag.errors = core::parse_api_errors(res.body);
        diag.limits = core::parse_rate_limits(res.headers);
        co_return status_ec;
    }
    if (res.status >= 300) {
        diag.message = "redirects are not followed";
        co_return api_errc::unexpected_status;
    }
    if (is_json(res) && !core::is_valid_json(res.body)) {
        diag.message = "the response declares JSON but its body does not parse";
        co_return protocol_errc::malformed_json;
    }
    co_return error_code{};
}

asio::awaitable<std::tuple<error_code, http::response>> run(std::shared_ptr<client_impl> self,
                                                             std::shared_ptr<auth_handler> override_auth,
                                                             bool use_override, http::request req,
                                                             diagnostics* diag) {
    http::response res;
    diagnostics local;
    diagnostics& d = diag ? *diag : local;
    error_code const ec = co_await perform(*self, override_auth.get(), use_override, req, res, d);
    co_return std::tuple(ec, std::move(res));
}

void start(std::shared_ptr<client_impl> const& impl, std::shared_ptr<auth_handler> override_auth,
           bool use_override, http::request req, diagnostics* diag, request_handler handler) {
    if (diag) diag->clear();
    spawn_operation(impl->strand, impl->executor,
                    run(impl, std::move(override_auth), use_override, std::move(req), diag), std::move(handler));
}

}  // namespace

void async_request(std::shared_ptr<client_impl> const& impl, http::request req, diagnostics* diag,
                   request_handler handler) {
    start(impl, nullptr, false, std::move(req), diag, std::move(handler));
}

void async_request_with(std::shared_ptr<client_impl> const& impl, std::shared_ptr<auth_handler> auth,
                        http::request req, diagnostics* diag, request_handler handler) {
    start(impl, std::move(auth), true, std::move(req), diag, std::move(handler));
}

}  // namespace detail

namespace {

// A bearer-type handler serves app-context calls; anything else is user context.
bool serves_app_context(auth_handler const& auth) { return auth.scheme() == auth_scheme::app_bearer; }

}  // namespace

client::client(executor_type ex, client_config config)
    : impl_(std::make_shared<detail::client_impl>(std::move(ex), std::move(config))) {}

client::client(executor_type ex, std::string bearer_token, client_config config)
    : client(std::move(ex), std::make_shared<oauth2_bearer_handler>(std::move(bearer_token)), nullptr,
             std::move(config)) {}

client::client(executor_type ex, client_credentials credentials, client_config config) {
    std::shared_ptr<auth_handler> app;
    std::shared_ptr<auth_handler> user;
    if (!credentials.bearer_token.empty())
        app = std::make_shared<oauth2_bearer_handler>(std::move(credentials.bearer_token));
    if (!credentials.consumer_key.empty() || !credentials.access_token.empty())
        user = std::make_shared<oauth1_user_handler>(ex, std::move(credentials.consumer_key),
                                                     std::move(credentials.consumer_secret),
                                                     std::move(credentials.access_token),
                                                     std::move(credentials.access_token_secret), std::string(),
                                                     config);
    impl_ = std::make_shared<detail::client_impl>(std::move(ex), std::move(config), std::move(app), std::move(user));
}

client::client(executor_type ex, std::shared_ptr<auth_handler> auth, client_config config)
    : client(std::move(ex), auth && serves_app_context(*auth) ? auth : nullptr,
             auth && !serves_app_context(*auth) ? auth : nullptr, std::move(config)) {}

client::client(executor_type ex, std::shared_ptr<auth_handler> app_auth, std::shared_ptr<auth_handler> user_auth,
               client_config config)
    : impl_(std::make_shared<detail::client_impl>(std::move(ex), std::move(config), std::move(app_auth),
                                                  std::move(user_auth))) {}

std::ostream& operator<<(std::ostream& os, client_credentials const& c) {
    auto present = [](std::string const& s) { return s.empty() ? "<none>" : "<redacted>"; };
    return os << "client_credentials{bearer_token=" << present(c.bearer_token)
              << ", consumer_key=" << present(c.consumer_key) << ", consumer_secret=" << present(c.consumer_secret)
              << ", access_token=" << present(c.access_token)
              << ", access_token_secret=" << present(c.access_token_secret) << '}';
}

client::~client() = default;
client::client(client&&) noexcept = default;
client& client::operator=(client&&) noexcept = default;

client::executor_type client::get_executor() const noexcept { return impl_->executor; }
client_config const& client::config() const noexcept { return impl_->config; }

}  // namespace twitter
