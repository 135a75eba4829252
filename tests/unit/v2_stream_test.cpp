// The streams' requests and the rules endpoints' builders, and the parsing of stream lines and rules answers.

#include <twitter/v2/stream.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(v2_stream)

namespace {

namespace v2 = twitter::v2;
namespace http = twitter::http;
using twitter::error_code;
using twitter::protocol_errc;

std::set<std::string> names_of(std::vector<twitter::param> const& query) {
    std::set<std::string> names;
    for (auto const& p : query) names.insert(p.name);
    return names;
}

std::string value_of(std::vector<twitter::param> const& query, std::string const& name) {
    for (auto const& p : query)
        if (p.name == name) return p.value;
    return "<absent>";
}

// The query parameters the reference table lists for a StreamingClient row, e.g. "`get_rules`".
std::set<std::string> accepted_by(std::string const& row_start) {
    std::ifstream in(std::filesystem::path(TWITTER_SHARED_DIR) / "reference" / "api-v2-endpoints.md");
    std::string line;
    while (std::getline(in, line)) {
        if (!line.starts_with("| " + row_start)) continue;
        std::string const cell = line.substr(line.find('|', 2) + 1);
        std::set<std::string> names;
        std::string name;
        for (char c : cell) {
            if (c == ',' || c == '|') {
                auto const b = name.find_first_not_of(' ');
                if (b != std::string::npos) names.insert(name.substr(b, name.find_last_not_of(' ') - b + 1));
                name.clear();
            } else {
                name += c;
            }
        }
        return names;
    }
    BOOST_FAIL("no row " << row_start << " in the reference table");
    return {};
}

bool same_json(std::string const& a, std::string const& b) { return boost::json::parse(a) == boost::json::parse(b); }

}  // namespace

BOOST_AUTO_TEST_CASE(the_streams_send_every_parameter_the_table_accepts) {
    v2::stream_params everything;
    everything.fields.expansions = {v2::expansion::author_id};
    everything.fields.tweet_fields = {v2::tweet_field::created_at};
    everything.fields.user_fields = {v2::user_field::username};
    everything.fields.media_fields = {v2::media_field::url};
    everything.fields.place_fields = {v2::place_field::country};
    everything.fields.poll_fields = {v2::poll_field::options};
    everything.backfill_minutes = 2;
    auto const accepted = accepted_by("`filter` / `sample`");
    BOOST_TEST(accepted.size() == 7u);

    http::request const filter = v2::filter_stream(everything);
    BOOST_TEST(filter.target == "/2/tweets/search/stream");
    BOOST_TEST((names_of(filter.query) == accepted));
    BOOST_TEST(value_of(filter.query, "backfill_minutes") == "2");
    BOOST_TEST((filter.auth == http::auth_mode::bearer));
    BOOST_TEST((filter.method == http::verb::get));

    http::request const sample = v2::sample_stream(everything);
    BOOST_TEST(sample.target == "/2/tweets/sample/stream");
    BOOST_TEST((names_of(sample.query) == accepted));

    BOOST_TEST(v2::filter_stream().query.empty());
}

BOOST_AUTO_TEST_CASE(get_rules_asks_for_all_rules_or_some_by_id) {
    auto const all = v2::get_rules();
    BOOST_TEST(all.http.target == "/2/tweets/search/stream/rules");
    BOOST_TEST(all.http.query.empty());
    BOOST_TEST((all.http.auth == http::auth_mode::bearer));

    auto const some = v2::get_rules({"1", "22"});
    BOOST_TEST((names_of(some.http.query) == accepted_by("`get_rules`")));
    BOOST_TEST(value_of(some.http.query, "ids") == "1,22");
}

BOOST_AUTO_TEST_CASE(add_rules_posts_the_values_and_tags_and_dry_run_as_a_boolean) {
    auto const r = v2::add_rules({{"cats has:media", "cat pictures"}, {"from:XDevelopers", ""}});
    BOOST_TEST((r.http.method == http::verb::post));
    BOOST_TEST(r.http.target == "/2/tweets/search/stream/rules");
    BOOST_TEST((r.http.kind == http::body_kind::json));
    BOOST_TEST(same_json(r.http.body,
                         R"({"add":[{"value":"cats has:media","tag":"cat pictures"},{"value":"from:XDevelopers"}]})"));
    BOOST_TEST(r.http.query.empty());

    auto const dry = v2::add_rules({{"dogs", ""}}, true);
    BOOST_TEST((names_of(dry.http.query) == accepted_by("`add_rules` / `delete_rules`")));
    BOOST_TEST(value_of(dry.http.query, "dry_run") == "true");
}

BOOST_AUTO_TEST_CASE(delete_rules_posts_the_ids) {
    auto const r = v2::delete_rules({"1165037377523306498", "1165037377523306499"}, true);
    BOOST_TEST((r.http.method == http::verb::post));
    BOOST_TEST(same_json(r.http.body, R"({"delete":{"ids":["1165037377523306498","1165037377523306499"]}})"));
    BOOST_TEST(value_of(r.http.query, "dry_run") == "true");
}

