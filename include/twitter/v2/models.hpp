#ifndef TWITTER_V2_MODELS_HPP
#define TWITTER_V2_MODELS_HPP

// The objects of the X API v2, as plain aggregates. Ids are strings, as the API sends them (they exceed
// 2^53). A field the API did not send is an empty std::optional, or an empty vector for arrays; fields we do
// not model are ignored (the raw JSON stays available in the response envelope). Timestamps stay ISO 8601
// text
// ("2022-05-07T14:41:04.000Z"), exactly as sent. Not modelled: context_annotations, edit_controls,
// note_tweet, non-public, organic and promoted metrics, media variants, and place geometry.
//
// This header is for users' translation units: it includes nothing from Boost.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace twitter::v2 {

// Entities: the character offsets are [start, end) in the text, as the API counts them.
struct url_entity {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string url;  // the t.co link
    std::optional<std::string> expanded_url;
    std::optional<std::string> display_url;
    std::optional<std::string> unwound_url;
};

struct mention_entity {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string username;
    std::optional<std::string> id;
};

// A hashtag or a cashtag: the tag without its '#' or '$'.
struct tag_entity {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string tag;
};

struct entities {
    std::vector<url_entity> urls;
    std::vector<mention_entity> mentions;
    std::vector<tag_entity> hashtags;
    std::vector<tag_entity> cashtags;
};

struct withheld {
    std::vector<std::string> country_codes;
    std::optional<bool> copyright;
    std::optional<std::string> scope;  // "tweet" or "user"
};

struct tweet_public_metrics {
    std::uint64_t retweet_count = 0;
    std::uint64_t reply_count = 0;
    std::uint64_t like_count = 0;
    std::uint64_t quote_count = 0;
    std::optional<std::uint64_t> bookmark_count;  // newer than the other four
    std::optional<std::uint64_t> impression_count;
};

struct referenced_tweet {
    std::string type;  // "retweeted", "quoted" or "replied_to"
    std::string id;
};

struct tweet_attachments {
    std::vector<std::string> media_keys;
    std::vector<std::string> poll_ids;
};

struct tweet {
    std::string id;
    std::string text;
    std::vector<std::string> edit_history_tweet_ids;
    std::optional<std::string> author_id;
    std::optional<std::string> conversation_id;
    std::optional<std::string> in_reply_to_user_id;
    std::optional<std::string> created_at;
    std::optional<std::string> lang;
    std::optional<std::string> source;
    std::optional<std::string> reply_settings;
    std::optional<std::string> community_id;
    std::optional<std::string> place_id;  // geo.place_id
    std::optional<bool> possibly_sensitive;
    std::vector<referenced_tweet> referenced_tweets;
    std::optional<tweet_attachments> attachments;
    std::optional<v2::entities> entities;
    std::optional<tweet_public_metrics> public_metrics;
    std::optional<v2::withheld> withheld;
};

struct user_public_metrics {
    std::uint64_t followers_count = 0;
    std::uint64_t following_count = 0;
    std::uint64_t tweet_count = 0;
    std::uint64_t listed_count = 0;
    std::optional<std::uint64_t> like_count;
};

struct user {
    std::string id;
    std::string name;
    std::string username;
    std::optional<std::string> created_at;
    std::optional<std::string> description;
    std::optional<std::string> location;
    std::optional<std::string> pinned_tweet_id;
    std::optional<std::string> profile_image_url;
    std::optional<std::string> url;
    std::optional<bool> is_protected;  // "protected"
    std::optional<bool> verified;
    std::optional<std::string> verified_type;
    std::optional<user_public_metrics> public_metrics;
    std::optional<v2::withheld> withheld;
};

struct media {
    std::string media_key;
    std::string type;  // "photo", "video" or "animated_gif"
    std::optional<std::string> url;
    std::optional<std::string> preview_image_url;
    std::optional<std::string> alt_text;
    std::optional<std::uint64_t> width;
    std::optional<std::uint64_t> height;
    std::optional<std::uint64_t> duration_ms;
    std::optional<std::uint64_t> view_count;  // public_metrics.view_count
};

struct place {
    std::string id;
    std::string full_name;
    std::optional<std::string> name;
    std::optional<std::string> country;
    std::optional<std::string> country_code;
    std::optional<std::string> place_type;
    std::vector<std::string> contained_within;
};

struct poll_option {
    std::int64_t position = 0;
    std::string label;
    std::uint64_t votes = 0;
};

struct poll {
    std::string id;
    std::vector<poll_option> options;
    std::optional<std::int64_t> duration_minutes;
    std::optional<std::string> end_datetime;
    std::optional<std::string> voting_status;  // "open" or "closed"
};

