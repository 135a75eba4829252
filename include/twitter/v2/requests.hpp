#ifndef TWITTER_V2_REQUESTS_HPP
#define TWITTER_V2_REQUESTS_HPP

// One function per v2 endpoint: it builds the request (method, path, query, JSON body, which credentials)
// that the endpoint expects, as Tweepy's Client sends it, without any I/O. Send the result with
// client::async_call, or walk it with v2::paginator when it paginates. The list of endpoints, their default
// credentials and their query parameters is ../shared/reference/api-v2-endpoints.md.
//
// Each endpoint takes the `_params` aggregate of its family, which holds exactly the query parameters the
// endpoint accepts: a parameter it does not accept cannot be written. Where the API wants exactly one of two
// inputs (a user by id or by username, say), the two are separate overloads, so the rule is checked by the
// compiler. Ids go in as strings; in a path they are percent-encoded, and an empty one throws
// std::invalid_argument (it would name another endpoint). `http.auth` is Tweepy's default for the endpoint;
// set it on the result to choose otherwise (Tweepy's user_auth=True is http::auth_mode::user).

#include <twitter/v2/fields.hpp>
#include <twitter/v2/models.hpp>
#include <twitter/v2/typed_request.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitter::v2 {

// Every member has a default initializer, so that designated initializers (`{.text = "hi"}`) leave the rest
// unset without a -Wmissing-field-initializers warning.

// ---------------------------------------------------------------------------------------------------------
// The expansions and fields each family of endpoints accepts.

// expansions, tweet.fields, user.fields, media.fields, place.fields, poll.fields: the Tweet endpoints (and
// the ones that list the users around a Tweet).
struct tweet_fields_params {
    std::vector<expansion> expansions{};
    std::vector<tweet_field> tweet_fields{};
    std::vector<user_field> user_fields{};
    std::vector<media_field> media_fields{};
    std::vector<place_field> place_fields{};
    std::vector<poll_field> poll_fields{};
};

// expansions, tweet.fields, user.fields: the user endpoints.
struct user_fields_params {
    std::vector<expansion> expansions{};
    std::vector<tweet_field> tweet_fields{};
    std::vector<user_field> user_fields{};
};

// expansions, list.fields, user.fields: the endpoints that answer with Lists.
struct list_fields_params {
    std::vector<expansion> expansions{};
    std::vector<list_field> list_fields{};
    std::vector<user_field> user_fields{};
};

// expansions, space.fields, user.fields: the endpoints that answer with Spaces.
struct space_fields_params {
    std::vector<expansion> expansions{};
    std::vector<space_field> space_fields{};
    std::vector<user_field> user_fields{};
};

// expansions, dm_event.fields, media.fields, tweet.fields, user.fields: the Direct Message events.
struct dm_event_fields_params {
    std::vector<expansion> expansions{};
    std::vector<dm_event_field> dm_event_fields{};
    std::vector<media_field> media_fields{};
    std::vector<tweet_field> tweet_fields{};
    std::vector<user_field> user_fields{};
};

// ---------------------------------------------------------------------------------------------------------
// Values of the other query parameters.

// start_time and end_time. Sent as X documents them, "YYYY-MM-DDTHH:mm:ssZ" in UTC: X counts in whole
// seconds, so a fraction of a second is dropped.
using timestamp = std::chrono::system_clock::time_point;

enum class tweet_exclusion { replies, retweets };                                    // exclude
enum class sort_order { recency, relevancy };                                        // sort_order
enum class count_granularity { minute, hour, day };                                  // granularity
enum class space_state { all, live, scheduled };                                     // state
enum class dm_event_type { message_create, participants_join, participants_leave };  // event_types
enum class compliance_job_type { tweets, users };                                    // type
enum class compliance_job_status { created, in_progress, failed, complete };         // status
// reply_settings, a key of the create_tweet body.
enum class reply_setting { following, mentioned_users, subscribers, verified };

// The API's spelling: "retweets", "relevancy", "day", "live", "MessageCreate", "in_progress",
// "mentionedUsers"; empty for a value outside the enum.
std::string_view to_string(tweet_exclusion v) noexcept;
std::string_view to_string(sort_order v) noexcept;
std::string_view to_string(count_granularity v) noexcept;
std::string_view to_string(space_state v) noexcept;
std::string_view to_string(dm_event_type v) noexcept;
std::string_view to_string(compliance_job_type v) noexcept;
std::string_view to_string(compliance_job_status v) noexcept;
std::string_view to_string(reply_setting v) noexcept;

