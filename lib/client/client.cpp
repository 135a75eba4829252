#include <twitter/client.hpp>

#include "client/client_impl.hpp"
#include "client/pipeline.hpp"
#include "client/shutdown.hpp"
#include "client/send.hpp"
#include "client/tracked_operation.hpp"
#include "core/retry.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>

#include <ostream>

namespace twitter {
namespace detail {

namespace asio = boost::asio;

client_impl::client_impl(asio::any_io_executor ex, client_config cfg, std::shared_ptr<auth_handler> app,
                         std::shared_ptr<auth_handler> user)
    : executor(std::move(ex)),
      strand(asio::make_strand(executor)),
      config(std::move(cfg)),
      app_auth(std::move(app)),
      user_auth(std::move(user)),
      tls(tls_context::make(config.tls, tls_error, &tls_diag)),
      clock(config.clock ? config.clock : real_clock()) {}

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

asio::awaitable<std::tuple<error_code, http::response>> run(std::shared_ptr<client_impl> self,
                                                             std::shared_ptr<auth_handler> override_auth,
                                                             bool use_override, http::request req,
                                                             diagnostics* diag) {
    http::response res;
    diagnostics local;
    diagnostics& d = diag ? *diag : local;
    error_code const ec = co_await perform(*self, override_auth.get(), use_override, std::move(req), res, d);
    co_return std::tuple(ec, std::move(res));
}

void start(std::shared_ptr<client_impl> const& impl, std::shared_ptr<auth_handler> override_auth,
           bool use_override, http::request req, diagnostics* diag, request_handler handler) {
    if (diag) diag->clear();
    spawn_client_operation(impl, impl->strand, run(impl, std::move(override_auth), use_override, std::move(req), diag),
                           std::move(handler));
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

client::~client() {
    if (impl_) detail::abandon(impl_);
}

client::client(client&&) noexcept = default;

client& client::operator=(client&& other) noexcept {
    if (this != &other) {
        if (impl_) detail::abandon(impl_);
        impl_ = std::move(other.impl_);
    }
    return *this;
}

client::executor_type client::get_executor() const noexcept { return impl_->executor; }
client_config const& client::config() const noexcept { return impl_->config; }

rate_limits client::last_rate_limits(http::verb method, std::string_view path) const {
    std::string const key = core::endpoint_key(method, path.substr(0, path.find('?')));
    std::lock_guard lock(impl_->limits_mutex);
    auto const it = impl_->limits_by_endpoint.find(key);
    return it == impl_->limits_by_endpoint.end() ? rate_limits{} : it->second;
}

namespace detail {
std::shared_ptr<client_impl> const& impl_of(client const& c) noexcept { return c.impl_; }
}  // namespace detail

}  // namespace twitter
