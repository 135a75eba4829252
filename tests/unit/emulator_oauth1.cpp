#include "emulator/oauth1_verifier.hpp"

#include "emulator/auth.hpp"
#include "emulator/oauth1_server.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace twitter::emulator::detail;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

using clock_type = oauth1_verifier::clock;

json::value load_vectors() {
    std::ifstream in(TWITTER_SHARED_DIR "/vectors/oauth.json", std::ios::binary);
    std::string const text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    return ec ? json::value{} : v;
}

json::array const& vectors(std::string_view key) {
    static json::value const file = load_vectors();
    static json::array const none;
    auto const* list = file.is_object() ? file.as_object().if_contains(key) : nullptr;
    return list != nullptr && list->is_array() ? list->as_array() : none;
}

std::string str(json::value const& v) { return std::string(v.as_string()); }

// "OAuth k="v", ..." with every name and value encoded (RFC 5849 3.5.1).
std::string header_of(param_list const& params) {
    std::string out = "OAuth ";
    for (auto const& p : params) {
        out.append(out.size() > 6 ? ", " : "").append(percent_encode(p.name)).append("=\"");
        out.append(percent_encode(p.value)).append("\"");
    }
    return out;
}

// A request built from one published vector, with its own storage.
struct vector_request {
    std::string method, scheme, host, target, content_type, body, authorization;
    param_list oauth;
    std::string consumer_secret, token_secret, signature, base_string;
    clock_type::time_point time;

    received_request view() const {
        return {method, scheme, host, target, content_type, body, authorization};
    }
    void sign() {
        auto with_signature = oauth;
        with_signature.push_back({"oauth_signature", signature});
        authorization = header_of(with_signature);
    }
};

vector_request from_vector(json::value const& v) {
    vector_request r;
    r.method = str(v.at("method"));
    std::string_view url = v.at("url").as_string();
    auto const scheme_end = url.find("://");
    r.scheme = url.substr(0, scheme_end);
    url.remove_prefix(scheme_end + 3);
    r.host = url.substr(0, url.find('/'));
    r.target = url.substr(url.find('/'));
    param_list query;
    for (auto const& [k, value] : v.at("query").as_object()) {
        query.push_back({std::string(k), str(value)});
    }
    if (!query.empty()) {
        r.target += '?' + form_encode(query);
    }
    if (v.at("form_body").is_string()) {
        r.body = str(v.at("form_body"));
        r.content_type = "application/x-www-form-urlencoded";
    }
    for (auto const& [k, value] : v.at("oauth").as_object()) {
        r.oauth.push_back({std::string(k), str(value)});
    }
    r.consumer_secret = str(v.at("consumer_secret"));
    r.token_secret = str(v.at("token_secret"));
    r.signature = str(v.at("signature"));
    r.base_string = str(v.at("base_string"));
    r.time =
        clock_type::time_point{std::chrono::seconds{std::stoll(*find_param(r.oauth, "oauth_timestamp"))}};
    r.sign();
    return r;
}

oauth1_verdict verify_once(vector_request const& r) {
    oauth1_verifier verifier{300s};
    auto const header = parse_oauth_header(r.authorization);
    BOOST_TEST_REQUIRE(header.has_value());
    return verifier.verify(r.view(), *header, r.consumer_secret, r.token_secret, r.time);
}

// Signs like a client would, with the emulator's own primitives (the vectors above check those).
struct signer {
    std::string consumer_key, consumer_secret, token, token_secret;

    std::string authorization(received_request const& req, clock_type::time_point now,
                              param_list extra = {}) {
        param_list p{{"oauth_consumer_key", consumer_key},
                     {"oauth_nonce", random_token(16)},
                     {"oauth_signature_method", "HMAC-SHA1"},
                     {"oauth_timestamp",
                      std::to_string(
                          std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count())},
                     {"oauth_version", "1.0"}};
        if (!token.empty()) {
            p.push_back({"oauth_token", token});
        }
        p.insert(p.end(), extra.begin(), extra.end());
        auto const base = signature_base_string(req, p);
        p.push_back({"oauth_signature", hmac_sha1_signature(*base, consumer_secret, token_secret)});
        return header_of(p);
    }
};

