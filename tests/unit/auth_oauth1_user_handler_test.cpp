#include <twitter/auth/oauth1_user_handler.hpp>

#include "print_error_enums.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

BOOST_AUTO_TEST_SUITE(auth_oauth1_user_handler)

using twitter::client_errc;
using twitter::error_code;
using twitter::param;

namespace {

// --- Independent RFC 5849 helpers: none of these use lib/core. ---

// Section 3.6: everything but ALPHA DIGIT - . _ ~ becomes %XX, uppercase.
std::string enc(std::string_view in) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : in) {
        auto const c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::optional<std::string> dec(std::string_view in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size()) return std::nullopt;
        auto const hexval = [](char c) {
            return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        };
        int const hi = hexval(in[i + 1]);
        int const lo = hexval(in[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;  // section 3.6 requires uppercase hex
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string base64(unsigned char const* data, std::size_t size) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < size; i += 3) {
        unsigned n = unsigned(data[i]) << 16;
        if (i + 1 < size) n |= unsigned(data[i + 1]) << 8;
        if (i + 2 < size) n |= data[i + 2];
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += i + 1 < size ? alphabet[(n >> 6) & 63] : '=';
        out += i + 2 < size ? alphabet[n & 63] : '=';
    }
    return out;
}

std::string hmac_sha1_base64(std::string const& key, std::string const& text) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<unsigned char const*>(text.data()), text.size(), mac, &len);
    BOOST_TEST_REQUIRE(len == 20u);
    return base64(mac, len);
}

// The header's name="value" pairs, values decoded; fails the test if the header is not in RFC 5849 3.5.1
// form.
std::map<std::string, std::string> parse_header(std::string_view header) {
    std::map<std::string, std::string> out;
    BOOST_TEST_REQUIRE(header.starts_with("OAuth "), header);
    std::string_view rest = header.substr(6);
    while (!rest.empty()) {
        auto const comma = rest.find(", ");
        std::string_view const item = rest.substr(0, comma);
        auto const eq = item.find('=');
        BOOST_TEST_REQUIRE(eq != std::string_view::npos, item);
        std::string_view const value = item.substr(eq + 1);
        BOOST_TEST_REQUIRE((value.size() >= 2 && value.front() == '"' && value.back() == '"'), item);
        auto decoded = dec(value.substr(1, value.size() - 2));
        BOOST_TEST_REQUIRE(decoded.has_value(), item);
        bool const inserted = out.emplace(std::string(item.substr(0, eq)), *decoded).second;
        BOOST_TEST_REQUIRE(inserted, "repeated " << item);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
    }
    return out;
}

// Section 3.4.1: the base string, from a URL without query (already in 3.4.1.2 form) and decoded parameters.
std::string base_string(std::string_view method, std::string_view url, std::vector<param> const& params) {
    std::vector<std::pair<std::string, std::string>> encoded;
    for (auto const& p : params) encoded.emplace_back(enc(p.name), enc(p.value));
    std::sort(encoded.begin(), encoded.end());
    std::string normalized;
    for (auto const& [n, v] : encoded) normalized += (normalized.empty() ? "" : "&") + n + "=" + v;
    return std::string(method) + "&" + enc(url) + "&" + enc(normalized);
}

struct credentials {
    std::string consumer_key;
    std::string consumer_secret;
    std::string token;
    std::string token_secret;
};

// X's documented example credentials ("Creating a signature").
credentials const x_example{"xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                            "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
                            "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"};

constexpr std::int64_t fixed_time = 1318622958;

struct result {
    int calls = 0;
    error_code ec;
    twitter::authorization auth;
};

