#ifndef TWITTER_CORE_PERCENT_ENCODING_HPP
#define TWITTER_CORE_PERCENT_ENCODING_HPP

#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace twitter::core {

// RFC 3986 section 2.1 and 2.3: every byte except ALPHA DIGIT - . _ ~ becomes %XX with uppercase hex.
// This is the encoding OAuth 1.0a signs with (RFC 5849 section 3.6) and what X expects in queries.
std::string percent_encode(std::string_view in);
void percent_encode_to(std::string& out, std::string_view in);  // appends

// application/x-www-form-urlencoded serialisation (WHATWG URL, "urlencoded serializer"): space becomes '+',
// ALPHA DIGIT * - . _ stay, everything else is %XX. Only for places that demand it, e.g. RFC 6749
// section 2.3.1.
std::string form_encode(std::string_view in);

// Strict decoding: a '%' must be followed by two hex digits, otherwise core_errc::bad_percent_escape.
// percent_decode leaves '+' alone (RFC 3986); form_decode turns '+' into a space (x-www-form-urlencoded).
boost::system::result<std::string> percent_decode(std::string_view in);
boost::system::result<std::string> form_decode(std::string_view in);
boost::system::result<void> form_decode_to(std::string& out, std::string_view in);  // appends

}  // namespace twitter::core

#endif
