#include <twitter/media.hpp>

#include "integration/media_scenario.hpp"
#include "integration/scenario.hpp"
#include "mock_clock.hpp"
#include "print_error_enums.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using test::run_scenario;
using test::scenario;
namespace asio = boost::asio;

constexpr std::size_t mib = 1024 * 1024;
auto const tuple = asio::as_tuple(asio::deferred);

// Asio 1.81 cannot bind a slot to deferred: the cancellable calls are awaited directly.
auto cancellable(asio::cancellation_slot slot) {
    return asio::as_tuple(asio::bind_cancellation_slot(slot, asio::use_awaitable));
}

struct progress_log {
    std::vector<std::uint64_t> sent;
    std::uint64_t total = 0;
};

twitter::media_upload_params video(std::shared_ptr<progress_log> const& progress = nullptr) {
    twitter::media_upload_params p;
    p.media_type = "video/mp4";
    if (progress)
        p.on_progress = [progress](std::uint64_t sent, std::uint64_t total) {
            progress->sent.push_back(sent);
            progress->total = total;
        };
    return p;
}

twitter::client_config with_clock(scenario const& s, std::shared_ptr<twitter::clock> clock) {
    auto cfg = s.config();
    cfg.clock = std::move(clock);
    return cfg;
}

// Bytes that start as an ISO media file, so that the emulator (and the SDK) take them for an MP4.
std::string mp4_bytes(std::size_t n) {
    std::string data = test::pattern_bytes(n);
    std::string const head("\0\0\0\x20" "ftypisom", 12);
    data.replace(0, head.size(), head);
    return data;
}

// A PNG signature and IHDR chunk of the given size, then filler: enough for X (and the emulator) to read.
std::string png_bytes(unsigned width, unsigned height, std::size_t n) {
    std::string data("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (unsigned v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) data += static_cast<char>((v >> shift) & 0xff);
    data += std::string("\x08\x06\0\0\0", 5);
    data += test::pattern_bytes(n > data.size() ? n - data.size() : 0);
    return data;
}

twitter::http::request post_tweet_with(std::string const& media_id) {
    twitter::http::request req;
    req.method = twitter::http::verb::post;
    req.target = "/2/tweets";
    req.kind = twitter::http::body_kind::json;
    req.body = R"({"text":"a post with media","media":{"media_ids":[")" + media_id + R"("]}})";
    req.auth = twitter::http::auth_mode::user;
    return req;
}

std::vector<test::upload_call> appends_of(std::vector<test::upload_call> const& calls) {
    std::vector<test::upload_call> out;
    for (auto const& c : calls)
        if (c.command == "APPEND") out.push_back(c);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(media_upload)

BOOST_AUTO_TEST_CASE(twenty_mib_go_up_in_chunks_with_progress_and_then_into_a_post) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto clock = std::make_shared<test::mock_clock>();
        auto a = test::oauth1_api(s, with_clock(s, clock));
        auto const data = std::make_shared<std::string const>(mp4_bytes(20 * mib));
        auto progress = std::make_shared<progress_log>();

        twitter::diagnostics diag;
        auto [ec, media] = co_await twitter::async_upload_media(a, twitter::media_source::from_bytes(data, "clip.mp4"),
                                                                video(progress), diag, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << diag);
        BOOST_TEST(!media.media_id.empty());
        BOOST_TEST(media.size == 20 * mib);
        BOOST_TEST_REQUIRE(media.processing.has_value());
        BOOST_TEST(media.processing->state == twitter::processing_state::succeeded);

        // One report per acknowledged chunk: monotonic, ending at the full size.
        BOOST_TEST(progress->total == 20 * mib);
        BOOST_TEST((progress->sent == std::vector<std::uint64_t>{4 * mib, 8 * mib, 12 * mib, 16 * mib, 20 * mib}));
        BOOST_TEST(std::is_sorted(progress->sent.begin(), progress->sent.end()));

        auto const calls = test::upload_calls(s.server);
        BOOST_TEST_REQUIRE(!calls.empty());
        BOOST_TEST(calls.front().command == "INIT");
        BOOST_TEST(calls.front().path == "/1.1/media/upload.json");
        BOOST_TEST(calls.front().total_bytes == std::to_string(20 * mib));
        BOOST_TEST(calls.front().media_type == "video/mp4");
        BOOST_TEST(calls.front().media_category == "tweet_video");
        auto const appends = appends_of(calls);
        BOOST_TEST_REQUIRE(appends.size() == 5u);
        for (std::size_t i = 0; i < appends.size(); ++i) {
            BOOST_TEST(appends[i].method == "POST");
            BOOST_TEST(appends[i].media_id == media.media_id);
            BOOST_TEST(appends[i].segment_index == std::to_string(i));
            BOOST_TEST_REQUIRE(appends[i].media.has_value());
            BOOST_TEST((*appends[i].media == data->substr(i * 4 * mib, 4 * mib)), "segment " << i << " differs");
        }
        BOOST_TEST(test::count_command(calls, "FINALIZE") == 1u);
        // The emulator processes a video over two STATUS polls, each after check_after_secs (1 s).
        BOOST_TEST(test::count_command(calls, "STATUS") == 2u);
        BOOST_TEST(calls.back().command == "STATUS");
        BOOST_TEST(calls.back().method == "GET");
        BOOST_TEST((clock->waits() == std::vector<std::chrono::milliseconds>{1s, 1s}));

        auto [tec, tweet] = co_await a.get_client().async_request(post_tweet_with(media.media_id), tuple);
        BOOST_TEST_REQUIRE(!tec, tec.message());
        BOOST_TEST(tweet.status == 201u);
        BOOST_TEST(boost::json::parse(tweet.body).at("data").as_object().contains("id"));
    });
}

