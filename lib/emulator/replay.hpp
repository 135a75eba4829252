#ifndef TWITTER_LIB_EMULATOR_REPLAY_HPP
#define TWITTER_LIB_EMULATOR_REPLAY_HPP

// Recorded exchanges queued for replay. Pure: the server asks it, under its lock, whether a request has a
// recorded answer; the unit tests ask it directly.

#include <twitter/emulator/server.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitter::emulator::detail {

// What identifies a request for replay: the method, the path, and the decoded query parameters sorted, so
// that their order does not matter but their repetitions do.
struct replay_key {
    std::string method;
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;

    friend bool operator==(replay_key const&, replay_key const&) = default;
};

// `target` may be a path with its query or an absolute URL, whose scheme and authority are ignored.
replay_key make_replay_key(std::string_view method, std::string_view target);

// True for headers a proxy must not forward (RFC 9110 7.6.1) and for the framing headers the emulator
// writes itself (Content-Length, Content-Encoding: the recorded body is stored decoded).
bool is_hop_by_hop(std::string_view header);

class replay_queue {
public:
    // Queues `e` after the others; its hop-by-hop headers are dropped here.
    void add(recorded_exchange e);
    void clear() { entries_.clear(); }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    // The earliest queued exchange that matches, removed from the queue; nullopt when none does.
    std::optional<recorded_exchange> take(std::string_view method, std::string_view target);

private:
    struct entry {
        replay_key key;
        recorded_exchange exchange;
    };
    std::vector<entry> entries_;
};

}  // namespace twitter::emulator::detail

#endif
