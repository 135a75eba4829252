#include "sessions.hpp"

#include "routes.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>
#include <exception>
#include <iostream>
#include <utility>

namespace example {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto tuple = asio::as_tuple(asio::deferred);
constexpr std::chrono::seconds idle_timeout{30};

}  // namespace

struct server::session {
    beast::tcp_stream stream;  // its executor is the session's strand
    bool idle = false;         // waiting for a request, which a stop may cancel
    bool stopping = false;     // answer the request under way, then close

    // One connection, request after request, on the session's strand.
    asio::awaitable<void> serve(app& a) {
        beast::flat_buffer buffer;
        for (;;) {
            http_request req;
            idle = true;
            stream.expires_after(idle_timeout);
            auto [read_error, read] = co_await http::async_read(stream, buffer, req, tuple);
            idle = false;
            if (read_error) break;   // closed by the peer, idle too long, or stopped while idle
            stream.expires_never();  // the route's own calls have their deadlines

            http_response res = co_await respond(a, req);
            res.keep_alive(req.keep_alive() && !stopping);
            stream.expires_after(idle_timeout);
            auto [write_error, written] = co_await http::async_write(stream, res, tuple);
            if (write_error || !res.keep_alive()) break;
        }
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
};

server::server(asio::io_context& ioc, app& a, tcp::endpoint const& where)
    : ioc_(ioc),
      app_(a),
      strand_(asio::make_strand(ioc)),
      acceptor_(strand_, where),
      last_session_ended_(strand_, asio::steady_timer::time_point::max()) {}

void server::start() {
    asio::co_spawn(strand_, accept_connections(), [](std::exception_ptr failure) {
        if (failure) std::rethrow_exception(failure);
    });
}

asio::awaitable<void> server::accept_connections() {
    for (;;) {
        //[embedding_strands
        // Each connection gets a strand of its own, and the session runs its coroutine there: the SDK's
        // operations complete on the handler's associated executor, so every co_await in the session resumes
        // on that strand, whichever thread runs it. The session's end is reported on the server's strand,
        // which owns the set of sessions.
        auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), tuple);
        if (ec) break;  // the acceptor was closed: we are stopping
        auto s = std::make_shared<session>(beast::tcp_stream(std::move(socket)));
        sessions_.insert(s);
        asio::co_spawn(s->stream.get_executor(), s->serve(app_),
                       asio::bind_executor(strand_, [this, s](std::exception_ptr failure) {
                           sessions_.erase(s);
                           if (stopping_ && sessions_.empty()) last_session_ended_.cancel();
                           if (failure) std::cerr << "a session failed\n";
                       }));
        //]
    }
}

asio::awaitable<void> server::async_stop() {
    co_await asio::co_spawn(strand_, stop_here(), asio::use_awaitable);
}

asio::awaitable<void> server::stop_here() {
    stopping_ = true;
    beast::error_code ignored;
    acceptor_.close(ignored);
    // A session's members belong to its strand: tell it there.
    for (auto const& s : sessions_)
        asio::post(s->stream.get_executor(), [s] {
            s->stopping = true;
            if (s->idle) s->stream.cancel();
        });
    if (!sessions_.empty()) co_await last_session_ended_.async_wait(tuple);
}

}  // namespace example
