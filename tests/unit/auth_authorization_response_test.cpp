#include "auth/authorization_response.hpp"

#include "print_error_enums.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

BOOST_AUTO_TEST_SUITE(auth_authorization_response)

using twitter::auth_errc;
using twitter::client_errc;
using twitter::diagnostics;
using twitter::error_code;
using twitter::detail::read_authorization_response;

namespace {

constexpr std::string_view redirect = "https://app.example.com:8443/oauth/callback";
constexpr std::string_view state = "st4te-Value_0123456789abcdefghijklmnopqrstu";

// Runs the reader on a fresh `code` pre-filled with a sentinel, so that a failure can be seen to leave it
// alone.
struct outcome {
    error_code ec;
    std::string code;
    diagnostics diag;
};

outcome read(std::string_view url, std::string_view expected_state = state,
             std::string_view redirect_uri = redirect) {
    outcome out;
    out.code = "untouched";
    out.ec = read_authorization_response(url, redirect_uri, expected_state, out.code, &out.diag);
    return out;
}

std::string callback(std::string_view query) { return std::string(redirect) + "?" + std::string(query); }

}  // namespace

BOOST_AUTO_TEST_CASE(success_gives_the_code) {
    auto const r = read(callback("state=" + std::string(state) + "&code=abc123"));
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.code == "abc123");
}

