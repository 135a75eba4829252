// The soak: mixed traffic (v2 GETs and POSTs, paginated walks, chunked media uploads, a stream) from OAuth
// 1.0a, app-only and OAuth 2.0 user clients against an in-process emulator whose faults are re-armed at
// random all the time. Every operation is accounted for: started = succeeded + failed with a typed error +
// cancelled. An untyped error, an escaped exception, an operation still running after --hang-seconds, or one
// that never came back makes it exit non-zero. Prints a JSON summary at the end.
//
//   soak [--duration SECONDS] [--seed N] [--workers N] [--threads N] [--hang-seconds N]

#include "integration/auth_flow_support.hpp"
#include "integration/fault_matrix.hpp"

#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>
#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>
#include <twitter/media.hpp>
#include <twitter/v2/paginator.hpp>
#include <twitter/v2/requests.hpp>
#include <twitter/v2/stream.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace emu = twitter::emulator;
namespace v2 = twitter::v2;
using twitter::error_code;
using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

struct options {
    std::chrono::seconds duration{600};
    std::uint64_t seed = std::random_device{}();
    int workers = 6;
    int threads = 2;
    std::chrono::seconds hang{120};
};

bool parse(int argc, char** argv, options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (i + 1 >= argc) return false;
        std::uint64_t const value = std::strtoull(argv[++i], nullptr, 10);
        if (arg == "--duration")
            o.duration = std::chrono::seconds(value);
        else if (arg == "--seed")
            o.seed = value;
        else if (arg == "--workers")
            o.workers = static_cast<int>(value);
        else if (arg == "--threads")
            o.threads = static_cast<int>(value);
        else if (arg == "--hang-seconds")
            o.hang = std::chrono::seconds(value);
        else
            return false;
    }
    return o.workers > 0 && o.threads > 0 && o.hang.count() > 0;
}

// What happened to every operation, by kind. Shared by every thread.
class ledger {
public:
    std::uint64_t start(std::string const& op) {
        std::lock_guard lock(mutex_);
        ++started_[op];
        in_flight_[++last_id_] = {op, steady::now()};
        return last_id_;
    }
    void finish(std::uint64_t id, error_code const& ec, bool cancelled = false) {
        std::lock_guard lock(mutex_);
        auto const it = in_flight_.find(id);
        if (it == in_flight_.end()) {
            ++double_finished_;
            return;
        }
        auto const op = it->second.op;
        in_flight_.erase(it);
        if (cancelled)
            ++cancelled_[op];
        else if (!ec)
            ++succeeded_[op];
        else if (test::is_typed(ec))
            ++failed_[op][test::describe(ec)];
        else {
            ++untyped_[op];
            std::cerr << "untyped error from " << op << ": " << test::describe(ec) << "\n";
        }
    }
    void exception(std::uint64_t id, std::string const& what) {
        std::lock_guard lock(mutex_);
        auto const it = in_flight_.find(id);
        std::cerr << "exception from " << (it == in_flight_.end() ? std::string("?") : it->second.op) << ": "
                  << what << "\n";
        if (it != in_flight_.end()) {
            ++exceptions_[it->second.op];
            in_flight_.erase(it);
        }
    }
    void count(std::string const& what, std::uint64_t n = 1) {
        std::lock_guard lock(mutex_);
        extra_[what] += n;
    }
    // The operations running for longer than `limit`, by name.
    std::vector<std::string> hung(std::chrono::seconds limit) const {
        std::lock_guard lock(mutex_);
        std::vector<std::string> out;
        auto const now = steady::now();
        for (auto const& [id, f] : in_flight_)
            if (now - f.since > limit) out.push_back(f.op);
        return out;
    }
    std::size_t in_flight() const {
        std::lock_guard lock(mutex_);
        return in_flight_.size();
    }

    // Zero when every operation is accounted for and none failed untyped or threw.
    std::uint64_t problems() const {
        std::lock_guard lock(mutex_);
        std::uint64_t n = double_finished_ + in_flight_.size();
        for (auto const& [op, c] : untyped_) n += c;
        for (auto const& [op, c] : exceptions_) n += c;
        // A token_updater told of a token without its secrets, or a soak task that threw.
        return n + value(extra_, "bad_token_updates") + value(extra_, "task_exceptions");
    }

