#include "core/oauth1.hpp"

#include "core/errc.hpp"
#include "core/form.hpp"
#include "core/percent_encoding.hpp"
#include "core_vectors.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_oauth1)

namespace core = twitter::core;
namespace json = boost::json;
using core::core_errc;
using core::param;

namespace {

std::vector<param> params_of(json::value const& object) {
    std::vector<param> out;
    for (auto const& [name, value] : object.as_object())
        out.push_back({std::string(name), std::string(value.as_string())});
    return out;
}

std::vector<param> form_of(json::value const& body) {
    if (body.is_null()) return {};
    auto parsed = core::parse_form(body.as_string());
    BOOST_TEST_REQUIRE(parsed.has_value());
    return *parsed;
}

std::string lookup(std::vector<param> const& params, std::string_view name) {
    auto const it =
        std::find_if(params.begin(), params.end(), [&](param const& p) { return p.name == name; });
    return it == params.end() ? std::string{} : it->value;
}

// The header X documents: every oauth_* parameter plus the signature, alphabetical, values percent-encoded.
std::string expected_header(std::vector<param> oauth, std::string const& signature) {
    oauth.push_back({"oauth_signature", signature});
    std::sort(oauth.begin(), oauth.end(), [](param const& a, param const& b) { return a.name < b.name; });
    std::string out = "OAuth ";
    for (auto const& p : oauth) {
        if (out.size() > 6) out += ", ";
        out += p.name + "=\"" + core::percent_encode(p.value) + "\"";
    }
    return out;
}

struct fixed_clock {
    std::int64_t now;
    std::int64_t operator()() const { return now; }
};

}  // namespace

BOOST_AUTO_TEST_CASE(shared_vectors_base_strings_and_signatures_match_byte_for_byte) {
    int checked = 0;
    for (auto const& v : core::test::vector_list("oauth1_signatures")) {
        BOOST_TEST_CONTEXT(core::test::text(v.at("name"))) {
            auto const query = params_of(v.at("query"));
            auto const form = form_of(v.at("form_body"));
            auto const oauth = params_of(v.at("oauth"));
            auto const base = core::signature_base_string(core::test::text(v.at("method")),
                                                          core::test::text(v.at("url")), query, form, oauth);
            BOOST_TEST_REQUIRE(base.has_value());
            BOOST_TEST(*base == core::test::text(v.at("base_string")));
            auto const key = core::signing_key(core::test::text(v.at("consumer_secret")),
                                               core::test::text(v.at("token_secret")));
            auto const signature = core::hmac_sha1_signature(key, *base);
            BOOST_TEST_REQUIRE(signature.has_value());
            BOOST_TEST(*signature == core::test::text(v.at("signature")));
        }
        ++checked;
    }
    BOOST_TEST(checked > 0);
}

// The signer always sends oauth_version="1.0" and HMAC-SHA1, so it can reproduce the vectors that do too.
BOOST_AUTO_TEST_CASE(shared_vectors_headers_from_the_signer_match_byte_for_byte) {
    int checked = 0;
    for (auto const& v : core::test::vector_list("oauth1_signatures")) {
        auto const oauth = params_of(v.at("oauth"));
        if (lookup(oauth, "oauth_version") != "1.0" || lookup(oauth, "oauth_signature_method") != "HMAC-SHA1")
            continue;
        BOOST_TEST_CONTEXT(core::test::text(v.at("name"))) {
            core::oauth1_signer const signer(
                lookup(oauth, "oauth_consumer_key"), core::test::text(v.at("consumer_secret")),
                lookup(oauth, "oauth_token"), core::test::text(v.at("token_secret")));
            auto const timestamp = std::stoll(lookup(oauth, "oauth_timestamp"));
            auto const callback = lookup(oauth, "oauth_callback");
            auto const verifier = lookup(oauth, "oauth_verifier");
            auto const header = signer.authorization_header(
                core::test::text(v.at("method")), core::test::text(v.at("url")), params_of(v.at("query")),
                form_of(v.at("form_body")), {.callback = callback, .verifier = verifier},
                lookup(oauth, "oauth_nonce"), timestamp);
            BOOST_TEST_REQUIRE(header.has_value());
            BOOST_TEST(*header == expected_header(oauth, core::test::text(v.at("signature"))));
        }
        ++checked;
    }
    BOOST_TEST(checked > 0);
}

