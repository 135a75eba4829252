// Compiled, never run: proves that every async_* operation accepts each completion style users rely on.
#include <twitter/api.hpp>
#include <twitter/client.hpp>
#include <twitter/v1/pager.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <future>

namespace asio = boost::asio;

namespace {

twitter::http::request sample() {
    twitter::http::request req;
    req.target = "/2/tweets/20";
    return req;
}

// 1. The default token inside a plain awaitable: errors are thrown as twitter::error and its subclasses.
asio::awaitable<void> with_default_token(twitter::client& c) {
    twitter::http::response res = co_await c.async_request(sample());
    twitter::diagnostics diag;
    res = co_await c.async_request(sample(), diag);
}

// 2. The same in a coroutine whose executor is a strand.
using strand_executor = asio::strand<asio::io_context::executor_type>;
asio::awaitable<void, strand_executor> in_strand_coroutine(twitter::client& c) {
    twitter::http::response res = co_await c.async_request(sample());
    (void)res;
}

// 3. as_tuple: no exceptions, the error code comes back as a value.
asio::awaitable<void> with_as_tuple(twitter::client& c) {
    auto [ec, res] = co_await c.async_request(sample(), asio::as_tuple(asio::deferred));
    (void)ec;
    (void)res;
}

// 4. A cancellation slot. Boost 1.81's binder needs its token's return_type, which deferred tokens lack, so
// the slot is bound around use_awaitable, inside with_diagnostics or as_tuple.
asio::awaitable<void> with_cancellation_slot(twitter::client& c, asio::cancellation_slot slot) {
    twitter::http::response res = co_await c.async_request(
        sample(), twitter::with_diagnostics(asio::bind_cancellation_slot(slot, asio::use_awaitable)));
    auto [ec, again] = co_await c.async_request(
        sample(), asio::bind_cancellation_slot(slot, asio::as_tuple(asio::use_awaitable)));
    (void)res;
    (void)ec;
    (void)again;
}

// 5. A plain callback.
void with_callback(twitter::client& c) {
    c.async_request(sample(), [](twitter::error_code ec, twitter::http::response res) {
        (void)ec;
        (void)res;
    });
}

// 6. std::future.
std::future<twitter::http::response> with_future(twitter::client& c) {
    return c.async_request(sample(), asio::use_future);
}

}  // namespace

void instantiate_every_style(twitter::client& c) {
    (void)with_default_token(c);
    (void)in_strand_coroutine(c);
    (void)with_as_tuple(c);
    (void)with_cancellation_slot(c, {});
    with_callback(c);
    (void)with_future(c);
}

// The same styles for a typed v1.1 call and for a v1.1 pager.
namespace {

asio::awaitable<void> v1_with_default_token(twitter::api& a) {
    twitter::v1::response<twitter::v1::status> res = co_await a.async_get_status("20");
    twitter::diagnostics diag;
    res = co_await a.async_call(twitter::v1::requests::get_status("20"), diag);
    auto followers = twitter::v1::paginate(a, twitter::v1::requests::get_follower_ids(std::nullopt));
    std::optional<std::string> id = co_await followers.async_next();
    std::vector<std::string> page = co_await followers.async_next_page(diag);
    (void)id;
    (void)page;
}

asio::awaitable<void, strand_executor> v1_in_strand_coroutine(twitter::api& a) {
    auto res = co_await a.async_verify_credentials();
    (void)res;
}

asio::awaitable<void> v1_with_as_tuple(twitter::api& a) {
    auto [ec, res] = co_await a.async_home_timeline({}, asio::as_tuple(asio::deferred));
    (void)ec;
    (void)res;
}

void v1_with_callback(twitter::api& a) {
    a.async_get_user(twitter::v1::screen_name("X"), {},
                     [](twitter::error_code ec, twitter::v1::response<twitter::v1::user> res) {
                         (void)ec;
                         (void)res;
                     });
}

std::future<twitter::v1::response<twitter::v1::no_content>> v1_with_future(twitter::api& a) {
    return a.async_indicate_direct_message_typing("12", asio::use_future);
}

}  // namespace

void instantiate_every_v1_style(twitter::api& a) {
    (void)v1_with_default_token(a);
    (void)v1_in_strand_coroutine(a);
    (void)v1_with_as_tuple(a);
    v1_with_callback(a);
    (void)v1_with_future(a);
}
