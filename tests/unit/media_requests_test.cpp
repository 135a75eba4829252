#include "media/requests.hpp"

#include "media_test_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(media_requests)

namespace {
using namespace twitter;
namespace m = twitter::media;

endpoints hosts() {
    endpoints h;
    h.upload = "https://upload.example:8443/";
    return h;
}

std::vector<param> form(std::initializer_list<std::pair<char const*, char const*>> pairs) {
    std::vector<param> out;
    for (auto const& [n, v] : pairs) out.push_back({n, v});
    return out;
}

std::vector<test::form_field> parts_of(http::request const& req) {
    BOOST_TEST_REQUIRE((req.kind == http::body_kind::raw));
    auto const boundary = test::multipart_boundary(req.content_type);
    BOOST_TEST_REQUIRE(boundary.has_value());
    auto fields = test::read_form(req.body, *boundary);
    BOOST_TEST_REQUIRE(fields.has_value());
    return *fields;
}

std::vector<std::string> names(std::vector<test::form_field> const& fields) {
    std::vector<std::string> out;
    for (auto const& f : fields) out.push_back(f.name);
    return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(v1_requests_go_to_the_upload_host_with_user_context) {
    BOOST_TEST(m::v1_upload_url(hosts()) == "https://upload.example:8443/1.1/media/upload.json");
    BOOST_TEST(m::v1_upload_url(endpoints{}) == "https://upload.x.com/1.1/media/upload.json");
    auto const status = m::v1_status_request(hosts(), "42");
    BOOST_TEST((status.method == http::verb::get));
    BOOST_TEST((status.auth == http::auth_mode::user));
    BOOST_TEST(status.target == "https://upload.example:8443/1.1/media/upload.json");
    BOOST_TEST((status.query == form({{"command", "STATUS"}, {"media_id", "42"}})));
    BOOST_TEST((status.kind == http::body_kind::none));
}

BOOST_AUTO_TEST_CASE(v1_init_is_a_form) {
    std::vector<std::string> const owners{"1", "2"};
    m::init_fields f;
    f.total_bytes = 1577963;
    f.media_type = "video/mp4";
    f.media_category = "tweet_video";
    f.additional_owners = &owners;
    auto const req = m::v1_init_request(hosts(), f);
    BOOST_TEST((req.method == http::verb::post));
    BOOST_TEST((req.auth == http::auth_mode::user));
    BOOST_TEST((req.kind == http::body_kind::form));
    BOOST_TEST((req.form == form({{"command", "INIT"},
                                  {"total_bytes", "1577963"},
                                  {"media_type", "video/mp4"},
                                  {"media_category", "tweet_video"},
                                  {"additional_owners", "1,2"}})));
    // As Tweepy recorded it (testmediauploadmp4.json), without the optional fields.
    f.media_category = {};
    f.additional_owners = nullptr;
    BOOST_TEST((m::v1_init_request(hosts(), f).form ==
                form({{"command", "INIT"}, {"total_bytes", "1577963"}, {"media_type", "video/mp4"}})));
}

BOOST_AUTO_TEST_CASE(v1_append_is_multipart_with_command_media_id_segment_and_media) {
    std::string const chunk("\0\r\n--binary", 11);
    auto const req = m::v1_append_request(hosts(), "42", 3, chunk, "clip.mp4");
    BOOST_TEST_REQUIRE(req.has_value());
    BOOST_TEST((req->method == http::verb::post));
    BOOST_TEST((req->auth == http::auth_mode::user));
    BOOST_TEST(req->target == "https://upload.example:8443/1.1/media/upload.json");
    BOOST_TEST(req->query.empty());
    auto const fields = parts_of(*req);
    BOOST_TEST((names(fields) == std::vector<std::string>{"command", "media_id", "segment_index", "media"}));
    BOOST_TEST(test::field(fields, "command").value_or("") == "APPEND");
    BOOST_TEST(test::field(fields, "media_id").value_or("") == "42");
    BOOST_TEST(test::field(fields, "segment_index").value_or("") == "3");
    BOOST_TEST((test::field(fields, "media").value_or("") == chunk));
    BOOST_TEST(fields.back().filename.value_or("") == "clip.mp4");
    BOOST_TEST(fields.back().content_type.value_or("") == "application/octet-stream");
}

BOOST_AUTO_TEST_CASE(v1_finalize_is_a_form) {
    auto const req = m::v1_finalize_request(hosts(), "1349803915521482754");
    BOOST_TEST((req.method == http::verb::post));
    BOOST_TEST((req.kind == http::body_kind::form));
    BOOST_TEST((req.form == form({{"command", "FINALIZE"}, {"media_id", "1349803915521482754"}})));
}

BOOST_AUTO_TEST_CASE(v1_simple_sends_the_media_and_only_the_fields_asked_for) {
    m::simple_fields f;
    f.data = "GIF89a";
    f.filename = "a.gif";
    f.media_type = "image/gif";
    auto const plain = m::v1_simple_request(hosts(), f);
    BOOST_TEST_REQUIRE(plain.has_value());
    BOOST_TEST((plain->auth == http::auth_mode::user));
    auto const fields = parts_of(*plain);
    BOOST_TEST((names(fields) == std::vector<std::string>{"media"}));
    BOOST_TEST(test::field(fields, "media").value_or("") == "GIF89a");

    std::vector<std::string> const owners{"7"};
    f.media_category = "tweet_gif";
    f.additional_owners = &owners;
    auto const full = m::v1_simple_request(hosts(), f);
    BOOST_TEST_REQUIRE(full.has_value());
    auto const more = parts_of(*full);
    BOOST_TEST((names(more) == std::vector<std::string>{"media", "media_category", "additional_owners"}));
    BOOST_TEST(test::field(more, "media_category").value_or("") == "tweet_gif");
    BOOST_TEST(test::field(more, "additional_owners").value_or("") == "7");
}

BOOST_AUTO_TEST_CASE(v2_initialize_is_json) {
    std::vector<std::string> const owners{"11", "12"};
    m::init_fields f;
    f.total_bytes = 20971520;
    f.media_type = "video/mp4";
    f.media_category = "tweet_video";
    f.additional_owners = &owners;
    auto const req = m::v2_init_request(f);
    BOOST_TEST((req.method == http::verb::post));
    BOOST_TEST((req.auth == http::auth_mode::user));
    BOOST_TEST(req.target == "/2/media/upload/initialize");
    BOOST_TEST((req.kind == http::body_kind::json));
    auto const body = boost::json::parse(req.body);
    BOOST_TEST(body.at("media_type").as_string() == "video/mp4");
    BOOST_TEST(body.at("total_bytes").to_number<std::uint64_t>() == 20971520u);
    BOOST_TEST(body.at("media_category").as_string() == "tweet_video");
    BOOST_TEST(body.at("additional_owners").as_array().size() == 2u);
    BOOST_TEST(body.at("additional_owners").as_array()[1].as_string() == "12");
    BOOST_TEST(!body.as_object().contains("command"));
}

BOOST_AUTO_TEST_CASE(v2_append_and_finalize_name_the_media_in_the_path) {
    auto const append = m::v2_append_request("1880028106020515840", 0, "bytes", "");
    BOOST_TEST_REQUIRE(append.has_value());
    BOOST_TEST(append->target == "/2/media/upload/1880028106020515840/append");
    BOOST_TEST((append->auth == http::auth_mode::user));
    auto const fields = parts_of(*append);
    BOOST_TEST((names(fields) == std::vector<std::string>{"segment_index", "media"}));
    BOOST_TEST(test::field(fields, "segment_index").value_or("") == "0");
    BOOST_TEST(test::field(fields, "media").value_or("") == "bytes");

    auto const finalize = m::v2_finalize_request("1880028106020515840");
    BOOST_TEST((finalize.method == http::verb::post));
    BOOST_TEST(finalize.target == "/2/media/upload/1880028106020515840/finalize");
    BOOST_TEST((finalize.kind == http::body_kind::none));
    BOOST_TEST((finalize.auth == http::auth_mode::user));
}

BOOST_AUTO_TEST_CASE(v2_status_and_one_shot_upload) {
    auto const status = m::v2_status_request("5");
    BOOST_TEST((status.method == http::verb::get));
    BOOST_TEST(status.target == "/2/media/upload");
    BOOST_TEST((status.query == form({{"command", "STATUS"}, {"media_id", "5"}})));

    m::simple_fields f;
    f.data = "\x89PNG";
    f.filename = "a.png";
    f.media_type = "image/png";
    f.media_category = "tweet_image";
    auto const one_shot = m::v2_simple_request(f);
    BOOST_TEST_REQUIRE(one_shot.has_value());
    BOOST_TEST(one_shot->target == "/2/media/upload");
    BOOST_TEST((one_shot->auth == http::auth_mode::user));
    auto const fields = parts_of(*one_shot);
    BOOST_TEST((names(fields) == std::vector<std::string>{"media", "media_type", "media_category"}));
    BOOST_TEST(test::field(fields, "media_category").value_or("") == "tweet_image");
}

BOOST_AUTO_TEST_SUITE_END()
