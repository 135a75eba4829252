#include "core/pkce.hpp"

#include "core/base64.hpp"
#include "core/digest.hpp"
#include "core/errc.hpp"
#include "core/random.hpp"

#include <algorithm>

namespace twitter::core {

bool is_valid_code_verifier(std::string_view verifier) noexcept {
    if (verifier.size() < code_verifier_min_length || verifier.size() > code_verifier_max_length)
        return false;
    return std::all_of(verifier.begin(), verifier.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '.' || c == '_' || c == '~';
    });
}

boost::system::result<std::string> make_code_verifier(std::size_t length) {
    if (length < code_verifier_min_length || length > code_verifier_max_length)
        return core_errc::invalid_code_verifier;
    return random_token(length);
}

boost::system::result<std::string> code_verifier_from_octets(std::span<unsigned char const> octets) {
    std::string verifier = base64url_encode(octets);
    if (!is_valid_code_verifier(verifier)) return core_errc::invalid_code_verifier;
    return verifier;
}

boost::system::result<std::string> code_challenge_s256(std::string_view verifier) {
    if (!is_valid_code_verifier(verifier)) return core_errc::invalid_code_verifier;
    auto digest = sha256(verifier);
    if (!digest) return digest.error();
    return base64url_encode(*digest);
}

boost::system::result<std::string> make_state() { return random_token(43); }

}  // namespace twitter::core
