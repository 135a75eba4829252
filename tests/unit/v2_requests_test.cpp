#include <twitter/v2/requests.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace v2 = twitter::v2;
namespace http = twitter::http;
using twitter::param;
using namespace std::chrono_literals;

// ---------------------------------------------------------------------------------------------------------
// The reference table (../shared/reference/api-v2-endpoints.md), read as the test's independent source of
// what each endpoint is.

struct endpoint_row {
    std::string http;                // "GET"; empty for a deprecated alias
    std::vector<std::string> paths;  // the alternatives of the Path column
    std::string user_auth;           // "True", "False" or "n/a (always Bearer)"
    std::string paginates;           // "pagination_token", "next_token" or ""
    std::string alias_of;            // the name it is a short or deprecated name of, if it is one
};

struct reference {
    std::map<std::string, endpoint_row> rows;              // by every name, aliases included
    std::map<std::string, std::set<std::string>> accepts;  // "Accepted query parameters"
};

std::vector<std::string> cells_of(std::string const& line) {
    std::vector<std::string> cells;
    std::string cell;
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '|') {
            auto const b = cell.find_first_not_of(' ');
            auto const e = cell.find_last_not_of(' ');
            cells.push_back(b == std::string::npos ? std::string() : cell.substr(b, e - b + 1));
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    return cells;
}

std::string strip_backticks(std::string s) {
    std::erase(s, '`');
    return s;
}

std::vector<std::string> split(std::string const& s, std::string const& sep) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    for (;;) {
        auto const at = s.find(sep, pos);
        out.push_back(s.substr(pos, at - pos));
        if (at == std::string::npos) return out;
        pos = at + sep.size();
    }
}

