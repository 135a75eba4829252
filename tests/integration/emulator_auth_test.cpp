// Every authorization flow of the emulator over real sockets, with a raw Beast client (not the SDK), so that
// a bug in the SDK cannot hide one in the emulator. Requests are signed with the emulator's RFC 5849
// primitives, which the unit tests check against the published vectors.

#include <twitter/emulator/server.hpp>

#include "emulator/encoding.hpp"
#include "emulator/oauth1_verifier.hpp"
#include "emulator/oauth2_server.hpp"

#include "run_with_deadline.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>
#include <functional>
#include <string>
#include <tuple>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
namespace json = boost::json;
namespace emu = twitter::emulator;
namespace detail = twitter::emulator::detail;
using namespace std::chrono_literals;

namespace {

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view form_type = "application/x-www-form-urlencoded";
constexpr std::string_view callback = "http://127.0.0.1/callback";
using ssl_stream = beast::ssl_stream<beast::tcp_stream>;
using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

std::string value_in(std::string_view form_or_url, std::string_view name) {
    auto const q = form_or_url.find('?');
    auto const params =
        detail::parse_form(q == std::string_view::npos ? form_or_url : form_or_url.substr(q + 1));
    auto const* v = params ? detail::find_param(*params, name) : nullptr;
    return v == nullptr ? std::string{} : *v;
}

std::string json_field(response const& res, std::string_view name) {
    auto const v = json::parse(res.body());
    auto const* f = v.as_object().if_contains(name);
    return f == nullptr || !f->is_string() ? std::string{} : std::string(f->as_string());
}

std::string basic(std::string_view id, std::string_view secret) {
    auto const joined = detail::percent_encode(id) + ':' + detail::percent_encode(secret);
    return "Basic " + detail::base64_encode(
                          std::span(reinterpret_cast<unsigned char const*>(joined.data()), joined.size()));
}

struct fixture {
    fixture() {
        srv.start();
        client_ctx.add_certificate_authority(asio::buffer(srv.ca_pem()));
        client_ctx.set_verify_mode(ssl::verify_peer);
    }

    std::string host() const { return "127.0.0.1:" + std::to_string(srv.port()); }

    request make(http::verb verb, std::string target, std::string body = {}, std::string_view type = {}) {
        request req{verb, target, 11};
        req.set(http::field::host, host());
        if (!type.empty()) {
            req.set(http::field::content_type, type);
        }
        req.body() = std::move(body);
        return req;
    }

    // Signs `req` (RFC 5849 3.5.1 header) as it will be sent over `scheme`.
    void sign(request& req, std::string_view scheme, std::string_view token, std::string_view token_secret,
              detail::param_list extra = {}, std::chrono::seconds skew = 0s) {
        auto const& creds = srv.oauth1();
        auto const now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch() + skew)
                             .count();
        detail::param_list p{
            {"oauth_consumer_key", creds.consumer_key},
            {"oauth_nonce", detail::percent_encode(detail::base64url_encode(detail::random_bytes(16)))},
            {"oauth_signature_method", "HMAC-SHA1"},
            {"oauth_timestamp", std::to_string(now)},
            {"oauth_version", "1.0"}};
        if (!token.empty()) {
            p.push_back({"oauth_token", std::string(token)});
        }
        p.insert(p.end(), extra.begin(), extra.end());
        std::string const method(req.method_string());
        std::string const target(req.target());
        std::string const type(req[http::field::content_type]);
        std::string const h = host();
        detail::received_request const view{method, scheme, h, target, type, req.body(), {}};
        p.push_back({"oauth_signature", detail::hmac_sha1_signature(*detail::signature_base_string(view, p),
                                                                    creds.consumer_secret, token_secret)});
        std::string header = "OAuth ";
        for (auto const& [name, value] : p) {
            header.append(header.size() > 6 ? ", " : "")
                .append(detail::percent_encode(name))
                .append("=\"")
                .append(detail::percent_encode(value))
                .append("\"");
        }
        req.set(http::field::authorization, header);
    }

    template <class Stream>
    asio::awaitable<response> exchange(Stream& stream, request req) {
        req.prepare_payload();
        auto const [write_ec, written] = co_await http::async_write(stream, req, use_nothrow);
        BOOST_TEST_REQUIRE(!write_ec, write_ec.message());
        beast::flat_buffer buffer;
        response res;
        auto const [read_ec, read] = co_await http::async_read(stream, buffer, res, use_nothrow);
        BOOST_TEST_REQUIRE(!read_ec, read_ec.message());
        co_return res;
    }

