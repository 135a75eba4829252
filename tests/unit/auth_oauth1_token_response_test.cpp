#include "auth/oauth1_token_response.hpp"

#include "print_error_enums.hpp"

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(auth_oauth1_token_response)

namespace {
using namespace twitter;
using detail::parse_access_token_response;
using detail::parse_request_token_response;
}  // namespace

// RFC 5849, section 2.1 (the example body of the request-token step).
BOOST_AUTO_TEST_CASE(request_token_is_read_when_the_callback_is_confirmed) {
    oauth1_token token;
    BOOST_TEST(!parse_request_token_response(
        "oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03&oauth_callback_confirmed=true", token));
    BOOST_TEST(token.token == "hh5s93j4hdidpola");
    BOOST_TEST(token.secret == "hdhd0244k9j7ao03");
    BOOST_TEST(token.user_id.empty());
}

BOOST_AUTO_TEST_CASE(request_token_without_confirmation_is_refused) {
    oauth1_token token{"kept", "kept", {}, {}};
    BOOST_TEST(parse_request_token_response("oauth_token=a&oauth_token_secret=b", token) ==
               auth_errc::callback_not_confirmed);
    BOOST_TEST(parse_request_token_response("oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=TRUE",
                                            token) == auth_errc::callback_not_confirmed);
    BOOST_TEST(token.token == "kept");
}

BOOST_AUTO_TEST_CASE(request_token_missing_or_malformed_is_a_malformed_response) {
    oauth1_token token;
    BOOST_TEST(parse_request_token_response("oauth_token_secret=b&oauth_callback_confirmed=true", token) ==
               auth_errc::malformed_token_response);
    BOOST_TEST(parse_request_token_response("oauth_token=&oauth_token_secret=b&oauth_callback_confirmed=true",
                                            token) == auth_errc::malformed_token_response);
    BOOST_TEST(parse_request_token_response("oauth_token=a%zz&oauth_token_secret=b&oauth_callback_confirmed=true",
                                            token) == auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_CASE(access_token_carries_the_user) {
    oauth1_token token;
    BOOST_TEST(!parse_access_token_response(
        "oauth_token=6253282-eWudHldSbIa&oauth_token_secret=2EEfA6BG3ly3&user_id=6253282&screen_name=twitter+api",
        token));
    BOOST_TEST(token.token == "6253282-eWudHldSbIa");
    BOOST_TEST(token.secret == "2EEfA6BG3ly3");
    BOOST_TEST(token.user_id == "6253282");
    BOOST_TEST(token.screen_name == "twitter api");
}

BOOST_AUTO_TEST_CASE(access_token_needs_both_halves) {
    oauth1_token token;
    BOOST_TEST(parse_access_token_response("oauth_token=a&oauth_token_secret=", token) ==
               auth_errc::malformed_token_response);
    BOOST_TEST(parse_access_token_response("oauth_token_secret=b", token) == auth_errc::malformed_token_response);
    BOOST_TEST(parse_access_token_response("<html>Invalid request token</html>", token) ==
               auth_errc::malformed_token_response);
}

BOOST_AUTO_TEST_SUITE_END()
