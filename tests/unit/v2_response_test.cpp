#include <twitter/v2/response.hpp>

#include <twitter/error.hpp>
#include <twitter/http/response.hpp>
#include <twitter/v2/models.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include "recorded_fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(v2_response)

namespace {

namespace json = boost::json;
namespace v2 = twitter::v2;
using twitter::error_code;
using twitter::protocol_errc;

// Expected values are read from the JSON here, independently of the parser under test.
std::optional<std::string> str(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    if (!v || !v->is_string()) return std::nullopt;
    return std::string(v->get_string());
}

std::optional<std::uint64_t> num(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    if (!v || !v->is_number()) return std::nullopt;
    return v->to_number<std::uint64_t>();
}

std::optional<bool> flag(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    if (!v || !v->is_bool()) return std::nullopt;
    return v->get_bool();
}

std::vector<std::string> strings(json::object const& o, std::string_view key) {
    std::vector<std::string> out;
    if (auto const* v = o.if_contains(key))
        for (json::value const& s : v->as_array()) out.emplace_back(s.as_string());
    return out;
}

void check(json::object const& j, v2::tweet const& t) {
    BOOST_TEST(t.id == *str(j, "id"));
    BOOST_TEST(t.text == str(j, "text").value_or(""));
    BOOST_TEST(t.edit_history_tweet_ids == strings(j, "edit_history_tweet_ids"),
               boost::test_tools::per_element());
    BOOST_TEST((t.community_id == str(j, "community_id")));
    BOOST_TEST((t.author_id == str(j, "author_id")));
}

void check(json::object const& j, v2::user const& u) {
    BOOST_TEST(u.id == *str(j, "id"));
    BOOST_TEST(u.name == *str(j, "name"));
    BOOST_TEST(u.username == *str(j, "username"));
    auto const* withheld = j.if_contains("withheld");
    BOOST_TEST(u.withheld.has_value() == (withheld != nullptr));
    if (withheld && u.withheld)
        BOOST_TEST(u.withheld->country_codes == strings(withheld->as_object(), "country_codes"),
                   boost::test_tools::per_element());
}

void check(json::object const& j, v2::list const& l) {
    BOOST_TEST(l.id == *str(j, "id"));
    BOOST_TEST(l.name == *str(j, "name"));
}

void check(json::object const& j, v2::space const& s) {
    BOOST_TEST(s.id == *str(j, "id"));
    BOOST_TEST(s.state == *str(j, "state"));
}

void check(json::object const& j, v2::dm_event const& e) {
    BOOST_TEST(e.id == *str(j, "id"));
    BOOST_TEST(e.event_type == *str(j, "event_type"));
    BOOST_TEST((e.text == str(j, "text")));
}

void check(json::object const& j, v2::compliance_job const& c) {
    BOOST_TEST(c.id == *str(j, "id"));
    BOOST_TEST(c.type == *str(j, "type"));
    BOOST_TEST(c.status == *str(j, "status"));
    BOOST_TEST((c.upload_url == str(j, "upload_url")));
    BOOST_TEST((c.download_expires_at == str(j, "download_expires_at")));
    BOOST_TEST((c.created_at == str(j, "created_at")));
    BOOST_TEST((c.resumable == flag(j, "resumable")));
}

void check(json::object const& j, v2::tweet_count const& c) {
    BOOST_TEST(c.start == *str(j, "start"));
    BOOST_TEST(c.end == *str(j, "end"));
    BOOST_TEST(c.count == *num(j, "tweet_count"));
}

void check(json::object const& j, v2::action_result const& a) {
    BOOST_TEST(!j.empty());
    BOOST_TEST((a.bookmarked == flag(j, "bookmarked")));
    BOOST_TEST((a.deleted == flag(j, "deleted")));
    BOOST_TEST((a.following == flag(j, "following")));
    BOOST_TEST((a.pending_follow == flag(j, "pending_follow")));
    BOOST_TEST((a.hidden == flag(j, "hidden")));
    BOOST_TEST((a.liked == flag(j, "liked")));
    BOOST_TEST((a.is_member == flag(j, "is_member")));
    BOOST_TEST((a.muting == flag(j, "muting")));
    BOOST_TEST((a.pinned == flag(j, "pinned")));
    BOOST_TEST((a.retweeted == flag(j, "retweeted")));
    BOOST_TEST((a.updated == flag(j, "updated")));
}

void check(json::object const& j, v2::dm_created const& d) {
    BOOST_TEST(d.dm_conversation_id == *str(j, "dm_conversation_id"));
    BOOST_TEST(d.dm_event_id == *str(j, "dm_event_id"));
}

void check_meta(json::object const& root, v2::meta const& m) {
    json::object const empty;
    auto const* meta = root.if_contains("meta");
    json::object const& j = meta ? meta->as_object() : empty;
    BOOST_TEST((m.result_count == num(j, "result_count")));
    BOOST_TEST((m.next_token == str(j, "next_token")));
    BOOST_TEST((m.previous_token == str(j, "previous_token")));
    BOOST_TEST((m.newest_id == str(j, "newest_id")));
    BOOST_TEST((m.oldest_id == str(j, "oldest_id")));
    BOOST_TEST((m.total_tweet_count == num(j, "total_tweet_count")));
}

// Parses `body` as response<T> and checks it against the JSON; returns whether it parsed.
template <class T>
bool parse_and_check_one(std::string const& body) {
    v2::response<T> out;
    error_code const ec = v2::parse(body, out);
    BOOST_TEST(!ec, ec.message());
    if (ec) return false;
    json::object const root = json::parse(body).as_object();
    BOOST_TEST_REQUIRE(out.data.has_value());
    check(root.at("data").as_object(), *out.data);
    check_meta(root, out.meta);
    BOOST_TEST(out.errors.empty());
    BOOST_TEST(out.raw_json == body);
    return true;
}

template <class T>
bool parse_and_check_list(std::string const& body) {
    v2::response<std::vector<T>> out;
    error_code const ec = v2::parse(body, out);
    BOOST_TEST(!ec, ec.message());
    if (ec) return false;
    json::object const root = json::parse(body).as_object();
    auto const* data = root.if_contains("data");
    std::size_t const expected = data ? data->as_array().size() : 0;
    BOOST_TEST_REQUIRE(out.data.size() == expected);
    for (std::size_t i = 0; i < expected; ++i) check(data->as_array()[i].as_object(), out.data[i]);
    check_meta(root, out.meta);
    BOOST_TEST(out.errors.empty());
    BOOST_TEST(out.raw_json == body);
    return true;
}

// The model of each recorded v2 endpoint, chosen from the request as api-v2-endpoints.md describes it.
bool parse_recorded(std::string const& method, std::string const& path, std::string const& body) {
    auto const is = [&](char const* pattern) { return std::regex_match(path, std::regex(pattern)); };
    if (method == "POST" && is("/2/tweets")) return parse_and_check_one<v2::tweet>(body);
    if (method == "POST" && is("/2/lists")) return parse_and_check_one<v2::list>(body);
    if (method == "POST" && is("/2/compliance/jobs")) return parse_and_check_one<v2::compliance_job>(body);
    if (method == "POST" && is("/2/dm_conversations(/.*/messages)?"))
        return parse_and_check_one<v2::dm_created>(body);
    if (method != "GET") return parse_and_check_one<v2::action_result>(body);

    if (is("/2/users/(me|[0-9]+|by/username/[^/]+)")) return parse_and_check_one<v2::user>(body);
    if (is("/2/users(/by)?") || is("/2/users/[0-9]+/(followers|following|muting|blocking)") ||
        is("/2/tweets/[0-9]+/(liking_users|retweeted_by)") || is("/2/lists/[0-9]+/(followers|members)"))
        return parse_and_check_list<v2::user>(body);
    if (is("/2/tweets/counts/(recent|all)")) return parse_and_check_list<v2::tweet_count>(body);
    if (is("/2/tweets/[0-9]+")) return parse_and_check_one<v2::tweet>(body);
    if (is("/2/tweets") || is("/2/tweets/search/(recent|all)") || is("/2/tweets/[0-9]+/quote_tweets") ||
        is("/2/users/[0-9]+/(tweets|mentions|liked_tweets|bookmarks|timelines/reverse_chronological)") ||
        is("/2/lists/[0-9]+/tweets"))
        return parse_and_check_list<v2::tweet>(body);
    if (is("/2/lists/[0-9]+")) return parse_and_check_one<v2::list>(body);
    if (is("/2/users/[0-9]+/(followed_lists|owned_lists|list_memberships|pinned_lists)"))
        return parse_and_check_list<v2::list>(body);
    if (is("/2/spaces(/search|/by/creator_ids)?")) return parse_and_check_list<v2::space>(body);
    if (is("/2/spaces/[^/]+")) return parse_and_check_one<v2::space>(body);
    if (is("/2/(dm_events|dm_conversations/.+/dm_events)")) return parse_and_check_list<v2::dm_event>(body);
    if (is("/2/compliance/jobs")) return parse_and_check_list<v2::compliance_job>(body);
    if (is("/2/compliance/jobs/[0-9]+")) return parse_and_check_one<v2::compliance_job>(body);
    BOOST_ERROR("no model for GET " << path);
    return false;
}

std::string path_of(std::string const& uri) {
    std::string_view const origin = "https://api.twitter.com";
    return uri.substr(origin.size(), uri.find('?') - origin.size());
}

bool is_v2(test::recorded_response const& r) {
    return r.request_uri.starts_with("https://api.twitter.com/2/");
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_recorded_v2_response_parses_into_its_model) {
    std::size_t parsed = 0;
    std::map<std::string, std::size_t> per_endpoint;
    for (test::recorded_response const& r : test::recorded_responses()) {
        if (!is_v2(r)) continue;
        BOOST_TEST_CONTEXT(r.file << ": " << r.request_method << ' ' << r.request_uri) {
            BOOST_TEST_REQUIRE(r.body.has_value());
            if (parse_recorded(r.request_method, path_of(r.request_uri), *r.body)) ++parsed;
        }
    }
    // The recordings hold 131 v2 exchanges (of 236), all of them 200 or 201.
    BOOST_TEST(parsed == 131u);
}

BOOST_AUTO_TEST_CASE(recorded_rate_limit_headers_reach_the_envelope) {
    std::size_t with_limits = 0;
    for (test::recorded_response const& r : test::recorded_responses()) {
        if (!is_v2(r) || r.request_method != "GET") continue;
        twitter::http::response res{static_cast<unsigned>(r.status), r.headers, r.body.value_or("")};
        auto const header = [&](std::string_view name) { return res.find_header(name); };
        // Read as tweets whatever the endpoint: a body of users may not fit, but the limits come from the
        // headers either way.
        v2::response<std::vector<v2::tweet>> out;
        static_cast<void>(v2::parse(res, out));
        auto const reset = header("x-rate-limit-reset");
        if (!header("x-rate-limit-limit") || !header("x-rate-limit-remaining") || !reset) {
            BOOST_TEST(!out.limits.window.has_value());
            continue;
        }
        BOOST_TEST_CONTEXT(r.file) {
            BOOST_TEST_REQUIRE(out.limits.window.has_value());
            BOOST_TEST(std::to_string(out.limits.window->limit) == *header("x-rate-limit-limit"));
            BOOST_TEST(std::to_string(out.limits.window->remaining) == *header("x-rate-limit-remaining"));
            BOOST_TEST(std::to_string(out.limits.window->reset) == *reset);
            ++with_limits;
        }
    }
    BOOST_TEST(with_limits > 50u);
}

BOOST_AUTO_TEST_CASE(a_tweet_with_every_modelled_field_is_read) {
    std::string const body = R"({
      "data": {
        "id": "1445880548472328192", "text": "Hello @TwitterDev #api $TWTR https://t.co/x",
        "edit_history_tweet_ids": ["1445880548472328192"], "author_id": "2244994945",
        "conversation_id": "1445880548472328192", "in_reply_to_user_id": "783214",
        "created_at": "2021-10-06T22:18:01.000Z", "lang": "en", "source": "Twitter Web App",
        "reply_settings": "everyone", "possibly_sensitive": false, "geo": {"place_id": "01a9a39529b27f36"},
        "referenced_tweets": [{"type": "quoted", "id": "1445078208190291968"}],
        "attachments": {"media_keys": ["3_1445880547184001024"], "poll_ids": ["1199786642468413448"]},
        "entities": {
          "urls": [{"start": 38, "end": 61, "url": "https://t.co/x", "expanded_url": "https://example.com/a",
                    "display_url": "example.com/a"}],
          "mentions": [{"start": 6, "end": 17, "username": "TwitterDev", "id": "2244994945"}],
          "hashtags": [{"start": 18, "end": 22, "tag": "api"}],
          "cashtags": [{"start": 23, "end": 28, "tag": "TWTR"}]
        },
        "public_metrics": {"retweet_count": 7, "reply_count": 3, "like_count": 41, "quote_count": 2,
                           "bookmark_count": 1, "impression_count": 18446744073709551615},
        "context_annotations": [{"domain": {"id": "46"}}]
      },
      "includes": {
        "users": [{"id": "2244994945", "name": "Twitter Dev", "username": "TwitterDev", "protected": false,
                   "verified": true, "public_metrics": {"followers_count": 518000, "following_count": 2000,
                   "tweet_count": 3900, "listed_count": 1700}}],
        "media": [{"media_key": "3_1445880547184001024", "type": "photo",
                   "url": "https://pbs.twimg.com/a.jpg",
                   "width": 1200, "height": 675, "alt_text": "a chart"}],
        "places": [{"id": "01a9a39529b27f36", "full_name": "Manhattan, NY", "country_code": "US",
                    "contained_within": []}],
        "polls": [{"id": "1199786642468413448", "voting_status": "closed", "duration_minutes": 1440,
                   "options": [{"position": 1, "label": "yes", "votes": 795}, {"position": 2, "label": "no",
                   "votes": 800}]}],
        "tweets": [{"id": "1445078208190291968", "text": "quoted"}]
      }
    })";
    v2::response<v2::tweet> out;
    BOOST_TEST_REQUIRE(!v2::parse(body, out));
    BOOST_TEST_REQUIRE(out.data.has_value());
    v2::tweet const& t = *out.data;
    BOOST_TEST(t.id == "1445880548472328192");
    BOOST_TEST(t.author_id.value_or("") == "2244994945");
    BOOST_TEST(t.in_reply_to_user_id.value_or("") == "783214");
    BOOST_TEST(t.created_at.value_or("") == "2021-10-06T22:18:01.000Z");
    BOOST_TEST(t.source.value_or("") == "Twitter Web App");
    BOOST_TEST((t.possibly_sensitive == std::optional<bool>(false)));
    BOOST_TEST(t.place_id.value_or("") == "01a9a39529b27f36");
    BOOST_TEST_REQUIRE(t.referenced_tweets.size() == 1u);
    BOOST_TEST(t.referenced_tweets[0].type == "quoted");
    BOOST_TEST(t.referenced_tweets[0].id == "1445078208190291968");
    BOOST_TEST_REQUIRE(t.attachments.has_value());
    BOOST_TEST(t.attachments->media_keys == std::vector<std::string>{"3_1445880547184001024"});
    BOOST_TEST(t.attachments->poll_ids == std::vector<std::string>{"1199786642468413448"});
    BOOST_TEST_REQUIRE(t.entities.has_value());
    BOOST_TEST_REQUIRE(t.entities->urls.size() == 1u);
    BOOST_TEST(t.entities->urls[0].start == 38);
    BOOST_TEST(t.entities->urls[0].end == 61);
    BOOST_TEST(t.entities->urls[0].expanded_url.value_or("") == "https://example.com/a");
    BOOST_TEST(!t.entities->urls[0].unwound_url.has_value());
    BOOST_TEST_REQUIRE(t.entities->mentions.size() == 1u);
    BOOST_TEST(t.entities->mentions[0].username == "TwitterDev");
    BOOST_TEST(t.entities->mentions[0].id.value_or("") == "2244994945");
    BOOST_TEST_REQUIRE(t.entities->hashtags.size() == 1u);
    BOOST_TEST(t.entities->hashtags[0].tag == "api");
    BOOST_TEST_REQUIRE(t.entities->cashtags.size() == 1u);
    BOOST_TEST(t.entities->cashtags[0].tag == "TWTR");
    BOOST_TEST_REQUIRE(t.public_metrics.has_value());
    BOOST_TEST(t.public_metrics->like_count == 41u);
    BOOST_TEST(t.public_metrics->quote_count == 2u);
    BOOST_TEST(t.public_metrics->impression_count.value_or(0) == 18446744073709551615u);

    BOOST_TEST_REQUIRE(out.includes.users.size() == 1u);
    v2::user const& u = out.includes.users[0];
    BOOST_TEST(u.username == "TwitterDev");
    BOOST_TEST((u.is_protected == std::optional<bool>(false)));
    BOOST_TEST((u.verified == std::optional<bool>(true)));
    BOOST_TEST_REQUIRE(u.public_metrics.has_value());
    BOOST_TEST(u.public_metrics->followers_count == 518000u);
    BOOST_TEST(!u.public_metrics->like_count.has_value());
    BOOST_TEST_REQUIRE(out.includes.media.size() == 1u);
    BOOST_TEST(out.includes.media[0].type == "photo");
    BOOST_TEST(out.includes.media[0].width.value_or(0) == 1200u);
    BOOST_TEST(out.includes.media[0].alt_text.value_or("") == "a chart");
    BOOST_TEST_REQUIRE(out.includes.places.size() == 1u);
    BOOST_TEST(out.includes.places[0].full_name == "Manhattan, NY");
    BOOST_TEST(out.includes.places[0].contained_within.empty());
    BOOST_TEST_REQUIRE(out.includes.polls.size() == 1u);
    BOOST_TEST_REQUIRE(out.includes.polls[0].options.size() == 2u);
    BOOST_TEST(out.includes.polls[0].options[1].label == "no");
    BOOST_TEST(out.includes.polls[0].options[1].votes == 800u);
    BOOST_TEST(out.includes.polls[0].duration_minutes.value_or(0) == 1440);
    BOOST_TEST_REQUIRE(out.includes.tweets.size() == 1u);
    BOOST_TEST(out.includes.tweets[0].text == "quoted");
    BOOST_TEST(out.includes.topics.empty());
}

