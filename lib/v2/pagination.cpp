#include <twitter/v2/pagination.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace twitter::v2 {

std::string_view to_string(token_param p) noexcept {
    return p == token_param::next_token ? "next_token" : "pagination_token";
}

pager_state::pager_state(token_param param, page_limits limits) noexcept : param_(param), limits_(limits) {
    // A zero limit allows nothing: do not even send the first request.
    done_ = limits_.max_pages == 0u || limits_.max_items == 0u;
}

std::vector<param> pager_state::next_query(std::vector<param> base) const {
    if (!token_) return base;
    std::string_view const name = to_string(param_);
    std::erase_if(base, [&](param const& p) { return p.name == name; });
    base.push_back({std::string(name), *token_});
    return base;
}

std::size_t pager_state::on_page(meta const& page_meta, std::size_t item_count) {
    if (done_) return 0;
    ++pages_;
    std::size_t allowed = item_count;
    if (limits_.max_items) allowed = std::min(allowed, *limits_.max_items - items_);
    items_ += allowed;

    token_ = page_meta.next_token;
    bool const last_page = !token_ || token_->empty() || item_count == 0;
    bool const page_limit = limits_.max_pages && pages_ >= *limits_.max_pages;
    bool const item_limit = limits_.max_items && items_ >= *limits_.max_items;
    done_ = last_page || page_limit || item_limit;
    return allowed;
}

}  // namespace twitter::v2
