// twitter-emulator: runs the emulator until SIGINT or SIGTERM, for manual runs, demos and benchmarks.
// It writes the CA certificate (0644) and an env file with the bearer tokens (0600) to $TMPDIR or /tmp and
// prints their paths; tokens never go to stdout, so they never end up in a CI log.

#include <twitter/emulator/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

constexpr char const* usage =
    "usage: twitter-emulator [--port N] [--address A] [--rate-limit N] [--synthetic-followers N]\n"
    "                        [--stream-keep-alive-ms N] [--chatter-ms N [--chatter TEXT]]\n"
    "                        [--access-token-lifetime S] [--threads N]\n"
    "  --port N        listen on port N (default 0: the system picks one)\n"
    "  --address A     listen on address A (default 127.0.0.1)\n"
    "  --rate-limit N  requests per endpoint family and token in each 15-minute window\n"
    "                  (default: X's documented limit of each family, 900 where none is known)\n"
    "  --synthetic-followers N  give the default user N more followers, made on the fly (default 0)\n"
    "  --stream-keep-alive-ms N  an idle stream sends a keep-alive every N ms (default 20000, as X)\n"
    "  --chatter-ms N       another user posts a tweet every N ms, for streams to deliver (default: never)\n"
    "  --chatter TEXT       what that user posts, numbered (default \"chatter\")\n"
    "  --access-token-lifetime S  OAuth 2.0 user access tokens expire after S seconds (default 7200, as X)\n"
    "  --threads N     serve on N threads (default 1), so that a benchmark's clients are not held back\n";

unsigned long parse_number(std::string_view flag, char const* text, unsigned long max) {
    char* end = nullptr;
    errno = 0;
    auto const value = std::strtoul(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value > max) {
        throw std::invalid_argument(std::string(flag) + ": not a number in range: " + text);
    }
    return value;
}

