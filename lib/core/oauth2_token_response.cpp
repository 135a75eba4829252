#include "core/oauth2_token_response.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>

namespace twitter::core {
namespace json = boost::json;
namespace {

std::string string_member(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

error_code parse_token_response(std::string_view body, token_response& out) {
    error_code const malformed = auth_errc::malformed_token_response;
    boost::system::error_code ec;
    json::value const doc = json::parse(body, ec);
    if (ec || !doc.is_object()) return malformed;
    json::object const& o = doc.get_object();

    out.token.access_token = string_member(o, "access_token");
    out.token.token_type = string_member(o, "token_type");
    if (out.token.access_token.empty() || !iequals(out.token.token_type, "bearer")) return malformed;
    out.token.refresh_token = string_member(o, "refresh_token");
    out.token.scope = string_member(o, "scope");

    out.expires_in.reset();
    if (auto const* v = o.if_contains("expires_in")) {
        // Some servers send the number as a string; both mean seconds from now.
        std::int64_t seconds = -1;
        if (v->is_int64() && v->get_int64() < std::int64_t{1} << 31)
            seconds = v->get_int64();
        else if (v->is_uint64() && v->get_uint64() < 1u << 31)
            seconds = static_cast<std::int64_t>(v->get_uint64());
        else if (v->is_string() && !v->get_string().empty() &&
                 std::all_of(v->get_string().begin(), v->get_string().end(),
                             [](unsigned char c) { return std::isdigit(c); }) &&
                 v->get_string().size() < 10)
            seconds = std::stoll(std::string(v->get_string()));
        if (seconds < 0) return malformed;
        out.expires_in = std::chrono::seconds(seconds);
    }
    return {};
}

std::string oauth_error_code(std::string_view body) {
    boost::system::error_code ec;
    json::value const doc = json::parse(body, ec);
    if (ec || !doc.is_object()) return {};
    return string_member(doc.get_object(), "error");
}

}  // namespace twitter::core