std::string trim(std::string const& s) {
    auto const b = s.find_first_not_of(' ');
    auto const e = s.find_last_not_of(' ');
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

reference const& table() {
    static reference const ref = [] {
        reference r;
        std::ifstream in(std::filesystem::path(TWITTER_SHARED_DIR) / "reference" / "api-v2-endpoints.md");
        BOOST_TEST_REQUIRE(in.good(), "the reference table is missing");
        std::string line;
        while (std::getline(in, line)) {
            if (!line.starts_with("| ")) continue;
            auto const cells = cells_of(line);
            if (cells.size() == 9 && !cells[0].empty() &&
                std::isdigit(static_cast<unsigned char>(cells[0][0]))) {
                // | # | Method (aliases) | HTTP | Path | user_auth | {me} | body | Paginates via | data_type
                // |
                std::string names = strip_backticks(cells[1]);
                endpoint_row row;
                row.http = cells[2];
                row.user_auth = cells[4];
                row.paginates = cells[7];
                if (auto const arrow = row.http.find("alias → "); arrow != std::string::npos) {
                    row.alias_of = strip_backticks(row.http.substr(arrow + std::string("alias → ").size()));
                    row.alias_of = row.alias_of.substr(0, row.alias_of.find(')'));
                    row.http.clear();
                }
                for (auto const& p : split(strip_backticks(cells[3]), " or ")) {
                    std::string path = trim(p);
                    if (!path.empty()) row.paths.push_back(path.substr(0, path.find('?')));
                }
                // "get_direct_message_events (get_dm_events)": both names.
                auto const paren = names.find(" (");
                std::string const main = names.substr(0, paren);
                r.rows[main] = row;
                if (paren != std::string::npos) {
                    std::string const alias = names.substr(paren + 2, names.find(')') - paren - 2);
                    row.alias_of = main;
                    r.rows[alias] = row;
                }
            } else if (cells.size() == 2 && cells[0].starts_with("`")) {
                // | `method` | names, comma-separated |
                std::set<std::string> names;
                for (auto const& n : split(cells[1], ",")) names.insert(trim(n));
                for (auto const& m : split(cells[0], "/")) r.accepts[trim(strip_backticks(m))] = names;
            }
        }
        return r;
    }();
    return ref;
}

// ---------------------------------------------------------------------------------------------------------
// A built request with its answer type erased.

struct built {
    std::string name;  // Tweepy's method name, as in the table
    http::request req;
    std::optional<v2::token_param> pagination;
};

template <class T>
built make(std::string name, v2::typed_request<T> r) {
    return {std::move(name), std::move(r.http), r.pagination};
}

std::string method_of(http::request const& r) { return std::string(http::to_string(r.method)); }

std::string auth_of(http::auth_mode m) {
    switch (m) {
        case http::auth_mode::automatic:
            return "automatic";
        case http::auth_mode::user:
            return "user";
        case http::auth_mode::bearer:
            return "bearer";
        case http::auth_mode::user_bearer:
            return "user_bearer";
        case http::auth_mode::none:
            return "none";
    }
    return "?";
}

// A table path with "{name}" placeholders against a built target: "{me}" must stay literally "{me}" (the
// client fills it in); any other placeholder stands for one non-empty segment.
bool matches_path(std::string const& pattern, std::string const& target) {
    auto const want = split(pattern, "/");
    auto const got = split(target, "/");
    if (want.size() != got.size()) return false;
    for (std::size_t i = 0; i < want.size(); ++i) {
        bool const placeholder = want[i].starts_with("{") && want[i].ends_with("}");
        if (placeholder && want[i] != "{me}") {
            if (got[i].empty() || got[i] == "{me}") return false;
        } else if (want[i] != got[i]) {
            return false;
        }
    }
    return true;
}

// What the table says about b.name: method, one of its paths, credentials, pagination, and that every query
// parameter sent is one the endpoint accepts.
void check_against_table(built const& b) {
    BOOST_TEST_CONTEXT(b.name) {
        auto const it = table().rows.find(b.name);
        BOOST_TEST_REQUIRE((it != table().rows.end()), "not in the table");
        endpoint_row const& row =
            it->second.alias_of.empty() ? it->second : table().rows.at(it->second.alias_of);
        BOOST_TEST(method_of(b.req) == row.http);
        bool path_ok = false;
        for (auto const& p : row.paths) path_ok = path_ok || matches_path(p, b.req.target);
        BOOST_TEST(path_ok, b.req.target << " is none of the table's paths");

        std::string expected_auth;
        if (row.user_auth == "True")
            expected_auth = "user";
        else if (row.user_auth == "False")
            expected_auth = "automatic";
        else if (row.paths.front().find("/bookmarks") != std::string::npos)
            expected_auth = "user_bearer";  // an OAuth 2.0 user token is the only bearer that has a "me"
        else
            expected_auth = "bearer";
        BOOST_TEST(auth_of(b.req.auth) == expected_auth);

        if (row.paginates.empty())
            BOOST_TEST(!b.pagination.has_value());
        else
            BOOST_TEST((b.pagination && v2::to_string(*b.pagination) == row.paginates));

        std::string const base = it->second.alias_of.empty() ? b.name : it->second.alias_of;
        auto const known = table().accepts.find(base);
        auto const accepted = known == table().accepts.end() ? std::set<std::string>{} : known->second;
        for (auto const& q : b.req.query)
            BOOST_TEST(accepted.count(q.name) == 1u, q.name << " is not accepted");
        BOOST_TEST(b.req.target.find('?') == std::string::npos);
    }
}

bool json_equal(std::string const& a, std::string const& b) {
    return boost::json::parse(a) == boost::json::parse(b);
}

std::set<std::string> names_of(std::vector<param> const& q) {
    std::set<std::string> out;
    for (auto const& p : q) out.insert(p.name);
    return out;
}

std::string value_of(std::vector<param> const& q, std::string const& name) {
    for (auto const& p : q)
        if (p.name == name) return p.value;
    return "<absent>";
}

// Every member of every parameter struct set, so that each query parameter an endpoint can express shows up.
v2::timestamp const t0 = std::chrono::sys_days{std::chrono::year{2021} / 5 / 1} + 12h + 30min + 15s + 250ms;
v2::timestamp const t1 = std::chrono::sys_days{std::chrono::year{2021} / 5 / 7} + 23h + 59min + 59s;

v2::tweet_fields_params all_tweet_fields() {
    return {{v2::expansion::author_id}, {v2::tweet_field::created_at}, {v2::user_field::username},
            {v2::media_field::url},     {v2::place_field::country},    {v2::poll_field::options}};
}
v2::user_fields_params all_user_fields() {
    return {{v2::expansion::pinned_tweet_id}, {v2::tweet_field::lang}, {v2::user_field::created_at}};
}
v2::list_fields_params all_list_fields() {
    return {{v2::expansion::owner_id}, {v2::list_field::member_count}, {v2::user_field::name}};
}
v2::space_fields_params all_space_fields() {
    return {{v2::expansion::host_ids}, {v2::space_field::title}, {v2::user_field::name}};
}
v2::dm_event_fields_params all_dm_fields() {
    return {{v2::expansion::sender_id},
            {v2::dm_event_field::text},
            {v2::media_field::url},
            {v2::tweet_field::text},
            {v2::user_field::username}};
}
v2::tweet_page_params all_tweet_page() { return {all_tweet_fields(), 50u, "tok"}; }
v2::user_page_params all_user_page() { return {all_user_fields(), 50u, "tok"}; }
v2::list_page_params all_list_page() { return {all_list_fields(), 50u, "tok"}; }
v2::quote_tweets_params all_quotes() {
    return {all_tweet_fields(), 50u, "tok", {v2::tweet_exclusion::replies}};
}
v2::mentions_params all_mentions() { return {all_tweet_fields(), 50u, "tok", "1", "9", t0, t1}; }
v2::timeline_params all_timeline() {
    return {all_tweet_fields(), 50u, "tok", "1", "9", t0, t1, {v2::tweet_exclusion::retweets}};
}
v2::search_params all_search() {
    return {all_tweet_fields(), 50u, "tok", "1", "9", t0, t1, v2::sort_order::relevancy};
}
v2::counts_params all_counts() { return {v2::count_granularity::hour, "1", "9", t0, t1}; }
v2::all_counts_params all_all_counts() { return {v2::count_granularity::hour, "1", "9", t0, t1, "tok"}; }
v2::space_search_params all_space_search() { return {all_space_fields(), 10u, v2::space_state::live}; }
v2::dm_events_params all_dm_events() {
    return {all_dm_fields(), 20u, "tok", {v2::dm_event_type::message_create}};
}

// Every builder with every parameter set: one or more per row of the table.
std::vector<built> everything_set() {
    using v = std::vector<std::string>;
    return {
        make("remove_bookmark", v2::remove_bookmark("1")),
        make("get_bookmarks", v2::get_bookmarks(all_tweet_page())),
        make("bookmark", v2::bookmark("1")),
        make("hide_reply", v2::hide_reply("1")),
        make("unhide_reply", v2::unhide_reply("1")),
        make("unlike", v2::unlike("1")),
        make("get_liking_users", v2::get_liking_users("1", all_tweet_page())),
        make("get_liked_tweets", v2::get_liked_tweets("1", all_tweet_page())),
        make("like", v2::like("1")),
        make("delete_tweet", v2::delete_tweet("1")),
        make("create_tweet", v2::create_tweet({.text = "x"})),
        make("get_quote_tweets", v2::get_quote_tweets("1", all_quotes())),
        make("unretweet", v2::unretweet("1")),
        make("get_retweeters", v2::get_retweeters("1", all_tweet_page())),
        make("retweet", v2::retweet("1")),
        make("search_all_tweets", v2::search_all_tweets("q", all_search())),
        make("search_recent_tweets", v2::search_recent_tweets("q", all_search())),
        make("get_users_mentions", v2::get_users_mentions("1", all_mentions())),
        make("get_home_timeline", v2::get_home_timeline(all_timeline())),
        make("get_users_tweets", v2::get_users_tweets("1", all_timeline())),
        make("get_all_tweets_count", v2::get_all_tweets_count("q", all_all_counts())),
        make("get_recent_tweets_count", v2::get_recent_tweets_count("q", all_counts())),
        make("get_tweet", v2::get_tweet("1", all_tweet_fields())),
        make("get_tweets", v2::get_tweets(v{"1", "2"}, all_tweet_fields())),
        make("get_blocked", v2::get_blocked(all_user_page())),
        make("unfollow_user", v2::unfollow_user("1")),
        make("unfollow", v2::unfollow("1")),
        make("get_users_followers", v2::get_users_followers("1", all_user_page())),
        make("get_users_following", v2::get_users_following("1", all_user_page())),
        make("follow_user", v2::follow_user("1")),
        make("follow", v2::follow("1")),
        make("unmute", v2::unmute("1")),
        make("get_muted", v2::get_muted(all_user_page())),
        make("mute", v2::mute("1")),
        make("get_user", v2::get_user("1", all_user_fields())),
        make("get_user", v2::get_user(v2::by_username{"x"}, all_user_fields())),
        make("get_users", v2::get_users(v{"1", "2"}, all_user_fields())),
        make("get_users", v2::get_users(v2::by_usernames{{"a", "b"}}, all_user_fields())),
        make("get_me", v2::get_me(all_user_fields())),
        make("search_spaces", v2::search_spaces("q", all_space_search())),
        make("get_spaces", v2::get_spaces(v{"s1", "s2"}, all_space_fields())),
        make("get_spaces", v2::get_spaces(v2::by_creator_ids{{"1", "2"}}, all_space_fields())),
        make("get_space", v2::get_space("s1", all_space_fields())),
        make("get_space_buyers", v2::get_space_buyers("s1", all_tweet_fields())),
        make("get_space_tweets", v2::get_space_tweets("s1", all_tweet_fields())),
        make("get_direct_message_events", v2::get_direct_message_events(all_dm_events())),
        make("get_direct_message_events",
             v2::get_direct_message_events(v2::dm_conversation_id{"1-2"}, all_dm_events())),
        make("get_direct_message_events",
             v2::get_direct_message_events(v2::dm_participant_id{"2"}, all_dm_events())),
        make("get_dm_events", v2::get_dm_events(all_dm_events())),
        make("get_dm_events", v2::get_dm_events(v2::dm_conversation_id{"1-2"}, all_dm_events())),
        make("get_dm_events", v2::get_dm_events(v2::dm_participant_id{"2"}, all_dm_events())),
        make("create_direct_message",
             v2::create_direct_message(v2::dm_conversation_id{"1-2"}, {.text = "x"})),
        make("create_direct_message", v2::create_direct_message(v2::dm_participant_id{"2"}, {.text = "x"})),
        make("create_dm", v2::create_dm(v2::dm_conversation_id{"1-2"}, {.text = "x"})),
        make("create_dm", v2::create_dm(v2::dm_participant_id{"2"}, {.text = "x"})),
        make("create_direct_message_conversation",
             v2::create_direct_message_conversation(v{"2", "3"}, {.text = "x"})),
        make("create_dm_conversation", v2::create_dm_conversation(v{"2", "3"}, {.text = "x"})),
        make("get_list_tweets", v2::get_list_tweets("1", all_tweet_page())),
        make("unfollow_list", v2::unfollow_list("1")),
        make("get_list_followers", v2::get_list_followers("1", all_user_page())),
        make("get_followed_lists", v2::get_followed_lists("1", all_list_page())),
        make("follow_list", v2::follow_list("1")),
        make("get_list", v2::get_list("1", all_list_fields())),
        make("get_owned_lists", v2::get_owned_lists("1", all_list_page())),
        make("remove_list_member", v2::remove_list_member("1", "2")),
        make("get_list_members", v2::get_list_members("1", all_user_page())),
        make("get_list_memberships", v2::get_list_memberships("1", all_list_page())),
        make("add_list_member", v2::add_list_member("1", "2")),
        make("delete_list", v2::delete_list("1")),
        make("update_list", v2::update_list("1", {.name = "n"})),
        make("create_list", v2::create_list("n")),
        make("unpin_list", v2::unpin_list("1")),
        make("get_pinned_lists", v2::get_pinned_lists(all_list_fields())),
        make("pin_list", v2::pin_list("1")),
        make("get_compliance_jobs",
             v2::get_compliance_jobs(v2::compliance_job_type::users, {v2::compliance_job_status::complete})),
        make("get_compliance_job", v2::get_compliance_job("1")),
        make("create_compliance_job", v2::create_compliance_job(v2::compliance_job_type::tweets)),
    };
}

// ---------------------------------------------------------------------------------------------------------
// Exactly-one-of rules, checked by the compiler: the wrong combinations do not name any overload.

template <class... A>
concept can_get_user = requires(A... a) {
    v2::get_user(a...);
};
template <class... A>
concept can_get_users = requires(A... a) {
    v2::get_users(a...);
};
template <class... A>
concept can_get_spaces = requires(A... a) {
    v2::get_spaces(a...);
};
template <class... A>
concept can_get_dm_events = requires(A... a) {
    v2::get_direct_message_events(a...);
};
template <class... A>
concept can_create_dm = requires(A... a) {
    v2::create_direct_message(a...);
};

using ids = std::vector<std::string>;
static_assert(can_get_user<std::string> && can_get_user<v2::by_username>);
static_assert(!can_get_user<> && !can_get_user<std::string, v2::by_username> &&
              !can_get_user<v2::by_username, std::string>);
static_assert(can_get_users<ids> && can_get_users<v2::by_usernames>);
static_assert(!can_get_users<> && !can_get_users<ids, v2::by_usernames>);
static_assert(can_get_spaces<ids> && can_get_spaces<v2::by_creator_ids>);
static_assert(!can_get_spaces<> && !can_get_spaces<ids, v2::by_creator_ids>);
// At most one for the events...
static_assert(can_get_dm_events<> && can_get_dm_events<v2::dm_conversation_id> &&
              can_get_dm_events<v2::dm_participant_id>);
static_assert(!can_get_dm_events<v2::dm_conversation_id, v2::dm_participant_id>);
// ...exactly one for sending.
static_assert(can_create_dm<v2::dm_conversation_id, v2::dm_message_params> &&
              can_create_dm<v2::dm_participant_id, v2::dm_message_params>);
static_assert(!can_create_dm<v2::dm_message_params> &&
              !can_create_dm<v2::dm_conversation_id, v2::dm_participant_id, v2::dm_message_params>);

// Only the query parameters an endpoint accepts can be written for it.
template <class P>
concept has_media_fields = requires(P p) {
    p.fields.media_fields;
};
template <class P>
concept has_exclude = requires(P p) {
    p.exclude;
};
template <class P>
concept has_next_token = requires(P p) {
    p.next_token;
};
template <class P>
concept has_pagination_token = requires(P p) {
    p.pagination_token;
};
static_assert(has_media_fields<v2::tweet_page_params> && !has_media_fields<v2::user_page_params> &&
              !has_media_fields<v2::list_page_params>);
static_assert(has_exclude<v2::timeline_params> && has_exclude<v2::quote_tweets_params> &&
              !has_exclude<v2::mentions_params> && !has_exclude<v2::tweet_page_params>);
static_assert(has_next_token<v2::search_params> && has_next_token<v2::all_counts_params> &&
              !has_next_token<v2::counts_params> && !has_pagination_token<v2::search_params>);
static_assert(!has_pagination_token<v2::space_search_params> && !has_next_token<v2::space_search_params>);

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_requests)