BOOST_AUTO_TEST_CASE(absent_optional_fields_stay_empty) {
    v2::response<v2::user> out;
    BOOST_TEST_REQUIRE(!v2::parse(R"({"data":{"id":"783214","name":"X","username":"X"}})", out));
    BOOST_TEST_REQUIRE(out.data.has_value());
    BOOST_TEST(!out.data->created_at.has_value());
    BOOST_TEST(!out.data->public_metrics.has_value());
    BOOST_TEST(!out.data->is_protected.has_value());
    BOOST_TEST(!out.data->withheld.has_value());
    BOOST_TEST(!out.meta.result_count.has_value());
    BOOST_TEST(!out.limits.window.has_value());
}

BOOST_AUTO_TEST_CASE(unknown_members_and_nulls_are_ignored) {
    v2::response<v2::user> out;
    BOOST_TEST_REQUIRE(!v2::parse(R"({"data":{"id":"1","name":"a","username":"b","location":null,
        "affiliation":{"badge_url":"x"},"most_recent_tweet_id":"2"},"future":[1,2,{"x":null}]})",
                                  out));
    BOOST_TEST_REQUIRE(out.data.has_value());
    BOOST_TEST(out.data->username == "b");
    BOOST_TEST(!out.data->location.has_value());
}

BOOST_AUTO_TEST_CASE(partial_errors_are_data) {
    // GET /2/tweets?ids=20,1 where the second tweet no longer exists: 200, data and errors side by side.
    std::string const body =
        R"({"data":[{"id":"20","text":"just setting up my twttr","edit_history_tweet_ids":["20"]}],
      "errors":[{"value":"1","detail":"Could not find tweet with ids: [1].","title":"Not Found Error",
      "resource_type":"tweet","parameter":"ids","resource_id":"1",
      "type":"https://api.twitter.com/2/problems/resource-not-found"}]})";
    v2::response<std::vector<v2::tweet>> out;
    BOOST_TEST_REQUIRE(!v2::parse(body, out));
    BOOST_TEST_REQUIRE(out.data.size() == 1u);
    BOOST_TEST(out.data[0].id == "20");
    BOOST_TEST_REQUIRE(out.errors.size() == 1u);
    BOOST_TEST(out.errors[0].title == "Not Found Error");
    BOOST_TEST(out.errors[0].detail == "Could not find tweet with ids: [1].");
    BOOST_TEST(out.errors[0].type == "https://api.twitter.com/2/problems/resource-not-found");
    BOOST_TEST(out.errors[0].parameter == "ids");
    BOOST_TEST(out.errors[0].value == "1");
}

