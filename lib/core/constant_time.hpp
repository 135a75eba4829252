#ifndef TWITTER_CORE_CONSTANT_TIME_HPP
#define TWITTER_CORE_CONSTANT_TIME_HPP

#include <string_view>

namespace twitter::core {

// Equality whose time depends only on the lengths, never on where the contents differ (OAuth state, PKCE
// checks). Strings of different lengths are still compared over the shorter length before returning false.
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace twitter::core

#endif
