#ifndef TWITTER_TESTS_INTEGRATION_AUTH_FLOW_SUPPORT_HPP
#define TWITTER_TESTS_INTEGRATION_AUTH_FLOW_SUPPORT_HPP

// The test's stand-in for the user's browser: it opens an authorization URL on the emulator (which approves on
// its own) and reports where the user would be sent, or the PIN they would be shown.

#include <twitter/client.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/deferred.hpp>

#include <string>

namespace test {

// GETs `url` without credentials and returns the Location of the redirect, or "" if there is none.
inline boost::asio::awaitable<std::string> open_in_browser(twitter::client& browser, std::string url) {
    twitter::http::request req;
    req.target = std::move(url);
    req.auth = twitter::http::auth_mode::none;
    auto [ec, res] = co_await browser.async_request(std::move(req), boost::asio::as_tuple(boost::asio::deferred));
    co_return std::string(res.find_header("location").value_or(""));
}

// The PIN of an oob authorization page: the digits in <code>...</code>.
inline boost::asio::awaitable<std::string> read_pin(twitter::client& browser, std::string url) {
    twitter::http::request req;
    req.target = std::move(url);
    req.auth = twitter::http::auth_mode::none;
    auto [ec, res] = co_await browser.async_request(std::move(req), boost::asio::as_tuple(boost::asio::deferred));
    auto const open = res.body.find("<code>");
    auto const close = res.body.find("</code>");
    if (ec || open == std::string::npos || close == std::string::npos || close < open) co_return std::string();
    co_return res.body.substr(open + 6, close - open - 6);
}

// The value of one query parameter of a URL, undecoded; "" if absent.
inline std::string query_value(std::string const& url, std::string const& name) {
    auto const q = url.find('?');
    if (q == std::string::npos) return {};
    std::string const query = url.substr(q + 1);
    std::size_t pos = 0;
    while (pos <= query.size()) {
        auto const amp = std::min(query.find('&', pos), query.size());
        std::string const piece = query.substr(pos, amp - pos);
        if (piece.starts_with(name + "=")) return piece.substr(name.size() + 1);
        pos = amp + 1;
    }
    return {};
}

}  // namespace test

#endif
