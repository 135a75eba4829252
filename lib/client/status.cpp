#include <twitter/client.hpp>

#include "client/client_impl.hpp"
#include "client/spawn.hpp"

namespace twitter::detail {

namespace asio = boost::asio;

namespace {

// On the strand: the pools are touched nowhere else.
asio::awaitable<std::tuple<error_code, client_status>> snapshot(std::shared_ptr<client_impl> self) {
    client_status status;
    status.operations_in_flight = self->operations.size();
    status.shutting_down = self->operations.closed();
    for (auto const& pool : self->pools) {
        pool_stats const s = pool->stats();
        origin const& where = pool->where();
        status.connections.push_back({where.scheme() + "://" + where.authority(),
                                      s.open, s.idle, s.waiting, s.opened_total});
    }
    co_return std::tuple(error_code{}, std::move(status));
}

}  // namespace

void async_status(std::shared_ptr<client_impl> const& impl,
                  asio::any_completion_handler<void(error_code, client_status)> handler) {
    spawn_operation(impl->strand, impl->executor, snapshot(impl), std::move(handler));
}

}  // namespace twitter::detail