    std::string json(options const& o, emu::counters const& server, std::vector<std::string> const& hangs,
                     double seconds) const {
        std::lock_guard lock(mutex_);
        std::ostringstream out;
        auto sum = [](std::map<std::string, std::uint64_t> const& m) {
            std::uint64_t n = 0;
            for (auto const& [k, v] : m) n += v;
            return n;
        };
        std::uint64_t failed_total = 0;
        for (auto const& [op, by_code] : failed_) failed_total += sum(by_code);
        out << "{\n  \"seed\": " << o.seed << ",\n  \"duration_s\": " << seconds
            << ",\n  \"workers\": " << o.workers << ",\n  \"threads\": " << o.threads
            << ",\n  \"started\": " << sum(started_) << ",\n  \"succeeded\": " << sum(succeeded_)
            << ",\n  \"failed_typed\": " << failed_total << ",\n  \"cancelled\": " << sum(cancelled_)
            << ",\n  \"untyped\": " << sum(untyped_) << ",\n  \"exceptions\": " << sum(exceptions_)
            << ",\n  \"unaccounted\": " << in_flight_.size()
            << ",\n  \"finished_twice\": " << double_finished_ << ",\n  \"hangs\": " << hangs.size()
            << ",\n  \"by_operation\": {";
        bool first = true;
        for (auto const& [op, n] : started_) {
            out << (first ? "" : ",") << "\n    \"" << op << "\": {\"started\": " << n
                << ", \"succeeded\": " << value(succeeded_, op)
                << ", \"cancelled\": " << value(cancelled_, op) << ", \"untyped\": " << value(untyped_, op)
                << ", \"exceptions\": " << value(exceptions_, op) << ", \"failed\": {";
            bool first_code = true;
            if (auto const it = failed_.find(op); it != failed_.end())
                for (auto const& [code, c] : it->second) {
                    out << (first_code ? "" : ", ") << "\"" << escaped(code) << "\": " << c;
                    first_code = false;
                }
            out << "}}";
            first = false;
        }
        out << "\n  },\n  \"counts\": {";
        first = true;
        for (auto const& [k, v] : extra_) {
            out << (first ? "" : ", ") << "\"" << k << "\": " << v;
            first = false;
        }
        out << "},\n  \"emulator\": {\"requests\": " << server.requests
            << ", \"connections\": " << server.connections_accepted
            << ", \"faults_fired\": " << server.faults_fired
            << ", \"refresh_grants\": " << server.refresh_grants
            << ", \"bearer_grants\": " << server.bearer_grants
            << ", \"streams_opened\": " << server.streams_opened
            << ", \"stream_events_sent\": " << server.stream_events_sent << "}\n}\n";
        return out.str();
    }

private:
    struct flight {
        std::string op;
        steady::time_point since;
    };
    static std::uint64_t value(std::map<std::string, std::uint64_t> const& m, std::string const& k) {
        auto const it = m.find(k);
        return it == m.end() ? 0 : it->second;
    }
    static std::string escaped(std::string s) {
        for (auto& c : s)
            if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '\'';
        return s;
    }

    mutable std::mutex mutex_;
    std::uint64_t last_id_ = 0;
    std::map<std::uint64_t, flight> in_flight_;
    std::map<std::string, std::uint64_t> started_, succeeded_, cancelled_, untyped_, exceptions_, extra_;
    std::map<std::string, std::map<std::string, std::uint64_t>> failed_;
    std::uint64_t double_finished_ = 0;
};

// The clients every worker shares, and the emulator they talk to.
struct traffic {
    asio::io_context& io;
    emu::server& server;
    ledger& book;
    steady::time_point end;
    twitter::client_config config;
    std::shared_ptr<twitter::oauth2_user_handler> oauth2;
    std::unique_ptr<twitter::client> oauth1_client, app_client, user_client;
    std::mutex reauth_mutex;
    bool reauthorizing = false;

    bool running() const { return steady::now() < end; }
};

// Runs the PKCE flow of the emulator's public client until it succeeds (the faults hit it too) or time is up.
asio::awaitable<error_code> authorize(traffic& t) {
    twitter::client browser(t.io.get_executor(), t.config);
    error_code ec = twitter::auth_errc::no_token;
    for (int attempt = 0; attempt < 50 && ec; ++attempt) {
        std::string const location =
            co_await test::open_in_browser(browser, t.oauth2->get_authorization_url());
        if (location.empty()) continue;
        auto [fec, token] = co_await t.oauth2->async_fetch_token(location, use_tuple);
        ec = fec;
    }
    co_return ec;
}

