#include "client/pipeline.hpp"

#include "client/final_response.hpp"
#include "client/prepared_request.hpp"
#include "core/backoff.hpp"
#include "core/rate_limit_headers.hpp"
#include "core/retry.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace twitter::detail {

namespace asio = boost::asio;
using steady = std::chrono::steady_clock;

namespace {

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

}  // namespace

auth_handler* select_auth(client_impl const& self, http::auth_mode mode, error_code& ec, diagnostics& diag) {
    auto const oauth2_user = [&]() -> auth_handler* {
        return self.user_auth && self.user_auth->scheme() == auth_scheme::user_bearer ? self.user_auth.get()
                                                                                       : nullptr;
    };
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
            chosen = self.app_auth ? self.app_auth.get() : oauth2_user();
            missing = "this endpoint needs a bearer token (app-only or OAuth 2.0 user)";
            break;
        case http::auth_mode::user_bearer:
            chosen = oauth2_user();
            missing = "this endpoint needs an OAuth 2.0 user access token";
            break;
    }
    if (!chosen) {
        ec = client_errc::missing_credential;
        diag.message = missing;
    }
    return chosen;
}

std::vector<http::header> make_headers(client_impl const& self, prepared_request const& prepared,
                                       http::request const& req, std::string authorization, bool accept_gzip) {
    std::vector<http::header> headers;
    headers.reserve(6 + req.headers.size());
    headers.push_back({"Host", prepared.where.authority()});
    headers.push_back({"User-Agent", self.config.user_agent});
    if (accept_gzip) headers.push_back({"Accept-Encoding", "gzip"});
    if (!authorization.empty()) headers.push_back({"Authorization", std::move(authorization)});
    if (!prepared.content_type.empty()) headers.push_back({"Content-Type", prepared.content_type});
    headers.insert(headers.end(), req.headers.begin(), req.headers.end());
    return headers;
}

namespace {

asio::awaitable<bool> cancelled() {
    co_return (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
}

// Sends once on a pooled connection; a stale keep-alive connection earns an idempotent request one more try.
asio::awaitable<error_code> exchange(client_impl& self, prepared_request const& prepared,
                                     http::request const& req, std::string authorization, http::response& res,
                                     diagnostics& diag) {
    std::vector<http::header> const headers = make_headers(self, prepared, req, std::move(authorization), true);
    wire_request const wire{http::to_string(req.method), prepared.target, headers, prepared.body};
    connection_pool& pool = self.pool_for(prepared.where);
    steady::time_point const deadline = steady::now() + self.config.timeouts.request;

    for (int attempt = 0;; ++attempt) {
        connection_pool::lease lease;
        if (error_code ec = co_await pool.async_acquire(lease, deadline, &diag)) co_return ec;
        if (co_await cancelled()) {
            pool.release(std::move(lease.conn));
            co_return asio::error::operation_aborted;
        }
        bool response_started = false;
        error_code const ec = co_await lease.conn->async_exchange(
            wire, std::max(deadline - steady::now(), steady::duration::zero()), self.config.max_body_size, res,
            response_started, &diag);
        pool.release(std::move(lease.conn));
        // A keep-alive connection the server closed while it sat idle fails before any byte of a response.
        bool const stale = ec && ec != asio::error::operation_aborted && lease.reused && !response_started;
        if (stale && attempt == 0 && http::is_idempotent(req.method)) continue;
        co_return ec;
    }
}

}  // namespace

asio::awaitable<error_code> authorized_attempt(auth_handler* auth, prepared_request const& prepared,
                                               http::request const& req, http::response& res,
                                               send_function const& send) {
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
        if (error_code ec = co_await send(std::move(credentials.header))) co_return ec;
        // A 401 may mean the credentials went stale in flight (an OAuth 2.0 token that expired or was
        // refreshed elsewhere): the handler gets one chance to renew them. A 403 never does.
        if (res.status != 401 || !auth || recovered) co_return error_code{};
        auto [rec] = co_await recover(*auth, credentials.generation);
        if (rec) co_return error_code{};
    }
}

namespace {

rate_limits last_limits(client_impl const& self, std::string const& key) {
    std::lock_guard lock(self.limits_mutex);
    auto const it = self.limits_by_endpoint.find(key);
    return it == self.limits_by_endpoint.end() ? rate_limits{} : it->second;
}

}  // namespace

