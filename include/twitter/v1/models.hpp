#ifndef TWITTER_V1_MODELS_HPP
#define TWITTER_V1_MODELS_HPP

// The objects of the X API v1.1, as plain aggregates. Ids are strings, taken from the `*_str` members where
// the API has them (the numbers exceed 2^53), else from the number as written. A member the API did not send,
// or sent as null, is an empty std::optional (an empty vector for arrays); members we do not model are
// ignored, and the raw JSON stays available in v1::response. Times stay as the API writes them
// ("Wed Oct 10 20:19:24 +0000 2018"). Not modelled: media size variants, video info, place attributes,
// withheld_* members, the contributors and scopes of a status, and user profile colours.
//
// This header is for users' translation units: it includes nothing from Boost.

#include <twitter/diagnostics.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace twitter::v1 {

// An optional value kept on the heap, with value semantics (copies are deep), so that a status can hold the
// status it retweets or quotes: std::optional cannot hold a type that is still incomplete.
template <class T>
class box {
public:
    box() = default;
    box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}
    box(box const& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
    box(box&&) noexcept = default;
    box& operator=(box const& other) {
        if (this != &other) ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
        return *this;
    }
    box& operator=(box&&) noexcept = default;
    ~box() = default;

    bool has_value() const noexcept { return ptr_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }
    T& operator*() noexcept { return *ptr_; }
    T const& operator*() const noexcept { return *ptr_; }
    T* operator->() noexcept { return ptr_.get(); }
    T const* operator->() const noexcept { return ptr_.get(); }
    T& emplace() {
        ptr_ = std::make_unique<T>();
        return *ptr_;
    }
    void reset() noexcept { ptr_.reset(); }

private:
    std::unique_ptr<T> ptr_;
};

// Entities. `start` and `end` are the two `indices`: [start, end) in the text, in code points.
struct hashtag_entity {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string text;  // without the '#' (or the '$' of a symbol)
};

struct mention_entity {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string screen_name;
    std::optional<std::string> id;
    std::optional<std::string> name;
};

struct url_entity {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string url;  // the t.co link
    std::optional<std::string> expanded_url;
    std::optional<std::string> display_url;
};

struct media_entity {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string id;
    std::string type;  // "photo", "video" or "animated_gif"
    std::optional<std::string> media_url_https;
    std::optional<std::string> url;
    std::optional<std::string> display_url;
    std::optional<std::string> expanded_url;
    std::optional<std::string> ext_alt_text;
};

struct entities {
    std::vector<hashtag_entity> hashtags;
    std::vector<hashtag_entity> symbols;   // cashtags
    std::vector<mention_entity> mentions;  // "user_mentions"
    std::vector<url_entity> urls;
    std::vector<media_entity> media;
};

// The links of a profile: entities.url.urls and entities.description.urls.
struct user_entities {
    std::vector<url_entity> url;
    std::vector<url_entity> description;
};

// GeoJSON, as v1.1 sends it: longitude first.
struct point {
    double longitude = 0;
    double latitude = 0;
};

struct bounding_box {
    std::string type;  // "Polygon"
    std::vector<std::vector<point>> coordinates;
};

struct place {
    std::string id;
    std::optional<std::string> url;
    std::optional<std::string> place_type;  // "country", "admin", "city", "neighborhood" or "poi"
    std::optional<std::string> name;
    std::optional<std::string> full_name;
    std::optional<std::string> country_code;
    std::optional<std::string> country;
    std::optional<point> centroid;
    std::optional<v1::bounding_box> bounding_box;
    std::vector<place> contained_within;
};

struct status;

struct user {
    std::string id;
    // Absent only from the trimmed user of a status requested with trim_user, which has just the id.
    std::optional<std::string> name;
    std::optional<std::string> screen_name;
    std::optional<std::string> location;
    std::optional<std::string> description;
    std::optional<std::string> url;
    std::optional<user_entities> entities;
    std::optional<bool> is_protected;  // "protected"
    std::optional<bool> verified;
    std::optional<std::uint64_t> followers_count;
    std::optional<std::uint64_t> friends_count;
    std::optional<std::uint64_t> listed_count;
    std::optional<std::uint64_t> favourites_count;
    std::optional<std::uint64_t> statuses_count;
    std::optional<std::string> created_at;
    std::optional<std::string> profile_image_url_https;
    std::optional<std::string> profile_banner_url;
    std::optional<std::string> profile_link_color;
    std::optional<bool> default_profile;
    std::optional<bool> default_profile_image;
    std::optional<bool> geo_enabled;
    // Relations to the authenticating user, where the endpoint sends them.
    std::optional<bool> following;
    std::optional<bool> follow_request_sent;
    std::optional<bool> notifications;
    std::optional<std::string> email;  // verify_credentials with include_email, for apps allowed to ask
    box<v1::status> status;            // the latest status, unless skip_status
};

