// The upload state machine (media_store) and the upload endpoints of v1.1 and v2 over it, called directly.

#include "emulator/media.hpp"

#include "emulator/multipart.hpp"
#include "emulator/service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

using namespace twitter::emulator::detail;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

constexpr std::int64_t t0 = 1'700'000'000'000;

// A 1252x626 PNG header, as the recorded testmediauploadpng.json reports it, and padding.
std::string png(std::size_t size) {
    std::string p("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x04\xe4\0\0\x02\x72", 24);
    p.resize(size, 'x');
    return p;
}

std::string multipart(std::string const& boundary,
                      std::vector<std::pair<std::string, std::string>> const& fields,
                      std::string const& media) {
    std::string body;
    for (auto const& [name, value] : fields) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
                value + "\r\n";
    }
    if (!media.empty()) {
        body += "--" + boundary +
                "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"blob\"\r\nContent-Type: "
                "application/octet-stream\r\n\r\n" +
                media + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

struct fixture {
    fixture()
        : api([] {
              service_params p;
              p.rate_limit_per_window = 100000;
              p.media_processing_polls = 3;
              return p;
          }()) {}

    api_response call(std::string_view method, std::string const& target, std::string_view body = {},
                      std::string_view content_type = {}) {
        auto const authorization = "Bearer " + api.default_user_token();
        return api.handle({method, target, authorization, body, "https", "localhost", content_type}, now);
    }
    api_response form(std::string const& target, std::string const& body) {
        return call("POST", target, body, "application/x-www-form-urlencoded");
    }
    api_response parts(std::string const& target,
                       std::vector<std::pair<std::string, std::string>> const& fields,
                       std::string const& media) {
        return call("POST", target, multipart("b0undary", fields, media),
                    "multipart/form-data; boundary=b0undary");
    }

    service api;
    service::clock::time_point now = service::clock::time_point{1'700'000'000s};
};

json::value parse(api_response const& r) { return json::parse(r.body); }

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_media)

BOOST_AUTO_TEST_CASE(chunks_must_add_up_to_total_bytes) {
    media_store store;
    store.init(1, 10, "video/mp4", "tweet_video", t0);
    BOOST_TEST((store.append(2, 0, "abc", t0) == media_error::unknown_id));
    BOOST_TEST((store.append(1, 1000, "abc", t0) == media_error::segment_out_of_range));
    BOOST_TEST((store.append(1, 0, std::string(11, 'x'), t0) == media_error::too_many_bytes));
    BOOST_TEST((store.append(1, 0, "abcd", t0) == media_error::none));
    BOOST_TEST((store.finalize(1, t0) == media_error::size_mismatch));
    BOOST_TEST((store.append(1, 1, "efghij", t0) == media_error::none));
    BOOST_TEST(!store.ready(1, t0));
    BOOST_TEST((store.finalize(1, t0) == media_error::none));
    BOOST_TEST((store.finalize(1, t0) == media_error::already_finalized));
    BOOST_TEST((store.append(1, 2, "k", t0) == media_error::already_finalized));
    BOOST_TEST(store.find(1, t0 + 86'400'000) == nullptr);  // expired after a day
}

BOOST_AUTO_TEST_CASE(a_segment_over_five_megabytes_is_refused) {
    media_store store;
    store.init(1, 12 * 1024 * 1024, "video/mp4", "", t0);
    BOOST_TEST(
        (store.append(1, 0, std::string(max_media_segment + 1, 'x'), t0) == media_error::segment_too_large));
    BOOST_TEST((store.append(1, 0, std::string(max_media_segment, 'x'), t0) == media_error::none));
}

BOOST_AUTO_TEST_CASE(processing_moves_from_pending_to_succeeded_over_status_polls) {
    media_store store(3);
    store.init(1, 3, "video/mp4", "tweet_video", t0);
    store.append(1, 0, "abc", t0);
    store.finalize(1, t0);
    auto const state = [&] { return std::string(store.processing(*store.find(1, t0))->state); };
    BOOST_TEST(state() == "pending");
    store.poll(1, t0);
    BOOST_TEST(state() == "in_progress");
    BOOST_TEST(store.processing(*store.find(1, t0))->progress_percent == 33u);
    store.poll(1, t0);
    BOOST_TEST(state() == "in_progress");
    BOOST_TEST(!store.ready(1, t0));
    store.poll(1, t0);
    BOOST_TEST(state() == "succeeded");
    BOOST_TEST(store.ready(1, t0));
    // Without a video or GIF category nothing is processed, as in testmediauploadmp4.json.
    store.init(2, 1, "video/mp4", "", t0);
    store.append(2, 0, "a", t0);
    store.finalize(2, t0);
    BOOST_TEST(!store.processing(*store.find(2, t0)));
    BOOST_TEST(store.ready(2, t0));
}

BOOST_AUTO_TEST_CASE(images_report_their_dimensions) {
    media_store store;
    auto const& m = store.simple(1, png(3844), "", "", t0);
    BOOST_TEST(m.media_type == "image/png");
    BOOST_TEST(m.width == 1252u);
    BOOST_TEST(m.height == 626u);
    BOOST_TEST(m.media_key == "3_1");
}

BOOST_AUTO_TEST_CASE(multipart_bodies_are_split_into_parts) {
    auto const boundary = multipart_boundary("multipart/form-data; boundary=\"abc\"");
    BOOST_TEST(boundary.value() == "abc");
    BOOST_TEST(!multipart_boundary("application/json"));
    // The parts view the body, so it must outlive them.
    std::string const body = multipart("abc", {{"command", "APPEND"}}, std::string("\0\r\nbin", 6));
    auto const parts = parse_multipart(body, "abc");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST_REQUIRE(parts->size() == 2u);
    BOOST_TEST((*parts)[0].data == "APPEND");
    BOOST_TEST((*parts)[1].filename == "blob");
    BOOST_TEST((*parts)[1].data == std::string_view("\0\r\nbin", 6));
    BOOST_TEST(!parse_multipart("--abc\r\nbroken", "abc"));
}

BOOST_FIXTURE_TEST_CASE(v1_simple_upload_of_a_png, fixture) {
    auto const r = parts("/1.1/media/upload.json", {}, png(3844));
    BOOST_TEST_REQUIRE(r.status == 200u);
    auto const doc = parse(r);
    BOOST_TEST(doc.at("media_id_string").as_string() ==
               std::to_string(doc.at("media_id").to_number<std::uint64_t>()));
    BOOST_TEST(doc.at("size").as_int64() == 3844);
    BOOST_TEST(doc.at("expires_after_secs").as_int64() == 86400);
    BOOST_TEST(doc.at("image").at("image_type").as_string() == "image/png");
    BOOST_TEST(doc.at("image").at("w").as_int64() == 1252);
    BOOST_TEST(r.limits->limit == 100000u);
}

BOOST_FIXTURE_TEST_CASE(v1_chunked_video_upload_then_a_tweet_with_it, fixture) {
    auto const init = form("/1.1/media/upload.json",
                           "command=INIT&total_bytes=10&media_type=video%2Fmp4&media_category=tweet_video");
    BOOST_TEST_REQUIRE(init.status == 202u);
    auto const id = std::string(parse(init).at("media_id_string").as_string());
    BOOST_TEST(parse(init).at("media_key").as_string() == "7_" + id);
    auto const append = [&](std::string index, std::string bytes) {
        return parts("/1.1/media/upload.json",
                     {{"command", "APPEND"}, {"media_id", id}, {"segment_index", index}}, bytes);
    };
    auto const first = append("0", "01234");
    BOOST_TEST(first.status == 204u);
    BOOST_TEST(first.body.empty());
    BOOST_TEST(append("1000", "x").status == 400u);
    auto const early = form("/1.1/media/upload.json", "command=FINALIZE&media_id=" + id);
    BOOST_TEST(early.status == 400u);
    BOOST_TEST(parse(early).at("errors").at(0).at("code").as_int64() == 324);
    BOOST_TEST(append("1", "56789").status == 204u);

    auto const tweet = R"({"text":"video","media":{"media_ids":[")" + id + R"("]}})";
    auto const done = form("/1.1/media/upload.json", "command=FINALIZE&media_id=" + id);
    BOOST_TEST_REQUIRE(done.status == 201u);
    BOOST_TEST(parse(done).at("size").as_int64() == 10);
    BOOST_TEST(parse(done).at("processing_info").at("state").as_string() == "pending");
    BOOST_TEST(parse(done).at("processing_info").at("check_after_secs").as_int64() == 1);
    BOOST_TEST(call("POST", "/2/tweets", tweet, "application/json").status == 400u);  // still processing

    std::vector<std::string> states;
    for (int i = 0; i < 3; ++i) {
        auto const s = call("GET", "/1.1/media/upload.json?command=STATUS&media_id=" + id);
        BOOST_TEST_REQUIRE(s.status == 200u);
        states.emplace_back(parse(s).at("processing_info").at("state").as_string());
    }
    BOOST_TEST((states == std::vector<std::string>{"in_progress", "in_progress", "succeeded"}));
    auto const posted = call("POST", "/2/tweets", tweet, "application/json");
    BOOST_TEST_REQUIRE(posted.status == 201u);
    auto const tweet_id = std::string(parse(posted).at("data").at("id").as_string());
    auto const read =
        call("GET", "/2/tweets/" + tweet_id + "?tweet.fields=attachments&expansions=attachments.media_keys");
    BOOST_TEST(parse(read).at("data").at("attachments").at("media_keys").at(0).as_string() == "7_" + id);
    BOOST_TEST(parse(read).at("includes").at("media").at(0).at("type").as_string() == "video");
    BOOST_TEST(call("GET", "/1.1/media/upload.json?command=STATUS&media_id=1").status == 400u);
}

BOOST_FIXTURE_TEST_CASE(v2_initialize_append_finalize_and_status, fixture) {
    auto const init = call("POST", "/2/media/upload/initialize",
                           R"({"media_type":"image/gif","total_bytes":6,"media_category":"tweet_gif"})",
                           "application/json");
    BOOST_TEST_REQUIRE(init.status == 200u);
    auto const id = std::string(parse(init).at("data").at("id").as_string());
    BOOST_TEST(parse(init).at("data").at("media_key").as_string() == "16_" + id);
    auto const appended = parts("/2/media/upload/" + id + "/append", {{"segment_index", "0"}}, "GIF89a");
    BOOST_TEST_REQUIRE(appended.status == 200u);
    BOOST_TEST(parse(appended).at("data").at("expires_at").is_number());
    auto const done = call("POST", "/2/media/upload/" + id + "/finalize");
    BOOST_TEST_REQUIRE(done.status == 200u);
    BOOST_TEST(parse(done).at("data").at("size").as_int64() == 6);
    BOOST_TEST(parse(done).at("data").at("processing_info").at("state").as_string() == "pending");
    auto const status = call("GET", "/2/media/upload?command=STATUS&media_id=" + id);
    BOOST_TEST(parse(status).at("data").at("processing_info").at("progress_percent").as_int64() == 33);
    BOOST_TEST(call("POST", "/2/media/upload/999/finalize").status == 400u);
}

BOOST_FIXTURE_TEST_CASE(v2_append_takes_json_and_status_needs_no_command, fixture) {
    auto const init = call("POST", "/2/media/upload/initialize",
                           R"({"media_type":"image/png","total_bytes":"3"})", "application/json");
    BOOST_TEST_REQUIRE(init.status == 200u);
    auto const id = std::string(parse(init).at("data").at("id").as_string());
    BOOST_TEST(call("POST", "/2/media/upload/" + id + "/append", R"({"media":"YWJj","segment_index":0})",
                    "application/json")
                   .status == 200u);
    BOOST_TEST(call("POST", "/2/media/upload/" + id + "/append",
                    R"({"media":"not base64!","segment_index":1})", "application/json")
                   .status == 400u);
    BOOST_TEST(call("POST", "/2/media/upload/" + id + "/finalize").status == 200u);
    auto const status = call("GET", "/2/media/upload?media_id=" + id);
    BOOST_TEST(status.status == 200u);
    BOOST_TEST(parse(status).at("data").at("id").as_string() == id);
    BOOST_TEST(call("GET", "/1.1/media/upload.json?media_id=" + id).status ==
               400u);  // v1.1 wants the command
}

BOOST_FIXTURE_TEST_CASE(v2_one_shot_and_command_uploads, fixture) {
    auto const one = parts("/2/media/upload", {{"media_category", "tweet_image"}}, png(100));
    BOOST_TEST_REQUIRE(one.status == 200u);
    BOOST_TEST(parse(one).at("data").at("size").as_int64() == 100);
    BOOST_TEST(parse(one).at("data").at("media_key").as_string().starts_with("3_"));
    auto const init = parts("/2/media/upload",
                            {{"command", "INIT"}, {"total_bytes", "3"}, {"media_type", "image/png"}}, "");
    BOOST_TEST_REQUIRE(init.status == 200u);
    auto const id = std::string(parse(init).at("data").at("id").as_string());
    BOOST_TEST(
        parts("/2/media/upload", {{"command", "APPEND"}, {"media_id", id}, {"segment_index", "0"}}, "abc")
            .status == 200u);
    BOOST_TEST(parts("/2/media/upload", {{"command", "FINALIZE"}, {"media_id", id}}, "").status == 200u);
    auto const tweet = call("POST", "/2/tweets", R"({"text":"pic","media":{"media_ids":[")" + id + R"("]}})",
                            "application/json");
    BOOST_TEST(tweet.status == 201u);
}

BOOST_FIXTURE_TEST_CASE(uploads_need_user_context_and_count_per_command, fixture) {
    auto const app = api.handle(
        {"POST", "/2/media/upload/initialize", "Bearer " + api.app_bearer_token(),
         R"({"media_type":"image/png","total_bytes":1})", "https", "localhost", "application/json"},
        now);
    BOOST_TEST(app.status == 403u);
    auto const narrow = api.issue_user_token(api.default_user_id(), {"tweet.read", "users.read"});
    auto const scoped =
        api.handle({"POST", "/2/media/upload", "Bearer " + narrow, "", "https", "localhost", ""}, now);
    BOOST_TEST(scoped.status == 403u);
    service documented{service_params{}};
    auto const r =
        documented.handle({"POST", "/1.1/media/upload.json", "Bearer " + documented.default_user_token(),
                           "command=INIT&total_bytes=1&media_type=image%2Fpng", "https", "localhost",
                           "application/x-www-form-urlencoded"},
                          now);
    BOOST_TEST(r.status == 202u);
    BOOST_TEST(r.limits->limit == 200u);  // INIT's own family
}

BOOST_AUTO_TEST_SUITE_END()
