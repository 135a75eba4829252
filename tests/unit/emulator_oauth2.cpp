#include "emulator/oauth2_server.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

using namespace twitter::emulator::detail;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

constexpr std::string_view form_type = "application/x-www-form-urlencoded";
constexpr std::string_view callback = "http://127.0.0.1/callback";
// RFC 7636 Appendix B.
constexpr std::string_view verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr std::string_view challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

std::string basic(std::string_view id, std::string_view secret) {
    auto const joined = percent_encode(id) + ':' + percent_encode(secret);
    return "Basic " +
           base64_encode(std::span(reinterpret_cast<unsigned char const*>(joined.data()), joined.size()));
}

std::string query_value(std::string const& location, std::string_view name) {
    auto const params = parse_form(location.substr(location.find('?') + 1)).value();
    auto const* v = find_param(params, name);
    return v == nullptr ? std::string{} : *v;
}

struct fixture {
    auth_stats stats;
    oauth2_server server{7200s, 30s, stats};
    oauth2_server::clock::time_point now{1'700'000'000s};
    approval const user{true, "2244994945", "XDevelopers"};

    fixture() {
        server.add_client("public-id", {}, std::string(callback));
        server.add_client("secret-id", "s3cret+/=", std::string(callback));
    }

    api_response authorize(std::string_view client_id,
                           std::string_view scope = "tweet.read users.read offline.access",
                           std::string_view method = "S256", std::string_view code_challenge = challenge) {
        return server.authorize(form_encode({{"response_type", "code"},
                                             {"client_id", std::string(client_id)},
                                             {"redirect_uri", std::string(callback)},
                                             {"scope", std::string(scope)},
                                             {"state", "st&te"},
                                             {"code_challenge", std::string(code_challenge)},
                                             {"code_challenge_method", std::string(method)}}),
                                user, now);
    }

    std::string code_for(std::string_view client_id,
                         std::string_view scope = "tweet.read users.read offline.access") {
        auto const r = authorize(client_id, scope);
        BOOST_TEST_REQUIRE(r.status == 302u);
        return query_value(r.location, "code");
    }

    api_response exchange(std::string const& code, std::string_view client_id, std::string_view auth = {},
                          std::string_view v = verifier, std::string_view redirect = callback) {
        param_list form{{"grant_type", "authorization_code"},
                        {"code", code},
                        {"redirect_uri", std::string(redirect)},
                        {"code_verifier", std::string(v)}};
        if (!client_id.empty()) {
            form.push_back({"client_id", std::string(client_id)});
        }
        return server.token(auth, form_type, form_encode(form), now);
    }

    api_response refresh(std::string const& token, std::string_view client_id = "public-id") {
        return server.token({}, form_type,
                            form_encode({{"grant_type", "refresh_token"},
                                         {"refresh_token", token},
                                         {"client_id", std::string(client_id)}}),
                            now);
    }
};

json::object body(api_response const& r) { return json::parse(r.body).as_object(); }
std::string field(api_response const& r, std::string_view name) {
    auto const parsed = body(r);
    auto const* v = parsed.if_contains(name);
    return v == nullptr ? std::string{} : std::string(v->as_string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_oauth2)

BOOST_AUTO_TEST_CASE(s256_matches_rfc_7636_and_the_shared_vector) {
    BOOST_TEST(s256_challenge(verifier) == challenge);
    std::ifstream in(TWITTER_SHARED_DIR "/vectors/oauth.json", std::ios::binary);
    auto const file =
        json::parse(std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()});
    auto const& list = file.at("pkce").as_array();
    BOOST_TEST_REQUIRE(list.size() > 0u);
    for (auto const& v : list) {
        BOOST_TEST(s256_challenge(v.at("code_verifier").as_string()) == v.at("code_challenge").as_string());
    }
    BOOST_TEST(valid_code_verifier(std::string(43, 'a')));
    BOOST_TEST(valid_code_verifier(std::string(128, '~')));
    BOOST_TEST(!valid_code_verifier(std::string(42, 'a')));
    BOOST_TEST(!valid_code_verifier(std::string(129, 'a')));
    BOOST_TEST(!valid_code_verifier(std::string(43, '+')));
}

BOOST_AUTO_TEST_CASE(basic_auth_matches_the_x_docs_vector_and_decodes_each_part) {
    std::ifstream in(TWITTER_SHARED_DIR "/vectors/oauth.json", std::ios::binary);
    auto const file =
        json::parse(std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()});
    auto const& list = file.at("basic_auth").as_array();
    BOOST_TEST_REQUIRE(list.size() > 0u);
    for (auto const& v : list) {
        auto const parsed = parse_basic_auth(v.at("authorization").as_string()).value();
        BOOST_TEST(parsed.id == v.at("consumer_key").as_string());
        BOOST_TEST(parsed.secret == v.at("consumer_secret").as_string());
    }
    auto const odd = parse_basic_auth(basic("a:b", "c%d+e")).value();
    BOOST_TEST(odd.id == "a:b");
    BOOST_TEST(odd.secret == "c%d+e");
    BOOST_TEST(!parse_basic_auth("Basic !!!!").has_value());
    BOOST_TEST(!parse_basic_auth("Bearer abc").has_value());
}

