#ifndef TWITTER_LIB_EMULATOR_ENCODING_HPP
#define TWITTER_LIB_EMULATOR_ENCODING_HPP

// The emulator's own encoders. They repeat what lib/core does on purpose: the emulator checks the SDK, so it
// must not share the SDK's code (a bug in a shared encoder would be invisible to the tests).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

struct param {
    std::string name;
    std::string value;
};
using param_list = std::vector<param>;

// RFC 3986 2.1 percent-encoding of every octet outside the unreserved set (ALPHA DIGIT - . _ ~), with
// uppercase hex: exactly the encoding RFC 5849 3.6 prescribes for OAuth 1.0a.
std::string percent_encode(std::string_view s);

// Undoes %XX escapes; with `plus_is_space`, '+' is a space as in application/x-www-form-urlencoded.
// Empty when an escape is broken.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

// Splits application/x-www-form-urlencoded text (a query or a body) into decoded pairs, in order. A name
// without '=' has an empty value. Empty when an escape is broken.
std::optional<param_list> parse_form(std::string_view text);

// Joins pairs as name=value with '&', each part percent-encoded (which is valid form encoding too).
std::string form_encode(param_list const& params);

// `url` with `params` appended to its query ('?' or '&' as the URL needs).
std::string with_query(std::string_view url, param_list const& params);

// The value of the first parameter called `name`, or nullptr.
std::string const* find_param(param_list const& params, std::string_view name);

// RFC 4648 section 4 (with padding) and section 5 (URL alphabet, no padding, as RFC 7636 uses it).
std::string base64_encode(std::span<unsigned char const> bytes);
std::string base64url_encode(std::span<unsigned char const> bytes);
// Strict RFC 4648 section 4 decoding: padding required, no whitespace.
std::optional<std::string> base64_decode(std::string_view text);

// Compares in time that depends on the lengths only (CRYPTO_memcmp), so a secret does not leak byte by byte.
bool constant_time_equal(std::string_view a, std::string_view b);

// ASCII case-insensitive prefix test, for HTTP auth schemes (RFC 9110 11.1: schemes are case-insensitive).
bool starts_with_icase(std::string_view text, std::string_view prefix);

// The client credentials of an "Authorization: Basic" header. RFC 6749 2.3.1: the id and the secret are
// form-urlencoded before RFC 7617 joins them with ':' and base64-encodes them.
struct basic_credentials {
    std::string id;
    std::string secret;
};
std::optional<basic_credentials> parse_basic_auth(std::string_view authorization);

// `bytes` random octets from RAND_bytes. Throws std::runtime_error when the CSPRNG fails.
std::vector<unsigned char> random_bytes(std::size_t bytes);

}  // namespace twitter::emulator::detail

#endif
