#include "client/prepared_request.hpp"

#include "http/origin.hpp"

#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/http/request.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(client_prepared_request)

namespace {

using twitter::client_config;
using twitter::client_errc;
using twitter::diagnostics;
using twitter::error_code;
using twitter::param;
using twitter::detail::origin;
using twitter::detail::prepare_request;
using twitter::detail::prepared_request;
namespace http = twitter::http;

http::request get(std::string target, std::vector<param> query = {}) {
    http::request req;
    req.target = std::move(target);
    req.query = std::move(query);
    return req;
}

prepared_request prepare_ok(http::request const& req, client_config const& config = {}) {
    prepared_request out;
    diagnostics diag;
    error_code const ec = prepare_request(req, config, out, &diag);
    BOOST_TEST_REQUIRE(!ec, "prepare_request(\"" << req.target << "\") failed: " << ec.message() << " ("
                                                 << diag.message << ")");
    return out;
}

// Runs a request that must fail and returns the diagnostics it left.
diagnostics prepare_fails(http::request const& req, client_config const& config, error_code expected) {
    prepared_request out;
    diagnostics diag;
    error_code const ec = prepare_request(req, config, out, &diag);
    BOOST_TEST((ec == expected), "prepare_request(\"" << req.target << "\") gave \"" << ec.message()
                                                      << "\", expected \"" << expected.message() << "\"");
    BOOST_TEST(!diag.message.empty());
    return diag;
}

client_config loopback_plaintext_config() {
    client_config config;
    config.allow_plaintext_loopback = true;
    return config;
}

}  // namespace

// --- resolving the target

BOOST_AUTO_TEST_CASE(relative_target_is_resolved_against_the_api_host) {
    auto const out = prepare_ok(get("/2/tweets/20"));
    BOOST_TEST((out.where == origin{true, "api.x.com", 443}));
    BOOST_TEST(out.url == "https://api.x.com/2/tweets/20");
    BOOST_TEST(out.target == "/2/tweets/20");
    BOOST_TEST(out.query.empty());
    BOOST_TEST(out.body.empty());
    BOOST_TEST(out.content_type.empty());
}

BOOST_AUTO_TEST_CASE(api_base_without_trailing_slash_is_joined_with_one_slash) {
    client_config config;
    config.hosts.api = "https://127.0.0.1:8443";
    auto const out = prepare_ok(get("/2/users/me"), config);
    BOOST_TEST((out.where == origin{true, "127.0.0.1", 8443}));
    BOOST_TEST(out.url == "https://127.0.0.1:8443/2/users/me");
    BOOST_TEST(out.target == "/2/users/me");
}

BOOST_AUTO_TEST_CASE(api_base_with_trailing_slash_is_joined_with_one_slash) {
    client_config config;
    config.hosts.api = "https://127.0.0.1:8443/";
    auto const out = prepare_ok(get("/2/users/me"), config);
    BOOST_TEST((out.where == origin{true, "127.0.0.1", 8443}));
    BOOST_TEST(out.url == "https://127.0.0.1:8443/2/users/me");
    BOOST_TEST(out.target == "/2/users/me");
}

BOOST_AUTO_TEST_CASE(endpoints_at_gives_the_same_resolution) {
    client_config config;
    config.hosts = twitter::endpoints::at("https://localhost:9443/");
    auto const out = prepare_ok(get("/2/tweets"), config);
    BOOST_TEST(out.url == "https://localhost:9443/2/tweets");
}

BOOST_AUTO_TEST_CASE(absolute_url_is_kept) {
    auto const out = prepare_ok(get("https://upload.x.com/1.1/media/upload.json?command=INIT"));
    BOOST_TEST((out.where == origin{true, "upload.x.com", 443}));
    BOOST_TEST(out.url == "https://upload.x.com/1.1/media/upload.json");
    BOOST_TEST(out.target == "/1.1/media/upload.json?command=INIT");
    std::vector<param> const expected{{"command", "INIT"}};
    BOOST_TEST((out.query == expected));
}

BOOST_AUTO_TEST_CASE(absolute_url_ignores_the_api_host) {
    client_config config;
    config.hosts.api = "https://127.0.0.1:8443";
    auto const out = prepare_ok(get("https://api.x.com/2/tweets"), config);
    BOOST_TEST((out.where == origin{true, "api.x.com", 443}));
    BOOST_TEST(out.url == "https://api.x.com/2/tweets");
}

