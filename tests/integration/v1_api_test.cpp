#include <twitter/api.hpp>

#include "scenario.hpp"

#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/v1/pager.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// twitter::api against the emulator's own v1.1 endpoints (not a replay): what a user does with the typed
// calls, each result read back through another call.

namespace {

namespace asio = boost::asio;
namespace v1 = twitter::v1;
using test::scenario;

constexpr auto tuple = asio::as_tuple(asio::deferred);

twitter::api user_api(scenario const& s) {
    auto const& keys = s.server.oauth1();
    twitter::client_credentials creds;
    creds.consumer_key = keys.consumer_key;
    creds.consumer_secret = keys.consumer_secret;
    creds.access_token = keys.access_token;
    creds.access_token_secret = keys.access_token_secret;
    return twitter::api(s.io.get_executor(), std::move(creds), s.config());
}

twitter::api app_api(scenario const& s) {
    return twitter::api(s.io.get_executor(),
                        std::make_shared<twitter::oauth2_bearer_handler>(s.server.app_bearer_token()),
                        s.config());
}

bool contains(std::vector<v1::status> const& statuses, std::string const& id) {
    return std::any_of(statuses.begin(), statuses.end(), [&](v1::status const& s) { return s.id == id; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v1_api)

BOOST_AUTO_TEST_CASE(verify_credentials_names_the_signed_in_user) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        auto me = co_await api.async_verify_credentials();
        BOOST_TEST(me.data.id == s.server.default_user_id());
        BOOST_TEST(me.data.screen_name.has_value());
        BOOST_TEST(!me.raw_json.empty());
        // The same user, looked up by the screen name it gave.
        auto again = co_await api.async_get_user(v1::screen_name(*me.data.screen_name));
        BOOST_TEST(again.data.id == me.data.id);
    });
}

BOOST_AUTO_TEST_CASE(a_status_is_posted_read_liked_and_deleted) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        auto posted = co_await api.async_update_status("hello from twitter-asio v1.1");
        BOOST_TEST(posted.data.text == "hello from twitter-asio v1.1");
        BOOST_TEST_REQUIRE(!posted.data.id.empty());
        BOOST_TEST_REQUIRE(posted.data.user.has_value());
        BOOST_TEST(posted.data.user->id == s.server.default_user_id());

        auto read = co_await api.async_get_status(posted.data.id);
        BOOST_TEST(read.data.text == posted.data.text);
        BOOST_TEST(read.limits.window.has_value());  // reads carry the 15-minute window

        auto timeline = co_await api.async_user_timeline(std::nullopt);
        BOOST_TEST(contains(timeline.data, posted.data.id));

        auto liked = co_await api.async_create_favorite(posted.data.id);
        BOOST_TEST(liked.data.id == posted.data.id);
        auto favorites = co_await api.async_get_favorites();
        BOOST_TEST(contains(favorites.data, posted.data.id));
        co_await api.async_destroy_favorite(posted.data.id);
        auto after = co_await api.async_get_favorites();
        BOOST_TEST(!contains(after.data, posted.data.id));

        auto deleted = co_await api.async_destroy_status(posted.data.id);
        BOOST_TEST(deleted.data.id == posted.data.id);
        twitter::diagnostics diag;
        auto [ec, gone] = co_await api.async_call(v1::requests::get_status(posted.data.id), diag, tuple);
        BOOST_TEST((ec == twitter::api_errc::not_found), ec.message());
        BOOST_TEST(diag.http_status == 404u);
        BOOST_TEST(gone.data.id.empty());
    });
}

BOOST_AUTO_TEST_CASE(the_default_token_throws_the_typed_exception) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        bool thrown = false;
        try {
            co_await api.async_get_status("1");
        } catch (twitter::not_found const& e) {
            thrown = true;
            BOOST_TEST(e.status() == 404u);
        }
        BOOST_TEST(thrown);
    });
}

BOOST_AUTO_TEST_CASE(a_reply_and_a_retweet_name_what_they_point_at) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        auto first = co_await api.async_update_status("first");
        v1::update_status_params reply_params;
        reply_params.in_reply_to_status_id = first.data.id;
        auto reply = co_await api.async_update_status("a reply", reply_params);
        BOOST_TEST((reply.data.in_reply_to_status_id == std::optional<std::string>(first.data.id)));

        auto rt = co_await api.async_retweet(first.data.id);
        BOOST_TEST_REQUIRE(rt.data.retweeted_status.has_value());
        BOOST_TEST(rt.data.retweeted_status->id == first.data.id);
        auto retweets = co_await api.async_get_retweets(first.data.id);
        BOOST_TEST(contains(retweets.data, rt.data.id));
        auto retweeters = co_await api.async_get_retweeter_ids(first.data.id);
        BOOST_TEST((std::find(retweeters.data.items.begin(), retweeters.data.items.end(),
                              s.server.default_user_id()) != retweeters.data.items.end()));
        co_await api.async_unretweet(first.data.id);
        auto after = co_await api.async_get_retweets(first.data.id);
        BOOST_TEST(!contains(after.data, rt.data.id));
    });
}

