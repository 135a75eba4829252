#ifndef TWITTER_V2_ENDPOINTS_HPP
#define TWITTER_V2_ENDPOINTS_HPP

// The named v2 endpoint methods of twitter::client (Tweepy's Client), each a one-line shortcut for
// `client.async_call(v2::<endpoint>(...), token)`: the arguments and `_params` are those of the builder of
// the same name in <twitter/v2/requests.hpp>, and the operation completes with `v2::response<T>` for the
// builder's T. A builder that rejects its arguments (an empty id) throws std::invalid_argument here, before
// anything is sent. To walk the pages of an endpoint, hand the builder's request to v2::paginator instead.

#include <twitter/v2/requests.hpp>
#include <twitter/v2/response.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/async_result.hpp>

#include <string>
#include <utility>
#include <vector>

namespace twitter::v2 {

namespace detail {
// A completion token for an operation that completes with `response<T>`.
template <class CompletionToken, class T>
concept response_token = boost::asio::completion_token_for<CompletionToken, void(error_code, response<T>)>;
}  // namespace detail

template <class Client>
class client_endpoints {
public:
    // Bookmarks (OAuth 2.0 user token)

    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_remove_bookmark(std::string tweet_id, CompletionToken&& token = {}) {
        return self().async_call(remove_bookmark(std::move(tweet_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_bookmarks(tweet_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_bookmarks(params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_bookmark(std::string tweet_id, CompletionToken&& token = {}) {
        return self().async_call(bookmark(std::move(tweet_id)), std::forward<CompletionToken>(token));
    }

    // Tweets

    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_hide_reply(std::string id, CompletionToken&& token = {}) {
        return self().async_call(hide_reply(std::move(id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unhide_reply(std::string id, CompletionToken&& token = {}) {
        return self().async_call(unhide_reply(std::move(id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unlike(std::string tweet_id, CompletionToken&& token = {}) {
        return self().async_call(unlike(std::move(tweet_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_liking_users(std::string id, tweet_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_liking_users(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_liked_tweets(std::string id, tweet_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_liked_tweets(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_like(std::string tweet_id, CompletionToken&& token = {}) {
        return self().async_call(like(std::move(tweet_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_delete_tweet(std::string id, CompletionToken&& token = {}) {
        return self().async_call(delete_tweet(std::move(id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<tweet> CompletionToken = default_token>
    auto async_create_tweet(create_tweet_params params, CompletionToken&& token = {}) {
        return self().async_call(create_tweet(params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_quote_tweets(std::string id, quote_tweets_params params = {},
                                CompletionToken&& token = {}) {
        return self().async_call(get_quote_tweets(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unretweet(std::string source_tweet_id, CompletionToken&& token = {}) {
        return self().async_call(unretweet(std::move(source_tweet_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_retweeters(std::string id, tweet_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_retweeters(std::move(id), params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_retweet(std::string tweet_id, CompletionToken&& token = {}) {
        return self().async_call(retweet(std::move(tweet_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_search_all_tweets(std::string query, search_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(search_all_tweets(std::move(query), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_search_recent_tweets(std::string query, search_params params = {},
                                    CompletionToken&& token = {}) {
        return self().async_call(search_recent_tweets(std::move(query), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_users_mentions(std::string id, mentions_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_users_mentions(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_home_timeline(timeline_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_home_timeline(params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_users_tweets(std::string id, timeline_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_users_tweets(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet_count>> CompletionToken = default_token>
    auto async_get_all_tweets_count(std::string query, all_counts_params params = {},
                                    CompletionToken&& token = {}) {
        return self().async_call(get_all_tweets_count(std::move(query), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet_count>> CompletionToken = default_token>
    auto async_get_recent_tweets_count(std::string query, counts_params params = {},
                                       CompletionToken&& token = {}) {
        return self().async_call(get_recent_tweets_count(std::move(query), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<tweet> CompletionToken = default_token>
    auto async_get_tweet(std::string id, tweet_fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_tweet(std::move(id), fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_tweets(std::vector<std::string> ids, tweet_fields_params fields = {},
                          CompletionToken&& token = {}) {
        return self().async_call(get_tweets(ids, fields), std::forward<CompletionToken>(token));
    }

    // Users

    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_blocked(user_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_blocked(params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unfollow_user(std::string target_user_id, CompletionToken&& token = {}) {
        return self().async_call(unfollow_user(std::move(target_user_id)),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unfollow(std::string target_user_id, CompletionToken&& token = {}) {
        return self().async_call(unfollow(std::move(target_user_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_users_followers(std::string id, user_page_params params = {},
                                   CompletionToken&& token = {}) {
        return self().async_call(get_users_followers(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_users_following(std::string id, user_page_params params = {},
                                   CompletionToken&& token = {}) {
        return self().async_call(get_users_following(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_follow_user(std::string target_user_id, CompletionToken&& token = {}) {
        return self().async_call(follow_user(std::move(target_user_id)),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_follow(std::string target_user_id, CompletionToken&& token = {}) {
        return self().async_call(follow(std::move(target_user_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unmute(std::string target_user_id, CompletionToken&& token = {}) {
        return self().async_call(unmute(std::move(target_user_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_muted(user_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_muted(params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_mute(std::string target_user_id, CompletionToken&& token = {}) {
        return self().async_call(mute(std::move(target_user_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<user> CompletionToken = default_token>
    auto async_get_user(std::string id, user_fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_user(std::move(id), fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<user> CompletionToken = default_token>
    auto async_get_user(by_username username, user_fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_user(username, fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_users(std::vector<std::string> ids, user_fields_params fields = {},
                         CompletionToken&& token = {}) {
        return self().async_call(get_users(ids, fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_users(by_usernames usernames, user_fields_params fields = {},
                         CompletionToken&& token = {}) {
        return self().async_call(get_users(usernames, fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<user> CompletionToken = default_token>
    auto async_get_me(user_fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_me(fields), std::forward<CompletionToken>(token));
    }

    // Spaces

    template <detail::response_token<std::vector<space>> CompletionToken = default_token>
    auto async_search_spaces(std::string query, space_search_params params = {},
                             CompletionToken&& token = {}) {
        return self().async_call(search_spaces(std::move(query), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<space>> CompletionToken = default_token>
    auto async_get_spaces(std::vector<std::string> ids, space_fields_params fields = {},
                          CompletionToken&& token = {}) {
        return self().async_call(get_spaces(ids, fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<space>> CompletionToken = default_token>
    auto async_get_spaces(by_creator_ids user_ids, space_fields_params fields = {},
                          CompletionToken&& token = {}) {
        return self().async_call(get_spaces(user_ids, fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<space> CompletionToken = default_token>
    auto async_get_space(std::string id, space_fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_space(std::move(id), fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_space_buyers(std::string id, tweet_fields_params fields = {},
                                CompletionToken&& token = {}) {
        return self().async_call(get_space_buyers(std::move(id), fields),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_space_tweets(std::string id, tweet_fields_params fields = {},
                                CompletionToken&& token = {}) {
        return self().async_call(get_space_tweets(std::move(id), fields),
                                 std::forward<CompletionToken>(token));
    }

    // Direct Messages

    template <detail::response_token<std::vector<dm_event>> CompletionToken = default_token>
    auto async_get_direct_message_events(dm_events_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_direct_message_events(params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<dm_event>> CompletionToken = default_token>
    auto async_get_direct_message_events(dm_conversation_id conversation, dm_events_params params = {},
                                         CompletionToken&& token = {}) {
        return self().async_call(get_direct_message_events(conversation, params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<dm_event>> CompletionToken = default_token>
    auto async_get_direct_message_events(dm_participant_id participant, dm_events_params params = {},
                                         CompletionToken&& token = {}) {
        return self().async_call(get_direct_message_events(participant, params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<dm_event>> CompletionToken = default_token>
    auto async_get_dm_events(dm_events_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_dm_events(params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<dm_event>> CompletionToken = default_token>
    auto async_get_dm_events(dm_conversation_id conversation, dm_events_params params = {},
                             CompletionToken&& token = {}) {
        return self().async_call(get_dm_events(conversation, params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<dm_event>> CompletionToken = default_token>
    auto async_get_dm_events(dm_participant_id participant, dm_events_params params = {},
                             CompletionToken&& token = {}) {
        return self().async_call(get_dm_events(participant, params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<dm_created> CompletionToken = default_token>
    auto async_create_direct_message(dm_conversation_id conversation, dm_message_params message,
                                     CompletionToken&& token = {}) {
        return self().async_call(create_direct_message(conversation, message),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<dm_created> CompletionToken = default_token>
    auto async_create_direct_message(dm_participant_id participant, dm_message_params message,
                                     CompletionToken&& token = {}) {
        return self().async_call(create_direct_message(participant, message),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<dm_created> CompletionToken = default_token>
    auto async_create_dm(dm_conversation_id conversation, dm_message_params message,
                         CompletionToken&& token = {}) {
        return self().async_call(create_dm(conversation, message), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<dm_created> CompletionToken = default_token>
    auto async_create_dm(dm_participant_id participant, dm_message_params message,
                         CompletionToken&& token = {}) {
        return self().async_call(create_dm(participant, message), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<dm_created> CompletionToken = default_token>
    auto async_create_direct_message_conversation(std::vector<std::string> participant_ids,
                                                  dm_message_params message, CompletionToken&& token = {}) {
        return self().async_call(create_direct_message_conversation(participant_ids, message),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<dm_created> CompletionToken = default_token>
    auto async_create_dm_conversation(std::vector<std::string> participant_ids, dm_message_params message,
                                      CompletionToken&& token = {}) {
        return self().async_call(create_dm_conversation(participant_ids, message),
                                 std::forward<CompletionToken>(token));
    }

    // Lists

    template <detail::response_token<std::vector<tweet>> CompletionToken = default_token>
    auto async_get_list_tweets(std::string id, tweet_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_list_tweets(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unfollow_list(std::string list_id, CompletionToken&& token = {}) {
        return self().async_call(unfollow_list(std::move(list_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_list_followers(std::string id, user_page_params params = {},
                                  CompletionToken&& token = {}) {
        return self().async_call(get_list_followers(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<list>> CompletionToken = default_token>
    auto async_get_followed_lists(std::string id, list_page_params params = {},
                                  CompletionToken&& token = {}) {
        return self().async_call(get_followed_lists(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_follow_list(std::string list_id, CompletionToken&& token = {}) {
        return self().async_call(follow_list(std::move(list_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<list> CompletionToken = default_token>
    auto async_get_list(std::string id, list_fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_list(std::move(id), fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<list>> CompletionToken = default_token>
    auto async_get_owned_lists(std::string id, list_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_owned_lists(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_remove_list_member(std::string id, std::string user_id, CompletionToken&& token = {}) {
        return self().async_call(remove_list_member(std::move(id), std::move(user_id)),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<user>> CompletionToken = default_token>
    auto async_get_list_members(std::string id, user_page_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(get_list_members(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<list>> CompletionToken = default_token>
    auto async_get_list_memberships(std::string id, list_page_params params = {},
                                    CompletionToken&& token = {}) {
        return self().async_call(get_list_memberships(std::move(id), params),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_add_list_member(std::string id, std::string user_id, CompletionToken&& token = {}) {
        return self().async_call(add_list_member(std::move(id), std::move(user_id)),
                                 std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_delete_list(std::string id, CompletionToken&& token = {}) {
        return self().async_call(delete_list(std::move(id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_update_list(std::string id, update_list_params params, CompletionToken&& token = {}) {
        return self().async_call(update_list(std::move(id), params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<list> CompletionToken = default_token>
    auto async_create_list(std::string name, create_list_params params = {}, CompletionToken&& token = {}) {
        return self().async_call(create_list(std::move(name), params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_unpin_list(std::string list_id, CompletionToken&& token = {}) {
        return self().async_call(unpin_list(std::move(list_id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<list>> CompletionToken = default_token>
    auto async_get_pinned_lists(list_fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_pinned_lists(fields), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<action_result> CompletionToken = default_token>
    auto async_pin_list(std::string list_id, CompletionToken&& token = {}) {
        return self().async_call(pin_list(std::move(list_id)), std::forward<CompletionToken>(token));
    }

    // Batch compliance

    template <detail::response_token<std::vector<compliance_job>> CompletionToken = default_token>
    auto async_get_compliance_jobs(compliance_job_type type, compliance_jobs_params params = {},
                                   CompletionToken&& token = {}) {
        return self().async_call(get_compliance_jobs(type, params), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<compliance_job> CompletionToken = default_token>
    auto async_get_compliance_job(std::string id, CompletionToken&& token = {}) {
        return self().async_call(get_compliance_job(std::move(id)), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<compliance_job> CompletionToken = default_token>
    auto async_create_compliance_job(compliance_job_type type, create_compliance_job_params params = {},
                                     CompletionToken&& token = {}) {
        return self().async_call(create_compliance_job(type, params), std::forward<CompletionToken>(token));
    }

    // Filtered-stream rules (app-only bearer)

    template <detail::response_token<std::vector<stream_rule>> CompletionToken = default_token>
    auto async_get_rules(std::vector<std::string> ids = {}, CompletionToken&& token = {}) {
        return self().async_call(get_rules(ids), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<stream_rule>> CompletionToken = default_token>
    auto async_add_rules(std::vector<new_rule> rules, bool dry_run = false, CompletionToken&& token = {}) {
        return self().async_call(add_rules(rules, dry_run), std::forward<CompletionToken>(token));
    }
    template <detail::response_token<std::vector<stream_rule>> CompletionToken = default_token>
    auto async_delete_rules(std::vector<std::string> ids, bool dry_run = false, CompletionToken&& token = {}) {
        return self().async_call(delete_rules(ids, dry_run), std::forward<CompletionToken>(token));
    }

private:
    Client& self() noexcept { return static_cast<Client&>(*this); }
};

}  // namespace twitter::v2

#endif
