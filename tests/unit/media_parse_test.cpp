#include "media/parse.hpp"

#include "print_error_enums.hpp"
#include "recorded_fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(media_parse)

namespace {
using namespace std::chrono_literals;
using twitter::processing_state;
using twitter::protocol_errc;
using twitter::media::parse_v1_media;
using twitter::media::parse_v2_media;

std::vector<test::recorded_response> recorded(std::string const& file) {
    std::vector<test::recorded_response> out;
    for (auto const& r : test::recorded_responses())
        if (r.file == file) out.push_back(r);
    return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(recorded_init_and_finalize_of_an_mp4) {
    auto const exchanges = recorded("testmediauploadmp4.json");
    BOOST_TEST_REQUIRE(exchanges.size() == 4u);
    BOOST_TEST(exchanges[0].status == 202);
    auto const init = parse_v1_media(exchanges[0].body.value());
    BOOST_TEST_REQUIRE(init.has_value());
    BOOST_TEST(init->media_id == "1349803915521482754");
    BOOST_TEST((init->expires_after == 86400s));
    BOOST_TEST(!init->processing.has_value());

    BOOST_TEST(exchanges[3].status == 201);
    auto const finalized = parse_v1_media(exchanges[3].body.value());
    BOOST_TEST_REQUIRE(finalized.has_value());
    BOOST_TEST(finalized->media_id == "1349803915521482754");
    BOOST_TEST(finalized->size == 1577963u);
    BOOST_TEST(finalized->video_type == "video/mp4");
    BOOST_TEST(!finalized->image.has_value());
}

BOOST_AUTO_TEST_CASE(recorded_simple_uploads_of_a_png_and_a_gif) {
    auto const png = recorded("testmediauploadpng.json");
    BOOST_TEST_REQUIRE(png.size() == 1u);
    auto const p = parse_v1_media(png[0].body.value());
    BOOST_TEST_REQUIRE(p.has_value());
    BOOST_TEST(p->media_id == "1349010955083132928");
    BOOST_TEST(p->size == 3844u);
    BOOST_TEST_REQUIRE(p->image.has_value());
    BOOST_TEST(p->image->image_type == "image/png");
    BOOST_TEST(p->image->width == 1252u);
    BOOST_TEST(p->image->height == 626u);

    auto const gif = recorded("testmediauploadgif.json");
    BOOST_TEST_REQUIRE(gif.size() == 1u);
    auto const g = parse_v1_media(gif[0].body.value());
    BOOST_TEST_REQUIRE(g.has_value());
    BOOST_TEST(g->media_id == "1349010951484399617");
    BOOST_TEST(g->size == 1021636u);
    BOOST_TEST_REQUIRE(g->image.has_value());
    BOOST_TEST(g->image->image_type == "image/gif");
    BOOST_TEST(g->image->width == 320u);
}

BOOST_AUTO_TEST_CASE(an_async_finalize_is_pending_with_a_check_after) {
    auto const m = parse_v1_media(R"({"media_id":710511363345354753,"media_id_string":"710511363345354753",
        "expires_after_secs":86400,"size":10240,"processing_info":{"state":"pending","check_after_secs":5}})");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->size == 10240u);
    BOOST_TEST_REQUIRE(m->processing.has_value());
    BOOST_TEST(m->processing->state == processing_state::pending);
    BOOST_TEST((m->processing->check_after == 5s));
    BOOST_TEST(!m->processing->progress_percent.has_value());
}

BOOST_AUTO_TEST_CASE(status_answers_in_progress_failed_and_succeeded) {
    auto const running = parse_v1_media(R"({"media_id":710511363345354753,"media_id_string":"710511363345354753",
        "expires_after_secs":3595,"processing_info":{"state":"in_progress","check_after_secs":10,"progress_percent":8}})");
    BOOST_TEST_REQUIRE(running.has_value());
    BOOST_TEST(running->processing->state == processing_state::in_progress);
    BOOST_TEST((running->processing->check_after == 10s));
    BOOST_TEST(running->processing->progress_percent.value_or(-1) == 8);

    auto const failed = parse_v1_media(R"({"media_id":710511363345354753,"media_id_string":"710511363345354753",
        "processing_info":{"state":"failed","progress_percent":12,
        "error":{"code":1,"name":"InvalidMedia","message":"Unsupported video format"}}})");
    BOOST_TEST_REQUIRE(failed.has_value());
    BOOST_TEST(failed->processing->state == processing_state::failed);
    BOOST_TEST_REQUIRE(failed->processing->error.has_value());
    BOOST_TEST(failed->processing->error->code.value_or(0) == 1);
    BOOST_TEST(failed->processing->error->name == "InvalidMedia");
    BOOST_TEST(failed->processing->error->message == "Unsupported video format");

    auto const done = parse_v1_media(R"({"media_id":710511363345354753,"media_id_string":"710511363345354753",
        "expires_after_secs":3593,"video":{"video_type":"video/mp4"},
        "processing_info":{"state":"succeeded","progress_percent":100}})");
    BOOST_TEST_REQUIRE(done.has_value());
    BOOST_TEST(done->processing->state == processing_state::succeeded);
    BOOST_TEST(done->video_type == "video/mp4");
}

