#include <twitter/v1/pager.hpp>

#include "core/v1_cursor.hpp"

#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace twitter::v1::detail {

namespace asio = boost::asio;

template <class Item>
struct pager_state {
    http::request first;
    std::optional<core::cursor_state> cursor;  // a next_cursor walk
    std::optional<core::max_id_state> max_id;  // a max_id walk
    bool search = false;                       // max_id pages are search_results, not a plain array
    std::vector<Item> held;                    // the page async_next hands out, from `next` on
    std::size_t next = 0;
    bool busy = false;

    bool walk_done() const noexcept { return cursor ? cursor->done() : max_id->done(); }
    bool holds_items() const noexcept { return next < held.size(); }
};

namespace {

template <class Item>
using page_handler = asio::any_completion_handler<void(error_code, std::vector<Item>)>;
template <class Item>
using item_handler = asio::any_completion_handler<void(error_code, std::optional<Item>)>;

// The request of the next page: the first one with the walk's parameter set (replacing a value of its own).
http::request with_param(http::request req, std::string_view name, std::string value) {
    std::erase_if(req.query, [&](param const& p) { return p.name == name; });
    req.query.push_back({std::string(name), std::move(value)});
    return req;
}

template <class Item>
http::request next_request(pager_state<Item> const& s) {
    if (s.cursor) return with_param(s.first, "cursor", s.cursor->cursor());
    if (s.max_id->max_id()) return with_param(s.first, "max_id", *s.max_id->max_id());
    return s.first;
}

// Records a received page in the walk and returns the items to hand out.
template <class Item>
boost::system::result<std::vector<Item>> take(pager_state<Item>& s, cursored_page<Item>&& page) {
    auto const n = s.cursor->on_page(page.next_cursor, page.previous_cursor, page.items.size());
    page.items.erase(page.items.begin() + static_cast<std::ptrdiff_t>(std::min(n, page.items.size())),
                     page.items.end());
    return std::move(page.items);
}

boost::system::result<std::vector<status>> take(pager_state<status>& s, std::vector<status>&& page) {
    std::vector<std::string> ids;
    ids.reserve(page.size());
    for (status const& st : page) ids.push_back(st.id);
    auto const n = s.max_id->on_page(ids);
    if (!n) return n.error();
    page.erase(page.begin() + static_cast<std::ptrdiff_t>(std::min(*n, page.size())), page.end());
    return std::move(page);
}

boost::system::result<std::vector<status>> take(pager_state<status>& s, search_results&& page) {
    return take(s, std::move(page.statuses));
}

// Fetches pages until one has items to hand out or the walk ends, then calls `done` with those items (empty
// at the end). `done` carries the caller's executor and cancellation slot; every request is bound to them.
template <class Item, class Page>
void fetch_as(client& c, std::shared_ptr<pager_state<Item>> s, diagnostics* diag, page_handler<Item> done) {
    auto const ex = asio::get_associated_executor(done, c.get_executor());
    auto const slot = asio::get_associated_cancellation_slot(done);
    auto then = [&c, s, diag, done = std::move(done)](error_code ec, response<Page> res) mutable {
        if (ec) return std::move(done)(ec, std::vector<Item>{});
        auto items = take(*s, std::move(res.data));
        if (!items) return std::move(done)(items.error(), std::vector<Item>{});
        if (items->empty() && !s->walk_done()) {
            // An empty page in the middle of a cursor walk: ask for the next one.
            return fetch_as<Item, Page>(c, std::move(s), diag, std::move(done));
        }
        std::move(done)(error_code{}, std::move(*items));
    };
    http::request req = next_request(*s);
    async_call<Page>(c, std::move(req), diag,
                     asio::bind_cancellation_slot(slot, asio::bind_executor(ex, std::move(then))));
}

template <class Item>
void fetch(client& c, std::shared_ptr<pager_state<Item>> s, diagnostics* diag, page_handler<Item> done) {
    if constexpr (std::is_same_v<Item, status>) {
        if (s->search)
            fetch_as<status, search_results>(c, std::move(s), diag, std::move(done));
        else
            fetch_as<status, std::vector<status>>(c, std::move(s), diag, std::move(done));
    } else {
        fetch_as<Item, cursored_page<Item>>(c, std::move(s), diag, std::move(done));
    }
}

// Completes `handler` with `values` through its executor: never inline, since the caller may hold a lock
// or be deep in a loop of immediate completions.
template <class Handler, class... Values>
void post_result(client& c, Handler handler, Values&&... values) {
    // post() runs it on the handler's associated executor, the client's being only the fallback.
    asio::post(c.get_executor(), asio::append(std::move(handler), std::forward<Values>(values)...));
}

void refuse_concurrent(diagnostics* diag) {
    if (diag != nullptr) diag->message = "a pager runs one operation at a time";
}

}  // namespace

