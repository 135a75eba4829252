#include <twitter/error.hpp>

#include <twitter/diagnostics.hpp>
#include <twitter/exception.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/system/system_error.hpp>
#include <boost/test/unit_test.hpp>

#include <exception>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

BOOST_AUTO_TEST_SUITE(errors)

namespace {

namespace asio = boost::asio;
using twitter::api_errc;
using twitter::client_errc;
using twitter::diagnostics;
using twitter::error_code;
using twitter::protocol_errc;
using twitter::transport_errc;

template <class Exception>
bool holds(std::exception_ptr const& p) {
    try {
        std::rethrow_exception(p);
    } catch (Exception const&) {
        return true;
    } catch (...) {
        return false;
    }
}

diagnostics sample_diagnostics(unsigned status) {
    diagnostics d;
    d.http_status = status;
    d.message = "the request was refused";
    twitter::api_error e;
    e.title = "Unauthorized";
    e.detail = "Value passed for the token was invalid.";
    e.type = "about:blank";
    d.errors.push_back(e);
    d.limits.window = twitter::rate_limit{900, 0, 1665184653};
    return d;
}

std::string print(diagnostics const& d) {
    std::ostringstream os;
    os << d;
    return os.str();
}

}  // namespace

// --- categories

BOOST_AUTO_TEST_CASE(category_names_name_the_family) {
    BOOST_TEST(std::string(twitter::transport_category().name()) == "twitter.transport");
    BOOST_TEST(std::string(twitter::protocol_category().name()) == "twitter.protocol");
    BOOST_TEST(std::string(twitter::api_category().name()) == "twitter.api");
    BOOST_TEST(std::string(twitter::client_category().name()) == "twitter.client");
}

BOOST_AUTO_TEST_CASE(codes_carry_their_own_category) {
    BOOST_TEST((error_code(transport_errc::connect_timeout).category() == twitter::transport_category()));
    BOOST_TEST((error_code(protocol_errc::malformed_json).category() == twitter::protocol_category()));
    BOOST_TEST((error_code(api_errc::forbidden).category() == twitter::api_category()));
    BOOST_TEST((error_code(client_errc::invalid_url).category() == twitter::client_category()));
    BOOST_TEST(error_code(api_errc::forbidden).value() == 3);
}

BOOST_AUTO_TEST_CASE(equal_values_in_different_families_differ) {
    // unauthorized, insecure_scheme_refused, truncated_body and tls_handshake_timeout are all 2.
    error_code const ec = api_errc::unauthorized;
    BOOST_TEST((ec == api_errc::unauthorized));
    BOOST_TEST((ec != client_errc::insecure_scheme_refused));
    BOOST_TEST((ec != protocol_errc::truncated_body));
    BOOST_TEST((ec != transport_errc::tls_handshake_timeout));
    BOOST_TEST((ec != boost::system::errc::no_such_file_or_directory));
}

BOOST_AUTO_TEST_CASE(every_code_has_its_own_message) {
    std::vector<error_code> all;
    for (int v = 1; v <= static_cast<int>(transport_errc::stream_stalled); ++v)
        all.push_back(static_cast<transport_errc>(v));
    for (int v = 1; v <= static_cast<int>(protocol_errc::line_too_long); ++v)
        all.push_back(static_cast<protocol_errc>(v));
    for (int v = 1; v <= static_cast<int>(api_errc::unexpected_status); ++v)
        all.push_back(static_cast<api_errc>(v));
    for (int v = 1; v <= static_cast<int>(client_errc::shutting_down); ++v)
        all.push_back(static_cast<client_errc>(v));
    BOOST_TEST(all.size() == 12u + 6u + 7u + 5u);
    std::set<std::string> messages;
    for (error_code const& ec : all) {
        std::string const m = ec.message();
        BOOST_TEST(!m.empty(), ec);
        BOOST_TEST(m.find("unknown") == std::string::npos, ec << ": " << m);
        messages.insert(m);
    }
    BOOST_TEST(messages.size() == all.size());
}

