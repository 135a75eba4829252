// The named v2 methods of twitter::client and v2::paginator against the emulator's live endpoints: a Tweet's
// life, "{me}" with either kind of user credentials, and pagination with pagination_token and next_token.

#include <twitter/v2/endpoints.hpp>

#include "scenario.hpp"

#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/v2/paginator.hpp>
#include <twitter/v2/requests.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace emu = twitter::emulator;
namespace v2 = twitter::v2;
using test::run_scenario;
using test::scenario;

constexpr auto tuple = asio::as_tuple(asio::deferred);

// The seeded account the followers walks look at, and ten seeded accounts that will follow it.
std::string const tweepy_dev = "1072250532645998596";
std::vector<std::string> const ten_users{"2244994945",          "783214",    "17874544",  "6253282",
                                         "750362064426721281",  "145336962", "372575989", "3015271772",
                                         "1065249714214457345", "2328002822"};

// Tweepy's Client(bearer_token, consumer_key, consumer_secret, access_token, access_token_secret) for the
// emulator's default user.
twitter::client full_client(scenario const& s) {
    auto const& o = s.server.oauth1();
    twitter::client_credentials creds;
    creds.bearer_token = s.server.app_bearer_token();
    creds.consumer_key = o.consumer_key;
    creds.consumer_secret = o.consumer_secret;
    creds.access_token = o.access_token;
    creds.access_token_secret = o.access_token_secret;
    return twitter::client(s.io.get_executor(), std::move(creds), s.config());
}

// A client with only an OAuth 2.0 user access token.
twitter::client oauth2_client(scenario const& s, std::string token) {
    return twitter::client(
        s.io.get_executor(),
        std::make_shared<twitter::oauth2_bearer_handler>(std::move(token), twitter::auth_scheme::user_bearer),
        s.config());
}

std::string path_of(std::string const& target) { return target.substr(0, target.find('?')); }

