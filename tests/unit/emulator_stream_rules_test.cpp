// The filtered stream's rules and the streams' lines, without sockets: rule syntax, which tweets a rule
// matches, the rules endpoints as X documents them (through service::handle), and what the stream hub
// queues for each open stream.

#include "emulator/stream_rules.hpp"

#include "emulator/service.hpp"
#include "emulator/streams.hpp"
#include "emulator_world_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace twitter::emulator::detail;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

constexpr std::string_view rules_path = "/2/tweets/search/stream/rules";

struct matcher_fixture : test::world_fixture {
    bool matches(std::string_view rule, tweet_record const& t) {
        BOOST_TEST_REQUIRE(rule_problem(rule).empty(), rule);
        return search_query::parse(rule)->matches(w, t);
    }
};

service_params params(std::size_t max_rules = 1000, stream_limits limits = {}) {
    service_params p;
    p.rate_limit_per_window = 100000;
    p.max_stream_rules = max_rules;
    p.streams = limits;
    return p;
}

struct service_fixture {
    explicit service_fixture(service_params p = params()) : api(std::move(p)) {}

    api_response call(std::string_view method, std::string const& target, std::string const& token,
                      std::string_view body = {}) {
        auto const authorization = "Bearer " + token;
        return api.handle({method, target, authorization, body, "https", "localhost", "application/json"},
                          now);
    }
    api_response app(std::string_view method, std::string const& target, std::string_view body = {}) {
        return call(method, target, api.app_bearer_token(), body);
    }
    api_response add_rules(std::string_view body, std::string const& query = {}) {
        return app("POST", std::string(rules_path) + query, body);
    }
    json::value rules() {
        auto const r = app("GET", std::string(rules_path));
        BOOST_TEST_REQUIRE(r.status == 200u);
        return json::parse(r.body);
    }
    std::string add_rule(std::string_view value, std::string_view tag = {}) {
        std::string body = R"({"add":[{"value":")" + std::string(value) + '"';
        if (!tag.empty()) {
            body += R"(,"tag":")" + std::string(tag) + '"';
        }
        body += "}]}";
        auto const r = add_rules(body);
        BOOST_TEST_REQUIRE(r.status == 201u, r.body);
        return std::string(json::parse(r.body).at("data").at(0).at("id").as_string());
    }
    std::int64_t now_ms() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    }
    // Opens a stream whose wakes are counted.
    std::uint64_t open(stream_kind kind, std::int64_t backfill_minutes = 0,
                       std::string_view expansions = {}) {
        stream_request req;
        req.kind = kind;
        req.backfill_minutes = backfill_minutes;
        if (!expansions.empty()) {
            req.fields.expansions.emplace(expansions);
        }
        auto const id = api.streams().open(req, api.state(), api.rules(), now_ms(), [this] { ++wakes; });
        BOOST_TEST_REQUIRE(id.has_value());
        return *id;
    }
    std::vector<json::value> lines(std::uint64_t stream) {
        std::vector<json::value> out;
        for (auto const& line : api.streams().take(stream).lines) {
            BOOST_TEST(line.ends_with("\r\n"));
            out.push_back(json::parse(line));
        }
        return out;
    }
    std::string post_tweet(std::string_view text) {
        auto const r =
            call("POST", "/2/tweets", api.default_user_token(), R"({"text":")" + std::string(text) + R"("})");
        BOOST_TEST_REQUIRE(r.status == 201u, r.body);
        return std::string(json::parse(r.body).at("data").at("id").as_string());
    }

    service api;
    service::clock::time_point now = service::clock::time_point{1'700'000'000s};
    int wakes = 0;
};

bool is_rfc3339(json::value const& v) {
    auto const s = v.as_string();
    return s.size() == 24 && s[10] == 'T' && s.ends_with("Z");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_stream_rules)

