#include "http/url.hpp"

#include "http/origin.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

BOOST_AUTO_TEST_SUITE(http_url)

namespace {

using twitter::client_errc;
using twitter::error_code;
using twitter::detail::origin;
using twitter::detail::parse_url;
using twitter::detail::parsed_url;

parsed_url parse_ok(std::string_view text) {
    parsed_url out;
    error_code const ec = parse_url(text, out);
    BOOST_TEST_REQUIRE(!ec, "parse_url(\"" << text << "\") failed: " << ec.message());
    return out;
}

void check_invalid(std::string_view text) {
    parsed_url out;
    error_code const ec = parse_url(text, out);
    BOOST_TEST((ec == client_errc::invalid_url), "parse_url(\"" << text << "\") gave " << ec.message());
}

}  // namespace

// --- valid URLs

BOOST_AUTO_TEST_CASE(https_url_is_taken_apart) {
    auto const url = parse_ok("https://api.x.com/2/tweets/20?expansions=author_id");
    BOOST_TEST(url.where.tls);
    BOOST_TEST(url.where.host == "api.x.com");
    BOOST_TEST(url.where.port == 443);
    BOOST_TEST(url.path == "/2/tweets/20");
    BOOST_TEST(url.query == "expansions=author_id");
}

BOOST_AUTO_TEST_CASE(https_default_port_is_443) {
    auto const url = parse_ok("https://example.com/");
    BOOST_TEST(url.where.tls);
    BOOST_TEST(url.where.port == 443);
}

BOOST_AUTO_TEST_CASE(http_default_port_is_80) {
    auto const url = parse_ok("http://example.com/a");
    BOOST_TEST(!url.where.tls);
    BOOST_TEST(url.where.host == "example.com");
    BOOST_TEST(url.where.port == 80);
    BOOST_TEST(url.path == "/a");
}

BOOST_AUTO_TEST_CASE(explicit_port_is_kept) {
    auto const url = parse_ok("https://127.0.0.1:8443/2/users/me");
    BOOST_TEST(url.where.host == "127.0.0.1");
    BOOST_TEST(url.where.port == 8443);
    BOOST_TEST(url.path == "/2/users/me");
}

BOOST_AUTO_TEST_CASE(explicit_default_port_is_the_same_origin) {
    auto const url = parse_ok("https://example.com:443/");
    origin const expected{true, "example.com", 443};
    BOOST_TEST((url.where == expected));
}

BOOST_AUTO_TEST_CASE(extreme_valid_ports_are_accepted) {
    BOOST_TEST(parse_ok("http://h:1/").where.port == 1);
    BOOST_TEST(parse_ok("http://h:65535/").where.port == 65535);
}

BOOST_AUTO_TEST_CASE(explicit_port_on_http_is_kept) {
    auto const url = parse_ok("http://localhost:8080");
    BOOST_TEST(!url.where.tls);
    BOOST_TEST(url.where.host == "localhost");
    BOOST_TEST(url.where.port == 8080);
    BOOST_TEST(url.path == "/");
}

BOOST_AUTO_TEST_CASE(ipv6_literal_loses_its_brackets) {
    auto const url = parse_ok("https://[::1]:8443/x");
    BOOST_TEST(url.where.host == "::1");
    BOOST_TEST(url.where.port == 8443);
    BOOST_TEST(url.path == "/x");
}

BOOST_AUTO_TEST_CASE(ipv6_literal_without_port_gets_the_default) {
    auto const url = parse_ok("https://[2001:DB8::A]/");
    BOOST_TEST(url.where.host == "2001:db8::a");
    BOOST_TEST(url.where.port == 443);
}

BOOST_AUTO_TEST_CASE(scheme_and_host_are_lowercased_but_not_the_path) {
    auto const url = parse_ok("HTTPS://API.X.Com/2/Tweets?Q=AbC");
    BOOST_TEST(url.where.tls);
    BOOST_TEST(url.where.host == "api.x.com");
    BOOST_TEST(url.path == "/2/Tweets");
    BOOST_TEST(url.query == "Q=AbC");
}

