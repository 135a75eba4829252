#ifndef TWITTER_CORE_RANDOM_HPP
#define TWITTER_CORE_RANDOM_HPP

#include <boost/system/result.hpp>

#include <cstddef>
#include <span>
#include <string>

namespace twitter::core {

// For secrets (PKCE code verifiers, OAuth state): straight from OpenSSL's private DRBG, nothing kept.
// Fails with core_errc::random_failure when the CSPRNG is not seeded.
boost::system::result<void> random_bytes(std::span<unsigned char> out);

// For values that go over the wire in clear (OAuth 1.0a nonces): served from a per-thread buffer filled by
// OpenSSL's public DRBG. A RAND_bytes call costs about 1.8 us whatever its size on this machine, which alone
// would break the 2 us budget of an OAuth header. A fork in the child discards the buffer, so parent and
// child never hand out the same bytes.
boost::system::result<void> public_random_bytes(std::span<unsigned char> out);

// `length` characters of the base64url alphabet (RFC 4648 section 5), 6 random bits each, from random_bytes.
boost::system::result<std::string> random_token(std::size_t length);

}  // namespace twitter::core

#endif
