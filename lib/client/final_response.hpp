#ifndef TWITTER_LIB_CLIENT_FINAL_RESPONSE_HPP
#define TWITTER_LIB_CLIENT_FINAL_RESPONSE_HPP

#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/response.hpp>

namespace twitter::detail {

// What the pipeline makes of the response it settles on, without I/O: records its status and rate limits in
// `diag`, maps a 4xx or 5xx to its error (with the body's API errors in `diag`), refuses a 3xx (redirects
// are not followed), and refuses a body that declares JSON but does not parse.
// `limits` are the response's, parsed once by the caller.
error_code check_final_response(http::response const& res, rate_limits limits, diagnostics& diag);

}  // namespace twitter::detail

#endif