struct status {
    std::string id;
    // `full_text` when the request asked for tweet_mode=extended, else `text`.
    std::string text;
    std::optional<std::string> created_at;
    std::optional<std::string> source;  // an HTML link to the posting app
    std::optional<std::string> lang;
    std::optional<bool> truncated;
    std::optional<v1::user> user;
    std::optional<v1::entities> entities;
    std::vector<media_entity> extended_media;  // extended_entities.media: every photo, not just the first
    std::optional<std::string> in_reply_to_status_id;
    std::optional<std::string> in_reply_to_user_id;
    std::optional<std::string> in_reply_to_screen_name;
    std::optional<std::string> quoted_status_id;
    std::optional<bool> is_quote_status;
    std::uint64_t retweet_count = 0;
    std::uint64_t favorite_count = 0;
    std::optional<std::uint64_t> quote_count;  // premium and enterprise payloads only
    std::optional<std::uint64_t> reply_count;
    std::optional<bool> favorited;  // by the authenticating user
    std::optional<bool> retweeted;
    std::optional<bool> possibly_sensitive;
    std::optional<point> coordinates;
    std::optional<v1::place> place;
    std::optional<std::string> current_user_retweet_id;  // include_my_retweet: current_user_retweet.id_str
    box<status> retweeted_status;
    box<status> quoted_status;
};

struct list {
    std::string id;
    std::string name;
    std::optional<std::string> slug;
    std::optional<std::string> full_name;  // "@owner/slug"
    std::optional<std::string> uri;
    std::optional<std::string> description;
    std::optional<std::string> mode;  // "public" or "private"
    std::optional<std::string> created_at;
    std::optional<std::uint64_t> member_count;
    std::optional<std::uint64_t> subscriber_count;
    std::optional<bool> following;  // whether the authenticating user subscribes to it
    std::optional<v1::user> user;   // the owner
};

// One side of friendships/show.
struct relationship_side {
    std::string id;
    std::optional<std::string> screen_name;
    std::optional<bool> following;
    std::optional<bool> followed_by;
    std::optional<bool> following_requested;
    std::optional<bool> following_received;
    // The rest are sent for the source (the authenticating user's view) only.
    std::optional<bool> live_following;
    std::optional<bool> notifications_enabled;
    std::optional<bool> can_dm;
    std::optional<bool> blocking;
    std::optional<bool> blocked_by;
    std::optional<bool> muting;
    std::optional<bool> want_retweets;
    std::optional<bool> all_replies;
    std::optional<bool> marked_spam;
};

// friendships/show: {"relationship": {"source": ..., "target": ...}}.
struct relationship {
    relationship_side source;
    relationship_side target;
};

// One entry of friendships/lookup.
struct friendship {
    std::string id;
    std::optional<std::string> screen_name;
    std::optional<std::string> name;
    std::vector<std::string> connections;  // "following", "followed_by", "blocking", "none", ...
};

struct saved_search {
    std::string id;
    std::string query;
    std::optional<std::string> name;
    std::optional<std::string> created_at;
};

// geo/search, geo/reverse_geocode and geo/similar_places: {"result": {"places": [...], "token": ...}}.
struct place_search_result {
    std::vector<place> places;
    std::optional<std::string> token;  // similar_places: what to send as the place's token when creating one
};

struct search_metadata {
    std::optional<std::string> max_id;
    std::optional<std::string> since_id;
    std::optional<std::string> next_results;  // "?max_id=...&q=..." or absent on the last page
    std::optional<std::string> refresh_url;
    std::optional<std::string> query;
    std::optional<std::uint64_t> count;
    std::optional<double> completed_in;
};

// search/tweets.
struct search_results {
    std::vector<status> statuses;
    v1::search_metadata search_metadata;
};

