#ifndef TWITTER_EXAMPLES_STREAM_BOT_BOT_HPP
#define TWITTER_EXAMPLES_STREAM_BOT_BOT_HPP

// A bot that listens to the filtered stream and replies to every Tweet its rule matches. Shared by the
// stream_bot example and `twitter-cli demo`.

#include <twitter/client.hpp>
#include <twitter/v2/stream.hpp>

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

namespace example {

struct bot_options {
    std::string rule;  // in X's rule language, e.g. "cats -is:retweet"
    std::string reply = "Thanks for posting!";
    std::optional<std::size_t> max_replies;          // stop after this many replies
    std::optional<std::chrono::milliseconds> run_for;  // stop after this long
};

struct bot_report {
    std::size_t matched = 0;  // Tweets the stream delivered
    std::size_t replied = 0;
    twitter::v2::stream_stats stream;
};

// `app` holds the app-only bearer token (streams and rules want it); `user` posts the replies. Adds the rule
// unless it exists, reads the stream, replies to every matching Tweet not written by the user itself (its
// own replies may match the rule too), and deletes the rule it added when it stops.
boost::asio::awaitable<bot_report> run_stream_bot(twitter::client& app, twitter::client& user,
                                                  bot_options options, std::ostream& log);

}  // namespace example

#endif
