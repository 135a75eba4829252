#ifndef TWITTER_API_HPP
#define TWITTER_API_HPP

#include <twitter/client.hpp>
#include <twitter/v1/call.hpp>
#include <twitter/v1/models.hpp>
#include <twitter/v1/params.hpp>
#include <twitter/v1/requests.hpp>
#include <twitter/v1/response.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitter {

// Tweepy's API(auth): the X API v1.1, authorized by one handler (OAuth 1.0a user, OAuth 2.0 app-only or
// bearer).
//
// Every endpoint method is Tweepy's, with the async_ prefix: `co_await api.async_get_status("20")` gives a
// v1::response<v1::status>, and `api.async_get_user(v1::screen_name("X"), {}, token)` takes any completion
// token. The methods only build a request (compiled, see <twitter/v1/requests.hpp>) and hand it to one
// type-erased call that the library compiles once per model; so a translation unit that includes this header
// compiles no JSON and no endpoint code. Optional parameters come in the `_params` aggregate of each family
// (<twitter/v1/params.hpp>); pass `{}` for none when naming a token.
//
// Targets may also be written as Tweepy writes endpoints, "account/verify_credentials", and become
// "/1.1/account/verify_credentials.json" on the API host; anything starting with '/' or a scheme is sent as
// is.
//
// An operation uses the api only while it starts: the api must be alive, and not moved from, when an
// operation is initiated (for asio::deferred, when it is awaited); it may go away while the operation runs.
class api {
public:
    using executor_type = client::executor_type;

    api(executor_type ex, std::shared_ptr<auth_handler> auth, client_config config = {});
    // The four OAuth 1.0a keys (consumer key and secret, access token and secret), or a bearer token: the
    // same credentials as twitter::client takes.
    api(executor_type ex, client_credentials credentials, client_config config = {});

    executor_type get_executor() const noexcept { return client_.get_executor(); }
    // The client underneath, with the same handler: for v2 calls, or to share its pool.
    twitter::client& get_client() noexcept { return client_; }

    template <
        boost::asio::completion_token_for<void(error_code, http::response)> CompletionToken = default_token>
    auto async_request(http::request req, CompletionToken&& token = {}) {
        req.target = v1_target(req.target);
        return client_.async_request(std::move(req), std::forward<CompletionToken>(token));
    }
    template <
        boost::asio::completion_token_for<void(error_code, http::response)> CompletionToken = default_token>
    auto async_request(http::request req, diagnostics& diag, CompletionToken&& token = {}) {
        req.target = v1_target(req.target);
        return client_.async_request(std::move(req), diag, std::forward<CompletionToken>(token));
    }

    // Sends a typed request (a builder of <twitter/v1/requests.hpp>) and completes with its parsed answer.
    // A 2xx whose body does not fit the model is protocol_errc::malformed_json.
    template <class T, boost::asio::completion_token_for<void(error_code, v1::response<T>)> CompletionToken =
                           default_token>
    auto async_call(v1::typed_request<T> req, CompletionToken&& token = {}) {
        return async_call_impl<T>(std::move(req.http), nullptr, std::forward<CompletionToken>(token));
    }
    template <class T, boost::asio::completion_token_for<void(error_code, v1::response<T>)> CompletionToken =
                           default_token>
    auto async_call(v1::typed_request<T> req, diagnostics& diag, CompletionToken&& token = {}) {
        return async_call_impl<T>(std::move(req.http), &diag, std::forward<CompletionToken>(token));
    }

    // ---- Tweets

    // GET statuses/show
    template <class CompletionToken = default_token>
    auto async_get_status(std::string_view id, v1::status_params const& params = {},
                          CompletionToken&& token = {}) {
        return async_call(v1::requests::get_status(id, params), std::forward<CompletionToken>(token));
    }

    // GET statuses/lookup
    template <class CompletionToken = default_token>
    auto async_lookup_statuses(std::vector<std::string> const& ids, v1::status_params const& params = {},
                               CompletionToken&& token = {}) {
        return async_call(v1::requests::lookup_statuses(ids, params), std::forward<CompletionToken>(token));
    }

    // POST statuses/update
    template <class CompletionToken = default_token>
    auto async_update_status(std::string_view text, v1::update_status_params const& params = {},
                             CompletionToken&& token = {}) {
        return async_call(v1::requests::update_status(text, params), std::forward<CompletionToken>(token));
    }