result authorize(boost::asio::io_context& ctx, twitter::oauth1_user_handler& h,
                 twitter::request_to_sign const& req) {
    result r;
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

// Signs `req` with the handler and checks the header against a signature computed here from scratch.
void check_signed(credentials const& c, std::string_view method, std::string_view url,
                  std::vector<param> const& query, std::vector<param> const& form) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), c.consumer_key, c.consumer_secret, c.token,
                                   c.token_secret);
    h.set_clock([] { return fixed_time; });
    auto const r = authorize(ctx, h, {method, url, query, form});
    BOOST_TEST_REQUIRE(!r.ec);
    BOOST_TEST(r.auth.generation == 0u);

    auto const fields = parse_header(r.auth.header);
    BOOST_TEST(fields.size() == 7u, r.auth.header);
    BOOST_TEST(fields.at("oauth_consumer_key") == c.consumer_key);
    BOOST_TEST(fields.at("oauth_token") == c.token);
    BOOST_TEST(fields.at("oauth_signature_method") == "HMAC-SHA1");
    BOOST_TEST(fields.at("oauth_timestamp") == "1318622958");
    BOOST_TEST(fields.at("oauth_version") == "1.0");
    BOOST_TEST(r.auth.header.find("oauth_signature_method=\"HMAC-SHA1\"") != std::string::npos);
    BOOST_TEST(r.auth.header.find("oauth_timestamp=\"1318622958\"") != std::string::npos);
    BOOST_TEST(r.auth.header.find("oauth_version=\"1.0\"") != std::string::npos);
    BOOST_TEST(r.auth.header.find("oauth_token=\"" + enc(c.token) + "\"") != std::string::npos);
    BOOST_TEST(r.auth.header.find("oauth_consumer_key=\"" + enc(c.consumer_key) + "\"") != std::string::npos);

    std::string const& nonce = fields.at("oauth_nonce");
    BOOST_TEST(!nonce.empty());

    std::vector<param> all = query;
    all.insert(all.end(), form.begin(), form.end());
    for (auto const& name : {"oauth_consumer_key", "oauth_nonce", "oauth_signature_method", "oauth_timestamp",
                             "oauth_token", "oauth_version"})
        all.push_back({name, fields.at(name)});
    std::string const base = base_string(method, url, all);
    std::string const key = enc(c.consumer_secret) + "&" + enc(c.token_secret);
    BOOST_TEST(fields.at("oauth_signature") == hmac_sha1_base64(key, base), "base string: " << base);
}

}  // namespace

BOOST_AUTO_TEST_CASE(test_signature_helpers_match_x_documented_example) {
    // Guards the test's own helpers with the published vector (nonce and timestamp from X's documentation).
    std::vector<param> const params{
        {"include_entities", "true"},
        {"status", "Hello Ladies + Gentlemen, a signed OAuth request!"},
        {"oauth_consumer_key", x_example.consumer_key},
        {"oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"},
        {"oauth_signature_method", "HMAC-SHA1"},
        {"oauth_timestamp", "1318622958"},
        {"oauth_token", x_example.token},
        {"oauth_version", "1.0"},
    };
    std::string const base = base_string("POST", "https://api.twitter.com/1.1/statuses/update.json", params);
    std::string const key = enc(x_example.consumer_secret) + "&" + enc(x_example.token_secret);
    BOOST_TEST(hmac_sha1_base64(key, base) == "hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
}

BOOST_AUTO_TEST_CASE(signs_a_form_post_with_hmac_sha1) {
    check_signed(x_example, "POST", "https://api.twitter.com/1.1/statuses/update.json",
                 {{"include_entities", "true"}},
                 {{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"}});
}

BOOST_AUTO_TEST_CASE(signs_a_get_with_repeated_and_encoded_query_parameters) {
    check_signed(x_example, "GET", "https://api.x.com/2/tweets/search/recent",
                 {{"query", "from:XDevelopers -is:retweet #café"},
                  {"tweet.fields", "created_at,author_id"},
                  {"a", "2"},
                  {"a", "1"},
                  {"a", ""},
                  {"z~", "*'()!"}},
                 {});
}

BOOST_AUTO_TEST_CASE(signs_a_request_without_parameters) {
    check_signed(x_example, "GET", "https://api.x.com/2/users/me", {}, {});
}

BOOST_AUTO_TEST_CASE(signs_with_secrets_that_need_encoding) {
    credentials const tricky{"key with space&amp", "consumer&secret=+/%", "12-tok/en+=", "token secret&é"};
    check_signed(tricky, "POST", "https://api.x.com/1.1/statuses/update.json", {},
                 {{"status", "100% = \"great\" & more"}});
}

BOOST_AUTO_TEST_CASE(each_request_gets_a_fresh_nonce) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), x_example.consumer_key, x_example.consumer_secret,
                                   x_example.token, x_example.token_secret);
    h.set_clock([] { return fixed_time; });
    twitter::request_to_sign const req{"GET", "https://api.x.com/2/users/me", {}, {}};
    auto const a = parse_header(authorize(ctx, h, req).auth.header);
    auto const b = parse_header(authorize(ctx, h, req).auth.header);
    BOOST_TEST(a.at("oauth_nonce") != b.at("oauth_nonce"));
    BOOST_TEST(a.at("oauth_signature") != b.at("oauth_signature"));
}

BOOST_AUTO_TEST_CASE(timestamp_comes_from_the_clock_set) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), x_example.consumer_key, x_example.consumer_secret,
                                   x_example.token, x_example.token_secret);
    std::int64_t now = 1'700'000'000;
    h.set_clock([&now] { return now; });
    twitter::request_to_sign const req{"GET", "https://api.x.com/2/users/me", {}, {}};
    BOOST_TEST(parse_header(authorize(ctx, h, req).auth.header).at("oauth_timestamp") == "1700000000");
    now += 61;
    BOOST_TEST(parse_header(authorize(ctx, h, req).auth.header).at("oauth_timestamp") == "1700000061");
}

