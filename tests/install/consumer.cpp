// Talks to the installed emulator through the installed SDK: proves the package's headers, libraries and
// dependencies are complete.
#include <twitter/client.hpp>
#include <twitter/emulator/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

int main() {
    boost::asio::io_context io;
    twitter::emulator::server emulator(io.get_executor());
    emulator.start();
    twitter::client_config config;
    config.hosts = twitter::endpoints::at(emulator.base_url());
    config.tls.ca_pem = emulator.ca_pem();
    twitter::client client(io.get_executor(), emulator.app_bearer_token(), config);
    int status = 0;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> {
            twitter::http::request req;
            req.target = "/2/tweets/1293593516040269825";
            auto [ec, res] = co_await client.async_request(req, boost::asio::as_tuple(boost::asio::deferred));
            status = ec ? -1 : static_cast<int>(res.status);
            emulator.stop();
        },
        boost::asio::detached);
    io.run();
    std::cout << "consumer: status " << status << '\n';
    return status == 200 ? 0 : 1;
}