BOOST_AUTO_TEST_CASE(rule_syntax_is_checked_as_x_does) {
    for (std::string_view valid : {"cat", "\"grumpy cat\" -dog", "(cat OR dog) has:media", "from:XDevelopers",
                                   "-(cat OR dog) bird", "cat OR dog OR bird"}) {
        BOOST_TEST(rule_problem(valid).empty(), valid);
    }
    for (std::string_view invalid : {"", "   ", "\"grumpy cat", "(cat OR dog", "cat OR dog)", "cat OR",
                                     "OR cat", "cat OR OR dog", "()", "from:", "(cat OR) dog"}) {
        BOOST_TEST(!rule_problem(invalid).empty(), invalid);
    }
    BOOST_TEST(rule_problem(std::string(512, 'a')).empty());
    BOOST_TEST(rule_problem(std::string(513, 'a')).find("512") != std::string::npos);
    BOOST_TEST(rule_problem("cat OR").find("OR") != std::string::npos);
    BOOST_TEST(rule_problem("(cat").find("parenthes") != std::string::npos);
    BOOST_TEST(rule_problem("\"cat").find("quote") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(rules_match_keywords_authors_phrases_and_groups, matcher_fixture) {
    auto const& t = add(783214, "The grumpy cat sat on the mat #caturday");
    BOOST_TEST(matches("cat", t));
    BOOST_TEST(!matches("dog", t));
    BOOST_TEST(matches("cat mat", t));  // AND
    BOOST_TEST(!matches("cat dog", t));
    BOOST_TEST(matches("dog OR mat", t));      // OR
    BOOST_TEST(!matches("cat -grumpy", t));    // negation
    BOOST_TEST(matches("\"grumpy cat\"", t));  // phrase
    BOOST_TEST(!matches("\"cat grumpy\"", t));
    BOOST_TEST(matches("from:X cat", t));  // from: by username
    BOOST_TEST(!matches("from:XDevelopers cat", t));
    BOOST_TEST(matches("#caturday", t));
    // AND binds tighter than OR; parentheses change that.
    BOOST_TEST(matches("dog bird OR cat", t));
    BOOST_TEST(!matches("dog (bird OR cat)", t));
    BOOST_TEST(!matches("-(cat OR dog)", t));
    BOOST_TEST(matches("-(bird OR dog) cat", t));
}

BOOST_FIXTURE_TEST_CASE(added_rules_are_listed_with_ids_and_tags, service_fixture) {
    auto const empty = rules();
    BOOST_TEST(!empty.as_object().contains("data"));
    BOOST_TEST(empty.at("meta").at("result_count").as_int64() == 0);
    BOOST_TEST(is_rfc3339(empty.at("meta").at("sent")));

    auto const r =
        add_rules(R"({"add":[{"value":"cat has:media","tag":"cats with media"},{"value":"dog"}]})");
    BOOST_TEST_REQUIRE(r.status == 201u, r.body);
    auto const doc = json::parse(r.body);
    auto const& data = doc.at("data").as_array();
    BOOST_TEST_REQUIRE(data.size() == 2u);
    BOOST_TEST(data[0].at("value").as_string() == "cat has:media");
    BOOST_TEST(data[0].at("tag").as_string() == "cats with media");
    BOOST_TEST(!data[1].as_object().contains("tag"));
    for (auto const& rule : data) {
        auto const id = rule.at("id").as_string();
        BOOST_TEST(id.size() == 19u);
        BOOST_TEST(parse_id(id).has_value());
    }
    auto const& summary = doc.at("meta").at("summary");
    BOOST_TEST(summary.at("created").as_int64() == 2);
    BOOST_TEST(summary.at("not_created").as_int64() == 0);
    BOOST_TEST(summary.at("valid").as_int64() == 2);
    BOOST_TEST(summary.at("invalid").as_int64() == 0);

    auto const listed = rules();
    BOOST_TEST(listed.at("meta").at("result_count").as_int64() == 2);
    BOOST_TEST(listed.at("data").at(0).at("id") == data[0].at("id"));
    BOOST_TEST(listed.at("data").at(1).at("value").as_string() == "dog");
    BOOST_TEST(!listed.at("data").at(1).as_object().contains("tag"));

    auto const by_id =
        app("GET", std::string(rules_path) + "?ids=" + std::string(data[1].at("id").as_string()) +
                       ",1234567890123456789");
    BOOST_TEST_REQUIRE(by_id.status == 200u);
    auto const selected = json::parse(by_id.body);
    BOOST_TEST(selected.at("meta").at("result_count").as_int64() == 1);
    BOOST_TEST(selected.at("data").at(0).at("value").as_string() == "dog");
}

BOOST_FIXTURE_TEST_CASE(a_duplicate_is_not_created_and_names_the_existing_rule, service_fixture) {
    auto const cat = add_rule("cat");
    auto const only_duplicate = add_rules(R"({"add":[{"value":"cat"}]})");
    BOOST_TEST(only_duplicate.status == 200u);
    auto const doc = json::parse(only_duplicate.body);
    BOOST_TEST(!doc.as_object().contains("data"));
    BOOST_TEST(doc.at("errors").at(0).at("id").as_string() == cat);
    BOOST_TEST(doc.at("errors").at(0).at("value").as_string() == "cat");
    BOOST_TEST(doc.at("errors").at(0).at("title").as_string() == "DuplicateRule");
    BOOST_TEST(doc.at("errors").at(0).at("type").as_string() ==
               "https://api.twitter.com/2/problems/duplicate-rules");
    BOOST_TEST(doc.at("meta").at("summary").at("not_created").as_int64() == 1);

    auto const mixed = add_rules(R"({"add":[{"value":"cat"},{"value":"dog"},{"value":"dog"}]})");
    BOOST_TEST(mixed.status == 201u);
    auto const m = json::parse(mixed.body);
    BOOST_TEST(m.at("data").as_array().size() == 1u);
    BOOST_TEST(m.at("errors").as_array().size() == 2u);
    BOOST_TEST(m.at("meta").at("summary").at("created").as_int64() == 1);
    BOOST_TEST(m.at("meta").at("summary").at("not_created").as_int64() == 2);
    BOOST_TEST(rules().at("meta").at("result_count").as_int64() == 2);
}

BOOST_FIXTURE_TEST_CASE(an_invalid_rule_refuses_the_whole_request, service_fixture) {
    auto const r = add_rules(R"({"add":[{"value":"cat"},{"value":"(dog OR"}]})");
    BOOST_TEST_REQUIRE(r.status == 400u);
    auto const doc = json::parse(r.body);
    auto const& error = doc.at("errors").at(0);
    BOOST_TEST(error.at("value").as_string() == "(dog OR");
    BOOST_TEST(!error.at("details").at(0).as_string().empty());
    BOOST_TEST(error.at("title").as_string() == "Invalid Rule");
    BOOST_TEST(error.at("type").as_string() == "https://api.twitter.com/2/problems/invalid-rules");
    auto const& summary = doc.at("meta").at("summary");
    BOOST_TEST(summary.at("created").as_int64() == 0);
    BOOST_TEST(summary.at("not_created").as_int64() == 2);
    BOOST_TEST(summary.at("valid").as_int64() == 1);
    BOOST_TEST(summary.at("invalid").as_int64() == 1);
    BOOST_TEST(rules().at("meta").at("result_count").as_int64() == 0);
}

BOOST_FIXTURE_TEST_CASE(a_dry_run_reports_but_stores_nothing, service_fixture) {
    auto const r = add_rules(R"({"add":[{"value":"cat","tag":"t"}]})", "?dry_run=true");
    BOOST_TEST_REQUIRE(r.status == 200u, r.body);
    auto const doc = json::parse(r.body);
    BOOST_TEST(doc.at("data").at(0).at("id").as_string().size() == 19u);
    BOOST_TEST(doc.at("meta").at("summary").at("created").as_int64() == 1);
    BOOST_TEST(rules().at("meta").at("result_count").as_int64() == 0);

    auto const cat = add_rule("cat");
    auto const dry_delete = add_rules(R"({"delete":{"ids":[")" + cat + R"("]}})", "?dry_run=true");
    BOOST_TEST(json::parse(dry_delete.body).at("meta").at("summary").at("deleted").as_int64() == 1);
    BOOST_TEST(rules().at("meta").at("result_count").as_int64() == 1);
}

BOOST_FIXTURE_TEST_CASE(delete_counts_unknown_ids_as_not_deleted, service_fixture) {
    auto const cat = add_rule("cat");
    auto const dog = add_rule("dog");
    auto const r = add_rules(R"({"delete":{"ids":[")" + cat + R"(","1234567890123456789"]}})");
    BOOST_TEST_REQUIRE(r.status == 200u, r.body);
    auto const doc = json::parse(r.body);
    BOOST_TEST(doc.at("meta").at("summary").at("deleted").as_int64() == 1);
    BOOST_TEST(doc.at("meta").at("summary").at("not_deleted").as_int64() == 1);
    BOOST_TEST(doc.at("errors").at(0).at("value").as_string() == "1234567890123456789");
    BOOST_TEST(is_rfc3339(doc.at("meta").at("sent")));
    auto const left = rules();
    BOOST_TEST(left.at("meta").at("result_count").as_int64() == 1);
    BOOST_TEST(left.at("data").at(0).at("id").as_string() == dog);
}

BOOST_FIXTURE_TEST_CASE(malformed_bodies_are_invalid_requests, service_fixture) {
    for (std::string_view body :
         {"{not json", "{}", R"({"add":[]})", R"({"add":[{"tag":"x"}]})", R"({"delete":{"ids":[]}})",
          R"({"add":[{"value":"a"}],"delete":{"ids":["1"]}})"}) {
        auto const r = add_rules(body);
        BOOST_TEST(r.status == 400u, body);
        BOOST_TEST(json::parse(r.body).at("title").as_string() == "Invalid Request", body);
    }
    BOOST_TEST(add_rules(R"({"add":[{"value":"a"}]})", "?dry_run=maybe").status == 400u);
}

BOOST_FIXTURE_TEST_CASE(rules_and_streams_need_the_app_only_bearer, service_fixture) {
    for (auto const& [method, path] :
         {std::pair<std::string_view, std::string>{"GET", std::string(rules_path)},
          {"POST", std::string(rules_path)},
          {"GET", "/2/tweets/search/stream"},
          {"GET", "/2/tweets/sample/stream"}}) {
        auto const r = call(method, path, api.default_user_token(), R"({"add":[{"value":"a"}]})");
        BOOST_TEST(r.status == 403u, path);
        BOOST_TEST(json::parse(r.body).at("title").as_string() == "Unsupported Authentication", path);
        BOOST_TEST(!r.stream);
    }
    BOOST_TEST(rules().at("meta").at("result_count").as_int64() == 0);
}

BOOST_AUTO_TEST_CASE(the_rule_cap_refuses_rules_beyond_it) {
    service_fixture capped(params(2));
    capped.add_rule("cat");
    auto const r = capped.add_rules(R"({"add":[{"value":"dog"},{"value":"bird"}]})");
    BOOST_TEST_REQUIRE(r.status == 400u);
    BOOST_TEST(json::parse(r.body).at("errors").at(0).at("type").as_string() ==
               "https://api.twitter.com/2/problems/rule-cap");
    BOOST_TEST(capped.rules().at("meta").at("result_count").as_int64() == 1);
    BOOST_TEST(capped.add_rules(R"({"add":[{"value":"dog"}]})").status == 201u);
}

BOOST_FIXTURE_TEST_CASE(stream_endpoints_accept_fields_and_backfill_up_to_five_minutes, service_fixture) {
    auto const r =
        app("GET", "/2/tweets/search/stream?expansions=author_id&tweet.fields=created_at&backfill_minutes=5");
    BOOST_TEST_REQUIRE(r.status == 200u, r.body);
    BOOST_TEST_REQUIRE(r.stream != nullptr);
    BOOST_TEST((r.stream->kind == stream_kind::filtered));
    BOOST_TEST(r.stream->backfill_minutes == 5);
    BOOST_TEST(r.stream->fields.expansions.contains("author_id"));
    service_fixture documented_limits{service_params{}};
    auto const limited = documented_limits.app("GET", "/2/tweets/sample/stream");
    BOOST_TEST_REQUIRE(limited.limits.has_value());
    BOOST_TEST(limited.limits->limit == 50u);  // X: 50 connection requests per 15 minutes and app

    auto const sample = app("GET", "/2/tweets/sample/stream");
    BOOST_TEST_REQUIRE(sample.stream != nullptr);
    BOOST_TEST((sample.stream->kind == stream_kind::sample));

    for (std::string_view bad :
         {"backfill_minutes=6", "backfill_minutes=-1", "backfill_minutes=x", "tweet.fields=nonsense"}) {
        auto const refused = app("GET", "/2/tweets/search/stream?" + std::string(bad));
        BOOST_TEST(refused.status == 400u, bad);
        BOOST_TEST(!refused.stream, bad);
    }
}

BOOST_FIXTURE_TEST_CASE(a_filtered_stream_gets_matching_tweets_with_their_rules, service_fixture) {
    auto const cats = add_rule("cat", "cats");
    auto const felines = add_rule("cat OR lion");
    add_rule("dog");
    auto const stream = open(stream_kind::filtered, 0, "author_id");
    BOOST_TEST(lines(stream).empty());

    auto const id = post_tweet("a cat naps");
    post_tweet("nothing to see");
    BOOST_TEST(wakes >= 1);
    auto const got = lines(stream);
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0].at("data").at("id").as_string() == id);
    BOOST_TEST(got[0].at("data").at("text").as_string() == "a cat naps");
    BOOST_TEST(got[0].at("includes").at("users").at(0).at("id").as_string() == api.default_user_id());
    auto const& matching = got[0].at("matching_rules").as_array();
    BOOST_TEST_REQUIRE(matching.size() == 2u);
    BOOST_TEST(matching[0].at("id").as_string() == cats);
    BOOST_TEST(matching[0].at("tag").as_string() == "cats");
    BOOST_TEST(matching[1].at("id").as_string() == felines);
    BOOST_TEST(!matching[1].as_object().contains("tag"));
}

BOOST_FIXTURE_TEST_CASE(a_sample_stream_gets_every_new_tweet_without_rules, service_fixture) {
    auto const stream = open(stream_kind::sample);
    post_tweet("one");
    api.add_tweet(api.default_user_id(), "two", now);
    auto const got = lines(stream);
    BOOST_TEST_REQUIRE(got.size() == 2u);
    BOOST_TEST(got[0].at("data").at("text").as_string() == "one");
    BOOST_TEST(got[1].at("data").at("text").as_string() == "two");
    BOOST_TEST(!got[0].as_object().contains("matching_rules"));
    BOOST_TEST(!got[0].as_object().contains("includes"));
    BOOST_CHECK_THROW(api.add_tweet("42", "nobody", now), std::invalid_argument);
}

BOOST_FIXTURE_TEST_CASE(backfill_sends_recent_matching_tweets_oldest_first, service_fixture) {
    now -= 10min;
    api.add_tweet(api.default_user_id(), "an old cat", now);
    now += 7min;
    api.add_tweet(api.default_user_id(), "a recent cat", now);
    now += 1min;
    api.add_tweet(api.default_user_id(), "a newer cat", now);
    api.add_tweet(api.default_user_id(), "a recent dog", now);
    now += 2min;
    add_rule("cat");  // after the tweets: its id comes from the same snowflake clock
    auto const stream = open(stream_kind::filtered, 5);
    auto const got = lines(stream);
    BOOST_TEST_REQUIRE(got.size() == 2u);
    BOOST_TEST(got[0].at("data").at("text").as_string() == "a recent cat");
    BOOST_TEST(got[1].at("data").at("text").as_string() == "a newer cat");
    BOOST_TEST(lines(open(stream_kind::sample)).empty());  // no backfill asked
}

BOOST_FIXTURE_TEST_CASE(each_stream_kind_has_its_connection_limit, service_fixture) {
    auto const first = open(stream_kind::filtered);
    open(stream_kind::sample);
    auto const refused =
        api.streams().open({stream_kind::filtered, {}, 0}, api.state(), api.rules(), now_ms(), [] {});
    BOOST_TEST(!refused.has_value());
    BOOST_TEST(api.streams().open_count() == 2u);
    api.streams().close(first);
    BOOST_TEST(api.streams().open_count() == 1u);
    open(stream_kind::filtered);
}

BOOST_AUTO_TEST_CASE(a_stream_whose_queue_overflows_is_cut_off) {
    service_fixture f(params(1000, {1, 3}));
    auto const stream = f.open(stream_kind::sample);
    for (int i = 0; i < 3; ++i) {
        f.api.add_tweet(f.api.default_user_id(), "kept", f.now);
    }
    auto kept = f.api.streams().take(stream);
    BOOST_TEST(kept.lines.size() == 3u);
    BOOST_TEST(!kept.overflowed);
    for (int i = 0; i < 4; ++i) {
        f.api.add_tweet(f.api.default_user_id(), "too many", f.now);
    }
    auto const cut = f.api.streams().take(stream);
    BOOST_TEST(cut.overflowed);
    BOOST_TEST(cut.lines.empty());
}

BOOST_AUTO_TEST_SUITE_END()
