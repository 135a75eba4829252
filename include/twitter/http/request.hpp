#ifndef TWITTER_HTTP_REQUEST_HPP
#define TWITTER_HTTP_REQUEST_HPP

#include <twitter/param.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace twitter::http {

enum class verb { get, post, put, delete_, patch };

std::string_view to_string(verb v) noexcept;

// Safe to repeat: GET, PUT and DELETE (RFC 9110, 9.2.2). Only these are retried on their own.
constexpr bool is_idempotent(verb v) noexcept { return v != verb::post && v != verb::patch; }

struct header {
    std::string name;
    std::string value;
};

enum class body_kind {
    none,
    json,  // body is JSON text; not part of an OAuth 1.0a signature
    form,  // body is built from `form`, application/x-www-form-urlencoded; signed by OAuth 1.0a
    raw,   // body is sent as is with `content_type` (multipart uploads, say); not signed
};

// Which of the client's credentials a request uses (Tweepy's `user_auth`, made explicit).
enum class auth_mode {
    automatic,  // the app (bearer) credentials when the client has them, else the user's: Tweepy's user_auth=False
    user,       // user context only, OAuth 1.0a or an OAuth 2.0 user token: Tweepy's user_auth=True
    bearer,     // a bearer token only, app-only or OAuth 2.0 user; never OAuth 1.0a
    user_bearer,  // an OAuth 2.0 user access token only (the bookmarks endpoints)
    none,       // no credentials at all
};

// A request as the caller describes it. Nothing here is encoded yet: the client percent-encodes the query
// and the form per RFC 3986 at send time, so the bytes signed are the bytes sent.
struct request {
    verb method = verb::get;
    // A path on the API host ("/2/tweets/20"), or an absolute https:// URL for another host.
    // It may carry a query string of its own; `query` is appended to it.
    std::string target;
    std::vector<param> query;
    body_kind kind = body_kind::none;
    std::string body;          // for json and raw
    std::vector<param> form;   // for form
    std::string content_type;  // for raw
    std::vector<header> headers;
    auth_mode auth = auth_mode::automatic;
};

}  // namespace twitter::http

#endif