BOOST_AUTO_TEST_CASE(a_filtered_stream_line_gives_the_tweet_its_includes_and_matching_rules) {
    std::string const line =
        R"({"data":{"id":"1346889436626259968","text":"Learn how to use the user Tweet timeline",)"
        R"("author_id":"2244994945","edit_history_tweet_ids":["1346889436626259968"]},)"
        R"("includes":{"users":[{"id":"2244994945","name":"X Dev","username":"XDevelopers"}]},)"
        R"("matching_rules":[{"id":"1166916266197536768","tag":"from X Dev"},{"id":"1166916266197536769"}]})";
    v2::stream_event event;
    event.dropped_before = 7;
    BOOST_TEST(!v2::parse(line, event));
    BOOST_TEST_REQUIRE(event.data.has_value());
    BOOST_TEST(event.data->id == "1346889436626259968");
    BOOST_TEST(event.data->author_id.value_or("") == "2244994945");
    BOOST_TEST_REQUIRE(event.includes.users.size() == 1u);
    BOOST_TEST(event.includes.users[0].username == "XDevelopers");
    BOOST_TEST_REQUIRE(event.matching_rules.size() == 2u);
    BOOST_TEST(event.matching_rules[0].id == "1166916266197536768");
    BOOST_TEST(event.matching_rules[0].tag == "from X Dev");
    BOOST_TEST(event.matching_rules[1].tag.empty());
    BOOST_TEST(event.errors.empty());
    BOOST_TEST(event.raw_json == line);
    BOOST_TEST(event.dropped_before == 0u);  // set by the stream, never by the parser
}

BOOST_AUTO_TEST_CASE(an_operational_disconnect_is_an_event_with_errors_only) {
    std::string const line =
        R"({"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect",)"
        R"("detail":"This stream has been disconnected upstream for operational reasons.",)"
        R"("type":"https://api.twitter.com/2/problems/operational-disconnect"}]})";
    v2::stream_event event;
    BOOST_TEST(!v2::parse(line, event));
    BOOST_TEST(!event.data.has_value());
    BOOST_TEST_REQUIRE(event.errors.size() == 1u);
    BOOST_TEST(event.errors[0].title == "operational-disconnect");
    BOOST_TEST(event.errors[0].type == "https://api.twitter.com/2/problems/operational-disconnect");
}

BOOST_AUTO_TEST_CASE(a_line_that_is_not_an_event_is_malformed_json) {
    for (std::string const& line : {std::string("{\"data\":{\"id\":\"1\",\"text\""), std::string("[]"),
                                   std::string("\r"), std::string(R"({"matching_rules":{"id":"1"}})"),
                                   std::string(R"({"data":{"text":"no id"}})"),
                                   std::string(R"({"matching_rules":[{"tag":"no id"}]})")}) {
        v2::stream_event event;
        BOOST_TEST((v2::parse(line, event) == error_code(protocol_errc::malformed_json)), line);
    }
}

BOOST_AUTO_TEST_CASE(the_rules_answers_parse_with_their_summary) {
    v2::response<std::vector<v2::stream_rule>> listed;
    BOOST_TEST(!v2::parse(std::string_view(R"({"data":[{"id":"1273026480692322304","value":"cat has:images",)"
                                           R"("tag":"cats with images"},{"id":"1273028376882589696","value":"dog"}],)"
                                           R"("meta":{"sent":"2020-06-16T22:55:39.356Z","result_count":2}})"),
                          listed));
    BOOST_TEST_REQUIRE(listed.data.size() == 2u);
    BOOST_TEST(listed.data[0].value == "cat has:images");
    BOOST_TEST(listed.data[0].tag == "cats with images");
    BOOST_TEST(listed.data[1].tag.empty());
    BOOST_TEST(listed.meta.sent.value_or("") == "2020-06-16T22:55:39.356Z");
    BOOST_TEST(listed.meta.result_count.value_or(0) == 2u);

    v2::response<std::vector<v2::stream_rule>> added;
    BOOST_TEST(!v2::parse(std::string_view(R"({"data":[{"value":"cat","id":"1"}],"errors":[{"value":"dog",)"
                                           R"("id":"2","title":"DuplicateRule",)"
                                           R"("type":"https://api.twitter.com/2/problems/duplicate-rules"}],)"
                                           R"("meta":{"sent":"2020-06-16T22:55:39.356Z","summary":)"
                                           R"({"created":1,"not_created":1,"valid":2,"invalid":0}}})"),
                          added));
    BOOST_TEST_REQUIRE(added.meta.summary.has_value());
    BOOST_TEST(added.meta.summary->created == 1u);
    BOOST_TEST(added.meta.summary->not_created == 1u);
    BOOST_TEST(added.meta.summary->valid == 2u);
    BOOST_TEST_REQUIRE(added.errors.size() == 1u);
    BOOST_TEST(added.errors[0].title == "DuplicateRule");
    BOOST_TEST(added.errors[0].value == "dog");

    v2::response<std::vector<v2::stream_rule>> deleted;
    BOOST_TEST(!v2::parse(
        std::string_view(R"({"meta":{"sent":"2020-06-16T22:55:39.356Z","summary":{"deleted":1,"not_deleted":0}}})"),
        deleted));
    BOOST_TEST(deleted.data.empty());
    BOOST_TEST_REQUIRE(deleted.meta.summary.has_value());
    BOOST_TEST(deleted.meta.summary->deleted == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
