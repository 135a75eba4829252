#ifndef TWITTER_LIB_EMULATOR_TIMESTAMPS_HPP
#define TWITTER_LIB_EMULATOR_TIMESTAMPS_HPP

// Times as X writes them, and X's snowflake ids, which carry their creation time. Pure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twitter::emulator::detail {

// Milliseconds of X's epoch (2010-11-04T01:42:54.657Z) since the Unix epoch.
inline constexpr std::int64_t twitter_epoch_ms = 1288834974657;

// The Unix time in milliseconds encoded in a snowflake id (ids from before snowflakes give 0).
std::int64_t snowflake_ms(std::uint64_t id);
// The smallest snowflake id of the millisecond `unix_ms`.
std::uint64_t snowflake_of(std::int64_t unix_ms);

// API v2: "2021-10-07T07:41:18.000Z".
std::string iso8601(std::int64_t unix_ms);
// Accepts "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DDTHH:MM:SS.sssZ" (RFC 3339 in UTC, as X requires).
std::optional<std::int64_t> parse_iso8601(std::string_view text);

// API v1.1: "Wed Oct 10 20:19:24 +0000 2018".
std::string v1_time(std::int64_t unix_ms);

}  // namespace twitter::emulator::detail

#endif
