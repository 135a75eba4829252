#include "client/pipeline.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/v2/response.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace twitter::detail {

namespace asio = boost::asio;

namespace {

// X's OAuth 1.0a access tokens start with the user's id and a dash, which is how Tweepy finds "me" without
// a request.
std::string id_from_oauth1_token(auth_handler& auth) {
    auto const* oauth1 = dynamic_cast<oauth1_user_handler const*>(&auth);
    if (!oauth1) return {};
    std::string const token = oauth1->access_token().token;
    auto const dash = token.find('-');
    if (dash == std::string::npos || dash == 0) return {};
    std::string id = token.substr(0, dash);
    return std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }) ? id : std::string{};
}

std::string const* cached(client_impl const& self, auth_handler const& auth) {
    for (auto const& known : self.me_ids)
        if (known.auth == &auth) return &known.id;
    return nullptr;
}

asio::awaitable<error_code> look_up(client_impl& self, auth_handler& auth, std::string& id, diagnostics& diag) {
    http::request me;
    me.target = "/2/users/me";
    http::response res;
    if (error_code ec = co_await perform(self, &auth, true, std::move(me), res, diag)) co_return ec;
    v2::response<v2::user> parsed;
    if (v2::parse(res, parsed) || !parsed.data || parsed.data->id.empty()) {
        diag.message = "GET /2/users/me did not say who the user is";
        co_return protocol_errc::malformed_json;
    }
    id = parsed.data->id;
    co_return error_code{};
}

}  // namespace

asio::awaitable<error_code> resolve_me(client_impl& self, auth_handler& auth, std::string& id,
                                       diagnostics& diag) {
    if (id = id_from_oauth1_token(auth); !id.empty()) co_return error_code{};
    for (;;) {
        if (auto const* known = cached(self, auth)) {
            id = *known;
            co_return error_code{};
        }
        if (!self.me_lookup) break;
        // Someone else is asking already: wait until their lookup ends (it cancels the timer), then look again.
        auto [wait_ec] = co_await self.me_lookup->async_wait(asio::as_tuple(asio::use_awaitable));
        (void)wait_ec;
        if ((co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none)
            co_return asio::error::operation_aborted;
    }
    self.me_lookup = std::make_unique<asio::steady_timer>(self.strand, asio::steady_timer::time_point::max());
    error_code const ec = co_await look_up(self, auth, id, diag);
    if (!ec) self.me_ids.push_back({&auth, id});
    // A failed lookup is not cached: the waiters wake up and the next of them tries again.
    self.me_lookup->cancel();
    self.me_lookup.reset();
    co_return ec;
}

}  // namespace twitter::detail
