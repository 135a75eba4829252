#ifndef TWITTER_CORE_PKCE_HPP
#define TWITTER_CORE_PKCE_HPP

// Proof Key for Code Exchange (RFC 7636) and the OAuth 2.0 state value.

#include <boost/system/result.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace twitter::core {

// RFC 7636 section 4.1: 43 to 128 characters of ALPHA DIGIT - . _ ~
inline constexpr std::size_t code_verifier_min_length = 43;
inline constexpr std::size_t code_verifier_max_length = 128;
inline constexpr std::size_t code_verifier_default_length = 64;  // 384 random bits

bool is_valid_code_verifier(std::string_view verifier) noexcept;

// A fresh verifier of base64url characters from the CSPRNG. A length outside 43..128 gives
// core_errc::invalid_code_verifier.
boost::system::result<std::string> make_code_verifier(std::size_t length = code_verifier_default_length);

// RFC 7636 section 4.1's recommended construction, base64url(octets), for callers that bring their own
// randomness (and for the Appendix B vector). Fails if the result is not a valid verifier (under 32 octets or
// over 96).
boost::system::result<std::string> code_verifier_from_octets(std::span<unsigned char const> octets);

// RFC 7636 section 4.2, S256: base64url(SHA-256(ASCII(verifier))) without padding. An invalid verifier gives
// core_errc::invalid_code_verifier.
boost::system::result<std::string> code_challenge_s256(std::string_view verifier);

// An unguessable OAuth 2.0 state (RFC 6749 section 10.12): 43 base64url characters, 256 random bits.
boost::system::result<std::string> make_state();

}  // namespace twitter::core

#endif
