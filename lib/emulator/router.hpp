#ifndef TWITTER_LIB_EMULATOR_ROUTER_HPP
#define TWITTER_LIB_EMULATOR_ROUTER_HPP

#include "emulator/endpoint.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace twitter::emulator::detail {

// True for the routes that hand out or take back credentials rather than serve the API.
bool is_authorization_endpoint(route_id id);

struct route_match {
    route const* r = nullptr;
    route_id id = route_id::api;
    // The route's name, "<method> <pattern>" (e.g. "GET /2/tweets/:id"), and its rate-limit family, which is
    // the name unless the route says otherwise.
    std::string_view endpoint;
    std::string_view family;
    std::array<std::string_view, 2> params;  // the values of the path's ':' segments, in order
    std::string_view param;                  // the first of them
};

// Matches a method and a path (no query) against the emulated endpoints. A trailing slash is not a match,
// as on X. When several patterns match, the one with the fewest ':' segments wins ("/2/users/me" before
// "/2/users/:id").
std::optional<route_match> match_route(std::string_view method, std::string_view path);

// Every route with its name, for tables built from them (the documented rate limits).
struct named_route {
    route r;
    std::string name;
};
std::vector<named_route> const& all_routes();

// Splits a request target into its path and its query (without the '?').
struct split_target {
    std::string_view path;
    std::string_view query;
};
split_target split(std::string_view target);

// The decoded value of the first `name` in a query string ('+' is a space, %XX is decoded), if present.
std::optional<std::string> query_param(std::string_view query, std::string_view name);

// Every parameter of a query string, decoded leniently (a malformed escape is kept as written).
param_list query_params(std::string_view query);

}  // namespace twitter::emulator::detail

#endif