struct provider_fixture {
    auth_stats stats;
    oauth1_server server{300s, stats};
    clock_type::time_point now{1'700'000'000s};
    signer app{"consumer-key", "consumer secret+&", {}, {}};

    provider_fixture() {
        server.add_consumer(app.consumer_key, app.consumer_secret, "http://127.0.0.1/callback");
        server.add_access_token("2244994945-token", "token-secret", app.consumer_key, "2244994945", true);
    }

    // POST with the given target and optional form body, signed by `s`.
    api_response post(std::string_view path, signer& s, std::string target_suffix = {}, std::string body = {},
                      param_list extra = {}) {
        std::string const target = std::string(path) + target_suffix;
        received_request req{"POST",
                             "https",
                             "127.0.0.1:8443",
                             target,
                             body.empty() ? "" : "application/x-www-form-urlencoded",
                             body,
                             {}};
        auto const authorization = s.authorization(req, now, std::move(extra));
        req.authorization = authorization;
        if (path == "/oauth/request_token") {
            return server.request_token(req, now);
        }
        return server.access_token(req, now);
    }

    param_list form(api_response const& r) { return parse_form(r.body).value(); }

    // request_token -> authorize; returns {token, secret, verifier}.
    std::vector<std::string> authorized(std::string callback = "http://127.0.0.1/callback",
                                        bool approve = true) {
        auto const rt = post("/oauth/request_token", app, {}, {}, {{"oauth_callback", callback}});
        BOOST_TEST_REQUIRE(rt.status == 200u);
        auto const fields = form(rt);
        auto const token = *find_param(fields, "oauth_token");
        auto const page =
            server.authorize("oauth_token=" + percent_encode(token), {approve, "2244994945", "XDevelopers"});
        std::string verifier;
        if (page.status == 302) {
            auto const query = page.location.substr(page.location.find('?') + 1);
            auto const params = parse_form(query).value();  // named: find_param points into it
            auto const* v = find_param(params, "oauth_verifier");
            verifier = v == nullptr ? "" : *v;
        } else if (auto const at = page.body.find("<code>"); at != std::string::npos) {
            verifier = page.body.substr(at + 6, page.body.find("</code>") - at - 6);
        }
        return {token, *find_param(fields, "oauth_token_secret"), verifier};
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_oauth1)

BOOST_AUTO_TEST_CASE(percent_encoding_matches_the_published_vectors) {
    auto const& list = vectors("percent_encoding");
    BOOST_TEST_REQUIRE(list.size() > 0u);
    for (auto const& v : list) {
        BOOST_TEST(percent_encode(v.at("input").as_string()) == v.at("encoded").as_string());
        BOOST_TEST(percent_decode(v.at("encoded").as_string(), false).value() == v.at("input").as_string());
    }
    BOOST_TEST(!percent_decode("%4", false).has_value());
    BOOST_TEST(!percent_decode("%zz", false).has_value());
    BOOST_TEST(percent_decode("a+b", true).value() == "a b");
    BOOST_TEST(percent_decode("a+b", false).value() == "a+b");
}

BOOST_AUTO_TEST_CASE(every_published_signature_verifies) {
    auto const& list = vectors("oauth1_signatures");
    BOOST_TEST_REQUIRE(list.size() > 0u);
    for (auto const& v : list) {
        BOOST_TEST_CONTEXT(v.at("name").as_string()) {
            auto const r = from_vector(v);
            auto const header = parse_oauth_header(r.authorization).value();
            BOOST_TEST(signature_base_string(r.view(), header).value() == r.base_string);
            BOOST_TEST((verify_once(r) == oauth1_verdict::ok));
        }
    }
}

BOOST_AUTO_TEST_CASE(flipping_one_byte_of_the_signature_or_any_part_fails) {
    auto const& list = vectors("oauth1_signatures");
    BOOST_TEST_REQUIRE(list.size() > 0u);
    for (auto const& v : list) {
        BOOST_TEST_CONTEXT(v.at("name").as_string()) {
            auto const original = from_vector(v);
            auto const refused = [](vector_request const& r) { return verify_once(r) != oauth1_verdict::ok; };
            auto const flip = [](std::string& s, std::size_t i) { s[i] = static_cast<char>(s[i] ^ 0x01); };

            for (std::size_t i = 0; i < original.signature.size(); ++i) {
                auto r = original;
                flip(r.signature, i);
                r.sign();
                BOOST_TEST((verify_once(r) == oauth1_verdict::bad_signature), "signature byte " << i);
            }
            for (std::size_t i = 0; i < original.oauth.size(); ++i) {
                auto r = original;
                flip(r.oauth[i].value, 0);
                r.sign();
                BOOST_TEST(refused(r), r.oauth[i].name);
            }
            for (auto member :
                 {&vector_request::method, &vector_request::host, &vector_request::target,
                  &vector_request::body, &vector_request::consumer_secret, &vector_request::token_secret}) {
                auto r = original;
                auto& field = r.*member;
                // An empty body is not a form, so it is not signed; an empty token secret is the key's end.
                if (field.empty() && member == &vector_request::body) {
                    continue;
                }
                if (field.empty()) {
                    field = "x";
                } else {
                    flip(field, field.size() - 1);
                }
                BOOST_TEST(refused(r));
            }
            auto plain = original;
            plain.scheme = plain.scheme == "https" ? "http" : "https";
            BOOST_TEST(refused(plain));
        }
    }
}

BOOST_AUTO_TEST_CASE(rfc_base_string_example_includes_query_body_and_drops_realm) {
    auto const& list = vectors("oauth1_base_string_only");
    BOOST_TEST_REQUIRE(list.size() > 0u);
    for (auto const& v : list) {
        // "POST http://example.com/request?...  Content-Type: ...  body: ..."
        std::string const text = str(v.at("request"));
        auto const first_space = text.find(' ');
        auto const url_end = text.find("  ");
        std::string const url = text.substr(first_space + 1, url_end - first_space - 1);
        auto const body = text.substr(text.find("body: ") + 6);
        auto const host_start = url.find("://") + 3;
        auto const path_start = url.find('/', host_start);
        param_list header;
        for (auto const& [k, value] : v.at("oauth").as_object()) {
            header.push_back({std::string(k), str(value)});
        }
        auto const method = text.substr(0, first_space);
        auto const scheme = url.substr(0, host_start - 3);
        auto const host = url.substr(host_start, path_start - host_start);
        auto const target = url.substr(path_start);
        received_request const req{method, scheme, host, target, "application/x-www-form-urlencoded",
                                   body,   {}};
        BOOST_TEST(signature_base_string(req, header).value() == v.at("base_string").as_string());
    }
}

BOOST_AUTO_TEST_CASE(base_string_uri_lowercases_and_drops_default_ports_only) {
    BOOST_TEST(base_string_uri("HTTPS", "API.X.com:443", "/1.1/a") == "https://api.x.com/1.1/a");
    BOOST_TEST(base_string_uri("http", "example.com:80", "/r") == "http://example.com/r");
    BOOST_TEST(base_string_uri("http", "example.com:443", "/r") == "http://example.com:443/r");
    BOOST_TEST(base_string_uri("https", "127.0.0.1:8443", "/r") == "https://127.0.0.1:8443/r");
    BOOST_TEST(base_string_uri("https", "[::1]:443", "/") == "https://[::1]/");
    BOOST_TEST(base_string_uri("https", "[::1]", "/") == "https://[::1]/");
}

BOOST_AUTO_TEST_CASE(header_parsing_decodes_and_refuses_repeats_and_garbage) {
    auto const ok = parse_oauth_header(R"(OAuth realm="Example", oauth_nonce="a%20b",oauth_token="x")");
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST(ok->size() == 3u);
    BOOST_TEST(*find_param(*ok, "oauth_nonce") == "a b");
    BOOST_TEST(parse_oauth_header(R"(oauth oauth_nonce="1")").has_value());
    BOOST_TEST(!parse_oauth_header(R"(OAuth oauth_nonce="1", oauth_nonce="2")").has_value());
    BOOST_TEST(!parse_oauth_header(R"(OAuth oauth_nonce=1)").has_value());
    BOOST_TEST(!parse_oauth_header(R"(OAuth oauth_nonce="1)").has_value());
    BOOST_TEST(!parse_oauth_header(R"(OAuth oauth_nonce="%G1")").has_value());
    BOOST_TEST(!parse_oauth_header(R"(OAuth oauth_nonce="1" oauth_token="2")").has_value());
    BOOST_TEST(!parse_oauth_header("Bearer abc").has_value());
}

BOOST_AUTO_TEST_CASE(json_bodies_are_not_signed_but_form_bodies_are) {
    param_list const header{{"oauth_consumer_key", "k"}};
    received_request json_req{"POST", "https", "h", "/2/tweets", "application/json", R"({"text":"a"})", {}};
    received_request form_req{
        "POST", "https", "h", "/2/tweets", "application/x-www-form-urlencoded; charset=utf-8", "text=a", {}};
    BOOST_TEST(signature_base_string(json_req, header).value() ==
               "POST&https%3A%2F%2Fh%2F2%2Ftweets&oauth_consumer_key%3Dk");
    BOOST_TEST(signature_base_string(form_req, header).value() ==
               "POST&https%3A%2F%2Fh%2F2%2Ftweets&oauth_consumer_key%3Dk%26text%3Da");
}

BOOST_AUTO_TEST_CASE(replayed_nonce_and_stale_timestamps_are_refused) {
    auto const v = from_vector(vectors("oauth1_signatures").at(0));
    oauth1_verifier verifier{300s};
    auto const header = parse_oauth_header(v.authorization).value();
    auto const verify_at = [&](clock_type::time_point t) {
        return verifier.verify(v.view(), header, v.consumer_secret, v.token_secret, t);
    };
    BOOST_TEST((verify_at(v.time + 300s) == oauth1_verdict::ok));
    BOOST_TEST((verify_at(v.time) == oauth1_verdict::replayed_nonce));
    BOOST_TEST((verify_at(v.time + 301s) == oauth1_verdict::stale_timestamp));
    BOOST_TEST((verify_at(v.time - 301s) == oauth1_verdict::stale_timestamp));

    oauth1_verifier fresh{300s};
    BOOST_TEST((fresh.verify(v.view(), header, v.consumer_secret, v.token_secret, v.time - 300s) ==
                oauth1_verdict::ok));
    // A forged request must not use up the nonce of the real one.
    oauth1_verifier other{300s};
    BOOST_TEST(
        (other.verify(v.view(), header, "wrong", v.token_secret, v.time) == oauth1_verdict::bad_signature));
    BOOST_TEST(
        (other.verify(v.view(), header, v.consumer_secret, v.token_secret, v.time) == oauth1_verdict::ok));
}

BOOST_AUTO_TEST_CASE(only_hmac_sha1_and_version_1_0_are_accepted) {
    auto const v = from_vector(vectors("oauth1_signatures").at(0));
    for (auto const& [name, value] :
         {std::pair{"oauth_signature_method", "PLAINTEXT"}, std::pair{"oauth_version", "2.0"},
          std::pair{"oauth_timestamp", "12x"}}) {
        auto r = v;
        for (auto& p : r.oauth) {
            if (p.name == name) {
                p.value = value;
            }
        }
        r.sign();
        BOOST_TEST((verify_once(r) == oauth1_verdict::malformed), name);
    }
    auto without_nonce = v;
    std::erase_if(without_nonce.oauth, [](param const& p) { return p.name == "oauth_nonce"; });
    without_nonce.sign();
    BOOST_TEST((verify_once(without_nonce) == oauth1_verdict::malformed));
}

BOOST_FIXTURE_TEST_CASE(three_legged_flow_issues_a_working_access_token, provider_fixture) {
    auto const rt =
        post("/oauth/request_token", app, {}, {}, {{"oauth_callback", "http://127.0.0.1/callback"}});
    BOOST_TEST(rt.status == 200u);
    BOOST_TEST(rt.content_type == "text/html; charset=utf-8");
    BOOST_TEST(*find_param(form(rt), "oauth_callback_confirmed") == "true");
    auto const token = *find_param(form(rt), "oauth_token");

    auto const page = server.authorize("oauth_token=" + token, {true, "2244994945", "XDevelopers"});
    BOOST_TEST(page.status == 302u);
    BOOST_TEST(
        page.location.starts_with("http://127.0.0.1/callback?oauth_token=" + token + "&oauth_verifier="));
    auto const [t, secret, verifier] = [&] {
        auto const fields = parse_form(page.location.substr(page.location.find('?') + 1)).value();
        return std::tuple{token, *find_param(form(rt), "oauth_token_secret"),
                          *find_param(fields, "oauth_verifier")};
    }();

    signer with_request_token{app.consumer_key, app.consumer_secret, t, secret};
    auto const at = post("/oauth/access_token", with_request_token, {}, "oauth_verifier=" + verifier);
    BOOST_TEST_REQUIRE(at.status == 200u);
    auto const fields = form(at);
    BOOST_TEST(*find_param(fields, "user_id") == "2244994945");
    BOOST_TEST(*find_param(fields, "screen_name") == "XDevelopers");
    BOOST_TEST(stats.oauth1_access_grants == 1u);

    signer user{app.consumer_key, app.consumer_secret, *find_param(fields, "oauth_token"),
                *find_param(fields, "oauth_token_secret")};
    received_request api{"GET", "https", "127.0.0.1:8443", "/2/users/me?user.fields=id", {}, {}, {}};
    auto const authorization = user.authorization(api, now);
    api.authorization = authorization;
    auto const who = server.authenticate(api, now);
    BOOST_TEST_REQUIRE(who.who != nullptr);
    BOOST_TEST(who.who->user_id == "2244994945");
    BOOST_TEST(who.who->can_write);
    BOOST_TEST((server.authenticate(api, now).verdict == oauth1_verdict::replayed_nonce));
    BOOST_TEST(stats.replayed_nonces == 1u);

    // The request token was single use.
    auto const again = post("/oauth/access_token", with_request_token, {}, "oauth_verifier=" + verifier);
    BOOST_TEST(again.status == 401u);
}

BOOST_FIXTURE_TEST_CASE(oob_shows_a_seven_digit_pin_and_accepts_it_in_the_header, provider_fixture) {
    auto const granted = authorized("oob");
    BOOST_TEST_REQUIRE(granted[2].size() == 7u);
    BOOST_TEST(
        std::all_of(granted[2].begin(), granted[2].end(), [](char c) { return c >= '0' && c <= '9'; }));
    signer s{app.consumer_key, app.consumer_secret, granted[0], granted[1]};
    BOOST_TEST(post("/oauth/access_token", s, {}, {}, {{"oauth_verifier", granted[2]}}).status == 200u);
}

BOOST_FIXTURE_TEST_CASE(wrong_verifier_is_401_and_burns_the_request_token, provider_fixture) {
    auto const granted = authorized();
    signer s{app.consumer_key, app.consumer_secret, granted[0], granted[1]};
    auto const wrong = post("/oauth/access_token", s, "?oauth_verifier=nope");
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(wrong.body.find("Invalid oauth_verifier parameter") != std::string::npos);
    BOOST_TEST(post("/oauth/access_token", s, "?oauth_verifier=" + granted[2]).status == 401u);
    BOOST_TEST(stats.invalid_grants == 2u);
}

BOOST_FIXTURE_TEST_CASE(access_token_signed_with_the_wrong_secret_is_refused, provider_fixture) {
    auto const granted = authorized();
    signer s{app.consumer_key, app.consumer_secret, granted[0], "not-the-secret"};
    auto const r = post("/oauth/access_token", s, {}, "oauth_verifier=" + granted[2]);
    BOOST_TEST(r.status == 401u);
    BOOST_TEST(r.body == R"({"errors":[{"code":32,"message":"Could not authenticate you."}]})");
    BOOST_TEST(stats.rejected_signatures == 1u);
}

BOOST_FIXTURE_TEST_CASE(unregistered_callback_is_refused_and_oob_or_registered_accepted, provider_fixture) {
    auto const r = post("/oauth/request_token", app, {}, {}, {{"oauth_callback", "http://127.0.0.1/other"}});
    BOOST_TEST(r.status == 403u);
    BOOST_TEST(r.body.find("\"code\":415") != std::string::npos);
    BOOST_TEST(post("/oauth/request_token", app).status == 401u);  // no oauth_callback at all
    server.add_callback(app.consumer_key, "http://127.0.0.1/other");
    BOOST_TEST(
        post("/oauth/request_token", app, {}, {}, {{"oauth_callback", "http://127.0.0.1/other"}}).status ==
        200u);
    BOOST_CHECK_THROW(server.add_callback("nobody", "x"), std::invalid_argument);
}

BOOST_FIXTURE_TEST_CASE(denied_consent_sends_denied_and_kills_the_token, provider_fixture) {
    auto const rt =
        post("/oauth/request_token", app, {}, {}, {{"oauth_callback", "http://127.0.0.1/callback"}});
    auto const token = *find_param(form(rt), "oauth_token");
    auto const page = server.authorize("oauth_token=" + token, {false, "2244994945", "XDevelopers"});
    BOOST_TEST(page.status == 302u);
    BOOST_TEST(page.location == "http://127.0.0.1/callback?denied=" + token);
    BOOST_TEST(server.authorize("oauth_token=" + token, {true, "2244994945", "XDevelopers"}).status == 401u);
    BOOST_TEST(server.authorize("oauth_token=unknown", {true, "2244994945", "XDevelopers"}).status == 401u);
}

BOOST_FIXTURE_TEST_CASE(read_access_type_makes_a_read_only_token, provider_fixture) {
    auto const rt =
        post("/oauth/request_token", app, "?x_auth_access_type=read", {}, {{"oauth_callback", "oob"}});
    BOOST_TEST_REQUIRE(rt.status == 200u);
    auto const token = *find_param(form(rt), "oauth_token");
    auto const page = server.authorize("oauth_token=" + token, {true, "2244994945", "XDevelopers"});
    auto const pin = page.body.substr(page.body.find("<code>") + 6, 7);
    signer s{app.consumer_key, app.consumer_secret, token, *find_param(form(rt), "oauth_token_secret")};
    auto const at = post("/oauth/access_token", s, {}, "oauth_verifier=" + pin);
    BOOST_TEST_REQUIRE(at.status == 200u);
    signer user{app.consumer_key, app.consumer_secret, *find_param(form(at), "oauth_token"),
                *find_param(form(at), "oauth_token_secret")};
    received_request api{"POST", "https", "127.0.0.1:8443", "/2/tweets", "application/json", "{}", {}};
    auto const authorization = user.authorization(api, now);
    api.authorization = authorization;
    auto const who = server.authenticate(api, now);
    BOOST_TEST_REQUIRE(who.who != nullptr);
    BOOST_TEST(!who.who->can_write);
    BOOST_TEST((check(who.who, {true, {}, true}) == auth_outcome::oauth1_read_only));
}

BOOST_FIXTURE_TEST_CASE(api_calls_count_each_refusal_reason, provider_fixture) {
    signer user{app.consumer_key, app.consumer_secret, "2244994945-token", "token-secret"};
    received_request api{"GET", "http", "127.0.0.1:8080", "/2/users/me", {}, {}, {}};
    auto const authorization = user.authorization(api, now - 400s);
    api.authorization = authorization;
    BOOST_TEST((server.authenticate(api, now).verdict == oauth1_verdict::stale_timestamp));
    BOOST_TEST(oauth1_v1_rejection(oauth1_verdict::stale_timestamp).body ==
               R"({"errors":[{"code":135,"message":"Timestamp out of bounds."}]})");
    signer stranger{"unknown", "x", "2244994945-token", "token-secret"};
    auto const forged = stranger.authorization(api, now);
    api.authorization = forged;
    BOOST_TEST((server.authenticate(api, now).verdict == oauth1_verdict::unknown_credentials));
    BOOST_TEST(stats.stale_timestamps == 1u);
    BOOST_TEST(stats.rejected_signatures == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