BOOST_AUTO_TEST_CASE(url_leaves_out_the_default_port) {
    auto const out = prepare_ok(get("HTTPS://API.X.COM:443/2/Tweets"));
    BOOST_TEST(out.url == "https://api.x.com/2/Tweets");
    BOOST_TEST(out.where.port == 443);
}

BOOST_AUTO_TEST_CASE(url_keeps_a_non_default_port) {
    auto const out = prepare_ok(get("https://api.x.com:8443/2/tweets"));
    BOOST_TEST(out.url == "https://api.x.com:8443/2/tweets");
}

BOOST_AUTO_TEST_CASE(url_has_no_query_and_no_fragment) {
    auto const out = prepare_ok(get("https://api.x.com/2/tweets?ids=20#top", {{"expansions", "author_id"}}));
    BOOST_TEST(out.url == "https://api.x.com/2/tweets");
    BOOST_TEST(out.target == "/2/tweets?ids=20&expansions=author_id");
}

BOOST_AUTO_TEST_CASE(absolute_url_without_path_gets_slash) {
    auto const out = prepare_ok(get("https://api.x.com?a=1"));
    BOOST_TEST(out.url == "https://api.x.com/");
    BOOST_TEST(out.target == "/?a=1");
}

BOOST_AUTO_TEST_CASE(double_slash_target_stays_on_the_api_host) {
    // A protocol-relative looking target must not switch hosts.
    auto const out = prepare_ok(get("//evil.example/steal"));
    BOOST_TEST(out.where.host == "api.x.com");
    BOOST_TEST(out.url == "https://api.x.com//evil.example/steal");
}

// --- the query

BOOST_AUTO_TEST_CASE(own_query_then_request_query_in_order) {
    auto const out = prepare_ok(get("/2/tweets/search/recent?query=from%3Ajack&max_results=10",
                                    {{"tweet.fields", "created_at,author_id"}, {"query", "dup"}}));
    std::vector<param> const expected{{"query", "from:jack"},
                                      {"max_results", "10"},
                                      {"tweet.fields", "created_at,author_id"},
                                      {"query", "dup"}};
    BOOST_TEST((out.query == expected));
    BOOST_TEST(out.target ==
               "/2/tweets/search/recent?query=from%3Ajack&max_results=10&tweet.fields=created_at%2Cauthor_id"
               "&query=dup");
}

BOOST_AUTO_TEST_CASE(request_query_alone_is_appended) {
    auto const out = prepare_ok(get("/2/users/by", {{"usernames", "TwitterDev,jack"}}));
    BOOST_TEST(out.target == "/2/users/by?usernames=TwitterDev%2Cjack");
    BOOST_TEST(out.url == "https://api.x.com/2/users/by");
}

BOOST_AUTO_TEST_CASE(space_is_encoded_as_percent_20) {
    auto const out = prepare_ok(get("/2/tweets/search/recent", {{"query", "cats dogs"}}));
    BOOST_TEST(out.target == "/2/tweets/search/recent?query=cats%20dogs");
}

BOOST_AUTO_TEST_CASE(plus_in_the_urls_own_query_is_a_space) {
    auto const out = prepare_ok(get("/2/search?q=a+b%2Bc"));
    std::vector<param> const expected{{"q", "a b+c"}};
    BOOST_TEST((out.query == expected));
    BOOST_TEST(out.target == "/2/search?q=a%20b%2Bc");
}

BOOST_AUTO_TEST_CASE(plus_in_a_request_query_value_is_encoded) {
    auto const out = prepare_ok(get("/2/search", {{"q", "1+1"}}));
    BOOST_TEST(out.target == "/2/search?q=1%2B1");
}

BOOST_AUTO_TEST_CASE(tilde_is_kept_and_star_is_encoded) {
    auto const out = prepare_ok(get("/x", {{"t", "~user*"}, {"safe", "AZaz09-._~"}}));
    BOOST_TEST(out.target == "/x?t=~user%2A&safe=AZaz09-._~");
}

BOOST_AUTO_TEST_CASE(reserved_characters_in_values_are_encoded) {
    auto const out = prepare_ok(get("/x", {{"q", "a&b=c?d/e#f:g@h!"}}));
    BOOST_TEST(out.target == "/x?q=a%26b%3Dc%3Fd%2Fe%23f%3Ag%40h%21");
}

