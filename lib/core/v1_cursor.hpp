#ifndef TWITTER_CORE_V1_CURSOR_HPP
#define TWITTER_CORE_V1_CURSOR_HPP

// The pure state of the two v1.1 pagination schemes. Ids and cursors are decimal strings: they exceed 2^53,
// so they never pass through a double.

#include <twitter/error.hpp>
#include <twitter/page_limits.hpp>

#include <boost/system/result.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace twitter::core {

// "id - 1" for a positive decimal id: what the next max_id is. Anything else (empty, a sign, a non-digit,
// zero, over 2^64 - 1) gives protocol_errc::malformed_json, because such an id can only come from a
// response that is not what the API sends.
boost::system::result<std::string> id_minus_one(std::string_view id);

// The numerically smallest of `ids`, compared as unsigned 64-bit numbers, with the same errors as
// id_minus_one. An empty span gives nullopt.
boost::system::result<std::optional<std::string>> smallest_id(std::span<std::string const> ids);

// Cursor pagination (friends/ids, followers/list, lists/members, ...): start at cursor=-1, then send the
// next_cursor (or previous_cursor, walking back) of each page. A cursor of 0 means there is no such page.
// An empty page with a non-zero cursor does not end the walk: v1.1 sends those mid-list.
enum class cursor_direction { forward, backward };

class cursor_state {
public:
    explicit cursor_state(cursor_direction direction = cursor_direction::forward, page_limits limits = {});

    bool done() const noexcept { return done_; }
    // The value of the `cursor` parameter of the next request.
    std::string const& cursor() const noexcept { return cursor_; }

    // Records a page with its next_cursor_str and previous_cursor_str and `item_count` items; returns how
    // many of them to hand out.
    std::size_t on_page(std::string_view next_cursor, std::string_view previous_cursor,
                        std::size_t item_count);

    std::size_t pages() const noexcept { return pages_; }
    std::size_t items() const noexcept { return items_; }

private:
    cursor_direction direction_;
    page_limits limits_;
    std::string cursor_ = "-1";
    std::size_t pages_ = 0;
    std::size_t items_ = 0;
    bool done_ = false;
};

// max_id pagination (statuses/user_timeline, search/tweets, ...): the first request has no max_id; each next
// one asks for ids up to the smallest id seen minus one. An empty page ends the walk.
class max_id_state {
public:
    explicit max_id_state(page_limits limits = {});

    bool done() const noexcept { return done_; }
    // The max_id parameter of the next request; none for the first.
    std::optional<std::string> const& max_id() const noexcept { return max_id_; }

    // Records a page by the ids of its items (id_str); returns how many of them to hand out. An id that is
    // not a positive decimal number fails with protocol_errc::malformed_json and ends the walk.
    boost::system::result<std::size_t> on_page(std::span<std::string const> ids);

    std::size_t pages() const noexcept { return pages_; }
    std::size_t items() const noexcept { return items_; }

private:
    page_limits limits_;
    std::optional<std::string> max_id_;
    std::size_t pages_ = 0;
    std::size_t items_ = 0;
    bool done_ = false;
};

}  // namespace twitter::core

#endif