void record_limits(client_impl& self, std::string const& key, rate_limits const& limits) {
    if (limits.empty()) return;
    std::lock_guard lock(self.limits_mutex);
    self.limits_by_endpoint[key] = limits;
}

namespace {

// Replaces every "{me}" in the target with the id of the user the request speaks for.
asio::awaitable<error_code> substitute_me(client_impl& self, auth_handler* auth, http::request& req,
                                          diagnostics& diag) {
    constexpr std::string_view placeholder = "{me}";
    auto at = req.target.find(placeholder);
    if (at == std::string::npos) co_return error_code{};
    if (!auth) {
        diag.message = "\"{me}\" needs user credentials to know who \"me\" is";
        co_return client_errc::missing_credential;
    }
    std::string id;
    if (error_code ec = co_await resolve_me(self, *auth, id, diag)) co_return ec;
    for (; at != std::string::npos; at = req.target.find(placeholder, at + id.size()))
        req.target.replace(at, placeholder.size(), id);
    co_return error_code{};
}

}  // namespace

asio::awaitable<error_code> wait_on_clock(client_impl& self, std::chrono::milliseconds delay) {
    auto token = asio::as_tuple(asio::use_awaitable);
    auto [ec] = co_await asio::async_initiate<decltype(token), void(error_code)>(
        [&self, delay](auto handler) { self.clock->async_wait(self.strand, delay, std::move(handler)); }, token);
    co_return ec;
}

asio::awaitable<error_code> perform(client_impl& self, auth_handler* auth_override, bool use_override,
                                    http::request req, http::response& res, diagnostics& diag) {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_await asio::this_coro::reset_cancellation_state(asio::enable_total_cancellation());

    error_code ec;
    auth_handler* const auth = use_override ? auth_override : select_auth(self, req.auth, ec, diag);
    if (ec) co_return ec;
    if ((ec = co_await substitute_me(self, auth, req, diag))) co_return ec;

    prepared_request prepared;
    if ((ec = prepare_request(req, self.config, prepared, &diag))) co_return ec;
    if (prepared.where.tls && !self.tls) {
        diag = self.tls_diag;
        co_return self.tls_error;
    }
    std::string const key = core::endpoint_key(req.method, prepared.target.substr(0, prepared.target.find('?')));
    rate_limit_policy const& limits_policy = self.config.rate_limiting;

    unsigned retries = 0;
    unsigned rate_limit_waits = 0;
    rate_limits limits;  // of the last answer, parsed once for the client's table and for `diag`
    for (;;) {
        auto const before =
            core::before_sending(limits_policy, last_limits(self, key).window, self.clock->now(), core::jitter_sample());
        if (before.what == core::rate_limit_decision::action::wait)
            if ((ec = co_await wait_on_clock(self, before.delay))) co_return ec;

        res = {};
        diag.clear();
        ec = co_await authorized_attempt(auth, prepared, req, res, [&](std::string authorization) {
            return exchange(self, prepared, req, std::move(authorization), res, diag);
        });
        if (ec == asio::error::operation_aborted) co_return ec;
        if (!ec) {
            limits = core::parse_rate_limits(res.headers);
            record_limits(self, key, limits);
        }

        std::optional<std::chrono::milliseconds> delay;
        if (!ec && res.status == 429) {
            auto const window = core::parse_rate_limit(res.headers);
            std::optional<std::int64_t> reset;
            if (window) reset = window->reset;
            auto const after = core::after_too_many_requests(limits_policy, reset, self.clock->now(),
                                                             rate_limit_waits, core::jitter_sample());
            if (after.what == core::rate_limit_decision::action::wait) {
                ++rate_limit_waits;
                delay = after.delay;
            }
        } else if (ec || res.status >= 500) {
            delay = core::retry_delay(self.config.retry, req.method, ec, ec ? 0 : res.status, retries,
                                      core::jitter_sample());
            if (delay) ++retries;
        }
        if (!delay) break;
        if (error_code wec = co_await wait_on_clock(self, *delay)) co_return wec;
    }
    if (ec) co_return ec;

    co_return check_final_response(res, std::move(limits), diag);
}

}  // namespace twitter::detail