BOOST_AUTO_TEST_CASE(the_reference_table_is_read) {
    BOOST_TEST(table().rows.size() == 65u + 3u);  // the 65 rows and the 3 short names in parentheses
    BOOST_TEST(table().rows.at("unfollow").alias_of == "unfollow_user");
    BOOST_TEST(table().rows.at("get_users").paths.size() == 2u);
    BOOST_TEST(table().rows.at("get_direct_message_events").paths.size() == 3u);
    BOOST_TEST(table().accepts.at("get_users_followers").count("pagination_token") == 1u);
}

BOOST_AUTO_TEST_CASE(every_row_of_the_table_has_a_builder) {
    std::set<std::string> covered;
    for (auto const& b : everything_set()) covered.insert(b.name);
    for (auto const& [name, row] : table().rows)
        BOOST_TEST(covered.count(name) == 1u, name << " has no builder");
}

BOOST_AUTO_TEST_CASE(every_builder_sends_what_the_table_says) {
    for (auto const& b : everything_set()) check_against_table(b);
}

BOOST_AUTO_TEST_CASE(every_accepted_query_parameter_can_be_expressed) {
    // Across an endpoint's overloads, with everything set, the names sent are exactly the accepted ones.
    std::map<std::string, std::set<std::string>> sent;
    for (auto const& b : everything_set()) {
        auto const names = names_of(b.req.query);
        sent[b.name].insert(names.begin(), names.end());
    }
    for (auto const& [name, accepted] : table().accepts) {
        if (!table().rows.count(name)) continue;  // the StreamingClient rows
        BOOST_TEST_CONTEXT(name) { BOOST_TEST((sent[name] == accepted)); }
    }
    // The aliases express what their target does.
    BOOST_TEST((sent["get_dm_events"] == sent["get_direct_message_events"]));
}

