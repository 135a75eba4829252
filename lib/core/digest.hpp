#ifndef TWITTER_CORE_DIGEST_HPP
#define TWITTER_CORE_DIGEST_HPP

#include <boost/system/result.hpp>

#include <array>
#include <string_view>

namespace twitter::core {

using sha1_digest = std::array<unsigned char, 20>;
using sha256_digest = std::array<unsigned char, 32>;

// RFC 2104 HMAC with SHA-1, as OAuth 1.0a HMAC-SHA1 needs (RFC 5849 section 3.4.2).
// Fails with core_errc::crypto_failure only if OpenSSL does (e.g. a provider without SHA-1).
boost::system::result<sha1_digest> hmac_sha1(std::string_view key, std::string_view message);

// FIPS 180-4 SHA-1; used to pre-hash long HMAC keys once (RFC 2104 section 2).
boost::system::result<sha1_digest> sha1(std::string_view data);

// FIPS 180-4 SHA-256, for the PKCE S256 challenge (RFC 7636 section 4.2).
boost::system::result<sha256_digest> sha256(std::string_view data);

}  // namespace twitter::core

#endif
