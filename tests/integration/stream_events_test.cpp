// v2::stream against the emulator's streams: rules, matching Tweets, keep-alives, and what each fault of a
// live connection does (a stall, a partial line, a dropped connection, an operational disconnect, one
// connection too many), and the bounded buffer under a slow consumer.

#include <twitter/v2/stream.hpp>

#include "eventually.hpp"
#include "mock_clock.hpp"
#include "scenario.hpp"

#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(stream_events)

namespace {

using namespace test;
namespace emu = twitter::emulator;
namespace v2 = twitter::v2;
using twitter::error_code;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

emu::fault stream_fault(emu::fault::kind what, std::size_t events) {
    emu::fault f;
    f.path = "/2/tweets/*";
    f.what = what;
    f.events = events;
    return f;
}

struct streaming {
    scenario s;
    std::shared_ptr<mock_clock> clock = std::make_shared<mock_clock>();
    twitter::client client;
    error_code run_result = asio::error::would_block;

    explicit streaming(scenario sc) : s(sc), client(s.io.get_executor(), s.server.app_bearer_token(), with_clock()) {}

    twitter::client_config with_clock() const {
        auto cfg = s.config();
        cfg.clock = clock;
        return cfg;
    }

    // Starts `stream` and waits until the emulator holds its connection open.
    asio::awaitable<void> start(v2::stream& stream, std::size_t open_before = 0) {
        stream.async_run([this](error_code ec) { run_result = ec; });
        BOOST_TEST_REQUIRE(co_await eventually([&] { return s.server.open_streams() > open_before; }));
    }

    asio::awaitable<void> stop(v2::stream& stream) {
        stream.stop();
        BOOST_TEST(co_await eventually([&] { return run_result != asio::error::would_block; }));
        BOOST_TEST((run_result == asio::error::operation_aborted), run_result.message());
    }

    std::string tweet(std::string text) { return s.server.add_tweet(s.server.default_user_id(), std::move(text)); }
};

asio::awaitable<v2::stream_event> next_event(v2::stream& stream) {
    auto [ec, event] = co_await stream.async_read_event(use_tuple);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    co_return std::move(event);
}

std::string id_of(v2::stream_event const& e) { return e.data ? e.data->id : std::string("<no data>"); }

emu::server_config fast_keep_alives() {
    emu::server_config cfg;
    cfg.stream_keep_alive_interval = std::chrono::milliseconds(20);
    return cfg;
}

}  // namespace