BOOST_AUTO_TEST_CASE(mixed_case_http_scheme_is_plaintext) {
    auto const url = parse_ok("hTtP://example.com/");
    BOOST_TEST(!url.where.tls);
    BOOST_TEST(url.where.port == 80);
}

BOOST_AUTO_TEST_CASE(missing_path_defaults_to_slash) {
    BOOST_TEST(parse_ok("https://example.com").path == "/");
    BOOST_TEST(parse_ok("https://example.com:8443").path == "/");
}

BOOST_AUTO_TEST_CASE(query_without_path_gets_slash_path) {
    auto const url = parse_ok("https://example.com?a=1");
    BOOST_TEST(url.where.host == "example.com");
    BOOST_TEST(url.path == "/");
    BOOST_TEST(url.query == "a=1");
}

BOOST_AUTO_TEST_CASE(query_is_kept_encoded) {
    auto const url = parse_ok("https://example.com/search?q=a%20b+c&x=%2A%7E");
    BOOST_TEST(url.path == "/search");
    BOOST_TEST(url.query == "q=a%20b+c&x=%2A%7E");
}

BOOST_AUTO_TEST_CASE(no_query_gives_an_empty_query) {
    BOOST_TEST(parse_ok("https://example.com/a/b").query.empty());
}

BOOST_AUTO_TEST_CASE(fragment_is_dropped) {
    auto const url = parse_ok("https://example.com/page?a=1#section-2");
    BOOST_TEST(url.path == "/page");
    BOOST_TEST(url.query == "a=1");
}

BOOST_AUTO_TEST_CASE(fragment_without_query_is_dropped) {
    auto const url = parse_ok("https://example.com/page#frag?notquery");
    BOOST_TEST(url.path == "/page");
    BOOST_TEST(url.query.empty());
}

BOOST_AUTO_TEST_CASE(fragment_right_after_host_is_dropped) {
    auto const url = parse_ok("https://example.com#frag");
    BOOST_TEST(url.where.host == "example.com");
    BOOST_TEST(url.path == "/");
    BOOST_TEST(url.query.empty());
}

BOOST_AUTO_TEST_CASE(path_is_kept_as_written) {
    auto const url = parse_ok("https://example.com/a%2Fb/./c/../d");
    BOOST_TEST(url.path == "/a%2Fb/./c/../d");
}

BOOST_AUTO_TEST_CASE(host_may_hold_dashes_and_underscores) {
    BOOST_TEST(parse_ok("https://my-host_1.example/").where.host == "my-host_1.example");
}

BOOST_AUTO_TEST_CASE(output_is_overwritten_on_success) {
    parsed_url out;
    BOOST_TEST_REQUIRE(!parse_url("http://first.example:81/one?x=1", out));
    BOOST_TEST_REQUIRE(!parse_url("https://second.example/two", out));
    BOOST_TEST(out.where.tls);
    BOOST_TEST(out.where.host == "second.example");
    BOOST_TEST(out.where.port == 443);
    BOOST_TEST(out.path == "/two");
    BOOST_TEST(out.query.empty());
}

// --- invalid URLs

BOOST_AUTO_TEST_CASE(empty_string_is_rejected) { check_invalid(""); }

BOOST_AUTO_TEST_CASE(missing_scheme_is_rejected) {
    check_invalid("example.com/path");
    check_invalid("//example.com/path");
    check_invalid("/2/tweets");
    check_invalid("://example.com/");
}

BOOST_AUTO_TEST_CASE(scheme_without_double_slash_is_rejected) {
    check_invalid("https:example.com");
    check_invalid("https:/example.com");
}

BOOST_AUTO_TEST_CASE(other_schemes_are_rejected) {
    check_invalid("ftp://example.com/file");
    check_invalid("ws://example.com/");
    check_invalid("wss://example.com/");
    check_invalid("file:///etc/passwd");
    check_invalid("httpss://example.com/");
    check_invalid("htt://example.com/");
    check_invalid(" https://example.com/");
}