// The vector is given as a request description: "METHOD URL  Content-Type: TYPE  body: BODY".
BOOST_AUTO_TEST_CASE(shared_vectors_base_string_only_match_byte_for_byte) {
    int checked = 0;
    for (auto const& v : core::test::vector_list("oauth1_base_string_only")) {
        BOOST_TEST_CONTEXT(core::test::text(v.at("name"))) {
            std::string_view const request = v.at("request").as_string();
            auto const line_end = request.find("  ");
            std::string_view const line = request.substr(0, line_end);
            auto const space = line.find(' ');
            BOOST_TEST_REQUIRE(space != std::string_view::npos);
            std::vector<param> form;
            auto const body_at = request.find("body: ");
            if (request.find("application/x-www-form-urlencoded") != std::string_view::npos &&
                body_at != std::string_view::npos) {
                auto parsed = core::parse_form(request.substr(body_at + 6));
                BOOST_TEST_REQUIRE(parsed.has_value());
                form = *parsed;
            }
            auto const base = core::signature_base_string(line.substr(0, space), line.substr(space + 1), {},
                                                          form, params_of(v.at("oauth")));
            BOOST_TEST_REQUIRE(base.has_value());
            BOOST_TEST(*base == core::test::text(v.at("base_string")));
        }
        ++checked;
    }
    BOOST_TEST(checked > 0);
}

BOOST_AUTO_TEST_CASE(duplicate_keys_are_sorted_by_value) {
    std::vector<param> const query{{"a", "z"}, {"a", "b"}, {"a", "B"}, {"a", ""}};
    auto const base = core::signature_base_string("GET", "https://api.x.com/x", query, {}, {});
    BOOST_TEST(*base == "GET&https%3A%2F%2Fapi.x.com%2Fx&a%3D%26a%3DB%26a%3Db%26a%3Dz");
}

BOOST_AUTO_TEST_CASE(parameters_sort_by_encoded_name_bytes) {
    // Encoded, "a%20b" sorts before "a-b" and "a_b", and uppercase before lowercase.
    std::vector<param> const query{{"a_b", "1"}, {"a-b", "1"}, {"a b", "1"}, {"B", "1"}, {"a", "1"}};
    auto const base = core::signature_base_string("GET", "https://h/", query, {}, {});
    BOOST_TEST(*base == "GET&https%3A%2F%2Fh%2F&B%3D1%26a%3D1%26a%2520b%3D1%26a-b%3D1%26a_b%3D1");
}

BOOST_AUTO_TEST_CASE(query_in_the_url_is_signed_like_explicit_query_params) {
    std::vector<param> const query{{"screen_name", "twitterapi"}, {"count", "200"}};
    auto const explicit_query = core::signature_base_string("GET", "https://api.x.com/t", query, {}, {});
    auto const url_query = core::signature_base_string(
        "GET", "https://api.x.com/t?screen_name=twitterapi&count=200", {}, {}, {});
    auto const mixed = core::signature_base_string("GET", "https://api.x.com/t?count=200#frag",
                                                   std::vector<param>{{"screen_name", "twitterapi"}}, {}, {});
    BOOST_TEST(*explicit_query == *url_query);
    BOOST_TEST(*explicit_query == *mixed);
}

BOOST_AUTO_TEST_CASE(plus_in_the_url_query_is_a_space_but_plus_in_a_value_is_2B) {
    // RFC 5849 section 3.4.1.3.1 decodes the query as a form; a value given decoded keeps its '+'.
    auto const from_url = core::signature_base_string("GET", "http://h/p?q=a+b", {}, {}, {});
    auto const from_param =
        core::signature_base_string("GET", "http://h/p", std::vector<param>{{"q", "a+b"}}, {}, {});
    BOOST_TEST(*from_url == "GET&http%3A%2F%2Fh%2Fp&q%3Da%2520b");
    BOOST_TEST(*from_param == "GET&http%3A%2F%2Fh%2Fp&q%3Da%252Bb");
}