BOOST_AUTO_TEST_CASE(a_repeated_state_is_a_state_mismatch) {
    auto const r = read(callback("state=" + std::string(state) + "&state=" + std::string(state) + "&code=abc"));
    BOOST_TEST(r.ec == auth_errc::state_mismatch);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(a_repeated_code_is_refused) {
    auto const r = read(callback("state=" + std::string(state) + "&code=abc&code=def"));
    BOOST_TEST(r.ec == client_errc::invalid_url);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(success_without_diagnostics_pointer_works) {
    std::string code;
    error_code const ec = read_authorization_response(callback("state=" + std::string(state) + "&code=xyz"),
                                                      redirect, state, code, nullptr);
    BOOST_TEST(!ec);
    BOOST_TEST(code == "xyz");
}

BOOST_AUTO_TEST_CASE(missing_state_is_a_state_mismatch) {
    auto const r = read(callback("code=abc123"));
    BOOST_TEST(r.ec == auth_errc::state_mismatch);
    BOOST_TEST(r.code == "untouched");
    BOOST_TEST(!r.diag.message.empty());
}

BOOST_AUTO_TEST_CASE(different_state_is_a_state_mismatch) {
    auto const r = read(callback("state=someone-elses-state&code=abc123"));
    BOOST_TEST(r.ec == auth_errc::state_mismatch);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(empty_expected_state_is_a_state_mismatch_even_when_the_callback_state_is_empty) {
    BOOST_TEST(read(callback("state=&code=abc123"), "").ec == auth_errc::state_mismatch);
    BOOST_TEST(read(callback("code=abc123"), "").ec == auth_errc::state_mismatch);
    BOOST_TEST(read(callback("state=anything&code=abc123"), "").ec == auth_errc::state_mismatch);
}

BOOST_AUTO_TEST_CASE(empty_callback_state_is_a_state_mismatch) {
    BOOST_TEST(read(callback("state=&code=abc123")).ec == auth_errc::state_mismatch);
}

BOOST_AUTO_TEST_CASE(state_differing_only_in_the_last_character_is_a_state_mismatch) {
    std::string almost(state);
    almost.back() = almost.back() == 'u' ? 'v' : 'u';
    BOOST_TEST(read(callback("state=" + almost + "&code=abc123")).ec == auth_errc::state_mismatch);
}

BOOST_AUTO_TEST_CASE(state_of_a_different_length_is_a_state_mismatch) {
    std::string const prefix(state.substr(0, state.size() - 1));
    std::string const longer = std::string(state) + "x";
    BOOST_TEST(read(callback("state=" + prefix + "&code=abc123")).ec == auth_errc::state_mismatch);
    BOOST_TEST(read(callback("state=" + longer + "&code=abc123")).ec == auth_errc::state_mismatch);
}

BOOST_AUTO_TEST_CASE(access_denied_is_reported_with_its_description) {
    auto const r = read(callback("state=" + std::string(state) +
                                 "&error=access_denied&error_description=The%20user%20said%20no"));
    BOOST_TEST(r.ec == auth_errc::access_denied);
    BOOST_TEST(r.diag.message.find("The user said no") != std::string::npos, r.diag.message);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(other_errors_are_authorization_failed) {
    for (std::string_view error : {"invalid_request", "unauthorized_client", "invalid_scope", "server_error",
                                   "temporarily_unavailable", "Access_Denied"}) {
        BOOST_TEST_CONTEXT(error) {
            auto const r = read(callback("state=" + std::string(state) + "&error=" + std::string(error)));
            BOOST_TEST(r.ec == auth_errc::authorization_failed);
            BOOST_TEST(r.diag.message.find(std::string(error)) != std::string::npos, r.diag.message);
        }
    }
}

BOOST_AUTO_TEST_CASE(error_wins_over_a_code_in_the_same_callback) {
    auto const r = read(callback("state=" + std::string(state) + "&code=abc&error=access_denied"));
    BOOST_TEST(r.ec == auth_errc::access_denied);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(an_error_with_a_wrong_state_is_a_state_mismatch) {
    // An attacker's callback must not even be able to report an error on our behalf: state is checked first.
    auto const r = read(callback("state=forged&error=access_denied&error_description=spoofed"));
    BOOST_TEST(r.ec == auth_errc::state_mismatch);
    BOOST_TEST(r.diag.message.find("spoofed") == std::string::npos, r.diag.message);
    BOOST_TEST(read(callback("error=server_error")).ec == auth_errc::state_mismatch);
}

BOOST_AUTO_TEST_CASE(no_code_is_missing_code) {
    auto const r = read(callback("state=" + std::string(state)));
    BOOST_TEST(r.ec == auth_errc::missing_code);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(empty_code_is_missing_code) {
    BOOST_TEST(read(callback("state=" + std::string(state) + "&code=")).ec == auth_errc::missing_code);
    BOOST_TEST(read(callback("state=" + std::string(state) + "&code")).ec == auth_errc::missing_code);
}

BOOST_AUTO_TEST_CASE(a_different_scheme_is_a_redirect_mismatch) {
    auto const r =
        read("http://app.example.com:8443/oauth/callback?state=" + std::string(state) + "&code=abc");
    BOOST_TEST(r.ec == auth_errc::redirect_mismatch);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(a_different_host_is_a_redirect_mismatch) {
    auto const q = "?state=" + std::string(state) + "&code=abc";
    BOOST_TEST(read("https://evil.example.com:8443/oauth/callback" + q).ec == auth_errc::redirect_mismatch);
    BOOST_TEST(read("https://app.example.com.evil.com:8443/oauth/callback" + q).ec ==
               auth_errc::redirect_mismatch);
}

BOOST_AUTO_TEST_CASE(a_different_port_is_a_redirect_mismatch) {
    auto const q = "?state=" + std::string(state) + "&code=abc";
    BOOST_TEST(read("https://app.example.com:8444/oauth/callback" + q).ec == auth_errc::redirect_mismatch);
    // The default port is not the redirect URI's explicit 8443.
    BOOST_TEST(read("https://app.example.com/oauth/callback" + q).ec == auth_errc::redirect_mismatch);
}

BOOST_AUTO_TEST_CASE(a_different_path_is_a_redirect_mismatch) {
    auto const q = "?state=" + std::string(state) + "&code=abc";
    BOOST_TEST(read("https://app.example.com:8443/oauth/callback2" + q).ec == auth_errc::redirect_mismatch);
    BOOST_TEST(read("https://app.example.com:8443/oauth/" + q).ec == auth_errc::redirect_mismatch);
    BOOST_TEST(read("https://app.example.com:8443/other/callback" + q).ec == auth_errc::redirect_mismatch);
    BOOST_TEST(read("https://app.example.com:8443/" + q).ec == auth_errc::redirect_mismatch);
}

BOOST_AUTO_TEST_CASE(a_malformed_callback_url_is_invalid_url) {
    for (std::string_view bad :
         {"", "not a url", "app.example.com:8443/oauth/callback?code=a",
          "ftp://app.example.com:8443/oauth/callback?code=a",
          "https://user@app.example.com:8443/oauth/callback?code=a",
          "https://app.example.com:99999/oauth/callback?code=a", "https:///oauth/callback"}) {
        BOOST_TEST_CONTEXT("'" << bad << "'") {
            auto const r = read(bad);
            BOOST_TEST(r.ec == client_errc::invalid_url);
            BOOST_TEST(r.code == "untouched");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_malformed_redirect_uri_is_invalid_url) {
    auto const r = read(callback("state=" + std::string(state) + "&code=abc"), state, "app.example.com/cb");
    BOOST_TEST(r.ec == client_errc::invalid_url);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(an_explicit_default_port_is_the_same_redirect_uri) {
    auto const q = "?state=" + std::string(state) + "&code=abc";
    auto const r = read("https://app.example.com:443/cb" + q, state, "https://app.example.com/cb");
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.code == "abc");
}

BOOST_AUTO_TEST_CASE(a_malformed_query_is_invalid_url) {
    auto const r = read(callback("state=" + std::string(state) + "&code=ab%zz"));
    BOOST_TEST(r.ec == client_errc::invalid_url);
    BOOST_TEST(r.code == "untouched");
}

BOOST_AUTO_TEST_CASE(query_order_is_irrelevant) {
    auto const r = read(callback("code=abc123&foo=bar&state=" + std::string(state)));
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.code == "abc123");
}

BOOST_AUTO_TEST_CASE(percent_encoded_code_is_decoded) {
    auto const r = read(callback("state=" + std::string(state) + "&code=a%2Fb%3Dc%26d%20e%7E"));
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.code == "a/b=c&d e~");
}

BOOST_AUTO_TEST_CASE(percent_encoded_state_is_decoded_before_comparison) {
    std::string encoded(state);
    encoded.replace(0, 1, "%73");  // 's'
    auto const r = read(callback("state=" + encoded + "&code=abc"));
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.code == "abc");
}

BOOST_AUTO_TEST_CASE(fragment_is_ignored) {
    auto const r = read(callback("state=" + std::string(state) + "&code=abc123#code=other&state=forged"));
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.code == "abc123");
    // A state or code that appears only in the fragment does not count.
    BOOST_TEST(read(std::string(redirect) + "#state=" + std::string(state) + "&code=abc").ec ==
               auth_errc::state_mismatch);
    BOOST_TEST(read(callback("state=" + std::string(state) + "#code=abc")).ec == auth_errc::missing_code);
}

BOOST_AUTO_TEST_CASE(host_and_scheme_case_do_not_matter) {
    auto const r =
        read("HTTPS://App.Example.COM:8443/oauth/callback?state=" + std::string(state) + "&code=c");
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.code == "c");
}

BOOST_AUTO_TEST_SUITE_END()
