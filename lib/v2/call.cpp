#include <twitter/client.hpp>

#include "client/pipeline.hpp"
#include "client/tracked_operation.hpp"
#include "v2/call.hpp"

namespace twitter::detail {

namespace asio = boost::asio;

template <class T>
asio::awaitable<error_code> call_v2(client_impl& self, http::request req, v2::response<T>& out, diagnostics& diag) {
    http::response res;
    error_code ec = co_await perform(self, nullptr, false, std::move(req), res, diag);
    out.limits = diag.limits;
    if (ec) co_return ec;
    if ((ec = v2::parse(res, out))) diag.message = "the response does not have the shape of the endpoint's model";
    co_return ec;
}

namespace {

template <class T>
asio::awaitable<std::tuple<error_code, v2::response<T>>> run_call(std::shared_ptr<client_impl> self,
                                                                   http::request req, diagnostics* diag) {
    diagnostics local;
    diagnostics& d = diag ? *diag : local;
    v2::response<T> out;
    error_code const ec = co_await call_v2(*self, std::move(req), out, d);
    co_return std::tuple(ec, std::move(out));
}

}  // namespace

template <class T>
void async_call(std::shared_ptr<client_impl> const& impl, http::request req, diagnostics* diag,
                asio::any_completion_handler<void(error_code, v2::response<T>)> handler) {
    if (diag) diag->clear();
    spawn_client_operation(impl, impl->strand, run_call<T>(impl, std::move(req), diag), std::move(handler));
}

#define TWITTER_V2_CALL(T)                                                                                      \
    template asio::awaitable<error_code> call_v2<T>(client_impl&, http::request, v2::response<T>&, diagnostics&); \
    template void async_call<T>(std::shared_ptr<client_impl> const&, http::request, diagnostics*,                  \
                                asio::any_completion_handler<void(error_code, v2::response<T>)>);
TWITTER_V2_RESPONSE_TYPES(TWITTER_V2_CALL)
#undef TWITTER_V2_CALL

}  // namespace twitter::detail
