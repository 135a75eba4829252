// API v2 timelines, recent and full-archive search, and tweet counts.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/search.hpp"
#include "emulator/timestamps.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::int64_t day_ms = 86'400'000;
constexpr std::string_view tweet_read = "tweet.read users.read";

// since_id and until_id (exclusive), start_time (inclusive) and end_time (exclusive).
struct time_filter {
    std::optional<id_type> since_id;
    std::optional<id_type> until_id;
    std::optional<std::int64_t> start_ms;
    std::optional<std::int64_t> end_ms;

    bool keeps(tweet_record const& t) const {
        return (!since_id || t.id > *since_id) && (!until_id || t.id < *until_id) &&
               (!start_ms || t.created_ms >= *start_ms) && (!end_ms || t.created_ms < *end_ms);
    }
};

std::optional<time_filter> read_filter(call const& c, api_response& error) {
    time_filter f;
    for (auto const name : {"since_id", "until_id"}) {
        if (auto const* v = c.arg(name)) {
            auto const id = parse_id(*v);
            if (!id) {
                error = invalid_parameter(name, *v);
                return std::nullopt;
            }
            (std::string_view(name) == "since_id" ? f.since_id : f.until_id) = id;
        }
    }
    for (auto const name : {"start_time", "end_time"}) {
        if (auto const* v = c.arg(name)) {
            auto const ms = parse_iso8601(*v);
            if (!ms) {
                error = invalid_parameter(name, *v);
                return std::nullopt;
            }
            (std::string_view(name) == "start_time" ? f.start_ms : f.end_ms) = ms;
        }
    }
    if (f.start_ms && f.end_ms && *f.start_ms >= *f.end_ms) {
        error = invalid_body("Invalid 'start_time': 'start_time' must be before 'end_time'.");
        return std::nullopt;
    }
    return f;
}

std::vector<id_type> filtered(world const& w, std::vector<id_type> ids, time_filter const& f) {
    std::erase_if(ids, [&](id_type id) {
        auto const* t = w.tweet(id);
        return t == nullptr || !f.keeps(*t);
    });
    return ids;
}

api_response timeline(call& c, std::vector<id_type> ids, page_limits limits, std::size_t cap) {
    api_response error;
    auto const filter = read_filter(c, error);
    if (!filter) {
        return error;
    }
    auto kept = exclude_tweets(c, filtered(c.w, std::move(ids), *filter), error);
    if (!kept) {
        return error;
    }
    if (kept->size() > cap) {
        kept->resize(cap);
    }
    return tweet_page(c, *kept, limits);
}

api_response user_tweets(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return timeline(c, c.w.tweets_of(*id), {5, 100, 10}, 3200);
}

api_response user_mentions(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return timeline(c, c.w.mentions_of(*id), {5, 100, 10}, 800);
}

api_response home_timeline(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    if (!me) {
        return error;
    }
    return timeline(c, c.w.home_timeline(*me), {1, 100, 100}, 3200);
}

// The query, parsed; a 400 when it is missing, too long or malformed.
std::optional<search_query> read_query(call const& c, std::size_t max_length, api_response& error) {
    auto const* q = c.arg("query");
    if (q == nullptr || q->empty()) {
        error = missing_parameter("query");
        return std::nullopt;
    }
    if (q->size() > max_length) {
        error = invalid_body("Invalid 'query': the query is longer than " + std::to_string(max_length) +
                             " characters.");
        return std::nullopt;
    }
    auto parsed = search_query::parse(*q);
    if (!parsed) {
        error = invalid_parameter("query", *q);
    }
    return parsed;
}

// The recent endpoints see the last seven days only; start_time may not go further back.
bool within_recent(call const& c, time_filter& f, api_response& error) {
    auto const earliest = c.now_ms - 7 * day_ms;
    if (f.start_ms && *f.start_ms < earliest) {
        error = invalid_body("Invalid 'start_time':'" + iso8601(*f.start_ms) +
                             "'. 'start_time' must be on or after " + iso8601(earliest));
        return false;
    }
    if (!f.start_ms) {
        f.start_ms = earliest;
    }
    return true;
}

// The ids of matching tweets, newest first.
std::vector<id_type> matching(call const& c, search_query const& q, time_filter const& f) {
    std::vector<id_type> out;
    for (auto it = c.w.tweets().rbegin(); it != c.w.tweets().rend(); ++it) {
        if (f.keeps(it->second) && q.matches(c.w, it->second)) {
            out.push_back(it->first);
        }
    }
    return out;
}