BOOST_AUTO_TEST_CASE(a_file_is_uploaded_from_disk) {
    auto const path = std::filesystem::temp_directory_path() / "twitter_media_upload_test.mp4";
    std::string const data = mp4_bytes(9 * mib + 123);
    {
        std::ofstream out(path, std::ios::binary);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
    }
    run_scenario(1, [&](scenario s) -> asio::awaitable<void> {
        auto a = test::oauth1_api(s, with_clock(s, std::make_shared<test::mock_clock>()));
        twitter::media_upload_params params;  // the type comes from the file's first bytes
        params.chunk_size = 2 * mib;
        auto [ec, media] =
            co_await twitter::async_upload_media(a, twitter::media_source::from_file(path), params, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(media.size == data.size());
        BOOST_TEST(media.video_type == "video/mp4");
        auto const calls = test::upload_calls(s.server);
        BOOST_TEST(calls.front().media_type == "video/mp4");
        auto const appends = appends_of(calls);
        BOOST_TEST_REQUIRE(appends.size() == 5u);
        std::string received;
        for (auto const& c : appends) received += c.media.value_or("");
        BOOST_TEST((received == data));
        BOOST_TEST(appends.back().media.value_or("").size() == 1 * mib + 123);
    });
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(a_failed_append_names_its_segment_and_keeps_x_s_error) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        // INIT is the first request to the path, so the third APPEND (segment 2) is the fourth.
        twitter::emulator::fault f;
        f.path = "/1.1/media/upload.json";
        f.nth = 4;
        f.status = 400;
        f.headers = {{"content-type", "application/json; charset=utf-8"}};
        f.body = R"({"errors":[{"code":324,"message":"Segments do not add up to provided total file size."}]})";
        s.server.inject(f);
        auto a = test::oauth1_api(s, with_clock(s, std::make_shared<test::mock_clock>()));
        auto params = video();
        params.chunk_size = 1 * mib;
        twitter::diagnostics diag;
        bool thrown = false;
        try {
            co_await twitter::async_upload_media(a, twitter::media_source::from_bytes(mp4_bytes(5 * mib)), params,
                                                 diag);
        } catch (twitter::bad_request const& e) {
            thrown = true;
            BOOST_TEST(e.code() == twitter::api_errc::bad_request);
            BOOST_TEST(e.status() == 400u);
            BOOST_TEST(e.diag().message.find("APPEND of segment 2 of 5") != std::string::npos, e.diag().message);
            BOOST_TEST_REQUIRE(e.diag().errors.size() == 1u);
            BOOST_TEST(e.diag().errors[0].code.value_or(0) == 324);
        }
        BOOST_TEST(thrown);
        BOOST_TEST(diag.http_status == 400u);
        BOOST_TEST(diag.message.find("segment 2") != std::string::npos);

        auto const calls = test::upload_calls(s.server);
        BOOST_TEST(appends_of(calls).size() == 3u);  // a 400 is not sent again
        BOOST_TEST(test::count_command(calls, "FINALIZE") == 0u);
    });
}

