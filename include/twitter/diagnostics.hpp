#ifndef TWITTER_DIAGNOSTICS_HPP
#define TWITTER_DIAGNOSTICS_HPP

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace twitter {

// One entry of an X error body. X answers in three shapes: `errors[]` (v2 and v1.1), `error` and
// `error_description` (OAuth 2.0), and problem JSON (`title`, `detail`, `type`). All end up here.
struct api_error {
    std::optional<int> code;  // v1.1 numeric code, e.g. 88 for "Rate limit exceeded"
    std::string title;
    std::string detail;  // or v1.1 "message", or OAuth "error_description"
    std::string type;    // problem type URI, or OAuth "error"
    std::string parameter;
    std::string value;
};

// The x-rate-limit-* headers of one response.
struct rate_limit {
    std::uint64_t limit = 0;
    std::uint64_t remaining = 0;
    std::int64_t reset = 0;  // seconds since the Unix epoch
};

// Every rate limit a response reported. X sends the 15-minute window of the endpoint on most answers, and
// the 24-hour limits of the app and the user on some writes (POST /2/tweets).
struct rate_limits {
    std::optional<rate_limit> window;       // x-rate-limit-limit/remaining/reset
    std::optional<rate_limit> app_24hour;   // x-app-limit-24hour-limit/remaining/reset
    std::optional<rate_limit> user_24hour;  // x-user-limit-24hour-limit/remaining/reset

    bool empty() const noexcept { return !window && !app_24hour && !user_24hour; }
};

// What went wrong, in more words than an error_code. Filled on failure; never holds a secret.
struct diagnostics {
    unsigned http_status = 0;      // 0 when no response arrived
    std::string message;           // a human-readable summary, e.g. the TLS verification failure
    std::vector<api_error> errors;  // parsed from the error body
    rate_limits limits;

    void clear() { *this = {}; }
};

std::ostream& operator<<(std::ostream& os, diagnostics const& d);

}  // namespace twitter

#endif
