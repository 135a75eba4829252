#ifndef TWITTER_LIB_EMULATOR_WORLD_HPP
#define TWITTER_LIB_EMULATOR_WORLD_HPP

// The emulator's in-memory X: users, tweets and the relations between them (follows, likes, retweets, mutes,
// blocks, bookmarks), lists, spaces, direct messages, compliance jobs and saved searches. API v2 and v1.1
// read and write the same world, so a write through one is visible through the other. Pure: no I/O, and the
// time is always a parameter.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitter::emulator::detail {

using id_type = std::uint64_t;

// Decimal ids as X writes them: 1 to 19 digits. Empty when `text` is not one.
std::optional<id_type> parse_id(std::string_view text);

struct user_record {
    id_type id = 0;
    std::string name;
    std::string username;
    std::string description;
    std::string location;
    std::string url;
    std::int64_t created_ms = 0;
    bool protected_account = false;
    bool verified = false;
    std::string profile_link_color = "1DA1F2";
    std::optional<id_type> pinned_tweet_id;
    // Handles the account had before (X renamed @Twitter to @X, @TwitterDev to @XDevelopers): the recorded
    // fixtures use them, so lookups by username accept them too.
    std::vector<std::string> former_usernames;
};

struct tweet_record {
    id_type id = 0;
    std::string text;
    id_type author_id = 0;
    std::int64_t created_ms = 0;  // from the snowflake id, or recorded for the older sequential ids
    id_type conversation_id = 0;
    std::optional<id_type> in_reply_to_tweet;
    std::optional<id_type> in_reply_to_user;
    std::optional<id_type> quoted;
    std::optional<id_type> retweeted;
    std::vector<std::string> media_keys;
    std::optional<std::string> place_id;
    std::optional<std::string> community_id;
    std::string reply_settings = "everyone";
    std::string lang = "en";
    bool hidden = false;  // a reply its conversation's author hid
};

struct list_record {
    id_type id = 0;
    std::string name;
    std::string slug;
    std::string description;
    id_type owner = 0;
    bool private_list = false;
    std::int64_t created_ms = 0;
    std::vector<id_type> members;    // newest first
    std::vector<id_type> followers;  // subscribers, newest first
};

struct space_record {
    std::string id;
    std::string state;  // "live", "scheduled" or "ended"
    std::string title;
    id_type creator = 0;
    std::vector<id_type> host_ids;
    std::vector<id_type> speaker_ids;
    std::vector<id_type> buyers;
    std::vector<id_type> tweets;
    std::int64_t created_ms = 0;
    std::int64_t started_ms = 0;
    std::int64_t scheduled_start_ms = 0;
    std::int64_t ended_ms = 0;
    std::string lang = "en";
    bool ticketed = false;
    std::size_t participant_count = 0;
};

struct dm_event_record {
    id_type id = 0;
    std::string event_type = "MessageCreate";  // or "ParticipantsJoin", "ParticipantsLeave"
    std::string conversation_id;
    id_type sender = 0;
    std::string text;
    std::int64_t created_ms = 0;
    std::vector<std::string> media_ids;
    std::vector<id_type> participant_ids;  // ParticipantsJoin
};

struct dm_conversation_record {
    std::string id;
    std::vector<id_type> participants;
    bool group = false;
};

struct compliance_job_record {
    id_type id = 0;
    std::string type;  // "tweets" or "users"
    std::string name;
    bool resumable = false;
    std::int64_t created_ms = 0;
};

struct saved_search_record {
    id_type id = 0;
    id_type owner = 0;
    std::string query;
    std::int64_t created_ms = 0;
};

// A relation kept newest first: who follows whom, who liked what, who is in a list.
using edge_map = std::map<id_type, std::vector<id_type>>;

class world {
public:
    // `synthetic_followers` extra followers of the default user, made from their index when asked for.
    explicit world(std::size_t synthetic_followers = 0);

    id_type default_user() const { return default_user_; }

    // A new snowflake id for the time `now_ms`, above every id handed out before.
    id_type next_id(std::int64_t now_ms);

    // Users. Synthetic followers are real users to every lookup, made on the fly.
    std::optional<user_record> user(id_type id) const;
    std::optional<user_record> user_by_username(std::string_view username) const;
    user_record* stored_user(id_type id);
    bool user_exists(id_type id) const;
    user_record& add_user(user_record u);
    // Users whose username or name contains `query` (case-insensitive), in id order.
    std::vector<id_type> search_users(std::string_view query) const;

    // Tweets, in id (time) order.
    std::map<id_type, tweet_record> const& tweets() const { return tweets_; }
    tweet_record const* tweet(id_type id) const;
    tweet_record* stored_tweet(id_type id);
    tweet_record& add_tweet(tweet_record t);
    // Removes the tweet and every relation to it. False when there is none.
    bool delete_tweet(id_type id);
    // Tweets of `author`, newest first.
    std::vector<id_type> tweets_of(id_type author) const;
    // Tweets that mention @username of `user`, newest first.
    std::vector<id_type> mentions_of(id_type user) const;
    // What `user` sees: their tweets and those of the accounts they follow, newest first.
    std::vector<id_type> home_timeline(id_type user) const;