    // POST statuses/update_with_media: `file` is the image's bytes
    template <class CompletionToken = default_token>
    auto async_update_status_with_media(std::string_view text, std::string_view filename,
                                        std::string_view file, v1::update_status_params const& params = {},
                                        CompletionToken&& token = {}) {
        return async_call(v1::requests::update_status_with_media(text, filename, file, params),
                          std::forward<CompletionToken>(token));
    }

    // POST statuses/destroy/:id
    template <class CompletionToken = default_token>
    auto async_destroy_status(std::string_view id, v1::status_write_params const& params = {},
                              CompletionToken&& token = {}) {
        return async_call(v1::requests::destroy_status(id, params), std::forward<CompletionToken>(token));
    }

    // POST statuses/retweet/:id
    template <class CompletionToken = default_token>
    auto async_retweet(std::string_view id, v1::status_write_params const& params = {},
                       CompletionToken&& token = {}) {
        return async_call(v1::requests::retweet(id, params), std::forward<CompletionToken>(token));
    }

    // POST statuses/unretweet/:id
    template <class CompletionToken = default_token>
    auto async_unretweet(std::string_view id, v1::status_write_params const& params = {},
                         CompletionToken&& token = {}) {
        return async_call(v1::requests::unretweet(id, params), std::forward<CompletionToken>(token));
    }

    // GET statuses/retweets/:id
    template <class CompletionToken = default_token>
    auto async_get_retweets(std::string_view id, v1::retweets_params const& params = {},
                            CompletionToken&& token = {}) {
        return async_call(v1::requests::get_retweets(id, params), std::forward<CompletionToken>(token));
    }

