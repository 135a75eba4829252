#include "emulator/replay.hpp"

#include "emulator/encoding.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace twitter::emulator::detail {

namespace {

// Query values as a form decodes them; a malformed escape is kept as written, as the router does.
std::string decode(std::string_view s) { return percent_decode(s, true).value_or(std::string(s)); }

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

replay_key make_replay_key(std::string_view method, std::string_view target) {
    // The fixtures name api.twitter.com and upload.twitter.com; the emulator serves both on one origin.
    if (auto const scheme = target.find("://");
        scheme != std::string_view::npos && scheme < target.find('/')) {
        auto const path_start = target.find('/', scheme + 3);
        target = path_start == std::string_view::npos ? std::string_view("/") : target.substr(path_start);
    }
    if (auto const hash = target.find('#'); hash != std::string_view::npos) {
        target = target.substr(0, hash);
    }
    replay_key key;
    key.method = std::string(method);
    auto const q = target.find('?');
    key.path = std::string(target.substr(0, q));
    auto query = q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);
    while (!query.empty()) {
        auto const amp = query.find('&');
        auto const pair = query.substr(0, amp);
        if (!pair.empty()) {
            auto const eq = pair.find('=');
            key.query.emplace_back(decode(pair.substr(0, eq)), eq == std::string_view::npos
                                                                   ? std::string{}
                                                                   : decode(pair.substr(eq + 1)));
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query.remove_prefix(amp + 1);
    }
    std::sort(key.query.begin(), key.query.end());
    return key;
}

bool is_hop_by_hop(std::string_view header) {
    static constexpr std::array<std::string_view, 11> names{
        "connection",      "keep-alive", "proxy-connection",   "transfer-encoding",   "te",
        "trailer",         "upgrade",    "proxy-authenticate", "proxy-authorization", "content-length",
        "content-encoding"};
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return iequals(n, header); });
}

void replay_queue::add(recorded_exchange e) {
    std::erase_if(e.headers, [](auto const& h) { return is_hop_by_hop(h.first); });
    auto key = make_replay_key(e.method, e.target);
    entries_.push_back({std::move(key), std::move(e)});
}

std::optional<recorded_exchange> replay_queue::take(std::string_view method, std::string_view target) {
    if (entries_.empty()) {
        return std::nullopt;
    }
    auto const key = make_replay_key(method, target);
    auto const it =
        std::find_if(entries_.begin(), entries_.end(), [&](entry const& e) { return e.key == key; });
    if (it == entries_.end()) {
        return std::nullopt;
    }
    auto out = std::move(it->exchange);
    entries_.erase(it);
    return out;
}

}  // namespace twitter::emulator::detail