// Writes `content` to `path` with exactly `mode`, refusing to follow a symbolic link planted there.
void write_file(std::string const& path, std::string const& content, mode_t mode) {
    int const fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
        throw std::runtime_error("cannot write " + path);
    }
    bool ok = ::fchmod(fd, mode) == 0;
    for (std::size_t done = 0; ok && done < content.size();) {
        auto const n = ::write(fd, content.data() + done, content.size() - done);
        ok = n > 0;
        done += ok ? static_cast<std::size_t>(n) : 0;
    }
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        throw std::runtime_error("cannot write " + path);
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        twitter::emulator::server_config cfg;
        // Nobody can read the log of a standalone emulator, and a benchmark would fill it.
        cfg.request_log_limit = 0;
        std::chrono::milliseconds chatter_every{0};
        std::string chatter_text = "chatter";
        unsigned long threads = 1;
        for (int i = 1; i < argc; ++i) {
            std::string_view const arg = argv[i];
            if (arg == "--help" || arg == "-h") {
                std::cout << usage;
                return EXIT_SUCCESS;
            }
            if (i + 1 >= argc) {
                throw std::invalid_argument("unknown or incomplete option: " + std::string(arg));
            }
            if (arg == "--port") {
                cfg.port = static_cast<std::uint16_t>(parse_number(arg, argv[++i], 65535));
            } else if (arg == "--address") {
                cfg.address = argv[++i];
                if (cfg.address != "127.0.0.1") {
                    cfg.certificate_names.push_back(cfg.address);
                }
            } else if (arg == "--rate-limit") {
                cfg.rate_limit_per_window = parse_number(arg, argv[++i], 1'000'000'000'000);
            } else if (arg == "--synthetic-followers") {
                cfg.synthetic_followers = parse_number(arg, argv[++i], 1'000'000'000);
            } else if (arg == "--stream-keep-alive-ms") {
                cfg.stream_keep_alive_interval =
                    std::chrono::milliseconds(parse_number(arg, argv[++i], 3'600'000));
            } else if (arg == "--chatter-ms") {
                chatter_every = std::chrono::milliseconds(parse_number(arg, argv[++i], 3'600'000));
            } else if (arg == "--access-token-lifetime") {
                cfg.access_token_lifetime = std::chrono::seconds(parse_number(arg, argv[++i], 86'400));
            } else if (arg == "--threads") {
                threads = parse_number(arg, argv[++i], 64);
                if (threads == 0) throw std::invalid_argument("--threads: at least 1");
            } else if (arg == "--chatter") {
                chatter_text = argv[++i];
            } else {
                throw std::invalid_argument("unknown option: " + std::string(arg));
            }
        }

        boost::asio::io_context ioc{static_cast<int>(threads)};
        twitter::emulator::server emulator{ioc.get_executor(), cfg};
        emulator.start();

        char const* tmp = std::getenv("TMPDIR");
        std::string const dir = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
        auto const stem = dir + "/twitter-emulator-" + std::to_string(::getpid());
        auto const ca_path = stem + "-ca.pem";
        auto const env_path = stem + ".env";
        write_file(ca_path, emulator.ca_pem(), 0644);
        // Everything a client needs, named as twitter-cli reads it; the public OAuth 2.0 client is the one
        // offered, so TWITTER_CLIENT_SECRET stays unset.
        auto const& oauth1 = emulator.oauth1();
        auto const& oauth2 = emulator.oauth2_public_client();
        write_file(env_path,
                   "TWITTER_EMULATOR_URL=" + emulator.base_url() + "\nTWITTER_EMULATOR_CA=" + ca_path +
                       "\nTWITTER_BEARER_TOKEN=" + emulator.app_bearer_token() +
                       "\nTWITTER_USER_BEARER_TOKEN=" + emulator.default_user_token() + "\nTWITTER_USER_ID=" +
                       emulator.default_user_id() + "\nTWITTER_CONSUMER_KEY=" + oauth1.consumer_key +
                       "\nTWITTER_CONSUMER_SECRET=" + oauth1.consumer_secret + "\nTWITTER_ACCESS_TOKEN=" +
                       oauth1.access_token + "\nTWITTER_ACCESS_TOKEN_SECRET=" + oauth1.access_token_secret +
                       "\nTWITTER_CLIENT_ID=" + oauth2.client_id +
                       "\nTWITTER_REDIRECT_URI=" + oauth2.redirect_uri + "\n",
                   0600);

        std::cout << "twitter-emulator listening on " << emulator.base_url() << " ca=" << ca_path
                  << " env=" << env_path << std::endl;

        // Chatter comes from a seeded user other than the default one, whose token clients act with.
        std::string const chatterer = emulator.default_user_id() == "2244994945" ? "783214" : "2244994945";
        // The chatter timer and the signals share a strand: with --threads they may otherwise race.
        auto const control = boost::asio::make_strand(ioc);
        boost::asio::steady_timer chatter{control};
        std::size_t chatter_count = 0;
        std::function<void()> schedule_chatter = [&] {
            chatter.expires_after(chatter_every);
            chatter.async_wait([&](boost::system::error_code const& ec) {
                if (ec) return;
                emulator.add_tweet(chatterer, chatter_text + " #" + std::to_string(++chatter_count));
                schedule_chatter();
            });
        };
        if (chatter_every.count() > 0) schedule_chatter();

        boost::asio::signal_set signals{control, SIGINT, SIGTERM};
        signals.async_wait([&](boost::system::error_code const&, int) {
            chatter.cancel();
            emulator.stop();
        });
        // The server keeps each connection on its strand and its state under a lock, so any thread may run it.
        std::vector<std::thread> more;
        for (unsigned long t = 1; t < threads; ++t) more.emplace_back([&ioc] { ioc.run(); });
        ioc.run();
        for (auto& t : more) t.join();

        ::unlink(env_path.c_str());
        ::unlink(ca_path.c_str());
        return EXIT_SUCCESS;
    } catch (std::exception const& e) {
        std::cerr << "twitter-emulator: " << e.what() << '\n' << usage;
        return EXIT_FAILURE;
    }
}