BOOST_AUTO_TEST_CASE(api_messages_name_the_status) {
    BOOST_TEST(error_code(api_errc::bad_request).message() == "400 Bad Request");
    BOOST_TEST(error_code(api_errc::unauthorized).message() == "401 Unauthorized");
    BOOST_TEST(error_code(api_errc::forbidden).message() == "403 Forbidden");
    BOOST_TEST(error_code(api_errc::not_found).message() == "404 Not Found");
    BOOST_TEST(error_code(api_errc::too_many_requests).message() == "429 Too Many Requests");
    BOOST_TEST(error_code(api_errc::server_error).message().find("5xx") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_values_have_a_fallback_message) {
    BOOST_TEST(error_code(0, twitter::api_category()).message().find("unknown") != std::string::npos);
    BOOST_TEST(error_code(99, twitter::transport_category()).message().find("unknown") != std::string::npos);
    BOOST_TEST(error_code(99, twitter::protocol_category()).message().find("unknown") != std::string::npos);
    BOOST_TEST(error_code(-1, twitter::client_category()).message().find("unknown") != std::string::npos);
}

// --- error_for_status

BOOST_AUTO_TEST_CASE(success_and_redirect_statuses_are_not_errors) {
    for (unsigned status : {100u, 200u, 201u, 204u, 301u, 304u, 399u})
        BOOST_TEST(!twitter::error_for_status(status), status);
}

BOOST_AUTO_TEST_CASE(client_error_statuses_map_to_their_code) {
    BOOST_TEST((twitter::error_for_status(400) == api_errc::bad_request));
    BOOST_TEST((twitter::error_for_status(401) == api_errc::unauthorized));
    BOOST_TEST((twitter::error_for_status(403) == api_errc::forbidden));
    BOOST_TEST((twitter::error_for_status(404) == api_errc::not_found));
    BOOST_TEST((twitter::error_for_status(429) == api_errc::too_many_requests));
}

BOOST_AUTO_TEST_CASE(server_error_statuses_are_server_errors) {
    for (unsigned status : {500u, 502u, 503u, 504u, 599u})
        BOOST_TEST((twitter::error_for_status(status) == api_errc::server_error), status);
}

BOOST_AUTO_TEST_CASE(other_error_statuses_are_unexpected) {
    for (unsigned status : {402u, 405u, 409u, 418u, 422u, 499u, 600u, 999u})
        BOOST_TEST((twitter::error_for_status(status) == api_errc::unexpected_status), status);
}

// --- is_transient

BOOST_AUTO_TEST_CASE(rate_limits_and_server_errors_are_transient) {
    BOOST_TEST(twitter::is_transient(api_errc::too_many_requests));
    BOOST_TEST(twitter::is_transient(api_errc::server_error));
    BOOST_TEST(twitter::is_transient(twitter::error_for_status(503)));
}

BOOST_AUTO_TEST_CASE(other_api_errors_are_not_transient) {
    for (api_errc e : {api_errc::bad_request, api_errc::unauthorized, api_errc::forbidden,
                       api_errc::not_found, api_errc::unexpected_status})
        BOOST_TEST(!twitter::is_transient(e), error_code(e));
}

BOOST_AUTO_TEST_CASE(timeouts_and_dropped_connections_are_transient) {
    for (transport_errc e : {transport_errc::connect_timeout, transport_errc::tls_handshake_timeout,
                             transport_errc::request_timeout, transport_errc::resolve_failed,
                             transport_errc::connect_failed, transport_errc::connection_closed,
                             transport_errc::stream_stalled})
        BOOST_TEST(twitter::is_transient(e), error_code(e));
    BOOST_TEST(twitter::is_transient(protocol_errc::truncated_body));
}

BOOST_AUTO_TEST_CASE(certificate_and_policy_failures_are_not_transient) {
    for (transport_errc e :
         {transport_errc::certificate_untrusted, transport_errc::certificate_hostname_mismatch,
          transport_errc::certificate_expired, transport_errc::tls_handshake_failed,
          transport_errc::non_loopback_peer})
        BOOST_TEST(!twitter::is_transient(e), error_code(e));
}

BOOST_AUTO_TEST_CASE(protocol_and_client_errors_are_not_transient) {
    for (protocol_errc e : {protocol_errc::malformed_response, protocol_errc::body_too_large,
                            protocol_errc::bad_content_encoding, protocol_errc::malformed_json,
                            protocol_errc::line_too_long})
        BOOST_TEST(!twitter::is_transient(e), error_code(e));
    for (client_errc e :
         {client_errc::invalid_url, client_errc::insecure_scheme_refused, client_errc::missing_credential,
          client_errc::invalid_argument, client_errc::shutting_down})
        BOOST_TEST(!twitter::is_transient(e), error_code(e));
}

BOOST_AUTO_TEST_CASE(no_error_is_not_transient) { BOOST_TEST(!twitter::is_transient(error_code{})); }

// --- exceptions

BOOST_AUTO_TEST_CASE(no_error_gives_no_exception) {
    BOOST_TEST(!twitter::make_exception_ptr(error_code{}, sample_diagnostics(0)));
    BOOST_CHECK_NO_THROW(twitter::throw_on_error(error_code{}, sample_diagnostics(200)));
}

BOOST_AUTO_TEST_CASE(each_api_code_gives_its_exception_class) {
    auto const make = [](api_errc e) { return twitter::make_exception_ptr(e, sample_diagnostics(0)); };
    BOOST_TEST(holds<twitter::bad_request>(make(api_errc::bad_request)));
    BOOST_TEST(holds<twitter::unauthorized>(make(api_errc::unauthorized)));
    BOOST_TEST(holds<twitter::forbidden>(make(api_errc::forbidden)));
    BOOST_TEST(holds<twitter::not_found>(make(api_errc::not_found)));
    BOOST_TEST(holds<twitter::too_many_requests>(make(api_errc::too_many_requests)));
    BOOST_TEST(holds<twitter::server_error>(make(api_errc::server_error)));
    BOOST_TEST(holds<twitter::http_error>(make(api_errc::unexpected_status)));
}

BOOST_AUTO_TEST_CASE(exception_classes_do_not_overlap) {
    auto const p = twitter::make_exception_ptr(api_errc::unauthorized, sample_diagnostics(401));
    BOOST_TEST(!holds<twitter::bad_request>(p));
    BOOST_TEST(!holds<twitter::forbidden>(p));
    BOOST_TEST(!holds<twitter::not_found>(p));
    BOOST_TEST(!holds<twitter::too_many_requests>(p));
    BOOST_TEST(!holds<twitter::server_error>(p));

    auto const unexpected = twitter::make_exception_ptr(api_errc::unexpected_status, sample_diagnostics(418));
    BOOST_TEST(!holds<twitter::bad_request>(unexpected));
    BOOST_TEST(!holds<twitter::unauthorized>(unexpected));
    BOOST_TEST(!holds<twitter::server_error>(unexpected));
}

BOOST_AUTO_TEST_CASE(every_api_exception_is_an_http_error_and_a_system_error) {
    for (int v = 1; v <= static_cast<int>(api_errc::unexpected_status); ++v) {
        auto const p = twitter::make_exception_ptr(static_cast<api_errc>(v), sample_diagnostics(400));
        BOOST_TEST(holds<twitter::http_error>(p), v);
        BOOST_TEST(holds<twitter::error>(p), v);
        BOOST_TEST(holds<boost::system::system_error>(p), v);
        BOOST_TEST(holds<std::runtime_error>(p), v);
    }
}

BOOST_AUTO_TEST_CASE(non_api_codes_give_a_plain_twitter_error) {
    for (error_code const ec :
         {error_code(transport_errc::certificate_untrusted), error_code(protocol_errc::body_too_large),
          error_code(client_errc::invalid_url),
          error_code(boost::system::errc::make_error_code(boost::system::errc::timed_out))}) {
        auto const p = twitter::make_exception_ptr(ec, diagnostics{});
        BOOST_TEST(holds<twitter::error>(p), ec);
        BOOST_TEST(!holds<twitter::http_error>(p), ec);
        try {
            std::rethrow_exception(p);
        } catch (twitter::error const& e) {
            BOOST_TEST((e.code() == ec));
        }
    }
}

BOOST_AUTO_TEST_CASE(exception_carries_code_and_diagnostics) {
    diagnostics const diag = sample_diagnostics(401);
    try {
        twitter::throw_on_error(api_errc::unauthorized, diag);
        BOOST_FAIL("nothing was thrown");
    } catch (twitter::unauthorized const& e) {
        BOOST_TEST((e.code() == api_errc::unauthorized));
        BOOST_TEST(e.status() == 401u);
        BOOST_TEST(e.diag().http_status == 401u);
        BOOST_TEST(e.diag().message == "the request was refused");
        BOOST_TEST_REQUIRE(e.diag().errors.size() == 1u);
        BOOST_TEST(e.diag().errors[0].detail == "Value passed for the token was invalid.");
        BOOST_TEST(e.diag().errors[0].type == "about:blank");
    }
}

BOOST_AUTO_TEST_CASE(what_holds_the_x_error_detail_and_the_code_message) {
    auto const p = twitter::make_exception_ptr(api_errc::unauthorized, sample_diagnostics(401));
    try {
        std::rethrow_exception(p);
    } catch (boost::system::system_error const& e) {
        std::string const what = e.what();
        BOOST_TEST(what.find("Value passed for the token was invalid.") != std::string::npos, what);
        BOOST_TEST(what.find("HTTP 401") != std::string::npos, what);
        BOOST_TEST(what.find("401 Unauthorized") != std::string::npos, what);
        BOOST_TEST((e.code() == api_errc::unauthorized));
    }
}

BOOST_AUTO_TEST_CASE(v1_1_code_appears_in_what) {
    diagnostics diag;
    diag.http_status = 429;
    twitter::api_error e;
    e.code = 88;
    e.detail = "Rate limit exceeded";
    diag.errors.push_back(e);
    try {
        twitter::throw_on_error(api_errc::too_many_requests, diag);
        BOOST_FAIL("nothing was thrown");
    } catch (twitter::http_error const& ex) {
        std::string const what = ex.what();
        BOOST_TEST(what.find("[88] Rate limit exceeded") != std::string::npos, what);
        BOOST_TEST(ex.status() == 429u);
    }
}

BOOST_AUTO_TEST_CASE(exception_keeps_a_copy_of_the_diagnostics) {
    diagnostics diag = sample_diagnostics(403);
    auto const p = twitter::make_exception_ptr(api_errc::forbidden, diag);
    diag.clear();
    try {
        std::rethrow_exception(p);
    } catch (twitter::forbidden const& e) {
        BOOST_TEST(e.status() == 403u);
        BOOST_TEST(e.diag().errors.size() == 1u);
    }
}

BOOST_AUTO_TEST_CASE(too_many_requests_reports_the_reset_time) {
    try {
        twitter::throw_on_error(api_errc::too_many_requests, sample_diagnostics(429));
        BOOST_FAIL("nothing was thrown");
    } catch (twitter::too_many_requests const& e) {
        BOOST_TEST(e.reset_time() == 1665184653);
        BOOST_TEST(e.status() == 429u);
    }
}

BOOST_AUTO_TEST_CASE(too_many_requests_without_headers_resets_at_zero) {
    diagnostics diag;
    diag.http_status = 429;
    try {
        twitter::throw_on_error(api_errc::too_many_requests, diag);
        BOOST_FAIL("nothing was thrown");
    } catch (twitter::too_many_requests const& e) {
        BOOST_TEST(e.reset_time() == 0);
    }
}

// --- printing diagnostics

BOOST_AUTO_TEST_CASE(empty_diagnostics_print_nothing) { BOOST_TEST(print(diagnostics{}) == ""); }

BOOST_AUTO_TEST_CASE(diagnostics_print_status_message_and_errors) {
    diagnostics d;
    d.http_status = 400;
    d.message = "bad query";
    twitter::api_error problem;
    problem.title = "Invalid Request";
    problem.detail = "One or more parameters to your request was invalid.";
    d.errors.push_back(problem);
    twitter::api_error v11;
    v11.code = 44;
    v11.detail = "attachment_url parameter is invalid.";
    d.errors.push_back(v11);
    BOOST_TEST(print(d) ==
               "HTTP 400: bad query; Invalid Request: One or more parameters to your request was invalid.; "
               "[44] attachment_url parameter is invalid.");
}

BOOST_AUTO_TEST_CASE(diagnostics_print_without_a_status) {
    diagnostics d;
    d.message = "certificate verify failed";
    BOOST_TEST(print(d) == "certificate verify failed");
}

BOOST_AUTO_TEST_CASE(diagnostics_print_status_alone) {
    diagnostics d;
    d.http_status = 503;
    BOOST_TEST(print(d) == "HTTP 503");
}

BOOST_AUTO_TEST_CASE(diagnostics_print_errors_without_a_message) {
    diagnostics d;
    d.http_status = 401;
    twitter::api_error e;
    e.title = "Unauthorized";
    d.errors.push_back(e);
    twitter::api_error oauth;
    oauth.type = "invalid_request";
    oauth.detail = "Value passed for the token was invalid.";
    d.errors.push_back(oauth);
    BOOST_TEST(print(d) == "HTTP 401: Unauthorized; Value passed for the token was invalid.");
}

// --- with_diagnostics

namespace {

struct fake_log {
    bool got_storage = false;  // whether the initiation was handed a diagnostics object
    int initiations = 0;
};

// A stand-in for a library operation: completes with value * 10 on even values; on odd values fills the
// diagnostics (later, as a real operation would) and fails with api_errc::unauthorized.
template <class CompletionToken>
auto async_fake(asio::io_context& ctx, int value, diagnostics* diag, fake_log& log, CompletionToken&& token) {
    return asio::async_initiate<CompletionToken, void(error_code, int)>(
        [&ctx, &log](auto handler, diagnostics* d, int v) {
            ++log.initiations;
            log.got_storage = d != nullptr;
            asio::post(ctx, [handler = std::move(handler), d, v]() mutable {
                if (v % 2 == 0) {
                    asio::dispatch(asio::append(std::move(handler), error_code{}, v * 10));
                    return;
                }
                if (d) {
                    d->http_status = 401;
                    d->message = "odd value " + std::to_string(v);
                    twitter::api_error e;
                    e.title = "Unauthorized";
                    e.detail = "Unauthorized";
                    e.type = "about:blank";
                    d->errors.push_back(e);
                }
                asio::dispatch(asio::append(std::move(handler), error_code(api_errc::unauthorized), 0));
            });
        },
        token, diag, value);
}

struct outcome {
    bool done = false;
    std::optional<int> value;
    std::exception_ptr thrown;
};

asio::awaitable<void> await_default_token(asio::io_context& ctx, int v, diagnostics* diag, fake_log& log,
                                          outcome& out) {
    try {
        out.value = co_await async_fake(ctx, v, diag, log, twitter::default_token{});
    } catch (...) {
        out.thrown = std::current_exception();
    }
    out.done = true;
}

asio::awaitable<void> await_wrapped_deferred(asio::io_context& ctx, int v, fake_log& log, outcome& out) {
    try {
        out.value = co_await async_fake(ctx, v, nullptr, log, twitter::with_diagnostics(asio::deferred));
    } catch (...) {
        out.thrown = std::current_exception();
    }
    out.done = true;
}

// Runs a coroutine to completion on ctx; an exception that escapes it fails the test.
void run(asio::io_context& ctx, asio::awaitable<void> coroutine) {
    std::exception_ptr escaped;
    bool finished = false;
    asio::co_spawn(ctx, std::move(coroutine), [&](std::exception_ptr e) {
        escaped = e;
        finished = true;
    });
    std::size_t const handlers = ctx.run();
    BOOST_TEST(handlers > 0u);
    BOOST_TEST(finished);
    BOOST_TEST(!escaped);
    BOOST_TEST(ctx.stopped());  // no work left behind
}

}  // namespace

BOOST_AUTO_TEST_CASE(awaiting_a_failure_throws_the_typed_exception_with_diagnostics) {
    asio::io_context ctx;
    fake_log log;
    outcome out;
    run(ctx, await_default_token(ctx, 3, nullptr, log, out));
    BOOST_TEST(out.done);
    BOOST_TEST(!out.value.has_value());
    BOOST_TEST(log.got_storage);  // the adapter supplied storage of its own
    BOOST_TEST_REQUIRE(holds<twitter::unauthorized>(out.thrown));
    try {
        std::rethrow_exception(out.thrown);
    } catch (twitter::unauthorized const& e) {
        BOOST_TEST((e.code() == api_errc::unauthorized));
        BOOST_TEST(e.status() == 401u);
        BOOST_TEST(e.diag().message == "odd value 3");
        BOOST_TEST_REQUIRE(e.diag().errors.size() == 1u);
        BOOST_TEST(e.diag().errors[0].title == "Unauthorized");
        BOOST_TEST(std::string(e.what()).find("odd value 3") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(awaited_failure_is_also_a_system_error) {
    asio::io_context ctx;
    fake_log log;
    outcome out;
    run(ctx, await_default_token(ctx, 1, nullptr, log, out));
    BOOST_TEST_REQUIRE(holds<boost::system::system_error>(out.thrown));
    try {
        std::rethrow_exception(out.thrown);
    } catch (boost::system::system_error const& e) {
        BOOST_TEST((e.code() == api_errc::unauthorized));
    }
}

BOOST_AUTO_TEST_CASE(awaiting_a_success_returns_the_value) {
    asio::io_context ctx;
    fake_log log;
    outcome out;
    run(ctx, await_default_token(ctx, 4, nullptr, log, out));
    BOOST_TEST(out.done);
    BOOST_TEST(!out.thrown);
    BOOST_TEST((out.value == std::optional<int>(40)));
    BOOST_TEST(log.initiations == 1);
}

BOOST_AUTO_TEST_CASE(with_diagnostics_around_deferred_behaves_as_the_default_token) {
    asio::io_context ctx;
    fake_log log;
    outcome failure;
    run(ctx, await_wrapped_deferred(ctx, 5, log, failure));
    BOOST_TEST_REQUIRE(holds<twitter::unauthorized>(failure.thrown));
    try {
        std::rethrow_exception(failure.thrown);
    } catch (twitter::unauthorized const& e) {
        BOOST_TEST(e.diag().message == "odd value 5");
    }

    ctx.restart();
    outcome success;
    run(ctx, await_wrapped_deferred(ctx, 6, log, success));
    BOOST_TEST(!success.thrown);
    BOOST_TEST((success.value == std::optional<int>(60)));
}

BOOST_AUTO_TEST_CASE(callers_diagnostics_are_filled_when_awaiting) {
    asio::io_context ctx;
    fake_log log;
    outcome out;
    diagnostics diag;
    run(ctx, await_default_token(ctx, 7, &diag, log, out));
    BOOST_TEST(diag.http_status == 401u);
    BOOST_TEST(diag.message == "odd value 7");
    BOOST_TEST(diag.errors.size() == 1u);
    BOOST_TEST_REQUIRE(holds<twitter::unauthorized>(out.thrown));
    try {
        std::rethrow_exception(out.thrown);
    } catch (twitter::unauthorized const& e) {
        BOOST_TEST(e.diag().message == diag.message);
    }
}

BOOST_AUTO_TEST_CASE(plain_callback_gets_the_error_code_and_value) {
    asio::io_context ctx;
    fake_log log;
    std::vector<std::pair<error_code, int>> calls;
    async_fake(ctx, 1, nullptr, log, [&](error_code ec, int v) { calls.emplace_back(ec, v); });
    BOOST_TEST(!log.got_storage);  // without the adapter nobody supplies storage
    async_fake(ctx, 2, nullptr, log, [&](error_code ec, int v) { calls.emplace_back(ec, v); });
    BOOST_TEST(calls.empty());  // completion never runs inside the initiating call
    ctx.run();
    BOOST_TEST_REQUIRE(calls.size() == 2u);
    BOOST_TEST((calls[0].first == api_errc::unauthorized));
    BOOST_TEST(calls[0].second == 0);
    BOOST_TEST(!calls[1].first);
    BOOST_TEST(calls[1].second == 20);
}

BOOST_AUTO_TEST_CASE(plain_callback_with_callers_diagnostics_fills_them) {
    asio::io_context ctx;
    fake_log log;
    diagnostics diag;
    error_code result;
    async_fake(ctx, 9, &diag, log, [&](error_code ec, int) { result = ec; });
    ctx.run();
    BOOST_TEST((result == api_errc::unauthorized));
    BOOST_TEST(diag.http_status == 401u);
    BOOST_TEST(diag.message == "odd value 9");
}

BOOST_AUTO_TEST_CASE(with_diagnostics_around_a_callback_passes_an_exception_ptr) {
    asio::io_context ctx;
    fake_log log;
    std::vector<std::pair<std::exception_ptr, int>> calls;
    auto const record = [&](std::exception_ptr e, int v) { calls.emplace_back(std::move(e), v); };
    async_fake(ctx, 11, nullptr, log, twitter::with_diagnostics(record));
    async_fake(ctx, 12, nullptr, log, twitter::with_diagnostics(record));
    ctx.run();
    BOOST_TEST_REQUIRE(calls.size() == 2u);
    BOOST_TEST(holds<twitter::unauthorized>(calls[0].first));
    BOOST_TEST(!calls[1].first);
    BOOST_TEST(calls[1].second == 120);
}

namespace {

asio::awaitable<void> await_as_tuple(asio::io_context& ctx, diagnostics& diag, fake_log& log,
                                     std::vector<std::tuple<error_code, int>>& results) {
    results.push_back(co_await async_fake(ctx, 13, &diag, log, asio::as_tuple(asio::deferred)));
    results.push_back(co_await async_fake(ctx, 14, nullptr, log, asio::as_tuple(asio::deferred)));
}

asio::awaitable<void> await_wrapped_as_tuple(asio::io_context& ctx, fake_log& log,
                                             std::vector<std::tuple<std::exception_ptr, int>>& results) {
    auto const token = twitter::with_diagnostics(asio::as_tuple(asio::deferred));
    results.push_back(co_await async_fake(ctx, 15, nullptr, log, token));
    results.push_back(co_await async_fake(ctx, 16, nullptr, log, token));
}

}  // namespace

BOOST_AUTO_TEST_CASE(as_tuple_returns_the_error_code_without_throwing) {
    asio::io_context ctx;
    fake_log log;
    diagnostics diag;
    std::vector<std::tuple<error_code, int>> results;
    run(ctx, await_as_tuple(ctx, diag, log, results));
    BOOST_TEST_REQUIRE(results.size() == 2u);
    BOOST_TEST((std::get<0>(results[0]) == api_errc::unauthorized));
    BOOST_TEST(std::get<1>(results[0]) == 0);
    BOOST_TEST(diag.message == "odd value 13");
    BOOST_TEST(!std::get<0>(results[1]));
    BOOST_TEST(std::get<1>(results[1]) == 140);
}

BOOST_AUTO_TEST_CASE(with_diagnostics_around_as_tuple_returns_the_exception) {
    asio::io_context ctx;
    fake_log log;
    std::vector<std::tuple<std::exception_ptr, int>> results;
    run(ctx, await_wrapped_as_tuple(ctx, log, results));
    BOOST_TEST_REQUIRE(results.size() == 2u);
    BOOST_TEST_REQUIRE(holds<twitter::unauthorized>(std::get<0>(results[0])));
    try {
        std::rethrow_exception(std::get<0>(results[0]));
    } catch (twitter::unauthorized const& e) {
        BOOST_TEST(e.diag().message == "odd value 15");
    }
    BOOST_TEST(!std::get<0>(results[1]));
    BOOST_TEST(std::get<1>(results[1]) == 160);
}

BOOST_AUTO_TEST_CASE(wrapped_handler_keeps_its_associated_executor) {
    asio::io_context ctx;
    fake_log log;
    auto strand = asio::make_strand(ctx);
    std::vector<bool> on_strand;
    auto const check = [&](std::exception_ptr, int) { on_strand.push_back(strand.running_in_this_thread()); };
    async_fake(ctx, 17, nullptr, log, twitter::with_diagnostics(asio::bind_executor(strand, check)));
    async_fake(ctx, 18, nullptr, log, twitter::with_diagnostics(asio::bind_executor(strand, check)));
    // The control: without bind_executor the same handler does not run on the strand.
    async_fake(ctx, 20, nullptr, log, twitter::with_diagnostics(check));
    ctx.run();
    BOOST_TEST_REQUIRE(on_strand.size() == 3u);
    BOOST_TEST(on_strand[0]);
    BOOST_TEST(on_strand[1]);
    BOOST_TEST(!on_strand[2]);
}

BOOST_AUTO_TEST_SUITE_END()