struct list {
    std::string id;
    std::string name;
    std::optional<std::string> created_at;
    std::optional<std::string> description;
    std::optional<std::string> owner_id;
    std::optional<std::uint64_t> follower_count;
    std::optional<std::uint64_t> member_count;
    std::optional<bool> is_private;  // "private"
};

struct space {
    std::string id;
    std::string state;  // "live", "scheduled" or "ended"
    std::optional<std::string> title;
    std::optional<std::string> creator_id;
    std::optional<std::string> lang;
    std::optional<std::string> created_at;
    std::optional<std::string> updated_at;
    std::optional<std::string> scheduled_start;
    std::optional<std::string> started_at;
    std::optional<std::string> ended_at;
    std::optional<bool> is_ticketed;
    std::optional<std::uint64_t> participant_count;
    std::optional<std::uint64_t> subscriber_count;
    std::vector<std::string> host_ids;
    std::vector<std::string> speaker_ids;
    std::vector<std::string> invited_user_ids;
    std::vector<std::string> topic_ids;
};

struct dm_event {
    std::string id;
    std::string event_type;  // "MessageCreate", "ParticipantsJoin" or "ParticipantsLeave"
    std::optional<std::string> text;
    std::optional<std::string> sender_id;
    std::optional<std::string> dm_conversation_id;
    std::optional<std::string> created_at;
    std::vector<std::string> participant_ids;
    std::vector<std::string> media_keys;  // attachments.media_keys
    std::vector<referenced_tweet> referenced_tweets;
};

struct compliance_job {
    std::string id;
    std::string type;    // "tweets" or "users"
    std::string status;  // "created", "in_progress", "failed", "complete" or "expired"
    std::optional<std::string> name;
    std::optional<std::string> created_at;
    std::optional<std::string> upload_url;
    std::optional<std::string> upload_expires_at;
    std::optional<std::string> download_url;
    std::optional<std::string> download_expires_at;
    std::optional<bool> resumable;
};

struct topic {
    std::string id;
    std::string name;
    std::optional<std::string> description;
};

// One bucket of GET /2/tweets/counts/{recent,all}.
struct tweet_count {
    std::string start;
    std::string end;
    std::uint64_t count = 0;  // "tweet_count"
};

// What a write endpoint answers, e.g. {"data":{"liked":true}}: only the flags the endpoint sends are set.
struct action_result {
    std::optional<bool> bookmarked;
    std::optional<bool> deleted;
    std::optional<bool> following;
    std::optional<bool> pending_follow;
    std::optional<bool> hidden;
    std::optional<bool> liked;
    std::optional<bool> is_member;
    std::optional<bool> muting;
    std::optional<bool> blocking;
    std::optional<bool> pinned;
    std::optional<bool> retweeted;
    std::optional<bool> updated;
};

// What POST /2/dm_conversations and the .../messages endpoints answer.
struct dm_created {
    std::string dm_conversation_id;
    std::string dm_event_id;
};

// A filtered-stream rule as the API stores it: GET and POST /2/tweets/search/stream/rules answer with these.
struct stream_rule {
    std::string id;
    std::string value;  // the rule text, e.g. "cats has:media -is:retweet"
    std::string tag;    // empty when the rule has none
};

// The objects that `expansions` pulled in, referenced by id from `data`.
struct includes {
    std::vector<user> users;
    std::vector<tweet> tweets;
    std::vector<v2::media> media;
    std::vector<place> places;
    std::vector<poll> polls;
    std::vector<topic> topics;
};

// What a POST to the stream rules did (or, with dry_run, would do): meta.summary. At namespace scope, not
// nested in meta, so that std::optional sees it complete (clang 14 cannot use the default member initializers
// of a class nested in one still being defined).
struct stream_rules_summary {
    std::uint64_t created = 0;
    std::uint64_t not_created = 0;
    std::uint64_t valid = 0;
    std::uint64_t invalid = 0;
    std::uint64_t deleted = 0;
    std::uint64_t not_deleted = 0;
};

// Pagination and summary data. The request-side token (pagination_token or next_token, by endpoint) is not
// echoed back: the API always answers with next_token and previous_token.
struct meta {
    std::optional<std::uint64_t> result_count;
    std::optional<std::string> next_token;
    std::optional<std::string> previous_token;
    std::optional<std::string> newest_id;
    std::optional<std::string> oldest_id;
    std::optional<std::uint64_t> total_tweet_count;  // tweet counts only
    // Stream rules only: when the API answered, and what a POST did (or, with dry_run, would do).
    std::optional<std::string> sent;
    using rules_summary = stream_rules_summary;
    std::optional<rules_summary> summary;
};

}  // namespace twitter::v2

#endif