std::string mp4_bytes(std::size_t n, std::uint64_t salt) {
    std::string data(n, '\0');
    std::uint64_t x = salt * 2654435761u + 1;
    for (auto& c : data) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        c = static_cast<char>(x);
    }
    std::string const head(
        "\0\0\0\x20"
        "ftypisom",
        12);
    data.replace(0, head.size(), head);
    return data;
}

asio::awaitable<error_code> one_operation(traffic& t, int which, std::uint64_t salt) {
    switch (which) {
        case 0: {  // a signed GET
            auto [ec, me] = co_await t.oauth1_client->async_call(v2::get_me(), use_tuple);
            co_return ec;
        }
        case 1: {  // an app-only GET
            auto [ec, tweet] =
                co_await t.app_client->async_call(v2::get_tweet("1293593516040269825"), use_tuple);
            co_return ec;
        }
        case 2: {  // an OAuth 2.0 user GET: its short-lived token keeps refreshing
            auto [ec, me] = co_await t.user_client->async_call(v2::get_me(), use_tuple);
            co_return ec;
        }
        case 3: {  // a POST, signed or with the user token
            v2::create_tweet_params params;
            params.text = "soak " + std::to_string(salt);
            auto& c = salt % 2 ? *t.oauth1_client : *t.user_client;
            auto [ec, tweet] = co_await c.async_call(v2::create_tweet(params), use_tuple);
            co_return ec;
        }
        case 4: {  // a walk over 3 pages of followers; a failed page is asked for once more
            v2::user_page_params params;
            params.max_results = 100;
            v2::paginator walk(*t.app_client, v2::get_users_followers(t.server.default_user_id(), params));
            int failures = 0;
            while (!walk.done()) {
                auto [ec, page] = co_await walk.async_next_page(use_tuple);
                if (ec && ++failures > 1) co_return ec;
            }
            co_return error_code{};
        }
        default: {  // a chunked video upload: INIT, APPEND x3, FINALIZE, STATUS
            twitter::media_upload_params params;
            params.media_type = "video/mp4";
            params.chunk_size = 256 * 1024;
            auto [ec, media] = co_await v2::async_upload_media(
                *t.user_client, twitter::media_source::from_bytes(mp4_bytes(700 * 1024, salt)), params,
                use_tuple);
            co_return ec;
        }
    }
}

char const* const operation_names[] = {"signed_get", "app_get",        "user_get",
                                       "post",       "paginated_walk", "media_upload"};

asio::awaitable<void> worker(traffic& t, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    while (t.running()) {
        int const which = static_cast<int>(rng() % 6);
        std::uint64_t const id = t.book.start(operation_names[which]);
        try {
            error_code const ec = co_await one_operation(t, which, rng());
            t.book.finish(id, ec);
            if (ec == twitter::auth_errc::reauthorization_required) {
                // A refresh whose answer was lost leaves a refresh token X has already rotated: authorize
                // again.
                std::unique_lock lock(t.reauth_mutex);
                if (t.reauthorizing) continue;
                t.reauthorizing = true;
                lock.unlock();
                std::uint64_t const rid = t.book.start("reauthorize");
                error_code const rec = co_await authorize(t);
                t.book.finish(rid, rec);
                lock.lock();
                t.reauthorizing = false;
            }
        } catch (std::exception const& e) {
            t.book.exception(id, e.what());
        }
    }
}