    // GET statuses/retweets_of_me
    template <class CompletionToken = default_token>
    auto async_get_retweets_of_me(v1::timeline_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_retweets_of_me(params), std::forward<CompletionToken>(token));
    }

    // GET statuses/retweeters/ids (cursored)
    template <class CompletionToken = default_token>
    auto async_get_retweeter_ids(std::string_view id, v1::ids_params const& params = {},
                                 CompletionToken&& token = {}) {
        return async_call(v1::requests::get_retweeter_ids(id, params), std::forward<CompletionToken>(token));
    }

    // GET statuses/oembed
    template <class CompletionToken = default_token>
    auto async_get_oembed(std::string_view url, v1::oembed_params const& params = {},
                          CompletionToken&& token = {}) {
        return async_call(v1::requests::get_oembed(url, params), std::forward<CompletionToken>(token));
    }

    // GET statuses/home_timeline
    template <class CompletionToken = default_token>
    auto async_home_timeline(v1::timeline_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::home_timeline(params), std::forward<CompletionToken>(token));
    }

    // GET statuses/user_timeline: the authenticating user's when `user` is empty
    template <class CompletionToken = default_token>
    auto async_user_timeline(std::optional<v1::user_ref> const& user = {},
                             v1::timeline_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::user_timeline(user, params), std::forward<CompletionToken>(token));
    }

    // GET statuses/mentions_timeline
    template <class CompletionToken = default_token>
    auto async_mentions_timeline(v1::timeline_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::mentions_timeline(params), std::forward<CompletionToken>(token));
    }

    // GET search/tweets
    template <class CompletionToken = default_token>
    auto async_search_tweets(std::string_view q, v1::search_params const& params = {},
                             CompletionToken&& token = {}) {
        return async_call(v1::requests::search_tweets(q, params), std::forward<CompletionToken>(token));
    }

    // ---- Likes

    // GET favorites/list
    template <class CompletionToken = default_token>
    auto async_get_favorites(std::optional<v1::user_ref> const& user = {},
                             v1::timeline_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_favorites(user, params), std::forward<CompletionToken>(token));
    }

    // POST favorites/create
    template <class CompletionToken = default_token>
    auto async_create_favorite(std::string_view id, v1::status_write_params const& params = {},
                               CompletionToken&& token = {}) {
        return async_call(v1::requests::create_favorite(id, params), std::forward<CompletionToken>(token));
    }

    // POST favorites/destroy
    template <class CompletionToken = default_token>
    auto async_destroy_favorite(std::string_view id, v1::status_write_params const& params = {},
                                CompletionToken&& token = {}) {
        return async_call(v1::requests::destroy_favorite(id, params), std::forward<CompletionToken>(token));
    }

    // ---- Users and the account

    // GET users/show
    template <class CompletionToken = default_token>
    auto async_get_user(v1::user_ref const& user, v1::user_params const& params = {},
                        CompletionToken&& token = {}) {
        return async_call(v1::requests::get_user(user, params), std::forward<CompletionToken>(token));
    }

    // POST users/lookup
    template <class CompletionToken = default_token>
    auto async_lookup_users(v1::users_ref const& users, v1::user_params const& params = {},
                            CompletionToken&& token = {}) {
        return async_call(v1::requests::lookup_users(users, params), std::forward<CompletionToken>(token));
    }

    // GET users/search
    template <class CompletionToken = default_token>
    auto async_search_users(std::string_view q, v1::search_users_params const& params = {},
                            CompletionToken&& token = {}) {
        return async_call(v1::requests::search_users(q, params), std::forward<CompletionToken>(token));
    }

    // GET account/verify_credentials: the authenticating user, or a 401 when the credentials are not valid
    template <class CompletionToken = default_token>
    auto async_verify_credentials(v1::user_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::verify_credentials(params), std::forward<CompletionToken>(token));
    }

    // GET account/settings
    template <class CompletionToken = default_token>
    auto async_get_settings(CompletionToken&& token = {}) {
        return async_call(v1::requests::get_settings(), std::forward<CompletionToken>(token));
    }

    // POST account/update_profile
    template <class CompletionToken = default_token>
    auto async_update_profile(v1::profile_params const& params, CompletionToken&& token = {}) {
        return async_call(v1::requests::update_profile(params), std::forward<CompletionToken>(token));
    }

    // POST account/update_profile_banner: `file` is the image's bytes
    template <class CompletionToken = default_token>
    auto async_update_profile_banner(std::string_view filename, std::string_view file,
                                     v1::banner_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::update_profile_banner(filename, file, params),
                          std::forward<CompletionToken>(token));
    }

    // POST account/update_profile_image: `file` is the image's bytes
    template <class CompletionToken = default_token>
    auto async_update_profile_image(std::string_view filename, std::string_view file,
                                    v1::user_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::update_profile_image(filename, file, params),
                          std::forward<CompletionToken>(token));
    }

    // POST account/remove_profile_banner
    template <class CompletionToken = default_token>
    auto async_remove_profile_banner(CompletionToken&& token = {}) {
        return async_call(v1::requests::remove_profile_banner(), std::forward<CompletionToken>(token));
    }

    // ---- Follows

    // POST friendships/create
    template <class CompletionToken = default_token>
    auto async_create_friendship(v1::user_ref const& user, v1::follow_params const& params = {},
                                 CompletionToken&& token = {}) {
        return async_call(v1::requests::create_friendship(user, params),
                          std::forward<CompletionToken>(token));
    }

    // POST friendships/destroy
    template <class CompletionToken = default_token>
    auto async_destroy_friendship(v1::user_ref const& user, CompletionToken&& token = {}) {
        return async_call(v1::requests::destroy_friendship(user), std::forward<CompletionToken>(token));
    }

    // GET friendships/show: from `source` (the authenticating user when empty) to `target`
    template <class CompletionToken = default_token>
    auto async_get_friendship(v1::user_ref const& target, std::optional<v1::user_ref> const& source = {},
                              CompletionToken&& token = {}) {
        return async_call(v1::requests::get_friendship(target, source), std::forward<CompletionToken>(token));
    }

    // GET friendships/lookup
    template <class CompletionToken = default_token>
    auto async_lookup_friendships(v1::users_ref const& users, CompletionToken&& token = {}) {
        return async_call(v1::requests::lookup_friendships(users), std::forward<CompletionToken>(token));
    }

    // GET followers/ids (cursored)
    template <class CompletionToken = default_token>
    auto async_get_follower_ids(std::optional<v1::user_ref> const& user = {},
                                v1::ids_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_follower_ids(user, params), std::forward<CompletionToken>(token));
    }

    // GET followers/list (cursored)
    template <class CompletionToken = default_token>
    auto async_get_followers(std::optional<v1::user_ref> const& user = {},
                             v1::users_page_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_followers(user, params), std::forward<CompletionToken>(token));
    }

    // GET friends/ids (cursored)
    template <class CompletionToken = default_token>
    auto async_get_friend_ids(std::optional<v1::user_ref> const& user = {}, v1::ids_params const& params = {},
                              CompletionToken&& token = {}) {
        return async_call(v1::requests::get_friend_ids(user, params), std::forward<CompletionToken>(token));
    }

    // GET friends/list (cursored)
    template <class CompletionToken = default_token>
    auto async_get_friends(std::optional<v1::user_ref> const& user = {},
                           v1::users_page_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_friends(user, params), std::forward<CompletionToken>(token));
    }

    // GET friendships/incoming (cursored)
    template <class CompletionToken = default_token>
    auto async_incoming_friendships(v1::ids_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::incoming_friendships(params), std::forward<CompletionToken>(token));
    }

    // GET friendships/outgoing (cursored)
    template <class CompletionToken = default_token>
    auto async_outgoing_friendships(v1::ids_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::outgoing_friendships(params), std::forward<CompletionToken>(token));
    }

    // ---- Lists

    // GET lists/list
    template <class CompletionToken = default_token>
    auto async_get_lists(std::optional<v1::user_ref> const& user = {}, std::optional<bool> reverse = {},
                         CompletionToken&& token = {}) {
        return async_call(v1::requests::get_lists(user, reverse), std::forward<CompletionToken>(token));
    }

    // GET lists/show
    template <class CompletionToken = default_token>
    auto async_get_list(v1::list_ref const& list, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list(list), std::forward<CompletionToken>(token));
    }

    // GET lists/statuses
    template <class CompletionToken = default_token>
    auto async_list_timeline(v1::list_ref const& list, v1::timeline_params const& params = {},
                             CompletionToken&& token = {}) {
        return async_call(v1::requests::list_timeline(list, params), std::forward<CompletionToken>(token));
    }

    // POST lists/create
    template <class CompletionToken = default_token>
    auto async_create_list(std::string_view name, v1::list_params const& params = {},
                           CompletionToken&& token = {}) {
        return async_call(v1::requests::create_list(name, params), std::forward<CompletionToken>(token));
    }

    // POST lists/update
    template <class CompletionToken = default_token>
    auto async_update_list(v1::list_ref const& list, v1::list_params const& params,
                           CompletionToken&& token = {}) {
        return async_call(v1::requests::update_list(list, params), std::forward<CompletionToken>(token));
    }

    // POST lists/destroy
    template <class CompletionToken = default_token>
    auto async_destroy_list(v1::list_ref const& list, CompletionToken&& token = {}) {
        return async_call(v1::requests::destroy_list(list), std::forward<CompletionToken>(token));
    }

    // GET lists/members/show: the user, or a 404 when not a member
    template <class CompletionToken = default_token>
    auto async_get_list_member(v1::list_ref const& list, v1::user_ref const& user,
                               v1::user_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list_member(list, user, params),
                          std::forward<CompletionToken>(token));
    }

    // GET lists/members (cursored)
    template <class CompletionToken = default_token>
    auto async_get_list_members(v1::list_ref const& list, v1::users_page_params const& params = {},
                                CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list_members(list, params), std::forward<CompletionToken>(token));
    }

    // POST lists/members/create
    template <class CompletionToken = default_token>
    auto async_add_list_member(v1::list_ref const& list, v1::user_ref const& user,
                               CompletionToken&& token = {}) {
        return async_call(v1::requests::add_list_member(list, user), std::forward<CompletionToken>(token));
    }

    // POST lists/members/create_all
    template <class CompletionToken = default_token>
    auto async_add_list_members(v1::list_ref const& list, v1::users_ref const& users,
                                CompletionToken&& token = {}) {
        return async_call(v1::requests::add_list_members(list, users), std::forward<CompletionToken>(token));
    }

    // POST lists/members/destroy
    template <class CompletionToken = default_token>
    auto async_remove_list_member(v1::list_ref const& list, v1::user_ref const& user,
                                  CompletionToken&& token = {}) {
        return async_call(v1::requests::remove_list_member(list, user), std::forward<CompletionToken>(token));
    }

    // POST lists/members/destroy_all
    template <class CompletionToken = default_token>
    auto async_remove_list_members(v1::list_ref const& list, v1::users_ref const& users,
                                   CompletionToken&& token = {}) {
        return async_call(v1::requests::remove_list_members(list, users),
                          std::forward<CompletionToken>(token));
    }

    // GET lists/memberships (cursored)
    template <class CompletionToken = default_token>
    auto async_get_list_memberships(std::optional<v1::user_ref> const& user = {},
                                    v1::lists_page_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list_memberships(user, params),
                          std::forward<CompletionToken>(token));
    }

    // GET lists/ownerships (cursored)
    template <class CompletionToken = default_token>
    auto async_get_list_ownerships(std::optional<v1::user_ref> const& user = {},
                                   v1::lists_page_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list_ownerships(user, params),
                          std::forward<CompletionToken>(token));
    }

    // GET lists/subscriptions (cursored)
    template <class CompletionToken = default_token>
    auto async_get_list_subscriptions(std::optional<v1::user_ref> const& user = {},
                                      v1::lists_page_params const& params = {},
                                      CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list_subscriptions(user, params),
                          std::forward<CompletionToken>(token));
    }

    // GET lists/subscribers/show: the user, or a 404 when not a subscriber
    template <class CompletionToken = default_token>
    auto async_get_list_subscriber(v1::list_ref const& list, v1::user_ref const& user,
                                   v1::user_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list_subscriber(list, user, params),
                          std::forward<CompletionToken>(token));
    }

    // GET lists/subscribers (cursored)
    template <class CompletionToken = default_token>
    auto async_get_list_subscribers(v1::list_ref const& list, v1::users_page_params const& params = {},
                                    CompletionToken&& token = {}) {
        return async_call(v1::requests::get_list_subscribers(list, params),
                          std::forward<CompletionToken>(token));
    }

    // POST lists/subscribers/create
    template <class CompletionToken = default_token>
    auto async_subscribe_list(v1::list_ref const& list, CompletionToken&& token = {}) {
        return async_call(v1::requests::subscribe_list(list), std::forward<CompletionToken>(token));
    }

    // POST lists/subscribers/destroy
    template <class CompletionToken = default_token>
    auto async_unsubscribe_list(v1::list_ref const& list, CompletionToken&& token = {}) {
        return async_call(v1::requests::unsubscribe_list(list), std::forward<CompletionToken>(token));
    }

    // ---- Blocks and mutes

    // POST blocks/create
    template <class CompletionToken = default_token>
    auto async_create_block(v1::user_ref const& user, v1::user_params const& params = {},
                            CompletionToken&& token = {}) {
        return async_call(v1::requests::create_block(user, params), std::forward<CompletionToken>(token));
    }

    // POST blocks/destroy
    template <class CompletionToken = default_token>
    auto async_destroy_block(v1::user_ref const& user, v1::user_params const& params = {},
                             CompletionToken&& token = {}) {
        return async_call(v1::requests::destroy_block(user, params), std::forward<CompletionToken>(token));
    }

    // GET blocks/ids (cursored)
    template <class CompletionToken = default_token>
    auto async_get_blocked_ids(v1::ids_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_blocked_ids(params), std::forward<CompletionToken>(token));
    }

    // GET blocks/list (cursored)
    template <class CompletionToken = default_token>
    auto async_get_blocks(v1::users_page_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_blocks(params), std::forward<CompletionToken>(token));
    }

    // POST mutes/users/create
    template <class CompletionToken = default_token>
    auto async_create_mute(v1::user_ref const& user, CompletionToken&& token = {}) {
        return async_call(v1::requests::create_mute(user), std::forward<CompletionToken>(token));
    }

    // POST mutes/users/destroy
    template <class CompletionToken = default_token>
    auto async_destroy_mute(v1::user_ref const& user, CompletionToken&& token = {}) {
        return async_call(v1::requests::destroy_mute(user), std::forward<CompletionToken>(token));
    }

    // GET mutes/users/ids (cursored)
    template <class CompletionToken = default_token>
    auto async_get_muted_ids(v1::ids_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_muted_ids(params), std::forward<CompletionToken>(token));
    }

    // GET mutes/users/list (cursored)
    template <class CompletionToken = default_token>
    auto async_get_mutes(v1::users_page_params const& params = {}, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_mutes(params), std::forward<CompletionToken>(token));
    }

    // ---- Saved searches

    // POST saved_searches/create
    template <class CompletionToken = default_token>
    auto async_create_saved_search(std::string_view query, CompletionToken&& token = {}) {
        return async_call(v1::requests::create_saved_search(query), std::forward<CompletionToken>(token));
    }

    // GET saved_searches/list
    template <class CompletionToken = default_token>
    auto async_get_saved_searches(CompletionToken&& token = {}) {
        return async_call(v1::requests::get_saved_searches(), std::forward<CompletionToken>(token));
    }

    // GET saved_searches/show/:id
    template <class CompletionToken = default_token>
    auto async_get_saved_search(std::string_view id, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_saved_search(id), std::forward<CompletionToken>(token));
    }

    // POST saved_searches/destroy/:id
    template <class CompletionToken = default_token>
    auto async_destroy_saved_search(std::string_view id, CompletionToken&& token = {}) {
        return async_call(v1::requests::destroy_saved_search(id), std::forward<CompletionToken>(token));
    }

    // ---- Places

    // GET geo/id/:place_id
    template <class CompletionToken = default_token>
    auto async_geo_id(std::string_view place_id, CompletionToken&& token = {}) {
        return async_call(v1::requests::geo_id(place_id), std::forward<CompletionToken>(token));
    }

    // GET geo/reverse_geocode
    template <class CompletionToken = default_token>
    auto async_reverse_geocode(double lat, double long_, v1::reverse_geocode_params const& params = {},
                               CompletionToken&& token = {}) {
        return async_call(v1::requests::reverse_geocode(lat, long_, params),
                          std::forward<CompletionToken>(token));
    }

    // GET geo/search
    template <class CompletionToken = default_token>
    auto async_search_geo(v1::search_geo_params const& params, CompletionToken&& token = {}) {
        return async_call(v1::requests::search_geo(params), std::forward<CompletionToken>(token));
    }

    // GET geo/similar_places
    template <class CompletionToken = default_token>
    auto async_geo_similar_places(double lat, double long_, std::string_view name,
                                  v1::similar_places_params const& params = {},
                                  CompletionToken&& token = {}) {
        return async_call(v1::requests::geo_similar_places(lat, long_, name, params),
                          std::forward<CompletionToken>(token));
    }

    // ---- Help

    // GET help/languages
    template <class CompletionToken = default_token>
    auto async_supported_languages(CompletionToken&& token = {}) {
        return async_call(v1::requests::supported_languages(), std::forward<CompletionToken>(token));
    }

    // GET application/rate_limit_status
    template <class CompletionToken = default_token>
    auto async_rate_limit_status(v1::rate_limit_status_params const& params = {},
                                 CompletionToken&& token = {}) {
        return async_call(v1::requests::rate_limit_status(params), std::forward<CompletionToken>(token));
    }

    // ---- Direct messages

    // GET direct_messages/events/list
    template <class CompletionToken = default_token>
    auto async_get_direct_messages(v1::direct_messages_params const& params = {},
                                   CompletionToken&& token = {}) {
        return async_call(v1::requests::get_direct_messages(params), std::forward<CompletionToken>(token));
    }

    // GET direct_messages/events/show
    template <class CompletionToken = default_token>
    auto async_get_direct_message(std::string_view id, CompletionToken&& token = {}) {
        return async_call(v1::requests::get_direct_message(id), std::forward<CompletionToken>(token));
    }

    // POST direct_messages/events/new (a JSON body)
    template <class CompletionToken = default_token>
    auto async_send_direct_message(std::string_view recipient_id, std::string_view text,
                                   v1::direct_message_params const& params = {},
                                   CompletionToken&& token = {}) {
        return async_call(v1::requests::send_direct_message(recipient_id, text, params),
                          std::forward<CompletionToken>(token));
    }

    // DELETE direct_messages/events/destroy
    template <class CompletionToken = default_token>
    auto async_delete_direct_message(std::string_view id, CompletionToken&& token = {}) {
        return async_call(v1::requests::delete_direct_message(id), std::forward<CompletionToken>(token));
    }

    // POST direct_messages/indicate_typing
    template <class CompletionToken = default_token>
    auto async_indicate_direct_message_typing(std::string_view recipient_id, CompletionToken&& token = {}) {
        return async_call(v1::requests::indicate_direct_message_typing(recipient_id),
                          std::forward<CompletionToken>(token));
    }

    // POST direct_messages/mark_read
    template <class CompletionToken = default_token>
    auto async_mark_direct_message_read(std::string_view last_read_event_id, std::string_view recipient_id,
                                        CompletionToken&& token = {}) {
        return async_call(v1::requests::mark_direct_message_read(last_read_event_id, recipient_id),
                          std::forward<CompletionToken>(token));
    }

    // The v1.1 form of a Tweepy-style endpoint name.
    static std::string v1_target(std::string_view endpoint);

private:
    // The initiation's first argument after the handler is the diagnostics*, as with_diagnostics expects.
    template <class T, class CompletionToken>
    auto async_call_impl(http::request req, diagnostics* diag, CompletionToken&& token) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, v1::response<T>)>(
            [](auto handler, diagnostics* d, twitter::client* c, http::request r) {
                v1::detail::async_call<T>(*c, std::move(r), d, std::move(handler));
            },
            token, diag, &client_, std::move(req));
    }

    twitter::client client_;
};

}  // namespace twitter

#endif
