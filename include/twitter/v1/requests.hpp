#ifndef TWITTER_V1_REQUESTS_HPP
#define TWITTER_V1_REQUESTS_HPP

// The requests of the X API v1.1 endpoints, built as Tweepy's API builds them: POST parameters go in the
// query string too (only direct_messages/events/new has a JSON body, and the two uploads a multipart one),
// lists of ids are comma-separated, and booleans are "True" or "False". Pure and compiled: nothing here
// touches a socket, so the tests check what would be sent.
//
// Targets are paths on the API host ("/1.1/statuses/show.json"). Endpoints that act for the user (writes,
// timelines of the user, direct messages, account settings, saved searches, blocks and mutes) ask for user
// context; public reads use whatever the api's handler is, so an app-only handler serves them.

#include <twitter/v1/models.hpp>
#include <twitter/v1/params.hpp>
#include <twitter/v1/response.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::v1::requests {

// Tweets
typed_request<status> get_status(std::string_view id, status_params const& params = {});
typed_request<std::vector<status>> lookup_statuses(std::vector<std::string> const& ids,
                                                   status_params const& params = {});
typed_request<status> update_status(std::string_view text, update_status_params const& params = {});
// statuses/update_with_media, deprecated by X in favour of media/upload, kept because Tweepy has it: the
// file goes as the multipart part "media[]".
typed_request<status> update_status_with_media(std::string_view text, std::string_view filename,
                                               std::string_view file,
                                               update_status_params const& params = {});
typed_request<status> destroy_status(std::string_view id, status_write_params const& params = {});
typed_request<status> retweet(std::string_view id, status_write_params const& params = {});
typed_request<status> unretweet(std::string_view id, status_write_params const& params = {});
typed_request<std::vector<status>> get_retweets(std::string_view id, retweets_params const& params = {});
typed_request<std::vector<status>> get_retweets_of_me(timeline_params const& params = {});
typed_request<id_page> get_retweeter_ids(std::string_view id, ids_params const& params = {});
typed_request<oembed> get_oembed(std::string_view url, oembed_params const& params = {});
typed_request<std::vector<status>> home_timeline(timeline_params const& params = {});
typed_request<std::vector<status>> user_timeline(std::optional<user_ref> const& user,
                                                 timeline_params const& params = {});
typed_request<std::vector<status>> mentions_timeline(timeline_params const& params = {});
typed_request<search_results> search_tweets(std::string_view q, search_params const& params = {});

// Likes
typed_request<std::vector<status>> get_favorites(std::optional<user_ref> const& user,
                                                 timeline_params const& params = {});
typed_request<status> create_favorite(std::string_view id, status_write_params const& params = {});
typed_request<status> destroy_favorite(std::string_view id, status_write_params const& params = {});

// Users and the account
typed_request<user> get_user(user_ref const& user, user_params const& params = {});
typed_request<std::vector<user>> lookup_users(users_ref const& users, user_params const& params = {});
typed_request<std::vector<user>> search_users(std::string_view q, search_users_params const& params = {});
typed_request<user> verify_credentials(user_params const& params = {});
typed_request<account_settings> get_settings();
typed_request<user> update_profile(profile_params const& params);
// The image goes as the multipart part "banner"; X answers 201 with no body.
typed_request<no_content> update_profile_banner(std::string_view filename, std::string_view file,
                                                banner_params const& params = {});
typed_request<user> update_profile_image(std::string_view filename, std::string_view file,
                                         user_params const& params = {});
typed_request<no_content> remove_profile_banner();

// Follows
typed_request<user> create_friendship(user_ref const& user, follow_params const& params = {});
typed_request<user> destroy_friendship(user_ref const& user);
typed_request<relationship> get_friendship(user_ref const& target,
                                           std::optional<user_ref> const& source = {});
typed_request<std::vector<friendship>> lookup_friendships(users_ref const& users);
typed_request<id_page> get_follower_ids(std::optional<user_ref> const& user, ids_params const& params = {});
typed_request<user_page> get_followers(std::optional<user_ref> const& user,
                                       users_page_params const& params = {});