BOOST_AUTO_TEST_CASE(writes_send_no_query) {
    for (auto const& b : everything_set())
        if (b.req.method != http::verb::get) BOOST_TEST(b.req.query.empty(), b.name);
}

BOOST_AUTO_TEST_CASE(the_targets_hold_the_arguments) {
    struct expected {
        built b;
        std::string target;
    };
    using v = std::vector<std::string>;
    std::vector<expected> const cases{
        {make("remove_bookmark", v2::remove_bookmark("1507070437557096461")),
         "/2/users/{me}/bookmarks/1507070437557096461"},
        {make("get_bookmarks", v2::get_bookmarks()), "/2/users/{me}/bookmarks"},
        {make("hide_reply", v2::hide_reply("1344794616005066752")), "/2/tweets/1344794616005066752/hidden"},
        {make("unlike", v2::unlike("1293593516040269825")), "/2/users/{me}/likes/1293593516040269825"},
        {make("get_liking_users", v2::get_liking_users("12")), "/2/tweets/12/liking_users"},
        {make("get_liked_tweets", v2::get_liked_tweets("783214")), "/2/users/783214/liked_tweets"},
        {make("delete_tweet", v2::delete_tweet("15")), "/2/tweets/15"},
        {make("get_quote_tweets", v2::get_quote_tweets("15")), "/2/tweets/15/quote_tweets"},
        {make("unretweet", v2::unretweet("77")), "/2/users/{me}/retweets/77"},
        {make("get_retweeters", v2::get_retweeters("77")), "/2/tweets/77/retweeted_by"},
        {make("search_all_tweets", v2::search_all_tweets("q")), "/2/tweets/search/all"},
        {make("search_recent_tweets", v2::search_recent_tweets("q")), "/2/tweets/search/recent"},
        {make("get_users_mentions", v2::get_users_mentions("5")), "/2/users/5/mentions"},
        {make("get_home_timeline", v2::get_home_timeline()), "/2/users/{me}/timelines/reverse_chronological"},
        {make("get_users_tweets", v2::get_users_tweets("5")), "/2/users/5/tweets"},
        {make("get_all_tweets_count", v2::get_all_tweets_count("q")), "/2/tweets/counts/all"},
        {make("get_recent_tweets_count", v2::get_recent_tweets_count("q")), "/2/tweets/counts/recent"},
        {make("get_tweet", v2::get_tweet("20")), "/2/tweets/20"},
        {make("get_tweets", v2::get_tweets(v{"20"})), "/2/tweets"},
        {make("get_blocked", v2::get_blocked()), "/2/users/{me}/blocking"},
        {make("unfollow_user", v2::unfollow_user("17874544")), "/2/users/{me}/following/17874544"},
        {make("get_users_followers", v2::get_users_followers("783214")), "/2/users/783214/followers"},
        {make("get_users_following", v2::get_users_following("783214")), "/2/users/783214/following"},
        {make("unmute", v2::unmute("9")), "/2/users/{me}/muting/9"},
        {make("get_muted", v2::get_muted()), "/2/users/{me}/muting"},
        {make("get_user", v2::get_user("2244994945")), "/2/users/2244994945"},
        {make("get_user", v2::get_user(v2::by_username{"Twitter"})), "/2/users/by/username/Twitter"},
        {make("get_users", v2::get_users(v{"1"})), "/2/users"},
        {make("get_users", v2::get_users(v2::by_usernames{{"Twitter"}})), "/2/users/by"},
        {make("get_me", v2::get_me()), "/2/users/me"},
        {make("search_spaces", v2::search_spaces("q")), "/2/spaces/search"},
        {make("get_spaces", v2::get_spaces(v{"1ynKOZVRyOwxR"})), "/2/spaces"},
        {make("get_spaces", v2::get_spaces(v2::by_creator_ids{{"1"}})), "/2/spaces/by/creator_ids"},
        {make("get_space", v2::get_space("1ynKOZVRyOwxR")), "/2/spaces/1ynKOZVRyOwxR"},
        {make("get_space_buyers", v2::get_space_buyers("1ynKOZVRyOwxR")), "/2/spaces/1ynKOZVRyOwxR/buyers"},
        {make("get_space_tweets", v2::get_space_tweets("1ynKOZVRyOwxR")), "/2/spaces/1ynKOZVRyOwxR/tweets"},
        {make("get_direct_message_events", v2::get_direct_message_events()), "/2/dm_events"},
        {make("get_direct_message_events", v2::get_direct_message_events(v2::dm_conversation_id{
                                               "750362064426721281-1072250532645998596"})),
         "/2/dm_conversations/750362064426721281-1072250532645998596/dm_events"},
        {make("get_direct_message_events",
              v2::get_direct_message_events(v2::dm_participant_id{"750362064426721281"})),
         "/2/dm_conversations/with/750362064426721281/dm_events"},
        {make("create_direct_message",
              v2::create_direct_message(v2::dm_conversation_id{"1-2"}, {.text = "x"})),
         "/2/dm_conversations/1-2/messages"},
        {make("create_direct_message", v2::create_direct_message(v2::dm_participant_id{"2"}, {.text = "x"})),
         "/2/dm_conversations/with/2/messages"},
        {make("create_direct_message_conversation", v2::create_direct_message_conversation(v{"2"}, {})),
         "/2/dm_conversations"},
        {make("get_list_tweets", v2::get_list_tweets("84839422")), "/2/lists/84839422/tweets"},
        {make("unfollow_list", v2::unfollow_list("84839422")), "/2/users/{me}/followed_lists/84839422"},
        {make("get_list_followers", v2::get_list_followers("84839422")), "/2/lists/84839422/followers"},
        {make("get_followed_lists", v2::get_followed_lists("3015271772")),
         "/2/users/3015271772/followed_lists"},
        {make("get_list", v2::get_list("84839422")), "/2/lists/84839422"},
        {make("get_owned_lists", v2::get_owned_lists("783214")), "/2/users/783214/owned_lists"},
        {make("remove_list_member", v2::remove_list_member("1522926890658549760", "783214")),
         "/2/lists/1522926890658549760/members/783214"},
        {make("get_list_members", v2::get_list_members("84839422")), "/2/lists/84839422/members"},
        {make("get_list_memberships", v2::get_list_memberships("783214")),
         "/2/users/783214/list_memberships"},
        {make("add_list_member", v2::add_list_member("15", "783214")), "/2/lists/15/members"},
        {make("delete_list", v2::delete_list("15")), "/2/lists/15"},
        {make("update_list", v2::update_list("15", {})), "/2/lists/15"},
        {make("create_list", v2::create_list("n")), "/2/lists"},
        {make("unpin_list", v2::unpin_list("15")), "/2/users/{me}/pinned_lists/15"},
        {make("get_pinned_lists", v2::get_pinned_lists()), "/2/users/{me}/pinned_lists"},
        {make("get_compliance_jobs", v2::get_compliance_jobs(v2::compliance_job_type::tweets)),
         "/2/compliance/jobs"},
        {make("get_compliance_job", v2::get_compliance_job("1446017776678801409")),
         "/2/compliance/jobs/1446017776678801409"},
        {make("create_compliance_job", v2::create_compliance_job(v2::compliance_job_type::tweets)),
         "/2/compliance/jobs"},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.b.name) {
            BOOST_TEST(c.b.req.target == c.target);
            check_against_table(c.b);
        }
    }
}

