#include <twitter/auth/oauth2_token.hpp>

#include <twitter/auth/oauth2_user_handler.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(auth_serialization)

using twitter::oauth2_token;
using twitter::pkce_session;

namespace {

oauth2_token tricky_token() {
    oauth2_token t;
    t.access_token = "acc ess&token=with+plus%25/é€😀";
    t.refresh_token = "re+fresh=&ref resh\xc3\xa9";
    t.token_type = "Bearer";
    t.scope = "tweet.read users.read offline.access";
    t.expires_at = std::chrono::system_clock::time_point(std::chrono::seconds(1'735'689'600));
    return t;
}

oauth2_token sentinel_token() {
    oauth2_token t;
    t.access_token = "sentinel-access";
    t.refresh_token = "sentinel-refresh";
    t.token_type = "sentinel-type";
    t.scope = "sentinel.scope";
    t.expires_at = std::chrono::system_clock::time_point(std::chrono::seconds(42));
    return t;
}

void check_is_sentinel(oauth2_token const& t) {
    BOOST_TEST(t.access_token == "sentinel-access");
    BOOST_TEST(t.refresh_token == "sentinel-refresh");
    BOOST_TEST(t.token_type == "sentinel-type");
    BOOST_TEST(t.scope == "sentinel.scope");
    BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(t.expires_at.time_since_epoch()).count() ==
               42);
}

pkce_session sentinel_session() {
    return {"sentinel-state", "sentinel-verifier", "https://sentinel.example/cb", {"sentinel.scope"}};
}

void check_is_sentinel(pkce_session const& s) {
    BOOST_TEST(s.state == "sentinel-state");
    BOOST_TEST(s.code_verifier == "sentinel-verifier");
    BOOST_TEST(s.redirect_uri == "https://sentinel.example/cb");
    BOOST_TEST(s.scope == std::vector<std::string>{"sentinel.scope"}, boost::test_tools::per_element());
}

}  // namespace

BOOST_AUTO_TEST_CASE(oauth2_token_round_trips_with_characters_that_need_encoding) {
    oauth2_token const in = tricky_token();
    std::string const line = in.serialize();
    oauth2_token out;
    BOOST_TEST_REQUIRE(oauth2_token::deserialize(line, out));
    BOOST_TEST(out.access_token == in.access_token);
    BOOST_TEST(out.refresh_token == in.refresh_token);
    BOOST_TEST(out.token_type == in.token_type);
    BOOST_TEST(out.scope == in.scope);
    BOOST_TEST((out.expires_at == in.expires_at));
}

BOOST_AUTO_TEST_CASE(oauth2_token_serialization_is_one_line_of_safe_text) {
    std::string const line = tricky_token().serialize();
    for (char c : line) {
        auto const u = static_cast<unsigned char>(c);
        BOOST_TEST_REQUIRE((u > 0x20 && u < 0x7f), "byte " << int(u) << " in " << line);
    }
    BOOST_TEST(line.find("1735689600") != std::string::npos, line);
}

BOOST_AUTO_TEST_CASE(oauth2_token_without_refresh_token_or_expiry_round_trips) {
    oauth2_token in;
    in.access_token = "only-access";
    oauth2_token out = sentinel_token();
    BOOST_TEST_REQUIRE(oauth2_token::deserialize(in.serialize(), out));
    BOOST_TEST(out.access_token == "only-access");
    BOOST_TEST(out.refresh_token.empty());
    BOOST_TEST(out.token_type == "bearer");
    BOOST_TEST(out.scope.empty());
    BOOST_TEST(out.expires_at.time_since_epoch().count() == 0);
}

BOOST_AUTO_TEST_CASE(oauth2_token_fields_in_any_order_are_read) {
    oauth2_token out;
    BOOST_TEST_REQUIRE(oauth2_token::deserialize("expires_at=100&scope=a%20b&access_token=x%26y", out));
    BOOST_TEST(out.access_token == "x&y");
    BOOST_TEST(out.scope == "a b");
    BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(out.expires_at.time_since_epoch()).count() ==
               100);
}

BOOST_AUTO_TEST_CASE(oauth2_token_without_access_token_is_refused_and_out_untouched) {
    for (std::string_view bad : {"refresh_token=r&token_type=bearer&scope=&expires_at=100",
                                 "access_token=&refresh_token=r&expires_at=100"}) {
        BOOST_TEST_CONTEXT(bad) {
            oauth2_token out = sentinel_token();
            BOOST_TEST(!oauth2_token::deserialize(bad, out));
            check_is_sentinel(out);
        }
    }
}

BOOST_AUTO_TEST_CASE(oauth2_token_without_expires_at_is_refused_and_out_untouched) {
    oauth2_token out = sentinel_token();
    BOOST_TEST(!oauth2_token::deserialize("access_token=a&refresh_token=r&token_type=bearer&scope=x", out));
    check_is_sentinel(out);
}

