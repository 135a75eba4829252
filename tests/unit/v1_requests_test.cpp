#include <twitter/v1/requests.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace v1 = twitter::v1;
namespace rq = twitter::v1::requests;
using twitter::param;
using twitter::http::auth_mode;
using twitter::http::body_kind;
using twitter::http::verb;

// The query as a sorted multiset, as the API (and the replay test) compares it.
std::vector<std::pair<std::string, std::string>> query_of(twitter::http::request const& r) {
    std::vector<std::pair<std::string, std::string>> out;
    for (param const& p : r.query) out.emplace_back(p.name, p.value);
    std::sort(out.begin(), out.end());
    return out;
}

using query = std::vector<std::pair<std::string, std::string>>;

}  // namespace

BOOST_AUTO_TEST_SUITE(v1_requests)

BOOST_AUTO_TEST_CASE(a_read_is_a_get_on_the_v1_path_with_its_parameters_in_the_query) {
    auto const r = rq::get_status("266367358078169089").http;
    BOOST_TEST((r.method == verb::get));
    BOOST_TEST(r.target == "/1.1/statuses/show.json");
    BOOST_TEST((query_of(r) == query{{"id", "266367358078169089"}}));
    BOOST_TEST((r.kind == body_kind::none));
    BOOST_TEST((r.auth == auth_mode::automatic));  // public: an app-only handler serves it
}

BOOST_AUTO_TEST_CASE(a_write_is_a_post_with_its_parameters_in_the_query_as_tweepy_sends_them) {
    // Recorded: POST /1.1/statuses/update.json?status=testing+1000
    auto const r = rq::update_status("testing 1000").http;
    BOOST_TEST((r.method == verb::post));
    BOOST_TEST(r.target == "/1.1/statuses/update.json");
    BOOST_TEST((query_of(r) == query{{"status", "testing 1000"}}));
    BOOST_TEST((r.kind == body_kind::none));
    BOOST_TEST(r.form.empty());
    BOOST_TEST((r.auth == auth_mode::user));
}

BOOST_AUTO_TEST_CASE(unset_parameters_are_not_sent_and_set_ones_are) {
    BOOST_TEST(rq::home_timeline().http.query.empty());
    v1::update_status_params p;
    p.in_reply_to_status_id = "20";
    p.media_ids = {"1", "2", "3"};
    p.lat = 37.7821120598956;
    p.long_ = -122.400612831116;
    auto const r = rq::update_status("hi", p).http;
    BOOST_TEST((query_of(r) == query{{"in_reply_to_status_id", "20"},
                                     {"lat", "37.7821120598956"},
                                     {"long", "-122.400612831116"},
                                     {"media_ids", "1,2,3"},
                                     {"status", "hi"}}));
}

BOOST_AUTO_TEST_CASE(booleans_are_sent_as_tweepy_sends_them) {
    // Recorded: GET /1.1/account/verify_credentials.json?include_entities=True and ?skip_status=True
    v1::user_params p;
    p.include_entities = true;
    p.skip_status = false;
    auto const r = rq::verify_credentials(p).http;
    BOOST_TEST((query_of(r) == query{{"include_entities", "True"}, {"skip_status", "False"}}));
}

BOOST_AUTO_TEST_CASE(users_are_named_by_id_or_screen_name_with_the_endpoints_prefix) {
    BOOST_TEST(
        (query_of(rq::get_user(v1::screen_name("Twitter")).http) == query{{"screen_name", "Twitter"}}));
    BOOST_TEST((query_of(rq::get_user(v1::user_id("783214")).http) == query{{"user_id", "783214"}}));
    // Recorded: GET /1.1/friendships/show.json?target_screen_name=twitter
    BOOST_TEST((query_of(rq::get_friendship(v1::screen_name("twitter")).http) ==
                query{{"target_screen_name", "twitter"}}));
    BOOST_TEST((query_of(rq::get_friendship(v1::user_id("2"), v1::user_id("1")).http) ==
                query{{"source_id", "1"}, {"target_id", "2"}}));
    BOOST_TEST(rq::user_timeline(std::nullopt).http.query.empty());
}