BOOST_AUTO_TEST_CASE(a_single_object_answer_with_only_errors_has_no_data) {
    v2::response<v2::tweet> out;
    std::string const body = R"({"errors":[{"title":"Authorization Error",)"
                             R"("detail":"Sorry, you are not authorized to see the Tweet with id: [1].",)"
                             R"("type":"https://api.twitter.com/2/problems/not-authorized-for-resource"}]})";
    BOOST_TEST_REQUIRE(!v2::parse(body, out));
    BOOST_TEST(!out.data.has_value());
    BOOST_TEST_REQUIRE(out.errors.size() == 1u);
    BOOST_TEST(out.errors[0].title == "Authorization Error");
}

BOOST_AUTO_TEST_CASE(an_empty_page_has_no_data_and_keeps_meta) {
    v2::response<std::vector<v2::dm_event>> out;
    BOOST_TEST_REQUIRE(!v2::parse(R"({"meta":{"result_count":0}})", out));
    BOOST_TEST(out.data.empty());
    BOOST_TEST((out.meta.result_count == std::optional<std::uint64_t>(0)));
    BOOST_TEST(!out.meta.next_token.has_value());
}

BOOST_AUTO_TEST_CASE(bodies_that_are_not_json_are_malformed) {
    for (std::string_view const body : {"", " ", "<html>Over capacity</html>", "{", "{\"data\":", "nul",
                                        "{\"data\":{}} trailing", "\xff\xfe"}) {
        v2::response<v2::tweet> out;
        BOOST_TEST(v2::parse(body, out) == error_code(protocol_errc::malformed_json), body);
    }
}