BOOST_AUTO_TEST_CASE(rules_choose_which_tweets_the_filtered_stream_delivers) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        streaming t(sc);
        // Arguments are named, never braced temporaries inside co_await: g++ 12 miscompiles those.
        std::vector<v2::new_rule> const cats_rule{{"cats", "felines"}};
        std::vector<v2::new_rule> const both_rules{{"cats", "felines"}, {"dogs", "canines"}};
        std::vector<std::string> const all_rules;
        // dry_run validates and stores nothing.
        auto [dry_ec, dry] = co_await t.client.async_add_rules(cats_rule, true, use_tuple);
        BOOST_TEST(!dry_ec, dry_ec.message());
        BOOST_TEST_REQUIRE(dry.meta.summary.has_value());
        BOOST_TEST(dry.meta.summary->valid == 1u);
        auto [none_ec, none] = co_await t.client.async_get_rules(all_rules, use_tuple);
        BOOST_TEST(!none_ec, none_ec.message());
        BOOST_TEST(none.data.empty());

        auto [add_ec, added] = co_await t.client.async_add_rules(both_rules, false, use_tuple);
        BOOST_TEST(!add_ec, add_ec.message());
        BOOST_TEST_REQUIRE(added.data.size() == 2u);
        BOOST_TEST(added.meta.summary->created == 2u);
        std::string const cats = added.data[0].value == "cats" ? added.data[0].id : added.data[1].id;

        v2::stream_params params;
        params.fields.expansions = {v2::expansion::author_id};
        v2::stream stream(t.client, v2::filter_stream(params));
        co_await t.start(stream);

        t.tweet("nothing to see here");
        std::string const both = t.tweet("cats and dogs");
        // Posted through the API, by a user, like any bot's audience would.
        twitter::client user(sc.io.get_executor(),
                             std::make_shared<twitter::oauth2_bearer_handler>(sc.server.default_user_token(),
                                                                              twitter::auth_scheme::user_bearer),
                             sc.config());
        twitter::v2::create_tweet_params post;
        post.text = "only cats";
        auto [post_ec, posted] = co_await user.async_create_tweet(post, use_tuple);
        BOOST_TEST_REQUIRE(!post_ec, post_ec.message());

        v2::stream_event const first = co_await next_event(stream);
        BOOST_TEST(id_of(first) == both);
        BOOST_TEST(first.matching_rules.size() == 2u);
        BOOST_TEST_REQUIRE(first.includes.users.size() == 1u);
        BOOST_TEST(first.includes.users[0].id == sc.server.default_user_id());

        v2::stream_event const second = co_await next_event(stream);
        BOOST_TEST(id_of(second) == posted.data->id);
        BOOST_TEST_REQUIRE(second.matching_rules.size() == 1u);
        BOOST_TEST(second.matching_rules[0].id == cats);
        BOOST_TEST(second.matching_rules[0].tag == "felines");

        co_await t.stop(stream);
        BOOST_TEST(stream.stats().events_received == 2u);

        std::vector<std::string> const cats_id{cats};
        auto [del_ec, deleted] = co_await t.client.async_delete_rules(cats_id, false, use_tuple);
        BOOST_TEST(!del_ec, del_ec.message());
        BOOST_TEST(deleted.meta.summary->deleted == 1u);
        auto [left_ec, left] = co_await t.client.async_get_rules(all_rules, use_tuple);
        BOOST_TEST_REQUIRE(left.data.size() == 1u);
        BOOST_TEST(left.data[0].value == "dogs");
    });
}

BOOST_AUTO_TEST_CASE(the_sample_stream_delivers_every_new_tweet_in_order) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        streaming t(sc);
        v2::stream stream(t.client, v2::sample_stream());
        co_await t.start(stream);
        std::vector<std::string> ids;
        for (int i = 0; i < 5; ++i) ids.push_back(t.tweet("sample " + std::to_string(i)));
        for (std::string const& id : ids) {
            v2::stream_event const e = co_await next_event(stream);
            BOOST_TEST(id_of(e) == id);
            BOOST_TEST(e.matching_rules.empty());
        }
        co_await t.stop(stream);
    });
}

BOOST_AUTO_TEST_CASE(keep_alives_are_counted_and_never_delivered) {
    run_scenario(
        1,
        [](scenario sc) -> asio::awaitable<void> {
            streaming t(sc);
            v2::stream stream(t.client, v2::sample_stream());
            co_await t.start(stream);
            BOOST_TEST(co_await eventually([&] { return stream.stats().keep_alives >= 3; }));
            std::string const id = t.tweet("between keep-alives");
            BOOST_TEST(id_of(co_await next_event(stream)) == id);
            auto const stats = stream.stats();
            BOOST_TEST(stats.events_received == 1u);
            BOOST_TEST(stats.malformed_lines == 0u);
            co_await t.stop(stream);
        },
        fast_keep_alives());
}

