// What the replay tests share (replay_v1_test.cpp, replay_v2_test.cpp, and any other test that makes the
// recorded interactions of ../shared/fixtures/recorded again, such as the media API's): reading the
// recordings, handing their responses to the replaying emulator, comparing the request the SDK sent with the
// recorded one, and checking typed fields against the recorded JSON. What differs by API (which
// interactions a test replays, how it reads a recorded request body, the typed models) stays in each test.
#pragma once

#include <twitter/emulator/server.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace test::replay {

namespace json = boost::json;

using query_list = std::vector<std::pair<std::string, std::string>>;

inline int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A query component as a server reads it: %XX is a byte, '+' a space.
inline std::string decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct target_parts {
    std::string path;
    query_list query;  // decoded, sorted: a multiset
};

// "https://api.twitter.com/2/x?a=1" or "/2/x?a=1".
inline target_parts split_target(std::string_view uri) {
    if (auto const scheme = uri.find("://"); scheme != std::string_view::npos) {
        auto const path = uri.find('/', scheme + 3);
        uri = path == std::string_view::npos ? std::string_view("/") : uri.substr(path);
    }
    target_parts out;
    auto const q = uri.find('?');
    out.path = std::string(uri.substr(0, q));
    if (q != std::string_view::npos) {
        std::string_view rest = uri.substr(q + 1);
        while (!rest.empty()) {
            auto const amp = rest.find('&');
            std::string_view const piece = rest.substr(0, amp);
            auto const eq = piece.find('=');
            out.query.emplace_back(decode(piece.substr(0, eq)), eq == std::string_view::npos
                                                                    ? std::string()
                                                                    : decode(piece.substr(eq + 1)));
            rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        }
    }
    std::sort(out.query.begin(), out.query.end());
    return out;
}

inline std::vector<std::string> split_csv(std::string const& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    for (;;) {
        auto const comma = s.find(',', pos);
        out.push_back(s.substr(pos, comma - pos));
        if (comma == std::string::npos) return out;
        pos = comma + 1;
    }
}

// One recorded request and its response. A test derives its own interaction from it, with the recorded
// request body in the form it needs.
struct recorded_interaction {
    std::string method;
    std::string uri;
    target_parts target;
    unsigned status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string response_body;

    std::string query(std::string_view name) const {
        for (auto const& [n, v] : target.query)
            if (n == name) return v;
        return {};
    }
};

template <class Interaction>
struct recording {
    std::string file;
    std::vector<Interaction> interactions;
};

// Every recorded file with interactions that `keep` keeps, in file-name order; the interactions in recorded
// order. `read_request_body` fills in the test's form of the recorded request body from the recorded request.
template <class Interaction>
std::vector<recording<Interaction>> read_recordings(
    std::function<bool(target_parts const&)> const& keep,
    std::function<void(json::object const& request, Interaction&)> const& read_request_body) {
    std::vector<std::filesystem::path> files;
    for (auto const& e : std::filesystem::directory_iterator(std::filesystem::path(TWITTER_SHARED_DIR) /
                                                             "fixtures" / "recorded"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<recording<Interaction>> out;
    for (auto const& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::string const text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        json::value const doc = json::parse(text);
        if (!doc.is_object() || !doc.as_object().contains("interactions")) continue;
        recording<Interaction> r;
        r.file = path.filename().string();
        for (json::value const& i : doc.at("interactions").as_array()) {
            json::object const& req = i.at("request").as_object();
            json::object const& res = i.at("response").as_object();
            Interaction x;
            x.method = std::string(req.at("method").as_string());
            x.uri = std::string(req.at("uri").as_string());
            x.target = split_target(x.uri);
            if (!keep(x.target)) continue;
            read_request_body(req, x);
            x.status = static_cast<unsigned>(res.at("status").to_number<std::int64_t>());
            for (auto const& h : res.at("headers").as_object())
                if (h.value().is_string())
                    x.headers.emplace_back(std::string(h.key()), std::string(h.value().get_string()));
            if (json::value const* b = res.if_contains("body"); b && b->is_string())
                x.response_body = std::string(b->get_string());
            r.interactions.push_back(std::move(x));
        }
        if (!r.interactions.empty()) out.push_back(std::move(r));
    }
    return out;
}

// The recorded responses, for the emulator to replay in recorded order.
template <class Interaction>
std::vector<twitter::emulator::recorded_exchange> exchanges_of(recording<Interaction> const& r) {
    std::vector<twitter::emulator::recorded_exchange> out;
    for (recorded_interaction const& x : r.interactions) {
        twitter::emulator::recorded_exchange e;
        e.method = x.method;
        e.target = x.uri;
        e.status = x.status;
        e.headers = x.headers;
        e.body = x.response_body;
        out.push_back(std::move(e));
    }
    return out;
}

// The request the SDK sent against the recorded one: the same method, path and query multiset. Each
// difference is added to `why`; the bodies are each test's to compare.
inline void compare_target(twitter::emulator::logged_request const& got, recorded_interaction const& want,
                           std::string& why) {
    target_parts const t = split_target(got.target);
    if (got.method != want.method) why += " method " + got.method;
    if (t.path != want.target.path) why += " path " + t.path;
    if (t.query != want.target.query) why += " query " + got.target;
}

// Typed fields against the recorded JSON, each failure a test failure that names the request. A test derives
// its own checker for the field types only its API has.
class checker {
public:
    explicit checker(std::string where) : where_(std::move(where)) {}
    bool ok() const noexcept { return ok_; }

    void expect(bool condition, std::string const& what) {
        BOOST_TEST(condition, where_ << ": " << what);
        ok_ = ok_ && condition;
    }
    // A required string member.
    void same(std::string const& got, json::object const& o, std::string_view key) {
        auto const* v = o.if_contains(key);
        expect(v && v->is_string() && got == v->get_string(), std::string(key) + " is \"" + got + "\"");
    }
    void same(std::optional<std::string> const& got, json::object const& o, std::string_view key) {
        auto const* v = o.if_contains(key);
        if (v && v->is_string())
            expect(got && *got == v->get_string(), std::string(key) + " as recorded");
        else
            expect(!got, std::string(key) + " absent as recorded");
    }
    void same(std::optional<bool> const& got, json::object const& o, std::string_view key) {
        auto const* v = o.if_contains(key);
        if (v && v->is_bool())
            expect(got && *got == v->get_bool(), std::string(key) + " as recorded");
        else
            expect(!got, std::string(key) + " absent as recorded");
    }
    void same(std::optional<std::uint64_t> const& got, json::object const& o, std::string_view key) {
        auto const* v = o.if_contains(key);
        if (v && v->is_number())
            expect(got && *got == v->to_number<std::uint64_t>(), std::string(key) + " as recorded");
        else
            expect(!got, std::string(key) + " absent as recorded");
    }

private:
    std::string where_;
    bool ok_ = true;
};

}  // namespace test::replay