BOOST_AUTO_TEST_CASE(path_parts_are_percent_encoded) {
    BOOST_TEST(v2::get_tweet("a/b c").http.target == "/2/tweets/a%2Fb%20c");
    BOOST_TEST(v2::get_user(v2::by_username{"x?y#z"}).http.target == "/2/users/by/username/x%3Fy%23z");
    BOOST_TEST(v2::unlike("1/../2").http.target == "/2/users/{me}/likes/1%2F..%2F2");
    BOOST_TEST(v2::remove_list_member("1/2", "&3").http.target == "/2/lists/1%2F2/members/%263");
    BOOST_TEST(v2::get_direct_message_events(v2::dm_conversation_id{"1-2/3"}).http.target ==
               "/2/dm_conversations/1-2%2F3/dm_events");
    // "{me}" in an argument is data, not the placeholder: it cannot reach the client as one.
    BOOST_TEST(v2::get_user("{me}").http.target == "/2/users/%7Bme%7D");
}

BOOST_AUTO_TEST_CASE(an_empty_path_id_throws_before_anything_is_sent) {
    BOOST_CHECK_THROW(v2::get_tweet(""), std::invalid_argument);
    BOOST_CHECK_THROW(v2::get_user(v2::by_username{}), std::invalid_argument);
    BOOST_CHECK_THROW(v2::remove_list_member("1", ""), std::invalid_argument);
    BOOST_CHECK_THROW(v2::create_direct_message(v2::dm_participant_id{}, {.text = "x"}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(v2::get_direct_message_events(v2::dm_conversation_id{}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(queries_in_order) {
    auto const search = v2::search_recent_tweets("from:TwitterDev -is:retweet", all_search()).http.query;
    std::vector<param> const expected{
        {"query", "from:TwitterDev -is:retweet"},
        {"expansions", "author_id"},
        {"tweet.fields", "created_at"},
        {"user.fields", "username"},
        {"media.fields", "url"},
        {"place.fields", "country"},
        {"poll.fields", "options"},
        {"max_results", "50"},
        {"next_token", "tok"},
        {"since_id", "1"},
        {"until_id", "9"},
        {"start_time", "2021-05-01T12:30:15Z"},
        {"end_time", "2021-05-07T23:59:59Z"},
        {"sort_order", "relevancy"},
    };
    BOOST_TEST((search == expected));

    auto const counts = v2::get_all_tweets_count("Tweepy", all_all_counts()).http.query;
    std::vector<param> const expected_counts{{"query", "Tweepy"},
                                             {"granularity", "hour"},
                                             {"since_id", "1"},
                                             {"until_id", "9"},
                                             {"start_time", "2021-05-01T12:30:15Z"},
                                             {"end_time", "2021-05-07T23:59:59Z"},
                                             {"next_token", "tok"}};
    BOOST_TEST((counts == expected_counts));

    BOOST_TEST(v2::get_recent_tweets_count("Tweepy").http.query.size() == 1u);
    BOOST_TEST(v2::search_all_tweets("Tweepy").http.query.size() == 1u);
}

BOOST_AUTO_TEST_CASE(fields_and_expansions_are_comma_joined_once_each) {
    v2::user_page_params p;
    p.fields.expansions = {v2::expansion::pinned_tweet_id};
    p.fields.user_fields = {v2::user_field::created_at, v2::user_field::protected_,
                            v2::user_field::created_at};
    p.fields.tweet_fields = {v2::tweet_field::lang, v2::tweet_field::public_metrics};
    p.max_results = 1000;
    auto const q = v2::get_users_followers("783214", p).http.query;
    std::vector<param> const expected{{"expansions", "pinned_tweet_id"},
                                      {"tweet.fields", "lang,public_metrics"},
                                      {"user.fields", "created_at,protected"},
                                      {"max_results", "1000"}};
    BOOST_TEST((q == expected));

    v2::dm_events_params d;
    d.fields.dm_event_fields = {v2::dm_event_field::dm_conversation_id, v2::dm_event_field::sender_id};
    d.event_types = {v2::dm_event_type::message_create, v2::dm_event_type::participants_join,
                     v2::dm_event_type::message_create};
    auto const dq = v2::get_dm_events(d).http.query;
    BOOST_TEST(value_of(dq, "dm_event.fields") == "dm_conversation_id,sender_id");
    BOOST_TEST(value_of(dq, "event_types") == "MessageCreate,ParticipantsJoin");

    v2::list_fields_params l;
    l.list_fields = {v2::list_field::private_, v2::list_field::follower_count};
    BOOST_TEST(value_of(v2::get_list("1", l).http.query, "list.fields") == "private,follower_count");

    v2::space_search_params s;
    s.fields.space_fields = {v2::space_field::host_ids, v2::space_field::is_ticketed};
    s.state = v2::space_state::scheduled;
    auto const sq = v2::search_spaces("hello world", s).http.query;
    BOOST_TEST(value_of(sq, "space.fields") == "host_ids,is_ticketed");
    BOOST_TEST(value_of(sq, "state") == "scheduled");
    BOOST_TEST(value_of(sq, "query") == "hello world");  // encoded when sent, not here
}

BOOST_AUTO_TEST_CASE(id_lists_are_comma_joined) {
    BOOST_TEST(value_of(v2::get_tweets({"1293593516040269825", "1293595870563381249"}).http.query, "ids") ==
               "1293593516040269825,1293595870563381249");
    BOOST_TEST(value_of(v2::get_users(v2::by_usernames{{"Twitter", "TwitterDev"}}).http.query, "usernames") ==
               "Twitter,TwitterDev");
    BOOST_TEST(value_of(v2::get_spaces(v2::by_creator_ids{{"357750891", "1517225601463205888"}}).http.query,
                        "user_ids") == "357750891,1517225601463205888");
    BOOST_TEST(value_of(v2::get_compliance_jobs(v2::compliance_job_type::users).http.query, "type") ==
               "users");
}

BOOST_AUTO_TEST_CASE(exclude_and_timestamps) {
    v2::timeline_params t;
    t.exclude = {v2::tweet_exclusion::retweets, v2::tweet_exclusion::replies};
    t.start_time = std::chrono::sys_days{std::chrono::year{2006} / 3 / 21} + 20h + 50min + 14s;
    auto const q = v2::get_users_tweets("783214", t).http.query;
    BOOST_TEST(value_of(q, "exclude") == "retweets,replies");
    BOOST_TEST(value_of(q, "start_time") == "2006-03-21T20:50:14Z");
    BOOST_TEST(value_of(q, "end_time") == "<absent>");
}

BOOST_AUTO_TEST_CASE(json_bodies_as_tweepy_sends_them) {
    struct expected {
        std::string name;
        http::request req;
        std::string body;
    };
    v2::create_tweet_params full;
    full.text = "Hello \"world\"\n\u00e9";
    full.reply = v2::tweet_reply{"1", {"2", "3"}};
    full.quote_tweet_id = "4";
    full.media = v2::tweet_media{{"5", "6"}, {"7"}};
    full.poll = v2::tweet_poll{{"yes", "no"}, 60};
    full.place_id = "df51dec6f4ee2b2c";
    full.reply_settings = v2::reply_setting::mentioned_users;
    full.for_super_followers_only = false;
    full.direct_message_deep_link = "https://twitter.com/messages/compose?recipient_id=2244994945";
    full.community_id = "123456789";
    std::vector<expected> const cases{
        {"bookmark", v2::bookmark("1507070437557096461").http, R"({"tweet_id":"1507070437557096461"})"},
        {"hide_reply", v2::hide_reply("1").http, R"({"hidden":true})"},
        {"unhide_reply", v2::unhide_reply("1").http, R"({"hidden":false})"},
        {"like", v2::like("1293593516040269825").http, R"({"tweet_id":"1293593516040269825"})"},
        {"retweet", v2::retweet("1415348607813832708").http, R"({"tweet_id":"1415348607813832708"})"},
        {"create_tweet", v2::create_tweet({.text = "Test Tweet"}).http, R"({"text":"Test Tweet"})"},
        {"create_tweet community", v2::create_tweet({.text = "In a community", .community_id = "123"}).http,
         R"({"text":"In a community","community_id":"123"})"},
        {"create_tweet media only", v2::create_tweet({.media = v2::tweet_media{{"9"}, {}}}).http,
         R"({"media":{"media_ids":["9"]}})"},
        {"create_tweet reply", v2::create_tweet({.text = "r", .reply = v2::tweet_reply{"8", {}}}).http,
         R"({"reply":{"in_reply_to_tweet_id":"8"},"text":"r"})"},
        {"create_tweet everything", v2::create_tweet(full).http,
         R"({"direct_message_deep_link":"https://twitter.com/messages/compose?recipient_id=2244994945",)"
         R"("for_super_followers_only":false,"geo":{"place_id":"df51dec6f4ee2b2c"},)"
         R"("media":{"media_ids":["5","6"],"tagged_user_ids":["7"]},)"
         R"("poll":{"options":["yes","no"],"duration_minutes":60},"quote_tweet_id":"4",)"
         R"("reply":{"in_reply_to_tweet_id":"1","exclude_reply_user_ids":["2","3"]},)"
         R"("reply_settings":"mentionedUsers","text":"Hello \"world\"\né","community_id":"123456789"})"},
        {"follow_user", v2::follow_user("17874544").http, R"({"target_user_id":"17874544"})"},
        {"mute", v2::mute("17874544").http, R"({"target_user_id":"17874544"})"},
        {"create_dm by participant", v2::create_dm(v2::dm_participant_id{"2"}, {.text = "Testing 1"}).http,
         R"({"text":"Testing 1"})"},
        {"create_dm with media",
         v2::create_dm(v2::dm_conversation_id{"1-2"}, {.text = "t", .media_id = "5"}).http,
         R"({"attachments":[{"media_id":"5"}],"text":"t"})"},
        {"create_dm_conversation",
         v2::create_dm_conversation({"145336962", "750362064426721281"}, {.text = "Testing"}).http,
         R"({"conversation_type":"Group","message":{"text":"Testing"},)"
         R"("participant_ids":["145336962","750362064426721281"]})"},
        {"follow_list", v2::follow_list("84839422").http, R"({"list_id":"84839422"})"},
        {"pin_list", v2::pin_list("84839422").http, R"({"list_id":"84839422"})"},
        {"add_list_member", v2::add_list_member("1", "783214").http, R"({"user_id":"783214"})"},
        {"create_list", v2::create_list("Test List", {.is_private = true}).http,
         R"({"name":"Test List","private":true})"},
        {"create_list all", v2::create_list("L", {.description = "d", .is_private = false}).http,
         R"({"name":"L","description":"d","private":false})"},
        {"update_list", v2::update_list("1", {.description = "Test List Description"}).http,
         R"({"description":"Test List Description"})"},
        {"update_list all", v2::update_list("1", {.name = "n", .description = "d", .is_private = true}).http,
         R"({"name":"n","description":"d","private":true})"},
        {"create_compliance_job", v2::create_compliance_job(v2::compliance_job_type::tweets).http,
         R"({"type":"tweets"})"},
        {"create_compliance_job all",
         v2::create_compliance_job(v2::compliance_job_type::users, {.name = "job", .resumable = true}).http,
         R"({"type":"users","name":"job","resumable":true})"},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            BOOST_TEST((c.req.kind == http::body_kind::json));
            BOOST_TEST(c.req.body == c.body);  // compact, in Tweepy's key order
            BOOST_TEST(json_equal(c.req.body, c.body));
        }
    }
    // Reads and deletes carry no body.
    for (auto const& b : everything_set()) {
        if (b.req.method == http::verb::get || b.req.method == http::verb::delete_) {
            BOOST_TEST((b.req.kind == http::body_kind::none), b.name);
            BOOST_TEST(b.req.body.empty(), b.name);
        } else {
            BOOST_TEST((b.req.kind == http::body_kind::json), b.name);
        }
    }
}

BOOST_AUTO_TEST_CASE(enum_spellings) {
    BOOST_TEST(v2::to_string(v2::dm_event_type::participants_leave) == "ParticipantsLeave");
    BOOST_TEST(v2::to_string(v2::reply_setting::mentioned_users) == "mentionedUsers");
    BOOST_TEST(v2::to_string(v2::compliance_job_status::in_progress) == "in_progress");
    BOOST_TEST(v2::to_string(v2::count_granularity::minute) == "minute");
    BOOST_TEST(v2::to_string(v2::sort_order::recency) == "recency");
    BOOST_TEST(v2::to_string(v2::space_state::all) == "all");
    BOOST_TEST(v2::to_string(v2::tweet_exclusion::replies) == "replies");
    BOOST_TEST(v2::to_string(v2::compliance_job_type::users) == "users");
    BOOST_TEST(v2::to_string(static_cast<v2::sort_order>(7)).empty());
}

BOOST_AUTO_TEST_SUITE_END()
