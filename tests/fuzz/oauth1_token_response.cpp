// The form-encoded bodies of POST oauth/request_token and oauth/access_token (RFC 5849, section 2).
//
// Input: one byte choosing the endpoint (even: request_token, odd: access_token), then the body.
// Invariants: a success yields a non-empty token (and, from access_token, a non-empty secret); the token read
// back from the canonical encoding of what was parsed is the same (a round trip through core::encode_params);
// a failure leaves the output untouched.

#include "auth/oauth1_token_response.hpp"
#include "core/form.hpp"
#include "fuzz_check.hpp"

#include <vector>

using namespace twitter;

namespace {

bool same(oauth1_token const& a, oauth1_token const& b) {
    return a.token == b.token && a.secret == b.secret && a.user_id == b.user_id && a.screen_name == b.screen_name;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view body = fuzz::as_text(data, size);
    bool const access = fuzz::take_byte(body) % 2 == 1;

    oauth1_token const untouched{"t", "s", "u", "n"};
    oauth1_token token = untouched;
    error_code const ec =
        access ? detail::parse_access_token_response(body, token) : detail::parse_request_token_response(body, token);
    if (ec) {
        FUZZ_CHECK(ec == auth_errc::malformed_token_response || ec == auth_errc::callback_not_confirmed);
        FUZZ_CHECK(access ? ec != auth_errc::callback_not_confirmed : true);
        FUZZ_CHECK(same(token, untouched));
        return 0;
    }
    FUZZ_CHECK(!token.token.empty());
    if (access) FUZZ_CHECK(!token.secret.empty());
    if (!access) FUZZ_CHECK(token.user_id.empty() && token.screen_name.empty());

    std::vector<param> canonical{{"oauth_token", token.token}, {"oauth_token_secret", token.secret}};
    if (access) {
        canonical.push_back({"user_id", token.user_id});
        canonical.push_back({"screen_name", token.screen_name});
    } else {
        canonical.push_back({"oauth_callback_confirmed", "true"});
    }
    std::string const encoded = core::encode_params(canonical);
    oauth1_token reread;
    error_code const rec = access ? detail::parse_access_token_response(encoded, reread)
                                  : detail::parse_request_token_response(encoded, reread);
    FUZZ_CHECK(!rec);
    FUZZ_CHECK(same(reread, token));
    return 0;
}
