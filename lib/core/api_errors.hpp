#ifndef TWITTER_CORE_API_ERRORS_HPP
#define TWITTER_CORE_API_ERRORS_HPP

#include <twitter/diagnostics.hpp>

#include <string_view>
#include <vector>

namespace twitter::core {

// Reads an X error body in any of its three shapes into api_error entries:
//   {"errors":[{"code":88,"message":"..."}]}                    v1.1, and v2 partial errors
//   {"title":"...","detail":"...","type":"...","status":401}     v2 problem JSON (RFC 7807)
//   {"error":"invalid_request","error_description":"..."}       OAuth 2.0 (RFC 6749, section 5.2)
// A body that is not JSON, or JSON of another shape, yields nothing: the status alone then speaks.
std::vector<api_error> parse_api_errors(std::string_view body);

}  // namespace twitter::core

#endif
