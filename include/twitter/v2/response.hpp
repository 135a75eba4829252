#ifndef TWITTER_V2_RESPONSE_HPP
#define TWITTER_V2_RESPONSE_HPP

// The response envelope of the X API v2, and the parsers that fill it. Parsing is compiled in the library, so
// this header pulls in no JSON library.

#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/response.hpp>
#include <twitter/v2/models.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::v2 {

namespace detail {
template <class T>
struct data_holder {
    using type = std::optional<T>;
};
// A list stays a list: an absent "data" (the empty page) is an empty vector, so there is one thing to check.
template <class T>
struct data_holder<std::vector<T>> {
    using type = std::vector<T>;
};
}  // namespace detail

// One answer of a v2 endpoint. T is a model (a single object) or a std::vector of one (a list).
// A 200 that lists errors next to its data is data: `errors` holds the partial errors (e.g. one of the
// requested ids was deleted), and `data` holds what the API could return.
template <class T>
struct response {
    typename detail::data_holder<T>::type data;
    v2::includes includes;
    std::vector<api_error> errors;
    v2::meta meta;
    rate_limits limits;  // from the x-rate-limit-* and 24-hour headers the response had
    std::string raw_json;              // the body as received, for fields the models do not cover
};

// Fill `out` from a JSON body: out.raw_json is a copy of it, out.limits is left alone. A body that is not
// JSON, not an object, or whose data, includes, meta or errors have the wrong shape (a required id missing,
// a string where an object belongs) gives protocol_errc::malformed_json; `out` is then unspecified.
// Members we do not model, and null values, are ignored.
error_code parse(std::string_view body, response<tweet>& out);
error_code parse(std::string_view body, response<std::vector<tweet>>& out);
error_code parse(std::string_view body, response<user>& out);
error_code parse(std::string_view body, response<std::vector<user>>& out);
error_code parse(std::string_view body, response<list>& out);
error_code parse(std::string_view body, response<std::vector<list>>& out);
error_code parse(std::string_view body, response<space>& out);
error_code parse(std::string_view body, response<std::vector<space>>& out);
error_code parse(std::string_view body, response<dm_event>& out);
error_code parse(std::string_view body, response<std::vector<dm_event>>& out);
error_code parse(std::string_view body, response<compliance_job>& out);
error_code parse(std::string_view body, response<std::vector<compliance_job>>& out);
error_code parse(std::string_view body, response<std::vector<tweet_count>>& out);
error_code parse(std::string_view body, response<action_result>& out);
error_code parse(std::string_view body, response<dm_created>& out);
error_code parse(std::string_view body, response<std::vector<stream_rule>>& out);

// The x-rate-limit-* window and the 24-hour limits, each when its three headers are present and valid.
rate_limits rate_limits_of(std::span<http::header const> headers) noexcept;

// A whole HTTP response: the body as above, and the rate limits from the headers.
template <class T>
error_code parse(http::response const& res, response<T>& out) {
    error_code const ec = parse(std::string_view(res.body), out);
    out.limits = rate_limits_of(res.headers);
    return ec;
}

}  // namespace twitter::v2

#endif
