// A stream's body as it arrives: cut into reads of any size, reassembled into lines by core::line_splitter,
// each line read as a v2 stream event (the path lib/client/stream.cpp runs).
//
// Input: one byte for the line limit (1 to 256 bytes, or 4 MiB when 0), one byte seeding the read sizes, then
// the body.
// Invariants: when no line passes the limit, the lines and keep-alives of the reads are exactly those
// split_lines finds in the whole body; no line is empty or holds '\n'; `consumed` never passes the read;
// pending() stays within the limit (plus a possible '\r'); line_too_long only when some line, complete or
// not, really passes the limit; a parsed line's raw_json is the line.

#include "core/stream_lines.hpp"
#include "fuzz_check.hpp"

#include <twitter/v2/stream.hpp>

#include <string>
#include <vector>

using namespace twitter;

namespace {

// The longest line of `data`, without its "\r\n" (or "\n"); an unfinished last line counts without a last "\r",
// which may be half of its terminator.
std::size_t longest_line(std::string_view data) {
    std::size_t longest = 0;
    while (!data.empty()) {
        auto const newline = data.find('\n');
        std::string_view line = data.substr(0, newline);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        longest = std::max(longest, line.size());
        if (newline == std::string_view::npos) break;
        data.remove_prefix(newline + 1);
    }
    return longest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view body = fuzz::as_text(data, size);
    unsigned char const limit_byte = fuzz::take_byte(body);
    unsigned seed = fuzz::take_byte(body);
    std::size_t const max_line = limit_byte == 0 ? 4 * 1024 * 1024 : limit_byte;

    core::line_splitter splitter(max_line);
    std::vector<std::string> lines;
    std::size_t keep_alives = 0;
    std::size_t fed = 0;
    while (fed < body.size()) {
        seed = seed * 1103515245u + 12345u;
        std::size_t const read = std::min<std::size_t>(body.size() - fed, 1 + (seed >> 16) % 64);
        // A copy, so that AddressSanitizer sees a view kept past its read.
        std::string const chunk(body.substr(fed, read));
        fed += read;

        core::split_lines_result out;
        error_code const ec = splitter.feed(chunk, out);
        if (ec) {
            FUZZ_CHECK(ec == protocol_errc::line_too_long);
            FUZZ_CHECK(out.lines.empty() && out.consumed == 0 && out.keep_alives == 0);
            FUZZ_CHECK(splitter.pending() == 0);
            FUZZ_CHECK(longest_line(body.substr(0, fed)) > max_line);
            return 0;
        }
        FUZZ_CHECK(out.consumed <= chunk.size());
        FUZZ_CHECK(splitter.pending() <= max_line + 1);
        for (std::string_view const line : out.lines) {
            FUZZ_CHECK(!line.empty() && line.size() <= max_line);
            FUZZ_CHECK(line.find('\n') == std::string_view::npos);
            v2::stream_event event;
            if (!v2::parse(line, event)) FUZZ_CHECK(event.raw_json == line);
            lines.emplace_back(line);
        }
        keep_alives += out.keep_alives;
    }

    core::split_lines_result const whole = core::split_lines(body);
    FUZZ_CHECK(whole.consumed <= body.size());
    FUZZ_CHECK(lines.size() == whole.lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) FUZZ_CHECK(lines[i] == whole.lines[i]);
    FUZZ_CHECK(keep_alives == whole.keep_alives);
    FUZZ_CHECK(splitter.pending() == body.size() - whole.consumed);
    return 0;
}
