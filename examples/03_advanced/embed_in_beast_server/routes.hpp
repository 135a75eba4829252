#ifndef TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_ROUTES_HPP
#define TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_ROUTES_HPP

// The server's endpoints, each a call to the SDK:
//   GET  /tweet/:id  -> {"id","text"}, or X's error as a status of ours (404 when X has no such Tweet)
//   POST /tweet      -> posts the body as a Tweet with the user's token; 201 {"id"}
//   GET  /health     -> the clients' pools, the user token and the rate limits, as JSON

#include "app.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace example {

using http_request = boost::beast::http::request<boost::beast::http::string_body>;
using http_response = boost::beast::http::response<boost::beast::http::string_body>;

// Never throws for a failure of X's or of the request's: those become statuses.
boost::asio::awaitable<http_response> respond(app& a, http_request const& req);

}  // namespace example

#endif