    asio::awaitable<beast::tcp_stream> plain() {
        beast::tcp_stream stream{co_await asio::this_coro::executor};
        co_await stream.async_connect({asio::ip::make_address("127.0.0.1"), srv.port()}, asio::use_awaitable);
        co_return stream;
    }

    void run(std::function<asio::awaitable<void>()> const& test) { test::run_with_deadline(ioc, srv, test); }

    // request_token -> authorize; returns the request token, its secret and the verifier (or PIN).
    template <class Stream>
    asio::awaitable<std::tuple<std::string, std::string, std::string>> authorized(Stream& stream,
                                                                                  std::string_view scheme,
                                                                                  std::string cb) {
        auto rt = make(http::verb::post, "/oauth/request_token");
        sign(rt, scheme, {}, {}, {{"oauth_callback", cb}});
        auto const issued = co_await exchange(stream, rt);
        BOOST_TEST_REQUIRE(issued.result_int() == 200u);
        BOOST_TEST(issued[http::field::content_type] == "text/html; charset=utf-8");
        BOOST_TEST(value_in(issued.body(), "oauth_callback_confirmed") == "true");
        auto const token = value_in(issued.body(), "oauth_token");
        auto const authorize = make(http::verb::get, "/oauth/authorize?oauth_token=" + token);
        auto const page = co_await exchange(stream, authorize);
        std::string verifier;
        if (cb == "oob") {
            BOOST_TEST_REQUIRE(page.result_int() == 200u);
            auto const at = page.body().find("<code>");
            BOOST_TEST_REQUIRE(at != std::string::npos);
            verifier = page.body().substr(at + 6, 7);
        } else {
            BOOST_TEST_REQUIRE(page.result_int() == 302u);
            std::string const location(page[http::field::location]);
            BOOST_TEST(location.starts_with(cb + "?oauth_token=" + token));
            verifier = value_in(location, "oauth_verifier");
        }
        co_return std::tuple{token, value_in(issued.body(), "oauth_token_secret"), verifier};
    }

    // authorize -> token for an OAuth 2.0 client; returns the token response.
    template <class Stream>
    asio::awaitable<response> pkce(Stream& stream, emu::oauth2_client const& client, std::string verifier) {
        auto const challenge = detail::s256_challenge(verifier);
        auto const authorize =
            make(http::verb::get, "/i/oauth2/authorize?" +
                                      detail::form_encode({{"response_type", "code"},
                                                           {"client_id", client.client_id},
                                                           {"redirect_uri", client.redirect_uri},
                                                           {"scope", "tweet.read users.read offline.access"},
                                                           {"state", "xyz"},
                                                           {"code_challenge", challenge},
                                                           {"code_challenge_method", "S256"}}));
        auto const page = co_await exchange(stream, authorize);
        BOOST_TEST_REQUIRE(page.result_int() == 302u);
        std::string const location(page[http::field::location]);
        BOOST_TEST(location.starts_with(client.redirect_uri + "?state=xyz&code="));
        detail::param_list form{{"grant_type", "authorization_code"},
                                {"code", value_in(location, "code")},
                                {"redirect_uri", client.redirect_uri},
                                {"code_verifier", verifier}};
        auto req = make(http::verb::post, "/2/oauth2/token", {}, form_type);
        if (client.client_secret.empty()) {
            form.push_back({"client_id", client.client_id});
        } else {
            req.set(http::field::authorization, basic(client.client_id, client.client_secret));
        }
        req.body() = detail::form_encode(form);
        co_return co_await exchange(stream, req);
    }

    asio::io_context ioc;
    emu::server srv{ioc.get_executor()};
    ssl::context client_ctx{ssl::context::tls_client};
};

std::string const good_verifier(64, 'v');

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_auth)

