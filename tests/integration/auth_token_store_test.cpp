#include <twitter/auth/oauth2_user_handler.hpp>

#include "auth_flow_support.hpp"
#include "print_error_enums.hpp"
#include "scenario.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>

#include <atomic>

namespace asio = boost::asio;
using namespace std::chrono_literals;
using test::run_scenario;
using test::scenario;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);

// The store's clocks, moved by hand: tests jump past an expiry instead of sleeping.
struct mock_clocks {
    std::atomic<std::int64_t> offset_seconds{0};
    std::chrono::steady_clock::time_point steady() const {
        return std::chrono::steady_clock::now() + std::chrono::seconds(offset_seconds.load());
    }
    std::chrono::system_clock::time_point system() const {
        return std::chrono::system_clock::now() + std::chrono::seconds(offset_seconds.load());
    }
};

struct store_fixture {
    std::shared_ptr<twitter::oauth2_user_handler> auth;
    std::shared_ptr<std::atomic<int>> updates = std::make_shared<std::atomic<int>>(0);
};

// A handler with a fresh token from the PKCE flow of the emulator's public client.
asio::awaitable<store_fixture> authorized(scenario s, mock_clocks& clocks) {
    store_fixture f;
    auto const& app = s.server.oauth2_public_client();
    twitter::oauth2_user_params params;
    params.client_id = app.client_id;
    params.redirect_uri = app.redirect_uri;
    params.scope = {"tweet.read", "tweet.write", "users.read", "offline.access"};
    params.token_updater = [updates = f.updates](twitter::oauth2_token const&) { ++*updates; };
    params.steady_now = [&clocks] { return clocks.steady(); };
    params.system_now = [&clocks] { return clocks.system(); };
    f.auth = std::make_shared<twitter::oauth2_user_handler>(s.io.get_executor(), std::move(params), s.config());
    twitter::client browser(s.io.get_executor(), s.config());
    std::string const location = co_await test::open_in_browser(browser, f.auth->get_authorization_url());
    co_await f.auth->async_fetch_token(location);
    *f.updates = 0;  // the fetch told the updater too; count refreshes only
    co_return f;
}

twitter::http::request get_me() {
    twitter::http::request req;
    req.target = "/2/users/me";
    req.auth = twitter::http::auth_mode::user;
    return req;
}

// Starts `count` requests at once and waits for all; returns how many succeeded.
asio::awaitable<int> burst(twitter::client& c, int count) {
    auto strand = co_await asio::this_coro::executor;
    int ok = 0, done = 0;
    asio::steady_timer all_done(strand, asio::steady_timer::time_point::max());
    for (int i = 0; i < count; ++i)
        c.async_request(get_me(), asio::bind_executor(strand, [&](twitter::error_code ec, twitter::http::response) {
                            ok += !ec;
                            if (++done == count) all_done.cancel();
                        }));
    co_await all_done.async_wait(tuple);
    co_return ok;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_token_store)

BOOST_AUTO_TEST_CASE(a_thousand_calls_at_expiry_make_one_refresh_and_one_update) {
    mock_clocks clocks;
    twitter::emulator::server_config roomy;
    roomy.rate_limit_per_window = 10000;  // the point is the refresh, not X's 900-request budget
    run_scenario(2, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        std::string const before = f.auth->token()->access_token;

        clocks.offset_seconds = 7200;  // every call now finds the token expired
        int const ok = co_await burst(c, 1000);
        BOOST_TEST(ok == 1000);
        BOOST_TEST(s.server.stats().refresh_grants == 1u);
        BOOST_TEST(f.updates->load() == 1);
        BOOST_TEST(f.auth->token()->access_token != before);
    }, roomy);
}

BOOST_AUTO_TEST_CASE(refresh_happens_within_the_margin_not_before) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        clocks.offset_seconds = 7200 - 60;  // a minute left: well outside the 10 s margin
        co_await c.async_request(get_me());
        BOOST_TEST(s.server.stats().refresh_grants == 0u);
        clocks.offset_seconds = 7200 - 5;  // inside the margin: refreshed before it dies
        co_await c.async_request(get_me());
        BOOST_TEST(s.server.stats().refresh_grants == 1u);
    });
}

BOOST_AUTO_TEST_CASE(updater_runs_before_any_waiter_resumes) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        clocks.offset_seconds = 7200;
        co_await c.async_request(get_me());
        BOOST_TEST(f.updates->load() == 1);  // already counted when the request completed
    });
}

