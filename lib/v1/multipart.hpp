#ifndef TWITTER_LIB_V1_MULTIPART_HPP
#define TWITTER_LIB_V1_MULTIPART_HPP

// multipart/form-data (RFC 7578) with one file part, as the v1.1 upload endpoints take it. Pure: the
// boundary is derived, not random, and chosen so that it occurs nowhere in the content.

#include <string>
#include <string_view>

namespace twitter::v1::detail {

struct multipart_body {
    std::string content_type;  // "multipart/form-data; boundary=..."
    std::string body;
};

// A body with one part named `field`, carrying `file` under `filename`. The part's Content-Type is guessed
// from the file name's extension (as Tweepy guesses it), application/octet-stream when unknown.
multipart_body make_file_part(std::string_view field, std::string_view filename, std::string_view file);

// The media type for a file name: image/png, image/jpeg, image/gif, image/webp, video/mp4, or
// application/octet-stream.
std::string_view media_type_of(std::string_view filename) noexcept;

}  // namespace twitter::v1::detail

#endif
