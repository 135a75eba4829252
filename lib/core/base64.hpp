#ifndef TWITTER_CORE_BASE64_HPP
#define TWITTER_CORE_BASE64_HPP

#include <boost/system/result.hpp>

#include <span>
#include <string>
#include <string_view>

namespace twitter::core {

// RFC 4648 section 4: standard alphabet, '=' padding.
std::string base64_encode(std::span<unsigned char const> in);
std::string base64_encode(std::string_view in);

// RFC 4648 section 5: URL-safe alphabet, no padding (as JWT and RFC 7636 use it).
std::string base64url_encode(std::span<unsigned char const> in);
std::string base64url_encode(std::string_view in);

// Strict decoders (RFC 4648 section 3.3 and 3.5): a character outside the alphabet, whitespace, a wrong
// length, missing or extra padding, or non-zero unused bits all give core_errc::bad_base64. base64_decode
// requires padding; base64url_decode rejects it.
boost::system::result<std::string> base64_decode(std::string_view in);
boost::system::result<std::string> base64url_decode(std::string_view in);

}  // namespace twitter::core

#endif
