#include <twitter/auth/oauth2_user_handler.hpp>

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_app_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/auth/oauth2_token.hpp>
#include <twitter/client.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>

BOOST_AUTO_TEST_SUITE(auth_redaction)

namespace {

// Distinctive values that share no 8-character run with each other or with anything a printer writes.
constexpr std::string_view consumer_key = "CKq7Zx3Vw9Lm2Rt8Np4Hj6";
constexpr std::string_view consumer_secret = "CSy5Gb1Fd0Ks7Qw3Ue9Xa2Ro8Ti4Pz6Mn1Vc5Bl7";
constexpr std::string_view access_token = "1234567890-ATg8Hs2Jd5Kf7Lq1Wz3Xc6Vb9Nm";
constexpr std::string_view access_secret = "ASe4Rt6Yu8Io0Pa2Sd4Fg6Hj8Kl1Zx3Cv5Bn7";
constexpr std::string_view bearer_token =
    "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifi";
constexpr std::string_view oauth2_access = "OAq1Ws2Ed3Rf4Tg5Yh6Uj7Ik8Ol9Pm0";
constexpr std::string_view oauth2_refresh = "ORz9Xy8Cw7Vu6Bt5Ns4Mr3Lq2Kp1Jo0";
constexpr std::string_view client_secret = "CLs8Dk2Fj4Gh6Jk8Lz0Xm2Cn4Vb6Qw8";
constexpr std::string_view code_verifier = "PKv3Mh7Lg1Kf5Jd9Hs2Ga6Fp0Do4Si8Ru3Ey7Wt1Qz5";
constexpr std::string_view request_secret = "RQs5Tn9Up3Vo7Wm1Xl5Yk9Zj3Ai7Bh1";

template <class T>
std::string print(T const& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}

// Fails the test if `printed` holds `secret`, or any 8-character run of it (a prefix or suffix "for
// debugging").
void check_hidden(std::string const& printed, std::string_view secret) {
    BOOST_TEST_REQUIRE(secret.size() >= 8u);
    for (std::size_t i = 0; i + 8 <= secret.size(); ++i) {
        std::string_view const run = secret.substr(i, 8);
        BOOST_TEST(printed.find(run) == std::string::npos,
                   "'" << run << "' of a secret appears in: " << printed);
    }
}

void check_contains(std::string const& printed, std::string_view what) {
    BOOST_TEST(printed.find(what) != std::string::npos, "'" << what << "' is missing from: " << printed);
}

twitter::oauth2_token make_oauth2_token() {
    twitter::oauth2_token t;
    t.access_token = oauth2_access;
    t.refresh_token = oauth2_refresh;
    t.scope = "tweet.read users.read offline.access";
    t.expires_at = std::chrono::system_clock::time_point(std::chrono::seconds(1'900'000'000));
    return t;
}

}  // namespace

BOOST_AUTO_TEST_CASE(oauth1_token_never_prints_token_or_secret) {
    twitter::oauth1_token const t{std::string(access_token), std::string(access_secret), "783214",
                                  "XDevelopers"};
    std::string const out = print(t);
    check_hidden(out, access_token);
    check_hidden(out, access_secret);
    check_contains(out, "<redacted>");
    check_contains(out, "783214");
    check_contains(out, "XDevelopers");
}

BOOST_AUTO_TEST_CASE(empty_oauth1_token_prints_none) {
    std::string const out = print(twitter::oauth1_token{});
    check_contains(out, "<none>");
    BOOST_TEST(out.find("<redacted>") == std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(oauth2_token_never_prints_access_or_refresh_token) {
    std::string const out = print(make_oauth2_token());
    check_hidden(out, oauth2_access);
    check_hidden(out, oauth2_refresh);
    check_contains(out, "<redacted>");
    check_contains(out, "tweet.read users.read offline.access");
    check_contains(out, "1900000000");
}

BOOST_AUTO_TEST_CASE(pkce_session_never_prints_the_code_verifier) {
    twitter::pkce_session const s{"STa2Bc4De6Fg8Hi0Jk2Lm4No6Pq8Rs0Tu2Vw4Xy6Za8Bc",
                                  std::string(code_verifier),
                                  "https://app.example.com/callback",
                                  {"tweet.read", "offline.access"}};
    std::string const out = print(s);
    check_hidden(out, code_verifier);
    check_contains(out, "<redacted>");
    check_contains(out, "https://app.example.com/callback");
    check_contains(out, "tweet.read offline.access");
}

BOOST_AUTO_TEST_CASE(client_credentials_never_print_any_value) {
    twitter::client_credentials const c{std::string(bearer_token), std::string(consumer_key),
                                        std::string(consumer_secret), std::string(access_token),
                                        std::string(access_secret)};
    std::string const out = print(c);
    for (std::string_view secret : {bearer_token, consumer_key, consumer_secret, access_token, access_secret})
        check_hidden(out, secret);
    check_contains(out, "<redacted>");
    check_contains(out, "consumer_secret");
}

BOOST_AUTO_TEST_CASE(client_credentials_say_which_are_absent) {
    twitter::client_credentials c;
    c.bearer_token = bearer_token;
    std::string const out = print(c);
    check_hidden(out, bearer_token);
    check_contains(out, "<redacted>");
    check_contains(out, "<none>");
}

BOOST_AUTO_TEST_CASE(bearer_handler_never_prints_the_token) {
    for (auto scheme : {twitter::auth_scheme::app_bearer, twitter::auth_scheme::user_bearer}) {
        std::string const out = print(twitter::oauth2_bearer_handler(std::string(bearer_token), scheme));
        check_hidden(out, bearer_token);
        check_contains(out, "<redacted>");
    }
    check_contains(print(twitter::oauth2_bearer_handler("")), "<none>");
}

BOOST_AUTO_TEST_CASE(oauth1_user_handler_never_prints_consumer_or_access_credentials) {
    boost::asio::io_context ctx;  // never run: printing does no I/O
    twitter::oauth1_user_handler h(ctx.get_executor(), std::string(consumer_key),
                                   std::string(consumer_secret), std::string(access_token),
                                   std::string(access_secret), "https://app.example.com/oauth1/callback");
    h.set_request_token({"RTk1Lj2Hg3Fd4Sa5Qw6Er7Ty8", std::string(request_secret), {}, {}});
    std::string const out = print(h);
    for (std::string_view secret :
         {consumer_key, consumer_secret, access_token, access_secret, request_secret})
        check_hidden(out, secret);
    check_hidden(out, "RTk1Lj2Hg3Fd4Sa5Qw6Er7Ty8");
    check_contains(out, "<redacted>");
    check_contains(out, "https://app.example.com/oauth1/callback");
}

BOOST_AUTO_TEST_CASE(oauth1_user_handler_without_access_token_prints_none_and_oob) {
    boost::asio::io_context ctx;
    twitter::oauth1_user_handler h(ctx.get_executor(), std::string(consumer_key),
                                   std::string(consumer_secret));
    std::string const out = print(h);
    check_hidden(out, consumer_key);
    check_hidden(out, consumer_secret);
    check_contains(out, "<none>");
    check_contains(out, "oob");
}

BOOST_AUTO_TEST_CASE(oauth2_app_handler_never_prints_consumer_credentials) {
    boost::asio::io_context ctx;
    twitter::oauth2_app_handler h(ctx.get_executor(), std::string(consumer_key),
                                  std::string(consumer_secret));
    std::string const out = print(h);
    check_hidden(out, consumer_key);
    check_hidden(out, consumer_secret);
    check_contains(out, "<redacted>");
    BOOST_TEST(ctx.poll() == 0u);  // constructing and printing started nothing
}

BOOST_AUTO_TEST_CASE(oauth2_user_handler_never_prints_tokens_or_client_secret) {
    boost::asio::io_context ctx;
    twitter::oauth2_user_params p;
    p.client_id = "my-public-client-id";
    p.redirect_uri = "https://app.example.com/oauth2/callback";
    p.scope = {"tweet.read", "users.read", "offline.access"};
    p.client_secret = client_secret;
    twitter::oauth2_user_handler h(ctx.get_executor(), std::move(p));
    h.set_token(make_oauth2_token());
    std::string const out = print(h);
    check_hidden(out, oauth2_access);
    check_hidden(out, oauth2_refresh);
    check_hidden(out, client_secret);
    check_contains(out, "<redacted>");
    check_contains(out, "my-public-client-id");
    check_contains(out, "confidential");
    check_contains(out, "tweet.read users.read offline.access");
}

BOOST_AUTO_TEST_CASE(oauth2_user_handler_never_prints_the_session_verifier) {
    boost::asio::io_context ctx;
    twitter::oauth2_user_params p;
    p.client_id = "my-public-client-id";
    p.redirect_uri = "https://app.example.com/oauth2/callback";
    p.scope = {"tweet.read"};
    twitter::oauth2_user_handler h(ctx.get_executor(), std::move(p));
    h.get_authorization_url();
    std::string const verifier = h.session().code_verifier;
    BOOST_TEST_REQUIRE(verifier.size() >= 43u);
    std::string const out = print(h);
    check_hidden(out, verifier);
    check_contains(out, "=public");
    check_contains(out, "<none>");  // no token yet
}

BOOST_AUTO_TEST_SUITE_END()
