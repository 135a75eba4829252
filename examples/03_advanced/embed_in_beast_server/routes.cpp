#include "routes.hpp"

#include "deadline.hpp"

#include <twitter/exception.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace example {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

http_response answer(http_request const& req, http::status status, json::value const& body) {
    http_response res(status, req.version());
    res.set(http::field::content_type, "application/json");
    res.body() = json::serialize(body);
    res.prepare_payload();
    return res;
}

http_response failure(http_request const& req, http::status status, std::string_view message) {
    return answer(req, status, json::object{{"error", message}});
}

// X's answer, as a status of this server's: the caller's mistakes keep theirs, X's trouble is a bad gateway.
http::status status_for(twitter::error_code ec) {
    if (ec == asio::error::operation_aborted) return http::status::gateway_timeout;  // our deadline
    if (ec == twitter::api_errc::not_found) return http::status::not_found;
    if (ec == twitter::api_errc::bad_request) return http::status::bad_request;
    if (ec == twitter::api_errc::too_many_requests) return http::status::too_many_requests;
    if (ec == twitter::client_errc::shutting_down) return http::status::service_unavailable;
    return http::status::bad_gateway;
}

http_response failure(http_request const& req, twitter::error const& e) {
    auto const& errors = e.diag().errors;
    return failure(req, status_for(e.code()), errors.empty() ? e.code().message() : errors.front().detail);
}

asio::awaitable<http_response> get_tweet(app& a, http_request const& req, std::string const& id) {
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
        co_return failure(req, http::status::bad_request, "a Tweet id is a number");
    //[embedding_cancel
    // X has x_timeout to answer; past it the deadline cancels this call alone, through the cancellation slot
    // bound to its completion token, and it completes with operation_aborted. as_tuple: a code, no exception.
    deadline limit(co_await asio::this_coro::executor, a.x_timeout);
    auto [ec, found] = co_await a.app_client.async_get_tweet(
        id, {}, asio::bind_cancellation_slot(limit.slot(), asio::as_tuple(asio::use_awaitable)));
    //]
    if (ec) co_return failure(req, status_for(ec), ec.message());
    // X answers 200 for an id it does not know, with the "not found" in the errors beside no data.
    if (!found.data)
        co_return failure(req, http::status::not_found,
                          found.errors.empty() ? "no such Tweet" : found.errors.front().detail);
    co_return answer(req, http::status::ok, json::object{{"id", found.data->id}, {"text", found.data->text}});
}

asio::awaitable<http_response> post_tweet(app& a, http_request const& req) {
    if (req.body().empty()) co_return failure(req, http::status::bad_request, "the body is the Tweet's text");
    try {
        //[embedding_coroutine
        // The default completion token: the session's coroutine waits here, on its own strand, and a failure
        // comes back as the typed exception (twitter::forbidden, twitter::too_many_requests...).
        twitter::v2::create_tweet_params params;
        params.text = req.body();
        auto const posted = co_await a.user_client.async_create_tweet(params);
        //]
        co_return answer(req, http::status::created, json::object{{"id", posted.data.value().id}});
    } catch (twitter::error const& e) {
        co_return failure(req, e);
    }
}

json::value to_json(twitter::client_status const& status) {
    json::array connections;
    for (auto const& c : status.connections)
        connections.push_back(json::object{{"origin", c.origin},
                                           {"open", c.open},
                                           {"idle", c.idle},
                                           {"waiting", c.waiting},
                                           {"opened_total", c.opened_total}});
    return json::object{{"operations_in_flight", status.operations_in_flight},
                        {"shutting_down", status.shutting_down},
                        {"connections", std::move(connections)}};
}

json::value to_json(twitter::rate_limits const& limits) {
    if (!limits.window) return nullptr;  // no answer from that endpoint yet
    return json::object{{"limit", limits.window->limit},
                        {"remaining", limits.window->remaining},
                        {"reset", limits.window->reset}};
}

json::value to_json(user_token_state const& token) {
    json::object out{{"has_refresh_token", token.has_refresh_token},
                     {"refreshes", token.refreshes},
                     {"needs_reauthorization", token.needs_reauthorization}};
    if (token.expires_in)
        out["expires_in_seconds"] = token.expires_in->count();
    else
        out["expires_in_seconds"] = nullptr;
    return out;
}

asio::awaitable<http_response> health(app& a, http_request const& req) {
    try {
        //[embedding_status
        auto const app_status = co_await a.app_client.async_status();
        auto const user_status = co_await a.user_client.async_status();
        // last_rate_limits reads what the last answers said, without I/O, from any thread.
        auto const reads = a.app_client.last_rate_limits(twitter::http::verb::get, "/2/tweets/:id");
        auto const posts = a.user_client.last_rate_limits(twitter::http::verb::post, "/2/tweets");
        //]
        co_return answer(
            req, http::status::ok,
            json::object{
                {"clients", json::object{{"app", to_json(app_status)}, {"user", to_json(user_status)}}},
                {"token", to_json(a.user.state())},
                {"rate_limits",
                 json::object{{"GET /2/tweets/:id", to_json(reads)}, {"POST /2/tweets", to_json(posts)}}}});
    } catch (twitter::error const& e) {
        co_return failure(req, e);
    }
}

}  // namespace

asio::awaitable<http_response> respond(app& a, http_request const& req) {
    std::string_view const target = req.target();
    constexpr std::string_view tweet_prefix = "/tweet/";
    if (req.method() == http::verb::get && target.starts_with(tweet_prefix)) {
        std::string const id(
            target.substr(tweet_prefix.size()));  // named: g++ 12 and temporaries in co_await
        co_return co_await get_tweet(a, req, id);
    }
    if (req.method() == http::verb::post && target == "/tweet") co_return co_await post_tweet(a, req);
    if (req.method() == http::verb::get && target == "/health") co_return co_await health(a, req);
    co_return failure(req, http::status::not_found, "no such route");
}

}  // namespace example
