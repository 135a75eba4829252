#ifndef TWITTER_V1_CALL_HPP
#define TWITTER_V1_CALL_HPP

// The one type-erased operation behind every typed v1.1 call: send the request through the client's pipeline
// (authorization, retries, rate limits), then parse the body into `response<T>`. Compiled in the library and
// instantiated there for every model of <twitter/v1/response.hpp>, so that users' translation units only see
// this declaration.

#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>
#include <twitter/v1/response.hpp>

#include <boost/asio/any_completion_handler.hpp>

namespace twitter {
class client;
}  // namespace twitter

namespace twitter::v1::detail {

template <class T>
using call_handler = boost::asio::any_completion_handler<void(error_code, response<T>)>;

// Completes on the handler's associated executor (else the client's), never inline. A 2xx whose body does not
// fit the model gives protocol_errc::malformed_json, with `diag->message` saying so (when `diag` is set).
template <class T>
void async_call(client& c, http::request req, diagnostics* diag, call_handler<T> handler);

}  // namespace twitter::v1::detail

#endif
