#ifndef TWITTER_LIB_EMULATOR_PAGINATION_HPP
#define TWITTER_LIB_EMULATOR_PAGINATION_HPP

// Pages of API v2 list endpoints (opaque next_token / previous_token) and of API v1.1 cursors
// (next_cursor / previous_cursor, -1 for the first page and 0 for none). Both stand for an offset into the
// answer; the emulator keeps no state between pages. Pure.

#include "emulator/encoding.hpp"
#include "emulator/response.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twitter::emulator::detail {

// What an endpoint accepts: max_results between `min` and `max`, `fallback` when absent, and the name of
// the request's token parameter ("pagination_token", or "next_token" for search and counts/all).
struct page_limits {
    std::size_t min = 1;
    std::size_t max = 100;
    std::size_t fallback = 100;
    std::string_view token_parameter = "pagination_token";
};

struct page_window {
    std::size_t offset = 0;
    std::size_t size = 0;
};

// The opaque token of the page that starts at `offset`.
std::string page_token(std::size_t offset);
std::optional<std::size_t> read_page_token(std::string_view token);

// Reads max_results and the token from the query; a 400 in `error` when either is invalid.
std::optional<page_window> read_page(param_list const& query, page_limits limits, api_response& error);

// meta of a page of `returned` results out of `total`: result_count, next_token while more remain,
// previous_token when the page is not the first.
boost::json::object page_meta(page_window page, std::size_t returned, std::size_t total);

// v1.1 cursors. The cursor of the page at `offset`, going forward, is offset + 1; backward, -(offset + 1);
// so -1 is the first page, as X has it.
struct cursor_page {
    std::size_t offset = 0;
    std::size_t size = 0;
};
std::optional<std::size_t> read_cursor(std::string_view cursor);  // empty: "0" or not a number
std::int64_t next_cursor(std::size_t offset, std::size_t size, std::size_t total);  // 0 at the end
std::int64_t previous_cursor(std::size_t offset, std::size_t size);                 // 0 on the first

}  // namespace twitter::emulator::detail

#endif
