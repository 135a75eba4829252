#ifndef TWITTER_CORE_JSON_VALIDATION_HPP
#define TWITTER_CORE_JSON_VALIDATION_HPP

#include <string_view>

namespace twitter::core {

// True when `text` is one complete JSON value (RFC 8259). Builds no document, so it costs a fraction of a parse.
bool is_valid_json(std::string_view text) noexcept;

}  // namespace twitter::core

#endif
