#include <twitter/auth/oauth2_user_handler.hpp>

#include "auth/authorization_response.hpp"
#include "auth/token_endpoint.hpp"
#include "auth/waiter_list.hpp"
#include "client/send.hpp"
#include "client/spawn.hpp"
#include "core/basic_auth.hpp"
#include "core/form.hpp"
#include "core/oauth2_token_response.hpp"
#include "core/pkce.hpp"

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
using steady = std::chrono::steady_clock;

// The token store. The token itself sits behind a mutex, so that a request with a fresh token signs without a
// hop; every decision that can lead to a refresh is taken on the strand, where one refresh at a time runs and
// everyone who needs it waits for it.
struct oauth2_user_state : std::enable_shared_from_this<oauth2_user_state> {
    oauth2_user_state(asio::any_io_executor ex, oauth2_user_params p, client_config cfg)
        : executor(std::move(ex)),
          strand(asio::make_strand(executor)),
          config(std::move(cfg)),
          params(std::move(p)),
          basic(params.client_secret.empty() ? std::string()
                                             : core::basic_authorization(params.client_id, params.client_secret)) {}

    asio::any_io_executor const executor;
    asio::any_io_executor const strand;
    client_config const config;
    oauth2_user_params const params;
    std::string const basic;  // HTTP Basic for a confidential client (RFC 6749, 2.3.1); empty for a public one

    mutable std::mutex mutex;
    std::optional<versioned_token> current;
    std::optional<steady::time_point> expires;  // on the steady clock; none when the server gave no expires_in
    bool reauthorize = false;
    std::optional<pkce_session> session;

    // On the strand:
    bool refreshing = false;
    std::unique_ptr<waiter_list<authorization>> waiters;
    std::shared_ptr<client_impl> http;

    steady::time_point steady_now() const { return params.steady_now ? params.steady_now() : steady::now(); }
    std::chrono::system_clock::time_point system_now() const {
        return params.system_now ? params.system_now() : std::chrono::system_clock::now();
    }

    enum class verdict { use, refresh, fail };

    // What to do with the current token now (mutex held). `out` is the header to use, or `ec` the failure.
    verdict judge(authorization& out, error_code& ec) const {
        if (reauthorize) {
            ec = auth_errc::reauthorization_required;
            return verdict::fail;
        }
        if (!current) {
            ec = auth_errc::no_token;
            return verdict::fail;
        }
        auto const now = steady_now();
        bool const fresh = !expires || now + params.refresh_margin < *expires;
        bool const alive = !expires || now < *expires;
        if (fresh || (alive && current->token.refresh_token.empty())) {
            out = {"Bearer " + current->token.access_token, current->generation};
            return verdict::use;
        }
        if (current->token.refresh_token.empty()) {
            ec = auth_errc::no_refresh_token;
            return verdict::fail;
        }
        return verdict::refresh;
    }

    // Adopts a token (mutex held): expiry from expires_in at receipt, or from a saved token's wall-clock time.
    void adopt(versioned_token token, std::optional<std::chrono::seconds> expires_in) {
        if (expires_in) {
            token.token.expires_at = system_now() + *expires_in;
            expires = steady_now() + *expires_in;
        } else if (token.token.expires_at.time_since_epoch().count() != 0) {
            expires = steady_now() + std::chrono::duration_cast<steady::duration>(token.token.expires_at - system_now());
        } else {
            expires.reset();
        }
        current = std::move(token);
        reauthorize = false;
    }

    std::shared_ptr<client_impl> token_client() {
        if (!http) http = make_client_impl(executor, config);
        return http;
    }

    // Client authentication for the token endpoints: Basic for a confidential client, client_id in the body for
    // a public one (RFC 6749, 2.3.1 and 4.1.3).
    http::request token_request_for(std::string_view path, std::vector<param> form) const {
        if (basic.empty()) form.push_back({"client_id", params.client_id});
        return token_request(config, path, std::move(form), basic);
    }

    // Saves, then tells the application, before any waiter may use the token (strand).
    asio::awaitable<void> publish(versioned_token const& token) {
        if (params.backend) co_await save(token);
        if (params.token_updater) {
            try {
                params.token_updater(token.token);
            } catch (...) {
                // The new token is already the only valid one (refresh tokens are single-use): keep serving it
                // rather than fail every request because the application could not save it.
            }
        }
    }

    asio::awaitable<void> save(versioned_token const& token) {
        auto t = asio::as_tuple(asio::use_awaitable);
        co_await asio::async_initiate<decltype(t), void(error_code)>(
            [this, &token](auto h) { params.backend->async_save(token, std::move(h)); }, t);
    }

