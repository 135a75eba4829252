// Compiled, never run: proves that every async_* operation accepts each completion style users rely on.
#include <twitter/client.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
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

// 4. A plain callback.
void with_callback(twitter::client& c) {
    c.async_request(sample(), [](twitter::error_code ec, twitter::http::response res) {
        (void)ec;
        (void)res;
    });
}

// 5. std::future.
std::future<twitter::http::response> with_future(twitter::client& c) {
    return c.async_request(sample(), asio::use_future);
}

}  // namespace

void instantiate_every_style(twitter::client& c) {
    (void)with_default_token(c);
    (void)in_strand_coroutine(c);
    (void)with_as_tuple(c);
    with_callback(c);
    (void)with_future(c);
}
