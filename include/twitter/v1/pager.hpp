#ifndef TWITTER_V1_PAGER_HPP
#define TWITTER_V1_PAGER_HPP

// Tweepy's Cursor for the X API v1.1: walks a paginated endpoint one request at a time.
//
//   auto followers = v1::paginate(api, v1::requests::get_follower_ids(v1::screen_name("X")));
//   while (auto id = co_await followers.async_next()) ...            // Cursor(...).items()
//   for (auto page = co_await followers.async_next_page(); !page.empty();
//        page = co_await followers.async_next_page()) ...             // Cursor(...).pages()
//
// Two schemes, chosen by the request's type:
//   - next_cursor (cursored_page<Item>: ids, users or lists): the first request sends cursor=-1, each next
//     one the next_cursor_str of the page before; cursor 0 ends the walk. A cursor in the request is
//     replaced.
//   - max_id (std::vector<status> timelines and favorites, search_results): the first request is sent as
//     built; each next one asks for max_id = the smallest id seen - 1; an empty page ends the walk.
// page_limits stop the walk early (max_items cuts the last page short). A pager holds at most one page, so a
// walk of any length takes constant memory, and runs one operation at a time: starting another while one is
// pending completes it with client_errc::invalid_argument. The api must outlive the pager's operations.

#include <twitter/api.hpp>
#include <twitter/page_limits.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace twitter::v1 {

namespace detail {

// Compiled in the library for Item = std::string (ids), user, list and status.
template <class Item>
struct pager_state;

template <class Item>
std::shared_ptr<pager_state<Item>> make_cursor_pager(http::request first, page_limits limits);
std::shared_ptr<pager_state<status>> make_max_id_pager(http::request first, bool search, page_limits limits);

template <class Item>
bool pager_done(pager_state<Item> const& s) noexcept;
template <class Item>
std::size_t pager_pages(pager_state<Item> const& s) noexcept;
template <class Item>
std::size_t pager_items(pager_state<Item> const& s) noexcept;

template <class Item>
void async_next_page(client& c, std::shared_ptr<pager_state<Item>> const& s, diagnostics* diag,
                     boost::asio::any_completion_handler<void(error_code, std::vector<Item>)> handler);
template <class Item>
void async_next_item(client& c, std::shared_ptr<pager_state<Item>> const& s, diagnostics* diag,
                     boost::asio::any_completion_handler<void(error_code, std::optional<Item>)> handler);

}  // namespace detail

template <class Item>
class pager {
public:
    // A next_cursor walk: ids (Item = std::string), users or lists.
    pager(api& a, typed_request<cursored_page<Item>> first,
          page_limits limits = {}) requires(!std::is_same_v<Item, status>)
        : client_(&a.get_client()), state_(detail::make_cursor_pager<Item>(std::move(first.http), limits)) {}
    // A max_id walk over a timeline, or over search/tweets.
    pager(api& a, typed_request<std::vector<status>> first,
          page_limits limits = {}) requires std::is_same_v<Item, status>
        : client_(&a.get_client()), state_(detail::make_max_id_pager(std::move(first.http), false, limits)) {}
    pager(api& a, typed_request<search_results> first,
          page_limits limits = {}) requires std::is_same_v<Item, status>
        : client_(&a.get_client()), state_(detail::make_max_id_pager(std::move(first.http), true, limits)) {}

    // True once the walk is over and every item has been handed out.
    bool done() const noexcept { return detail::pager_done(*state_); }
    std::size_t pages() const noexcept { return detail::pager_pages(*state_); }  // pages received
    std::size_t items() const noexcept { return detail::pager_items(*state_); }  // items kept of them

    // The next page's items; an empty vector once done(). Items left over from async_next come first.
    // Empty pages in the middle of a cursor walk (v1.1 sends them) are skipped, not returned.
    template <boost::asio::completion_token_for<void(error_code, std::vector<Item>)> CompletionToken =
                  default_token>
    auto async_next_page(CompletionToken&& token = {}) {
        return next_page_impl(nullptr, std::forward<CompletionToken>(token));
    }
    template <boost::asio::completion_token_for<void(error_code, std::vector<Item>)> CompletionToken =
                  default_token>
    auto async_next_page(diagnostics& diag, CompletionToken&& token = {}) {
        return next_page_impl(&diag, std::forward<CompletionToken>(token));
    }

    // The next item, fetching the next page when the one held is used up; nullopt once done().
    template <boost::asio::completion_token_for<void(error_code, std::optional<Item>)> CompletionToken =
                  default_token>
    auto async_next(CompletionToken&& token = {}) {
        return next_item_impl(nullptr, std::forward<CompletionToken>(token));
    }
    template <boost::asio::completion_token_for<void(error_code, std::optional<Item>)> CompletionToken =
                  default_token>
    auto async_next(diagnostics& diag, CompletionToken&& token = {}) {
        return next_item_impl(&diag, std::forward<CompletionToken>(token));
    }

private:
    template <class CompletionToken>
    auto next_page_impl(diagnostics* diag, CompletionToken&& token) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, std::vector<Item>)>(
            [](auto handler, diagnostics* d, client* c, std::shared_ptr<detail::pager_state<Item>> const& s) {
                detail::async_next_page<Item>(*c, s, d, std::move(handler));
            },
            token, diag, client_, state_);
    }
    template <class CompletionToken>
    auto next_item_impl(diagnostics* diag, CompletionToken&& token) {
        return boost::asio::async_initiate<CompletionToken, void(error_code, std::optional<Item>)>(
            [](auto handler, diagnostics* d, client* c, std::shared_ptr<detail::pager_state<Item>> const& s) {
                detail::async_next_item<Item>(*c, s, d, std::move(handler));
            },
            token, diag, client_, state_);
    }

    client* client_;
    std::shared_ptr<detail::pager_state<Item>> state_;
};

template <class Item>
pager(api&, typed_request<cursored_page<Item>>, page_limits = {}) -> pager<Item>;
pager(api&, typed_request<std::vector<status>>, page_limits = {})->pager<status>;
pager(api&, typed_request<search_results>, page_limits = {})->pager<status>;

// Tweepy's Cursor(api.method, ...): a pager for a request of a paginated endpoint.
template <class Item>
pager<Item> paginate(api& a, typed_request<cursored_page<Item>> first, page_limits limits = {}) {
    return pager<Item>(a, std::move(first), limits);
}
inline pager<status> paginate(api& a, typed_request<std::vector<status>> first, page_limits limits = {}) {
    return pager<status>(a, std::move(first), limits);
}
inline pager<status> paginate(api& a, typed_request<search_results> first, page_limits limits = {}) {
    return pager<status>(a, std::move(first), limits);
}

}  // namespace twitter::v1

#endif
