#include "core/random.hpp"

#include "core/base64.hpp"
#include "core/errc.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <pthread.h>

#include <array>
#include <atomic>
#include <climits>
#include <cstring>
#include <vector>

namespace twitter::core {
namespace {

// Bumped in the child after fork(); a buffer filled under another generation is stale.
std::atomic<unsigned> fork_generation{0};

void on_fork_child() noexcept { fork_generation.fetch_add(1, std::memory_order_relaxed); }

bool watch_forks() noexcept {
    static bool const registered = pthread_atfork(nullptr, nullptr, on_fork_child) == 0;
    return registered;
}

bool fill(std::span<unsigned char> out, bool secret) noexcept {
    if (out.empty()) return true;
    if (out.size() > static_cast<std::size_t>(INT_MAX)) return false;
    int const n = static_cast<int>(out.size());
    return (secret ? RAND_priv_bytes(out.data(), n) : RAND_bytes(out.data(), n)) == 1;
}

struct public_pool {
    std::array<unsigned char, 4096> bytes;
    std::size_t used = bytes.size();
    unsigned generation = 0;
};

}  // namespace

boost::system::result<void> random_bytes(std::span<unsigned char> out) {
    if (!fill(out, true)) return core_errc::random_failure;
    return {};
}

boost::system::result<void> public_random_bytes(std::span<unsigned char> out) {
    thread_local public_pool pool;
    // Without a fork hook the buffer could be duplicated into a child, so then every call goes to OpenSSL.
    if (!watch_forks() || out.size() > pool.bytes.size()) {
        if (!fill(out, false)) return core_errc::random_failure;
        return {};
    }
    unsigned const generation = fork_generation.load(std::memory_order_relaxed);
    if (pool.generation != generation || pool.bytes.size() - pool.used < out.size()) {
        if (!fill(pool.bytes, false)) return core_errc::random_failure;
        pool.used = 0;
        pool.generation = generation;
    }
    std::memcpy(out.data(), pool.bytes.data() + pool.used, out.size());
    // Wipe what was handed out so that no byte is ever served twice, even after a bug in the bookkeeping.
    OPENSSL_cleanse(pool.bytes.data() + pool.used, out.size());
    pool.used += out.size();
    return {};
}

boost::system::result<std::string> random_token(std::size_t length) {
    // base64url turns 3 bytes into 4 characters; draw enough and cut to the exact length.
    std::vector<unsigned char> raw((length + 3) / 4 * 3);
    if (auto r = random_bytes(raw); !r) return r.error();
    std::string token = base64url_encode(raw);
    OPENSSL_cleanse(raw.data(), raw.size());
    token.resize(length);
    return token;
}

}  // namespace twitter::core