BOOST_AUTO_TEST_CASE(names_are_encoded_too) {
    auto const out = prepare_ok(get("/x", {{"a b", "1"}}));
    BOOST_TEST(out.target == "/x?a%20b=1");
}

BOOST_AUTO_TEST_CASE(non_ascii_is_utf8_percent_encoded_in_upper_case) {
    auto const out = prepare_ok(get("/x", {{"q", "caf\xc3\xa9"}}));
    BOOST_TEST(out.target == "/x?q=caf%C3%A9");
}

BOOST_AUTO_TEST_CASE(own_query_is_re_encoded_canonically) {
    // Lower-case escapes and needlessly escaped unreserved bytes come out in the one canonical form, so the
    // bytes signed by OAuth 1.0a are the bytes sent.
    auto const out = prepare_ok(get("/x?a=%7e%2a&b=%41"));
    std::vector<param> const expected{{"a", "~*"}, {"b", "A"}};
    BOOST_TEST((out.query == expected));
    BOOST_TEST(out.target == "/x?a=~%2A&b=A");
}

BOOST_AUTO_TEST_CASE(own_query_piece_without_equals_gets_an_empty_value) {
    auto const out = prepare_ok(get("/x?flag&a=1"));
    std::vector<param> const expected{{"flag", ""}, {"a", "1"}};
    BOOST_TEST((out.query == expected));
    BOOST_TEST(out.target == "/x?flag=&a=1");
}

BOOST_AUTO_TEST_CASE(empty_query_leaves_no_question_mark) {
    BOOST_TEST(prepare_ok(get("/x?")).target == "/x");
    BOOST_TEST(prepare_ok(get("/x?&&")).target == "/x");
}

BOOST_AUTO_TEST_CASE(empty_request_query_value_is_kept) {
    auto const out = prepare_ok(get("/x", {{"a", ""}}));
    BOOST_TEST(out.target == "/x?a=");
}

BOOST_AUTO_TEST_CASE(malformed_query_escape_is_an_invalid_url) {
    client_config const config;
    prepare_fails(get("/2/tweets?ids=%zz"), config, client_errc::invalid_url);
    prepare_fails(get("/2/tweets?ids=20%4"), config, client_errc::invalid_url);
    prepare_fails(get("/2/tweets?ids=20%"), config, client_errc::invalid_url);
    prepare_fails(get("/2/tweets?%G0=1"), config, client_errc::invalid_url);
}

// --- target errors

BOOST_AUTO_TEST_CASE(empty_target_is_an_invalid_url) {
    prepare_fails(get(""), client_config{}, client_errc::invalid_url);
}

BOOST_AUTO_TEST_CASE(relative_target_without_leading_slash_is_an_invalid_url) {
    prepare_fails(get("2/tweets"), client_config{}, client_errc::invalid_url);
}

BOOST_AUTO_TEST_CASE(malformed_absolute_url_is_an_invalid_url) {
    client_config const config;
    prepare_fails(get("ftp://api.x.com/file"), config, client_errc::invalid_url);
    prepare_fails(get("https://user:pw@api.x.com/"), config, client_errc::invalid_url);
    prepare_fails(get("https://api.x.com:0/"), config, client_errc::invalid_url);
    prepare_fails(get("/2/tweets with space"), config, client_errc::invalid_url);
}

BOOST_AUTO_TEST_CASE(malformed_api_base_is_an_invalid_url) {
    client_config config;
    config.hosts.api = "api.x.com";
    prepare_fails(get("/2/tweets"), config, client_errc::invalid_url);
}

// --- plaintext

BOOST_AUTO_TEST_CASE(http_is_refused_by_default) {
    prepare_fails(get("http://api.x.com/2/tweets"), client_config{}, client_errc::insecure_scheme_refused);
}

BOOST_AUTO_TEST_CASE(http_to_loopback_is_refused_without_the_flag) {
    client_config const config;
    prepare_fails(get("http://127.0.0.1:8080/2/tweets"), config, client_errc::insecure_scheme_refused);
    prepare_fails(get("http://localhost:8080/2/tweets"), config, client_errc::insecure_scheme_refused);
    prepare_fails(get("http://[::1]:8080/2/tweets"), config, client_errc::insecure_scheme_refused);
}