BOOST_AUTO_TEST_CASE(oauth2_token_with_a_bad_expires_at_is_refused_and_out_untouched) {
    for (std::string_view bad :
         {"access_token=a&expires_at=", "access_token=a&expires_at=-5", "access_token=a&expires_at=12x",
          "access_token=a&expires_at=%201", "access_token=a&expires_at=1.5",
          "access_token=a&expires_at=99999999999999999999999"}) {
        BOOST_TEST_CONTEXT(bad) {
            oauth2_token out = sentinel_token();
            BOOST_TEST(!oauth2_token::deserialize(bad, out));
            check_is_sentinel(out);
        }
    }
}

BOOST_AUTO_TEST_CASE(garbage_oauth2_token_is_refused_and_out_untouched) {
    std::string const line = tricky_token().serialize();
    std::string const truncated_escape = line.substr(0, line.find('%') + 2);  // ends inside the first "%XX"
    for (std::string_view bad : {std::string_view(""), std::string_view("garbage"), std::string_view("%%%%"),
                                 std::string_view("access_token=a%2&expires_at=1"),
                                 std::string_view("{\"access_token\":\"a\",\"expires_at\":1}"),
                                 std::string_view(truncated_escape)}) {
        BOOST_TEST_CONTEXT(bad) {
            oauth2_token out = sentinel_token();
            BOOST_TEST(!oauth2_token::deserialize(bad, out));
            check_is_sentinel(out);
        }
    }
}

BOOST_AUTO_TEST_CASE(oauth2_token_truncated_before_its_last_field_is_refused) {
    std::string const line = tricky_token().serialize();
    auto const cut = line.find("expires_at");
    BOOST_TEST_REQUIRE(cut != std::string::npos);
    for (std::size_t len : {std::size_t{0}, std::size_t{5}, line.size() / 2, cut, cut + 5}) {
        BOOST_TEST_CONTEXT(line.substr(0, len)) {
            oauth2_token out = sentinel_token();
            BOOST_TEST(!oauth2_token::deserialize(line.substr(0, len), out));
            check_is_sentinel(out);
        }
    }
}

BOOST_AUTO_TEST_CASE(pkce_session_round_trips_with_several_scopes) {
    pkce_session const in{"st@te&=+ x",
                          "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                          "https://app.example.com:8443/cb?x=1&y=2",
                          {"tweet.read", "users.read", "offline.access"}};
    pkce_session out = sentinel_session();
    BOOST_TEST_REQUIRE(pkce_session::deserialize(in.serialize(), out));
    BOOST_TEST(out.state == in.state);
    BOOST_TEST(out.code_verifier == in.code_verifier);
    BOOST_TEST(out.redirect_uri == in.redirect_uri);
    BOOST_TEST(out.scope == in.scope, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pkce_session_round_trips_with_no_scope_and_unicode) {
    pkce_session const in{"état-😀", "v~e.r_i-f", "http://127.0.0.1:8080/callback", {}};
    pkce_session out = sentinel_session();
    BOOST_TEST_REQUIRE(pkce_session::deserialize(in.serialize(), out));
    BOOST_TEST(out.state == in.state);
    BOOST_TEST(out.code_verifier == in.code_verifier);
    BOOST_TEST(out.redirect_uri == in.redirect_uri);
    BOOST_TEST(out.scope.empty());
}

BOOST_AUTO_TEST_CASE(pkce_session_missing_a_required_field_is_refused_and_out_untouched) {
    for (std::string_view bad :
         {"code_verifier=v&redirect_uri=https%3A%2F%2Fa%2F&scope=x",
          "state=s&redirect_uri=https%3A%2F%2Fa%2F&scope=x", "state=s&code_verifier=v&scope=x",
          "state=&code_verifier=v&redirect_uri=r", "state=s&code_verifier=&redirect_uri=r",
          "state=s&code_verifier=v&redirect_uri="}) {
        BOOST_TEST_CONTEXT(bad) {
            pkce_session out = sentinel_session();
            BOOST_TEST(!pkce_session::deserialize(bad, out));
            check_is_sentinel(out);
        }
    }
}

BOOST_AUTO_TEST_CASE(truncated_or_garbage_pkce_session_is_refused_and_out_untouched) {
    pkce_session const in{
        "state-value", "verifier-value-0123456789", "https://app.example.com/cb", {"a", "b"}};
    std::string const line = in.serialize();
    auto const cut = line.find("redirect_uri");
    BOOST_TEST_REQUIRE(cut != std::string::npos);
    std::string const escape_cut = line.substr(0, line.find("%3A") + 2);  // ends inside "%3A"
    for (std::string_view bad :
         {std::string_view(""), std::string_view("garbage"), std::string_view("%zz=1"),
          std::string_view(line).substr(0, cut), std::string_view(line).substr(0, 10),
          std::string_view(escape_cut), std::string_view("state=s&code_verifier=v&redirect_uri=r%2")}) {
        BOOST_TEST_CONTEXT(bad) {
            pkce_session out = sentinel_session();
            BOOST_TEST(!pkce_session::deserialize(bad, out));
            check_is_sentinel(out);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
