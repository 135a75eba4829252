#include <twitter/v2/fields.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::v2 {
namespace {

// Order and spelling as in the enum declarations; indexed by the enumerator's value.
constexpr std::string_view expansion_names[] = {
    "attachments.media_keys",
    "attachments.poll_ids",
    "author_id",
    "edit_history_tweet_ids",
    "entities.mentions.username",
    "geo.place_id",
    "in_reply_to_user_id",
    "referenced_tweets.id",
    "referenced_tweets.id.author_id",
    "pinned_tweet_id",
    "owner_id",
    "creator_id",
    "host_ids",
    "invited_user_ids",
    "speaker_ids",
    "topic_ids",
    "sender_id",
    "participant_ids",
};
constexpr std::string_view tweet_field_names[] = {
    "attachments",
    "author_id",
    "context_annotations",
    "conversation_id",
    "created_at",
    "edit_controls",
    "edit_history_tweet_ids",
    "entities",
    "geo",
    "id",
    "in_reply_to_user_id",
    "lang",
    "non_public_metrics",
    "organic_metrics",
    "possibly_sensitive",
    "promoted_metrics",
    "public_metrics",
    "referenced_tweets",
    "reply_settings",
    "source",
    "text",
    "withheld",
};
constexpr std::string_view user_field_names[] = {
    "created_at",        "description", "entities",       "id",  "location", "name",     "pinned_tweet_id",
    "profile_image_url", "protected",   "public_metrics", "url", "username", "verified", "verified_type",
    "withheld",
};
constexpr std::string_view media_field_names[] = {
    "alt_text",
    "duration_ms",
    "height",
    "media_key",
    "non_public_metrics",
    "organic_metrics",
    "preview_image_url",
    "promoted_metrics",
    "public_metrics",
    "type",
    "url",
    "variants",
    "width",
};
constexpr std::string_view place_field_names[] = {
    "contained_within", "country", "country_code", "full_name", "geo", "id", "name", "place_type",
};
constexpr std::string_view poll_field_names[] = {
    "duration_minutes", "end_datetime", "id", "options", "voting_status",
};
constexpr std::string_view list_field_names[] = {
    "created_at", "description", "follower_count", "id", "member_count", "name", "owner_id", "private",
};
constexpr std::string_view space_field_names[] = {
    "created_at",       "creator_id",  "ended_at", "host_ids",          "id",
    "invited_user_ids", "is_ticketed", "lang",     "participant_count", "scheduled_start",
    "speaker_ids",      "started_at",  "state",    "subscriber_count",  "title",
    "topic_ids",        "updated_at",
};
constexpr std::string_view dm_event_field_names[] = {
    "attachments", "created_at",      "dm_conversation_id", "entities",  "event_type",
    "id",          "participant_ids", "referenced_tweets",  "sender_id", "text",
};

// The tables must cover every enumerator; the last one of each enum proves the size.
static_assert(std::size(expansion_names) == static_cast<std::size_t>(expansion::participant_ids) + 1);
static_assert(std::size(tweet_field_names) == static_cast<std::size_t>(tweet_field::withheld) + 1);
static_assert(std::size(user_field_names) == static_cast<std::size_t>(user_field::withheld) + 1);
static_assert(std::size(media_field_names) == static_cast<std::size_t>(media_field::width) + 1);
static_assert(std::size(place_field_names) == static_cast<std::size_t>(place_field::place_type) + 1);
static_assert(std::size(poll_field_names) == static_cast<std::size_t>(poll_field::voting_status) + 1);
static_assert(std::size(list_field_names) == static_cast<std::size_t>(list_field::private_) + 1);
static_assert(std::size(space_field_names) == static_cast<std::size_t>(space_field::updated_at) + 1);
static_assert(std::size(dm_event_field_names) == static_cast<std::size_t>(dm_event_field::text) + 1);

template <std::size_t N, class Enum>
std::string_view name_of(std::string_view const (&names)[N], Enum e) noexcept {
    auto const i = static_cast<std::size_t>(e);
    return i < N ? names[i] : std::string_view{};
}

template <class Enum>
void append_list(std::vector<param>& query, std::string_view name, std::vector<Enum> const& values) {
    if (values.empty()) return;
    std::vector<Enum> seen;
    std::string joined;
    for (Enum const v : values) {
        if (std::find(seen.begin(), seen.end(), v) != seen.end()) continue;
        seen.push_back(v);
        if (!joined.empty()) joined += ',';
        joined += to_string(v);
    }
    query.push_back({std::string(name), std::move(joined)});
}

}  // namespace

std::string_view to_string(expansion e) noexcept { return name_of(expansion_names, e); }
std::string_view to_string(tweet_field f) noexcept { return name_of(tweet_field_names, f); }
std::string_view to_string(user_field f) noexcept { return name_of(user_field_names, f); }
std::string_view to_string(media_field f) noexcept { return name_of(media_field_names, f); }
std::string_view to_string(place_field f) noexcept { return name_of(place_field_names, f); }
std::string_view to_string(poll_field f) noexcept { return name_of(poll_field_names, f); }
std::string_view to_string(list_field f) noexcept { return name_of(list_field_names, f); }
std::string_view to_string(space_field f) noexcept { return name_of(space_field_names, f); }
std::string_view to_string(dm_event_field f) noexcept { return name_of(dm_event_field_names, f); }

void append_query(std::vector<param>& query, fields_params const& fields) {
    append_list(query, "expansions", fields.expansions);
    append_list(query, "tweet.fields", fields.tweet_fields);
    append_list(query, "user.fields", fields.user_fields);
    append_list(query, "media.fields", fields.media_fields);
    append_list(query, "place.fields", fields.place_fields);
    append_list(query, "poll.fields", fields.poll_fields);
    append_list(query, "list.fields", fields.list_fields);
    append_list(query, "space.fields", fields.space_fields);
    append_list(query, "dm_event.fields", fields.dm_event_fields);
}

}  // namespace twitter::v2