BOOST_AUTO_TEST_CASE(every_truncation_of_a_real_body_is_malformed) {
    std::optional<std::string> body;
    for (test::recorded_response const& r : test::recorded_responses())
        if (r.request_uri.starts_with("https://api.twitter.com/2/users/783214/tweets") && r.body)
            body = r.body;
    BOOST_TEST_REQUIRE(body.has_value());
    std::string_view whole(*body);
    while (!whole.empty() && (whole.back() == '\n' || whole.back() == ' ' || whole.back() == '\r'))
        whole.remove_suffix(1);
    BOOST_TEST_REQUIRE(whole.size() > 100u);
    std::size_t rejected = 0;
    for (std::size_t n = 0; n < whole.size(); ++n) {
        v2::response<std::vector<v2::tweet>> out;
        if (v2::parse(whole.substr(0, n), out) == error_code(protocol_errc::malformed_json)) ++rejected;
    }
    BOOST_TEST(rejected == whole.size());
    v2::response<std::vector<v2::tweet>> out;
    BOOST_TEST(!v2::parse(whole, out));
}

BOOST_AUTO_TEST_CASE(json_of_the_wrong_shape_is_malformed) {
    auto const single = [](std::string_view body) {
        v2::response<v2::tweet> out;
        return v2::parse(body, out);
    };
    auto const many = [](std::string_view body) {
        v2::response<std::vector<v2::user>> out;
        return v2::parse(body, out);
    };
    error_code const malformed = protocol_errc::malformed_json;
    BOOST_TEST(single("[]") == malformed);  // not an object
    BOOST_TEST(single("null") == malformed);
    BOOST_TEST(single(R"({"data":"1"})") == malformed);                      // data not an object
    BOOST_TEST(single(R"({"data":[{"id":"1","text":"a"}]})") == malformed);  // a list where one belongs
    BOOST_TEST(single(R"({"data":{"id":1,"text":"a"}})") == malformed);      // a numeric id
    BOOST_TEST(single(R"({"data":{"text":"a"}})") == malformed);             // no id
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a","edit_history_tweet_ids":"1"}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a","edit_history_tweet_ids":[1]}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a","public_metrics":{"like_count":-1}}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a","public_metrics":{"like_count":"1"}}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a","possibly_sensitive":"no"}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a","geo":"x"}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a"},"includes":[]})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a"},"includes":{"users":[{"id":"2"}]}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a"},"meta":{"result_count":"1"}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a"},"errors":{"title":"x"}})") == malformed);
    BOOST_TEST(single(R"({"data":{"id":"1","text":"a"},"errors":["x"]})") == malformed);
    BOOST_TEST(many(R"({"data":{"id":"1","name":"a","username":"b"}})") ==
               malformed);  // one where a list belongs
    BOOST_TEST(many(R"({"data":[{"id":"1","name":"a","username":"b"},7]})") == malformed);
    BOOST_TEST(many(R"({"data":[{"id":"1","name":"a"}]})") == malformed);     // no username
    BOOST_TEST(!many(R"({"data":[{"id":"1","name":"a","username":"b"}]})"));  // the control: fine
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_malformed_not_a_crash) {
    std::string body = R"({"data":{"id":"1","text":"a","x":)";
    body += std::string(100000, '[');
    body += std::string(100000, ']');
    body += "}}";
    v2::response<v2::tweet> out;
    BOOST_TEST(v2::parse(body, out) == error_code(protocol_errc::malformed_json));
}

