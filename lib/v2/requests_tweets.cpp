// The Tweet endpoints: bookmarks, hidden replies, likes, posting and deleting, quotes, retweets, search,
// timelines, counts and lookup.

#include <twitter/v2/requests.hpp>

#include "v2/requests_support.hpp"

#include <boost/json/object.hpp>

namespace twitter::v2 {

using detail::add;
using detail::add_fields;
using detail::make_request;
using detail::segment;
using http::auth_mode;
using http::verb;

namespace {

// {"tweet_id": "..."}: like, retweet and bookmark.
template <class T>
typed_request<T> with_tweet_id(typed_request<T> r, std::string const& tweet_id) {
    boost::json::object body;
    body["tweet_id"] = tweet_id;
    detail::set_json_body(r.http, body);
    return r;
}

typed_request<action_result> set_hidden(std::string const& id, bool hidden) {
    auto r =
        make_request<action_result>(verb::put, "/2/tweets/" + segment(id, "id") + "/hidden", auth_mode::user);
    boost::json::object body;
    body["hidden"] = hidden;
    detail::set_json_body(r.http, body);
    return r;
}

template <class T>
typed_request<std::vector<T>> tweet_page(std::string target, auth_mode auth,
                                         tweet_page_params const& params) {
    auto r = make_request<std::vector<T>>(verb::get, std::move(target), auth, token_param::pagination_token);
    add_fields(r.http.query, params.fields);
    add(r.http.query, "max_results", params.max_results);
    add(r.http.query, "pagination_token", params.pagination_token);
    return r;
}

typed_request<std::vector<tweet>> search(std::string target, auth_mode auth, std::string query,
                                         search_params const& params) {
    auto r = make_request<std::vector<tweet>>(verb::get, std::move(target), auth, token_param::next_token);
    auto& q = r.http.query;
    q.push_back({"query", std::move(query)});
    add_fields(q, params.fields);
    add(q, "max_results", params.max_results);
    add(q, "next_token", params.next_token);
    add(q, "since_id", params.since_id);
    add(q, "until_id", params.until_id);
    add(q, "start_time", params.start_time);
    add(q, "end_time", params.end_time);
    add(q, "sort_order", params.sort_order);
    return r;
}

template <class Params>
void add_timeline(std::vector<param>& q, Params const& params) {
    add_fields(q, params.fields);
    add(q, "max_results", params.max_results);
    add(q, "pagination_token", params.pagination_token);
    add(q, "since_id", params.since_id);
    add(q, "until_id", params.until_id);
    add(q, "start_time", params.start_time);
    add(q, "end_time", params.end_time);
}

template <class Params>
void add_counts(std::vector<param>& q, std::string query, Params const& params) {
    q.push_back({"query", std::move(query)});
    add(q, "granularity", params.granularity);
    add(q, "since_id", params.since_id);
    add(q, "until_id", params.until_id);
    add(q, "start_time", params.start_time);
    add(q, "end_time", params.end_time);
}

}  // namespace

// Bookmarks

typed_request<action_result> remove_bookmark(std::string tweet_id) {
    return make_request<action_result>(
        verb::delete_, "/2/users/{me}/bookmarks/" + segment(tweet_id, "tweet_id"), auth_mode::user_bearer);
}

typed_request<std::vector<tweet>> get_bookmarks(tweet_page_params const& params) {
    return tweet_page<tweet>("/2/users/{me}/bookmarks", auth_mode::user_bearer, params);
}

typed_request<action_result> bookmark(std::string tweet_id) {
    return with_tweet_id(
        make_request<action_result>(verb::post, "/2/users/{me}/bookmarks", auth_mode::user_bearer), tweet_id);
}

// Hidden replies

typed_request<action_result> hide_reply(std::string id) { return set_hidden(id, true); }
typed_request<action_result> unhide_reply(std::string id) { return set_hidden(id, false); }

// Likes

typed_request<action_result> unlike(std::string tweet_id) {
    return make_request<action_result>(verb::delete_, "/2/users/{me}/likes/" + segment(tweet_id, "tweet_id"),
                                       auth_mode::user);
}

typed_request<std::vector<user>> get_liking_users(std::string id, tweet_page_params const& params) {
    return tweet_page<user>("/2/tweets/" + segment(id, "id") + "/liking_users", auth_mode::automatic, params);
}

typed_request<std::vector<tweet>> get_liked_tweets(std::string id, tweet_page_params const& params) {
    return tweet_page<tweet>("/2/users/" + segment(id, "id") + "/liked_tweets", auth_mode::automatic, params);
}

typed_request<action_result> like(std::string tweet_id) {
    return with_tweet_id(make_request<action_result>(verb::post, "/2/users/{me}/likes", auth_mode::user),
                         tweet_id);
}

// Posting and deleting

typed_request<action_result> delete_tweet(std::string id) {
    return make_request<action_result>(verb::delete_, "/2/tweets/" + segment(id, "id"), auth_mode::user);
}

typed_request<tweet> create_tweet(create_tweet_params const& params) {
    auto r = make_request<tweet>(verb::post, "/2/tweets", auth_mode::user);
    // Tweepy's key order.
    boost::json::object body;
    if (params.direct_message_deep_link) body["direct_message_deep_link"] = *params.direct_message_deep_link;
    if (params.for_super_followers_only) body["for_super_followers_only"] = *params.for_super_followers_only;
    if (params.place_id) body["geo"] = boost::json::object{{"place_id", *params.place_id}};
    if (params.media) {
        boost::json::object media;
        media["media_ids"] = detail::string_array(params.media->media_ids);
        if (!params.media->tagged_user_ids.empty())
            media["tagged_user_ids"] = detail::string_array(params.media->tagged_user_ids);
        body["media"] = std::move(media);
    }
    if (params.poll) {
        boost::json::object poll;
        poll["options"] = detail::string_array(params.poll->options);
        poll["duration_minutes"] = params.poll->duration_minutes;
        body["poll"] = std::move(poll);
    }
    if (params.quote_tweet_id) body["quote_tweet_id"] = *params.quote_tweet_id;
    if (params.reply) {
        boost::json::object reply;
        reply["in_reply_to_tweet_id"] = params.reply->in_reply_to_tweet_id;
        if (!params.reply->exclude_reply_user_ids.empty())
            reply["exclude_reply_user_ids"] = detail::string_array(params.reply->exclude_reply_user_ids);
        body["reply"] = std::move(reply);
    }
    if (params.reply_settings) body["reply_settings"] = to_string(*params.reply_settings);
    if (params.text) body["text"] = *params.text;
    if (params.community_id) body["community_id"] = *params.community_id;
    detail::set_json_body(r.http, body);
    return r;
}

// Quote Tweets

typed_request<std::vector<tweet>> get_quote_tweets(std::string id, quote_tweets_params const& params) {
    auto r = make_request<std::vector<tweet>>(verb::get, "/2/tweets/" + segment(id, "id") + "/quote_tweets",
                                              auth_mode::automatic, token_param::pagination_token);
    auto& q = r.http.query;
    add_fields(q, params.fields);
    add(q, "max_results", params.max_results);
    add(q, "pagination_token", params.pagination_token);
    add(q, "exclude", params.exclude);
    return r;
}

// Retweets

typed_request<action_result> unretweet(std::string source_tweet_id) {
    return make_request<action_result>(
        verb::delete_, "/2/users/{me}/retweets/" + segment(source_tweet_id, "source_tweet_id"),
        auth_mode::user);
}

typed_request<std::vector<user>> get_retweeters(std::string id, tweet_page_params const& params) {
    return tweet_page<user>("/2/tweets/" + segment(id, "id") + "/retweeted_by", auth_mode::automatic, params);
}

typed_request<action_result> retweet(std::string tweet_id) {
    return with_tweet_id(make_request<action_result>(verb::post, "/2/users/{me}/retweets", auth_mode::user),
                         tweet_id);
}

// Search

typed_request<std::vector<tweet>> search_all_tweets(std::string query, search_params const& params) {
    return search("/2/tweets/search/all", auth_mode::bearer, std::move(query), params);
}

typed_request<std::vector<tweet>> search_recent_tweets(std::string query, search_params const& params) {
    return search("/2/tweets/search/recent", auth_mode::automatic, std::move(query), params);
}

// Timelines

typed_request<std::vector<tweet>> get_users_mentions(std::string id, mentions_params const& params) {
    auto r = make_request<std::vector<tweet>>(verb::get, "/2/users/" + segment(id, "id") + "/mentions",
                                              auth_mode::automatic, token_param::pagination_token);
    add_timeline(r.http.query, params);
    return r;
}

typed_request<std::vector<tweet>> get_home_timeline(timeline_params const& params) {
    auto r = make_request<std::vector<tweet>>(verb::get, "/2/users/{me}/timelines/reverse_chronological",
                                              auth_mode::user, token_param::pagination_token);
    add_timeline(r.http.query, params);
    add(r.http.query, "exclude", params.exclude);
    return r;
}

typed_request<std::vector<tweet>> get_users_tweets(std::string id, timeline_params const& params) {
    auto r = make_request<std::vector<tweet>>(verb::get, "/2/users/" + segment(id, "id") + "/tweets",
                                              auth_mode::automatic, token_param::pagination_token);
    add_timeline(r.http.query, params);
    add(r.http.query, "exclude", params.exclude);
    return r;
}

// Counts

typed_request<std::vector<tweet_count>> get_all_tweets_count(std::string query,
                                                             all_counts_params const& params) {
    auto r = make_request<std::vector<tweet_count>>(verb::get, "/2/tweets/counts/all", auth_mode::bearer,
                                                    token_param::next_token);
    add_counts(r.http.query, std::move(query), params);
    add(r.http.query, "next_token", params.next_token);
    return r;
}

typed_request<std::vector<tweet_count>> get_recent_tweets_count(std::string query,
                                                                counts_params const& params) {
    auto r = make_request<std::vector<tweet_count>>(verb::get, "/2/tweets/counts/recent", auth_mode::bearer);
    add_counts(r.http.query, std::move(query), params);
    return r;
}

// Lookup

typed_request<tweet> get_tweet(std::string id, tweet_fields_params const& fields) {
    auto r = make_request<tweet>(verb::get, "/2/tweets/" + segment(id, "id"), auth_mode::automatic);
    add_fields(r.http.query, fields);
    return r;
}

typed_request<std::vector<tweet>> get_tweets(std::vector<std::string> const& ids,
                                             tweet_fields_params const& fields) {
    auto r = make_request<std::vector<tweet>>(verb::get, "/2/tweets", auth_mode::automatic);
    r.http.query.push_back({"ids", detail::join(ids)});
    add_fields(r.http.query, fields);
    return r;
}

}  // namespace twitter::v2