// ---------------------------------------------------------------------------------------------------------
// Query parameters by family. Unset members add nothing; lists are comma-joined.

// A page of Tweets or of the users around a Tweet: bookmarks, liking users, liked Tweets, retweeters, List
// Tweets.
struct tweet_page_params {
    tweet_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> pagination_token{};
};

// get_quote_tweets: a page of Tweets, with `exclude`.
struct quote_tweets_params {
    tweet_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> pagination_token{};
    std::vector<tweet_exclusion> exclude{};
};

// A page of users: blocked, followers, following, muted, List followers and members.
struct user_page_params {
    user_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> pagination_token{};
};

// A page of Lists: followed, owned, memberships.
struct list_page_params {
    list_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> pagination_token{};
};

// get_users_mentions: a timeline without `exclude`.
struct mentions_params {
    tweet_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> pagination_token{};
    std::optional<std::string> since_id{};
    std::optional<std::string> until_id{};
    std::optional<timestamp> start_time{};
    std::optional<timestamp> end_time{};
};

// get_home_timeline and get_users_tweets.
struct timeline_params {
    tweet_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> pagination_token{};
    std::optional<std::string> since_id{};
    std::optional<std::string> until_id{};
    std::optional<timestamp> start_time{};
    std::optional<timestamp> end_time{};
    std::vector<tweet_exclusion> exclude{};
};

// search_recent_tweets and search_all_tweets (the query is an argument of its own). They page with
// next_token.
struct search_params {
    tweet_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> next_token{};
    std::optional<std::string> since_id{};
    std::optional<std::string> until_id{};
    std::optional<timestamp> start_time{};
    std::optional<timestamp> end_time{};
    std::optional<v2::sort_order> sort_order{};
};

// get_recent_tweets_count.
struct counts_params {
    std::optional<count_granularity> granularity{};
    std::optional<std::string> since_id{};
    std::optional<std::string> until_id{};
    std::optional<timestamp> start_time{};
    std::optional<timestamp> end_time{};
};

// get_all_tweets_count: the recent counts' parameters, and it pages with next_token.
struct all_counts_params {
    std::optional<count_granularity> granularity{};
    std::optional<std::string> since_id{};
    std::optional<std::string> until_id{};
    std::optional<timestamp> start_time{};
    std::optional<timestamp> end_time{};
    std::optional<std::string> next_token{};
};

// search_spaces (the query is an argument of its own).
struct space_search_params {
    space_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<space_state> state{};
};

// get_direct_message_events.
struct dm_events_params {
    dm_event_fields_params fields{};
    std::optional<unsigned> max_results{};
    std::optional<std::string> pagination_token{};
    std::vector<dm_event_type> event_types{};
};

// get_compliance_jobs (the job type is an argument of its own).
struct compliance_jobs_params {
    std::optional<compliance_job_status> status{};
};

// ---------------------------------------------------------------------------------------------------------
// JSON bodies. Only what is set is sent; ids are sent as strings.

// POST /2/tweets "reply": the Tweet replied to, and the users to leave out of the reply's mentions.
struct tweet_reply {
    std::string in_reply_to_tweet_id{};
    std::vector<std::string> exclude_reply_user_ids{};
};

// POST /2/tweets "media": uploaded media ids, and the users tagged in them.
struct tweet_media {
    std::vector<std::string> media_ids{};
    std::vector<std::string> tagged_user_ids{};
};

// POST /2/tweets "poll".
struct tweet_poll {
    std::vector<std::string> options{};
    unsigned duration_minutes = 0;
};

// create_tweet. X wants text unless media is given.
struct create_tweet_params {
    std::optional<std::string> text{};
    std::optional<tweet_reply> reply{};
    std::optional<std::string> quote_tweet_id{};
    std::optional<tweet_media> media{};
    std::optional<tweet_poll> poll{};
    std::optional<std::string> place_id{};  // "geo": {"place_id": ...}
    std::optional<v2::reply_setting> reply_settings{};
    std::optional<bool> for_super_followers_only{};
    std::optional<std::string> direct_message_deep_link{};
    std::optional<std::string> community_id{};
};

// A Direct Message: its text, an uploaded media id, or both.
struct dm_message_params {
    std::optional<std::string> text{};
    std::optional<std::string> media_id{};
};

