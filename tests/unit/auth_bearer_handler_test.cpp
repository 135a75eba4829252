#include <twitter/auth/oauth2_bearer_handler.hpp>

#include "print_error_enums.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>

BOOST_AUTO_TEST_SUITE(auth_bearer_handler)

using twitter::auth_scheme;
using twitter::client_errc;
using twitter::error_code;

namespace {

struct result {
    int calls = 0;
    error_code ec;
    twitter::authorization auth{"sentinel", 99};
};

// The bearer handler completes inline: it has no executor to hop to.
result authorize(twitter::oauth2_bearer_handler& h) {
    result r;
    h.async_authorize({"GET", "https://api.x.com/2/tweets/20", {}, {}},
                      [&r](error_code ec, twitter::authorization a) {
                          ++r.calls;
                          r.ec = ec;
                          r.auth = std::move(a);
                      });
    BOOST_TEST(r.calls == 1);
    return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(header_is_bearer_and_the_token_with_generation_zero) {
    twitter::oauth2_bearer_handler h(
        "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifi");
    auto const r = authorize(h);
    BOOST_TEST(!r.ec);
    BOOST_TEST(r.auth.header ==
               "Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifi");
    BOOST_TEST(r.auth.generation == 0u);
}

BOOST_AUTO_TEST_CASE(header_is_the_same_on_every_request) {
    twitter::oauth2_bearer_handler h("tok");
    BOOST_TEST(authorize(h).auth.header == "Bearer tok");
    BOOST_TEST(authorize(h).auth.header == "Bearer tok");
}

BOOST_AUTO_TEST_CASE(empty_token_is_missing_credential_and_never_a_bare_bearer) {
    twitter::oauth2_bearer_handler h("");
    auto const r = authorize(h);
    BOOST_TEST(r.ec == client_errc::missing_credential);
    BOOST_TEST(r.auth.header.find("Bearer") == std::string::npos, r.auth.header);
    BOOST_TEST(r.auth.header.empty());
}

BOOST_AUTO_TEST_CASE(scheme_is_app_bearer_by_default) {
    twitter::oauth2_bearer_handler h("tok");
    BOOST_TEST((h.scheme() == auth_scheme::app_bearer));
}

BOOST_AUTO_TEST_CASE(scheme_is_user_bearer_when_asked) {
    twitter::oauth2_bearer_handler h("tok", auth_scheme::user_bearer);
    BOOST_TEST((h.scheme() == auth_scheme::user_bearer));
    BOOST_TEST(authorize(h).auth.header == "Bearer tok");
}

BOOST_AUTO_TEST_CASE(recover_has_nothing_newer_to_offer) {
    // The default async_recover: a 401 on a fixed token cannot be fixed by retrying.
    twitter::oauth2_bearer_handler h("tok");
    int calls = 0;
    error_code got;
    h.async_recover(0, [&](error_code ec) {
        ++calls;
        got = ec;
    });
    BOOST_TEST(calls == 1);
    BOOST_TEST(got == twitter::api_errc::unauthorized);
}

BOOST_AUTO_TEST_SUITE_END()