BOOST_AUTO_TEST_CASE(no_access_token_is_missing_credential) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), x_example.consumer_key, x_example.consumer_secret);
    auto const r = authorize(ctx, h, {"GET", "https://api.x.com/2/users/me", {}, {}});
    BOOST_TEST(r.ec == client_errc::missing_credential);
    BOOST_TEST(r.auth.header.empty());
}

BOOST_AUTO_TEST_CASE(missing_consumer_credentials_are_missing_credential) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler no_key(ctx.get_executor(), "", x_example.consumer_secret, x_example.token,
                                        x_example.token_secret);
    twitter::oauth1_user_handler no_secret(ctx.get_executor(), x_example.consumer_key, "", x_example.token,
                                           x_example.token_secret);
    twitter::request_to_sign const req{"GET", "https://api.x.com/2/users/me", {}, {}};
    BOOST_TEST(authorize(ctx, no_key, req).ec == client_errc::missing_credential);
    BOOST_TEST(authorize(ctx, no_secret, req).ec == client_errc::missing_credential);
}

BOOST_AUTO_TEST_CASE(scheme_is_oauth1_user) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), "k", "s");
    BOOST_TEST((h.scheme() == twitter::auth_scheme::oauth1_user));
}

BOOST_AUTO_TEST_CASE(request_token_round_trips) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), "k", "s");
    BOOST_TEST(h.request_token().token.empty());
    BOOST_TEST(h.request_token().secret.empty());

    h.set_request_token({"req-token", "req-secret", "42", "someone"});
    twitter::oauth1_token const got = h.request_token();
    BOOST_TEST(got.token == "req-token");
    BOOST_TEST(got.secret == "req-secret");
    BOOST_TEST(got.user_id == "42");
    BOOST_TEST(got.screen_name == "someone");

    twitter::oauth1_user_handler other(ctx.get_executor(), "k", "s");  // another process finishing the flow
    other.set_request_token(got);
    BOOST_TEST(other.request_token().token == "req-token");
    BOOST_TEST(other.request_token().secret == "req-secret");
    // A request token is not an access token: it signs nothing.
    BOOST_TEST(other.access_token().token.empty());
}

BOOST_AUTO_TEST_CASE(access_token_is_what_the_constructor_got) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), x_example.consumer_key, x_example.consumer_secret,
                                   x_example.token, x_example.token_secret);
    twitter::oauth1_token const t = h.access_token();
    BOOST_TEST(t.token == x_example.token);
    BOOST_TEST(t.secret == x_example.token_secret);

    twitter::oauth1_user_handler none(ctx.get_executor(), "k", "s");
    BOOST_TEST(none.access_token().token.empty());
    BOOST_TEST(none.access_token().secret.empty());
}

BOOST_AUTO_TEST_CASE(deprecated_set_access_token_makes_the_handler_sign) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), x_example.consumer_key, x_example.consumer_secret);
    h.set_clock([] { return fixed_time; });
    twitter::request_to_sign const req{"GET", "https://api.x.com/2/users/me", {}, {}};
    BOOST_TEST_REQUIRE(authorize(ctx, h, req).ec == client_errc::missing_credential);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    h.set_access_token("99-later-token", "later-secret");
#pragma GCC diagnostic pop

    BOOST_TEST(h.access_token().token == "99-later-token");
    BOOST_TEST(h.access_token().secret == "later-secret");
    auto const r = authorize(ctx, h, req);
    BOOST_TEST_REQUIRE(!r.ec);
    auto const fields = parse_header(r.auth.header);
    BOOST_TEST(fields.at("oauth_token") == "99-later-token");

    // And the signature uses the new token secret.
    std::vector<param> all;
    for (auto const& name : {"oauth_consumer_key", "oauth_nonce", "oauth_signature_method", "oauth_timestamp",
                             "oauth_token", "oauth_version"})
        all.push_back({name, fields.at(name)});
    std::string const key = enc(x_example.consumer_secret) + "&" + enc("later-secret");
    BOOST_TEST(fields.at("oauth_signature") == hmac_sha1_base64(key, base_string("GET", req.url, all)));
}

BOOST_AUTO_TEST_SUITE_END()
