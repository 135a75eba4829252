#ifndef TWITTER_BENCH_JSON_LINE_HPP
#define TWITTER_BENCH_JSON_LINE_HPP

// The line every benchmark prints, one JSON object per measurement (docs/performance.md):
// {"bench": .., "subject": .., "metric": .., "value": ..} and, for a ratio, "baseline" and "ratio".
// Names are plain identifiers chosen here, so they need no JSON escaping.

#include <cstdio>
#include <string_view>

namespace bench {

inline void print_value(std::string_view bench, std::string_view subject, std::string_view metric, double value) {
    std::printf("{\"bench\":\"%.*s\",\"subject\":\"%.*s\",\"metric\":\"%.*s\",\"value\":%.3f}\n",
                static_cast<int>(bench.size()), bench.data(), static_cast<int>(subject.size()), subject.data(),
                static_cast<int>(metric.size()), metric.data(), value);
    std::fflush(stdout);
}

inline void print_ratio(std::string_view bench, std::string_view subject, std::string_view metric, double value,
                        std::string_view baseline, double ratio) {
    std::printf(
        "{\"bench\":\"%.*s\",\"subject\":\"%.*s\",\"metric\":\"%.*s\",\"value\":%.3f,\"baseline\":\"%.*s\","
        "\"ratio\":%.3f}\n",
        static_cast<int>(bench.size()), bench.data(), static_cast<int>(subject.size()), subject.data(),
        static_cast<int>(metric.size()), metric.data(), value, static_cast<int>(baseline.size()),
        baseline.data(), ratio);
    std::fflush(stdout);
}

}  // namespace bench

#endif