BOOST_AUTO_TEST_CASE(an_append_answered_503_is_sent_again_after_a_backoff_on_the_clock) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::emulator::fault f;
        f.path = "/1.1/media/upload.json";
        f.nth = 3;  // the second APPEND, segment 1
        f.status = 503;
        s.server.inject(f);
        auto clock = std::make_shared<test::mock_clock>();
        auto cfg = with_clock(s, clock);
        cfg.retry.max_retries = 2;
        cfg.retry.backoff = {250ms, 2.0, 8s, 0.0};
        auto a = test::oauth1_api(s, cfg);
        auto progress = std::make_shared<progress_log>();
        auto params = video(progress);
        params.chunk_size = 1 * mib;
        params.wait_for_processing = false;
        auto const data = mp4_bytes(3 * mib);

        auto [ec, media] =
            co_await twitter::async_upload_media(a, twitter::media_source::from_bytes(data), params, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(s.server.stats().faults_fired == 1u);
        auto const appends = appends_of(test::upload_calls(s.server));
        BOOST_TEST_REQUIRE(appends.size() == 4u);
        std::vector<std::string> segments;
        for (auto const& c : appends) segments.push_back(c.segment_index);
        BOOST_TEST((segments == std::vector<std::string>{"0", "1", "1", "2"}));
        BOOST_TEST((*appends[1].media == *appends[2].media));
        BOOST_TEST((clock->waits() == std::vector<std::chrono::milliseconds>{250ms}));
        BOOST_TEST((progress->sent == std::vector<std::uint64_t>{1 * mib, 2 * mib, 3 * mib}));
        BOOST_TEST(media.processing.has_value());  // not waited for: still as FINALIZE said
    });
}

BOOST_AUTO_TEST_CASE(an_append_that_keeps_failing_gives_up_after_max_retries) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        twitter::emulator::fault f;
        f.path = "/1.1/media/upload.json";
        f.nth = 2;
        f.count = 0;  // every request from the first APPEND on
        f.status = 503;
        s.server.inject(f);
        auto clock = std::make_shared<test::mock_clock>();
        auto cfg = with_clock(s, clock);
        cfg.retry.max_retries = 2;
        cfg.retry.backoff = {100ms, 2.0, 8s, 0.0};
        auto a = test::oauth1_api(s, cfg);
        twitter::diagnostics diag;
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(mp4_bytes(2 * mib)), video(), diag, tuple);
        BOOST_TEST(ec == twitter::api_errc::server_error);
        BOOST_TEST(diag.http_status == 503u);
        BOOST_TEST(diag.message.find("APPEND of segment 0 of 1") != std::string::npos, diag.message);
        BOOST_TEST(diag.message.find("after 2 retries") != std::string::npos, diag.message);
        BOOST_TEST(!media.media_id.empty());  // INIT got that far
        BOOST_TEST(appends_of(test::upload_calls(s.server)).size() == 3u);
        BOOST_TEST((clock->waits() == std::vector<std::chrono::milliseconds>{100ms, 200ms}));
    });
}