// The decoded value of a query parameter of a logged target, or nullopt.
std::optional<std::string> query_param(std::string const& target, std::string_view name) {
    auto const q = target.find('?');
    if (q == std::string::npos) return std::nullopt;
    std::string_view rest = std::string_view(target).substr(q + 1);
    while (!rest.empty()) {
        auto const amp = rest.find('&');
        std::string_view const piece = rest.substr(0, amp);
        if (piece.substr(0, piece.find('=')) == name) {
            std::string value;
            std::string_view const raw =
                piece.find('=') == std::string_view::npos ? "" : piece.substr(name.size() + 1);
            for (std::size_t i = 0; i < raw.size(); ++i) {
                if (raw[i] == '%' && i + 2 < raw.size()) {
                    value += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
                    i += 2;
                } else {
                    value += raw[i];
                }
            }
            return value;
        }
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
    return std::nullopt;
}

std::vector<emu::logged_request> requests_to(emu::server const& srv, std::string_view method,
                                             std::string_view path) {
    std::vector<emu::logged_request> out;
    for (auto const& r : srv.request_log())
        if (r.method == method && path_of(r.target) == path) out.push_back(r);
    return out;
}

std::string authorization_scheme(emu::logged_request const& r) {
    for (auto const& [name, value] : r.headers)
        if (name == "authorization") return value.substr(0, value.find(' '));
    return {};
}

// Makes the ten users follow @TweepyDev, each with an OAuth 2.0 user token of its own.
asio::awaitable<void> give_tweepy_dev_ten_followers(scenario s) {
    for (auto const& id : ten_users) {
        auto c =
            oauth2_client(s, s.server.issue_user_token(id, {"follows.write", "tweet.read", "users.read"}));
        auto [ec, r] = co_await c.async_follow_user(tweepy_dev, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST_REQUIRE((r.data && r.data->following == true));
    }
    s.server.clear_log();
}

// Posts `n` Tweets that contain `word`, as the default user.
asio::awaitable<void> post_tweets(scenario s, std::string word, int n) {
    auto c = full_client(s);
    for (int i = 0; i < n; ++i) {
        v2::create_tweet_params p;
        p.text = word + " number " + std::to_string(i);
        auto [ec, r] = co_await c.async_create_tweet(std::move(p), tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
    }
    s.server.clear_log();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_endpoints)

BOOST_AUTO_TEST_CASE(a_tweet_is_created_read_and_deleted) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto c = full_client(s);
        v2::create_tweet_params post;
        post.text = "Hello from twitter-asio \xF0\x9F\x90\xA6";
        auto [ec, created] = co_await c.async_create_tweet(std::move(post), tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST_REQUIRE(created.data.has_value());
        std::string const id = created.data->id;
        BOOST_TEST(!id.empty());
        BOOST_TEST(created.data->text == "Hello from twitter-asio \xF0\x9F\x90\xA6");

        v2::tweet_fields_params fields;
        fields.tweet_fields = {v2::tweet_field::author_id, v2::tweet_field::created_at};
        auto [ec2, got] = co_await c.async_get_tweet(id, fields, tuple);
        BOOST_TEST_REQUIRE(!ec2, ec2.message());
        BOOST_TEST_REQUIRE(got.data.has_value());
        BOOST_TEST(got.data->id == id);
        BOOST_TEST(got.data->text == "Hello from twitter-asio \xF0\x9F\x90\xA6");
        BOOST_TEST(got.data->author_id.value_or("") == s.server.default_user_id());
        BOOST_TEST(got.data->created_at.has_value());

        auto [ec3, deleted] = co_await c.async_delete_tweet(id, tuple);
        BOOST_TEST_REQUIRE(!ec3, ec3.message());
        BOOST_TEST((deleted.data && deleted.data->deleted == true));

        // Gone: X answers 200 with an error for the id, and no data.
        v2::tweet_fields_params const no_fields;
        auto [ec4, again] = co_await c.async_get_tweet(id, no_fields, tuple);
        BOOST_TEST(!ec4, ec4.message());
        BOOST_TEST(!again.data.has_value());
        BOOST_TEST(again.errors.size() == 1u);

        // Writes are signed as the user (OAuth 1.0a); the reads use the app's bearer token (Tweepy's
        // default).
        auto const log = s.server.request_log();
        BOOST_TEST_REQUIRE(log.size() == 4u);
        BOOST_TEST(log[0].method == "POST");
        BOOST_TEST(log[0].target == "/2/tweets");
        BOOST_TEST(authorization_scheme(log[0]) == "OAuth");
        BOOST_TEST(path_of(log[1].target) == "/2/tweets/" + id);
        BOOST_TEST(query_param(log[1].target, "tweet.fields").value_or("") == "author_id,created_at");
        BOOST_TEST(authorization_scheme(log[1]) == "Bearer");
        BOOST_TEST(log[2].method == "DELETE");
        BOOST_TEST(log[2].target == "/2/tweets/" + id);
        BOOST_TEST(authorization_scheme(log[2]) == "OAuth");
    });
}

BOOST_AUTO_TEST_CASE(like_and_unlike_with_oauth1_find_me_without_a_request) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto c = full_client(s);
        std::string const tweet = "1415348607813832708";
        auto [ec, liked] = co_await c.async_like(tweet, tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST((liked.data && liked.data->liked == true));

        v2::tweet_page_params const everyone;
        auto [ec2, likers] = co_await c.async_get_liking_users(tweet, everyone, tuple);
        BOOST_TEST_REQUIRE(!ec2, ec2.message());
        bool const listed = std::any_of(likers.data.begin(), likers.data.end(), [&](v2::user const& u) {
            return u.id == s.server.default_user_id();
        });
        BOOST_TEST(listed);

        auto [ec3, unliked] = co_await c.async_unlike(tweet, tuple);
        BOOST_TEST_REQUIRE(!ec3, ec3.message());
        BOOST_TEST((unliked.data && unliked.data->liked == false));

        std::string const me = "/2/users/" + s.server.default_user_id();
        BOOST_TEST(requests_to(s.server, "GET", "/2/users/me").empty());
        BOOST_TEST(requests_to(s.server, "POST", me + "/likes").size() == 1u);
        BOOST_TEST(requests_to(s.server, "DELETE", me + "/likes/" + tweet).size() == 1u);
        BOOST_TEST(s.server.request_log().size() == 3u);
    });
}