    asio::awaitable<std::optional<versioned_token>> load() {
        auto t = asio::as_tuple(asio::use_awaitable);
        auto [ec, loaded] = co_await asio::async_initiate<decltype(t), void(error_code, std::optional<versioned_token>)>(
            [this](auto h) { params.backend->async_load(std::move(h)); }, t);
        co_return ec ? std::nullopt : std::move(loaded);
    }

    asio::awaitable<error_code> lock_backend(bool lock) {
        auto t = asio::as_tuple(asio::use_awaitable);
        auto [ec] = co_await asio::async_initiate<decltype(t), void(error_code)>(
            [this, lock](auto h) {
                if (lock)
                    params.backend->async_lock(std::move(h));
                else
                    params.backend->async_unlock(std::move(h));
            },
            t);
        co_return ec;
    }

    void join_refresh(waiter_list<authorization>::handler_type handler, std::uint64_t seen_generation) {
        if (!waiters) waiters = std::make_unique<waiter_list<authorization>>(weak_from_this(), strand, executor);
        waiters->add(std::move(handler));
        if (refreshing) return;
        refreshing = true;
        asio::co_spawn(strand, refresh(shared_from_this(), seen_generation), asio::detached);
    }

    // The single refresh. Not cancellable by any waiter: the old refresh token dies with the request.
    static asio::awaitable<void> refresh(std::shared_ptr<oauth2_user_state> self, std::uint64_t seen_generation) {
        authorization result;
        error_code ec = co_await self->refresh_once(seen_generation, result);
        self->refreshing = false;
        self->waiters->complete_all(ec, result);
    }

    asio::awaitable<error_code> refresh_once(std::uint64_t seen_generation, authorization& result) {
        bool const shared = params.backend != nullptr;
        if (shared) {
            if (error_code ec = co_await lock_backend(true)) co_return ec;
        }
        error_code ec = co_await refresh_locked(seen_generation, result);
        if (shared) co_await lock_backend(false);
        co_return ec;
    }

    asio::awaitable<error_code> refresh_locked(std::uint64_t seen_generation, authorization& result) {
        // Another process may have refreshed while we waited for the lock: its token is as good as ours.
        if (params.backend) {
            if (auto loaded = co_await load()) {
                std::lock_guard lock(mutex);
                if (!current || loaded->generation > current->generation) adopt(std::move(*loaded), std::nullopt);
                if (current->generation != seen_generation) {
                    error_code ec;
                    if (judge(result, ec) == verdict::use) co_return error_code{};
                }
            }
        }
        std::string refresh_token;
        std::uint64_t generation = 0;
        {
            std::lock_guard lock(mutex);
            if (reauthorize) co_return auth_errc::reauthorization_required;
            if (!current) co_return auth_errc::no_token;
            if (current->token.refresh_token.empty()) co_return auth_errc::no_refresh_token;
            if (current->generation != seen_generation) {  // replaced since the caller looked
                error_code ec;
                if (judge(result, ec) == verdict::use) co_return error_code{};
            }
            refresh_token = current->token.refresh_token;
            generation = current->generation;
        }

        std::vector<param> form{{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}};
        http::request req = token_request_for("/2/oauth2/token", std::move(form));
        diagnostics diag;
        auto [ec, res] = co_await async_send(token_client(), nullptr, std::move(req), &diag,
                                             asio::as_tuple(asio::use_awaitable));
        if (ec) {
            // RFC 6749, 5.2: invalid_grant means the refresh token is dead (used, revoked or expired). Retrying
            // cannot help; the user must authorize again. The tokens are kept for inspection.
            if (ec == api_errc::bad_request && core::oauth_error_code(res.body) == "invalid_grant") {
                std::lock_guard lock(mutex);
                reauthorize = true;
                co_return auth_errc::reauthorization_required;
            }
            co_return ec;
        }
        core::token_response parsed;
        if (error_code pec = core::parse_token_response(res.body, parsed)) co_return pec;
        // X rotates refresh tokens; a server that does not send a new one keeps the old one valid.
        if (parsed.token.refresh_token.empty()) parsed.token.refresh_token = refresh_token;
        versioned_token next{std::move(parsed.token), generation + 1};
        {
            std::lock_guard lock(mutex);
            adopt(next, parsed.expires_in);
            next = *current;
            result = {"Bearer " + next.token.access_token, next.generation};
        }
        co_await publish(next);
        co_return error_code{};
    }
};

