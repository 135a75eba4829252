#include "core/retry.hpp"

#include <twitter/error.hpp>

#include <boost/asio/error.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>

BOOST_AUTO_TEST_SUITE(core_retry)

namespace {
using namespace twitter::core;
using twitter::http::verb;
using namespace std::chrono_literals;

twitter::retry_policy three_retries() {
    twitter::retry_policy p;
    p.max_retries = 3;
    p.backoff = {100ms, 2.0, 1s, 0.0};
    return p;
}
}  // namespace

BOOST_AUTO_TEST_CASE(server_errors_on_idempotent_methods_are_retried) {
    for (unsigned status : {500u, 502u, 503u, 504u})
        for (verb v : {verb::get, verb::put, verb::delete_}) {
            auto const d = retry_delay(three_retries(), v, {}, status, 0, 0.0);
            BOOST_TEST_REQUIRE(d.has_value());
            BOOST_TEST(d->count() == 100);
        }
}

BOOST_AUTO_TEST_CASE(a_post_or_patch_is_never_retried) {
    for (verb v : {verb::post, verb::patch}) {
        BOOST_TEST(!retry_delay(three_retries(), v, {}, 503, 0, 0.0).has_value());
        BOOST_TEST(!retry_delay(three_retries(), v, twitter::transport_errc::connection_closed, 0, 0, 0.0));
    }
}

BOOST_AUTO_TEST_CASE(other_statuses_are_final) {
    for (unsigned status : {400u, 401u, 403u, 404u, 429u, 501u, 505u})
        BOOST_TEST(!retry_delay(three_retries(), verb::get, {}, status, 0, 0.0).has_value());
}

BOOST_AUTO_TEST_CASE(network_failures_that_can_pass_are_retried) {
    for (auto ec : {twitter::error_code(twitter::transport_errc::connection_closed),
                    twitter::error_code(twitter::transport_errc::connect_failed),
                    twitter::error_code(twitter::transport_errc::request_timeout),
                    twitter::error_code(twitter::protocol_errc::truncated_body)})
        BOOST_TEST(retry_delay(three_retries(), verb::get, ec, 0, 0, 0.0).has_value(), ec.message());
}

BOOST_AUTO_TEST_CASE(failures_that_cannot_pass_are_final) {
    for (auto ec : {twitter::error_code(twitter::transport_errc::certificate_untrusted),
                    twitter::error_code(twitter::transport_errc::certificate_hostname_mismatch),
                    twitter::error_code(twitter::protocol_errc::malformed_json),
                    twitter::error_code(twitter::protocol_errc::body_too_large),
                    twitter::error_code(twitter::client_errc::missing_credential),
                    twitter::error_code(boost::asio::error::operation_aborted)})
        BOOST_TEST(!retry_delay(three_retries(), verb::get, ec, 0, 0, 0.0).has_value(), ec.message());
}

BOOST_AUTO_TEST_CASE(retries_back_off_and_stop_at_the_limit) {
    auto const p = three_retries();
    BOOST_TEST(retry_delay(p, verb::get, {}, 503, 0, 0.0)->count() == 100);
    BOOST_TEST(retry_delay(p, verb::get, {}, 503, 1, 0.0)->count() == 200);
    BOOST_TEST(retry_delay(p, verb::get, {}, 503, 2, 0.0)->count() == 400);
    BOOST_TEST(!retry_delay(p, verb::get, {}, 503, 3, 0.0).has_value());
    auto off = p;
    off.max_retries = 0;
    BOOST_TEST(!retry_delay(off, verb::get, {}, 503, 0, 0.0).has_value());
}

BOOST_AUTO_TEST_CASE(endpoint_keys_share_a_bucket_across_ids) {
    BOOST_TEST(endpoint_key(verb::get, "/2/tweets/20") == "GET /2/tweets/:id");
    BOOST_TEST(endpoint_key(verb::get, "/2/tweets/:id") == "GET /2/tweets/:id");
    BOOST_TEST(endpoint_key(verb::get, "/2/users/2244994945/followers") == "GET /2/users/:id/followers");
    BOOST_TEST(endpoint_key(verb::delete_, "/2/users/1/likes/2") == "DELETE /2/users/:id/likes/:id");
    BOOST_TEST(endpoint_key(verb::get, "/2/users/by/username/XDevelopers") == "GET /2/users/by/username/:username");
    BOOST_TEST(endpoint_key(verb::post, "/1.1/statuses/destroy/1149868020346556416.json") ==
               "POST /1.1/statuses/destroy/:id.json");
    BOOST_TEST(endpoint_key(verb::get, "/1.1/statuses/show.json") == "GET /1.1/statuses/show.json");
    BOOST_TEST(endpoint_key(verb::get, "/2/users/me") == "GET /2/users/me");
    BOOST_TEST(endpoint_key(verb::post, "/2/tweets") != endpoint_key(verb::get, "/2/tweets"));
}

BOOST_AUTO_TEST_CASE(jitter_samples_stay_in_the_unit_interval) {
    for (int i = 0; i < 1000; ++i) {
        double const u = jitter_sample();
        BOOST_TEST((u >= 0.0 && u < 1.0));
    }
}

BOOST_AUTO_TEST_SUITE_END()
