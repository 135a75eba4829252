#include "emulator/timestamps.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace twitter::emulator::detail {

namespace {

// Howard Hinnant's days_from_civil and civil_from_days: proleptic Gregorian calendar, no time zones.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
    auto const yoe = static_cast<unsigned>(y - era * 400);
    unsigned const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

civil civil_from_days(std::int64_t z) {
    z += 719468;
    std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
    auto const doe = static_cast<unsigned>(z - era * 146097);
    unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned const mp = (5 * doy + 2) / 153;
    unsigned const d = doy - (153 * mp + 2) / 5 + 1;
    unsigned const m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

struct broken_down {
    civil date;
    unsigned hour, minute, second, millis;
    unsigned weekday;  // 0 = Sunday
};

broken_down split(std::int64_t unix_ms) {
    std::int64_t days = unix_ms / 86400000;
    std::int64_t rest = unix_ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    broken_down b{civil_from_days(days),
                  static_cast<unsigned>(rest / 3600000),
                  static_cast<unsigned>(rest / 60000 % 60),
                  static_cast<unsigned>(rest / 1000 % 60),
                  static_cast<unsigned>(rest % 1000),
                  static_cast<unsigned>(((days % 7) + 11) % 7)};
    return b;
}

bool digits(std::string_view text, std::size_t pos, std::size_t n, unsigned& out) {
    if (pos + n > text.size()) {
        return false;
    }
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        out = out * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

}  // namespace

std::int64_t snowflake_ms(std::uint64_t id) {
    // Snowflakes began in November 2010 with ids far above the old sequential ones.
    if (id < (std::uint64_t{1} << 32)) {
        return 0;
    }
    return static_cast<std::int64_t>(id >> 22) + twitter_epoch_ms;
}

std::uint64_t snowflake_of(std::int64_t unix_ms) {
    return unix_ms <= twitter_epoch_ms ? 0 : static_cast<std::uint64_t>(unix_ms - twitter_epoch_ms) << 22;
}

std::string iso8601(std::int64_t unix_ms) {
    auto const b = split(unix_ms);
    std::array<char, 40> buf{};
    auto const n = std::snprintf(buf.data(), buf.size(), "%04lld-%02u-%02uT%02u:%02u:%02u.%03uZ",
                                 static_cast<long long>(b.date.year), b.date.month, b.date.day, b.hour,
                                 b.minute, b.second, b.millis);
    return std::string(buf.data(), static_cast<std::size_t>(n));
}

std::optional<std::int64_t> parse_iso8601(std::string_view t) {
    unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    if (!digits(t, 0, 4, y) || t.size() < 20 || t[4] != '-' || !digits(t, 5, 2, mo) || t[7] != '-' ||
        !digits(t, 8, 2, d) || t[10] != 'T' || !digits(t, 11, 2, h) || t[13] != ':' ||
        !digits(t, 14, 2, mi) || t[16] != ':' || !digits(t, 17, 2, s)) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (t[pos] == '.') {
        std::size_t end = pos + 1;
        while (end < t.size() && t[end] >= '0' && t[end] <= '9') {
            ++end;
        }
        if (end == pos + 1) {
            return std::nullopt;
        }
        unsigned frac = 0;
        auto const n = std::min<std::size_t>(end - pos - 1, 3);
        digits(t, pos + 1, n, frac);
        for (auto i = n; i < 3; ++i) {
            frac *= 10;
        }
        ms = frac;
        pos = end;
    }
    if (pos + 1 != t.size() || t[pos] != 'Z' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
        s > 60) {
        return std::nullopt;
    }
    return days_from_civil(y, mo, d) * 86400000 + std::int64_t{h} * 3600000 + std::int64_t{mi} * 60000 +
           std::int64_t{s} * 1000 + ms;
}

std::string v1_time(std::int64_t unix_ms) {
    static constexpr std::array<char const*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<char const*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto const b = split(unix_ms);
    std::array<char, 48> buf{};
    auto const n = std::snprintf(buf.data(), buf.size(), "%s %s %02u %02u:%02u:%02u +0000 %04lld",
                                 days[b.weekday], months[b.date.month - 1], b.date.day, b.hour, b.minute,
                                 b.second, static_cast<long long>(b.date.year));
    return std::string(buf.data(), static_cast<std::size_t>(n));
}

}  // namespace twitter::emulator::detail