BOOST_AUTO_TEST_CASE(an_oauth2_user_looks_up_me_once_for_many_concurrent_calls) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto c = oauth2_client(s, s.server.default_user_token());
        std::vector<std::string> const tweets{"1293593516040269825", "1293595870563381249",
                                              "1415348607813832708", "1507070437557096461",
                                              "145344012",           "266367358078169089"};
        for (int round = 0; round < 2; ++round) {
            // All at once: the first asks who "me" is, the others wait for that answer.
            std::size_t remaining = tweets.size();
            std::size_t succeeded = 0;
            asio::steady_timer all_done(s.io, asio::steady_timer::time_point::max());
            for (auto const& t : tweets) {
                auto done = [&, round](twitter::error_code ec, v2::response<v2::action_result> r) {
                    bool const want = round == 0;
                    if (!ec && r.data && r.data->liked == want) ++succeeded;
                    if (--remaining == 0) all_done.cancel();
                };
                if (round == 0)
                    c.async_like(t, done);
                else
                    c.async_unlike(t, done);
            }
            auto [wait_ec] = co_await all_done.async_wait(tuple);
            (void)wait_ec;
            BOOST_TEST(remaining == 0u);
            BOOST_TEST(succeeded == tweets.size());
        }
        auto const lookups = requests_to(s.server, "GET", "/2/users/me");
        BOOST_TEST(lookups.size() == 1u);
        if (!lookups.empty()) BOOST_TEST(authorization_scheme(lookups[0]) == "Bearer");
        std::string const me = "/2/users/" + s.server.default_user_id();
        BOOST_TEST(requests_to(s.server, "POST", me + "/likes").size() == tweets.size());
        for (auto const& t : tweets)
            BOOST_TEST(requests_to(s.server, "DELETE", me + "/likes/" + t).size() == 1u);
        BOOST_TEST(s.server.request_log().size() == 1u + 2 * tweets.size());
    });
}

BOOST_AUTO_TEST_CASE(a_followers_walk_goes_page_by_page_with_pagination_token) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        co_await give_tweepy_dev_ten_followers(s);
        auto app = s.app_client();
        v2::user_page_params by_two;
        by_two.max_results = 2;

        v2::paginator pages(app, v2::get_users_followers(tweepy_dev, by_two));
        std::vector<std::string> tokens_sent_back;
        std::set<std::string> followers;
        std::size_t page_count = 0;
        while (!pages.done()) {
            auto [ec, page] = co_await pages.async_next_page(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            BOOST_TEST(page.data.size() == 2u);
            for (auto const& u : page.data) followers.insert(u.id);
            if (page.meta.next_token) tokens_sent_back.push_back(*page.meta.next_token);
            BOOST_TEST_REQUIRE(++page_count <= 5u);
        }
        BOOST_TEST(page_count == 5u);
        BOOST_TEST(pages.pages() == 5u);
        BOOST_TEST(pages.items() == 10u);
        BOOST_TEST((followers == std::set<std::string>(ten_users.begin(), ten_users.end())));

        // Done: nothing more is sent.
        auto [ec_after, after] = co_await pages.async_next_page(tuple);
        BOOST_TEST(!ec_after);
        BOOST_TEST(after.data.empty());

        auto const log = requests_to(s.server, "GET", "/2/users/" + tweepy_dev + "/followers");
        BOOST_TEST_REQUIRE(log.size() == 5u);
        BOOST_TEST(s.server.request_log().size() == 5u);
        BOOST_TEST(!query_param(log[0].target, "pagination_token").has_value());
        BOOST_TEST_REQUIRE(tokens_sent_back.size() == 4u);
        for (std::size_t i = 1; i < log.size(); ++i) {
            BOOST_TEST(query_param(log[i].target, "pagination_token").value_or("") ==
                       tokens_sent_back[i - 1]);
            BOOST_TEST(!query_param(log[i].target, "next_token").has_value());
            BOOST_TEST(query_param(log[i].target, "max_results").value_or("") == "2");
        }
    });
}

BOOST_AUTO_TEST_CASE(a_followers_walk_stops_at_max_pages_and_max_items) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        co_await give_tweepy_dev_ten_followers(s);
        auto app = s.app_client();
        v2::user_page_params by_two;
        by_two.max_results = 2;

        twitter::page_limits three_pages;
        three_pages.max_pages = 3;
        v2::paginator pages(app, v2::get_users_followers(tweepy_dev, by_two), three_pages);
        std::size_t items = 0;
        while (!pages.done()) {
            auto [ec, page] = co_await pages.async_next_page(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            items += page.data.size();
            BOOST_TEST_REQUIRE(pages.pages() <= 3u);
        }
        BOOST_TEST(pages.pages() == 3u);
        BOOST_TEST(items == 6u);
        BOOST_TEST(s.server.request_log().size() == 3u);
        s.server.clear_log();

        // Five items at two a page: the third page is cut to one, and the walk ends there.
        twitter::page_limits five_items;
        five_items.max_items = 5;
        v2::paginator cut(app, v2::get_users_followers(tweepy_dev, by_two), five_items);
        std::vector<std::size_t> sizes;
        while (!cut.done()) {
            auto [ec, page] = co_await cut.async_next_page(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            sizes.push_back(page.data.size());
            BOOST_TEST_REQUIRE(sizes.size() <= 3u);
        }
        BOOST_TEST((sizes == std::vector<std::size_t>{2, 2, 1}));
        BOOST_TEST(cut.items() == 5u);
        BOOST_TEST(s.server.request_log().size() == 3u);
    });
}