    // Followers of `user`: the recorded ones, newest first, then the synthetic ones of the default user.
    std::size_t follower_count(id_type user) const;
    id_type follower_at(id_type user, std::size_t index) const;
    std::vector<id_type> const& following(id_type user) const;
    bool follows(id_type who, id_type whom) const;
    bool follow(id_type who, id_type whom);  // false when it already did
    bool unfollow(id_type who, id_type whom);

    // Likes (v1.1 favorites): both directions.
    std::vector<id_type> const& liked_tweets(id_type user) const { return get(likes_, user); }
    std::vector<id_type> const& liking_users(id_type tweet) const { return get(likers_, tweet); }
    bool like(id_type user, id_type tweet);
    bool unlike(id_type user, id_type tweet);

    // Retweets: a retweet is a tweet of its own (text "RT @author: ...") that points at the original.
    std::vector<id_type> const& retweeters(id_type tweet) const { return get(retweeters_, tweet); }
    std::optional<id_type> retweet_of(id_type user, id_type tweet) const;
    // The retweet's id; nullopt when `user` had retweeted it already.
    std::optional<id_type> retweet(id_type user, id_type tweet, std::int64_t now_ms);
    // The removed retweet's id, if there was one.
    std::optional<id_type> unretweet(id_type user, id_type tweet);

    // Mutes, blocks and bookmarks: the owner's list, newest first.
    edge_map& mutes() { return mutes_; }
    edge_map& blocks() { return blocks_; }
    edge_map& bookmarks() { return bookmarks_; }
    edge_map const& mutes() const { return mutes_; }
    edge_map const& blocks() const { return blocks_; }
    edge_map const& bookmarks() const { return bookmarks_; }

    // Lists.
    std::map<id_type, list_record> const& lists() const { return lists_; }
    list_record const* list(id_type id) const;
    list_record* stored_list(id_type id);
    // By owner and slug, as v1.1 names lists; the slug compares case-insensitively.
    list_record* list_by_slug(id_type owner, std::string_view slug);
    list_record& add_list(list_record l);
    bool delete_list(id_type id);
    std::vector<id_type> lists_owned_by(id_type user) const;     // newest first
    std::vector<id_type> lists_followed_by(id_type user) const;  // newest first
    std::vector<id_type> lists_with_member(id_type user) const;  // newest first
    edge_map& pinned_lists() { return pinned_lists_; }
    edge_map const& pinned_lists() const { return pinned_lists_; }

    // Spaces (seeded only: the API cannot create them).
    std::vector<space_record> const& spaces() const { return spaces_; }
    space_record const* space(std::string_view id) const;

    // Direct messages.
    dm_conversation_record const* dm_conversation(std::string_view id) const;
    // The one-to-one conversation of two users ("<smaller id>-<larger id>"), made when missing.
    dm_conversation_record& one_to_one(id_type a, id_type b);
    dm_conversation_record& add_group(std::string id, std::vector<id_type> participants);
    dm_event_record& add_dm_event(dm_event_record e);
    std::vector<dm_event_record> const& dm_events() const { return dm_events_; }  // oldest first
    dm_event_record const* dm_event(id_type id) const;
    bool delete_dm_event(id_type id);

    // Compliance jobs, newest last.
    std::vector<compliance_job_record>& compliance_jobs() { return compliance_jobs_; }

    // Saved searches (v1.1).
    std::map<id_type, saved_search_record>& saved_searches() { return saved_searches_; }

    static std::vector<id_type> const& get(edge_map const& m, id_type key);
    // Adds `value` at the front of `key`'s list; false when it was there.
    static bool add_edge(edge_map& m, id_type key, id_type value);
    static bool remove_edge(edge_map& m, id_type key, id_type value);

private:
    void seed();
    bool is_synthetic(id_type id) const;

    id_type default_user_;
    std::size_t synthetic_followers_;
    id_type last_id_ = 0;
    std::map<id_type, user_record> users_;
    std::map<id_type, tweet_record> tweets_;
    edge_map following_;
    edge_map followers_;
    edge_map likes_;
    edge_map likers_;
    edge_map retweeters_;
    std::map<std::pair<id_type, id_type>, id_type> retweets_;  // (user, original) -> the retweet
    edge_map mutes_;
    edge_map blocks_;
    edge_map bookmarks_;
    std::map<id_type, list_record> lists_;
    edge_map pinned_lists_;
    std::vector<space_record> spaces_;
    std::map<std::string, dm_conversation_record, std::less<>> dm_conversations_;
    std::vector<dm_event_record> dm_events_;
    std::vector<compliance_job_record> compliance_jobs_;
    std::map<id_type, saved_search_record> saved_searches_;
};

}  // namespace twitter::emulator::detail

#endif