BOOST_AUTO_TEST_CASE(following_shows_in_the_friendship_and_the_friend_ids) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        auto followed = co_await api.async_create_friendship(v1::screen_name("TwitterAPI"));
        BOOST_TEST((followed.data.screen_name == std::optional<std::string>("TwitterAPI")));
        auto rel = co_await api.async_get_friendship(v1::screen_name("TwitterAPI"));
        BOOST_TEST((rel.data.source.following == std::optional<bool>(true)));
        BOOST_TEST(rel.data.target.id == followed.data.id);
        auto friends = co_await api.async_get_friend_ids();
        BOOST_TEST((std::find(friends.data.items.begin(), friends.data.items.end(), followed.data.id) !=
                    friends.data.items.end()));
        co_await api.async_destroy_friendship(v1::user_id(followed.data.id));
        auto rel2 = co_await api.async_get_friendship(v1::user_id(followed.data.id));
        BOOST_TEST((rel2.data.source.following == std::optional<bool>(false)));
    });
}

BOOST_AUTO_TEST_CASE(a_list_is_created_filled_and_destroyed) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        v1::list_params params;
        params.description = "people";
        auto created = co_await api.async_create_list("tweeps", params);
        BOOST_TEST(created.data.name == "tweeps");
        BOOST_TEST((created.data.description == std::optional<std::string>("people")));
        auto const list = v1::list_id(created.data.id);
        v1::users_ref new_members;
        new_members.screen_names = {"TwitterAPI", "X"};
        auto added = co_await api.async_add_list_members(list, new_members);
        BOOST_TEST((added.data.member_count == std::optional<std::uint64_t>(2)));
        auto members = co_await api.async_get_list_members(list);
        BOOST_TEST(members.data.items.size() == 2u);
        auto member = co_await api.async_get_list_member(list, v1::screen_name("TwitterAPI"));
        BOOST_TEST((member.data.screen_name == std::optional<std::string>("TwitterAPI")));
        co_await api.async_remove_list_member(list, v1::screen_name("X"));
        auto shown = co_await api.async_get_list(list);
        BOOST_TEST((shown.data.member_count == std::optional<std::uint64_t>(1)));
        auto owned = co_await api.async_get_list_ownerships();
        BOOST_TEST(std::any_of(owned.data.items.begin(), owned.data.items.end(),
                               [&](v1::list const& l) { return l.id == created.data.id; }));
        co_await api.async_destroy_list(list);
        auto [ec, gone] = co_await api.async_get_list(list, tuple);
        BOOST_TEST((ec == twitter::api_errc::not_found), ec.message());
    });
}

BOOST_AUTO_TEST_CASE(saved_searches_round_trip) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        auto created = co_await api.async_create_saved_search("asio");
        BOOST_TEST(created.data.query == "asio");
        auto all = co_await api.async_get_saved_searches();
        BOOST_TEST(std::any_of(all.data.begin(), all.data.end(),
                               [&](v1::saved_search const& x) { return x.id == created.data.id; }));
        auto one = co_await api.async_get_saved_search(created.data.id);
        BOOST_TEST(one.data.query == "asio");
        co_await api.async_destroy_saved_search(created.data.id);
        auto after = co_await api.async_get_saved_searches();
        BOOST_TEST(std::none_of(after.data.begin(), after.data.end(),
                                [&](v1::saved_search const& x) { return x.id == created.data.id; }));
    });
}

BOOST_AUTO_TEST_CASE(a_direct_message_is_sent_listed_read_and_deleted) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        auto target = co_await api.async_get_user(v1::screen_name("TwitterAPI"));
        auto sent = co_await api.async_send_direct_message(target.data.id, "hi \"there\"");
        BOOST_TEST((sent.data.text == std::optional<std::string>("hi \"there\"")));
        BOOST_TEST((sent.data.recipient_id == std::optional<std::string>(target.data.id)));
        BOOST_TEST((sent.data.sender_id == std::optional<std::string>(s.server.default_user_id())));
        auto listed = co_await api.async_get_direct_messages();
        BOOST_TEST(std::any_of(listed.data.events.begin(), listed.data.events.end(),
                               [&](v1::dm_event const& e) { return e.id == sent.data.id; }));
        auto one = co_await api.async_get_direct_message(sent.data.id);
        BOOST_TEST(one.data.id == sent.data.id);
        co_await api.async_indicate_direct_message_typing(target.data.id);
        co_await api.async_delete_direct_message(sent.data.id);
        auto [ec, gone] = co_await api.async_get_direct_message(sent.data.id, tuple);
        BOOST_TEST(ec.failed());
    });
}