BOOST_FIXTURE_TEST_CASE(public_client_gets_tokens_and_the_code_is_single_use, fixture) {
    auto const redirect = authorize("public-id");
    BOOST_TEST(redirect.status == 302u);
    BOOST_TEST(redirect.location.starts_with("http://127.0.0.1/callback?state=st%26te&code="));
    auto const code = query_value(redirect.location, "code");
    auto const r = exchange(code, "public-id");
    BOOST_TEST_REQUIRE(r.status == 200u);
    BOOST_TEST(field(r, "token_type") == "bearer");
    BOOST_TEST(body(r).at("expires_in").as_int64() == 7200);
    BOOST_TEST(field(r, "scope") == "tweet.read users.read offline.access");
    auto const access = field(r, "access_token");
    BOOST_TEST_REQUIRE(server.authenticate(access, now) != nullptr);
    BOOST_TEST(server.authenticate(access, now)->user_id == "2244994945");
    BOOST_TEST(!field(r, "refresh_token").empty());
    BOOST_TEST(stats.authorization_code_grants == 1u);

    // RFC 6749 4.1.2: the second use fails and takes back what the first one gave.
    auto const again = exchange(code, "public-id");
    BOOST_TEST(again.status == 400u);
    BOOST_TEST(field(again, "error") == "invalid_grant");
    BOOST_TEST(server.authenticate(access, now) == nullptr);
    BOOST_TEST(refresh(field(r, "refresh_token")).status == 400u);
}

BOOST_FIXTURE_TEST_CASE(no_refresh_token_without_offline_access, fixture) {
    auto const r = exchange(code_for("public-id", "tweet.read users.read"), "public-id");
    BOOST_TEST_REQUIRE(r.status == 200u);
    BOOST_TEST(!body(r).contains("refresh_token"));
}

BOOST_FIXTURE_TEST_CASE(confidential_client_must_use_basic_with_its_secret, fixture) {
    BOOST_TEST(exchange(code_for("secret-id"), "secret-id").status == 401u);
    auto const wrong = exchange(code_for("secret-id"), {}, basic("secret-id", "nope"));
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(field(wrong, "error") == "invalid_client");
    BOOST_TEST(exchange(code_for("secret-id"), {}, basic("secret-id", "s3cret+/=")).status == 200u);
    BOOST_TEST(exchange(code_for("secret-id"), "secret-id", basic("secret-id", "s3cret+/=")).status == 200u);
    BOOST_TEST(exchange(code_for("secret-id"), "public-id", basic("secret-id", "s3cret+/=")).status == 401u);
    // A code belongs to the client it was issued to.
    BOOST_TEST(exchange(code_for("public-id"), {}, basic("secret-id", "s3cret+/=")).status == 400u);
    BOOST_TEST(exchange(code_for("public-id"), "unknown").status == 401u);
}

