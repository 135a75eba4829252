#include "core/constant_time.hpp"

#include <openssl/crypto.h>

#include <algorithm>

namespace twitter::core {

bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
    auto const n = std::min(a.size(), b.size());
    int const differ = n == 0 ? 0 : CRYPTO_memcmp(a.data(), b.data(), n);
    // Bitwise '&': no branch that skips the comparison above.
    return (differ == 0) & (a.size() == b.size());
}

}  // namespace twitter::core
