#include "auth/authorization_response.hpp"

#include "core/constant_time.hpp"
#include "core/form.hpp"
#include "http/url.hpp"

namespace twitter::detail {
namespace {

// RFC 6749, section 3.1: a parameter must not appear twice. `repeated` says it did.
std::string const* find(std::vector<param> const& params, std::string_view name, bool& repeated) {
    std::string const* found = nullptr;
    for (param const& p : params) {
        if (p.name != name) continue;
        if (found) repeated = true;
        found = &p.value;
    }
    return found;
}

}  // namespace

error_code read_authorization_response(std::string_view response_url, std::string_view redirect_uri,
                                       std::string_view expected_state, std::string& code, diagnostics* diag) {
    auto fail = [&](error_code ec, std::string why) {
        if (diag) diag->message = std::move(why);
        return ec;
    };
    parsed_url got;
    parsed_url ours;
    if (parse_url(response_url, got)) return fail(client_errc::invalid_url, "the callback URL is malformed");
    if (parse_url(redirect_uri, ours)) return fail(client_errc::invalid_url, "the redirect URI is malformed");
    if (!(got.where == ours.where) || got.path != ours.path)
        return fail(auth_errc::redirect_mismatch, "the callback URL is not the redirect URI");

    auto params = core::parse_form(got.query);
    if (!params) return fail(client_errc::invalid_url, "the callback URL has a malformed query");

    // The state is checked before anything else the URL says, errors included: an attacker's callback must not
    // even be able to report an error on our behalf.
    bool repeated = false;
    std::string const* state = find(*params, "state", repeated);
    if (!state || repeated || expected_state.empty() || !core::constant_time_equal(*state, expected_state))
        return fail(auth_errc::state_mismatch, "the callback's state does not match this session");

    if (std::string const* error = find(*params, "error", repeated)) {
        std::string const* description = find(*params, "error_description", repeated);
        std::string why = "authorization server error: " + *error;
        if (description) why += " (" + *description + ")";
        return fail(*error == "access_denied" ? error_code(auth_errc::access_denied)
                                              : error_code(auth_errc::authorization_failed),
                    std::move(why));
    }
    std::string const* found = find(*params, "code", repeated);
    if (!found || found->empty()) return fail(auth_errc::missing_code, "the callback carries no code");
    if (repeated) return fail(client_errc::invalid_url, "the callback repeats a parameter");
    code = *found;
    return {};
}

}  // namespace twitter::detail