BOOST_AUTO_TEST_CASE(parsing_again_replaces_the_previous_page) {
    v2::response<std::vector<v2::user>> out;
    BOOST_TEST_REQUIRE(!v2::parse(R"({"data":[{"id":"1","name":"a","username":"b"}],
        "meta":{"result_count":1,"next_token":"T1"},"errors":[{"title":"x"}]})",
                                  out));
    out.limits.window = twitter::rate_limit{15, 14, 1700000000};
    BOOST_TEST_REQUIRE(!v2::parse(R"({"meta":{"result_count":0}})", out));
    BOOST_TEST(out.data.empty());
    BOOST_TEST(out.errors.empty());
    BOOST_TEST(!out.meta.next_token.has_value());
    BOOST_TEST(out.raw_json == R"({"meta":{"result_count":0}})");
    BOOST_TEST_REQUIRE(out.limits.window.has_value());  // a body says nothing about limits: those stay
    BOOST_TEST(out.limits.window->remaining == 14u);
}

BOOST_AUTO_TEST_CASE(a_response_without_limit_headers_has_no_limits) {
    twitter::http::response res{200, {{"content-type", "application/json"}}, R"({"data":{"liked":true}})"};
    v2::response<v2::action_result> out;
    out.limits.window = twitter::rate_limit{1, 1, 1};
    BOOST_TEST_REQUIRE(!v2::parse(res, out));
    BOOST_TEST(!out.limits.window.has_value());
    BOOST_TEST((out.data->liked == std::optional<bool>(true)));
}

BOOST_AUTO_TEST_SUITE_END()
