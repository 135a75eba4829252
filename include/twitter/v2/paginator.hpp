#ifndef TWITTER_V2_PAGINATOR_HPP
#define TWITTER_V2_PAGINATOR_HPP

// Tweepy's Paginator: walks an endpoint that paginates, page by page or, flattened, item by item. It holds
// at most one page, so a walk over 100,000 followers takes the memory of one page. One operation at a time;
// done(), pages() and items() are read between operations.

#include <twitter/client.hpp>
#include <twitter/page_limits.hpp>
#include <twitter/v2/pagination.hpp>
#include <twitter/v2/response.hpp>
#include <twitter/v2/typed_request.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace twitter::v2 {

namespace detail {
// Instantiated in the library for tweet, user, list, dm_event and tweet_count.
template <class Item>
struct pager;
template <class Item>
std::shared_ptr<pager<Item>> make_pager(client const& c, typed_request<std::vector<Item>> req, page_limits limits);
template <class Item>
void async_next_page(std::shared_ptr<pager<Item>> const& p, diagnostics* diag,
                     boost::asio::any_completion_handler<void(error_code, response<std::vector<Item>>)> handler);
template <class Item>
void async_next_item(std::shared_ptr<pager<Item>> const& p, diagnostics* diag,
                     boost::asio::any_completion_handler<void(error_code, std::optional<Item>)> handler);
template <class Item>
pager_state const& state_of(pager<Item> const& p) noexcept;
}  // namespace detail

template <class Item>
class paginator {
public:
    // `req` must come from an endpoint that paginates (its `pagination` is set), else std::invalid_argument.
    paginator(client const& c, typed_request<std::vector<Item>> req, page_limits limits = {})
        : pager_(detail::make_pager<Item>(c, std::move(req), limits)) {}

    // True once the last page was handed out, or a limit was reached: nothing more will be sent.
    bool done() const noexcept { return detail::state_of(*pager_).done(); }
    std::size_t pages() const noexcept { return detail::state_of(*pager_).pages(); }
    std::size_t items() const noexcept { return detail::state_of(*pager_).items(); }

    // The next page, cut to max_items. Once done(), completes with an empty page and sends nothing. A failed
    // page can be asked for again: the walk stays where it was.
    template <boost::asio::completion_token_for<void(error_code, response<std::vector<Item>>)> CompletionToken =
                  default_token>
    auto async_next_page(CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, response<std::vector<Item>>)>(
            [](auto handler, diagnostics* d, std::shared_ptr<detail::pager<Item>> const& p) {
                detail::async_next_page<Item>(p, d, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), pager_);
    }

    // Flattened: the next item, fetching pages as needed (empty pages are skipped); nullopt at the end.
    template <boost::asio::completion_token_for<void(error_code, std::optional<Item>)> CompletionToken =
                  default_token>
    auto async_next(CompletionToken&& token = {}) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, std::optional<Item>)>(
            [](auto handler, diagnostics* d, std::shared_ptr<detail::pager<Item>> const& p) {
                detail::async_next_item<Item>(p, d, std::move(handler));
            },
            token, static_cast<diagnostics*>(nullptr), pager_);
    }

private:
    std::shared_ptr<detail::pager<Item>> pager_;
};

template <class Item>
paginator(client const&, typed_request<std::vector<Item>>, page_limits = {}) -> paginator<Item>;

}  // namespace twitter::v2

#endif
