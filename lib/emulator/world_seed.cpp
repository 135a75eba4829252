// The world's starting state: the accounts, tweets, lists and spaces that the recorded fixtures
// (../shared/fixtures/recorded) refer to, so that requests copied from them find something.

#include "emulator/world.hpp"

#include "emulator/timestamps.hpp"

namespace twitter::emulator::detail {

namespace {

user_record make_user(id_type id, std::string name, std::string username, std::string_view created_iso,
                      std::string description = {}, std::string location = {}) {
    user_record u;
    u.id = id;
    u.name = std::move(name);
    u.username = std::move(username);
    u.created_ms = parse_iso8601(created_iso).value_or(0);
    u.description = std::move(description);
    u.location = std::move(location);
    return u;
}

tweet_record make_tweet(id_type id, id_type author, std::string text) {
    tweet_record t;
    t.id = id;
    t.author_id = author;
    t.text = std::move(text);
    return t;
}

}  // namespace

void world::seed() {
    constexpr id_type xdevelopers = 2244994945;
    constexpr id_type tweepy_dev = 1072250532645998596;
    constexpr id_type x = 783214;
    constexpr id_type support = 17874544;
    constexpr id_type api = 6253282;
    constexpr id_type harmon_public = 750362064426721281;
    constexpr id_type harmon = 145336962;
    constexpr id_type news = 372575989;
    constexpr id_type food = 3015271772;
    constexpr id_type spaces = 1065249714214457345;
    constexpr id_type women = 2328002822;
    constexpr id_type engineering = 6844292;
    constexpr id_type marketing = 357750891;

    auto& dev = add_user(make_user(xdevelopers, "Developers", "XDevelopers", "2013-12-14T04:35:55.000Z",
                                   "The voice of the X Dev team and your official source for updates, news, "
                                   "and events, related to the X API.",
                                   "127.0.0.1"));
    dev.url = "https://t.co/3ZX3TNiZCY";
    dev.verified = true;
    dev.former_usernames = {"TwitterDev"};
    add_user(make_user(tweepy_dev, "Tweepy Testing", "TweepyDev", "2018-12-10T21:48:56.000Z",
                       "Account used to test Tweepy"));
    auto& x_account =
        add_user(make_user(x, "X", "X", "2007-02-20T14:35:54.000Z", "what's happening?!", "everywhere"));
    x_account.verified = true;
    x_account.former_usernames = {"Twitter"};
    add_user(make_user(support, "Twitter Support", "TwitterSupport", "2008-12-04T18:51:57.000Z",
                       "Your official source for Twitter Support.", "Twitter HQ"));
    add_user(make_user(
        api, "Twitter API", "TwitterAPI", "2007-05-23T06:01:13.000Z",
        "The Real Twitter API. Tweets about API changes, service issues and our Developer Platform.",
        "San Francisco, CA"));
    add_user(make_user(harmon_public, "Harmon", "Harmon758Public", "2016-07-05T15:00:00.000Z"));
    add_user(make_user(harmon, "Harmon", "Harmon758", "2010-05-18T18:31:35.000Z"));
    add_user(make_user(news, "Twitter News", "TwitterNews", "2011-09-12T21:00:00.000Z"));
    add_user(make_user(food, "Twitter Food", "TwitterFood", "2015-02-03T18:00:00.000Z"));
    add_user(make_user(spaces, "Spaces", "TwitterSpaces", "2018-11-22T02:00:00.000Z"));
    add_user(make_user(women, "Twitter Women", "TwitterWomen", "2014-02-04T18:00:00.000Z"));
    add_user(make_user(engineering, "Twitter Engineering", "TwitterEng", "2007-06-01T18:00:00.000Z"));
    add_user(make_user(marketing, "Twitter Marketing", "TwitterMktg", "2011-08-18T21:08:15.000Z",
                       "Twitter connects you with the most valuable audiences.", "Twitter HQ"));

    // Recorded from the real API: test_asyncclient_get_tweets.json and friends.
    add_tweet(make_tweet(1293593516040269825, xdevelopers,
                         "It\u2019s finally here! \U0001F941 Say hello to the new #TwitterAPI.\n\n"
                         "We\u2019re rebuilding the Twitter API v2 from the ground up to better serve our "
                         "developer community. And today\u2019s launch is only the beginning.\n\n"
                         "https://t.co/32VrwpGaJw https://t.co/KaFSbjWUA8"));
    add_tweet(
        make_tweet(1293595870563381249, xdevelopers,
                   "Twitter API v2: Early Access released\n\nToday we announced Early Access to the first "
                   "endpoints of the new Twitter API!\n\n#TwitterAPI #EarlyAccess #VersionBump "
                   "https://t.co/g7v3aeIbtQ"));
    add_tweet(make_tweet(1415348607813832708, xdevelopers,
                         "Retweet this to try the manage Retweets endpoints of the Twitter API v2."));
    add_tweet(
        make_tweet(1507070437557096461, xdevelopers,
                   "\U0001F516 Bookmark this! \n\nToday we are launching new Bookmark endpoints, allowing "
                   "you to build new ways for people to utilize and interact with their bookmarked "
                   "Tweets - only available on the Twitter API v2."));
    // A reply in a conversation that the default user started, so that it may hide it.
    auto reply = make_tweet(1344794616005066752, tweepy_dev, "@XDevelopers Testing hide replies");
    reply.conversation_id = 1293593516040269825;
    reply.in_reply_to_tweet = 1293593516040269825;
    reply.in_reply_to_user = xdevelopers;
    add_tweet(std::move(reply));
    auto old = make_tweet(145344012, x, "working on iphones via 'hahlo' and 'pocket tweets' - fun!");
    old.created_ms = parse_iso8601("2007-07-11T20:48:41.000Z").value_or(0);
    add_tweet(std::move(old));
    add_tweet(
        make_tweet(266367358078169089, x,
                   "RT @TwitterEng: Bolstering our infrastructure. \"As  usage patterns change, Twitter "
                   "can remain resilient.\" http://t.co/uML86B6s"));
    add_tweet(make_tweet(1565318587736285184, x,
                         "if you see an edited Tweet it's because we're testing the edit button\n\nthis is "
                         "happening and you'll be okay"));
    add_tweet(
        make_tweet(1577730467436138524, x,
                   "whoa, it works\n\nnow everyone can mix GIFs, videos, and images in one Tweet, available "
                   "on iOS and Android"));
    add_tweet(make_tweet(1578516068309794817, tweepy_dev, "2022-10-07 22:42:12.637103 tweepy"));
    add_tweet(make_tweet(1578516295611748353, harmon, "@Twitter @TwitterSupport this is my ENTIRE feed"));
    add_tweet(make_tweet(1578519591474511872, tweepy_dev, "2022-10-07 22:56:12.636619 tweepy"));
    add_tweet(make_tweet(1578520094778740736, tweepy_dev, "2022-10-07 22:58:12.637170 tweepy"));

    follow(xdevelopers, x);
    follow(xdevelopers, api);
    follow(tweepy_dev, x);
    follow(api, x);
    follow(x, api);
    follow(x, xdevelopers);
    follow(harmon, xdevelopers);
    like(x, 1293593516040269825);
    like(api, 1293593516040269825);
    like(x, 1293595870563381249);
    retweet(api, 1415348607813832708, snowflake_ms(1415348607813832708) + 60'000);

    list_record official;
    official.id = 84839422;
    official.name = "Official Twitter Accounts";
    official.slug = "official-twitter-accounts";
    official.description = "Accounts managed by Twitter, Inc.";
    official.owner = x;
    official.created_ms = parse_iso8601("2013-02-08T18:00:00.000Z").value_or(0);
    official.members = {api, support, xdevelopers, engineering, spaces, news, food, women, marketing};
    official.followers = {marketing, news};
    add_list(std::move(official));
    list_record offices;
    offices.id = 99922622;
    offices.name = "Offices & Culture";
    offices.owner = x;
    offices.created_ms = parse_iso8601("2013-07-10T18:00:00.000Z").value_or(0);
    offices.members = {women, food};
    offices.followers = {news};
    add_list(std::move(offices));
    list_record cities;
    cities.id = 178798503;
    cities.name = "US Cities";
    cities.owner = news;
    cities.created_ms = parse_iso8601("2014-11-10T18:00:00.000Z").value_or(0);
    cities.members = {news};
    cities.followers = {news};
    add_list(std::move(cities));

    auto const space = [&](std::string id, std::string state, std::string title, id_type creator) {
        space_record s;
        s.id = std::move(id);
        s.state = std::move(state);
        s.title = std::move(title);
        s.creator = creator;
        s.host_ids = {creator};
        s.created_ms = parse_iso8601("2022-10-01T17:00:00.000Z").value_or(0);
        s.started_ms = s.state == "scheduled" ? 0 : s.created_ms + 600'000;
        s.scheduled_start_ms = s.created_ms + 600'000;
        s.ended_ms = s.state == "ended" ? s.started_ms + 3'600'000 : 0;
        s.participant_count = s.state == "live" ? 42 : 0;
        spaces_.push_back(std::move(s));
    };
    space("1YpKkzBgBlVxj", "ended", "Twitter Spaces: what's new", spaces);
    space("1OwGWzarWnNKQ", "ended", "Spaces Q&A", spaces);
    space("1ynKOZVRyOwxR", "ended", "Developers Spaces", xdevelopers);
    space("1mrGmanRNNkGy", "ended", "API office hours", xdevelopers);
    space("1vOxwylRqeLGB", "scheduled", "Twitter Women Spaces", women);
    space("1YpJkZXEqAjGj", "live", "Twitter chat live", marketing);
    space("1yoKMWNkqPOJQ", "live", "Talking Twitter", spaces);
    spaces_[0].tweets = {1293593516040269825, 1293595870563381249};
    spaces_[2].ticketed = true;
    spaces_[2].buyers = {tweepy_dev, x};

    auto& conversation = one_to_one(xdevelopers, tweepy_dev);
    dm_event_record hello;
    hello.id = 1585800613253812228;
    hello.conversation_id = conversation.id;
    hello.sender = tweepy_dev;
    hello.text = "Testing 1";
    hello.created_ms = snowflake_ms(hello.id);
    add_dm_event(std::move(hello));
}

}  // namespace twitter::emulator::detail
