#include "core/v1_cursor.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

namespace twitter::core {
namespace {

// Strict: digits only, no sign, no leading '+', no whitespace, fits in 64 bits.
std::optional<std::uint64_t> to_uint64(std::string_view s) noexcept {
    if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::uint64_t value = 0;
    auto const [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

// Counts a page against the limits: how many of its items may be handed out, and whether a limit is reached.
struct budget_step {
    std::size_t allowed;
    bool exhausted;
};

budget_step spend(page_limits const& limits, std::size_t& pages, std::size_t& items, std::size_t count) {
    ++pages;
    std::size_t allowed = count;
    if (limits.max_items) allowed = std::min(allowed, *limits.max_items - items);
    items += allowed;
    bool const exhausted =
        (limits.max_pages && pages >= *limits.max_pages) || (limits.max_items && items >= *limits.max_items);
    return {allowed, exhausted};
}

bool allows_nothing(page_limits const& limits) noexcept {
    return limits.max_pages == 0u || limits.max_items == 0u;
}

}  // namespace

boost::system::result<std::string> id_minus_one(std::string_view id) {
    auto const value = to_uint64(id);
    if (!value || *value == 0) return error_code(protocol_errc::malformed_json);
    return std::to_string(*value - 1);
}

boost::system::result<std::optional<std::string>> smallest_id(std::span<std::string const> ids) {
    std::optional<std::uint64_t> smallest;
    std::string const* smallest_text = nullptr;
    for (std::string const& id : ids) {
        auto const value = to_uint64(id);
        if (!value) return error_code(protocol_errc::malformed_json);
        if (!smallest || *value < *smallest) {
            smallest = value;
            smallest_text = &id;
        }
    }
    if (!smallest_text) return std::optional<std::string>();
    return std::optional<std::string>(*smallest_text);
}

cursor_state::cursor_state(cursor_direction direction, page_limits limits)
    : direction_(direction), limits_(limits), done_(allows_nothing(limits)) {}

std::size_t cursor_state::on_page(std::string_view next_cursor, std::string_view previous_cursor,
                                  std::size_t item_count) {
    if (done_) return 0;
    auto const step = spend(limits_, pages_, items_, item_count);
    std::string_view const following =
        direction_ == cursor_direction::forward ? next_cursor : previous_cursor;
    // A missing cursor is as final as "0": without one there is nothing to ask for.
    done_ = step.exhausted || following.empty() || following == "0";
    cursor_ = following;
    return step.allowed;
}

max_id_state::max_id_state(page_limits limits) : limits_(limits), done_(allows_nothing(limits)) {}

boost::system::result<std::size_t> max_id_state::on_page(std::span<std::string const> ids) {
    if (done_) return std::size_t{0};
    auto const smallest = smallest_id(ids);
    if (!smallest) {
        done_ = true;
        return smallest.error();
    }
    auto const step = spend(limits_, pages_, items_, ids.size());
    if (!*smallest) {
        done_ = true;
        return step.allowed;
    }
    auto next = id_minus_one(**smallest);
    if (!next) {  // the smallest id was 0 (already checked to be a number): nothing lies below it
        done_ = true;
        return step.allowed;
    }
    max_id_ = std::move(*next);
    done_ = step.exhausted;
    return step.allowed;
}

}  // namespace twitter::core
