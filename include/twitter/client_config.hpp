#ifndef TWITTER_CLIENT_CONFIG_HPP
#define TWITTER_CLIENT_CONFIG_HPP

#include <twitter/clock.hpp>
#include <twitter/retry.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace twitter {

// Where each part of the API lives. The defaults are X's current hosts.
struct endpoints {
    std::string api = "https://api.x.com";
    std::string upload = "https://upload.x.com";
    std::string authorize = "https://x.com/i/oauth2/authorize";

    // Every host at one origin, e.g. an emulator's "https://127.0.0.1:8443".
    static endpoints at(std::string_view base_url);
};

// Peer verification is always on and has no switch: trust is only ever widened with extra roots.
struct tls_params {
    bool use_system_roots = true;
    std::string ca_file;  // PEM file of extra trusted roots
    std::string ca_pem;   // PEM text of extra trusted roots
};

struct pool_params {
    std::size_t max_connections_per_host = 16;
    // A pooled connection idle for longer is closed when a request next needs one.
    std::chrono::steady_clock::duration idle_timeout = std::chrono::seconds(30);
};

struct timeout_params {
    std::chrono::steady_clock::duration connect = std::chrono::seconds(10);
    std::chrono::steady_clock::duration tls_handshake = std::chrono::seconds(10);
    // The whole exchange: waiting for a pooled connection (a burst larger than the pool queues), writing the
    // request and reading the full response.
    std::chrono::steady_clock::duration request = std::chrono::seconds(30);
};

struct client_config {
    endpoints hosts;
    tls_params tls;
    pool_params pool;
    timeout_params timeouts;
    std::size_t max_body_size = 64 * 1024 * 1024;  // after decompression
    // Plaintext http:// is refused, except to loopback hosts when this is set (for tests against an emulator).
    bool allow_plaintext_loopback = false;
    std::string user_agent = "twitter-asio/0.1";
    retry_policy retry;
    rate_limit_policy rate_limiting;
    // The time source for every wait; null means real_clock().
    std::shared_ptr<twitter::clock> clock;
};

}  // namespace twitter

#endif