BOOST_AUTO_TEST_CASE(a_cancelled_waiter_leaves_but_the_refresh_goes_on) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        twitter::emulator::fault slow;
        slow.path = "/2/oauth2/token";
        slow.what = twitter::emulator::fault::kind::latency;
        slow.delay = 500ms;
        s.server.inject(slow);
        clocks.offset_seconds = 7200;

        auto strand = co_await asio::this_coro::executor;
        asio::cancellation_signal signal;
        twitter::error_code cancelled_ec, other_ec;
        int finished = 0;
        asio::steady_timer both(strand, asio::steady_timer::time_point::max());
        c.async_request(get_me(), asio::bind_cancellation_slot(
                                      signal.slot(), asio::bind_executor(strand, [&](twitter::error_code ec, auto) {
                                          cancelled_ec = ec;
                                          if (++finished == 2) both.cancel();
                                      })));
        c.async_request(get_me(), asio::bind_executor(strand, [&](twitter::error_code ec, auto) {
                            other_ec = ec;
                            if (++finished == 2) both.cancel();
                        }));
        asio::steady_timer pause(strand, 100ms);
        co_await pause.async_wait(asio::deferred);
        signal.emit(asio::cancellation_type::terminal);
        co_await both.async_wait(tuple);

        BOOST_TEST(cancelled_ec == asio::error::operation_aborted, cancelled_ec.message());
        BOOST_TEST(!other_ec, other_ec.message());
        BOOST_TEST(s.server.stats().refresh_grants == 1u);
        BOOST_TEST(f.updates->load() == 1);
    });
}

BOOST_AUTO_TEST_CASE(a_failed_refresh_is_reported_then_cleared) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        twitter::emulator::fault down;
        down.path = "/2/oauth2/token";
        down.status = 503;
        s.server.inject(down);
        clocks.offset_seconds = 7200;

        int const ok = co_await burst(c, 20);
        BOOST_TEST(ok == 0);  // all 20 waited on the one refresh, and all heard it fail
        BOOST_TEST(s.server.stats().faults_fired == 1u);
        BOOST_TEST(!f.auth->needs_reauthorization());

        auto [ec, res] = co_await c.async_request(get_me(), tuple);  // the next call tries again, and succeeds
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(s.server.stats().refresh_grants == 1u);
        BOOST_TEST(f.updates->load() == 1);
    });
}

BOOST_AUTO_TEST_CASE(a_used_refresh_token_means_reauthorization) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::oauth2_token const old = *f.auth->token();
        co_await f.auth->async_refresh_token();  // rotates: the old refresh token is now dead
        BOOST_TEST(f.auth->token()->refresh_token != old.refresh_token);

        f.auth->set_token(old);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        clocks.offset_seconds = 7200;
        auto [ec, res] = co_await c.async_request(get_me(), tuple);
        BOOST_TEST(ec == twitter::auth_errc::reauthorization_required, ec.message());
        BOOST_TEST(f.auth->needs_reauthorization());
        BOOST_TEST(s.server.stats().invalid_grants == 1u);

        // It stops trying: no more refresh requests go out.
        auto const requests = s.server.stats().requests;
        auto [ec2, res2] = co_await c.async_request(get_me(), tuple);
        BOOST_TEST(ec2 == twitter::auth_errc::reauthorization_required);
        BOOST_TEST(s.server.stats().requests == requests);
    });
}

BOOST_AUTO_TEST_CASE(a_401_refreshes_once_and_retries) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        // The server stops accepting the token while the store still thinks it fresh.
        twitter::emulator::fault refused;
        refused.path = "/2/users/me";
        refused.status = 401;
        refused.body = R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})";
        s.server.inject(refused);
        auto [ec, res] = co_await c.async_request(get_me(), tuple);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(s.server.stats().refresh_grants == 1u);
        BOOST_TEST(f.updates->load() == 1);
    });
}

BOOST_AUTO_TEST_CASE(concurrent_401s_share_one_refresh) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::client c(s.io.get_executor(), f.auth, s.config());

        // The server stops accepting the access token, while the store still thinks it fresh: every request
        // signed with it gets a 401, whatever order they arrive in (RFC 7009 revocation of the access token).
        twitter::http::request revoke;
        revoke.method = twitter::http::verb::post;
        revoke.target = "/2/oauth2/revoke";
        revoke.auth = twitter::http::auth_mode::none;
        revoke.kind = twitter::http::body_kind::form;
        revoke.form = {{"token", f.auth->token()->access_token},
                       {"token_type_hint", "access_token"},
                       {"client_id", s.server.oauth2_public_client().client_id}};
        twitter::client anonymous(s.io.get_executor(), s.config());
        co_await anonymous.async_request(std::move(revoke));

        int const ok = co_await burst(c, 10);
        BOOST_TEST(ok == 10);
        // The generation check: 401s of the old token that arrive after the refresh retry with the new token
        // instead of refreshing again; those that arrive during it join it.
        BOOST_TEST(s.server.stats().refresh_grants == 1u);
        BOOST_TEST(f.updates->load() == 1);
    });
}

BOOST_AUTO_TEST_CASE(a_token_without_refresh_token_fails_cleanly_at_expiry) {
    mock_clocks clocks;
    run_scenario(1, [&clocks](scenario s) -> asio::awaitable<void> {
        store_fixture f = co_await authorized(s, clocks);
        twitter::oauth2_token token = *f.auth->token();
        token.refresh_token.clear();
        f.auth->set_token(token);
        twitter::client c(s.io.get_executor(), f.auth, s.config());
        clocks.offset_seconds = 7200;
        auto [ec, res] = co_await c.async_request(get_me(), tuple);
        BOOST_TEST(ec == twitter::auth_errc::no_refresh_token);
    });
}

BOOST_AUTO_TEST_SUITE_END()