namespace {

asio::awaitable<std::tuple<error_code, oauth2_token>> fetch_token(std::shared_ptr<oauth2_user_state> self,
                                                                  std::string response_url, diagnostics* diag) {
    std::optional<pkce_session> session;
    {
        std::lock_guard lock(self->mutex);
        session = self->session;
    }
    if (!session) co_return std::tuple(error_code(auth_errc::no_authorization_session), oauth2_token{});
    std::string code;
    if (error_code ec = read_authorization_response(response_url, session->redirect_uri, session->state, code, diag))
        co_return std::tuple(ec, oauth2_token{});

    std::vector<param> form{{"grant_type", "authorization_code"},
                            {"code", code},
                            {"redirect_uri", session->redirect_uri},
                            {"code_verifier", session->code_verifier}};
    http::request req = self->token_request_for("/2/oauth2/token", std::move(form));
    auto [ec, res] = co_await async_send(self->token_client(), nullptr, std::move(req), diag,
                                         asio::as_tuple(asio::use_awaitable));
    if (ec) co_return std::tuple(ec, oauth2_token{});
    core::token_response parsed;
    if (error_code pec = core::parse_token_response(res.body, parsed)) co_return std::tuple(pec, oauth2_token{});

    versioned_token next;
    {
        std::lock_guard lock(self->mutex);
        std::uint64_t const generation = self->current ? self->current->generation + 1 : 1;
        self->adopt({std::move(parsed.token), generation}, parsed.expires_in);
        self->session.reset();  // a session serves one callback
        next = *self->current;
    }
    co_await self->publish(next);
    co_return std::tuple(error_code{}, next.token);
}

asio::awaitable<std::tuple<error_code, oauth2_token>> refresh_now(std::shared_ptr<oauth2_user_state> self) {
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(self->mutex);
        if (self->current) generation = self->current->generation;
    }
    auto t = asio::as_tuple(asio::use_awaitable);
    auto [ec, auth] = co_await asio::async_initiate<decltype(t), void(error_code, authorization)>(
        [&self, generation](auto h) { self->join_refresh(std::move(h), generation); }, t);
    std::lock_guard lock(self->mutex);
    if (ec || !self->current) co_return std::tuple(ec ? ec : error_code(auth_errc::no_token), oauth2_token{});
    co_return std::tuple(error_code{}, self->current->token);
}

asio::awaitable<std::tuple<error_code>> revoke(std::shared_ptr<oauth2_user_state> self, diagnostics* diag) {
    std::optional<versioned_token> token;
    {
        std::lock_guard lock(self->mutex);
        token = self->current;
    }
    if (!token) co_return std::tuple(error_code(auth_errc::no_token));
    // Revoking the refresh token ends the whole grant (RFC 7009, 2.1); without one, revoke the access token.
    bool const refresh = !token->token.refresh_token.empty();
    std::vector<param> form{{"token", refresh ? token->token.refresh_token : token->token.access_token},
                            {"token_type_hint", refresh ? "refresh_token" : "access_token"}};
    http::request req = self->token_request_for("/2/oauth2/revoke", std::move(form));
    auto [ec, res] = co_await async_send(self->token_client(), nullptr, std::move(req), diag,
                                         asio::as_tuple(asio::use_awaitable));
    if (ec) co_return std::tuple(ec);
    std::lock_guard lock(self->mutex);
    self->current.reset();
    self->expires.reset();
    co_return std::tuple(error_code{});
}

}  // namespace

void async_oauth2_fetch_token(std::shared_ptr<oauth2_user_state> const& state, std::string response_url,
                              diagnostics* diag, asio::any_completion_handler<void(error_code, oauth2_token)> handler) {
    if (diag) diag->clear();
    spawn_operation(state->strand, state->executor, fetch_token(state, std::move(response_url), diag),
                    std::move(handler));
}

void async_oauth2_refresh(std::shared_ptr<oauth2_user_state> const& state, diagnostics* diag,
                          asio::any_completion_handler<void(error_code, oauth2_token)> handler) {
    if (diag) diag->clear();
    spawn_operation(state->strand, state->executor, refresh_now(state), std::move(handler));
}

void async_oauth2_revoke(std::shared_ptr<oauth2_user_state> const& state, diagnostics* diag,
                         asio::any_completion_handler<void(error_code)> handler) {
    if (diag) diag->clear();
    spawn_operation(state->strand, state->executor, revoke(state, diag), std::move(handler));
}

}  // namespace detail

oauth2_user_handler::oauth2_user_handler(executor_type ex, oauth2_user_params params, client_config config)
    : state_(std::make_shared<detail::oauth2_user_state>(std::move(ex), std::move(params), std::move(config))) {}

oauth2_user_handler::~oauth2_user_handler() = default;