BOOST_AUTO_TEST_CASE(empty_values_and_names_are_signed) {
    auto const base = core::signature_base_string("POST", "http://h/", {},
                                                  std::vector<param>{{"empty", ""}, {"", "v"}}, {});
    BOOST_TEST(*base == "POST&http%3A%2F%2Fh%2F&%3Dv%26empty%3D");
}

BOOST_AUTO_TEST_CASE(utf8_and_reserved_characters_are_encoded_twice_in_the_base_string) {
    auto const base =
        core::signature_base_string("POST", "https://api.x.com/2/tweets", {},
                                    std::vector<param>{{"text", "caf\xC3\xA9 & \xE2\x98\x83 = 100%"}}, {});
    BOOST_TEST(
        *base ==
        "POST&https%3A%2F%2Fapi.x.com%2F2%2Ftweets&text%3Dcaf%25C3%25A9%2520%2526%2520%25E2%2598%2583%2520"
        "%253D%2520100%2525");
}

BOOST_AUTO_TEST_CASE(realm_and_oauth_signature_are_not_signed) {
    std::vector<param> const oauth{{"oauth_nonce", "n"}, {"realm", "Example"}, {"oauth_signature", "x"}};
    auto const base = core::signature_base_string("GET", "http://h/", {}, {}, oauth);
    BOOST_TEST(*base == "GET&http%3A%2F%2Fh%2F&oauth_nonce%3Dn");
}

BOOST_AUTO_TEST_CASE(method_is_uppercased_and_must_be_letters) {
    BOOST_TEST(core::signature_base_string("post", "http://h/", {}, {}, {})->starts_with("POST&"));
    for (char const* bad : {"", "GE T", "GET&", "G\xC3\xA9T"}) {
        auto const r = core::signature_base_string(bad, "http://h/", {}, {}, {});
        BOOST_TEST_REQUIRE(r.has_error());
        BOOST_TEST((r.error() == core_errc::invalid_argument));
    }
}

BOOST_AUTO_TEST_CASE(base_string_uri_is_normalized) {
    BOOST_TEST(*core::base_string_uri("HTTPS://API.X.com:443/2/Tweets?x=1#f") ==
               "https://api.x.com/2/Tweets");
    BOOST_TEST(*core::base_string_uri("http://Example.com:80/r%20v/X?id=123") ==
               "http://example.com/r%20v/X");
    BOOST_TEST(*core::base_string_uri("https://www.example.net:8080/?q=1") ==
               "https://www.example.net:8080/");
    BOOST_TEST(*core::base_string_uri("http://127.0.0.1:443/x") == "http://127.0.0.1:443/x");
    BOOST_TEST(*core::base_string_uri("https://127.0.0.1:80/x") == "https://127.0.0.1:80/x");
    BOOST_TEST(*core::base_string_uri("https://api.x.com") == "https://api.x.com/");
    BOOST_TEST(*core::base_string_uri("https://api.x.com?a=b") == "https://api.x.com/");
    BOOST_TEST(*core::base_string_uri("http://[::1]:8080/p") == "http://[::1]:8080/p");
    BOOST_TEST(*core::base_string_uri("https://h:0443/p") == "https://h/p");
    BOOST_TEST(*core::base_string_uri("https://h:/p") == "https://h/p");
}

BOOST_AUTO_TEST_CASE(urls_that_cannot_be_signed_are_rejected) {
    for (char const* bad : {"",
                            "/2/tweets",
                            "api.x.com/2/tweets",
                            "ftp://h/p",
                            "https://",
                            "https:///p",
                            "https://user:pw@h/p",
                            "https://h:99999/p",
                            "https://h:0/p",
                            "https://h:8o/p",
                            "https://h /p",
                            "https://h/p q",
                            "https://h/\xC3\xA9",
                            "https://[::1/p",
                            "https://[::1]x/p",
                            "https://h/p\r\nX: y",
                            "https://h:-1/p",
                            "https://h:+80/p",
                            "https://h:80x/p",
                            "https://h:1:2/p"}) {
        BOOST_TEST_CONTEXT(bad) {
            auto const r = core::base_string_uri(bad);
            BOOST_TEST_REQUIRE(r.has_error());
            BOOST_TEST((r.error() == core_errc::invalid_url));
            BOOST_TEST(core::signature_base_string("GET", bad, {}, {}, {}).has_error());
        }
    }
}

