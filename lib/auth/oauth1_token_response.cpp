#include "auth/oauth1_token_response.hpp"

#include "core/form.hpp"

#include <string>
#include <vector>

namespace twitter::detail {

namespace {

std::string const* find(std::vector<param> const& params, std::string_view name) {
    for (param const& p : params)
        if (p.name == name) return &p.value;
    return nullptr;
}

}  // namespace

error_code parse_request_token_response(std::string_view body, oauth1_token& out) {
    auto const fields = core::parse_form(body);
    if (!fields) return auth_errc::malformed_token_response;
    std::string const* token = find(*fields, "oauth_token");
    std::string const* secret = find(*fields, "oauth_token_secret");
    std::string const* confirmed = find(*fields, "oauth_callback_confirmed");
    if (!token || !secret || token->empty()) return auth_errc::malformed_token_response;
    if (!confirmed || *confirmed != "true") return auth_errc::callback_not_confirmed;
    out = {*token, *secret, {}, {}};
    return {};
}

error_code parse_access_token_response(std::string_view body, oauth1_token& out) {
    auto const fields = core::parse_form(body);
    if (!fields) return auth_errc::malformed_token_response;
    std::string const* token = find(*fields, "oauth_token");
    std::string const* secret = find(*fields, "oauth_token_secret");
    if (!token || !secret || token->empty() || secret->empty()) return auth_errc::malformed_token_response;
    out = {*token, *secret, {}, {}};
    if (std::string const* id = find(*fields, "user_id")) out.user_id = *id;
    if (std::string const* name = find(*fields, "screen_name")) out.screen_name = *name;
    return {};
}

}  // namespace twitter::detail