BOOST_AUTO_TEST_CASE(lists_are_named_by_id_or_by_slug_and_owner) {
    // Recorded: GET /1.1/lists/members/show.json?owner_screen_name=Twitter&slug=Official-Twitter-Accounts
    //           &screen_name=TwitterAPI
    auto const r = rq::get_list_member(v1::list_slug("Official-Twitter-Accounts", v1::screen_name("Twitter")),
                                       v1::screen_name("TwitterAPI"))
                       .http;
    BOOST_TEST(r.target == "/1.1/lists/members/show.json");
    BOOST_TEST((query_of(r) == query{{"owner_screen_name", "Twitter"},
                                     {"screen_name", "TwitterAPI"},
                                     {"slug", "Official-Twitter-Accounts"}}));
    BOOST_TEST((query_of(rq::destroy_list(v1::list_id("1442585319442984960")).http) ==
                query{{"list_id", "1442585319442984960"}}));
    BOOST_TEST((query_of(rq::get_list(v1::list_slug("s", v1::user_id("9"))).http) ==
                query{{"owner_id", "9"}, {"slug", "s"}}));
}

BOOST_AUTO_TEST_CASE(several_users_go_comma_separated) {
    // Recorded: POST /1.1/users/lookup.json?user_id=6844292%2C6253282
    auto const r = rq::lookup_users({.user_ids = {"6844292", "6253282"}, .screen_names = {}}).http;
    BOOST_TEST((r.method == verb::post));
    BOOST_TEST((query_of(r) == query{{"user_id", "6844292,6253282"}}));
    auto const both =
        rq::add_list_members(v1::list_id("1"), {.user_ids = {"1"}, .screen_names = {"a", "b"}}).http;
    BOOST_TEST((query_of(both) == query{{"list_id", "1"}, {"screen_name", "a,b"}, {"user_id", "1"}}));
}

BOOST_AUTO_TEST_CASE(an_id_in_the_path_is_one_encoded_segment) {
    BOOST_TEST(rq::destroy_status("1149868020346556416").http.target ==
               "/1.1/statuses/destroy/1149868020346556416.json");
    BOOST_TEST(rq::retweet("1/../2").http.target == "/1.1/statuses/retweet/1%2F..%2F2.json");
    BOOST_TEST(rq::geo_id("1ffd3558f2e98349").http.target == "/1.1/geo/id/1ffd3558f2e98349.json");
    BOOST_TEST(rq::get_saved_search("7").http.target == "/1.1/saved_searches/show/7.json");
}

BOOST_AUTO_TEST_CASE(coordinates_are_written_as_short_as_they_read_back) {
    // Recorded: GET /1.1/geo/reverse_geocode.json?lat=30.2673701685&long=-97.7426147461
    auto const r = rq::reverse_geocode(30.2673701685, -97.7426147461).http;
    BOOST_TEST((query_of(r) == query{{"lat", "30.2673701685"}, {"long", "-97.7426147461"}}));
    BOOST_TEST((query_of(rq::reverse_geocode(1, -2).http) == query{{"lat", "1"}, {"long", "-2"}}));
}

BOOST_AUTO_TEST_CASE(an_empty_string_is_sent_empty_to_clear_a_field) {
    // Recorded: POST /1.1/account/update_profile.json?...&location=&...
    v1::profile_params p;
    p.location = "";
    p.name = "Tweepy Testing";
    BOOST_TEST((query_of(rq::update_profile(p).http) == query{{"location", ""}, {"name", "Tweepy Testing"}}));
}

BOOST_AUTO_TEST_CASE(a_direct_message_is_a_json_event) {
    v1::direct_message_params p;
    p.attachment_media_id = "55";
    auto const r = rq::send_direct_message("1072250532645998596", "say \"hi\"\n", p).http;
    BOOST_TEST((r.method == verb::post));
    BOOST_TEST(r.target == "/1.1/direct_messages/events/new.json");
    BOOST_TEST(r.query.empty());
    BOOST_TEST((r.kind == body_kind::json));
    BOOST_TEST((r.auth == auth_mode::user));
    auto const doc = boost::json::parse(r.body);
    auto const& event = doc.at("event");
    BOOST_TEST(event.at("type").as_string() == "message_create");
    auto const& mc = event.at("message_create");
    BOOST_TEST(mc.at("target").at("recipient_id").as_string() == "1072250532645998596");
    BOOST_TEST(mc.at("message_data").at("text").as_string() == "say \"hi\"\n");
    BOOST_TEST(mc.at("message_data").at("attachment").at("media").at("id").as_string() == "55");
    // Without an attachment there is no attachment member.
    auto const plain = boost::json::parse(rq::send_direct_message("1", "x").http.body);
    BOOST_TEST(plain.at("event").at("message_create").at("message_data").as_object().size() == 1u);
}

