#include <twitter/client.hpp>

#include "client/client_impl.hpp"
#include "client/prepared_request.hpp"
#include "core/api_errors.hpp"
#include "core/json_validation.hpp"
#include "core/rate_limit_headers.hpp"

#include <twitter/auth/oauth2_bearer_handler.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace twitter {
namespace detail {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;

client_impl::client_impl(asio::any_io_executor ex, std::shared_ptr<auth_handler> auth_handler,
                         client_config cfg)
    : executor(std::move(ex)),
      strand(asio::make_strand(executor)),
      config(std::move(cfg)),
      auth(std::move(auth_handler)),
      tls(tls_context::make(config.tls, tls_error, &tls_diag)) {}

connection_pool& client_impl::pool_for(origin const& where) {
    for (auto& pool : pools)
        if (pool->where() == where) return *pool;
    pools.push_back(std::make_unique<connection_pool>(strand, where, tls, config.pool, config.timeouts));
    return *pools.back();
}

namespace {

struct outcome {
    error_code ec;
    http::response res;
};

bool is_json(http::response const& res) {
    auto const type = res.find_header("content-type");
    return type && (type->starts_with("application/json") || type->find("+json") != std::string_view::npos);
}

// An auth handler's operation, awaited from the pipeline.
asio::awaitable<std::tuple<error_code, std::string>> authorize(auth_handler& auth, request_to_sign const& req) {
    auto token = asio::as_tuple(asio::use_awaitable);
    return asio::async_initiate<decltype(token), void(error_code, std::string)>(
        [&auth, &req](auto handler) { auth.async_authorize(req, std::move(handler)); }, token);
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

// The pipeline reports failures as codes; only allocation, or an auth handler that breaks its contract, throws.
error_code exception_to_error(std::exception_ptr const& ex) {
    try {
        std::rethrow_exception(ex);
    } catch (boost::system::system_error const& e) {
        return e.code();
    } catch (std::bad_alloc const&) {
        return asio::error::no_memory;
    } catch (...) {
        return client_errc::invalid_argument;
    }
}

asio::awaitable<bool> cancelled() {
    co_return (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
}

// authorize -> send (on a pooled connection) -> check status and body.
asio::awaitable<error_code> perform(client_impl& self, http::request const& req, http::response& res,
                                    diagnostics& diag) {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_await asio::this_coro::reset_cancellation_state(asio::enable_total_cancellation());

    prepared_request prepared;
    if (error_code ec = prepare_request(req, self.config, prepared, &diag)) co_return ec;
    if (prepared.where.tls && !self.tls) {
        diag = self.tls_diag;
        co_return self.tls_error;
    }

    std::string authorization;
    if (req.authenticate) {
        if (!self.auth) {
            diag.message = "this request needs credentials and the client has none";
            co_return client_errc::missing_credential;
        }
        std::span<param const> const form =
            req.kind == http::body_kind::form ? std::span<param const>(req.form) : std::span<param const>();
        request_to_sign const to_sign{http::to_string(req.method), prepared.url, prepared.query, form};
        auto [aec, value] = co_await authorize(*self.auth, to_sign);
        if (aec) co_return aec;
        authorization = std::move(value);
    }

    std::vector<http::header> const headers = make_headers(self, prepared, req, std::move(authorization));
    wire_request const wire{http::to_string(req.method), prepared.target, headers, prepared.body};
    connection_pool& pool = self.pool_for(prepared.where);
    clock::time_point const deadline = clock::now() + self.config.timeouts.request;

    error_code ec;
    for (int attempt = 0;; ++attempt) {
        connection_pool::lease lease;
        ec = co_await pool.async_acquire(lease, deadline, &diag);
        if (ec) co_return ec;
        if (co_await cancelled()) {
            pool.release(std::move(lease.conn));
            co_return asio::error::operation_aborted;
        }
        bool response_started = false;
        ec = co_await lease.conn->async_exchange(wire, std::max(deadline - clock::now(), clock::duration::zero()),
                                                 self.config.max_body_size, res, response_started, &diag);
        pool.release(std::move(lease.conn));
        // A keep-alive connection the server closed while it sat idle fails before any byte of a response:
        // an idempotent request goes once more, on a fresh connection.
        bool const stale = ec && ec != asio::error::operation_aborted && lease.reused && !response_started;
        if (stale && attempt == 0 && http::is_idempotent(req.method)) continue;
        break;
    }
    if (ec) co_return ec;

    diag.http_status = res.status;
    if (error_code status_ec = error_for_status(res.status)) {
        diag.errors = core::parse_api_errors(res.body);
        diag.limits = core::parse_rate_limit(res.headers);
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

asio::awaitable<outcome> run(std::shared_ptr<client_impl> self, http::request req, diagnostics* diag) {
    outcome out;
    diagnostics local;
    diagnostics& d = diag ? *diag : local;
    out.ec = co_await perform(*self, req, out.res, d);
    co_return out;
}

}  // namespace

void async_request(std::shared_ptr<client_impl> const& impl, http::request req, diagnostics* diag,
                   request_handler handler) {
    if (diag) diag->clear();
    auto const slot = asio::get_associated_cancellation_slot(handler);
    // Keeps the handler's execution context alive while the operation runs on ours.
    auto work = asio::prefer(asio::get_associated_executor(handler, impl->executor),
                             asio::execution::outstanding_work.tracked);

    // Completion is posted, then dispatched to the handler's executor: never inline, never on our strand.
    auto complete = [handler = std::move(handler), work = std::move(work), ex = impl->executor](
                        std::exception_ptr error, outcome result) mutable {
        if (error) result = {exception_to_error(error), {}};
        asio::post(ex, asio::append(std::move(handler), result.ec, std::move(result.res)));
    };
    asio::co_spawn(impl->strand, run(impl, std::move(req), diag),
                   asio::bind_executor(impl->strand, asio::bind_cancellation_slot(slot, std::move(complete))));
}

}  // namespace detail

client::client(executor_type ex, client_config config)
    : client(std::move(ex), std::shared_ptr<auth_handler>(), std::move(config)) {}

client::client(executor_type ex, std::shared_ptr<auth_handler> auth, client_config config)
    : impl_(std::make_shared<detail::client_impl>(std::move(ex), std::move(auth), std::move(config))) {}

client::client(executor_type ex, std::string bearer_token, client_config config)
    : client(std::move(ex), std::make_shared<oauth2_bearer_handler>(std::move(bearer_token)), std::move(config)) {}

client::~client() = default;
client::client(client&&) noexcept = default;
client& client::operator=(client&&) noexcept = default;

client::executor_type client::get_executor() const noexcept { return impl_->executor; }
client_config const& client::config() const noexcept { return impl_->config; }

}  // namespace twitter
