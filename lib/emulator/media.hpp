#ifndef TWITTER_LIB_EMULATOR_MEDIA_HPP
#define TWITTER_LIB_EMULATOR_MEDIA_HPP

// Uploaded media and the upload state machine that X's upload endpoints share: a simple upload, or INIT,
// APPEND (segments of at most 5 MB, indices 0 to 999), FINALIZE (the bytes must add up to total_bytes), then
// STATUS polls while video and GIF uploads "process": pending, in_progress, succeeded. Only the sizes and the
// first bytes (for the image dimensions) are kept. Pure: the time is a parameter.

#include "emulator/world.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace twitter::emulator::detail {

inline constexpr std::size_t max_media_segment = 5 * 1024 * 1024;
inline constexpr std::int64_t media_lifetime_secs = 86400;

struct media_item {
    id_type id = 0;
    std::string media_key;
    std::string media_type;  // "image/png", "video/mp4", ...
    std::string category;    // "tweet_image", "tweet_video", "tweet_gif", ... or empty
    std::size_t total_bytes = 0;
    std::map<std::size_t, std::size_t> segments;  // index -> bytes
    std::string head;                             // the first bytes of segment 0
    bool finalized = false;
    bool processing = false;       // FINALIZE started asynchronous processing
    std::size_t status_polls = 0;  // STATUS calls since FINALIZE
    std::int64_t created_ms = 0;
    unsigned width = 0;
    unsigned height = 0;

    std::size_t received() const;
    std::int64_t expires_ms() const { return created_ms + media_lifetime_secs * 1000; }
};

enum class media_error {
    none,
    unknown_id,            // no such media, or it expired
    segment_out_of_range,  // segment_index outside 0..999
    segment_too_large,     // a segment over 5 MB
    too_many_bytes,        // more bytes than total_bytes
    size_mismatch,         // FINALIZE with fewer bytes than total_bytes
    already_finalized,
    invalid_total,  // INIT with no or a zero total_bytes
};

std::string_view message_of(media_error e);

// What processing looks like at a STATUS poll: state, progress and when to ask again.
struct processing_state {
    std::string_view state;  // "pending", "in_progress", "succeeded"
    unsigned progress_percent = 0;
    unsigned check_after_secs = 0;
};

class media_store {
public:
    // `processing_polls`: how many STATUS calls processing takes; the last one says succeeded.
    explicit media_store(std::size_t processing_polls = 2) : processing_polls_(processing_polls) {}

    media_item& init(id_type id, std::size_t total_bytes, std::string media_type, std::string category,
                     std::int64_t now_ms);
    media_error append(id_type id, std::size_t segment_index, std::string_view bytes, std::int64_t now_ms);
    media_error finalize(id_type id, std::int64_t now_ms);
    // One STATUS poll: advances processing.
    media_error poll(id_type id, std::int64_t now_ms);
    // INIT, one APPEND and FINALIZE in one go.
    media_item& simple(id_type id, std::string_view bytes, std::string media_type, std::string category,
                       std::int64_t now_ms);

    media_item const* find(id_type id, std::int64_t now_ms) const;
    // The processing state, when the upload needs processing.
    std::optional<processing_state> processing(media_item const& m) const;
    // Finalized and, if it needed processing, processed: a tweet may attach it.
    bool ready(id_type id, std::int64_t now_ms) const;

private:
    media_item* live(id_type id, std::int64_t now_ms);

    std::size_t processing_polls_;
    std::map<id_type, media_item> items_;
};

// Guesses the media type from the first bytes (PNG, GIF, JPEG, WebP, MP4); empty when unknown.
std::string sniff_media_type(std::string_view head);

}  // namespace twitter::emulator::detail

#endif
