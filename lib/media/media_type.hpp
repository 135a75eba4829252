#ifndef TWITTER_LIB_MEDIA_MEDIA_TYPE_HPP
#define TWITTER_LIB_MEDIA_MEDIA_TYPE_HPP

// Media types: recognising them when the caller gives none, and choosing between one request and chunks.

#include <twitter/media/types.hpp>

#include <cstdint>
#include <string_view>

namespace twitter::media {

// From the first bytes (16 are enough): PNG, JPEG, GIF, WebP, BMP, TIFF, MP4, QuickTime. Empty if none.
std::string_view sniff_media_type(std::string_view head) noexcept;

// From a file name's extension, case-insensitively. Empty if unknown.
std::string_view media_type_for_filename(std::string_view filename) noexcept;

bool is_image(std::string_view media_type) noexcept;
bool is_gif(std::string_view media_type) noexcept;
bool is_video(std::string_view media_type) noexcept;

// X's limit for an image sent in one request.
inline constexpr std::uint64_t max_simple_upload_size = 5 * 1024 * 1024;

enum class api_version { v1, v2 };

// upload_method::simple or upload_method::chunked. `automatic` sends one request for an image of at most
// 5 MB (v1.1: GIFs too, as Tweepy does; v2: not GIFs, which the one-shot endpoint does not take).
upload_method choose_upload_method(upload_method requested, api_version version, std::string_view media_type,
                                   std::uint64_t total_bytes) noexcept;

}  // namespace twitter::media

#endif
