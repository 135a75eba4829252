#include "emulator/streams.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <utility>

namespace twitter::emulator::detail {

namespace json = boost::json;

std::string stream_line(world const& w, tweet_record const& t, field_selection const& f,
                        std::vector<stream_rule const*> const& rules) {
    json::object body;
    includes_builder includes(w, f);
    includes.expand_tweet(t);
    body["data"] = tweet_json(w, t, f);
    includes.write(body);
    if (!rules.empty()) {
        json::array matching;
        for (auto const* r : rules) {
            json::object m;
            m["id"] = r->id;
            if (!r->tag.empty()) {
                m["tag"] = r->tag;
            }
            matching.push_back(std::move(m));
        }
        body["matching_rules"] = std::move(matching);
    }
    auto line = json::serialize(body);
    line += "\r\n";
    return line;
}

stream_hub::stream_hub(stream_limits limits, world const& w)
    : limits_(limits), published_up_to_(w.tweets().empty() ? 0 : w.tweets().rbegin()->first) {}

bool stream_hub::offer(open_stream& s, world const& w, tweet_record const& t, rule_set const& rules) const {
    std::vector<stream_rule const*> matched;
    if (s.req.kind == stream_kind::filtered) {
        matched = rules.matching(w, t);
        if (matched.empty()) {
            return false;
        }
    }
    if (s.overflowed) {
        return true;  // the session is closing this stream: nothing more is kept for it
    }
    s.lines.push_back(stream_line(w, t, s.req.fields, matched));
    if (s.lines.size() > limits_.queue_limit) {
        s.overflowed = true;
        s.lines.clear();
    }
    return true;
}

std::optional<std::uint64_t> stream_hub::open(stream_request const& req, world const& w,
                                              rule_set const& rules, std::int64_t now_ms, wake_fn wake) {
    auto const same_kind = std::count_if(streams_.begin(), streams_.end(), [&](auto const& entry) {
        return entry.second.req.kind == req.kind;
    });
    if (static_cast<std::size_t>(same_kind) >= limits_.max_connections) {
        return std::nullopt;
    }
    auto const id = ++last_stream_id_;
    auto& s = streams_.emplace(id, open_stream{req, std::move(wake), {}, false}).first->second;
    if (req.backfill_minutes > 0) {
        auto const since = now_ms - req.backfill_minutes * 60'000;
        for (auto const& [tweet_id, t] : w.tweets()) {
            if (t.created_ms >= since && t.created_ms <= now_ms) {
                offer(s, w, t, rules);
            }
        }
    }
    if (!s.lines.empty() || s.overflowed) {
        s.wake();
    }
    return id;
}

void stream_hub::close(std::uint64_t id) { streams_.erase(id); }

void stream_hub::publish(world const& w, rule_set const& rules) {
    auto const& tweets = w.tweets();
    for (auto it = tweets.upper_bound(published_up_to_); it != tweets.end(); ++it) {
        published_up_to_ = it->first;
        for (auto& [id, s] : streams_) {
            if (offer(s, w, it->second, rules)) {
                s.wake();
            }
        }
    }
}

stream_hub::pending stream_hub::take(std::uint64_t id) {
    pending out;
    auto const it = streams_.find(id);
    if (it == streams_.end()) {
        return out;
    }
    auto& s = it->second;
    out.overflowed = s.overflowed;
    out.lines.assign(std::make_move_iterator(s.lines.begin()), std::make_move_iterator(s.lines.end()));
    s.lines.clear();
    return out;
}

}  // namespace twitter::emulator::detail