BOOST_AUTO_TEST_CASE(a_stall_is_detected_and_the_stream_reconnects_at_once) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        sc.server.inject(stream_fault(emu::fault::kind::stall_stream_after_events, 1));
        streaming t(sc);
        v2::stream_config cfg;
        cfg.stall_timeout = std::chrono::milliseconds(200);
        v2::stream stream(t.client, v2::sample_stream(), cfg);
        co_await t.start(stream);
        std::string const before = t.tweet("before the stall");
        BOOST_TEST(id_of(co_await next_event(stream)) == before);

        BOOST_TEST_REQUIRE(co_await eventually([&] { return stream.stats().connections == 2; }));
        BOOST_TEST((stream.stats().last_error == twitter::transport_errc::stream_stalled),
                   stream.stats().last_error.message());
        BOOST_TEST(t.clock->waits().empty());  // a healthy connection that dies is reopened without waiting
        BOOST_TEST_REQUIRE(co_await eventually([&] { return sc.server.open_streams() == 1; }));
        std::string const after = t.tweet("after the stall");
        BOOST_TEST(id_of(co_await next_event(stream)) == after);
        co_await t.stop(stream);
    });
}

BOOST_AUTO_TEST_CASE(a_partial_line_is_dropped_with_its_connection) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        sc.server.inject(stream_fault(emu::fault::kind::partial_line_after_events, 1));
        streaming t(sc);
        v2::stream stream(t.client, v2::sample_stream());
        co_await t.start(stream);
        std::string const whole = t.tweet("arrives whole");
        BOOST_TEST(id_of(co_await next_event(stream)) == whole);
        t.tweet("cut in half");
        BOOST_TEST_REQUIRE(co_await eventually([&] { return stream.stats().connections == 2; }));
        BOOST_TEST_REQUIRE(co_await eventually([&] { return sc.server.open_streams() == 1; }));
        std::string const next = t.tweet("on the new connection");
        BOOST_TEST(id_of(co_await next_event(stream)) == next);
        BOOST_TEST(stream.stats().malformed_lines == 0u);  // the half line was never parsed
        co_await t.stop(stream);
    });
}

BOOST_AUTO_TEST_CASE(backfill_sends_again_what_a_dropped_connection_missed) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        sc.server.inject(stream_fault(emu::fault::kind::drop_stream_after_events, 1));
        streaming t(sc);
        v2::stream_params params;
        params.backfill_minutes = 1;
        v2::stream stream(t.client, v2::sample_stream(params));
        co_await t.start(stream);
        std::string const first = t.tweet("first");
        BOOST_TEST(id_of(co_await next_event(stream)) == first);
        BOOST_TEST_REQUIRE(co_await eventually([&] { return stream.stats().connections == 2; }));
        // The reconnection asked for the last minute again: the first Tweet comes twice, as X warns.
        BOOST_TEST(id_of(co_await next_event(stream)) == first);
        co_await t.stop(stream);
        bool asked = false;
        for (auto const& r : sc.server.request_log())
            asked = asked || r.target.find("backfill_minutes=1") != std::string::npos;
        BOOST_TEST(asked);
    });
}

BOOST_AUTO_TEST_CASE(an_operational_disconnect_is_delivered_then_the_stream_reconnects) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        sc.server.inject(stream_fault(emu::fault::kind::operational_disconnect_after_events, 0));
        streaming t(sc);
        v2::stream stream(t.client, v2::sample_stream());
        co_await t.start(stream);
        v2::stream_event const notice = co_await next_event(stream);
        BOOST_TEST(!notice.data.has_value());
        BOOST_TEST_REQUIRE(notice.errors.size() == 1u);
        BOOST_TEST(notice.errors[0].title == "operational-disconnect");
        BOOST_TEST_REQUIRE(co_await eventually([&] { return stream.stats().connections == 2; }));
        BOOST_TEST_REQUIRE(co_await eventually([&] { return sc.server.open_streams() == 1; }));
        std::string const id = t.tweet("after the disconnect");
        BOOST_TEST(id_of(co_await next_event(stream)) == id);
        co_await t.stop(stream);
    });
}