// The sample stream, read for 1 to 8 s and then stopped (so that new connections meet the stream faults, and
// stop() lands in every state of a run); a run that ends with an error is started again.
asio::awaitable<void> streamer(traffic& t, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    v2::stream_config cfg;
    cfg.stall_timeout = 2s;
    cfg.reconnect.network_step = 50ms;
    cfg.reconnect.http_initial = 200ms;
    cfg.reconnect.rate_limit_initial = 500ms;
    while (t.running()) {
        std::uint64_t const id = t.book.start("stream_run");
        try {
            auto stream = std::make_shared<v2::stream>(*t.app_client, v2::sample_stream(), cfg);
            auto result = std::make_shared<std::optional<error_code>>();
            stream->async_run([result](error_code ec) { *result = ec; });
            asio::steady_timer stopper(co_await asio::this_coro::executor);
            // Stops the stream even when no event comes to wake the reader.
            stopper.expires_at(
                std::min(t.end, steady::now() + std::chrono::milliseconds(1000 + rng() % 7000)));
            stopper.async_wait([weak = std::weak_ptr<v2::stream>(stream)](boost::system::error_code ec) {
                if (auto s = weak.lock(); s && !ec) s->stop();
            });
            for (;;) {
                auto [ec, event] = co_await stream->async_read_event(use_tuple);
                if (ec) break;
                t.book.count("stream_events");
                if (!event.errors.empty()) t.book.count("stream_error_events");
            }
            stopper.cancel();
            asio::steady_timer poll(co_await asio::this_coro::executor);
            while (!result->has_value()) {
                poll.expires_after(10ms);
                co_await poll.async_wait(use_tuple);
            }
            t.book.count("stream_connections", stream->stats().connections);
            error_code const ec = **result;
            t.book.finish(id, ec, ec == asio::error::operation_aborted);
        } catch (std::exception const& e) {
            t.book.exception(id, e.what());
        }
    }
}

// Tweets for the stream, a few a second.
asio::awaitable<void> chatter(traffic& t) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    for (int i = 0; t.running(); ++i) {
        t.server.add_tweet(t.server.default_user_id(), "chatter " + std::to_string(i));
        timer.expires_after(100ms);
        co_await timer.async_wait(use_tuple);
    }
}

// 1 to 3 new random faults every 50 to 500 ms: any kind, on every path or one family, at one of the next 4
// requests (or connections).
asio::awaitable<void> fault_injector(traffic& t, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    asio::steady_timer timer(co_await asio::this_coro::executor);
    std::vector<std::string> const paths = {
        "*", "/2/users/*", "/2/tweets*", "/2/media/upload*", "/2/oauth2/token", "/2/tweets/sample/stream"};
    using kind = emu::fault::kind;
    std::vector<kind> const stream_kinds = {kind::drop_stream_after_events, kind::stall_stream_after_events,
                                            kind::partial_line_after_events,
                                            kind::operational_disconnect_after_events};
    while (t.running()) {
        t.server.clear_faults();
        int const armed = 1 + static_cast<int>(rng() % 3);
        for (int i = 0; i < armed; ++i) {
            emu::fault f;
            auto const pick = rng() % 12;
            if (pick < test::every_injected_kind.size()) {
                f = test::fault_at(test::every_injected_kind[pick], 1 + rng() % 4);
                f.path = paths[rng() % paths.size()];
            } else if (pick == 8) {
                f.path = "*";
                f.what = kind::latency;
                f.delay = std::chrono::milliseconds(rng() % 1500);
                f.nth = 1 + rng() % 4;
            } else {
                f.path = "/2/tweets/sample/stream";
                f.what = stream_kinds[rng() % stream_kinds.size()];
                f.events = rng() % 4;
            }
            f.count = 1 + rng() % 3;
            t.server.inject(std::move(f));
            t.book.count("faults_armed");
        }
        timer.expires_after(std::chrono::milliseconds(50 + rng() % 450));
        co_await timer.async_wait(use_tuple);
    }
    t.server.clear_faults();
}

using spawner = std::function<void(std::function<asio::awaitable<void>()>)>;

// Authorizes the user once, with no faults yet, then starts everything else.
asio::awaitable<void> start_traffic(traffic& t, options const& opt, spawner const& spawn,
                                    std::uint64_t seed) {
    if (error_code ec = co_await authorize(t)) {
        std::cerr << "the first authorization failed: " << test::describe(ec) << "\n";
        t.end = steady::now();
        co_return;
    }
    std::mt19937_64 seeds(seed);
    std::uint64_t const fault_seed = seeds();
    spawn([&t, fault_seed] { return fault_injector(t, fault_seed); });
    std::uint64_t const stream_seed = seeds();
    spawn([&t, stream_seed] { return streamer(t, stream_seed); });
    spawn([&t] { return chatter(t); });
    for (int i = 0; i < opt.workers; ++i) {
        std::uint64_t const worker_seed = seeds();
        spawn([&t, worker_seed] { return worker(t, worker_seed); });
    }
}

}  // namespace

