#ifndef TWITTER_LIB_MEDIA_MULTIPART_HPP
#define TWITTER_LIB_MEDIA_MULTIPART_HPP

// multipart/form-data bodies (RFC 7578 over RFC 2046): what X's media endpoints take for binary chunks.

#include <twitter/error.hpp>

#include <boost/system/result.hpp>

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace twitter::media {

// One part. A part with a filename is a file: it is sent with `content_type` (application/octet-stream when
// empty). A part without one is a plain text field.
struct form_part {
    std::string_view name;
    std::string_view data;
    std::string_view filename;
    std::string_view content_type;
};

// RFC 2046 5.1.1: 1 to 70 characters of `bchars`, the last one not a space.
bool is_valid_boundary(std::string_view boundary) noexcept;

// True when no part (name, filename, type or data) contains "--" followed by the boundary, so that no
// delimiter line can appear inside the body by accident.
bool boundary_is_safe(std::string_view boundary, std::span<form_part const> parts) noexcept;

// The first safe boundary among the candidates `next()` produces, trying at most `attempts` of them; fails
// with client_errc::invalid_argument when none is (which random candidates make practically impossible).
boost::system::result<std::string> choose_boundary(std::span<form_part const> parts,
                                                   std::function<std::string()> const& next,
                                                   int attempts = 8);

// A random candidate: a fixed prefix and 32 random characters (192 bits) from the public DRBG.
std::string random_boundary();

struct multipart_body {
    std::string content_type;  // "multipart/form-data; boundary=..."
    std::string body;
};

// Encodes the parts in order with CRLF framing. Names and filenames are quoted, with '"', CR and LF
// percent-encoded as RFC 7578 4.2 and HTML do. Fails with client_errc::invalid_argument when the boundary is
// not valid or not safe for these parts.
boost::system::result<multipart_body> encode_multipart(std::span<form_part const> parts, std::string_view boundary);

// With a random boundary that is safe for these parts.
boost::system::result<multipart_body> encode_multipart(std::span<form_part const> parts);

}  // namespace twitter::media

#endif
