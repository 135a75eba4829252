#include "core/retry.hpp"

#include "core/backoff.hpp"

#include <algorithm>
#include <random>

namespace twitter::core {
namespace {

bool retryable_status(unsigned status) noexcept {
    return status == 500 || status == 502 || status == 503 || status == 504;
}

bool all_digits(std::string_view s) noexcept {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::chrono::milliseconds> retry_delay(retry_policy const& policy, http::verb method,
                                                     error_code const& failure, unsigned status,
                                                     unsigned retries_done, double u) noexcept {
    if (!http::is_idempotent(method) || retries_done >= policy.max_retries) return std::nullopt;
    bool const passing = failure ? is_transient(failure) && failure.category() != api_category()
                                 : retryable_status(status);
    if (!passing) return std::nullopt;
    return backoff_delay(policy.backoff, retries_done, u);
}

std::string endpoint_key(http::verb method, std::string_view path) {
    std::string key(http::to_string(method));
    key += ' ';
    bool after_username = false;
    // The first segment is the API version ("2", "1.1"), never an id.
    std::size_t start = path.find('/', 1);
    key.append(path.substr(0, start));
    while (start < path.size()) {
        std::size_t const slash = path.find('/', start + 1);
        std::string_view segment = path.substr(start, slash == std::string_view::npos ? path.npos : slash - start);
        std::string_view name = segment.substr(segment.empty() || segment.front() != '/' ? 0 : 1);
        std::string_view suffix;
        if (name.ends_with(".json")) {
            suffix = ".json";
            name.remove_suffix(suffix.size());
        }
        if (after_username) {
            key.append("/:username").append(suffix);
        } else if (all_digits(name)) {
            key.append("/:id").append(suffix);
        } else {
            key.append(segment);
        }
        after_username = key.ends_with("/by/username");
        if (slash == std::string_view::npos) break;
        start = slash;
    }
    return key;
}

double jitter_sample() noexcept {
    thread_local std::minstd_rand engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace twitter::core
