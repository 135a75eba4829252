#ifndef TWITTER_LIB_EMULATOR_STREAMS_HPP
#define TWITTER_LIB_EMULATOR_STREAMS_HPP

// The open filtered and sample streams, without their sockets: which tweets each one gets, as the lines X
// writes, queued until the server's stream session takes them. Pure: the server wakes a session through
// the callback it registered, and does every write itself.

#include "emulator/stream_rules.hpp"
#include "emulator/v2_fields.hpp"
#include "emulator/world.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

enum class stream_kind { filtered, sample };

// What a stream endpoint accepted: the server opens the stream from it.
struct stream_request {
    stream_kind kind = stream_kind::sample;
    field_selection fields;
    std::int64_t backfill_minutes = 0;
};

// X's answer to one connection more than the stream allows (HTTP 429).
inline constexpr std::string_view too_many_connections_body =
    R"({"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection )"
    R"(limit.","connection_issue":"TooManyConnections",)"
    R"("type":"https://api.twitter.com/2/problems/streaming-connection"})";

// The line X sends before it closes a stream for its own reasons (and for a client too slow to keep up).
inline constexpr std::string_view operational_disconnect_line =
    R"({"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect",)"
    R"("detail":"This stream has been disconnected upstream for operational reasons.",)"
    R"("type":"https://api.twitter.com/2/problems/operational-disconnect"}]})"
    "\r\n";

// One stream line: the tweet as the lookup endpoint renders it, "includes" when something was expanded,
// and "matching_rules" when `rules` is not empty; ends in "\r\n".
std::string stream_line(world const& w, tweet_record const& t, field_selection const& f,
                        std::vector<stream_rule const*> const& rules);

struct stream_limits {
    std::size_t max_connections = 1;  // per stream kind (the emulator has one app)
    std::size_t queue_limit = 10000;  // lines waiting for a slow client before it is cut off
};

class stream_hub {
public:
    using wake_fn = std::function<void()>;

    // Tweets already in `w` are history: only backfill sends them.
    stream_hub(stream_limits limits, world const& w);

    // Registers a stream and queues its backfill (the matching tweets of the last backfill_minutes, oldest
    // first). Empty when its kind is at the connection limit. `wake` is called, under the caller's lock,
    // whenever lines are queued; it must only schedule the session.
    std::optional<std::uint64_t> open(stream_request const& req, world const& w, rule_set const& rules,
                                      std::int64_t now_ms, wake_fn wake);
    void close(std::uint64_t id);
    // Queues every tweet created since the last call for the open streams it belongs to.
    void publish(world const& w, rule_set const& rules);

    struct pending {
        std::vector<std::string> lines;
        bool overflowed = false;  // the queue went past the limit: the client is too slow, cut it off
    };
    // Takes the lines queued for stream `id`.
    pending take(std::uint64_t id);

    std::size_t open_count() const { return streams_.size(); }

private:
    struct open_stream {
        stream_request req;
        wake_fn wake;
        std::deque<std::string> lines;
        bool overflowed = false;
    };
    // Queues `t` if it belongs to `s`; false when it does not.
    bool offer(open_stream& s, world const& w, tweet_record const& t, rule_set const& rules) const;

    stream_limits limits_;
    id_type published_up_to_ = 0;
    std::uint64_t last_stream_id_ = 0;
    std::map<std::uint64_t, open_stream> streams_;
};

}  // namespace twitter::emulator::detail

#endif