BOOST_AUTO_TEST_CASE(the_numeric_id_is_used_when_the_string_is_missing) {
    auto const m = parse_v1_media(R"({"media_id":1349803915521482754})");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->media_id == "1349803915521482754");
}

BOOST_AUTO_TEST_CASE(the_string_id_wins_over_the_number) {
    // 2^63 + 1 read as a double would come back as 2^63: the string is exact.
    auto const m = parse_v1_media(R"({"media_id":9.2233720368547758e18,"media_id_string":"9223372036854775809"})");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->media_id == "9223372036854775809");
}

BOOST_AUTO_TEST_CASE(null_fields_count_as_absent) {
    auto const m = parse_v1_media(R"({"media_id_string":"5","size":null,"processing_info":null,"image":null})");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->size == 0u);
    BOOST_TEST(!m->processing.has_value());
    BOOST_TEST(!m->image.has_value());
}

BOOST_AUTO_TEST_CASE(garbage_is_malformed_json) {
    for (char const* body : {
             "",
             "<html>502 Bad Gateway</html>",
             "[]",
             "{}",
             R"({"media_id_string":""})",
             R"({"media_id_string":5})",
             R"({"media_id":-5})",
             R"({"media_id":"5"})",
             R"({"media_id_string":"5","size":"big"})",
             R"({"media_id_string":"5","expires_after_secs":-1})",
             R"({"media_id_string":"5","processing_info":[]})",
             R"({"media_id_string":"5","processing_info":{}})",
             R"({"media_id_string":"5","processing_info":{"state":"paused"}})",
             R"({"media_id_string":"5","processing_info":{"state":"pending","check_after_secs":"5"}})",
             R"({"media_id_string":"5","processing_info":{"state":"pending","check_after_secs":-5}})",
             R"({"media_id_string":"5","processing_info":{"state":"failed","error":"bad"}})",
             R"({"media_id_string":"5","processing_info":{"state":"failed","error":{"code":"1"}}})",
             R"({"media_id_string":"5","image":{"w":"320"}})",
             R"({"media_id_string":"5","video":"mp4"})",
             R"({"media_id_string":"5"} trailing)",
         }) {
        BOOST_TEST_CONTEXT("body: " << body) {
            auto const m = parse_v1_media(body);
            BOOST_TEST_REQUIRE(m.has_error());
            BOOST_TEST(m.error() == protocol_errc::malformed_json);
        }
    }
}

BOOST_AUTO_TEST_CASE(v2_initialize_as_x_documents_it) {
    auto const m = parse_v2_media(
        R"({"data":{"id":"1880028106020515840","media_key":"13_1880028106020515840","expires_after_secs":1295999}})");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->media_id == "1880028106020515840");
    BOOST_TEST(m->media_key == "13_1880028106020515840");
    BOOST_TEST((m->expires_after == 1295999s));
}

BOOST_AUTO_TEST_CASE(v2_finalize_and_status_carry_processing_info) {
    auto const m = parse_v2_media(R"({"data":{"id":"1880028106020515840","media_key":"7_1880028106020515840",
        "size":1048576,"expires_after_secs":86400,"processing_info":{"state":"in_progress","check_after_secs":3,
        "progress_percent":40}}})");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->size == 1048576u);
    BOOST_TEST_REQUIRE(m->processing.has_value());
    BOOST_TEST(m->processing->state == processing_state::in_progress);
    BOOST_TEST((m->processing->check_after == 3s));
    BOOST_TEST(m->processing->progress_percent.value_or(-1) == 40);
}

BOOST_AUTO_TEST_CASE(v2_answers_without_data_or_id_are_malformed) {
    for (char const* body : {
             R"({"id":"5"})",
             R"({"data":[]})",
             R"({"data":{"media_key":"7_5"}})",
             R"({"data":{"id":5}})",
             R"({"errors":[{"message":"x"}]})",
             "not json",
         }) {
        BOOST_TEST_CONTEXT("body: " << body) {
            auto const m = parse_v2_media(body);
            BOOST_TEST_REQUIRE(m.has_error());
            BOOST_TEST(m.error() == protocol_errc::malformed_json);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_later_answer_replaces_only_what_it_carries) {
    twitter::uploaded_media m;
    m.media_id = "5";
    m.media_key = "7_5";
    m.size = 100;
    m.expires_after = 60s;
    twitter::uploaded_media later;
    later.media_id = "5";
    later.expires_after = 30s;
    later.processing = twitter::processing_info{processing_state::succeeded, {}, 100, {}};
    twitter::media::merge_media(m, std::move(later));
    BOOST_TEST(m.media_key == "7_5");
    BOOST_TEST(m.size == 100u);
    BOOST_TEST((m.expires_after == 30s));
    BOOST_TEST_REQUIRE(m.processing.has_value());
    BOOST_TEST(m.processing->state == processing_state::succeeded);
}

BOOST_AUTO_TEST_SUITE_END()
