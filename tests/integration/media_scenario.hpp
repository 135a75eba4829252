#ifndef TWITTER_TESTS_INTEGRATION_MEDIA_SCENARIO_HPP
#define TWITTER_TESTS_INTEGRATION_MEDIA_SCENARIO_HPP

// What the media integration tests share: user-context clients of the emulator, a reading of the upload
// requests the emulator logged, and a clock that holds its waits until they are cancelled.

#include "integration/scenario.hpp"
#include "media_test_support.hpp"

#include <twitter/api.hpp>
#include <twitter/auth/oauth1_user_handler.hpp>
#include <twitter/auth/oauth2_bearer_handler.hpp>
#include <twitter/clock.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace test {

// Tweepy's API(OAuth1UserHandler(...)) with the emulator's seeded read-write user.
inline twitter::api oauth1_api(scenario const& s, twitter::client_config cfg) {
    auto const& keys = s.server.oauth1();
    auto auth = std::make_shared<twitter::oauth1_user_handler>(s.io.get_executor(), keys.consumer_key,
                                                               keys.consumer_secret, keys.access_token,
                                                               keys.access_token_secret, std::string(), cfg);
    return twitter::api(s.io.get_executor(), std::move(auth), std::move(cfg));
}

// A v2 client whose user context is the default user's OAuth 2.0 token (it has media.write).
inline twitter::client user_token_client(scenario const& s, twitter::client_config cfg) {
    auto auth = std::make_shared<twitter::oauth2_bearer_handler>(s.server.default_user_token(),
                                                                 twitter::auth_scheme::user_bearer);
    return twitter::client(s.io.get_executor(), std::move(auth), std::move(cfg));
}

// `n` bytes that differ from chunk to chunk, so that a misplaced chunk shows.
inline std::string pattern_bytes(std::size_t n) {
    std::string s(n, '\0');
    std::uint32_t x = 2463534242u;
    for (auto& c : s) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x);
    }
    return s;
}

// One logged request to an upload endpoint, with the fields it carried wherever they were (query, form, or
// multipart parts).
struct upload_call {
    std::string method;
    std::string path;
    std::string query;
    std::string command;  // v1.1 command, or for v2 "INIT", "APPEND", "FINALIZE", "STATUS", "" (one-shot)
    std::string media_id;
    std::string segment_index;
    std::string media_category;
    std::string total_bytes;
    std::string media_type;
    std::string content_type;
    std::optional<std::string> media;  // the binary part
    std::string body;
};

inline std::string header_of(twitter::emulator::logged_request const& r, std::string_view name) {
    for (auto const& [n, v] : r.headers)
        if (n == name) return v;
    return {};
}

// The decoded value of `name` in an application/x-www-form-urlencoded string, or "" when it is absent.
inline std::string form_value(std::string_view encoded, std::string_view name) {
    std::string const key = std::string(name) + "=";
    while (!encoded.empty()) {
        auto const amp = encoded.find('&');
        std::string_view const piece = encoded.substr(0, amp);
        encoded = amp == std::string_view::npos ? std::string_view() : encoded.substr(amp + 1);
        if (!piece.starts_with(key)) continue;
        std::string out;
        std::string_view const v = piece.substr(key.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i] == '%' && i + 2 < v.size()) {
                out += static_cast<char>(std::stoi(std::string(v.substr(i + 1, 2)), nullptr, 16));
                i += 2;
            } else {
                out += v[i] == '+' ? ' ' : v[i];
            }
        }
        return out;
    }
    return {};
}

inline upload_call read_upload_call(twitter::emulator::logged_request const& r) {
    upload_call c;
    c.method = r.method;
    auto const q = r.target.find('?');
    c.path = r.target.substr(0, q);
    c.query = q == std::string::npos ? std::string() : r.target.substr(q + 1);
    c.content_type = header_of(r, "content-type");
    c.body = r.body;
    auto take = [&](std::string_view name, std::string& out, std::string_view from) {
        std::string v = form_value(from, name);
        if (!v.empty()) out = std::move(v);
    };
    for (std::string_view name : {"command", "media_id", "segment_index", "media_category", "total_bytes",
                                  "media_type"}) {
        std::string* out = name == "command"          ? &c.command
                           : name == "media_id"       ? &c.media_id
                           : name == "segment_index"  ? &c.segment_index
                           : name == "media_category" ? &c.media_category
                           : name == "total_bytes"    ? &c.total_bytes
                                                      : &c.media_type;
        take(name, *out, c.query);
        if (c.content_type.starts_with("application/x-www-form-urlencoded")) take(name, *out, r.body);
    }
    if (auto const boundary = multipart_boundary(c.content_type)) {
        if (auto const fields = read_form(r.body, *boundary)) {
            for (auto const& f : *fields) {
                if (f.name == "media") c.media = f.data;
                else if (f.name == "command") c.command = f.data;
                else if (f.name == "media_id") c.media_id = f.data;
                else if (f.name == "segment_index") c.segment_index = f.data;
                else if (f.name == "media_category") c.media_category = f.data;
                else if (f.name == "media_type") c.media_type = f.data;
            }
        }
    }
    // The v2 steps name themselves in the path.
    if (c.path.starts_with("/2/media/upload")) {
        if (c.path.ends_with("/initialize")) c.command = "INIT";
        else if (c.path.ends_with("/append")) c.command = "APPEND";
        else if (c.path.ends_with("/finalize")) c.command = "FINALIZE";
        std::string_view const prefix = "/2/media/upload/";
        if (c.path.starts_with(prefix) && (c.path.ends_with("/append") || c.path.ends_with("/finalize"))) {
            auto const rest = c.path.substr(prefix.size());
            c.media_id = rest.substr(0, rest.find('/'));
        }
    }
    return c;
}

// The logged requests to the media endpoints, in order.
inline std::vector<upload_call> upload_calls(twitter::emulator::server const& server) {
    std::vector<upload_call> out;
    for (auto const& r : server.request_log())
        if (r.target.starts_with("/1.1/media/upload.json") || r.target.starts_with("/2/media/upload"))
            out.push_back(read_upload_call(r));
    return out;
}

inline std::size_t count_command(std::vector<upload_call> const& calls, std::string_view command) {
    std::size_t n = 0;
    for (auto const& c : calls) n += c.command == command ? 1 : 0;
    return n;
}

// Records each wait and holds it until its cancellation slot fires, then completes it with operation_aborted.
// Waits without a slot complete at once. Single-threaded use only.
class holding_clock final : public twitter::clock {
public:
    time_point now() const override { return time_point(std::chrono::seconds(1700000000)); }

    void async_wait(boost::asio::any_io_executor ex, std::chrono::milliseconds delay,
                    wait_handler handler) override {
        waits.push_back(delay);
        auto slot = boost::asio::get_associated_cancellation_slot(handler);
        if (!slot.is_connected()) {
            boost::asio::post(ex, boost::asio::append(std::move(handler), twitter::error_code{}));
            return;
        }
        ++held;
        auto h = std::make_shared<wait_handler>(std::move(handler));
        slot.assign([this, ex, h](boost::asio::cancellation_type) {
            --held;
            boost::asio::post(ex, boost::asio::append(std::move(*h), twitter::error_code(boost::asio::error::operation_aborted)));
        });
        if (on_hold) on_hold();
    }

    std::vector<std::chrono::milliseconds> waits;
    int held = 0;
    std::function<void()> on_hold;  // called once a wait is held
};

}  // namespace test

#endif
