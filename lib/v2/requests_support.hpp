#ifndef TWITTER_LIB_V2_REQUESTS_SUPPORT_HPP
#define TWITTER_LIB_V2_REQUESTS_SUPPORT_HPP

// What the endpoint builders of <twitter/v2/requests.hpp> share: the request skeleton, path segments, query
// parameters and JSON bodies.

#include <twitter/v2/requests.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace twitter::v2::detail {

template <class T>
typed_request<T> make_request(http::verb method, std::string target, http::auth_mode auth,
                              std::optional<token_param> pagination = std::nullopt) {
    typed_request<T> r;
    r.http.method = method;
    r.http.target = std::move(target);
    r.http.auth = auth;
    r.pagination = pagination;
    return r;
}

// One path segment, percent-encoded. An empty value would change which endpoint the path names, so it throws
// std::invalid_argument, saying which argument (`what`) was empty.
std::string segment(std::string_view value, std::string_view what);

// Sets `body` as the request's JSON body, serialized compactly with its keys in insertion order.
void set_json_body(http::request& req, boost::json::object const& body);
// A JSON array of strings: ids go out as strings, as Tweepy sends them.
boost::json::array string_array(std::vector<std::string> const& values);

// "YYYY-MM-DDTHH:mm:ssZ", UTC, the fraction of a second dropped.
std::string format_timestamp(timestamp t);

// Query parameters, each added only when set (or, for lists, not empty).
void add(std::vector<param>& query, std::string_view name, std::optional<std::string> const& value);
void add(std::vector<param>& query, std::string_view name, std::optional<unsigned> const& value);
void add(std::vector<param>& query, std::string_view name, std::optional<timestamp> const& value);
// Comma-joined. A required list is sent even when empty: X then says what is missing.
std::string join(std::vector<std::string> const& values);
void add_csv(std::vector<param>& query, std::string_view name, std::vector<std::string> const& values);

template <class Enum>
requires std::is_enum_v<Enum>
void add(std::vector<param>& query, std::string_view name, std::optional<Enum> const& value) {
    if (value) query.push_back({std::string(name), std::string(to_string(*value))});
}

// Comma-joined in the order given, each value once.
template <class Enum>
requires std::is_enum_v<Enum>
void add(std::vector<param>& query, std::string_view name, std::vector<Enum> const& values) {
    std::vector<std::string> names;
    for (Enum const v : values) {
        std::string n(to_string(v));
        bool seen = false;
        for (auto const& known : names) seen = seen || known == n;
        if (!seen) names.push_back(std::move(n));
    }
    add_csv(query, name, names);
}

// expansions and *.fields, in the order of v2::append_query.
void add_fields(std::vector<param>& query, tweet_fields_params const& f);
void add_fields(std::vector<param>& query, user_fields_params const& f);
void add_fields(std::vector<param>& query, list_fields_params const& f);
void add_fields(std::vector<param>& query, space_fields_params const& f);
void add_fields(std::vector<param>& query, dm_event_fields_params const& f);

}  // namespace twitter::v2::detail

#endif
