#ifndef TWITTER_CORE_RATE_LIMIT_HEADERS_HPP
#define TWITTER_CORE_RATE_LIMIT_HEADERS_HPP

#include <twitter/diagnostics.hpp>
#include <twitter/http/request.hpp>

#include <optional>
#include <span>

namespace twitter::core {

// The x-rate-limit-limit/remaining/reset headers, when all three are present and are plain decimal numbers.
// Header names are matched without regard to case.
std::optional<rate_limit> parse_rate_limit(std::span<http::header const> headers) noexcept;

// The window above and X's 24-hour limits (x-app-limit-24hour-*, x-user-limit-24hour-*), each when all
// three of its headers are present and valid.
rate_limits parse_rate_limits(std::span<http::header const> headers) noexcept;

}  // namespace twitter::core

#endif