api_response search(call& c, bool recent) {
    api_response error;
    auto const q = read_query(c, recent ? 512 : 1024, error);
    if (!q) {
        return error;
    }
    auto filter = read_filter(c, error);
    if (!filter || (recent && !within_recent(c, *filter, error))) {
        return error;
    }
    if (auto const* order = c.arg("sort_order");
        order != nullptr && *order != "recency" && *order != "relevancy") {
        return invalid_parameter("sort_order", *order);
    }
    // X documents next_token for search and accepts pagination_token too.
    if (c.arg("next_token") == nullptr) {
        if (auto const* token = c.arg("pagination_token")) {
            c.args.push_back({"next_token", *token});
        }
    }
    return tweet_page(c, matching(c, *q, *filter), {10, recent ? 100u : 500u, 10, "next_token"});
}

api_response search_recent(call& c) { return search(c, true); }
api_response search_all(call& c) { return search(c, false); }

std::int64_t floor_to(std::int64_t ms, std::int64_t step) { return ms - ((ms % step) + step) % step; }

api_response counts(call& c, bool recent) {
    api_response error;
    auto const q = read_query(c, recent ? 512 : 1024, error);
    if (!q) {
        return error;
    }
    auto filter = read_filter(c, error);
    if (!filter || (recent && !within_recent(c, *filter, error))) {
        return error;
    }
    std::int64_t step = 3'600'000;
    if (auto const* g = c.arg("granularity")) {
        if (*g == "minute") {
            step = 60'000;
        } else if (*g == "day") {
            step = day_ms;
        } else if (*g != "hour") {
            return invalid_parameter("granularity", *g);
        }
    }
    auto const start = filter->start_ms.value_or(c.now_ms - 30 * day_ms);
    // Up to and including the current millisecond, so that a tweet made just now is counted.
    auto const end = filter->end_ms.value_or(c.now_ms + 1);
    filter->start_ms = start;
    filter->end_ms = end;
    std::vector<std::int64_t> times;
    for (auto const id : matching(c, *q, *filter)) {
        times.push_back(c.w.tweet(id)->created_ms);
    }
    std::sort(times.begin(), times.end());
    // Buckets are aligned to the granularity, except the first, which starts at start_time.
    std::vector<std::pair<std::int64_t, std::int64_t>> buckets;
    for (auto from = start; from < end;) {
        auto const to = std::min(floor_to(from, step) + step, end);
        buckets.emplace_back(from, to);
        from = to;
    }
    // counts/all pages through long ranges 31 days at a time.
    std::size_t offset = 0;
    auto const per_page = recent ? buckets.size() : static_cast<std::size_t>(31 * day_ms / step);
    if (!recent) {
        if (auto const* token = c.arg("next_token")) {
            auto const o = read_page_token(*token);
            if (!o) {
                return invalid_parameter("next_token", *token);
            }
            offset = *o;
        }
    }
    json::array data;
    std::size_t total = 0;
    auto const last = std::min(buckets.size(), offset + per_page);
    for (auto i = offset; i < last; ++i) {
        auto const [from, to] = buckets[i];
        auto const n = static_cast<std::size_t>(std::lower_bound(times.begin(), times.end(), to) -
                                                std::lower_bound(times.begin(), times.end(), from));
        total += n;
        data.push_back(json::object{{"end", iso8601(to)}, {"start", iso8601(from)}, {"tweet_count", n}});
    }
    json::object meta;
    meta["total_tweet_count"] = total;
    if (last < buckets.size()) {
        meta["next_token"] = page_token(last);
    }
    json::object body;
    if (!data.empty()) {
        body["data"] = std::move(data);
    }
    body["meta"] = std::move(meta);
    return make_json(200, body);
}

api_response counts_recent(call& c) { return counts(c, true); }
api_response counts_all(call& c) { return counts(c, false); }

}  // namespace

std::vector<route> v2_search_routes() {
    return {
        {"GET", "/2/users/:id/tweets", user_tweets, access::any, tweet_read, false, 1500},
        {"GET", "/2/users/:id/mentions", user_mentions, access::any, tweet_read, false, 450},
        {"GET", "/2/users/:id/timelines/reverse_chronological", home_timeline, access::user, tweet_read,
         false, 180},
        {"GET", "/2/tweets/search/recent", search_recent, access::any, tweet_read, false, 450},
        {"GET", "/2/tweets/search/all", search_all, access::any, tweet_read, false, 300},
        {"GET", "/2/tweets/counts/recent", counts_recent, access::any, tweet_read, false, 300},
        {"GET", "/2/tweets/counts/all", counts_all, access::any, tweet_read, false, 300},
    };
}

}  // namespace twitter::emulator::detail
