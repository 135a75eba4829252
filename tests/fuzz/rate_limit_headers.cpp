// The x-rate-limit-* headers and X's 24-hour limits (x-app-limit-24hour-*, x-user-limit-24hour-*), as the
// pipeline reads them from every response.
//
// Input: headers, one a line, "name:value".
// Invariants: parse_rate_limit is the window of parse_rate_limits; the case of the names does not matter;
// each limit read survives a round trip through canonical headers with decimal values; a limit is read only
// when its three headers are all present.

#include "core/rate_limit_headers.hpp"
#include "fuzz_check.hpp"

#include <cctype>
#include <optional>
#include <string>
#include <vector>

using namespace twitter;

namespace {

bool same(std::optional<rate_limit> const& a, std::optional<rate_limit> const& b) {
    if (!a || !b) return !a && !b;
    return a->limit == b->limit && a->remaining == b->remaining && a->reset == b->reset;
}

bool same(rate_limits const& a, rate_limits const& b) {
    return same(a.window, b.window) && same(a.app_24hour, b.app_24hour) && same(a.user_24hour, b.user_24hour);
}

bool has_header(std::vector<http::header> const& headers, std::string const& name) {
    for (http::header const& h : headers) {
        if (h.name.size() != name.size()) continue;
        bool equal = true;
        for (std::size_t i = 0; i < name.size() && equal; ++i)
            equal = std::tolower(static_cast<unsigned char>(h.name[i])) == name[i];
        if (equal) return true;
    }
    return false;
}

void check_limit(std::vector<http::header> const& headers, rate_limits const& all,
                 std::optional<rate_limit> rate_limits::*which, std::string const& prefix) {
    std::optional<rate_limit> const& got = all.*which;
    if (!got) return;
    for (char const* part : {"limit", "remaining", "reset"}) FUZZ_CHECK(has_header(headers, prefix + part));
    FUZZ_CHECK(got->reset >= 0);
    std::vector<http::header> const canonical{{prefix + "limit", std::to_string(got->limit)},
                                              {prefix + "remaining", std::to_string(got->remaining)},
                                              {prefix + "reset", std::to_string(got->reset)}};
    rate_limits expected;
    expected.*which = got;
    FUZZ_CHECK(same(core::parse_rate_limits(canonical), expected));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view in = fuzz::as_text(data, size);
    std::vector<http::header> headers;
    while (!in.empty()) {
        std::string_view const line = fuzz::take_line(in);
        auto const colon = line.find(':');
        headers.push_back({std::string(line.substr(0, colon)),
                           colon == std::string_view::npos ? std::string() : std::string(line.substr(colon + 1))});
    }

    rate_limits const all = core::parse_rate_limits(headers);
    FUZZ_CHECK(same(core::parse_rate_limit(headers), all.window));

    std::vector<http::header> upper = headers;
    for (http::header& h : upper)
        for (char& c : h.name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    FUZZ_CHECK(same(core::parse_rate_limits(upper), all));

    check_limit(headers, all, &rate_limits::window, "x-rate-limit-");
    check_limit(headers, all, &rate_limits::app_24hour, "x-app-limit-24hour-");
    check_limit(headers, all, &rate_limits::user_24hour, "x-user-limit-24hour-");
    return 0;
}