// A page of a cursored endpoint: ids (friends/ids, followers/ids, blocks/ids, statuses/retweeters/ids),
// users (followers/list, friends/list, blocks/list, lists/members, lists/subscribers) or lists
// (lists/memberships, lists/ownerships, lists/subscriptions). A cursor of "0" means there is no such page.
template <class Item>
struct cursored_page {
    std::vector<Item> items;  // "ids", "users" or "lists"
    std::string next_cursor = "0";
    std::string previous_cursor = "0";
    std::optional<std::uint64_t> total_count;
};

using id_page = cursored_page<std::string>;
using user_page = cursored_page<user>;
using list_page = cursored_page<list>;

// A direct message of the v1.1 events API (type "message_create").
struct dm_event {
    std::string id;
    std::string type;
    std::optional<std::string> created_timestamp;  // milliseconds since the epoch, as a decimal string
    std::optional<std::string> recipient_id;       // message_create.target.recipient_id
    std::optional<std::string> sender_id;
    std::optional<std::string> source_app_id;
    std::optional<std::string> text;  // message_create.message_data.text
    std::optional<v1::entities> entities;
    std::optional<media_entity> attachment_media;  // message_data.attachment.media
};

// direct_messages/events/list.
struct dm_event_page {
    std::vector<dm_event> events;
    std::optional<std::string> next_cursor;  // absent on the last page
};

// statuses/oembed.
struct oembed {
    std::string html;
    std::optional<std::string> url;
    std::optional<std::string> author_name;
    std::optional<std::string> author_url;
    std::optional<std::uint64_t> width;
    std::optional<std::uint64_t> height;
    std::optional<std::string> type;
    std::optional<std::string> cache_age;
    std::optional<std::string> provider_name;
    std::optional<std::string> provider_url;
    std::optional<std::string> version;
};

// help/languages.
struct language {
    std::string code;
    std::optional<std::string> name;
    std::optional<std::string> local_name;
    std::optional<std::string> status;  // "production", "beta", ...
    std::optional<bool> debug;
};

// application/rate_limit_status: resource family ("statuses") → endpoint ("/statuses/show/:id") → limit.
// The access token of rate_limit_context is deliberately not kept.
struct rate_limit_status {
    std::map<std::string, std::map<std::string, rate_limit>> resources;

    // The limit of one endpoint, e.g. find("/statuses/home_timeline"), or null.
    rate_limit const* find(std::string const& endpoint) const noexcept {
        for (auto const& [family, endpoints] : resources)
            if (auto it = endpoints.find(endpoint); it != endpoints.end()) return &it->second;
        return nullptr;
    }
};

struct time_zone {
    std::optional<std::string> name;
    std::optional<std::int64_t> utc_offset;  // seconds
    std::optional<std::string> tzinfo_name;
};

struct sleep_time {
    std::optional<bool> enabled;
    std::optional<std::int64_t> start_time;  // hour of the day, 00-23
    std::optional<std::int64_t> end_time;
};

// A place of the trends API (a Yahoo! WOEID), as account/settings names the user's trend location.
struct trend_location {
    std::optional<std::int64_t> woeid;
    std::optional<std::string> name;
    std::optional<std::string> country;
    std::optional<std::string> country_code;  // "countryCode"
    std::optional<std::string> url;
};

// account/settings.
struct account_settings {
    std::optional<std::string> screen_name;
    std::optional<std::string> language;
    std::optional<bool> is_protected;  // "protected"
    std::optional<bool> geo_enabled;
    std::optional<bool> always_use_https;
    std::optional<bool> discoverable_by_email;
    std::optional<bool> discoverable_by_mobile_phone;
    std::optional<bool> display_sensitive_media;
    std::optional<bool> use_cookie_personalization;
    std::optional<std::string> allow_contributor_request;  // "all", "following" or "none"
    std::optional<std::string> allow_dms_from;             // "all" or "following"
    std::optional<std::string> allow_dm_groups_from;       // "all" or "following"
    std::optional<std::string> translator_type;
    std::optional<v1::time_zone> time_zone;
    std::optional<v1::sleep_time> sleep_time;
    std::vector<v1::trend_location> trend_location;
};

// What an endpoint with no body answers (204 No Content, or a 201 or 200 without one): nothing to read.
struct no_content {};

}  // namespace twitter::v1

#endif
