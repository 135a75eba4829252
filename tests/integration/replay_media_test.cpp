// The recorded media uploads (testmediaupload{mp4,png,gif}.json, Tweepy's cassettes against the real API)
// replayed by the emulator: the SDK must send what Tweepy sent, step for step, and read X's real answers.

#include <twitter/media.hpp>

#include "integration/media_scenario.hpp"
#include "integration/scenario.hpp"
#include "print_error_enums.hpp"
#include "recorded_fixtures.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using test::run_scenario;
using test::scenario;
namespace asio = boost::asio;

auto const tuple = asio::as_tuple(asio::deferred);

std::vector<test::recorded_response> recorded(std::string const& file) {
    std::vector<test::recorded_response> out;
    for (auto const& r : test::recorded_responses())
        if (r.file == file) out.push_back(r);
    BOOST_TEST_REQUIRE(!out.empty(), "no recorded exchanges in " << file);
    return out;
}

std::vector<twitter::emulator::recorded_exchange> exchanges_of(std::vector<test::recorded_response> const& rs) {
    std::vector<twitter::emulator::recorded_exchange> out;
    for (auto const& r : rs) {
        twitter::emulator::recorded_exchange e;
        e.method = r.request_method;
        e.target = r.request_uri;
        e.status = static_cast<unsigned>(r.status);
        for (auto const& h : r.headers) e.headers.emplace_back(h.name, h.value);
        e.body = r.body.value_or("");
        out.push_back(std::move(e));
    }
    return out;
}

// "https://upload.twitter.com/1.1/media/upload.json" -> "/1.1/media/upload.json"
std::string path_of(std::string const& uri) {
    auto const scheme = uri.find("://");
    auto const slash = uri.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return uri.substr(slash, uri.find('?') - slash);
}

// The fixtures keep a binary request body as "<binary N bytes omitted>".
std::size_t omitted_size(std::optional<std::string> const& body) {
    BOOST_TEST_REQUIRE(body.has_value());
    BOOST_TEST_REQUIRE(body->starts_with("<binary "));
    return std::stoul(body->substr(8));
}

// Every outgoing request went where the recording says, and each was answered from the recording.
void check_replayed(scenario const& s, std::vector<test::recorded_response> const& rs,
                    std::vector<test::upload_call> const& calls) {
    BOOST_TEST_REQUIRE(calls.size() == rs.size());
    for (std::size_t i = 0; i < rs.size(); ++i) {
        BOOST_TEST(calls[i].method == rs[i].request_method);
        BOOST_TEST(calls[i].path == path_of(rs[i].request_uri));
        BOOST_TEST(calls[i].query.empty());
    }
    BOOST_TEST(s.server.stats().replayed == rs.size());
    BOOST_TEST(s.server.stats().replay_misses == 0u);
    BOOST_TEST(s.server.pending_replays() == 0u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(replay_media)

BOOST_AUTO_TEST_CASE(chunked_mp4_upload_sends_what_tweepy_sent) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const rs = recorded("testmediauploadmp4.json");
        BOOST_TEST_REQUIRE(rs.size() == 4u);
        s.server.replay(exchanges_of(rs));
        auto a = test::oauth1_api(s, s.config());
        twitter::media_upload_params params;
        params.media_type = "video/mp4";
        params.chunk_size = 1024 * 1024;  // Tweepy's chunk size, which made the two recorded APPENDs
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(test::pattern_bytes(1577963), "video.mp4"), params, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());

        auto const calls = test::upload_calls(s.server);
        check_replayed(s, rs, calls);
        std::string const id = "1349803915521482754";  // from the recorded INIT answer

        // INIT: the recorded form, plus the category X now wants for async processing.
        auto const& recorded_init = rs[0].request_body.value();
        BOOST_TEST(calls[0].command == "INIT");
        BOOST_TEST(calls[0].total_bytes == test::form_value(recorded_init, "total_bytes"));
        BOOST_TEST(calls[0].media_type == test::form_value(recorded_init, "media_type"));
        BOOST_TEST(calls[0].media_category == "tweet_video");

        // APPEND: multipart, with the media id X gave and the segments in order.
        for (std::size_t i : {1u, 2u}) {
            BOOST_TEST(calls[i].content_type.starts_with("multipart/form-data; boundary="));
            BOOST_TEST(calls[i].command == "APPEND");
            BOOST_TEST(calls[i].media_id == id);
            BOOST_TEST(calls[i].segment_index == std::to_string(i - 1));
        }
        BOOST_TEST(calls[1].media.value_or("").size() == 1048576u);
        BOOST_TEST(calls[2].media.value_or("").size() == 1577963u - 1048576u);
        // The recorded bodies differ by exactly the difference of the chunks: the same cut as Tweepy's.
        BOOST_TEST(omitted_size(rs[1].request_body) - omitted_size(rs[2].request_body) ==
                   calls[1].media.value_or("").size() - calls[2].media.value_or("").size());

        auto const& recorded_finalize = rs[3].request_body.value();
        BOOST_TEST(calls[3].command == "FINALIZE");
        BOOST_TEST(calls[3].media_id == test::form_value(recorded_finalize, "media_id"));

        // The typed result is the recorded FINALIZE answer.
        BOOST_TEST(media.media_id == id);
        BOOST_TEST(media.size == 1577963u);
        BOOST_TEST((media.expires_after == 86400s));
        BOOST_TEST(media.video_type == "video/mp4");
        BOOST_TEST(!media.processing.has_value());  // synchronous: no STATUS poll was needed
    });
}

