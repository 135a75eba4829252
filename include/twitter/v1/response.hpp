#ifndef TWITTER_V1_RESPONSE_HPP
#define TWITTER_V1_RESPONSE_HPP

// A typed request and a typed answer of the X API v1.1, and the parsers that read a body into a model.
// Parsing is compiled in the library, so this header pulls in no JSON library.

#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>
#include <twitter/http/response.hpp>
#include <twitter/v1/models.hpp>

#include <string>
#include <string_view>

namespace twitter::v1 {

// A request to a v1.1 endpoint, typed by the model its answer parses into. The builders of
// <twitter/v1/requests.hpp> make them; twitter::api sends them.
template <class T>
struct typed_request {
    http::request http;
};

// One answer of a v1.1 endpoint.
template <class T>
struct response {
    T data{};
    rate_limits limits;    // from the x-rate-limit-* and 24-hour headers the response had
    std::string raw_json;  // the body as received, for the members the models do not cover
};

// Reads a body into `out`. A body that is not JSON, or whose shape is not the model's (not an object where
// one belongs, a required id missing, a string where a number belongs) gives protocol_errc::malformed_json,
// and `out` is then unspecified. Members we do not model, and null values, are ignored. no_content accepts
// any body.
//
// Instantiated in the library for: status, user, list, relationship, saved_search, place,
// place_search_result, search_results, id_page, user_page, list_page, dm_event, dm_event_page, oembed,
// rate_limit_status, account_settings, no_content, and std::vector of status, user, list, saved_search,
// language and friendship.
template <class T>
error_code parse(std::string_view body, T& out);

// A whole HTTP response: the body as above, the rate limits from the headers, and the body kept as raw_json.
template <class T>
error_code parse(http::response const& res, response<T>& out);

}  // namespace twitter::v1

#endif
