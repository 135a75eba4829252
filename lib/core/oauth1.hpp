#ifndef TWITTER_CORE_OAUTH1_HPP
#define TWITTER_CORE_OAUTH1_HPP

// OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 section 3; X docs "Creating a signature" and "Authorizing a
// request"). Everything is pure: nonce and timestamp come in as arguments, so fixed vectors can be checked
// byte for byte. Only the clock-taking overload of oauth1_signer::authorization_header draws a nonce.

#include "core/param.hpp"

#include <boost/system/result.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace twitter::core {

// RFC 5849 section 3.4.1.2: lowercase scheme and host, default port dropped, path kept (empty becomes "/"),
// no query or fragment. Only absolute http and https URLs without user info are accepted
// (core_errc::invalid_url).
boost::system::result<std::string> base_string_uri(std::string_view url);

// RFC 5849 section 3.4.1: METHOD & enc(base string URI) & enc(normalized parameters). The parameters are the
// URL's own query, `query`, `form` and `protocol`, all as decoded values. `form` must hold the body's fields
// only when the body is application/x-www-form-urlencoded (section 3.4.1.3.1); JSON and multipart bodies are
// not signed. "realm" and "oauth_signature" in `protocol` are left out, as section 3.4.1.3.1 says.
boost::system::result<std::string> signature_base_string(std::string_view method, std::string_view url,
                                                         std::span<param const> query,
                                                         std::span<param const> form,
                                                         std::span<param const> protocol);

// RFC 5849 section 3.4.2: enc(consumer_secret) & enc(token_secret).
std::string signing_key(std::string_view consumer_secret, std::string_view token_secret);

// base64(HMAC-SHA1(key, base_string)), the oauth_signature value before percent-encoding.
boost::system::result<std::string> hmac_sha1_signature(std::string_view key, std::string_view base_string);

// A fresh oauth_nonce: 32 alphanumeric characters drawn uniformly from the CSPRNG (about 190 bits), like
// X's example nonce. Alphanumeric needs no escaping anywhere. Held inline so signing does not allocate for
// it.
class oauth1_nonce {
public:
    static constexpr std::size_t size = 32;
    static boost::system::result<oauth1_nonce> generate();
    std::string_view view() const noexcept { return {chars_.data(), chars_.size()}; }

private:
    std::array<char, size> chars_{};
};

// The protocol parameters that only some requests carry.
struct oauth1_request_params {
    std::string_view callback{};  // oauth_callback: request_token step only (RFC 5849 section 2.1)
    std::string_view verifier{};  // oauth_verifier: access_token step only (RFC 5849 section 2.3)
};

// Seconds since the Unix epoch from the system clock: what oauth_timestamp means (RFC 5849 section 3.3).
struct system_unix_clock {
    std::int64_t operator()() const noexcept {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// Signs requests for one set of credentials. The consumer key and token are percent-encoded and the signing
// key is built once, here. Immutable after construction, so one signer may be shared between threads. Never
// print it: it holds the secrets.
class oauth1_signer {
public:
    // An empty token means none: oauth_token is then left out (request_token step, RFC 5849 section 2.1).
    oauth1_signer(std::string_view consumer_key, std::string_view consumer_secret,
                  std::string_view token = {}, std::string_view token_secret = {});

    // The full Authorization header value:
    //   OAuth oauth_consumer_key="..", oauth_nonce="..", oauth_signature="..",
    //   oauth_signature_method="HMAC-SHA1", oauth_timestamp="..", oauth_token="..", oauth_version="1.0"
    // with oauth_callback and oauth_verifier when given; names in alphabetical order, values percent-encoded
    // (RFC 5849 section 3.5.1). `url` may carry its own query, which is signed too. See
    // signature_base_string.
    boost::system::result<std::string> authorization_header(std::string_view method, std::string_view url,
                                                            std::span<param const> query,
                                                            std::span<param const> form,
                                                            oauth1_request_params const& extra,
                                                            std::string_view nonce,
                                                            std::int64_t timestamp) const;

    // The same with a fresh nonce and the time from `unix_now`, a callable returning Unix seconds.
    template <class Clock = system_unix_clock>
    boost::system::result<std::string> authorization_header(std::string_view method, std::string_view url,
                                                            std::span<param const> query,
                                                            std::span<param const> form,
                                                            oauth1_request_params const& extra,
                                                            Clock&& unix_now = {}) const {
        auto nonce = oauth1_nonce::generate();
        if (!nonce) return nonce.error();
        return authorization_header(method, url, query, form, extra, nonce->view(),
                                    static_cast<std::int64_t>(unix_now()));
    }

private:
    std::string consumer_key_;  // percent-encoded
    std::string token_;         // percent-encoded, empty for none
    std::string signing_key_;   // the HMAC key, already hashed when longer than a block
};

}  // namespace twitter::core

#endif
