#ifndef TWITTER_V1_PARAMS_HPP
#define TWITTER_V1_PARAMS_HPP

// The parameters of the X API v1.1 endpoints, as Tweepy's API names them. Each `_params` aggregate holds the
// optional parameters of one family of endpoints; only the members that are set are sent, with the API's own
// names. Booleans are sent as "True" and "False", as Tweepy sends them (the API reads true, t and 1, in any
// case, as true).

#include <optional>
#include <string>
#include <vector>

namespace twitter::v1 {

// A user named by id or by screen name, as most v1.1 endpoints accept either.
struct user_ref {
    enum class kind { id, screen_name };
    kind by = kind::id;
    std::string value;
};

inline user_ref user_id(std::string id) { return {user_ref::kind::id, std::move(id)}; }
inline user_ref screen_name(std::string name) { return {user_ref::kind::screen_name, std::move(name)}; }

// Several users at once (users/lookup, lists/members/create_all): ids, screen names, or both.
struct users_ref {
    std::vector<std::string> user_ids;
    std::vector<std::string> screen_names;
};

// A list, by id, or by slug and owner.
struct list_ref {
    std::string list_id;
    std::string slug;
    std::optional<user_ref> owner;
};

inline list_ref list_id(std::string id) { return {std::move(id), {}, std::nullopt}; }
inline list_ref list_slug(std::string slug, user_ref owner) {
    return {{}, std::move(slug), std::move(owner)};
}

// Statuses of a timeline: home, user, mentions, list, favorites, retweets of me. Each endpoint takes a subset
// (user_timeline: include_rts; home_timeline: exclude_replies; ...).
struct timeline_params {
    std::optional<int> count;
    std::optional<std::string> since_id;
    std::optional<std::string> max_id;
    std::optional<bool> trim_user;
    std::optional<bool> exclude_replies;
    std::optional<bool> include_rts;
    std::optional<bool> include_entities;
    std::optional<bool> include_user_entities;  // retweets_of_me
    std::optional<std::string> tweet_mode;      // "extended" for full_text
};

// One status or several: statuses/show, statuses/lookup.
struct status_params {
    std::optional<bool> trim_user;
    std::optional<bool> include_my_retweet;
    std::optional<bool> include_entities;
    std::optional<bool> include_ext_alt_text;
    std::optional<bool> include_card_uri;
    std::optional<bool> map;  // statuses/lookup
    std::optional<std::string> tweet_mode;
};

// statuses/update and statuses/update_with_media.
struct update_status_params {
    std::optional<std::string> in_reply_to_status_id;
    std::optional<bool> auto_populate_reply_metadata;
    std::vector<std::string> exclude_reply_user_ids;
    std::optional<std::string> attachment_url;
    std::vector<std::string> media_ids;
    std::optional<bool> possibly_sensitive;
    std::optional<double> lat;
    std::optional<double> long_;  // "long"
    std::optional<std::string> place_id;
    std::optional<bool> display_coordinates;
    std::optional<bool> trim_user;
    std::optional<std::string> card_uri;
    std::optional<std::string> tweet_mode;
};

// The status writes that return the status: destroy, retweet, unretweet, favorites/create and destroy.
struct status_write_params {
    std::optional<bool> trim_user;
    std::optional<bool> include_entities;  // favorites
    std::optional<std::string> tweet_mode;
};

// statuses/retweets/:id.
struct retweets_params {
    std::optional<int> count;
    std::optional<bool> trim_user;
    std::optional<std::string> tweet_mode;
};

// statuses/oembed.
struct oembed_params {
    std::optional<int> maxwidth;
    std::optional<bool> hide_media;
    std::optional<bool> hide_thread;
    std::optional<bool> omit_script;
    std::optional<std::string> align;
    std::optional<std::string> related;
    std::optional<std::string> lang;
    std::optional<std::string> theme;
    std::optional<std::string> link_color;
    std::optional<std::string> widget_type;
    std::optional<bool> dnt;
};

// search/tweets.
struct search_params {
    std::optional<std::string> geocode;
    std::optional<std::string> lang;
    std::optional<std::string> locale;
    std::optional<std::string> result_type;  // "mixed", "recent" or "popular"
    std::optional<int> count;
    std::optional<std::string> until;  // YYYY-MM-DD
    std::optional<std::string> since_id;
    std::optional<std::string> max_id;
    std::optional<bool> include_entities;
    std::optional<std::string> tweet_mode;
};

// One user object: users/show, users/lookup, verify_credentials, blocks and list member checks.
struct user_params {
    std::optional<bool> include_entities;
    std::optional<bool> skip_status;
    std::optional<bool> include_email;  // verify_credentials only
    std::optional<std::string> tweet_mode;
};

// users/search.
struct search_users_params {
    std::optional<int> page;
    std::optional<int> count;
    std::optional<bool> include_entities;
};

// A page of ids: followers/ids, friends/ids, blocks/ids, mutes/users/ids, statuses/retweeters/ids.
struct ids_params {
    std::optional<std::string> cursor;
    std::optional<int> count;
    std::optional<bool> stringify_ids;
};

// A page of users: followers/list, friends/list, blocks/list, mutes/users/list, lists/members,
// lists/subscribers.
struct users_page_params {
    std::optional<std::string> cursor;
    std::optional<int> count;
    std::optional<bool> skip_status;
    std::optional<bool> include_user_entities;
    std::optional<bool> include_entities;
};

// A page of lists: lists/memberships, lists/ownerships, lists/subscriptions.
struct lists_page_params {
    std::optional<std::string> cursor;
    std::optional<int> count;
    std::optional<bool> filter_to_owned_lists;  // memberships
};

// lists/create and lists/update.
struct list_params {
    std::optional<std::string> name;  // update only: create takes the name as an argument
    std::optional<std::string> mode;  // "public" or "private"
    std::optional<std::string> description;
};

// friendships/create.
struct follow_params {
    std::optional<bool> follow;  // enable notifications
};

// account/update_profile. A member set to an empty string is sent empty, which clears that field.
struct profile_params {
    std::optional<std::string> name;
    std::optional<std::string> url;
    std::optional<std::string> location;
    std::optional<std::string> description;
    std::optional<std::string> profile_link_color;
    std::optional<bool> include_entities;
    std::optional<bool> skip_status;
};

// account/update_profile_banner.
struct banner_params {
    std::optional<int> width;
    std::optional<int> height;
    std::optional<int> offset_left;
    std::optional<int> offset_top;
};

// geo/reverse_geocode.
struct reverse_geocode_params {
    std::optional<std::string> accuracy;
    std::optional<std::string> granularity;  // "neighborhood", "city", "admin" or "country"
    std::optional<int> max_results;
};

// geo/search: at least one of lat and long, ip, or query.
struct search_geo_params {
    std::optional<double> lat;
    std::optional<double> long_;  // "long"
    std::optional<std::string> query;
    std::optional<std::string> ip;
    std::optional<std::string> granularity;
    std::optional<std::string> accuracy;
    std::optional<int> max_results;
    std::optional<std::string> contained_within;
};

// geo/similar_places.
struct similar_places_params {
    std::optional<std::string> contained_within;
};

// direct_messages/events/new.
struct direct_message_params {
    std::optional<std::string> attachment_media_id;  // a media id from media/upload
};

// direct_messages/events/list.
struct direct_messages_params {
    std::optional<int> count;
    std::optional<std::string> cursor;
};

// application/rate_limit_status.
struct rate_limit_status_params {
    std::vector<std::string> resources;  // families, e.g. {"statuses", "help"}; empty means all
};

}  // namespace twitter::v1

#endif