BOOST_AUTO_TEST_CASE(a_flattened_followers_walk_hands_out_every_follower_once) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        co_await give_tweepy_dev_ten_followers(s);
        auto app = s.app_client();
        v2::user_page_params by_three;
        by_three.max_results = 3;
        v2::paginator items(app, v2::get_users_followers(tweepy_dev, by_three));
        std::vector<std::string> ids;
        for (;;) {
            auto [ec, user] = co_await items.async_next(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            if (!user) break;
            ids.push_back(user->id);
            BOOST_TEST_REQUIRE(ids.size() <= 10u);
        }
        BOOST_TEST(ids.size() == 10u);
        BOOST_TEST((std::set<std::string>(ids.begin(), ids.end()) ==
                    std::set<std::string>(ten_users.begin(), ten_users.end())));
        BOOST_TEST(s.server.request_log().size() == 4u);  // 3 + 3 + 3 + 1
    });
}

BOOST_AUTO_TEST_CASE(a_search_walk_goes_on_with_next_token) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        co_await post_tweets(s, "paginatorprobe", 25);
        auto app = s.app_client();
        v2::search_params by_ten;
        by_ten.max_results = 10;

        v2::paginator pages(app, v2::search_recent_tweets("paginatorprobe", by_ten));
        std::vector<std::size_t> sizes;
        std::vector<std::string> tokens;
        std::set<std::string> ids;
        while (!pages.done()) {
            auto [ec, page] = co_await pages.async_next_page(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            sizes.push_back(page.data.size());
            for (auto const& t : page.data) ids.insert(t.id);
            if (page.meta.next_token) tokens.push_back(*page.meta.next_token);
            BOOST_TEST_REQUIRE(sizes.size() <= 3u);
        }
        BOOST_TEST((sizes == std::vector<std::size_t>{10, 10, 5}));
        BOOST_TEST(ids.size() == 25u);

        auto const log = requests_to(s.server, "GET", "/2/tweets/search/recent");
        BOOST_TEST_REQUIRE(log.size() == 3u);
        BOOST_TEST_REQUIRE(tokens.size() == 2u);
        BOOST_TEST(!query_param(log[0].target, "next_token").has_value());
        for (std::size_t i = 1; i < log.size(); ++i) {
            BOOST_TEST(query_param(log[i].target, "next_token").value_or("") == tokens[i - 1]);
            BOOST_TEST(!query_param(log[i].target, "pagination_token").has_value());
            BOOST_TEST(query_param(log[i].target, "query").value_or("") == "paginatorprobe");
        }
        s.server.clear_log();

        // Flattened, with max_items: fifteen Tweets take two pages.
        twitter::page_limits fifteen;
        fifteen.max_items = 15;
        v2::paginator items(app, v2::search_recent_tweets("paginatorprobe", by_ten), fifteen);
        std::size_t n = 0;
        for (;;) {
            auto [ec, t] = co_await items.async_next(tuple);
            BOOST_TEST_REQUIRE(!ec, ec.message());
            if (!t) break;
            BOOST_TEST_REQUIRE(++n <= 15u);
        }
        BOOST_TEST(n == 15u);
        BOOST_TEST(s.server.request_log().size() == 2u);
    });
}

BOOST_AUTO_TEST_CASE(an_empty_result_ends_the_walk_at_once) {
    run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto app = s.app_client();
        v2::search_params const defaults;
        v2::paginator pages(app, v2::search_recent_tweets("nosuchwordanywhere", defaults));
        auto [ec, page] = co_await pages.async_next_page(tuple);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(page.data.empty());
        BOOST_TEST(page.meta.result_count.value_or(99) == 0u);
        BOOST_TEST(pages.done());
        BOOST_TEST(pages.pages() == 1u);

        // Flattened over a user nobody follows: nothing, after one request.
        v2::user_page_params const none;
        v2::paginator items(app, v2::get_users_followers("6844292", none));
        auto [ec2, first] = co_await items.async_next(tuple);
        BOOST_TEST(!ec2, ec2.message());
        BOOST_TEST(!first.has_value());
        BOOST_TEST(items.done());
        BOOST_TEST(s.server.request_log().size() == 2u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
