#ifndef TWITTER_MEDIA_TYPES_HPP
#define TWITTER_MEDIA_TYPES_HPP

// The vocabulary of media upload (see <twitter/media.hpp> for the operations): what to upload and how, what X
// answered, and the errors. No client, no Asio: the pure parts of the library build on this alone.

#include <twitter/error.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter {

// Failures of an upload that are neither transport nor HTTP errors.
enum class media_errc {
    empty_media = 1,          // a zero-byte source: X refuses it, so nothing is sent
    chunk_size_out_of_range,  // chunk_size is 0 or over X's 5 MB per APPEND
    too_many_segments,        // even 5 MB chunks would need more than X's 1000 segments
    unknown_media_type,       // no media_type given, and the bytes and file name do not tell
    source_unreadable,        // the file could not be opened or read, or changed size while uploading
    processing_failed,        // X's processing_info said "failed"; the diagnostics carry its error
    processing_timeout,       // processing was still going after max_processing_wait
};

boost::system::error_category const& media_category() noexcept;
inline error_code make_error_code(media_errc e) noexcept { return {static_cast<int>(e), media_category()}; }

// X's processing_info: "pending" -> "in_progress" -> "succeeded" | "failed".
enum class processing_state { pending, in_progress, succeeded, failed };

std::string_view to_string(processing_state s) noexcept;
std::ostream& operator<<(std::ostream& os, processing_state s);

struct processing_error {
    std::optional<int> code;
    std::string name;     // e.g. "InvalidMedia"
    std::string message;  // e.g. "Unsupported video format"
};

struct processing_info {
    processing_state state = processing_state::pending;
    std::optional<std::chrono::seconds> check_after;  // check_after_secs
    std::optional<int> progress_percent;              // 0..100, informative only
    std::optional<processing_error> error;            // with state failed
};

struct uploaded_image {
    std::string image_type;  // e.g. "image/png"
    unsigned width = 0;
    unsigned height = 0;
};

// What X answered about an upload: the simple upload, FINALIZE, or the last STATUS.
struct uploaded_media {
    std::string media_id;   // media_id_string (v1.1) or data.id (v2): decimal, and too big for a double
    std::string media_key;  // e.g. "7_1880028106020515840"; v1.1 answers do not always carry it
    std::uint64_t size = 0;
    std::optional<std::chrono::seconds> expires_after;  // expires_after_secs: use it in a post before then
    // The last processing_info seen, if X processes this media asynchronously. After a completed wait it is
    // "succeeded"; with wait_for_processing off it may still be pending.
    std::optional<processing_info> processing;
    std::optional<uploaded_image> image;
    std::string video_type;  // e.g. "video/mp4", when X says
};

// Where the bytes come from. Bytes in memory are shared, never copied; a file is read one chunk at a time
// while the upload runs (a small image in one go), so a large video never sits in memory whole. File reads are
// plain blocking reads of local files, one chunk per step.
class media_source {
public:
    static media_source from_bytes(std::string bytes, std::string filename = "media");
    static media_source from_bytes(std::shared_ptr<std::string const> bytes, std::string filename = "media");
    static media_source from_file(std::filesystem::path path);

    bool is_file() const noexcept { return !bytes_; }
    std::shared_ptr<std::string const> const& bytes() const noexcept { return bytes_; }  // null for a file
    std::filesystem::path const& path() const noexcept { return path_; }                 // empty for bytes
    // The filename sent with the media part; a file's own name.
    std::string const& filename() const noexcept { return filename_; }

private:
    media_source() = default;
    std::shared_ptr<std::string const> bytes_;
    std::filesystem::path path_;
    std::string filename_;
};

enum class upload_method {
    automatic,  // as Tweepy's media_upload: one request for an image of at most 5 MB, chunks for the rest
    simple,     // one multipart request, whatever the type (X takes it for images up to 5 MB)
    chunked,    // INIT, APPEND..., FINALIZE, STATUS
};

struct media_upload_params {
    // The MIME type, e.g. "video/mp4". Empty: recognised from the first bytes (PNG, JPEG, GIF, WebP, BMP,
    // TIFF, MP4, QuickTime) or else the file name's extension.
    std::string media_type;
    // e.g. "tweet_video", "amplify_video", "dm_image". Empty: default_media_category(media_type) for chunked
    // uploads and the v2 one-shot upload; nothing at all for a v1.1 simple upload (as Tweepy sends it).
    std::string media_category;
    // Bytes per APPEND, at most 5 MB. Grown when the media would otherwise need more than 1000 segments.
    std::size_t chunk_size = 4 * 1024 * 1024;
    std::vector<std::string> additional_owners;  // user ids that may also post this media
    upload_method method = upload_method::automatic;
    // Tweepy's wait_for_async_finalize: poll STATUS until processing is over.
    bool wait_for_processing = true;
    // Called after each APPEND that X acknowledged (and once after a one-request upload) with the bytes sent
    // so far and the total. It runs inside the operation, on a strand of the client's executor, between steps:
    // it must be quick and must not throw.
    std::function<void(std::uint64_t sent, std::uint64_t total)> on_progress;
    // The most time spent waiting between STATUS polls, summed; past it the upload fails with
    // media_errc::processing_timeout.
    std::chrono::seconds max_processing_wait{std::chrono::minutes(10)};
};

// X's category for a media type when the caller names none: image/gif -> tweet_gif, video/* -> tweet_video,
// other image/* -> tweet_image; empty for anything else.
std::string_view default_media_category(std::string_view media_type) noexcept;

}  // namespace twitter

template <>
struct boost::system::is_error_code_enum<twitter::media_errc> : std::true_type {};

#endif