typed_request<id_page> get_friend_ids(std::optional<user_ref> const& user, ids_params const& params = {});
typed_request<user_page> get_friends(std::optional<user_ref> const& user,
                                     users_page_params const& params = {});
typed_request<id_page> incoming_friendships(ids_params const& params = {});
typed_request<id_page> outgoing_friendships(ids_params const& params = {});

// Lists
typed_request<std::vector<list>> get_lists(std::optional<user_ref> const& user = {},
                                           std::optional<bool> reverse = {});
typed_request<list> get_list(list_ref const& list);
typed_request<std::vector<status>> list_timeline(list_ref const& list, timeline_params const& params = {});
typed_request<list> create_list(std::string_view name, list_params const& params = {});
typed_request<list> update_list(list_ref const& list, list_params const& params);
typed_request<list> destroy_list(list_ref const& list);
typed_request<user> get_list_member(list_ref const& list, user_ref const& user,
                                    user_params const& params = {});
typed_request<user_page> get_list_members(list_ref const& list, users_page_params const& params = {});
typed_request<list> add_list_member(list_ref const& list, user_ref const& user);
typed_request<list> add_list_members(list_ref const& list, users_ref const& users);
typed_request<list> remove_list_member(list_ref const& list, user_ref const& user);
typed_request<list> remove_list_members(list_ref const& list, users_ref const& users);
typed_request<list_page> get_list_memberships(std::optional<user_ref> const& user = {},
                                              lists_page_params const& params = {});
typed_request<list_page> get_list_ownerships(std::optional<user_ref> const& user = {},
                                             lists_page_params const& params = {});
typed_request<list_page> get_list_subscriptions(std::optional<user_ref> const& user = {},
                                                lists_page_params const& params = {});
typed_request<user> get_list_subscriber(list_ref const& list, user_ref const& user,
                                        user_params const& params = {});
typed_request<user_page> get_list_subscribers(list_ref const& list, users_page_params const& params = {});
typed_request<list> subscribe_list(list_ref const& list);
typed_request<list> unsubscribe_list(list_ref const& list);

// Blocks and mutes
typed_request<user> create_block(user_ref const& user, user_params const& params = {});
typed_request<user> destroy_block(user_ref const& user, user_params const& params = {});
typed_request<id_page> get_blocked_ids(ids_params const& params = {});
typed_request<user_page> get_blocks(users_page_params const& params = {});
typed_request<user> create_mute(user_ref const& user);
typed_request<user> destroy_mute(user_ref const& user);
typed_request<id_page> get_muted_ids(ids_params const& params = {});
typed_request<user_page> get_mutes(users_page_params const& params = {});

// Saved searches
typed_request<saved_search> create_saved_search(std::string_view query);
typed_request<std::vector<saved_search>> get_saved_searches();
typed_request<saved_search> get_saved_search(std::string_view id);
typed_request<saved_search> destroy_saved_search(std::string_view id);

// Places
typed_request<place> geo_id(std::string_view place_id);
typed_request<place_search_result> reverse_geocode(double lat, double long_,
                                                   reverse_geocode_params const& params = {});
typed_request<place_search_result> search_geo(search_geo_params const& params);
typed_request<place_search_result> geo_similar_places(double lat, double long_, std::string_view name,
                                                      similar_places_params const& params = {});

// Help
typed_request<std::vector<language>> supported_languages();
typed_request<v1::rate_limit_status> rate_limit_status(rate_limit_status_params const& params = {});

// Direct messages (the events API)
typed_request<dm_event_page> get_direct_messages(direct_messages_params const& params = {});
typed_request<dm_event> get_direct_message(std::string_view id);
typed_request<dm_event> send_direct_message(std::string_view recipient_id, std::string_view text,
                                            direct_message_params const& params = {});
typed_request<no_content> delete_direct_message(std::string_view id);
typed_request<no_content> indicate_direct_message_typing(std::string_view recipient_id);
typed_request<no_content> mark_direct_message_read(std::string_view last_read_event_id,
                                                   std::string_view recipient_id);

}  // namespace twitter::v1::requests

#endif
