#ifndef TWITTER_CORE_ERRC_HPP
#define TWITTER_CORE_ERRC_HPP

// Errors of the pure core layer: malformed outside input, or a crypto primitive that failed.
// Messages never quote the input, because the input may be a secret.

#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/is_error_code_enum.hpp>

#include <type_traits>

namespace twitter::core {

enum class core_errc {
    bad_percent_escape = 1,  // '%' not followed by two hex digits
    bad_base64,              // a character outside the alphabet, bad padding or length, or stray bits
    invalid_url,             // not an absolute http(s) URL we can sign
    invalid_argument,        // e.g. an empty HTTP method
    invalid_code_verifier,   // outside RFC 7636 section 4.1: 43..128 unreserved characters
    random_failure,          // the CSPRNG could not produce bytes
    crypto_failure,          // an OpenSSL digest or MAC call failed
};

boost::system::error_category const& core_category() noexcept;

inline boost::system::error_code make_error_code(core_errc e) noexcept {
    return {static_cast<int>(e), core_category()};
}

}  // namespace twitter::core

template <>
struct boost::system::is_error_code_enum<twitter::core::core_errc> : std::true_type {};

#endif