BOOST_FIXTURE_TEST_CASE(wrong_verifier_redirect_or_expired_code_is_invalid_grant, fixture) {
    auto const bad_verifier = exchange(code_for("public-id"), "public-id", {}, std::string(43, 'x'));
    BOOST_TEST(field(bad_verifier, "error") == "invalid_grant");
    BOOST_TEST(exchange(code_for("public-id"), "public-id", {}, "short").status == 400u);
    BOOST_TEST(stats.pkce_failures == 2u);
    BOOST_TEST(field(exchange(code_for("public-id"), "public-id", {}, verifier, "http://127.0.0.1/other"),
                     "error") == "invalid_grant");
    auto const code = code_for("public-id");
    now += 31s;
    BOOST_TEST(field(exchange(code, "public-id"), "error") == "invalid_grant");
    BOOST_TEST(field(exchange("never-issued", "public-id"), "error") == "invalid_grant");
    BOOST_TEST(stats.invalid_grants == 5u);
}

BOOST_FIXTURE_TEST_CASE(plain_challenge_compares_verbatim, fixture) {
    std::string const plain(50, 'p');
    auto const r = authorize("public-id", "tweet.read", "plain", plain);
    BOOST_TEST(exchange(query_value(r.location, "code"), "public-id", {}, plain).status == 200u);
}

BOOST_FIXTURE_TEST_CASE(refresh_rotates_and_the_old_token_dies_at_once, fixture) {
    auto const first = exchange(code_for("public-id"), "public-id");
    auto const old_refresh = field(first, "refresh_token");
    auto const second = refresh(old_refresh);
    BOOST_TEST_REQUIRE(second.status == 200u);
    BOOST_TEST(field(second, "refresh_token") != old_refresh);
    BOOST_TEST(field(second, "access_token") != field(first, "access_token"));
    BOOST_TEST(field(refresh(old_refresh), "error") == "invalid_grant");
    BOOST_TEST(refresh(field(second, "refresh_token"), "secret-id").status == 401u);
    BOOST_TEST(refresh(field(second, "refresh_token")).status == 200u);
    BOOST_TEST(stats.refresh_grants == 2u);
}

BOOST_FIXTURE_TEST_CASE(access_tokens_expire_on_the_injected_clock, fixture) {
    oauth2_server short_lived{1s, 30s, stats};
    short_lived.add_client("public-id", {}, std::string(callback));
    auto const redirect = short_lived.authorize(
        "response_type=code&client_id=public-id&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&scope=tweet."
        "read"
        "&state=s&code_challenge=" +
            std::string(challenge) + "&code_challenge_method=S256",
        user, now);
    auto const r = short_lived.token(
        {}, form_type,
        "grant_type=authorization_code&client_id=public-id&code=" + query_value(redirect.location, "code") +
            "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&code_verifier=" + std::string(verifier),
        now);
    BOOST_TEST(body(r).at("expires_in").as_int64() == 1);
    auto const token = field(r, "access_token");
    BOOST_TEST(short_lived.authenticate(token, now) != nullptr);
    BOOST_TEST(short_lived.authenticate(token, now + 1s) == nullptr);
}