// create_list (the name is an argument of its own).
struct create_list_params {
    std::optional<std::string> description{};
    std::optional<bool> is_private{};  // "private"
};

// update_list: what to change.
struct update_list_params {
    std::optional<std::string> name{};
    std::optional<std::string> description{};
    std::optional<bool> is_private{};  // "private"
};

// create_compliance_job (the job type is an argument of its own).
struct create_compliance_job_params {
    std::optional<std::string> name{};
    std::optional<bool> resumable{};
};

// ---------------------------------------------------------------------------------------------------------
// The other one of an exactly-one-of pair: get_user(id) or get_user(by_username{...}), and so on.

struct by_username {
    std::string value{};
};
struct by_usernames {
    std::vector<std::string> values{};
};
// Spaces by the users who created them (GET /2/spaces/by/creator_ids).
struct by_creator_ids {
    std::vector<std::string> values{};
};
// A Direct Message conversation by its id ("750362064426721281-1072250532645998596")...
struct dm_conversation_id {
    std::string value{};
};
// ...or the one-to-one conversation with a user.
struct dm_participant_id {
    std::string value{};
};

// ---------------------------------------------------------------------------------------------------------
// Bookmarks. OAuth 2.0 user token only (http::auth_mode::user_bearer); "me" is found with GET /2/users/me.

// DELETE /2/users/{me}/bookmarks/:tweet_id
typed_request<action_result> remove_bookmark(std::string tweet_id);
// GET /2/users/{me}/bookmarks
typed_request<std::vector<tweet>> get_bookmarks(tweet_page_params const& params = {});
// POST /2/users/{me}/bookmarks
typed_request<action_result> bookmark(std::string tweet_id);

// ---------------------------------------------------------------------------------------------------------
// Tweets.

// PUT /2/tweets/:id/hidden
typed_request<action_result> hide_reply(std::string id);
typed_request<action_result> unhide_reply(std::string id);

// DELETE /2/users/{me}/likes/:tweet_id
typed_request<action_result> unlike(std::string tweet_id);
// GET /2/tweets/:id/liking_users
typed_request<std::vector<user>> get_liking_users(std::string id, tweet_page_params const& params = {});
// GET /2/users/:id/liked_tweets
typed_request<std::vector<tweet>> get_liked_tweets(std::string id, tweet_page_params const& params = {});
// POST /2/users/{me}/likes
typed_request<action_result> like(std::string tweet_id);

// DELETE /2/tweets/:id
typed_request<action_result> delete_tweet(std::string id);
// POST /2/tweets
typed_request<tweet> create_tweet(create_tweet_params const& params);

// GET /2/tweets/:id/quote_tweets
typed_request<std::vector<tweet>> get_quote_tweets(std::string id, quote_tweets_params const& params = {});

// DELETE /2/users/{me}/retweets/:source_tweet_id
typed_request<action_result> unretweet(std::string source_tweet_id);
// GET /2/tweets/:id/retweeted_by
typed_request<std::vector<user>> get_retweeters(std::string id, tweet_page_params const& params = {});
// POST /2/users/{me}/retweets
typed_request<action_result> retweet(std::string tweet_id);

// GET /2/tweets/search/all (app-only or OAuth 2.0 user bearer)
typed_request<std::vector<tweet>> search_all_tweets(std::string query, search_params const& params = {});
// GET /2/tweets/search/recent
typed_request<std::vector<tweet>> search_recent_tweets(std::string query, search_params const& params = {});

// GET /2/users/:id/mentions
typed_request<std::vector<tweet>> get_users_mentions(std::string id, mentions_params const& params = {});
// GET /2/users/{me}/timelines/reverse_chronological
typed_request<std::vector<tweet>> get_home_timeline(timeline_params const& params = {});
// GET /2/users/:id/tweets
typed_request<std::vector<tweet>> get_users_tweets(std::string id, timeline_params const& params = {});

// GET /2/tweets/counts/all (bearer)
typed_request<std::vector<tweet_count>> get_all_tweets_count(std::string query,
                                                             all_counts_params const& params = {});
// GET /2/tweets/counts/recent (bearer)
typed_request<std::vector<tweet_count>> get_recent_tweets_count(std::string query,
                                                                counts_params const& params = {});

// GET /2/tweets/:id
typed_request<tweet> get_tweet(std::string id, tweet_fields_params const& fields = {});
// GET /2/tweets?ids=
typed_request<std::vector<tweet>> get_tweets(std::vector<std::string> const& ids,
                                             tweet_fields_params const& fields = {});

