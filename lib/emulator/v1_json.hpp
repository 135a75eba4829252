#ifndef TWITTER_LIB_EMULATOR_V1_JSON_HPP
#define TWITTER_LIB_EMULATOR_V1_JSON_HPP

// API v1.1's objects, in the shapes of the recorded fixtures: users and statuses carry ids as a number and as
// "id_str", times like "Wed Oct 10 20:19:24 +0000 2018", and flags relative to the authenticated user (who
// follows whom, what they liked). Also the v1.1 request helpers: users named by user_id or screen_name, lists
// by list_id or slug and owner, count, since_id and max_id, cursors.

#include "emulator/endpoint.hpp"
#include "emulator/response.hpp"
#include "emulator/world.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

// The entities of a text: hashtags, symbols, user_mentions (of known users) and urls, with code point
// indices.
boost::json::object v1_entities(world const& w, std::string_view text);

// `viewer` is the authenticated user (0 for app-only): it decides following, favorited and retweeted.
boost::json::object v1_user(world const& w, user_record const& u, id_type viewer, bool with_status = true);
boost::json::object v1_status(world const& w, tweet_record const& t, id_type viewer, bool trim_user = false);
boost::json::object v1_list(world const& w, list_record const& l, id_type viewer);

// v1.1's common refusals.
api_response v1_user_not_found();                // 404, code 50
api_response v1_status_not_found();              // 404, code 144
api_response v1_page_not_found();                // 404, code 34
api_response v1_missing(std::string_view what);  // 400, code 38: "<what> parameter is missing."

// The user named by `id_name` or `name_name` (user_id and screen_name by default); the authenticated user
// when neither is given and `default_me`. A v1.1 error in `error` otherwise.
std::optional<id_type> v1_user_param(call const& c, api_response& error, bool default_me = true,
                                     std::string_view id_name = "user_id",
                                     std::string_view name_name = "screen_name");

// The list named by list_id, or by slug with owner_screen_name or owner_id.
list_record* v1_list_param(call& c, api_response& error);

// count, clamped to [1, max] as v1.1 does, `fallback` when absent.
std::size_t v1_count(call const& c, std::size_t fallback, std::size_t max);

// The newest `count` of `ids` (newest first) with since_id < id <= max_id.
std::vector<id_type> v1_timeline(call const& c, std::vector<id_type> const& ids, std::size_t fallback_count,
                                 std::size_t max_count);

// An array of statuses.
api_response v1_statuses(call const& c, std::vector<id_type> const& ids);

// A cursored page of `total` items: `item(i)` renders the i-th into `key`, with next_cursor, previous_cursor,
// their _str twins, and total_count (null, as X sends it). A 400 for a malformed cursor.
api_response v1_cursored(call const& c, std::size_t total, std::size_t fallback_count, std::size_t max_count,
                         std::string_view key, std::function<boost::json::value(std::size_t)> const& item,
                         bool with_total_count = true);

// A cursored page of ids: numbers, or strings with stringify_ids=true.
api_response v1_ids(call const& c, std::size_t total, std::function<id_type(std::size_t)> const& at);

bool v1_flag(call const& c, std::string_view name);  // "true", "t" or "1"

}  // namespace twitter::emulator::detail

#endif