BOOST_AUTO_TEST_CASE(http_to_loopback_is_allowed_with_the_flag) {
    auto const config = loopback_plaintext_config();
    auto const v4 = prepare_ok(get("http://127.0.0.1:8080/2/tweets", {{"ids", "20"}}), config);
    BOOST_TEST((v4.where == origin{false, "127.0.0.1", 8080}));
    BOOST_TEST(v4.url == "http://127.0.0.1:8080/2/tweets");
    BOOST_TEST(v4.target == "/2/tweets?ids=20");

    auto const name = prepare_ok(get("http://LOCALHOST/2/tweets"), config);
    BOOST_TEST((name.where == origin{false, "localhost", 80}));
    BOOST_TEST(name.url == "http://localhost/2/tweets");

    auto const v6 = prepare_ok(get("http://[::1]:8080/2/tweets"), config);
    BOOST_TEST((v6.where == origin{false, "::1", 8080}));
    BOOST_TEST(v6.url == "http://[::1]:8080/2/tweets");

    auto const other = prepare_ok(get("http://127.5.6.7:80/"), config);
    BOOST_TEST(other.url == "http://127.5.6.7/");
}

BOOST_AUTO_TEST_CASE(http_api_base_on_loopback_is_allowed_with_the_flag) {
    auto config = loopback_plaintext_config();
    config.hosts = twitter::endpoints::at("http://127.0.0.1:8080");
    auto const out = prepare_ok(get("/2/users/me"), config);
    BOOST_TEST(!out.where.tls);
    BOOST_TEST(out.url == "http://127.0.0.1:8080/2/users/me");
}

BOOST_AUTO_TEST_CASE(http_to_a_non_loopback_host_is_refused_even_with_the_flag) {
    auto const config = loopback_plaintext_config();
    prepare_fails(get("http://api.x.com/2/tweets"), config, client_errc::insecure_scheme_refused);
    prepare_fails(get("http://10.0.0.1/"), config, client_errc::insecure_scheme_refused);
    prepare_fails(get("http://localhost.evil.com/"), config, client_errc::insecure_scheme_refused);
    prepare_fails(get("http://127.0.0.1.evil.com/"), config, client_errc::insecure_scheme_refused);
    prepare_fails(get("http://0.0.0.0:8080/"), config, client_errc::insecure_scheme_refused);
}

BOOST_AUTO_TEST_CASE(https_is_unaffected_by_the_flag) {
    auto const out = prepare_ok(get("https://api.x.com/2/tweets"), loopback_plaintext_config());
    BOOST_TEST(out.where.tls);
}

// --- bodies

BOOST_AUTO_TEST_CASE(json_body_is_sent_as_is) {
    http::request req = get("/2/tweets");
    req.method = http::verb::post;
    req.kind = http::body_kind::json;
    req.body = R"({"text":"Hello + world ~*"})";
    auto const out = prepare_ok(req);
    BOOST_TEST(out.body == R"({"text":"Hello + world ~*"})");
    BOOST_TEST(out.content_type == "application/json");
    BOOST_TEST(out.target == "/2/tweets");
}