BOOST_AUTO_TEST_CASE(one_connection_too_many_waits_a_minute_then_doubles) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        streaming t(sc);
        v2::stream first(t.client, v2::filter_stream());
        co_await t.start(first);

        v2::stream_config cfg;
        cfg.reconnect.max_retries = 2;
        v2::stream second(t.client, v2::filter_stream(), cfg);
        twitter::diagnostics diag;
        auto [ec] = co_await second.async_run(diag, use_tuple);
        BOOST_TEST((ec == twitter::api_errc::too_many_requests), ec.message());
        BOOST_TEST_REQUIRE(diag.errors.size() == 1u);
        BOOST_TEST(diag.errors[0].title == "ConnectionException");
        BOOST_TEST(t.clock->waits().size() == 2u);
        if (t.clock->waits().size() == 2u) {
            BOOST_TEST(t.clock->waits()[0].count() == 60000);
            BOOST_TEST(t.clock->waits()[1].count() == 120000);
        }
        BOOST_TEST(sc.server.stats().streams_refused_too_many == 3u);

        co_await t.stop(first);
        BOOST_TEST_REQUIRE(co_await eventually([&] { return sc.server.open_streams() == 0; }));
        v2::stream third(t.client, v2::filter_stream());
        t.run_result = asio::error::would_block;
        co_await t.start(third);
        co_await t.stop(third);
    });
}

BOOST_AUTO_TEST_CASE(a_slow_consumer_holds_the_buffer_at_its_capacity_and_loses_nothing) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        streaming t(sc);
        v2::stream_config cfg;
        cfg.buffer_capacity = 4;
        v2::stream stream(t.client, v2::sample_stream(), cfg);
        co_await t.start(stream);
        std::vector<std::string> ids;
        for (int i = 0; i < 200; ++i) ids.push_back(t.tweet("burst " + std::to_string(i)));
        asio::steady_timer slow(sc.io);
        for (std::string const& id : ids) {
            slow.expires_after(std::chrono::microseconds(200));
            co_await slow.async_wait(asio::use_awaitable);
            v2::stream_event const e = co_await next_event(stream);
            BOOST_TEST(id_of(e) == id);
            BOOST_TEST(e.dropped_before == 0u);
        }
        auto const stats = stream.stats();
        BOOST_TEST(stats.max_buffered == 4u);  // the reader was ahead, filled the buffer, and waited
        BOOST_TEST(stats.events_dropped == 0u);
        BOOST_TEST(stats.events_delivered == 200u);
        co_await t.stop(stream);
    });
}

BOOST_AUTO_TEST_CASE(dropping_the_oldest_keeps_the_freshest_and_counts_the_rest) {
    run_scenario(1, [](scenario sc) -> asio::awaitable<void> {
        streaming t(sc);
        v2::stream_config cfg;
        cfg.buffer_capacity = 4;
        cfg.overflow = v2::when_full::drop_oldest;
        v2::stream stream(t.client, v2::sample_stream(), cfg);
        co_await t.start(stream);
        std::vector<std::string> ids;
        for (int i = 0; i < 100; ++i) ids.push_back(t.tweet("flood " + std::to_string(i)));
        BOOST_TEST_REQUIRE(co_await eventually([&] { return stream.stats().events_received == 100; }));

        auto const stats = stream.stats();
        BOOST_TEST(stats.events_dropped == 96u);
        BOOST_TEST(stats.max_buffered == 4u);
        v2::stream_event const oldest_kept = co_await next_event(stream);
        BOOST_TEST(id_of(oldest_kept) == ids[96]);
        BOOST_TEST(oldest_kept.dropped_before == 96u);
        for (std::size_t i = 97; i < 100; ++i) {
            v2::stream_event const e = co_await next_event(stream);
            BOOST_TEST(id_of(e) == ids[i]);
            BOOST_TEST(e.dropped_before == 0u);
        }
        BOOST_TEST(stream.stats().events_delivered + stream.stats().events_dropped == 100u);
        co_await t.stop(stream);
    });
}

BOOST_AUTO_TEST_SUITE_END()
