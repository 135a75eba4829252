#include <twitter/v2/paginator.hpp>

#include "client/tracked_operation.hpp"
#include "v2/call.hpp"

#include <stdexcept>

namespace twitter::v2::detail {

namespace asio = boost::asio;
using twitter::detail::client_impl;

template <class Item>
struct pager {
    std::shared_ptr<client_impl> impl;
    http::request base;
    pager_state state;
    std::vector<Item> buffered;  // the flattened walk's current page
    std::size_t next_item = 0;
};

namespace {

template <class Item>
asio::awaitable<error_code> fetch(pager<Item>& p, response<std::vector<Item>>& page, diagnostics& diag) {
    http::request req = p.base;
    req.query = p.state.next_query(std::move(req.query));
    if (error_code ec = co_await twitter::detail::call_v2(*p.impl, std::move(req), page, diag)) co_return ec;
    page.data.resize(p.state.on_page(page.meta, page.data.size()));
    co_return error_code{};
}

template <class Item>
asio::awaitable<std::tuple<error_code, response<std::vector<Item>>>> next_page(std::shared_ptr<pager<Item>> p,
                                                                              diagnostics* diag) {
    diagnostics local;
    diagnostics& d = diag ? *diag : local;
    response<std::vector<Item>> page;
    error_code ec;
    if (!p->state.done()) ec = co_await fetch(*p, page, d);
    co_return std::tuple(ec, std::move(page));
}

template <class Item>
asio::awaitable<std::tuple<error_code, std::optional<Item>>> next_item(std::shared_ptr<pager<Item>> p,
                                                                      diagnostics* diag) {
    diagnostics local;
    diagnostics& d = diag ? *diag : local;
    while (p->next_item == p->buffered.size()) {
        if (p->state.done()) co_return std::tuple(error_code{}, std::optional<Item>());
        response<std::vector<Item>> page;
        if (error_code ec = co_await fetch(*p, page, d)) co_return std::tuple(ec, std::optional<Item>());
        p->buffered = std::move(page.data);
        p->next_item = 0;
    }
    std::optional<Item> item(std::move(p->buffered[p->next_item++]));
    co_return std::tuple(error_code{}, std::move(item));
}

}  // namespace

template <class Item>
std::shared_ptr<pager<Item>> make_pager(client const& c, typed_request<std::vector<Item>> req, page_limits limits) {
    if (!req.pagination) throw std::invalid_argument("twitter::v2::paginator: this endpoint does not paginate");
    return std::make_shared<pager<Item>>(
        pager<Item>{twitter::detail::impl_of(c), std::move(req.http), pager_state(*req.pagination, limits), {}, 0});
}

template <class Item>
void async_next_page(std::shared_ptr<pager<Item>> const& p, diagnostics* diag,
                     asio::any_completion_handler<void(error_code, response<std::vector<Item>>)> handler) {
    if (diag) diag->clear();
    twitter::detail::spawn_client_operation(p->impl, p->impl->strand, next_page<Item>(p, diag), std::move(handler));
}

template <class Item>
void async_next_item(std::shared_ptr<pager<Item>> const& p, diagnostics* diag,
                     asio::any_completion_handler<void(error_code, std::optional<Item>)> handler) {
    if (diag) diag->clear();
    twitter::detail::spawn_client_operation(p->impl, p->impl->strand, next_item<Item>(p, diag), std::move(handler));
}

template <class Item>
pager_state const& state_of(pager<Item> const& p) noexcept {
    return p.state;
}

#define TWITTER_V2_PAGER(Item)                                                                               \
    template std::shared_ptr<pager<Item>> make_pager<Item>(client const&, typed_request<std::vector<Item>>,    \
                                                           page_limits);                                     \
    template void async_next_page<Item>(std::shared_ptr<pager<Item>> const&, diagnostics*,                   \
                                        asio::any_completion_handler<void(error_code, response<std::vector<Item>>)>); \
    template void async_next_item<Item>(std::shared_ptr<pager<Item>> const&, diagnostics*,                   \
                                        asio::any_completion_handler<void(error_code, std::optional<Item>)>);  \
    template pager_state const& state_of<Item>(pager<Item> const&) noexcept;
TWITTER_V2_PAGER(tweet)
TWITTER_V2_PAGER(user)
TWITTER_V2_PAGER(list)
TWITTER_V2_PAGER(dm_event)
TWITTER_V2_PAGER(tweet_count)
#undef TWITTER_V2_PAGER

}  // namespace twitter::v2::detail
