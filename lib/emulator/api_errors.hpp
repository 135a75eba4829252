#ifndef TWITTER_LIB_EMULATOR_API_ERRORS_HPP
#define TWITTER_LIB_EMULATOR_API_ERRORS_HPP

// The answers X gives when a request is refused, in API v2's problem shape, and the partial errors of a v2
// lookup. v1.1's shape is v1_error() in response.hpp.

#include "emulator/response.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace twitter::emulator::detail {

inline constexpr std::string_view unauthorized_body =
    R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})";
inline constexpr std::string_view forbidden_body =
    R"({"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden"})";
inline constexpr std::string_view oauth1_permissions_body =
    R"({"detail":"Your client app is not configured with the appropriate oauth1 app permissions for this )"
    R"(endpoint.","type":"https://api.twitter.com/2/problems/oauth1-permissions","title":"Forbidden",)"
    R"("status":403})";
inline constexpr std::string_view too_many_requests_body =
    R"({"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429})";
inline constexpr std::string_view not_found_route_body =
    R"({"title":"Not Found Error","detail":"Sorry, that page does not exist.",)"
    R"("type":"https://api.twitter.com/2/problems/resource-not-found","status":404})";

api_response make(unsigned status, std::string body);
api_response make_json(unsigned status, boost::json::value const& body);

// 403 "Unsupported Authentication": the credential's kind is not one the endpoint accepts. `used` names it
// ("OAuth 2.0 Application-Only", "OAuth 1.0a User Context"), `supported` lists the accepted ones.
api_response unsupported_authentication(std::string_view used, std::string_view supported);

// 403 for acting on behalf of a user other than the authenticated one.
api_response not_the_authenticated_user();

// 400 "Invalid Request" with one error.
api_response invalid_request(boost::json::object error);
// "The `name` query parameter value [value] is not valid".
api_response invalid_parameter(std::string_view name, std::string_view value);
// "The `name` query parameter value [value] is not between lo and hi".
api_response out_of_range(std::string_view name, std::string_view value, std::size_t lo, std::size_t hi);
// "The `name` query parameter can not be empty".
api_response missing_parameter(std::string_view name);
// A JSON body that is not valid JSON or lacks a field.
api_response invalid_body(std::string_view message);

// One partial error of a lookup: "Could not find <resource_type> with <parameter>: [value]."
boost::json::object not_found_error(std::string_view resource_type, std::string_view parameter,
                                    std::string_view value);

}  // namespace twitter::emulator::detail

#endif