BOOST_AUTO_TEST_CASE(userinfo_is_rejected) {
    check_invalid("https://user:pass@example.com/");
    check_invalid("https://user@example.com/");
    check_invalid("https://@example.com/");
    check_invalid("https://api.x.com@evil.example/");
}

BOOST_AUTO_TEST_CASE(at_sign_in_the_path_is_allowed) {
    // '@' is only user info before the first '/': in a path it is an ordinary character.
    auto const url = parse_ok("https://example.com/@jack");
    BOOST_TEST(url.where.host == "example.com");
    BOOST_TEST(url.path == "/@jack");
}

BOOST_AUTO_TEST_CASE(empty_host_is_rejected) {
    check_invalid("https://");
    check_invalid("https:///path");
    check_invalid("https://:443/");
    check_invalid("https://?q=1");
    check_invalid("http://#frag");
    check_invalid("https://[]/");
    check_invalid("https://[]:443/");
}

BOOST_AUTO_TEST_CASE(port_zero_is_rejected) {
    check_invalid("https://example.com:0/");
    check_invalid("https://example.com:00/");
}

BOOST_AUTO_TEST_CASE(port_above_65535_is_rejected) {
    check_invalid("https://example.com:65536/");
    check_invalid("https://example.com:99999/");
    check_invalid("https://example.com:4294967296/");            // wraps to 0 in 32 bits
    check_invalid("https://example.com:18446744073709551616/");  // overflows 64 bits
    check_invalid("https://[::1]:65536/");
}

BOOST_AUTO_TEST_CASE(non_digit_port_is_rejected) {
    check_invalid("https://example.com:https/");
    check_invalid("https://example.com:44a/");
    check_invalid("https://example.com:a44/");
    check_invalid("https://example.com:-1/");
    check_invalid("https://example.com:+443/");
    check_invalid("https://example.com:0x1bb/");
    check_invalid("https://example.com:1:2/");
    check_invalid("https://[::1]:port/");
}

BOOST_AUTO_TEST_CASE(spaces_are_rejected) {
    check_invalid("https://example.com/a b");
    check_invalid("https://exa mple.com/");
    check_invalid("https://example.com/?q=a b");
    check_invalid("https://example.com/ ");
}

BOOST_AUTO_TEST_CASE(control_characters_are_rejected) {
    check_invalid("https://example.com/\r\nHost: evil");
    check_invalid("https://example.com/\t");
    check_invalid("https://example.com/\x7f");
    check_invalid("https://example.com/\x01");
    check_invalid(std::string_view("https://example.com/\0x", 22));
}

BOOST_AUTO_TEST_CASE(non_ascii_is_rejected) {
    check_invalid("https://ex\xc3\xa4mple.com/");  // "exämple" in UTF-8
    check_invalid("https://example.com/caf\xc3\xa9");
    check_invalid("https://example.com/?q=\xff");
}

BOOST_AUTO_TEST_CASE(bad_host_characters_are_rejected) {
    check_invalid("https://exa%6Dple.com/");
    check_invalid("https://example.com\\@evil.example/");
    check_invalid("https://exam!ple.com/");
    check_invalid("https://::1/");  // an IPv6 literal needs its brackets
}

BOOST_AUTO_TEST_CASE(unterminated_ipv6_bracket_is_rejected) {
    check_invalid("https://[::1/");
    check_invalid("https://[::1");
    check_invalid("https://[::1:8443/x");
}

BOOST_AUTO_TEST_CASE(bracketed_host_without_a_colon_is_rejected) {
    check_invalid("https://[beef]/");
    check_invalid("https://[127.0.0.1]/");
    check_invalid("https://[]/");
}

BOOST_AUTO_TEST_CASE(junk_after_ipv6_bracket_is_rejected) {
    check_invalid("https://[::1]x/");
    check_invalid("https://[::1]8443/");
    check_invalid("https://[::1]]/");
}

