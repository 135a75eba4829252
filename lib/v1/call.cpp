#include <twitter/v1/call.hpp>

#include <twitter/client.hpp>

#include "core/rate_limit_headers.hpp"

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>

#include <utility>

namespace twitter::v1::detail {

template <class T>
void async_call(client& c, http::request req, diagnostics* diag, call_handler<T> handler) {
    namespace asio = boost::asio;
    // The client completes our continuation on the executor and with the cancellation slot we bind here: the
    // caller's. The continuation then calls the caller's handler directly, already where it belongs.
    auto const ex = asio::get_associated_executor(handler, c.get_executor());
    auto const slot = asio::get_associated_cancellation_slot(handler);
    auto then = [handler = std::move(handler), diag](error_code ec, http::response res) mutable {
        response<T> out;
        if (!ec) {
            ec = parse(res, out);
            if (ec) {
                out.data = T{};
                if (diag != nullptr) {
                    diag->http_status = res.status;
                    diag->message = "the response body does not have the shape of the v1.1 model";
                    diag->limits = out.limits;
                }
            }
        } else {
            // An error answer: its rate limits and body still tell the caller something (a 429's reset).
            out.limits = core::parse_rate_limits(res.headers);
            out.raw_json = std::move(res.body);
        }
        std::move(handler)(ec, std::move(out));
    };
    auto bound = asio::bind_cancellation_slot(slot, asio::bind_executor(ex, std::move(then)));
    if (diag != nullptr)
        c.async_request(std::move(req), *diag, std::move(bound));
    else
        c.async_request(std::move(req), std::move(bound));
}

#define TWITTER_V1_CALL(T) \
    template void async_call<T>(client & c, http::request req, diagnostics * diag, call_handler<T> handler);

TWITTER_V1_CALL(status)
TWITTER_V1_CALL(std::vector<status>)
TWITTER_V1_CALL(user)
TWITTER_V1_CALL(std::vector<user>)
TWITTER_V1_CALL(list)
TWITTER_V1_CALL(std::vector<list>)
TWITTER_V1_CALL(relationship)
TWITTER_V1_CALL(std::vector<friendship>)
TWITTER_V1_CALL(saved_search)
TWITTER_V1_CALL(std::vector<saved_search>)
TWITTER_V1_CALL(place)
TWITTER_V1_CALL(place_search_result)
TWITTER_V1_CALL(search_results)
TWITTER_V1_CALL(id_page)
TWITTER_V1_CALL(user_page)
TWITTER_V1_CALL(list_page)
TWITTER_V1_CALL(dm_event)
TWITTER_V1_CALL(dm_event_page)
TWITTER_V1_CALL(oembed)
TWITTER_V1_CALL(std::vector<language>)
TWITTER_V1_CALL(rate_limit_status)
TWITTER_V1_CALL(account_settings)
TWITTER_V1_CALL(no_content)

#undef TWITTER_V1_CALL

}  // namespace twitter::v1::detail
