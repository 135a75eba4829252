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

// What went wrong, in more words than an error_code. Filled on failure; never holds a secret.
struct diagnostics {
    unsigned http_status = 0;      // 0 when no response arrived
    std::string message;           // a human-readable summary, e.g. the TLS verification failure
    std::vector<api_error> errors;  // parsed from the error body
    std::optional<rate_limit> limits;

    void clear() { *this = {}; }
};

std::ostream& operator<<(std::ostream& os, diagnostics const& d);

}  // namespace twitter

#endif