BOOST_AUTO_TEST_CASE(deleting_a_direct_message_is_a_delete) {
    // Recorded: DELETE /1.1/direct_messages/events/destroy.json?id=1150493286110552068
    auto const r = rq::delete_direct_message("1150493286110552068").http;
    BOOST_TEST((r.method == verb::delete_));
    BOOST_TEST((query_of(r) == query{{"id", "1150493286110552068"}}));
}

namespace {

std::string boundary_of(std::string const& content_type) {
    auto const at = content_type.find("boundary=");
    BOOST_TEST_REQUIRE(at != std::string::npos);
    return content_type.substr(at + 9);
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_upload_is_one_multipart_part_and_the_rest_stays_in_the_query) {
    std::string const png("\x89PNG\r\n\x1a\n\0\0binary", 16);
    auto const r = rq::update_status_with_media("testing 1000", "tiny.png", png).http;
    BOOST_TEST((r.method == verb::post));
    BOOST_TEST(r.target == "/1.1/statuses/update_with_media.json");
    BOOST_TEST((query_of(r) == query{{"status", "testing 1000"}}));
    BOOST_TEST((r.kind == body_kind::raw));
    BOOST_TEST(r.content_type.starts_with("multipart/form-data; boundary="));
    std::string const boundary = boundary_of(r.content_type);
    std::string const expected =
        "--" + boundary + "\r\n" +
        "Content-Disposition: form-data; name=\"media[]\"; filename=\"tiny.png\"\r\n" +
        "Content-Type: image/png\r\n\r\n" + png + "\r\n--" + boundary + "--\r\n";
    BOOST_TEST(r.body == expected);

    v1::banner_params b;
    b.width = 1500;
    auto const banner = rq::update_profile_banner("banner.JPG", "jpeg bytes", b).http;
    BOOST_TEST((query_of(banner) == query{{"width", "1500"}}));
    BOOST_TEST(banner.body.find("name=\"banner\"; filename=\"banner.JPG\"\r\nContent-Type: image/jpeg") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_boundary_never_occurs_in_the_file) {
    auto const first = boundary_of(rq::update_profile_image("a.bin", "x").http.content_type);
    // A file that contains the boundary the builder would pick first gets another one.
    std::string const tricky = "prefix " + first + " suffix";
    auto const r = rq::update_profile_image("a.bin", tricky).http;
    auto const boundary = boundary_of(r.content_type);
    BOOST_TEST(boundary != first);
    BOOST_TEST(tricky.find(boundary) == std::string::npos);
    BOOST_TEST(r.body.find("Content-Type: application/octet-stream\r\n\r\n" + tricky + "\r\n--" + boundary +
                           "--") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_paged_endpoints_take_their_cursor_as_a_parameter) {
    v1::ids_params p;
    p.cursor = "-1";
    // Recorded: GET /1.1/followers/ids.json?cursor=-1&screen_name=TweepyDev
    BOOST_TEST((query_of(rq::get_follower_ids(v1::screen_name("TweepyDev"), p).http) ==
                query{{"cursor", "-1"}, {"screen_name", "TweepyDev"}}));
    BOOST_TEST(rq::get_friend_ids(std::nullopt).http.query.empty());
    v1::timeline_params t;
    t.max_id = "1149868110373171200";
    t.count = 1;
    BOOST_TEST((query_of(rq::user_timeline(std::nullopt, t).http) ==
                query{{"count", "1"}, {"max_id", "1149868110373171200"}}));
}

BOOST_AUTO_TEST_CASE(rate_limit_status_names_its_resources) {
    BOOST_TEST(rq::rate_limit_status().http.query.empty());
    BOOST_TEST((query_of(rq::rate_limit_status({.resources = {"help", "users"}}).http) ==
                query{{"resources", "help,users"}}));
}

BOOST_AUTO_TEST_SUITE_END()
