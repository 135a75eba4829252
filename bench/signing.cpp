// OAuth 1.0a signing cost against its floor. The subject is a full Authorization header (nonce, base string,
// HMAC-SHA1, header text) for a realistic request: 3 query parameters and 1 form parameter. The floor is a bare
// HMAC-SHA1 of the same base string on one reused OpenSSL context, written here without the SDK, in the same
// binary and run. Prints one JSON line per measurement (json_line.hpp), in µs per signature as the peers of
// bench/peers sign the same request (signing_request.json); medians of several rounds.

#include "core/oauth1.hpp"
#include "json_line.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
constexpr int rounds = 7;
constexpr int iterations = 200000;

template <class F>
double median_ns_per_op(F&& op) {
    std::vector<double> samples;
    for (int r = 0; r < rounds; ++r) {
        auto const start = clock_type::now();
        for (int i = 0; i < iterations; ++i) op();
        std::chrono::duration<double, std::nano> const elapsed = clock_type::now() - start;
        samples.push_back(elapsed.count() / iterations);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

// Keeps the optimiser from dropping the work.
volatile std::size_t sink = 0;

}  // namespace

int main() {
    std::string const consumer_key = "xvz1evFS4wEEPTGEFPHBog";
    std::string const consumer_secret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    std::string const token = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    std::string const token_secret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
    std::string const url = "https://api.x.com/1.1/statuses/update.json";
    std::vector<twitter::param> const query{
        {"include_entities", "true"}, {"trim_user", "false"}, {"tweet_mode", "extended"}};
    std::vector<twitter::param> const form{{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"}};

    twitter::core::oauth1_signer const signer(consumer_key, consumer_secret, token, token_secret);
    double const header_ns = median_ns_per_op([&] {
        auto header = signer.authorization_header("POST", url, query, form, {});
        sink = sink + header->size();
    });

    // The floor: HMAC-SHA1 of a base string of the same request, on a context made once.
    auto const base = twitter::core::signature_base_string(
        "POST", url, query, form,
        std::vector<twitter::param>{{"oauth_consumer_key", consumer_key},
                                    {"oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"},
                                    {"oauth_signature_method", "HMAC-SHA1"},
                                    {"oauth_timestamp", "1318622958"},
                                    {"oauth_token", token},
                                    {"oauth_version", "1.0"}});
    std::string const key = consumer_secret + "&" + token_secret;
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    char digest[] = "SHA1";
    OSSL_PARAM const params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    EVP_MAC_CTX_set_params(ctx, params);
    double const hmac_ns = median_ns_per_op([&] {
        unsigned char out[EVP_MAX_MD_SIZE];
        std::size_t len = 0;
        EVP_MAC_init(ctx, reinterpret_cast<unsigned char const*>(key.data()), key.size(), nullptr);
        EVP_MAC_update(ctx, reinterpret_cast<unsigned char const*>(base->data()), base->size());
        EVP_MAC_final(ctx, out, &len, sizeof out);
        sink = sink + len;
    });
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);

    bench::print_value("signing", "hmac_sha1_floor", "us_per_signature", hmac_ns / 1000);
    bench::print_ratio("signing", "twitter-asio", "us_per_signature", header_ns / 1000, "hmac_sha1_floor",
                       header_ns / hmac_ns);
    return 0;
}
