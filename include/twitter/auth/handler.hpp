#ifndef TWITTER_AUTH_HANDLER_HPP
#define TWITTER_AUTH_HANDLER_HPP

#include <twitter/error.hpp>
#include <twitter/param.hpp>

#include <boost/asio/any_completion_handler.hpp>

#include <span>
#include <string>
#include <string_view>

namespace twitter {

// What an authentication handler sees of a request it must authorize: exactly what will be sent.
struct request_to_sign {
    std::string_view method;       // "GET", "POST", ...
    std::string_view url;          // scheme://host[:port]/path, without the query
    std::span<param const> query;  // the whole query, the target's own parameters included
    std::span<param const> form;   // the form body's parameters; empty unless the body is form-encoded
};

using authorize_handler = boost::asio::any_completion_handler<void(error_code, std::string)>;

// Produces the Authorization header of each request. The client calls it on its own strand, once per attempt.
class auth_handler {
public:
    virtual ~auth_handler() = default;
    // Completes with the full header value, e.g. "Bearer AAAA...".
    virtual void async_authorize(request_to_sign const& req, authorize_handler handler) = 0;
};

}  // namespace twitter

#endif
