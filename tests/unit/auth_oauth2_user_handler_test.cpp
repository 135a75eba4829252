#include <twitter/auth/oauth2_user_handler.hpp>

#include "print_error_enums.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <openssl/sha.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(auth_oauth2_user_handler)

using twitter::auth_errc;
using twitter::error_code;
using namespace std::chrono_literals;

namespace {

// --- Independent helpers: none of these use lib/core. ---

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// RFC 3986 percent-decoding; '+' stays '+' (the URL must not rely on form encoding for spaces).
std::optional<std::string> percent_decode(std::string_view in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size()) return std::nullopt;
        int const hi = hex_value(in[i + 1]);
        int const lo = hex_value(in[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

// name -> every raw (still encoded) value, in order.
std::map<std::string, std::vector<std::string>> raw_query(std::string_view url) {
    std::map<std::string, std::vector<std::string>> out;
    auto const q = url.find('?');
    if (q == std::string_view::npos) return out;
    std::string_view rest = url.substr(q + 1);
    while (!rest.empty()) {
        auto const amp = rest.find('&');
        std::string_view const pair = rest.substr(0, amp);
        auto const eq = pair.find('=');
        out[std::string(pair.substr(0, eq))].emplace_back(eq == std::string_view::npos ? std::string_view()
                                                                                       : pair.substr(eq + 1));
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
    return out;
}

// The single decoded value of `name`; fails the test if it is absent, repeated or badly encoded.
std::string query_value(std::map<std::string, std::vector<std::string>> const& query,
                        std::string const& name) {
    auto const it = query.find(name);
    BOOST_TEST_REQUIRE((it != query.end()), "no " << name << " in the query");
    BOOST_TEST_REQUIRE(it->second.size() == 1u, name << " appears " << it->second.size() << " times");
    auto decoded = percent_decode(it->second.front());
    BOOST_TEST_REQUIRE(decoded.has_value(), name << " is badly encoded: " << it->second.front());
    return *decoded;
}

std::string base64url_no_padding(unsigned char const* data, std::size_t size) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        unsigned const n = (unsigned(data[i]) << 16) | (unsigned(data[i + 1]) << 8) | data[i + 2];
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }
    if (size - i == 1) {
        unsigned const n = unsigned(data[i]) << 16;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
    } else if (size - i == 2) {
        unsigned const n = (unsigned(data[i]) << 16) | (unsigned(data[i + 1]) << 8);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
    }
    return out;
}

std::string s256(std::string_view verifier) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<unsigned char const*>(verifier.data()), verifier.size(), digest);
    return base64url_no_padding(digest, sizeof digest);
}

bool is_unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// --- Fixture: a handler on an io_context that only the async tests run, with clocks we move by hand. ---

