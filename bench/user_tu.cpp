// A user's translation unit, as the build-time budget imagines it: the client header and ten awaited calls.
// Compiled, never run, by compile_time.sh.
#include <twitter/client.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>
#include <string>

boost::asio::awaitable<void> ten_calls(twitter::client& client) {
    for (int i = 0; i < 10; ++i) {
        twitter::http::request req;
        req.target = "/2/tweets/" + std::to_string(i);
        twitter::http::response res = co_await client.async_request(req);
        std::cout << res.body << '\n';
    }
}

int main() {
    boost::asio::io_context io;
    twitter::client client(io.get_executor(), std::string("token"));
    boost::asio::co_spawn(io, ten_calls(client), boost::asio::detached);
    io.run();
}