BOOST_FIXTURE_TEST_CASE(revoke_kills_access_tokens_and_refresh_grants, fixture) {
    auto const r = exchange(code_for("public-id"), "public-id");
    auto const revoke = [&](std::string const& token) {
        return server.revoke({}, form_type, form_encode({{"token", token}, {"client_id", "public-id"}}));
    };
    auto const done = revoke(field(r, "access_token"));
    BOOST_TEST(done.status == 200u);
    BOOST_TEST(done.body == R"({"revoked":true})");
    BOOST_TEST(server.authenticate(field(r, "access_token"), now) == nullptr);
    auto const fresh = refresh(field(r, "refresh_token"));
    BOOST_TEST_REQUIRE(fresh.status == 200u);
    BOOST_TEST(revoke(field(fresh, "refresh_token")).status == 200u);
    BOOST_TEST(server.authenticate(field(fresh, "access_token"), now) == nullptr);
    BOOST_TEST(refresh(field(fresh, "refresh_token")).status == 400u);
    BOOST_TEST(revoke("unknown").status == 200u);
    BOOST_TEST(server.revoke({}, form_type, "token=x").status == 400u);
    BOOST_TEST(stats.revocations == 3u);
}

BOOST_FIXTURE_TEST_CASE(authorize_refuses_unknown_redirects_without_redirecting, fixture) {
    auto const r = server.authorize(
        "response_type=code&client_id=public-id&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback%2F&scope="
        "tweet.read"
        "&state=s&code_challenge=c&code_challenge_method=S256",
        user, now);
    BOOST_TEST(r.status == 400u);
    BOOST_TEST(r.location.empty());
    BOOST_TEST(server.authorize("client_id=nobody&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback", user, now)
                   .status == 400u);
    server.add_redirect_uri("public-id", "http://127.0.0.1/callback/");
    BOOST_TEST(
        server
            .authorize(
                "response_type=code&client_id=public-id&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback%2F"
                "&scope=tweet.read&state=s&code_challenge=c&code_challenge_method=S256",
                user, now)
            .status == 302u);
    BOOST_CHECK_THROW(server.add_redirect_uri("nobody", "x"), std::invalid_argument);
}

BOOST_FIXTURE_TEST_CASE(authorize_errors_go_back_to_the_client_with_the_state, fixture) {
    std::string const base =
        "response_type=code&client_id=public-id&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback";
    auto const missing_state =
        server.authorize(base + "&scope=tweet.read&code_challenge=c&code_challenge_method=S256", user, now);
    BOOST_TEST(missing_state.status == 302u);
    BOOST_TEST(query_value(missing_state.location, "error") == "invalid_request");
    auto const missing_challenge = server.authorize(base + "&scope=tweet.read&state=s1", user, now);
    BOOST_TEST(
        missing_challenge.location.starts_with("http://127.0.0.1/callback?error=invalid_request&state=s1"));
    auto const bad_scope = server.authorize(
        base + "&scope=tweet.read%20nope&state=s2&code_challenge=c&code_challenge_method=S256", user, now);
    BOOST_TEST(query_value(bad_scope.location, "error") == "invalid_scope");
    auto const denied =
        server.authorize(base + "&scope=tweet.read&state=s3&code_challenge=c&code_challenge_method=S256",
                         {false, "2244994945", "XDevelopers"}, now);
    BOOST_TEST(denied.location.starts_with(
        "http://127.0.0.1/callback?error=access_denied&state=s3&error_description="));
}

BOOST_FIXTURE_TEST_CASE(token_endpoint_reports_missing_and_unsupported_parameters, fixture) {
    BOOST_TEST(field(server.token({}, form_type, "client_id=public-id", now), "error") == "invalid_request");
    BOOST_TEST(field(server.token({}, form_type, "grant_type=password&client_id=public-id", now), "error") ==
               "unsupported_grant_type");
    BOOST_TEST(field(server.token({}, form_type, "grant_type=authorization_code&client_id=public-id", now),
                     "error") == "invalid_request");
    BOOST_TEST(field(server.token({}, "application/json", "{}", now), "error") == "invalid_request");
    BOOST_TEST(field(server.token({}, form_type, "grant_type=refresh_token", now), "error") ==
               "invalid_request");
}

BOOST_AUTO_TEST_SUITE_END()