void oauth2_user_handler::async_authorize(request_to_sign const&, authorize_handler handler) {
    using verdict = detail::oauth2_user_state::verdict;
    {
        std::lock_guard lock(state_->mutex);
        authorization out;
        error_code ec;
        if (state_->judge(out, ec) == verdict::use) {
            std::move(handler)(error_code{}, std::move(out));
            return;
        }
    }
    boost::asio::dispatch(state_->strand, [state = state_, handler = std::move(handler)]() mutable {
        authorization out;
        error_code ec;
        std::uint64_t generation = 0;
        verdict v;
        {
            std::lock_guard lock(state->mutex);
            v = state->judge(out, ec);
            if (state->current) generation = state->current->generation;
        }
        // With a shared backend, a token this process has not seen yet may be waiting there.
        bool const load_first = v == verdict::fail && ec == auth_errc::no_token && state->params.backend;
        if (v == verdict::refresh || load_first)
            state->join_refresh(std::move(handler), generation);
        else
            boost::asio::post(state->executor, boost::asio::append(std::move(handler), ec, std::move(out)));
    });
}

void oauth2_user_handler::async_recover(std::uint64_t generation, recover_handler handler) {
    boost::asio::dispatch(state_->strand, [state = state_, generation, handler = std::move(handler)]() mutable {
        auto const ex = boost::asio::get_associated_executor(handler, state->executor);
        auto done = boost::asio::bind_executor(
            ex, [handler = std::move(handler)](error_code ec, authorization) mutable { std::move(handler)(ec); });
        bool replaced = false;
        bool can_refresh = false;
        {
            std::lock_guard lock(state->mutex);
            replaced = state->current && state->current->generation != generation;
            can_refresh = state->current && !state->current->token.refresh_token.empty() && !state->reauthorize;
        }
        // The generation check: a token someone else already replaced is retried, not refreshed again.
        if (replaced || !can_refresh) {
            error_code const ec = replaced ? error_code() : error_code(api_errc::unauthorized);
            boost::asio::post(state->executor, boost::asio::append(std::move(done), ec, authorization{}));
            return;
        }
        state->join_refresh(std::move(done), generation);
    });
}

std::string oauth2_user_handler::get_authorization_url() {
    auto verifier = core::make_code_verifier();
    if (!verifier) throw boost::system::system_error(verifier.error());
    auto challenge = core::code_challenge_s256(*verifier);
    auto state = core::make_state();
    if (!challenge || !state) throw boost::system::system_error(client_errc::invalid_argument);

    auto const& p = state_->params;
    pkce_session session{*state, *verifier, p.redirect_uri, p.scope};
    std::string scope;
    for (auto const& s : p.scope) scope += (scope.empty() ? "" : " ") + s;
    std::vector<param> const query{{"response_type", "code"},        {"client_id", p.client_id},
                                   {"redirect_uri", p.redirect_uri}, {"scope", scope},
                                   {"state", *state},                {"code_challenge", *challenge},
                                   {"code_challenge_method", "S256"}};
    std::string const& base = state_->config.hosts.authorize;
    std::string url = base + (base.find('?') == std::string::npos ? "?" : "&") + core::encode_params(query);
    std::lock_guard lock(state_->mutex);
    state_->session = std::move(session);
    return url;
}

pkce_session oauth2_user_handler::session() const {
    std::lock_guard lock(state_->mutex);
    return state_->session.value_or(pkce_session{});
}

void oauth2_user_handler::restore_session(pkce_session session) {
    std::lock_guard lock(state_->mutex);
    state_->session = std::move(session);
}

void oauth2_user_handler::set_token(oauth2_token token) {
    std::lock_guard lock(state_->mutex);
    std::uint64_t const generation = state_->current ? state_->current->generation + 1 : 1;
    state_->adopt({std::move(token), generation}, std::nullopt);
}

std::optional<oauth2_token> oauth2_user_handler::token() const {
    std::lock_guard lock(state_->mutex);
    if (!state_->current) return std::nullopt;
    return state_->current->token;
}

bool oauth2_user_handler::needs_reauthorization() const {
    std::lock_guard lock(state_->mutex);
    return state_->reauthorize;
}

std::ostream& operator<<(std::ostream& os, oauth2_user_handler const& h) {
    std::lock_guard lock(h.state_->mutex);
    os << "oauth2_user_handler{client_id=" << h.state_->params.client_id
       << ", client=" << (h.state_->basic.empty() ? "public" : "confidential") << ", token=";
    if (h.state_->current)
        os << h.state_->current->token;
    else
        os << "<none>";
    return os << '}';
}

}  // namespace twitter
