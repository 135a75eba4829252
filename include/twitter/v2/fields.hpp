#ifndef TWITTER_V2_FIELDS_HPP
#define TWITTER_V2_FIELDS_HPP

// Typed expansions and fields. A fields_params turns into the query parameters `expansions`, `tweet.fields`,
// `user.fields`, ... as comma-joined lists, in the order given, each value once. The enumerators are spelled
// like the API's names with '.' as '_'; a trailing '_' marks a C++ keyword (protected, private).

#include <twitter/param.hpp>

#include <string_view>
#include <vector>

namespace twitter::v2 {

enum class expansion {
    // tweets
    attachments_media_keys,
    attachments_poll_ids,
    author_id,
    edit_history_tweet_ids,
    entities_mentions_username,
    geo_place_id,
    in_reply_to_user_id,
    referenced_tweets_id,
    referenced_tweets_id_author_id,
    // users
    pinned_tweet_id,
    // lists
    owner_id,
    // spaces
    creator_id,
    host_ids,
    invited_user_ids,
    speaker_ids,
    topic_ids,
    // direct message events
    sender_id,
    participant_ids,
};

enum class tweet_field {
    attachments,
    author_id,
    context_annotations,
    conversation_id,
    created_at,
    edit_controls,
    edit_history_tweet_ids,
    entities,
    geo,
    id,
    in_reply_to_user_id,
    lang,
    non_public_metrics,
    organic_metrics,
    possibly_sensitive,
    promoted_metrics,
    public_metrics,
    referenced_tweets,
    reply_settings,
    source,
    text,
    withheld,
};

enum class user_field {
    created_at,
    description,
    entities,
    id,
    location,
    name,
    pinned_tweet_id,
    profile_image_url,
    protected_,
    public_metrics,
    url,
    username,
    verified,
    verified_type,
    withheld,
};

enum class media_field {
    alt_text,
    duration_ms,
    height,
    media_key,
    non_public_metrics,
    organic_metrics,
    preview_image_url,
    promoted_metrics,
    public_metrics,
    type,
    url,
    variants,
    width,
};

enum class place_field { contained_within, country, country_code, full_name, geo, id, name, place_type };

enum class poll_field { duration_minutes, end_datetime, id, options, voting_status };

enum class list_field { created_at, description, follower_count, id, member_count, name, owner_id, private_ };

enum class space_field {
    created_at,
    creator_id,
    ended_at,
    host_ids,
    id,
    invited_user_ids,
    is_ticketed,
    lang,
    participant_count,
    scheduled_start,
    speaker_ids,
    started_at,
    state,
    subscriber_count,
    title,
    topic_ids,
    updated_at,
};

enum class dm_event_field {
    attachments,
    created_at,
    dm_conversation_id,
    entities,
    event_type,
    id,
    participant_ids,
    referenced_tweets,
    sender_id,
    text,
};

// The API's spelling, e.g. "referenced_tweets.id.author_id", "protected".
std::string_view to_string(expansion e) noexcept;
std::string_view to_string(tweet_field f) noexcept;
std::string_view to_string(user_field f) noexcept;
std::string_view to_string(media_field f) noexcept;
std::string_view to_string(place_field f) noexcept;
std::string_view to_string(poll_field f) noexcept;
std::string_view to_string(list_field f) noexcept;
std::string_view to_string(space_field f) noexcept;
std::string_view to_string(dm_event_field f) noexcept;

// What to ask for beyond the default fields. An empty list adds no parameter.
struct fields_params {
    std::vector<expansion> expansions;
    std::vector<tweet_field> tweet_fields;
    std::vector<user_field> user_fields;
    std::vector<media_field> media_fields;
    std::vector<place_field> place_fields;
    std::vector<poll_field> poll_fields;
    std::vector<list_field> list_fields;
    std::vector<space_field> space_fields;
    std::vector<dm_event_field> dm_event_fields;
};

// Appends `expansions`, then `tweet.fields`, `user.fields`, `media.fields`, `place.fields`, `poll.fields`,
// `list.fields`, `space.fields` and `dm_event.fields`, each only when its list is not empty. The values are
// not percent-encoded yet: the request does that when it is sent.
void append_query(std::vector<param>& query, fields_params const& fields);

}  // namespace twitter::v2

#endif
