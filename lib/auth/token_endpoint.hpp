#ifndef TWITTER_LIB_AUTH_TOKEN_ENDPOINT_HPP
#define TWITTER_LIB_AUTH_TOKEN_ENDPOINT_HPP

#include <twitter/client_config.hpp>
#include <twitter/http/request.hpp>
#include <twitter/param.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace twitter::detail {

// A form POST to an OAuth endpoint on the API host, with no credentials of the client's own: the endpoint's
// client authentication (HTTP Basic, or client_id in the body) is part of the request itself.
inline http::request token_request(client_config const& config, std::string_view path, std::vector<param> form,
                                   std::string basic_authorization = {}) {
    std::string base = config.hosts.api;
    while (base.ends_with('/')) base.pop_back();
    http::request req;
    req.method = http::verb::post;
    req.target = base + std::string(path);
    req.kind = http::body_kind::form;
    req.form = std::move(form);
    req.auth = http::auth_mode::none;
    if (!basic_authorization.empty()) req.headers.push_back({"Authorization", std::move(basic_authorization)});
    return req;
}

}  // namespace twitter::detail

#endif
