#include <twitter/auth/oauth2_app_handler.hpp>

#include "auth/token_endpoint.hpp"
#include "auth/waiter_list.hpp"
#include "client/send.hpp"
#include "client/spawn.hpp"
#include "core/basic_auth.hpp"
#include "core/oauth2_token_response.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <mutex>
#include <ostream>

namespace twitter {
namespace detail {

namespace asio = boost::asio;

// The cached bearer token sits behind a mutex so that the common case, a token in hand, signs without a hop.
// Fetching is coordinated on the strand: one fetch at a time, however many requests need the token.
struct oauth2_app_state : std::enable_shared_from_this<oauth2_app_state> {
    oauth2_app_state(asio::any_io_executor ex, std::string key, std::string secret, client_config cfg)
        : executor(std::move(ex)),
          strand(asio::make_strand(executor)),
          config(std::move(cfg)),
          basic(core::basic_authorization(key, secret)),
          consumer_key(std::move(key)) {}

    asio::any_io_executor const executor;
    asio::any_io_executor const strand;
    client_config const config;
    std::string const basic;  // HTTP Basic from the consumer key and secret (RFC 6749, 2.3.1)
    std::string const consumer_key;

    mutable std::mutex mutex;
    std::string header;  // "Bearer ..." once fetched
    std::uint64_t generation = 0;

    // On the strand:
    bool fetching = false;
    std::unique_ptr<waiter_list<authorization>> waiters;
    std::shared_ptr<client_impl> http;

    std::optional<authorization> cached() const {
        std::lock_guard lock(mutex);
        if (header.empty()) return std::nullopt;
        return authorization{header, generation};
    }

    void join_fetch(waiter_list<authorization>::handler_type handler) {
        if (!waiters) waiters = std::make_unique<waiter_list<authorization>>(weak_from_this(), strand, executor);
        waiters->add(std::move(handler));
        if (fetching) return;
        fetching = true;
        asio::co_spawn(strand, fetch(shared_from_this()), asio::detached);
    }

    static asio::awaitable<void> fetch(std::shared_ptr<oauth2_app_state> self) {
        if (!self->http) self->http = make_client_impl(self->executor, self->config);
        diagnostics diag;
        // Built outside the co_await: g++ 12 mishandles braced temporaries inside one.
        std::vector<param> form{{"grant_type", "client_credentials"}};
        http::request req = token_request(self->config, "/oauth2/token", std::move(form), self->basic);
        auto [ec, res] = co_await async_send(self->http, nullptr, std::move(req), &diag,
                                             asio::as_tuple(asio::use_awaitable));
        authorization result;
        if (!ec) {
            core::token_response parsed;
            ec = core::parse_token_response(res.body, parsed);
            if (!ec) {
                std::lock_guard lock(self->mutex);
                self->header = "Bearer " + parsed.token.access_token;
                result = {self->header, ++self->generation};
            }
        }
        self->fetching = false;
        self->waiters->complete_all(ec, result);
    }
};

namespace {

asio::awaitable<std::tuple<error_code>> invalidate(std::shared_ptr<oauth2_app_state> self, diagnostics* diag) {
    std::string bearer;
    if (auto current = self->cached()) bearer = current->header.substr(7);
    if (bearer.empty()) co_return std::tuple(error_code(auth_errc::no_token));
    if (!self->http) self->http = make_client_impl(self->executor, self->config);
    std::vector<param> form{{"access_token", bearer}};
    http::request req = token_request(self->config, "/oauth2/invalidate_token", std::move(form), self->basic);
    auto [ec, res] = co_await async_send(self->http, nullptr, std::move(req), diag,
                                         asio::as_tuple(asio::use_awaitable));
    if (ec) co_return std::tuple(ec);
    std::lock_guard lock(self->mutex);
    if (self->header == "Bearer " + bearer) {
        self->header.clear();
        ++self->generation;
    }
    co_return std::tuple(error_code{});
}

}  // namespace

void async_oauth2_app_invalidate(std::shared_ptr<oauth2_app_state> const& state, diagnostics* diag,
                                 asio::any_completion_handler<void(error_code)> handler) {
    if (diag) diag->clear();
    spawn_operation(state->strand, state->executor, invalidate(state, diag), std::move(handler));
}

}  // namespace detail

oauth2_app_handler::oauth2_app_handler(executor_type ex, std::string consumer_key, std::string consumer_secret,
                                       client_config config)
    : state_(std::make_shared<detail::oauth2_app_state>(std::move(ex), std::move(consumer_key),
                                                        std::move(consumer_secret), std::move(config))) {}

oauth2_app_handler::~oauth2_app_handler() = default;

void oauth2_app_handler::async_authorize(request_to_sign const&, authorize_handler handler) {
    if (auto current = state_->cached()) {
        std::move(handler)(error_code{}, std::move(*current));
        return;
    }
    if (state_->consumer_key.empty()) {
        std::move(handler)(client_errc::missing_credential, authorization{});
        return;
    }
    boost::asio::dispatch(state_->strand, [state = state_, handler = std::move(handler)]() mutable {
        if (auto current = state->cached())
            boost::asio::post(state->executor, boost::asio::append(std::move(handler), error_code{}, *current));
        else
            state->join_fetch(std::move(handler));
    });
}

void oauth2_app_handler::async_recover(std::uint64_t generation, recover_handler handler) {
    boost::asio::dispatch(state_->strand, [state = state_, generation, handler = std::move(handler)]() mutable {
        auto const ex = boost::asio::get_associated_executor(handler, state->executor);
        auto done = boost::asio::bind_executor(
            ex, [handler = std::move(handler)](error_code ec, authorization) mutable { std::move(handler)(ec); });
        {
            std::lock_guard lock(state->mutex);
            if (state->generation != generation && !state->header.empty()) {
                // Someone already replaced the token that was refused: just try again with the new one.
                boost::asio::post(state->executor, boost::asio::append(std::move(done), error_code{},
                                                                       authorization{}));
                return;
            }
            state->header.clear();  // refused: X invalidated it
        }
        state->join_fetch(std::move(done));
    });
}

std::ostream& operator<<(std::ostream& os, oauth2_app_handler const& h) {
    return os << "oauth2_app_handler{consumer_key=<redacted>, bearer_token="
              << (h.state_->cached() ? "<redacted>" : "<none>") << '}';
}

}  // namespace twitter