BOOST_AUTO_TEST_CASE(processing_is_polled_until_it_succeeds_on_a_mock_clock) {
    twitter::emulator::server_config cfg;
    cfg.media_processing_polls = 4;
    run_scenario(
        1,
        [](scenario s) -> asio::awaitable<void> {
            auto clock = std::make_shared<test::mock_clock>();
            auto a = test::oauth1_api(s, with_clock(s, clock));
            auto const started = std::chrono::steady_clock::now();
            auto [ec, media] = co_await twitter::async_upload_media(
                a, twitter::media_source::from_bytes(mp4_bytes(100000)), video(), tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            BOOST_TEST_REQUIRE(media.processing.has_value());
            BOOST_TEST(media.processing->state == twitter::processing_state::succeeded);
            BOOST_TEST(media.processing->progress_percent.value_or(0) == 100);
            auto const calls = test::upload_calls(s.server);
            BOOST_TEST(test::count_command(calls, "STATUS") == 4u);
            for (auto const& c : calls)
                if (c.command == "STATUS") BOOST_TEST(c.media_id == media.media_id);
            BOOST_TEST((clock->waits() == std::vector<std::chrono::milliseconds>{1s, 1s, 1s, 1s}));
            // Four seconds of X's time, none of ours.
            BOOST_TEST((std::chrono::steady_clock::now() - started < 4s));
        },
        cfg);
}

BOOST_AUTO_TEST_CASE(processing_that_outlasts_max_processing_wait_times_out) {
    twitter::emulator::server_config cfg;
    cfg.media_processing_polls = 50;
    run_scenario(
        1,
        [](scenario s) -> asio::awaitable<void> {
            auto clock = std::make_shared<test::mock_clock>();
            auto a = test::oauth1_api(s, with_clock(s, clock));
            auto params = video();
            params.max_processing_wait = 3s;
            twitter::diagnostics diag;
            auto [ec, media] = co_await twitter::async_upload_media(
                a, twitter::media_source::from_bytes(mp4_bytes(1000)), params, diag, tuple);
            BOOST_TEST(ec == twitter::media_errc::processing_timeout);
            BOOST_TEST(!media.media_id.empty());
            BOOST_TEST(diag.message.find(media.media_id) != std::string::npos, diag.message);
            auto const waits = clock->waits();
            BOOST_TEST((std::accumulate(waits.begin(), waits.end(), std::chrono::milliseconds(0)) == 3s));
            BOOST_TEST(test::count_command(test::upload_calls(s.server), "STATUS") == 3u);
        },
        cfg);
}

BOOST_AUTO_TEST_CASE(processing_that_fails_reports_x_s_error) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        // INIT, APPEND, FINALIZE, then the first STATUS says X gave up.
        twitter::emulator::fault f;
        f.path = "/1.1/media/upload.json";
        f.nth = 4;
        f.status = 200;
        f.headers = {{"content-type", "application/json;charset=utf-8"}};
        f.body = R"({"media_id":1,"media_id_string":"1","processing_info":{"state":"failed","progress_percent":12,
                    "error":{"code":1,"name":"InvalidMedia","message":"Unsupported video format"}}})";
        s.server.inject(f);
        auto a = test::oauth1_api(s, with_clock(s, std::make_shared<test::mock_clock>()));
        twitter::diagnostics diag;
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(mp4_bytes(1000)), video(), diag, tuple);
        BOOST_TEST(ec == twitter::media_errc::processing_failed);
        BOOST_TEST_REQUIRE(media.processing.has_value());
        BOOST_TEST(media.processing->state == twitter::processing_state::failed);
        BOOST_TEST_REQUIRE(diag.errors.size() == 1u);
        BOOST_TEST(diag.errors[0].code.value_or(0) == 1);
        BOOST_TEST(diag.errors[0].title == "InvalidMedia");
        BOOST_TEST(diag.errors[0].detail == "Unsupported video format");
    });
}