BOOST_AUTO_TEST_CASE(simple_png_upload_sends_what_tweepy_sent) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const rs = recorded("testmediauploadpng.json");
        BOOST_TEST_REQUIRE(rs.size() == 1u);
        s.server.replay(exchanges_of(rs));
        auto a = test::oauth1_api(s, s.config());
        std::string data = test::pattern_bytes(3844);
        data.replace(0, 8, std::string("\x89PNG\r\n\x1a\n", 8));
        twitter::media_upload_params defaults;  // g++ 12: no braced temporaries inside co_await
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(data, "assets/banner.png"), defaults, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());

        auto const calls = test::upload_calls(s.server);
        check_replayed(s, rs, calls);
        BOOST_TEST(calls[0].content_type.starts_with("multipart/form-data; boundary="));
        BOOST_TEST(calls[0].command.empty());
        BOOST_TEST(calls[0].media_id.empty());
        BOOST_TEST((calls[0].media == data));
        // Tweepy's multipart body was 3991 bytes around the same 3844 bytes of media.
        BOOST_TEST(omitted_size(rs[0].request_body) > data.size());

        BOOST_TEST(media.media_id == "1349010955083132928");
        BOOST_TEST(media.size == 3844u);
        BOOST_TEST((media.expires_after == 86400s));
        BOOST_TEST_REQUIRE(media.image.has_value());
        BOOST_TEST(media.image->image_type == "image/png");
        BOOST_TEST(media.image->width == 1252u);
        BOOST_TEST(media.image->height == 626u);
    });
}

BOOST_AUTO_TEST_CASE(simple_gif_upload_sends_what_tweepy_sent) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto const rs = recorded("testmediauploadgif.json");
        BOOST_TEST_REQUIRE(rs.size() == 1u);
        s.server.replay(exchanges_of(rs));
        auto a = test::oauth1_api(s, s.config());
        std::string data = test::pattern_bytes(1021636);
        data.replace(0, 6, "GIF89a");
        twitter::media_upload_params defaults;
        auto [ec, media] = co_await twitter::async_upload_media(
            a, twitter::media_source::from_bytes(data, "animated.gif"), defaults, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());

        auto const calls = test::upload_calls(s.server);
        check_replayed(s, rs, calls);
        BOOST_TEST(calls[0].command.empty());
        BOOST_TEST(calls[0].media.value_or("").size() == data.size());

        BOOST_TEST(media.media_id == "1349010951484399617");
        BOOST_TEST(media.size == 1021636u);
        BOOST_TEST_REQUIRE(media.image.has_value());
        BOOST_TEST(media.image->image_type == "image/gif");
        BOOST_TEST(media.image->width == 320u);
        BOOST_TEST(media.image->height == 240u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
