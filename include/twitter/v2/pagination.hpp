#ifndef TWITTER_V2_PAGINATION_HPP
#define TWITTER_V2_PAGINATION_HPP

// The pure state of a v2 pagination walk. An async paginator drives it: send next_query(base), parse the
// page, call on_page with its meta and item count, use the items it allows, and stop when done().

#include <twitter/page_limits.hpp>
#include <twitter/param.hpp>
#include <twitter/v2/models.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::v2 {

// The query parameter that carries the cursor. The API answers with meta.next_token either way; the endpoint
// decides what it is sent back as (see api-v2-endpoints.md: search and counts use next_token, the rest
// pagination_token).
enum class token_param { pagination_token, next_token };

std::string_view to_string(token_param p) noexcept;

class pager_state {
public:
    explicit pager_state(token_param param, page_limits limits = {}) noexcept;

    // True once a page had no next_token or no items, or a limit was reached: send nothing more.
    bool done() const noexcept { return done_; }

    // The query of the next request: `base` with the token parameter set to the last next_token (replacing
    // any value of it in `base`). The first request is `base` unchanged.
    std::vector<param> next_query(std::vector<param> base) const;

    // Records a received page with `item_count` items in data and returns how many of them to hand out: all
    // of them, or fewer when max_items cuts the page.
    std::size_t on_page(meta const& page_meta, std::size_t item_count);

    std::size_t pages() const noexcept { return pages_; }
    std::size_t items() const noexcept { return items_; }

private:
    token_param param_;
    page_limits limits_;
    std::optional<std::string> token_;
    std::size_t pages_ = 0;
    std::size_t items_ = 0;
    bool done_ = false;
};

}  // namespace twitter::v2

#endif
