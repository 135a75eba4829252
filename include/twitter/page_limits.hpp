#ifndef TWITTER_PAGE_LIMITS_HPP
#define TWITTER_PAGE_LIMITS_HPP

#include <cstddef>
#include <optional>

namespace twitter {

// How far a paginated walk may go. An unset limit means no limit: the walk ends when the API says so.
struct page_limits {
    std::optional<std::size_t> max_pages;
    std::optional<std::size_t> max_items;
};

}  // namespace twitter

#endif