BOOST_AUTO_TEST_CASE(form_body_is_rfc3986_encoded_in_order) {
    http::request req = get("/1.1/statuses/update.json", {{"include_entities", "true"}});
    req.method = http::verb::post;
    req.kind = http::body_kind::form;
    req.form = {{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"}, {"t", "~*"}};
    auto const out = prepare_ok(req);
    BOOST_TEST(out.body ==
               "status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21&t=~%2A");
    BOOST_TEST(out.content_type == "application/x-www-form-urlencoded");
    // The form stays in the body: only the query goes in the target.
    BOOST_TEST(out.target == "/1.1/statuses/update.json?include_entities=true");
    std::vector<param> const expected_query{{"include_entities", "true"}};
    BOOST_TEST((out.query == expected_query));
}

BOOST_AUTO_TEST_CASE(empty_form_gives_an_empty_body_with_its_content_type) {
    http::request req = get("/x");
    req.kind = http::body_kind::form;
    auto const out = prepare_ok(req);
    BOOST_TEST(out.body.empty());
    BOOST_TEST(out.content_type == "application/x-www-form-urlencoded");
}

BOOST_AUTO_TEST_CASE(raw_body_keeps_its_bytes_and_content_type) {
    http::request req = get("https://upload.x.com/1.1/media/upload.json");
    req.method = http::verb::post;
    req.kind = http::body_kind::raw;
    constexpr char bytes[] = "--b\r\n\0\xff binary\r\n--b--\r\n";
    req.body = std::string(bytes, sizeof bytes - 1);
    req.content_type = "multipart/form-data; boundary=b";
    auto const out = prepare_ok(req);
    BOOST_TEST(out.body.size() == sizeof bytes - 1);
    BOOST_TEST((out.body == req.body));
    BOOST_TEST(out.content_type == "multipart/form-data; boundary=b");
}

BOOST_AUTO_TEST_CASE(raw_body_without_content_type_is_an_invalid_argument) {
    http::request req = get("/x");
    req.kind = http::body_kind::raw;
    req.body = "bytes";
    prepare_fails(req, client_config{}, client_errc::invalid_argument);
}

BOOST_AUTO_TEST_CASE(no_body_kind_sends_no_body) {
    http::request req = get("/x");
    req.body = "ignored";
    req.form = {{"ignored", "too"}};
    req.content_type = "text/plain";
    prepared_request out;
    out.body = "stale";
    out.content_type = "stale/type";
    BOOST_TEST_REQUIRE(!prepare_request(req, client_config{}, out, nullptr));
    BOOST_TEST(out.body.empty());
    BOOST_TEST(out.content_type.empty());
}

BOOST_AUTO_TEST_CASE(reused_output_is_overwritten) {
    prepared_request out;
    http::request first = get("https://upload.x.com/a?x=1", {{"y", "2"}});
    first.kind = http::body_kind::json;
    first.body = "{}";
    BOOST_TEST_REQUIRE(!prepare_request(first, client_config{}, out, nullptr));
    BOOST_TEST_REQUIRE(!prepare_request(get("/b"), client_config{}, out, nullptr));
    BOOST_TEST((out.where == origin{true, "api.x.com", 443}));
    BOOST_TEST(out.url == "https://api.x.com/b");
    BOOST_TEST(out.target == "/b");
    BOOST_TEST(out.query.empty());
    BOOST_TEST(out.body.empty());
    BOOST_TEST(out.content_type.empty());
}

// --- diagnostics

BOOST_AUTO_TEST_CASE(failures_without_diagnostics_still_report_the_error) {
    prepared_request out;
    BOOST_TEST((prepare_request(get(""), client_config{}, out, nullptr) == client_errc::invalid_url));
    BOOST_TEST((prepare_request(get("http://example.com/"), client_config{}, out, nullptr) ==
                client_errc::insecure_scheme_refused));
    http::request raw = get("/x");
    raw.kind = http::body_kind::raw;
    BOOST_TEST((prepare_request(raw, client_config{}, out, nullptr) == client_errc::invalid_argument));
}

BOOST_AUTO_TEST_CASE(diagnostics_never_hold_query_values) {
    std::string const secret = "S3cr3tT0ken";
    client_config const config;

    auto diag =
        prepare_fails(get("/2/x?access_token=" + secret + "&bad=%G1"), config, client_errc::invalid_url);
    BOOST_TEST(diag.message.find(secret) == std::string::npos, diag.message);

    diag = prepare_fails(get("http://api.x.com/2/x?token=" + secret), config,
                         client_errc::insecure_scheme_refused);
    BOOST_TEST(diag.message.find(secret) == std::string::npos, diag.message);

    diag =
        prepare_fails(get("https://api.x.com/2/x?token=" + secret + " "), config, client_errc::invalid_url);
    BOOST_TEST(diag.message.find(secret) == std::string::npos, diag.message);

    http::request raw = get("/2/x", {{"token", secret}});
    raw.kind = http::body_kind::raw;
    raw.body = secret;
    diag = prepare_fails(raw, config, client_errc::invalid_argument);
    BOOST_TEST(diag.message.find(secret) == std::string::npos, diag.message);
}

BOOST_AUTO_TEST_CASE(diagnostics_say_which_check_failed) {
    client_config const config;
    auto const empty = prepare_fails(get(""), config, client_errc::invalid_url);
    auto const plaintext =
        prepare_fails(get("http://example.com/"), config, client_errc::insecure_scheme_refused);
    http::request raw = get("/x");
    raw.kind = http::body_kind::raw;
    auto const no_type = prepare_fails(raw, config, client_errc::invalid_argument);
    BOOST_TEST(empty.message != plaintext.message);
    BOOST_TEST(plaintext.message != no_type.message);
    BOOST_TEST(empty.message != no_type.message);
}

BOOST_AUTO_TEST_SUITE_END()
