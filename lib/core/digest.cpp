#include "core/digest.hpp"

#include "core/errc.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cstddef>
#include <memory>

namespace twitter::core {
namespace {

// Why this shape: in OpenSSL 3 the one-shot HMAC() and EVP_Q_mac() fetch the MAC and the digest by name on
// every call. Measured on this machine (-O2, 420-byte message): HMAC() 1630 ns, EVP_Q_mac 1360 ns, a fresh
// EVP_MAC_CTX per call 1120 ns, and re-keying one long-lived context 650 ns. So the algorithms are fetched
// once (function-local statics: thread-safe init) and each thread keeps one context whose digest is set once.

struct mac_deleter {
    void operator()(EVP_MAC* p) const noexcept { EVP_MAC_free(p); }
    void operator()(EVP_MAC_CTX* p) const noexcept { EVP_MAC_CTX_free(p); }
    void operator()(EVP_MD* p) const noexcept { EVP_MD_free(p); }
};

EVP_MAC* hmac_algorithm() noexcept {
    static std::unique_ptr<EVP_MAC, mac_deleter> const mac{EVP_MAC_fetch(nullptr, "HMAC", nullptr)};
    return mac.get();
}

EVP_MD* sha1_algorithm() noexcept {
    static std::unique_ptr<EVP_MD, mac_deleter> const md{EVP_MD_fetch(nullptr, "SHA1", nullptr)};
    return md.get();
}

EVP_MD* sha256_algorithm() noexcept {
    static std::unique_ptr<EVP_MD, mac_deleter> const md{EVP_MD_fetch(nullptr, "SHA256", nullptr)};
    return md.get();
}

template <class Digest>
boost::system::result<Digest> digest(EVP_MD* md, std::string_view data) {
    Digest out{};
    unsigned len = 0;
    if (md == nullptr || EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1 ||
        len != out.size())
        return core_errc::crypto_failure;
    return out;
}

// This thread's HMAC-SHA1 context, or null if OpenSSL cannot provide one (then we retry on the next call).
EVP_MAC_CTX* thread_hmac_sha1() noexcept {
    thread_local std::unique_ptr<EVP_MAC_CTX, mac_deleter> ctx;
    if (!ctx && hmac_algorithm() != nullptr) {
        std::unique_ptr<EVP_MAC_CTX, mac_deleter> fresh{EVP_MAC_CTX_new(hmac_algorithm())};
        char digest_name[] = "SHA1";
        OSSL_PARAM const params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
            OSSL_PARAM_construct_end(),
        };
        if (fresh && EVP_MAC_CTX_set_params(fresh.get(), params) == 1) ctx = std::move(fresh);
    }
    return ctx.get();
}

unsigned char const* bytes(std::string_view s) noexcept {
    return reinterpret_cast<unsigned char const*>(s.data());
}

}  // namespace

boost::system::result<sha1_digest> hmac_sha1(std::string_view key, std::string_view message) {
    EVP_MAC_CTX* ctx = thread_hmac_sha1();
    if (ctx == nullptr) return core_errc::crypto_failure;
    // OpenSSL rejects a null key pointer even with length 0, and an empty key is legal in HMAC.
    unsigned char const empty_key = 0;
    unsigned char const* key_bytes = key.empty() ? &empty_key : bytes(key);
    sha1_digest out{};
    std::size_t len = 0;
    if (EVP_MAC_init(ctx, key_bytes, key.size(), nullptr) != 1 ||
        EVP_MAC_update(ctx, bytes(message), message.size()) != 1 ||
        EVP_MAC_final(ctx, out.data(), &len, out.size()) != 1 || len != out.size())
        return core_errc::crypto_failure;
    return out;
}

boost::system::result<sha1_digest> sha1(std::string_view data) {
    return digest<sha1_digest>(sha1_algorithm(), data);
}

boost::system::result<sha256_digest> sha256(std::string_view data) {
    return digest<sha256_digest>(sha256_algorithm(), data);
}

}  // namespace twitter::core