BOOST_AUTO_TEST_CASE(cancelling_during_a_processing_wait_stops_the_upload) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto clock = std::make_shared<test::holding_clock>();
        asio::cancellation_signal cancel;
        clock->on_hold = [&cancel] { cancel.emit(asio::cancellation_type::terminal); };
        auto a = test::oauth1_api(s, with_clock(s, clock));
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(mp4_bytes(1000)), video(),
            cancellable(cancel.slot()));
        BOOST_TEST(ec == asio::error::operation_aborted);
        BOOST_TEST(clock->waits.size() == 1u);
        BOOST_TEST(clock->held == 0);
        auto const calls = test::upload_calls(s.server);
        BOOST_TEST(test::count_command(calls, "FINALIZE") == 1u);
        BOOST_TEST(test::count_command(calls, "STATUS") == 0u);
    });
}

BOOST_AUTO_TEST_CASE(cancelling_between_chunks_stops_before_the_next_append) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto a = test::oauth1_api(s, with_clock(s, std::make_shared<test::mock_clock>()));
        asio::cancellation_signal cancel;
        auto params = video();
        params.chunk_size = 1 * mib;
        params.on_progress = [&cancel](std::uint64_t, std::uint64_t) {
            cancel.emit(asio::cancellation_type::terminal);
        };
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(mp4_bytes(3 * mib)), params,
            cancellable(cancel.slot()));
        BOOST_TEST(ec == asio::error::operation_aborted);
        auto const calls = test::upload_calls(s.server);
        BOOST_TEST(appends_of(calls).size() == 1u);
        BOOST_TEST(test::count_command(calls, "FINALIZE") == 0u);
    });
}

BOOST_AUTO_TEST_CASE(an_empty_or_untyped_media_fails_before_anything_is_sent) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto a = test::oauth1_api(s, s.config());
        bool thrown = false;
        try {
            co_await twitter::async_upload_media(a, twitter::media_source::from_bytes(std::string()), video());
        } catch (twitter::error const& e) {
            thrown = true;
            BOOST_TEST(e.code() == twitter::media_errc::empty_media);
        }
        BOOST_TEST(thrown);
        twitter::media_upload_params untyped;
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(std::string("plain text"), "notes"), untyped, tuple);
        BOOST_TEST(ec == twitter::media_errc::unknown_media_type);
        BOOST_TEST(test::upload_calls(s.server).empty());
    });
}

BOOST_AUTO_TEST_CASE(a_small_image_goes_up_in_one_request) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto a = test::oauth1_api(s, s.config());
        auto progress = std::make_shared<progress_log>();
        twitter::media_upload_params params;
        params.on_progress = [progress](std::uint64_t sent, std::uint64_t total) {
            progress->sent.push_back(sent);
            progress->total = total;
        };
        auto const data = png_bytes(1252, 626, 3844);
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(data, "shot.png"), params, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(media.size == 3844u);
        BOOST_TEST(!media.processing.has_value());
        BOOST_TEST_REQUIRE(media.image.has_value());
        BOOST_TEST(media.image->image_type == "image/png");
        BOOST_TEST(media.image->width == 1252u);
        BOOST_TEST(media.image->height == 626u);
        BOOST_TEST((progress->sent == std::vector<std::uint64_t>{3844}));
        auto const calls = test::upload_calls(s.server);
        BOOST_TEST_REQUIRE(calls.size() == 1u);
        BOOST_TEST(calls[0].command.empty());
        BOOST_TEST((calls[0].media == data));
    });
}