// ---------------------------------------------------------------------------------------------------------
// Users.

// GET /2/users/{me}/blocking
typed_request<std::vector<user>> get_blocked(user_page_params const& params = {});

// DELETE /2/users/{me}/following/:target_user_id
typed_request<action_result> unfollow_user(std::string target_user_id);
// GET /2/users/:id/followers
typed_request<std::vector<user>> get_users_followers(std::string id, user_page_params const& params = {});
// GET /2/users/:id/following
typed_request<std::vector<user>> get_users_following(std::string id, user_page_params const& params = {});
// POST /2/users/{me}/following
typed_request<action_result> follow_user(std::string target_user_id);

// Tweepy's deprecated names.
inline typed_request<action_result> unfollow(std::string target_user_id) {
    return unfollow_user(std::move(target_user_id));
}
inline typed_request<action_result> follow(std::string target_user_id) {
    return follow_user(std::move(target_user_id));
}

// DELETE /2/users/{me}/muting/:target_user_id
typed_request<action_result> unmute(std::string target_user_id);
// GET /2/users/{me}/muting
typed_request<std::vector<user>> get_muted(user_page_params const& params = {});
// POST /2/users/{me}/muting
typed_request<action_result> mute(std::string target_user_id);

// GET /2/users/:id
typed_request<user> get_user(std::string id, user_fields_params const& fields = {});
// GET /2/users/by/username/:username
typed_request<user> get_user(by_username const& username, user_fields_params const& fields = {});
// GET /2/users?ids=
typed_request<std::vector<user>> get_users(std::vector<std::string> const& ids,
                                           user_fields_params const& fields = {});
// GET /2/users/by?usernames=
typed_request<std::vector<user>> get_users(by_usernames const& usernames,
                                           user_fields_params const& fields = {});
// GET /2/users/me (user context)
typed_request<user> get_me(user_fields_params const& fields = {});

// ---------------------------------------------------------------------------------------------------------
// Spaces (bearer).

// GET /2/spaces/search
typed_request<std::vector<space>> search_spaces(std::string query, space_search_params const& params = {});
// GET /2/spaces?ids=
typed_request<std::vector<space>> get_spaces(std::vector<std::string> const& ids,
                                             space_fields_params const& fields = {});
// GET /2/spaces/by/creator_ids?user_ids=
typed_request<std::vector<space>> get_spaces(by_creator_ids const& user_ids,
                                             space_fields_params const& fields = {});
// GET /2/spaces/:id
typed_request<space> get_space(std::string id, space_fields_params const& fields = {});
// GET /2/spaces/:id/buyers
typed_request<std::vector<user>> get_space_buyers(std::string id, tweet_fields_params const& fields = {});
// GET /2/spaces/:id/tweets
typed_request<std::vector<tweet>> get_space_tweets(std::string id, tweet_fields_params const& fields = {});

// ---------------------------------------------------------------------------------------------------------
// Direct Messages (user context).

// GET /2/dm_events: every conversation of the user.
typed_request<std::vector<dm_event>> get_direct_message_events(dm_events_params const& params = {});
// GET /2/dm_conversations/:dm_conversation_id/dm_events
typed_request<std::vector<dm_event>> get_direct_message_events(dm_conversation_id const& conversation,
                                                               dm_events_params const& params = {});
// GET /2/dm_conversations/with/:participant_id/dm_events
typed_request<std::vector<dm_event>> get_direct_message_events(dm_participant_id const& participant,
                                                               dm_events_params const& params = {});
// POST /2/dm_conversations/:dm_conversation_id/messages
typed_request<dm_created> create_direct_message(dm_conversation_id const& conversation,
                                                dm_message_params const& message);
// POST /2/dm_conversations/with/:participant_id/messages
typed_request<dm_created> create_direct_message(dm_participant_id const& participant,
                                                dm_message_params const& message);
// POST /2/dm_conversations: a new group conversation.
typed_request<dm_created> create_direct_message_conversation(std::vector<std::string> const& participant_ids,
                                                             dm_message_params const& message);