struct fixture {
    boost::asio::io_context ctx;
    std::chrono::steady_clock::time_point steady_t{std::chrono::hours(1000)};
    std::chrono::system_clock::time_point system_t{std::chrono::seconds(1'700'000'000)};

    twitter::oauth2_user_params params() {
        twitter::oauth2_user_params p;
        p.client_id = "Y2xpZW50LWlk";
        p.redirect_uri = "https://app.example.com/oauth2/callback?tenant=a b";
        p.scope = {"tweet.read", "users.read", "offline.access"};
        p.steady_now = [this] { return steady_t; };
        p.system_now = [this] { return system_t; };
        return p;
    }

    twitter::oauth2_token token_expiring_in(std::chrono::seconds in, std::string refresh = {}) {
        twitter::oauth2_token t;
        t.access_token = "ACCESS-abc";
        t.refresh_token = std::move(refresh);
        t.scope = "tweet.read";
        t.expires_at = system_t + in;
        return t;
    }

    struct result {
        int calls = 0;
        error_code ec;
        twitter::authorization auth;
    };

    // Asks for a header and runs the io_context until nothing is left, so that leaked work would hang or
    // show.
    result authorize(twitter::oauth2_user_handler& h) {
        result r;
        twitter::request_to_sign const req{"GET", "https://api.x.com/2/users/me", {}, {}};
        h.async_authorize(req, [&r](error_code ec, twitter::authorization a) {
            ++r.calls;
            r.ec = ec;
            r.auth = std::move(a);
        });
        ctx.restart();
        ctx.run();
        BOOST_TEST(r.calls == 1);
        return r;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(authorization_url_carries_every_pkce_parameter, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    std::string const url = h.get_authorization_url();
    BOOST_TEST_REQUIRE(url.starts_with("https://x.com/i/oauth2/authorize?"), url);

    auto const q = raw_query(url);
    BOOST_TEST(q.size() == 7u, url);
    BOOST_TEST(query_value(q, "response_type") == "code");
    BOOST_TEST(query_value(q, "client_id") == "Y2xpZW50LWlk");
    BOOST_TEST(query_value(q, "redirect_uri") == "https://app.example.com/oauth2/callback?tenant=a b");
    BOOST_TEST(query_value(q, "scope") == "tweet.read users.read offline.access");
    BOOST_TEST(q.at("scope").front() == "tweet.read%20users.read%20offline.access");
    BOOST_TEST(query_value(q, "code_challenge_method") == "S256");

    twitter::pkce_session const s = h.session();
    BOOST_TEST(query_value(q, "state") == s.state);
    BOOST_TEST(!s.state.empty());
    BOOST_TEST(s.redirect_uri == "https://app.example.com/oauth2/callback?tenant=a b");
    BOOST_TEST(s.scope == (std::vector<std::string>{"tweet.read", "users.read", "offline.access"}),
               boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(authorization_url_starts_with_the_configured_authorize_host, fixture) {
    twitter::client_config config;
    config.hosts.authorize = "https://127.0.0.1:8443/i/oauth2/authorize";
    twitter::oauth2_user_handler h(ctx.get_executor(), params(), config);
    std::string const url = h.get_authorization_url();
    BOOST_TEST(url.starts_with("https://127.0.0.1:8443/i/oauth2/authorize?"), url);
}

BOOST_FIXTURE_TEST_CASE(code_challenge_is_s256_of_the_session_verifier, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    std::string const url = h.get_authorization_url();
    std::string const verifier = h.session().code_verifier;

    BOOST_TEST(verifier.size() >= 43u);
    BOOST_TEST(verifier.size() <= 128u);
    BOOST_TEST(std::all_of(verifier.begin(), verifier.end(), is_unreserved), verifier);

    auto const q = raw_query(url);
    std::string const challenge = query_value(q, "code_challenge");
    BOOST_TEST(challenge.size() == 43u);  // 32 octets, base64url without padding
    BOOST_TEST(challenge == s256(verifier));
    BOOST_TEST(url.find(verifier) == std::string::npos, "the verifier itself must not travel in the URL");
}

BOOST_AUTO_TEST_CASE(test_base64url_helper_matches_rfc_7636_appendix_b) {
    // Guards the test's own helper with the RFC's published vector.
    BOOST_TEST(s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") ==
               "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

BOOST_FIXTURE_TEST_CASE(each_authorization_url_starts_a_new_session, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    std::string const first_url = h.get_authorization_url();
    twitter::pkce_session const first = h.session();
    std::string const second_url = h.get_authorization_url();
    twitter::pkce_session const second = h.session();

    BOOST_TEST(first.state != second.state);
    BOOST_TEST(first.code_verifier != second.code_verifier);
    BOOST_TEST(query_value(raw_query(second_url), "state") == second.state);
    BOOST_TEST(query_value(raw_query(first_url), "code_challenge") !=
               query_value(raw_query(second_url), "code_challenge"));
}

BOOST_FIXTURE_TEST_CASE(session_is_empty_before_any_authorization_url, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    twitter::pkce_session const s = h.session();
    BOOST_TEST(s.state.empty());
    BOOST_TEST(s.code_verifier.empty());
}

BOOST_FIXTURE_TEST_CASE(serialized_session_restores_on_another_handler, fixture) {
    twitter::oauth2_user_handler first(ctx.get_executor(), params());
    first.get_authorization_url();
    twitter::pkce_session const original = first.session();

    twitter::pkce_session restored;
    BOOST_TEST_REQUIRE(twitter::pkce_session::deserialize(original.serialize(), restored));
    twitter::oauth2_user_handler second(ctx.get_executor(), params());
    second.restore_session(restored);

    twitter::pkce_session const got = second.session();
    BOOST_TEST(got.state == original.state);
    BOOST_TEST(got.code_verifier == original.code_verifier);
    BOOST_TEST(got.redirect_uri == original.redirect_uri);
    BOOST_TEST(got.scope == original.scope, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(restored_session_is_the_one_callbacks_are_checked_against, fixture) {
    twitter::oauth2_user_handler second(ctx.get_executor(), params());
    twitter::pkce_session const s{"restored-state", std::string(43, 'v'), "https://app.example.com/cb", {}};

    auto fetch = [&](std::string url) {
        error_code got = auth_errc::callback_not_confirmed;  // any value the handler cannot produce here
        int calls = 0;
        second.async_fetch_token(std::move(url), [&](error_code ec, twitter::oauth2_token) {
            ++calls;
            got = ec;
        });
        ctx.restart();
        ctx.run();
        BOOST_TEST(calls == 1);
        return got;
    };

    // Without a session there is nothing to check a callback against; no request is made.
    BOOST_TEST(fetch("https://app.example.com/cb?state=restored-state&code=c") ==
               auth_errc::no_authorization_session);
    second.restore_session(s);
    // Both fail before any I/O: the restored redirect URI and state are the ones in force.
    BOOST_TEST(fetch("https://app.example.com/cb?state=another-state&code=c") == auth_errc::state_mismatch);
    BOOST_TEST(fetch("https://app.example.com/other?state=restored-state&code=c") ==
               auth_errc::redirect_mismatch);
}

BOOST_FIXTURE_TEST_CASE(set_token_and_token_round_trip, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    BOOST_TEST(!h.token().has_value());

    twitter::oauth2_token t = token_expiring_in(7200s, "REFRESH-xyz");
    t.token_type = "bearer";
    t.scope = "tweet.read users.read";
    h.set_token(t);
    auto const got = h.token();
    BOOST_TEST_REQUIRE(got.has_value());
    BOOST_TEST(got->access_token == "ACCESS-abc");
    BOOST_TEST(got->refresh_token == "REFRESH-xyz");
    BOOST_TEST(got->token_type == "bearer");
    BOOST_TEST(got->scope == "tweet.read users.read");
    BOOST_TEST((got->expires_at == system_t + 7200s));
}

BOOST_FIXTURE_TEST_CASE(needs_no_reauthorization_initially, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    BOOST_TEST(!h.needs_reauthorization());
    h.set_token(token_expiring_in(60s));
    BOOST_TEST(!h.needs_reauthorization());
}

BOOST_FIXTURE_TEST_CASE(scheme_is_user_bearer, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    BOOST_TEST((h.scheme() == twitter::auth_scheme::user_bearer));
}

BOOST_FIXTURE_TEST_CASE(authorize_without_a_token_is_no_token, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    auto const r = authorize(h);
    BOOST_TEST(r.ec == auth_errc::no_token);
    BOOST_TEST(r.auth.header.empty());
}

BOOST_FIXTURE_TEST_CASE(authorize_with_a_fresh_token_completes_at_once_with_bearer, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    h.set_token(token_expiring_in(std::chrono::hours(24 * 365), "REFRESH-xyz"));

    int calls = 0;
    twitter::authorization got;
    error_code got_ec = auth_errc::callback_not_confirmed;
    twitter::request_to_sign const req{"POST", "https://api.x.com/2/tweets", {}, {}};
    h.async_authorize(req, [&](error_code ec, twitter::authorization a) {
        ++calls;
        got_ec = ec;
        got = std::move(a);
    });
    BOOST_TEST(calls == 1);  // no hop: the io_context has not run
    BOOST_TEST(!got_ec);
    BOOST_TEST(got.header == "Bearer ACCESS-abc");
    BOOST_TEST(ctx.poll() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_new_token_has_a_new_generation, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    h.set_token(token_expiring_in(3600s));
    auto const first = authorize(h);
    twitter::oauth2_token second_token = token_expiring_in(3600s);
    second_token.access_token = "ACCESS-def";
    h.set_token(second_token);
    auto const second = authorize(h);
    BOOST_TEST(first.auth.header == "Bearer ACCESS-abc");
    BOOST_TEST(second.auth.header == "Bearer ACCESS-def");
    BOOST_TEST(second.auth.generation > first.auth.generation);
}

BOOST_FIXTURE_TEST_CASE(a_token_without_expiry_is_always_used, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    twitter::oauth2_token t = token_expiring_in(0s);
    t.expires_at = {};  // the server gave no expires_in
    h.set_token(t);
    steady_t += std::chrono::hours(24 * 365 * 10);
    system_t += std::chrono::hours(24 * 365 * 10);
    auto const r = authorize(h);
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.auth.header == "Bearer ACCESS-abc");
}

BOOST_FIXTURE_TEST_CASE(expired_token_without_refresh_token_is_no_refresh_token, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    h.set_token(token_expiring_in(-1s));
    auto const r = authorize(h);
    BOOST_TEST(r.ec == auth_errc::no_refresh_token);
    BOOST_TEST(r.auth.header.empty());
}

BOOST_FIXTURE_TEST_CASE(token_expires_on_the_injected_clock, fixture) {
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    h.set_token(token_expiring_in(3600s));
    BOOST_TEST(!authorize(h).ec);

    steady_t += 3599s;
    system_t += 3599s;
    BOOST_TEST(authorize(h).auth.header == "Bearer ACCESS-abc");  // in the margin, but alive: still used

    steady_t += 1s;  // exactly at expiry: dead
    system_t += 1s;
    BOOST_TEST(authorize(h).ec == auth_errc::no_refresh_token);
}

BOOST_FIXTURE_TEST_CASE(token_within_the_refresh_margin_without_refresh_token_is_still_used, fixture) {
    auto p = params();
    p.refresh_margin = 60s;
    twitter::oauth2_user_handler h(ctx.get_executor(), std::move(p));
    h.set_token(token_expiring_in(30s));
    auto const r = authorize(h);
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.auth.header == "Bearer ACCESS-abc");
}

BOOST_FIXTURE_TEST_CASE(saved_expiry_is_read_against_the_system_clock_at_restore, fixture) {
    // A token saved with an absolute expiry and restored later has only the remainder left.
    twitter::oauth2_user_handler h(ctx.get_executor(), params());
    twitter::oauth2_token t = token_expiring_in(100s);
    system_t += 200s;  // restored 200 s after it was saved: already expired
    h.set_token(t);
    BOOST_TEST(authorize(h).ec == auth_errc::no_refresh_token);
}

BOOST_AUTO_TEST_SUITE_END()
