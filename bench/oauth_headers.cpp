// Writes N distinct, valid OAuth 1.0a Authorization headers (fresh nonces) for one request, one per line, for
// the throughput baselines that send precomputed headers (wrk, bench_minimal_beast_client). The emulator
// refuses a nonce it has seen (RFC 5849 3.3), so a baseline cannot resend one header; a pool of distinct ones
// keeps it on the same OAuth 1.0a user-context path as every client, with the signing moved out of the timed
// loop. Headers stay valid for the emulator's timestamp window (5 minutes).
//
// usage: bench_oauth_headers <count> <method> <url>; credentials from TWITTER_CONSUMER_KEY,
// TWITTER_CONSUMER_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET (the emulator's env file).

#include "core/oauth1.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string env(char const* name) {
    char const* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        std::fprintf(stderr, "bench_oauth_headers: set %s\n", name);
        std::exit(2);
    }
    return value;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_oauth_headers <count> <method> <url>\n");
        return 2;
    }
    long const count = std::strtol(argv[1], nullptr, 10);
    twitter::core::oauth1_signer const signer(env("TWITTER_CONSUMER_KEY"), env("TWITTER_CONSUMER_SECRET"),
                                              env("TWITTER_ACCESS_TOKEN"), env("TWITTER_ACCESS_TOKEN_SECRET"));
    for (long i = 0; i < count; ++i) {
        auto const header = signer.authorization_header(argv[2], argv[3], {}, {}, {});
        if (!header) {
            std::fprintf(stderr, "bench_oauth_headers: %s\n", header.error().message().c_str());
            return 1;
        }
        std::fputs(header->c_str(), stdout);
        std::fputc('\n', stdout);
    }
    return 0;
}
