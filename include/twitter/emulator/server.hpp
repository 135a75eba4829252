#ifndef TWITTER_EMULATOR_SERVER_HPP
#define TWITTER_EMULATOR_SERVER_HPP

// A faithful local emulator of the Twitter/X API, for tests, examples, benchmarks and users' own tests.
// It listens on 127.0.0.1, speaks TLS (with a CA and server certificate it generates at start) and plain HTTP
// on the same port, and keeps its state in memory. The SDK never links it.

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace twitter::emulator {

struct server_config {
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;  // 0: the system picks a free port
    // Names written into the server certificate's subjectAltName (DNS names or IP addresses).
    std::vector<std::string> certificate_names = {"localhost", "127.0.0.1"};
    bool gzip = true;  // compress bodies when the request says Accept-Encoding: gzip, as X does
    // Rate limits are kept per family and credential. A family is named after its endpoint, "<METHOD> <path
    // pattern>" ("GET /2/users/:id/followers", "POST /1.1/statuses/update.json"); the media upload commands
    // are "media/upload INIT", "media/upload APPEND", "media/upload FINALIZE", "media/upload STATUS" and
    // "media/upload" (a one-shot upload), whichever path carries them. POST /2/tweets also counts against
    // "POST /2/tweets 24-hour app" and "POST /2/tweets 24-hour user" over 24 hours.
    //
    // Unset, every family gets X's documented per-15-minute limit where the emulator knows it (15 for the
    // followers lookup, 75 for /2/users/me, ...) and 900 otherwise. Set, every family not in family_limits
    // gets this many requests instead (a test that makes many requests sets it high).
    std::optional<std::size_t> rate_limit_per_window;
    std::map<std::string, std::size_t> family_limits;  // per family, before anything else
    std::chrono::seconds rate_limit_window{15 * 60};
    // The default user has this many more followers, made from their index when asked for and never stored
    // (ids from 1400000000000000000, usernames "follower_<index>"), after the ones that follows made.
    std::size_t synthetic_followers = 0;
    // How many STATUS polls a video or GIF upload takes to process: pending after FINALIZE, in_progress at
    // the polls before the last, succeeded at the last. 0: no processing at all.
    std::size_t media_processing_polls = 2;
    // request_log() keeps the latest this many requests; 0 keeps none (for long benchmark runs).
    std::size_t request_log_limit = 100000;
    // OAuth 2.0 user access tokens expire this long after they are issued (X: two hours); 1 s is fine.
    std::chrono::seconds access_token_lifetime{7200};
    // An authorization code must be exchanged within this time (X: 30 s).
    std::chrono::seconds authorization_code_lifetime{30};
    // OAuth 1.0a oauth_timestamp may differ from the emulator's clock by this much either way.
    std::chrono::seconds timestamp_window{300};
    // Streams (GET /2/tweets/search/stream and /2/tweets/sample/stream). An idle stream sends "\r\n" this
    // often, as X does every 20 s; tests set a few milliseconds.
    std::chrono::milliseconds stream_keep_alive_interval{20000};
    // Open connections allowed per stream (X's lower access levels allow one); one more gets X's 429
    // TooManyConnections. The emulator has one app, so this counts every connection to that stream.
    std::size_t max_stream_connections = 1;
    // Lines queued for a stream whose client does not read fast enough. Past this many the stream is cut
    // off with X's operational-disconnect line, as X drops clients that fall behind, so memory stays bounded.
    std::size_t stream_queue_limit = 10000;
    // The filtered stream's rules the app may have (X's cap depends on the access level).
    std::size_t max_stream_rules = 1000;
};

// The seeded OAuth 1.0a app: its consumer key and secret, and a read-write access token of the default user.
// The consumer's registered callback is "http://127.0.0.1/callback"; "oob" (PIN) is accepted too.
struct oauth1_credentials {
    std::string consumer_key;
    std::string consumer_secret;
    std::string access_token;
    std::string access_token_secret;
};

// A seeded OAuth 2.0 client. The public client has an empty secret.
struct oauth2_client {
    std::string client_id;
    std::string client_secret;
    std::string redirect_uri;  // registered: "http://127.0.0.1/callback"
};

// One injected fault. A fault applies to the requests whose path matches `path` (the target without its
// query; a trailing '*' matches a prefix). It fires on the `nth` matching request (1-based) and, with
// `count` > 1, on the ones after it too; `count` 0 means every matching request from the nth on. The
// connection faults (close_before_handshake, close_during_handshake) count the connections accepted after
// inject() instead, whatever their path.
struct fault {
    enum class kind {
        status,                 // answer with `status`, `headers` and `body` instead of the real answer
        latency,                // wait `delay`, then answer normally
        close_before_response,  // read the request, then close the connection without answering
        close_mid_response,     // send the headers (chunked framing) and half of the body, then close
        truncated_body,         // announce the full Content-Length, send half the body, then close
        malformed_body,         // answer 200 with a body that is not JSON
        stall,                  // read the request, then send nothing and keep the connection open
        // Stream paths only (a request the stream does not accept is answered as usual). Each sends the
        // stream's 200 head and `events` event lines (keep-alives do not count), then:
        drop_stream_after_events,   // closes the connection abruptly, without the final chunk
        stall_stream_after_events,  // sends nothing more, not even keep-alives, until the client goes
        partial_line_after_events,  // waits for the next event, sends its first half, then closes
        operational_disconnect_after_events,  // sends X's operational-disconnect line, the final chunk,
                                              // closes
        // Connection faults: they count accepted connections, not requests, and ignore `path`.
        close_before_handshake,  // close the nth accepted connection before reading a byte of it
        close_during_handshake,  // read the first bytes (a TLS ClientHello), then close without answering
    };
    std::string path;
    kind what = kind::status;
    std::size_t nth = 1;
    std::size_t count = 1;
    unsigned status = 503;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::milliseconds delay{0};
    std::size_t events = 0;  // the *_after_events kinds: how many event lines go out before the fault
};

// One recorded request/response pair, as in ../shared/fixtures/recorded, for server::replay().
struct recorded_exchange {
    std::string method;  // "GET"
    // Path and query as the API received it, e.g. "/2/tweets/search/recent?query=x". An absolute URL
    // ("https://api.twitter.com/2/...", as the fixtures write it) is accepted too: its scheme and host are
    // ignored, since every X host shares the emulator's one origin.
    std::string target;
    unsigned status = 200;
    // Response headers to send back (hop-by-hop ones, Content-Length and Content-Encoding are dropped: the
    // emulator frames and compresses the body itself).
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;  // the response body, uncompressed
};

struct logged_request {
    std::string method;
    std::string target;                                        // path and query, as received
    std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
    std::string body;
    bool tls = false;
    std::uint64_t connection_id = 0;  // which accepted connection carried it
};

struct counters {
    std::uint64_t connections_accepted = 0;
    std::uint64_t tls_connections = 0;
    std::uint64_t plain_connections = 0;
    std::uint64_t requests = 0;
    std::uint64_t faults_fired = 0;
    std::uint64_t rejected_auth = 0;   // answered 401 or 403 for missing, unknown or insufficient credentials
    std::uint64_t rate_limited = 0;    // answered 429
    std::uint64_t bearer_grants = 0;   // POST /oauth2/token gave an app-only bearer token
    std::uint64_t request_tokens = 0;  // POST /oauth/request_token succeeded
    std::uint64_t oauth1_access_grants = 0;       // POST /oauth/access_token succeeded
    std::uint64_t authorization_code_grants = 0;  // POST /2/oauth2/token exchanged a code
    std::uint64_t refresh_grants = 0;             // POST /2/oauth2/token exchanged a refresh token
    std::uint64_t revocations = 0;                // POST /2/oauth2/revoke answered 200
    std::uint64_t invalidations = 0;              // POST /oauth2/invalidate_token removed a bearer token
    // OAuth 1.0a refusals, one reason each: a malformed header, an unknown key or token, or a bad signature;
    // a nonce seen before; a timestamp outside the window.
    std::uint64_t rejected_signatures = 0;
    std::uint64_t replayed_nonces = 0;
    std::uint64_t stale_timestamps = 0;
    // OAuth 2.0 invalid_grant answers (bad, expired or reused code, wrong verifier, redirect mismatch, dead
    // refresh token) and OAuth 1.0a access_token refusals (dead request token, wrong verifier).
    std::uint64_t invalid_grants = 0;
    std::uint64_t pkce_failures = 0;  // a code_verifier that did not match its code_challenge
    std::uint64_t scope_denials = 0;  // 403: a missing OAuth 2.0 scope or a read-only OAuth 1.0a token
    std::uint64_t replayed = 0;       // answered from a recorded exchange queued with replay()
    // Requests that matched no queued exchange while some were queued (answered by the emulation).
    std::uint64_t replay_misses = 0;
    std::uint64_t streams_opened = 0;            // 200 answers on a stream path
    std::uint64_t stream_events_sent = 0;        // tweet lines written to streams (backfill included)
    std::uint64_t stream_keep_alives_sent = 0;   // "\r\n" lines written to idle streams
    std::uint64_t streams_refused_too_many = 0;  // 429 TooManyConnections from max_stream_connections
};

class server {
public:
    explicit server(boost::asio::any_io_executor ex, server_config cfg = {});
    ~server();
    server(server const&) = delete;
    server& operator=(server const&) = delete;

    // Generates the certificates, binds, listens and starts accepting on the executor. Throws on failure.
    void start();
    // Stops accepting and closes every open connection. Pending handlers finish on the executor.
    void stop();

    std::uint16_t port() const;
    std::string base_url() const;        // "https://127.0.0.1:<port>"
    std::string plain_base_url() const;  // "http://127.0.0.1:<port>"
    std::string const& ca_pem() const;   // the CA that signed the server certificate, PEM

    // Credentials. Tokens are random, made at start; nothing is committed.
    std::string const& app_bearer_token() const;  // app-only bearer, as from POST /oauth2/token
    // A bearer token in the context of a user, as from the OAuth 2.0 PKCE flow. Throws std::invalid_argument
    // when `user_id` is not a seeded user.
    std::string issue_user_token(std::string const& user_id, std::vector<std::string> scopes);
    std::string const& default_user_id() const;  // the seeded user that owns the default user token
    // A bearer token of the default user with every scope the emulator knows (tweet.write among them).
    std::string const& default_user_token() const;

    // The seeded OAuth credentials, random and made at construction.
    oauth1_credentials const& oauth1() const;
    oauth2_client const& oauth2_public_client() const;
    oauth2_client const& oauth2_confidential_client() const;
    // Whether the emulated user approves authorization requests (default true). A refusal sends
    // ?denied=<oauth_token> to an OAuth 1.0a callback and ?error=access_denied to an OAuth 2.0 redirect URI.
    void set_consent(bool approve);
    // The user who approves authorization requests (default: default_user_id()). Throws std::invalid_argument
    // when `user_id` is not a seeded user.
    void set_authorizing_user(std::string const& user_id);
    // Registers one more OAuth 1.0a callback URL for the seeded consumer (matched exactly).
    void add_oauth1_callback(std::string url);
    // Registers one more redirect URI for an OAuth 2.0 client (matched exactly). Throws std::invalid_argument
    // for an unknown client id.
    void add_redirect_uri(std::string const& client_id, std::string uri);

    void inject(fault f);
    void clear_faults();

    // Queues recorded exchanges, after any already queued. A request with the same method, the same path and
    // the same multiset of decoded query parameters (in any order) as a queued exchange is answered with the
    // earliest such exchange's status, headers and body, without any authentication or rate-limit check, and
    // that exchange is used up. A request that matches none gets the emulated answer. Injected faults come
    // first; replayed requests are still logged and counted.
    void replay(std::vector<recorded_exchange> exchanges);
    // Forgets every queued exchange that was not used.
    void clear_replay();
    // How many queued exchanges are still unused.
    std::size_t pending_replays() const;

    // A tweet by `author_id` with `text`, as if that user had posted it: it goes out to the open streams it
    // belongs to. Returns its id. Throws std::invalid_argument when `author_id` is not a seeded user.
    std::string add_tweet(std::string const& author_id, std::string text);
    // How many stream connections are open now. A client that hangs up frees its slot as soon as the
    // emulator reads the end of its connection.
    std::size_t open_streams() const;

    counters stats() const;
    std::vector<logged_request> request_log() const;
    void clear_log();

    struct impl;

private:
    std::shared_ptr<impl> impl_;
};

}  // namespace twitter::emulator

#endif