// Tweepy's short names.
inline typed_request<std::vector<dm_event>> get_dm_events(dm_events_params const& params = {}) {
    return get_direct_message_events(params);
}
inline typed_request<std::vector<dm_event>> get_dm_events(dm_conversation_id const& conversation,
                                                          dm_events_params const& params = {}) {
    return get_direct_message_events(conversation, params);
}
inline typed_request<std::vector<dm_event>> get_dm_events(dm_participant_id const& participant,
                                                          dm_events_params const& params = {}) {
    return get_direct_message_events(participant, params);
}
inline typed_request<dm_created> create_dm(dm_conversation_id const& conversation,
                                           dm_message_params const& message) {
    return create_direct_message(conversation, message);
}
inline typed_request<dm_created> create_dm(dm_participant_id const& participant,
                                           dm_message_params const& message) {
    return create_direct_message(participant, message);
}
inline typed_request<dm_created> create_dm_conversation(std::vector<std::string> const& participant_ids,
                                                        dm_message_params const& message) {
    return create_direct_message_conversation(participant_ids, message);
}

// ---------------------------------------------------------------------------------------------------------
// Lists.

// GET /2/lists/:id/tweets
typed_request<std::vector<tweet>> get_list_tweets(std::string id, tweet_page_params const& params = {});
// DELETE /2/users/{me}/followed_lists/:list_id
typed_request<action_result> unfollow_list(std::string list_id);
// GET /2/lists/:id/followers
typed_request<std::vector<user>> get_list_followers(std::string id, user_page_params const& params = {});
// GET /2/users/:id/followed_lists
typed_request<std::vector<list>> get_followed_lists(std::string id, list_page_params const& params = {});
// POST /2/users/{me}/followed_lists
typed_request<action_result> follow_list(std::string list_id);
// GET /2/lists/:id
typed_request<list> get_list(std::string id, list_fields_params const& fields = {});
// GET /2/users/:id/owned_lists
typed_request<std::vector<list>> get_owned_lists(std::string id, list_page_params const& params = {});
// DELETE /2/lists/:id/members/:user_id
typed_request<action_result> remove_list_member(std::string id, std::string user_id);
// GET /2/lists/:id/members
typed_request<std::vector<user>> get_list_members(std::string id, user_page_params const& params = {});
// GET /2/users/:id/list_memberships
typed_request<std::vector<list>> get_list_memberships(std::string id, list_page_params const& params = {});
// POST /2/lists/:id/members
typed_request<action_result> add_list_member(std::string id, std::string user_id);
// DELETE /2/lists/:id
typed_request<action_result> delete_list(std::string id);
// PUT /2/lists/:id
typed_request<action_result> update_list(std::string id, update_list_params const& params);
// POST /2/lists
typed_request<list> create_list(std::string name, create_list_params const& params = {});
// DELETE /2/users/{me}/pinned_lists/:list_id
typed_request<action_result> unpin_list(std::string list_id);
// GET /2/users/{me}/pinned_lists
typed_request<std::vector<list>> get_pinned_lists(list_fields_params const& fields = {});
// POST /2/users/{me}/pinned_lists
typed_request<action_result> pin_list(std::string list_id);

// ---------------------------------------------------------------------------------------------------------
// Batch compliance (bearer).

// GET /2/compliance/jobs?type=
typed_request<std::vector<compliance_job>> get_compliance_jobs(compliance_job_type type,
                                                               compliance_jobs_params const& params = {});
// GET /2/compliance/jobs/:id
typed_request<compliance_job> get_compliance_job(std::string id);
// POST /2/compliance/jobs
typed_request<compliance_job> create_compliance_job(compliance_job_type type,
                                                    create_compliance_job_params const& params = {});

// ---------------------------------------------------------------------------------------------------------
// Filtered-stream rules (app-only bearer). The streams themselves are in <twitter/v2/stream.hpp>.

// A rule to add: its text in X's rule language, and an optional tag that matching events carry back.
struct new_rule {
    std::string value{};
    std::string tag{};
};

// GET /2/tweets/search/stream/rules: every rule, or those with the given ids.
typed_request<std::vector<stream_rule>> get_rules(std::vector<std::string> const& ids = {});
// POST /2/tweets/search/stream/rules {"add": [...]}. With dry_run the API only validates them.
typed_request<std::vector<stream_rule>> add_rules(std::vector<new_rule> const& rules, bool dry_run = false);
// POST /2/tweets/search/stream/rules {"delete": {"ids": [...]}}.
typed_request<std::vector<stream_rule>> delete_rules(std::vector<std::string> const& ids, bool dry_run = false);

}  // namespace twitter::v2

#endif
