// The URL the browser is redirected to after an OAuth 2.0 authorization (RFC 6749, section 4.1.2): anyone
// can craft one and hand it to the application.
//
// Input: the callback URL, then optionally "\n" the expected state, then "\n" the redirect URI.
// Invariants: a success yields a non-empty code and leaves no diagnostic; it hinges on the state (the same URL
// with another expected state, or none, is a state mismatch); the answer is the same when asked twice.

#include "auth/authorization_response.hpp"
#include "fuzz_check.hpp"

#include <string>

using namespace twitter;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view in = fuzz::as_text(data, size);
    std::string_view const url = fuzz::take_line(in);
    std::string_view state = fuzz::take_line(in);
    std::string_view redirect = fuzz::take_line(in);
    if (state.empty()) state = "af0ifjsldkj";
    if (redirect.empty()) redirect = "http://127.0.0.1:8765/callback";

    std::string code;
    diagnostics diag;
    error_code const ec = detail::read_authorization_response(url, redirect, state, code, &diag);

    std::string again_code;
    FUZZ_CHECK(detail::read_authorization_response(url, redirect, state, again_code, nullptr) == ec);
    FUZZ_CHECK(again_code == code);
    if (ec) {
        FUZZ_CHECK(code.empty());
        FUZZ_CHECK(!diag.message.empty());
        return 0;
    }
    FUZZ_CHECK(!code.empty());
    FUZZ_CHECK(diag.message.empty());

    std::string other_code;
    std::string const other_state = std::string(state) + "x";
    FUZZ_CHECK(detail::read_authorization_response(url, redirect, other_state, other_code, nullptr) ==
               auth_errc::state_mismatch);
    FUZZ_CHECK(detail::read_authorization_response(url, redirect, "", other_code, nullptr) ==
               auth_errc::state_mismatch);
    FUZZ_CHECK(other_code.empty());
    return 0;
}