BOOST_AUTO_TEST_CASE(v2_chunked_upload_of_a_video_then_a_post) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto clock = std::make_shared<test::mock_clock>();
        auto c = test::user_token_client(s, with_clock(s, clock));
        auto progress = std::make_shared<progress_log>();
        auto const data = mp4_bytes(9 * mib);
        twitter::diagnostics diag;
        auto [ec, media] = co_await twitter::v2::async_upload_media(
            c, twitter::media_source::from_bytes(data), video(progress), diag, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << diag);
        BOOST_TEST(!media.media_id.empty());
        BOOST_TEST(media.media_key.ends_with(media.media_id));
        BOOST_TEST_REQUIRE(media.processing.has_value());
        BOOST_TEST(media.processing->state == twitter::processing_state::succeeded);
        BOOST_TEST((progress->sent == std::vector<std::uint64_t>{4 * mib, 8 * mib, 9 * mib}));

        auto const calls = test::upload_calls(s.server);
        BOOST_TEST_REQUIRE(calls.size() >= 5u);
        BOOST_TEST(calls[0].path == "/2/media/upload/initialize");
        auto const init = boost::json::parse(calls[0].body);
        BOOST_TEST(init.at("media_type").as_string() == "video/mp4");
        BOOST_TEST(init.at("total_bytes").to_number<std::uint64_t>() == 9 * mib);
        BOOST_TEST(init.at("media_category").as_string() == "tweet_video");
        auto const appends = appends_of(calls);
        BOOST_TEST_REQUIRE(appends.size() == 3u);
        for (std::size_t i = 0; i < appends.size(); ++i) {
            BOOST_TEST(appends[i].path == "/2/media/upload/" + media.media_id + "/append");
            BOOST_TEST(appends[i].segment_index == std::to_string(i));
            BOOST_TEST((appends[i].media == data.substr(i * 4 * mib, 4 * mib)));
        }
        BOOST_TEST(calls[4].path == "/2/media/upload/" + media.media_id + "/finalize");
        BOOST_TEST(test::count_command(calls, "STATUS") == 2u);
        BOOST_TEST(calls.back().path == "/2/media/upload");
        BOOST_TEST(calls.back().method == "GET");
        BOOST_TEST(calls.back().media_id == media.media_id);

        auto [tec, tweet] = co_await c.async_request(post_tweet_with(media.media_id), tuple);
        BOOST_TEST_REQUIRE(!tec, tec.message());
        BOOST_TEST(tweet.status == 201u);
    });
}

BOOST_AUTO_TEST_CASE(v2_one_shot_upload_of_a_small_image) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto c = test::user_token_client(s, s.config());
        auto const data = png_bytes(320, 240, 5000);
        twitter::media_upload_params defaults;  // g++ 12: no braced temporaries inside co_await
        auto [ec, media] = co_await twitter::v2::async_upload_media(
            c, twitter::media_source::from_bytes(data, "a.png"), defaults, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(!media.media_id.empty());
        BOOST_TEST(!media.media_key.empty());
        auto const calls = test::upload_calls(s.server);
        BOOST_TEST_REQUIRE(calls.size() == 1u);
        BOOST_TEST(calls[0].method == "POST");
        BOOST_TEST(calls[0].path == "/2/media/upload");
        BOOST_TEST(calls[0].media_category == "tweet_image");
        BOOST_TEST(calls[0].media_type == "image/png");
        BOOST_TEST((calls[0].media == data));

        auto [tec, tweet] = co_await c.async_request(post_tweet_with(media.media_id), tuple);
        BOOST_TEST_REQUIRE(!tec, tec.message());
        BOOST_TEST(tweet.status == 201u);
    });
}

BOOST_AUTO_TEST_CASE(media_upload_needs_user_context) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto c = s.app_client();  // app-only bearer: no user to own the media
        twitter::diagnostics diag;
        auto [ec, media] = co_await twitter::v2::async_upload_media(
            c, twitter::media_source::from_bytes(mp4_bytes(1000)), video(), diag, tuple);
        BOOST_TEST(ec == twitter::client_errc::missing_credential);
        BOOST_TEST(diag.message.find("INIT") != std::string::npos, diag.message);
        BOOST_TEST(test::upload_calls(s.server).empty());
    });
}

BOOST_AUTO_TEST_SUITE_END()
