// The JSON answer of the OAuth 2.0 token endpoint (RFC 6749, sections 5.1 and 5.2), and the error member of
// its error answers.
//
// Input: the body.
// Invariants: a success has a non-empty access token of type bearer (any case) and an expires_in, when there
// is one, in [0, 2^31) seconds; what was read survives a round trip through a canonical JSON body and through
// the token's own serialize()/deserialize() (the profile file format); a failure is malformed_token_response.

#include "core/oauth2_token_response.hpp"
#include "fuzz_check.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>

using namespace twitter;

namespace {

bool same(oauth2_token const& a, oauth2_token const& b) {
    return a.access_token == b.access_token && a.refresh_token == b.refresh_token && a.token_type == b.token_type &&
           a.scope == b.scope && a.expires_at == b.expires_at;
}

bool is_bearer(std::string_view type) {
    std::string lower(type);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "bearer";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const body = fuzz::as_text(data, size);
    (void)core::oauth_error_code(body);

    core::token_response got;
    error_code const ec = core::parse_token_response(body, got);
    if (ec) {
        FUZZ_CHECK(ec == auth_errc::malformed_token_response);
        return 0;
    }
    FUZZ_CHECK(!got.token.access_token.empty());
    FUZZ_CHECK(is_bearer(got.token.token_type));
    if (got.expires_in) FUZZ_CHECK(got.expires_in->count() >= 0 && got.expires_in->count() < (std::int64_t{1} << 31));

    boost::json::object canonical{{"access_token", got.token.access_token},
                                  {"token_type", got.token.token_type},
                                  {"refresh_token", got.token.refresh_token},
                                  {"scope", got.token.scope}};
    if (got.expires_in) canonical["expires_in"] = got.expires_in->count();
    core::token_response again;
    FUZZ_CHECK(!core::parse_token_response(boost::json::serialize(canonical), again));
    FUZZ_CHECK(same(again.token, got.token));
    FUZZ_CHECK(again.expires_in == got.expires_in);

    oauth2_token restored;
    FUZZ_CHECK(oauth2_token::deserialize(got.token.serialize(), restored));
    FUZZ_CHECK(same(restored, got.token));
    return 0;
}
