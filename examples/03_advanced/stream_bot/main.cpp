// A bot on the filtered stream: it adds a rule, reads the Tweets that match it and replies to each one.
//
// Teaches: stream rules (add, reuse, delete), v2::stream with its own reconnection, reading events from the
// bounded buffer, and calling the v2 client from inside a stream loop. Leaves out: the sample stream and
// backfill (see docs/streaming.md).
//
// usage: stream_bot "<rule>" [--replies N] [--seconds S]
// Needs TWITTER_BEARER_TOKEN (the stream) and user credentials (the replies).

#include "bot.hpp"

#include "../../common/example.hpp"

#include <charconv>
#include <iostream>
#include <string>
#include <string_view>

namespace {

bool read_count(std::string_view text, std::size_t& out) {
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

int main(int argc, char** argv) {
    example::bot_options options;
    for (int i = 1; i < argc; ++i) {
        std::string_view const arg = argv[i];
        std::size_t n = 0;
        if (arg == "--replies" && i + 1 < argc && read_count(argv[i + 1], n)) {
            options.max_replies = n;
            ++i;
        } else if (arg == "--seconds" && i + 1 < argc && read_count(argv[i + 1], n)) {
            options.run_for = std::chrono::seconds(n);
            ++i;
        } else if (options.rule.empty() && !arg.starts_with("--")) {
            options.rule = arg;
        } else {
            options.rule.clear();
            break;
        }
    }
    if (options.rule.empty()) {
        std::cerr << "usage: stream_bot \"<rule>\" [--replies N] [--seconds S]\n";
        return 2;
    }
    return example::run([options](auto ex) -> boost::asio::awaitable<void> {
        // The bearer token serves the stream and its rules, the user's keys the replies: one client holds both.
        auto client = example::client_from_environment(ex, example::config_from_environment());
        auto const report = co_await example::run_stream_bot(client, client, options, std::cout);
        std::cout << "replied to " << report.replied << " of " << report.matched << " matching tweets ("
                  << report.stream.connections << " connection(s), " << report.stream.keep_alives
                  << " keep-alives)\n";
    });
}