BOOST_AUTO_TEST_CASE(bad_percent_escape_in_the_url_query_is_rejected) {
    auto const r = core::signature_base_string("GET", "https://h/p?a=%zz", {}, {}, {});
    BOOST_TEST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == core_errc::bad_percent_escape));
}

BOOST_AUTO_TEST_CASE(signing_key_encodes_both_secrets) {
    BOOST_TEST(core::signing_key("a b&c", "") == "a%20b%26c&");
    BOOST_TEST(core::signing_key("", "") == "&");
}

BOOST_AUTO_TEST_CASE(header_omits_the_token_when_there_is_none) {
    core::oauth1_signer const signer("ck", "cs");
    auto const header = signer.authorization_header("POST", "https://api.x.com/oauth/request_token", {}, {},
                                                    {.callback = "oob"}, "nonce", 1);
    BOOST_TEST_REQUIRE(header.has_value());
    BOOST_TEST(header->find("oauth_token") == std::string::npos);
    BOOST_TEST(
        header->starts_with("OAuth oauth_callback=\"oob\", oauth_consumer_key=\"ck\", oauth_nonce=\"nonce\", "
                            "oauth_signature=\""));
    BOOST_TEST(header->ends_with(
        "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1\", oauth_version=\"1.0\""));
}

BOOST_AUTO_TEST_CASE(header_carries_callback_and_verifier_percent_encoded) {
    core::oauth1_signer const signer("ck", "cs", "t k", "ts");
    auto const header = signer.authorization_header(
        "POST", "https://api.x.com/oauth/access_token", {}, {},
        {.callback = "https://app.example/cb?x=1", .verifier = "v+1"}, "nonce", 1318467427);
    BOOST_TEST_REQUIRE(header.has_value());
    BOOST_TEST(header->find("oauth_callback=\"https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1\"") !=
               std::string::npos);
    BOOST_TEST(header->find("oauth_verifier=\"v%2B1\"") != std::string::npos);
    BOOST_TEST(header->find("oauth_token=\"t%20k\"") != std::string::npos);
    BOOST_TEST(header->find("oauth_timestamp=\"1318467427\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(header_signature_equals_the_free_functions_result) {
    core::oauth1_signer const signer("key with space", "secret&1", "tok~en", "tok secret");
    std::vector<param> const query{{"q", "x y"}};
    std::vector<param> const form{{"status", "hi +"}};
    auto const header = signer.authorization_header("post", "https://API.x.com:443/p?z=1", query, form,
                                                    {.verifier = "ver"}, "abc", 42);
    std::vector<param> const oauth{{"oauth_consumer_key", "key with space"},
                                   {"oauth_nonce", "abc"},
                                   {"oauth_signature_method", "HMAC-SHA1"},
                                   {"oauth_timestamp", "42"},
                                   {"oauth_token", "tok~en"},
                                   {"oauth_verifier", "ver"},
                                   {"oauth_version", "1.0"}};
    auto const base = core::signature_base_string("POST", "https://api.x.com/p?z=1", query, form, oauth);
    auto const signature = core::hmac_sha1_signature(core::signing_key("secret&1", "tok secret"), *base);
    BOOST_TEST_REQUIRE(header.has_value());
    BOOST_TEST(*header == expected_header(oauth, *signature));
}

BOOST_AUTO_TEST_CASE(signer_handles_secrets_around_the_hmac_block_size) {
    // The signer pre-hashes keys longer than 64 bytes; both sides of that edge must sign the same way.
    for (std::size_t const length : {0, 1, 31, 32, 33, 62, 63, 64, 65, 200}) {
        std::string const consumer_secret(length, 'c');
        std::string const token_secret(length / 2, 's');
        core::oauth1_signer const signer("ck", consumer_secret, "t", token_secret);
        auto const header = signer.authorization_header("GET", "https://h/p", {}, {}, {}, "n", 5);
        std::vector<param> const oauth{
            {"oauth_consumer_key", "ck"}, {"oauth_nonce", "n"}, {"oauth_signature_method", "HMAC-SHA1"},
            {"oauth_timestamp", "5"},     {"oauth_token", "t"}, {"oauth_version", "1.0"}};
        auto const base = core::signature_base_string("GET", "https://h/p", {}, {}, oauth);
        auto const signature =
            core::hmac_sha1_signature(core::signing_key(consumer_secret, token_secret), *base);
        BOOST_TEST_CONTEXT(length) { BOOST_TEST(*header == expected_header(oauth, *signature)); }
    }
}

BOOST_AUTO_TEST_CASE(json_bodies_are_not_signed) {
    // A JSON body is passed as no form parameters; the signature then covers only the URL and oauth_*.
    core::oauth1_signer const signer("ck", "cs", "t", "ts");
    auto const with_json =
        signer.authorization_header("POST", "https://api.x.com/2/tweets", {}, {}, {}, "n", 7);
    std::vector<param> const oauth{
        {"oauth_consumer_key", "ck"}, {"oauth_nonce", "n"}, {"oauth_signature_method", "HMAC-SHA1"},
        {"oauth_timestamp", "7"},     {"oauth_token", "t"}, {"oauth_version", "1.0"}};
    auto const base = core::signature_base_string("POST", "https://api.x.com/2/tweets", {}, {}, oauth);
    BOOST_TEST(*base ==
               "POST&https%3A%2F%2Fapi.x.com%2F2%2Ftweets&oauth_consumer_key%3Dck%26oauth_nonce%3Dn%26"
               "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D7%26oauth_token%3Dt%26"
               "oauth_version%3D1.0");
    BOOST_TEST(*with_json == expected_header(oauth, *core::hmac_sha1_signature("cs&ts", *base)));
}

BOOST_AUTO_TEST_CASE(header_never_contains_the_secrets) {
    std::string const consumer_secret = "CONSUMERSECRETxyz";
    std::string const token_secret = "TOKENSECRETabc";
    core::oauth1_signer const signer("ck", consumer_secret, "tok", token_secret);
    auto const header = signer.authorization_header("GET", "https://api.x.com/2/users/me", {}, {}, {});
    BOOST_TEST_REQUIRE(header.has_value());
    BOOST_TEST(header->find(consumer_secret) == std::string::npos);
    BOOST_TEST(header->find(token_secret) == std::string::npos);
    BOOST_TEST(header->find(core::signing_key(consumer_secret, token_secret)) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_do_not_produce_a_header) {
    core::oauth1_signer const signer("ck", "cs", "t", "ts");
    BOOST_TEST(signer.authorization_header("GET", "not a url", {}, {}, {}, "n", 1).has_error());
    BOOST_TEST(signer.authorization_header("", "https://h/", {}, {}, {}, "n", 1).has_error());
}

BOOST_AUTO_TEST_CASE(clock_overload_uses_the_clock_and_a_fresh_nonce) {
    core::oauth1_signer const signer("ck", "cs", "t", "ts");
    auto const a = signer.authorization_header("GET", "https://h/", {}, {}, {}, fixed_clock{1700000000});
    auto const b = signer.authorization_header("GET", "https://h/", {}, {}, {}, fixed_clock{1700000000});
    BOOST_TEST_REQUIRE(a.has_value());
    BOOST_TEST_REQUIRE(b.has_value());
    BOOST_TEST(a->find("oauth_timestamp=\"1700000000\"") != std::string::npos);
    BOOST_TEST(*a != *b);
    auto const now = signer.authorization_header("GET", "https://h/", {}, {}, {});
    BOOST_TEST_REQUIRE(now.has_value());
    BOOST_TEST(now->find("oauth_timestamp=\"1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(nonces_are_32_alphanumerics_and_unique) {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        auto const nonce = core::oauth1_nonce::generate();
        BOOST_TEST_REQUIRE(nonce.has_value());
        auto const text = nonce->view();
        BOOST_TEST(text.size() == 32u);
        BOOST_TEST(std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }));
        seen.emplace(text);
    }
    BOOST_TEST(seen.size() == 2000u);
}

BOOST_AUTO_TEST_CASE(nonce_characters_cover_the_whole_alphabet) {
    std::set<char> used;
    for (int i = 0; i < 200; ++i) {
        auto const nonce = core::oauth1_nonce::generate();
        for (char c : nonce->view()) used.insert(c);
    }
    BOOST_TEST(used.size() == 62u);
}

BOOST_AUTO_TEST_SUITE_END()
