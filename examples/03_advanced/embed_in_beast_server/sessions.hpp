#ifndef TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_SESSIONS_HPP
#define TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_SESSIONS_HPP

// The HTTP side: accepts connections and serves each one with a session, a coroutine on a strand of its own.
// A session's steps never overlap, so it needs no lock, while the io_context's threads serve different
// sessions at once. Keeps the set of sessions for a graceful stop.

#include "app.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <memory>
#include <set>

namespace example {

class server {
public:
    server(boost::asio::io_context& ioc, app& a, boost::asio::ip::tcp::endpoint const& where);

    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

    // Accepts connections until async_stop.
    void start();

    // Stops accepting, closes the connections that wait for a request, lets every session answer the request
    // it is serving and then close, and completes when no session is left.
    boost::asio::awaitable<void> async_stop();

private:
    struct session;

    boost::asio::awaitable<void> accept_connections();
    boost::asio::awaitable<void> stop_here();

    boost::asio::io_context& ioc_;
    app& app_;
    // The acceptor, the set of sessions and the flag below are touched on this strand only.
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::set<std::shared_ptr<session>> sessions_;
    bool stopping_ = false;
    boost::asio::steady_timer last_session_ended_;  // never expires; cancelled as the event
};

}  // namespace example

#endif