template <class Item>
std::shared_ptr<pager_state<Item>> make_cursor_pager(http::request first, page_limits limits) {
    auto s = std::make_shared<pager_state<Item>>();
    s->first = std::move(first);
    s->cursor.emplace(core::cursor_direction::forward, limits);
    return s;
}

std::shared_ptr<pager_state<status>> make_max_id_pager(http::request first, bool search, page_limits limits) {
    auto s = std::make_shared<pager_state<status>>();
    s->first = std::move(first);
    s->max_id.emplace(limits);
    s->search = search;
    return s;
}

template <class Item>
bool pager_done(pager_state<Item> const& s) noexcept {
    return s.walk_done() && !s.holds_items();
}

template <class Item>
std::size_t pager_pages(pager_state<Item> const& s) noexcept {
    return s.cursor ? s.cursor->pages() : s.max_id->pages();
}

template <class Item>
std::size_t pager_items(pager_state<Item> const& s) noexcept {
    return s.cursor ? s.cursor->items() : s.max_id->items();
}

template <class Item>
void async_next_page(client& c, std::shared_ptr<pager_state<Item>> const& s, diagnostics* diag,
                     page_handler<Item> handler) {
    if (s->busy) {
        refuse_concurrent(diag);
        return post_result(c, std::move(handler), error_code(client_errc::invalid_argument),
                           std::vector<Item>{});
    }
    if (s->holds_items()) {
        std::vector<Item> rest(
            std::make_move_iterator(s->held.begin() + static_cast<std::ptrdiff_t>(s->next)),
            std::make_move_iterator(s->held.end()));
        s->held.clear();
        s->next = 0;
        return post_result(c, std::move(handler), error_code{}, std::move(rest));
    }
    if (s->walk_done()) return post_result(c, std::move(handler), error_code{}, std::vector<Item>{});

    s->busy = true;
    auto const ex = asio::get_associated_executor(handler, c.get_executor());
    auto const slot = asio::get_associated_cancellation_slot(handler);
    auto done = [s, handler = std::move(handler)](error_code ec, std::vector<Item> items) mutable {
        s->busy = false;
        std::move(handler)(ec, std::move(items));
    };
    fetch<Item>(c, s, diag, asio::bind_cancellation_slot(slot, asio::bind_executor(ex, std::move(done))));
}

template <class Item>
void async_next_item(client& c, std::shared_ptr<pager_state<Item>> const& s, diagnostics* diag,
                     item_handler<Item> handler) {
    if (s->busy) {
        refuse_concurrent(diag);
        return post_result(c, std::move(handler), error_code(client_errc::invalid_argument),
                           std::optional<Item>{});
    }
    if (s->holds_items()) {
        std::optional<Item> item(std::move(s->held[s->next++]));
        return post_result(c, std::move(handler), error_code{}, std::move(item));
    }
    if (s->walk_done()) return post_result(c, std::move(handler), error_code{}, std::optional<Item>{});

    s->busy = true;
    auto const ex = asio::get_associated_executor(handler, c.get_executor());
    auto const slot = asio::get_associated_cancellation_slot(handler);
    auto done = [s, handler = std::move(handler)](error_code ec, std::vector<Item> items) mutable {
        s->busy = false;
        // The page replaces the one held before, which is used up: one page in memory at a time.
        s->held = std::move(items);
        s->next = 0;
        std::optional<Item> item;
        if (!ec && s->holds_items()) item.emplace(std::move(s->held[s->next++]));
        std::move(handler)(ec, std::move(item));
    };
    fetch<Item>(c, s, diag, asio::bind_cancellation_slot(slot, asio::bind_executor(ex, std::move(done))));
}

#define TWITTER_V1_PAGER(Item)                                                                            \
    template std::shared_ptr<pager_state<Item>> make_cursor_pager<Item>(http::request, page_limits);      \
    template bool pager_done<Item>(pager_state<Item> const&) noexcept;                                    \
    template std::size_t pager_pages<Item>(pager_state<Item> const&) noexcept;                            \
    template std::size_t pager_items<Item>(pager_state<Item> const&) noexcept;                            \
    template void async_next_page<Item>(client&, std::shared_ptr<pager_state<Item>> const&, diagnostics*, \
                                        page_handler<Item>);                                              \
    template void async_next_item<Item>(client&, std::shared_ptr<pager_state<Item>> const&, diagnostics*, \
                                        item_handler<Item>);

TWITTER_V1_PAGER(std::string)
TWITTER_V1_PAGER(user)
TWITTER_V1_PAGER(list)

#undef TWITTER_V1_PAGER

template bool pager_done<status>(pager_state<status> const&) noexcept;
template std::size_t pager_pages<status>(pager_state<status> const&) noexcept;
template std::size_t pager_items<status>(pager_state<status> const&) noexcept;
template void async_next_page<status>(client&, std::shared_ptr<pager_state<status>> const&, diagnostics*,
                                      page_handler<status>);
template void async_next_item<status>(client&, std::shared_ptr<pager_state<status>> const&, diagnostics*,
                                      item_handler<status>);

}  // namespace twitter::v1::detail
