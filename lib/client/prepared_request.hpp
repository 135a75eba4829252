#ifndef TWITTER_LIB_CLIENT_PREPARED_REQUEST_HPP
#define TWITTER_LIB_CLIENT_PREPARED_REQUEST_HPP

#include "http/origin.hpp"

#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>

#include <string>
#include <vector>

namespace twitter::detail {

// A request resolved against the configuration and encoded once, so that what is signed is what is sent.
struct prepared_request {
    origin where;
    std::string url;           // scheme://authority/path: the OAuth 1.0a base string URL
    std::string target;        // path?query, RFC 3986 encoded
    std::vector<param> query;  // the target's own query parameters, then request::query
    std::string body;
    std::string content_type;
};

// Resolves a relative target against the API host, refuses plaintext except to loopback when allowed, and
// encodes the query and the body. Does no I/O.
error_code prepare_request(http::request const& req, client_config const& config, prepared_request& out,
                           diagnostics* diag);

}  // namespace twitter::detail

#endif
