#ifndef TWITTER_AUTH_HANDLER_HPP
#define TWITTER_AUTH_HANDLER_HPP

#include <twitter/error.hpp>
#include <twitter/param.hpp>

#include <boost/asio/any_completion_handler.hpp>

#include <cstdint>
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

// An Authorization header, and which generation of credentials made it (see auth_handler::async_recover).
struct authorization {
    std::string header;
    std::uint64_t generation = 0;
};

// What kind of credentials a handler holds; the client routes each request by it.
enum class auth_scheme {
    app_bearer,   // OAuth 2.0 app-only bearer token
    user_bearer,  // OAuth 2.0 user access token (PKCE)
    oauth1_user,  // OAuth 1.0a user context
};

using authorize_handler = boost::asio::any_completion_handler<void(error_code, authorization)>;
using recover_handler = boost::asio::any_completion_handler<void(error_code)>;

// Produces the Authorization header of each request. The client calls it on its own strand, once per attempt.
class auth_handler {
public:
    virtual ~auth_handler() = default;
    virtual auth_scheme scheme() const noexcept = 0;

    // Completes with the full header value, e.g. "Bearer AAAA...", or an error such as
    // client_errc::missing_credential when the handler has nothing to sign with.
    virtual void async_authorize(request_to_sign const& req, authorize_handler handler) = 0;

    // A request authorized with credentials of `generation` was answered 401. Completes without error when newer
    // credentials are ready and the request deserves one more try; otherwise with the reason. The default has
    // nothing newer to offer.
    virtual void async_recover(std::uint64_t generation, recover_handler handler);
};

}  // namespace twitter

#endif