BOOST_FIXTURE_TEST_CASE(three_legged_oauth1_over_tls_then_signed_users_me, fixture) {
    run([&]() -> asio::awaitable<void> {
        ssl_stream stream{co_await asio::this_coro::executor, client_ctx};
        co_await beast::get_lowest_layer(stream).async_connect(
            {asio::ip::make_address("127.0.0.1"), srv.port()}, asio::use_awaitable);
        co_await stream.async_handshake(ssl::stream_base::client, asio::use_awaitable);

        std::string const https = "https";
        auto const [token, secret, verifier] = co_await authorized(stream, https, std::string(callback));
        auto at = make(http::verb::post, "/oauth/access_token", "oauth_verifier=" + verifier, form_type);
        sign(at, "https", token, secret);
        auto const access = co_await exchange(stream, at);
        BOOST_TEST_REQUIRE(access.result_int() == 200u);
        BOOST_TEST(value_in(access.body(), "user_id") == srv.default_user_id());
        BOOST_TEST(value_in(access.body(), "screen_name") == "XDevelopers");

        auto me = make(http::verb::get, "/2/users/me");
        sign(me, "https", value_in(access.body(), "oauth_token"),
             value_in(access.body(), "oauth_token_secret"));
        auto const answered = co_await exchange(stream, me);
        BOOST_TEST(answered.result_int() == 200u);
        BOOST_TEST(answered["x-access-level"] == "read-write");
        BOOST_TEST(answered.body().find(R"("id":")" + srv.default_user_id() + '"') != std::string::npos);

        // The request token was single use.
        auto again = make(http::verb::post, "/oauth/access_token", "oauth_verifier=" + verifier, form_type);
        sign(again, "https", token, secret);
        BOOST_TEST((co_await exchange(stream, again)).result_int() == 401u);

        auto const stats = srv.stats();
        BOOST_TEST(stats.request_tokens == 1u);
        BOOST_TEST(stats.oauth1_access_grants == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(oob_pin_and_seeded_token_sign_v2_and_v1_calls, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        std::string const http_scheme = "http";
        std::string const oob = "oob";
        auto const [token, secret, pin] = co_await authorized(stream, http_scheme, oob);
        BOOST_TEST(pin.size() == 7u);
        auto at = make(http::verb::post, "/oauth/access_token");
        sign(at, "http", token, secret, {{"oauth_verifier", pin}});
        BOOST_TEST((co_await exchange(stream, at)).result_int() == 200u);

        auto const& creds = srv.oauth1();
        auto post = make(http::verb::post, "/2/tweets", R"({"text":"signed"})", "application/json");
        sign(post, "http", creds.access_token, creds.access_token_secret);
        BOOST_TEST((co_await exchange(stream, post)).result_int() == 201u);
        auto v1 = make(http::verb::get, "/1.1/account/verify_credentials.json");
        sign(v1, "http", creds.access_token, creds.access_token_secret);
        auto const user = co_await exchange(stream, v1);
        BOOST_TEST(user.result_int() == 200u);
        BOOST_TEST(json_field(user, "id_str") == srv.default_user_id());
    });
}

BOOST_FIXTURE_TEST_CASE(replayed_nonce_stale_timestamp_and_wrong_scheme_are_401, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto const& creds = srv.oauth1();
        auto me = make(http::verb::get, "/2/users/me");
        sign(me, "http", creds.access_token, creds.access_token_secret);
        BOOST_TEST((co_await exchange(stream, me)).result_int() == 200u);
        auto const replay = co_await exchange(stream, me);
        BOOST_TEST(replay.result_int() == 401u);
        BOOST_TEST(replay.body() ==
                   R"({"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"})");

        auto stale = make(http::verb::get, "/1.1/account/verify_credentials.json");
        sign(stale, "http", creds.access_token, creds.access_token_secret, {}, -301s);
        auto const old = co_await exchange(stream, stale);
        BOOST_TEST(old.result_int() == 401u);
        BOOST_TEST(old.body() == R"({"errors":[{"code":135,"message":"Timestamp out of bounds."}]})");

        // Signed for https, sent over http: the scheme is part of what is signed.
        auto wrong = make(http::verb::get, "/1.1/account/verify_credentials.json");
        sign(wrong, "https", creds.access_token, creds.access_token_secret);
        auto const refused = co_await exchange(stream, wrong);
        BOOST_TEST(refused.result_int() == 401u);
        BOOST_TEST(refused.body() == R"({"errors":[{"code":32,"message":"Could not authenticate you."}]})");

        auto const stats = srv.stats();
        BOOST_TEST(stats.replayed_nonces == 1u);
        BOOST_TEST(stats.stale_timestamps == 1u);
        BOOST_TEST(stats.rejected_signatures == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(wrong_verifier_is_401, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        std::string const http_scheme = "http";
        auto const [token, secret, verifier] =
            co_await authorized(stream, http_scheme, std::string(callback));
        auto at =
            make(http::verb::post, "/oauth/access_token", "oauth_verifier=" + verifier + "x", form_type);
        sign(at, "http", token, secret);
        BOOST_TEST((co_await exchange(stream, at)).result_int() == 401u);
        BOOST_TEST(srv.stats().invalid_grants == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(read_only_oauth1_token_cannot_tweet, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto rt = make(http::verb::post, "/oauth/request_token?x_auth_access_type=read");
        sign(rt, "http", {}, {}, {{"oauth_callback", "oob"}});
        auto const issued = co_await exchange(stream, rt);
        auto const token = value_in(issued.body(), "oauth_token");
        auto const authenticate = make(http::verb::get, "/oauth/authenticate?oauth_token=" + token);
        auto const page = co_await exchange(stream, authenticate);
        auto const pin = page.body().substr(page.body().find("<code>") + 6, 7);
        auto at = make(http::verb::post, "/oauth/access_token?oauth_verifier=" + pin);
        sign(at, "http", token, value_in(issued.body(), "oauth_token_secret"));
        auto const access = co_await exchange(stream, at);
        BOOST_TEST_REQUIRE(access.result_int() == 200u);
        auto post = make(http::verb::post, "/2/tweets", R"({"text":"no"})", "application/json");
        sign(post, "http", value_in(access.body(), "oauth_token"),
             value_in(access.body(), "oauth_token_secret"));
        auto const refused = co_await exchange(stream, post);
        BOOST_TEST(refused.result_int() == 403u);
        BOOST_TEST(json_field(refused, "type") == "https://api.twitter.com/2/problems/oauth1-permissions");
        BOOST_TEST(refused["x-access-level"] == "read");
        BOOST_TEST(srv.stats().scope_denials == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(oauth1_user_context_posts_v1_statuses_but_not_bookmarks, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto const& creds = srv.oauth1();
        auto update = make(http::verb::post, "/1.1/statuses/update.json?status=signed+status");
        sign(update, "http", creds.access_token, creds.access_token_secret);
        auto const posted = co_await exchange(stream, update);
        BOOST_TEST_REQUIRE(posted.result_int() == 200u);
        BOOST_TEST(json_field(posted, "text") == "signed status");
        BOOST_TEST(posted["x-access-level"] == "read-write");

        // Bookmarks take OAuth 2.0 user context only (X's docs), so a valid OAuth 1.0a signature is refused.
        auto marks = make(http::verb::get, "/2/users/" + srv.default_user_id() + "/bookmarks");
        sign(marks, "http", creds.access_token, creds.access_token_secret);
        auto const refused = co_await exchange(stream, marks);
        BOOST_TEST(refused.result_int() == 403u);
        BOOST_TEST(json_field(refused, "title") == "Unsupported Authentication");
        BOOST_TEST(json_field(refused, "detail").find("OAuth 1.0a User Context is forbidden") !=
                   std::string::npos);
    });
}

BOOST_FIXTURE_TEST_CASE(denied_consent_sends_denied_to_the_callback, fixture) {
    srv.set_consent(false);
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto rt = make(http::verb::post, "/oauth/request_token");
        sign(rt, "http", {}, {}, {{"oauth_callback", std::string(callback)}});
        auto const token = value_in((co_await exchange(stream, rt)).body(), "oauth_token");
        auto const authorize = make(http::verb::get, "/oauth/authorize?oauth_token=" + token);
        auto const page = co_await exchange(stream, authorize);
        BOOST_TEST(page.result_int() == 302u);
        BOOST_TEST(page[http::field::location] == std::string(callback) + "?denied=" + token);
    });
}

BOOST_FIXTURE_TEST_CASE(pkce_public_client_then_rotation_and_revocation, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto const& client = srv.oauth2_public_client();
        auto const tokens = co_await pkce(stream, client, good_verifier);
        BOOST_TEST_REQUIRE(tokens.result_int() == 200u);
        BOOST_TEST(json_field(tokens, "scope") == "tweet.read users.read offline.access");
        auto const access = json_field(tokens, "access_token");
        auto me = make(http::verb::get, "/2/users/me");
        me.set(http::field::authorization, "Bearer " + access);
        BOOST_TEST((co_await exchange(stream, me)).result_int() == 200u);
        // users.read and tweet.read only: posting needs tweet.write.
        auto post = make(http::verb::post, "/2/tweets", R"({"text":"x"})", "application/json");
        post.set(http::field::authorization, "Bearer " + access);
        BOOST_TEST((co_await exchange(stream, post)).result_int() == 403u);

        auto const refresh = [&](std::string const& token) {
            return exchange(stream, make(http::verb::post, "/2/oauth2/token",
                                         detail::form_encode({{"grant_type", "refresh_token"},
                                                              {"refresh_token", token},
                                                              {"client_id", client.client_id}}),
                                         form_type));
        };
        auto const old_refresh = json_field(tokens, "refresh_token");
        auto const rotated = co_await refresh(old_refresh);
        BOOST_TEST_REQUIRE(rotated.result_int() == 200u);
        BOOST_TEST(json_field(rotated, "refresh_token") != old_refresh);
        auto const dead = co_await refresh(old_refresh);
        BOOST_TEST(dead.result_int() == 400u);
        BOOST_TEST(json_field(dead, "error") == "invalid_grant");

        auto const new_access = json_field(rotated, "access_token");
        auto const revoke = make(http::verb::post, "/2/oauth2/revoke",
                                 detail::form_encode({{"token", new_access},
                                                      {"token_type_hint", "access_token"},
                                                      {"client_id", client.client_id}}),
                                 form_type);
        auto const revoked = co_await exchange(stream, revoke);
        BOOST_TEST(revoked.body() == R"({"revoked":true})");
        me.set(http::field::authorization, "Bearer " + new_access);
        BOOST_TEST((co_await exchange(stream, me)).result_int() == 401u);

        auto const stats = srv.stats();
        BOOST_TEST(stats.authorization_code_grants == 1u);
        BOOST_TEST(stats.refresh_grants == 1u);
        BOOST_TEST(stats.revocations == 1u);
        BOOST_TEST(stats.scope_denials == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(pkce_confidential_client_and_reused_code, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto const& client = srv.oauth2_confidential_client();
        BOOST_TEST(!client.client_secret.empty());
        auto const challenge = detail::s256_challenge(good_verifier);
        auto const authorize =
            make(http::verb::get, "/i/oauth2/authorize?response_type=code&client_id=" + client.client_id +
                                      "&redirect_uri=" + detail::percent_encode(client.redirect_uri) +
                                      "&scope=tweet.read%20users.read&state=s&code_challenge=" + challenge +
                                      "&code_challenge_method=S256");
        auto const page = co_await exchange(stream, authorize);
        auto const code = value_in(std::string(page[http::field::location]), "code");
        auto const exchange_code = [&](std::string const& verifier) {
            auto req = make(http::verb::post, "/2/oauth2/token",
                            detail::form_encode({{"grant_type", "authorization_code"},
                                                 {"code", code},
                                                 {"redirect_uri", client.redirect_uri},
                                                 {"code_verifier", verifier}}),
                            form_type);
            req.set(http::field::authorization, basic(client.client_id, client.client_secret));
            return exchange(stream, req);
        };
        auto const first = co_await exchange_code(good_verifier);
        BOOST_TEST_REQUIRE(first.result_int() == 200u);
        BOOST_TEST(json_field(first, "refresh_token").empty());
        auto const reused = co_await exchange_code(good_verifier);
        BOOST_TEST(reused.result_int() == 400u);
        BOOST_TEST(json_field(reused, "error") == "invalid_grant");
        // The tokens bought with the code are revoked when it comes back (RFC 6749 4.1.2).
        auto me = make(http::verb::get, "/2/users/me");
        me.set(http::field::authorization, "Bearer " + json_field(first, "access_token"));
        BOOST_TEST((co_await exchange(stream, me)).result_int() == 401u);

        auto const wrong = co_await pkce(stream, client, std::string(64, 'w'));
        BOOST_TEST(wrong.result_int() == 200u);
        BOOST_TEST(srv.stats().invalid_grants == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(pkce_wrong_verifier_and_unregistered_redirect, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto const& client = srv.oauth2_public_client();
        auto const challenge = detail::s256_challenge(good_verifier);
        auto const authorize = [&](std::string const& redirect) {
            return exchange(
                stream,
                make(http::verb::get, "/i/oauth2/authorize?response_type=code&client_id=" + client.client_id +
                                          "&redirect_uri=" + detail::percent_encode(redirect) +
                                          "&scope=tweet.read&state=s&code_challenge=" + challenge +
                                          "&code_challenge_method=S256"));
        };
        std::string const evil = "http://127.0.0.1/evil";
        auto const elsewhere = co_await authorize(evil);
        BOOST_TEST(elsewhere.result_int() == 400u);
        BOOST_TEST(elsewhere[http::field::location].empty());

        auto const page = co_await authorize(client.redirect_uri);
        auto const code = value_in(std::string(page[http::field::location]), "code");
        auto const token = make(http::verb::post, "/2/oauth2/token",
                                detail::form_encode({{"grant_type", "authorization_code"},
                                                     {"code", code},
                                                     {"redirect_uri", client.redirect_uri},
                                                     {"code_verifier", std::string(64, 'w')},
                                                     {"client_id", client.client_id}}),
                                form_type);
        auto const wrong = co_await exchange(stream, token);
        BOOST_TEST(wrong.result_int() == 400u);
        BOOST_TEST(json_field(wrong, "error") == "invalid_grant");
        BOOST_TEST(srv.stats().pkce_failures == 1u);
    });
}

BOOST_FIXTURE_TEST_CASE(app_only_grant_is_stable_until_invalidated, fixture) {
    run([&]() -> asio::awaitable<void> {
        auto stream = co_await plain();
        auto const& creds = srv.oauth1();
        auto const grant = [&](std::string const& authorization, std::string body) {
            auto req = make(http::verb::post, "/oauth2/token", std::move(body),
                            "application/x-www-form-urlencoded;charset=UTF-8");
            req.set(http::field::authorization, authorization);
            return exchange(stream, req);
        };
        auto const good = basic(creds.consumer_key, creds.consumer_secret);
        // Named, not literal: g++ 12 cannot mix a co_await with an array operand in one expression.
        std::string const client_credentials = "grant_type=client_credentials";
        std::string const password = "grant_type=password";
        auto const first = co_await grant(good, client_credentials);
        BOOST_TEST_REQUIRE(first.result_int() == 200u);
        BOOST_TEST(json_field(first, "token_type") == "bearer");
        auto const token = json_field(first, "access_token");
        BOOST_TEST(token == srv.app_bearer_token());
        auto const same = co_await grant(good, client_credentials);
        BOOST_TEST(json_field(same, "access_token") == token);
        auto const bad_credentials = basic(creds.consumer_key, "wrong");
        auto const bad = co_await grant(bad_credentials, client_credentials);
        BOOST_TEST(bad.result_int() == 403u);
        BOOST_TEST(bad.body().find(R"("code":99)") != std::string::npos);
        auto const wrong_grant = co_await grant(good, password);
        BOOST_TEST(wrong_grant.result_int() == 400u);
        BOOST_TEST(wrong_grant.body().find(R"("code":170)") != std::string::npos);

        auto invalidate =
            make(http::verb::post, "/oauth2/invalidate_token", "access_token=" + token, form_type);
        invalidate.set(http::field::authorization, good);
        auto const gone = co_await exchange(stream, invalidate);
        BOOST_TEST(gone.result_int() == 200u);
        BOOST_TEST(json_field(gone, "access_token") == token);

        auto tweet = make(http::verb::get, "/2/tweets/1293593516040269825");
        tweet.set(http::field::authorization, "Bearer " + token);
        BOOST_TEST((co_await exchange(stream, tweet)).result_int() == 401u);
        auto v1 = make(http::verb::get, "/1.1/account/verify_credentials.json");
        v1.set(http::field::authorization, "Bearer " + token);
        auto const expired = co_await exchange(stream, v1);
        BOOST_TEST(expired.body() == R"({"errors":[{"code":89,"message":"Invalid or expired token."}]})");

        auto const next = co_await grant(good, client_credentials);
        BOOST_TEST(json_field(next, "access_token") != token);
        tweet.set(http::field::authorization, "Bearer " + json_field(next, "access_token"));
        BOOST_TEST((co_await exchange(stream, tweet)).result_int() == 200u);

        auto const stats = srv.stats();
        BOOST_TEST(stats.bearer_grants == 3u);
        BOOST_TEST(stats.invalidations == 1u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