BOOST_AUTO_TEST_CASE(non_address_characters_in_brackets_are_rejected) {
    check_invalid("https://[example.com]/");
    check_invalid("https://[::1%25eth0]/");
    check_invalid("https://[fe80::1 ]/");
}

// --- origin

BOOST_AUTO_TEST_CASE(authority_drops_the_default_https_port) {
    BOOST_TEST((origin{true, "api.x.com", 443}.authority() == "api.x.com"));
}

BOOST_AUTO_TEST_CASE(authority_drops_the_default_http_port) {
    BOOST_TEST((origin{false, "localhost", 80}.authority() == "localhost"));
}

BOOST_AUTO_TEST_CASE(authority_keeps_a_non_default_port) {
    BOOST_TEST((origin{true, "127.0.0.1", 8443}.authority() == "127.0.0.1:8443"));
    BOOST_TEST((origin{false, "localhost", 8080}.authority() == "localhost:8080"));
}

BOOST_AUTO_TEST_CASE(authority_keeps_the_other_schemes_default_port) {
    BOOST_TEST((origin{true, "example.com", 80}.authority() == "example.com:80"));
    BOOST_TEST((origin{false, "example.com", 443}.authority() == "example.com:443"));
}

BOOST_AUTO_TEST_CASE(authority_brackets_ipv6) {
    BOOST_TEST((origin{true, "::1", 443}.authority() == "[::1]"));
    BOOST_TEST((origin{true, "::1", 8443}.authority() == "[::1]:8443"));
    BOOST_TEST((origin{false, "2001:db8::a", 80}.authority() == "[2001:db8::a]"));
}

BOOST_AUTO_TEST_CASE(scheme_follows_tls) {
    BOOST_TEST((origin{true, "h", 443}.scheme() == "https"));
    BOOST_TEST((origin{false, "h", 80}.scheme() == "http"));
}

BOOST_AUTO_TEST_CASE(parsed_ipv6_url_round_trips_through_authority) {
    BOOST_TEST(parse_ok("https://[::1]:8443/").where.authority() == "[::1]:8443");
    BOOST_TEST(parse_ok("HTTP://[::1]:80/").where.authority() == "[::1]");
}

BOOST_AUTO_TEST_CASE(origins_differ_by_scheme_host_or_port) {
    origin const base{true, "example.com", 443};
    BOOST_TEST((base == origin{true, "example.com", 443}));
    BOOST_TEST(!(base == origin{false, "example.com", 443}));
    BOOST_TEST(!(base == origin{true, "example.org", 443}));
    BOOST_TEST(!(base == origin{true, "example.com", 8443}));
}

BOOST_AUTO_TEST_CASE(loopback_hosts_are_recognised) {
    using twitter::detail::is_loopback_host;
    BOOST_TEST(is_loopback_host("localhost"));
    BOOST_TEST(is_loopback_host("127.0.0.1"));
    BOOST_TEST(is_loopback_host("127.5.6.7"));
    BOOST_TEST(is_loopback_host("127.255.255.255"));
    BOOST_TEST(is_loopback_host("::1"));
}

BOOST_AUTO_TEST_CASE(non_loopback_hosts_are_not_loopback) {
    using twitter::detail::is_loopback_host;
    BOOST_TEST(!is_loopback_host("10.0.0.1"));
    BOOST_TEST(!is_loopback_host("example.com"));
    BOOST_TEST(!is_loopback_host("localhost.evil.com"));
    BOOST_TEST(!is_loopback_host("evil-localhost"));
    BOOST_TEST(!is_loopback_host("127.0.0.1.evil.com"));
    BOOST_TEST(!is_loopback_host("128.0.0.1"));
    BOOST_TEST(!is_loopback_host("0.0.0.0"));
    BOOST_TEST(!is_loopback_host("::"));
    BOOST_TEST(!is_loopback_host("::2"));
    BOOST_TEST(!is_loopback_host(""));
}

BOOST_AUTO_TEST_SUITE_END()