BOOST_AUTO_TEST_CASE(a_timeline_is_walked_page_by_page_with_max_id) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        std::vector<std::string> posted;
        for (int i = 0; i < 5; ++i) {
            auto st = co_await api.async_update_status("walk " + std::to_string(i));
            posted.push_back(st.data.id);
        }
        v1::timeline_params p;
        p.count = 2;
        auto timeline = v1::paginate(api, v1::requests::user_timeline(std::nullopt, p));
        std::vector<std::string> seen;
        for (;;) {
            auto page = co_await timeline.async_next_page();
            if (page.empty()) break;
            BOOST_TEST(page.size() <= 2u);
            for (auto const& st : page) seen.push_back(st.id);
        }
        // Newest first, each once: the five posted, and the seeded statuses of the user, if any, after them.
        BOOST_TEST_REQUIRE(seen.size() >= posted.size());
        std::vector<std::string> newest(seen.begin(),
                                        seen.begin() + static_cast<std::ptrdiff_t>(posted.size()));
        std::reverse(posted.begin(), posted.end());
        BOOST_TEST(newest == posted, boost::test_tools::per_element());
        std::sort(seen.begin(), seen.end());
        BOOST_TEST((std::adjacent_find(seen.begin(), seen.end()) == seen.end()));
        BOOST_TEST(timeline.pages() >= 3u);
        // Every request after the first asked for max_id.
        auto const log = s.server.request_log();
        std::size_t with_max_id = 0;
        for (auto const& r : log)
            if (r.target.starts_with("/1.1/statuses/user_timeline.json") &&
                r.target.find("max_id=") != std::string::npos)
                ++with_max_id;
        BOOST_TEST(with_max_id == timeline.pages() - 1);
    });
}

BOOST_AUTO_TEST_CASE(followers_are_walked_by_cursor) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        // The signed-in user follows TwitterAPI, then walks its followers one id per page.
        auto api = user_api(s);
        auto target = co_await api.async_get_user(v1::screen_name("TwitterAPI"));
        co_await api.async_create_friendship(v1::user_id(target.data.id));
        v1::ids_params p;
        p.count = 1;
        auto followers = v1::paginate(api, v1::requests::get_follower_ids(v1::user_id(target.data.id), p));
        std::vector<std::string> ids;
        while (auto id = co_await followers.async_next()) ids.push_back(*id);
        BOOST_TEST((std::find(ids.begin(), ids.end(), s.server.default_user_id()) != ids.end()));
        BOOST_TEST(followers.done());
        BOOST_TEST(followers.pages() >= ids.size());  // one id per page (and maybe a last, empty one)
        auto const log = s.server.request_log();
        BOOST_TEST(std::any_of(log.begin(), log.end(), [](auto const& r) {
            return r.target.find("/1.1/followers/ids.json") == 0 &&
                   r.target.find("cursor=-1") != std::string::npos;
        }));
    });
}

BOOST_AUTO_TEST_CASE(help_settings_and_rate_limits_parse) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        auto languages = co_await api.async_supported_languages();
        BOOST_TEST(std::any_of(languages.data.begin(), languages.data.end(),
                               [](v1::language const& l) { return l.code == "en"; }));
        v1::rate_limit_status_params help_only;
        help_only.resources = {"help"};
        auto limits = co_await api.async_rate_limit_status(help_only);
        auto const* help = limits.data.find("/help/languages");
        BOOST_TEST_REQUIRE(help != nullptr);
        BOOST_TEST(help->limit > 0u);
        BOOST_TEST(help->remaining < help->limit);  // the call above counted
        BOOST_TEST(limits.data.resources.size() == 1u);
        auto settings = co_await api.async_get_settings();
        BOOST_TEST(settings.data.screen_name.has_value());
        auto search = co_await api.async_search_tweets("API");
        BOOST_TEST(search.data.search_metadata.query.has_value());
        auto oembed =
            co_await api.async_get_oembed("https://twitter.com/XDevelopers/status/1293593516040269825");
        BOOST_TEST(!oembed.data.html.empty());
    });
}

BOOST_AUTO_TEST_CASE(an_app_only_api_reads_public_data_and_is_refused_user_context) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = app_api(s);
        auto user = co_await api.async_get_user(v1::screen_name("XDevelopers"));
        BOOST_TEST(user.data.id == "2244994945");
        v1::timeline_params const none;
        auto [ec, home] = co_await api.async_home_timeline(none, tuple);
        BOOST_TEST((ec == twitter::client_errc::missing_credential), ec.message());
        BOOST_TEST(home.data.empty());
        BOOST_TEST(s.server.request_log().size() == 1u);  // the refused call never left the client
    });
}

BOOST_AUTO_TEST_CASE(an_upload_endpoint_takes_the_multipart_file) {
    test::run_scenario(1, [](scenario s) -> asio::awaitable<void> {
        auto api = user_api(s);
        std::string const png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, 'x');
        v1::banner_params const no_offsets;
        auto [ec, res] = co_await api.async_update_profile_banner("banner.png", png, no_offsets, tuple);
        BOOST_TEST(!ec, ec.message());
        auto const log = s.server.request_log();
        BOOST_TEST_REQUIRE(!log.empty());
        BOOST_TEST(log.back().body.find(png) != std::string::npos);
        auto posted = co_await api.async_update_status_with_media("with media", "a.png", png);
        BOOST_TEST(posted.data.text.starts_with("with media"));
    });
}

BOOST_AUTO_TEST_SUITE_END()