int main(int argc, char** argv) {
    options opt;
    if (!parse(argc, argv, opt)) {
        std::cerr
            << "usage: soak [--duration SECONDS] [--seed N] [--workers N] [--threads N] [--hang-seconds N]\n";
        return 2;
    }
    std::cerr << "soak: seed " << opt.seed << ", " << opt.duration.count() << " s, " << opt.workers
              << " workers on " << opt.threads << " threads\n";

    asio::io_context io(opt.threads);
    emu::server_config server_cfg;
    server_cfg.rate_limit_per_window = 1000000000;
    server_cfg.request_log_limit = 0;
    server_cfg.synthetic_followers = 250;
    server_cfg.media_processing_polls = 1;
    server_cfg.access_token_lifetime = 3s;
    server_cfg.stream_keep_alive_interval = 500ms;
    server_cfg.max_stream_connections = 2;
    emu::server server(io.get_executor(), server_cfg);
    server.start();

    ledger book;
    auto const started_at = steady::now();
    traffic t{io, server, book, started_at + opt.duration, {}, {}, {}, {}, {}, {}, false};
    t.config.hosts = twitter::endpoints::at(server.base_url());
    t.config.tls.use_system_roots = false;
    t.config.tls.ca_pem = server.ca_pem();
    t.config.timeouts.request = 3s;

    auto const& app = server.oauth2_public_client();
    twitter::oauth2_user_params params;
    params.client_id = app.client_id;
    params.redirect_uri = app.redirect_uri;
    params.scope = {"tweet.read", "tweet.write", "users.read", "media.write", "offline.access"};
    params.refresh_margin = 1s;
    params.token_updater = [&book](twitter::oauth2_token const& token) {
        book.count(token.access_token.empty() || token.refresh_token.empty() ? "bad_token_updates"
                                                                             : "token_updates");
    };
    t.oauth2 = std::make_shared<twitter::oauth2_user_handler>(io.get_executor(), std::move(params), t.config);
    auto const& keys = server.oauth1();
    auto oauth1 = std::make_shared<twitter::oauth1_user_handler>(
        io.get_executor(), keys.consumer_key, keys.consumer_secret, keys.access_token,
        keys.access_token_secret, std::string(), t.config);
    t.oauth1_client = std::make_unique<twitter::client>(io.get_executor(), oauth1, t.config);
    t.app_client = std::make_unique<twitter::client>(io.get_executor(), server.app_bearer_token(), t.config);
    t.user_client = std::make_unique<twitter::client>(io.get_executor(), t.oauth2, t.config);

    std::atomic<int> running{0};
    spawner const spawn = [&io, &running, &book](std::function<asio::awaitable<void>()> make) {
        ++running;
        asio::co_spawn(asio::make_strand(io), make(), [&running, &book](std::exception_ptr e) {
            if (e) book.count("task_exceptions");
            --running;
        });
    };
    std::mt19937_64 seeds(opt.seed);
    spawn([&t, &opt, &spawn, seed = seeds()] { return start_traffic(t, opt, spawn, seed); });

    std::vector<std::thread> threads;
    for (int i = 0; i < opt.threads; ++i) threads.emplace_back([&io] { io.run(); });

    // The watchdog: an operation running longer than --hang-seconds is a hang; so is a task that does not
    // end within that long after the run.
    std::vector<std::string> hangs;
    for (;;) {
        std::this_thread::sleep_for(1s);
        hangs = book.hung(opt.hang);
        if (!hangs.empty()) break;
        if (running == 0 && steady::now() >= t.end) break;
        if (steady::now() > t.end + opt.hang) {
            hangs.push_back("tasks still running " + std::to_string(opt.hang.count()) + " s after the end");
            break;
        }
    }
    for (auto const& h : hangs) std::cerr << "hang: " << h << "\n";
    server.stop();
    auto const seconds = std::chrono::duration<double>(steady::now() - started_at).count();
    if (hangs.empty()) {
        t.oauth1_client.reset();
        t.app_client.reset();
        t.user_client.reset();
        t.oauth2.reset();
        oauth1.reset();
        for (auto& th : threads) th.join();
    }
    std::cout << book.json(opt, server.stats(), hangs, seconds) << std::flush;
    bool const clean = hangs.empty() && book.problems() == 0;
    std::cerr << "soak: " << (clean ? "clean" : "FAILED") << " (seed " << opt.seed << ")\n";
    if (!hangs.empty()) std::_Exit(1);  // the hung operations still hold the io_context: do not wait for them
    return clean ? 0 : 1;
}
