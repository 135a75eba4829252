// An HTTP server, written with Beast, that calls the X API from its own event loop: no second io_context,
// no thread of the SDK's, no blocking call.
//
// Teaches: sharing one twitter::client between sessions that run on strands of a multi-threaded io_context;
// awaiting the SDK from the sessions' coroutines; a per-call deadline through a cancellation slot; an OAuth
// 2.0 user token that refreshes by itself; reading the clients' state for a health check; and a graceful
// shutdown on SIGINT or SIGTERM, after which the io_context runs out of work. Leaves out: TLS on the server's
// side (see Beast's advanced servers), and saving the user's token (its token_updater only counts).
//
//   GET  /tweet/:id   the Tweet, {"id","text"}, read with the app's bearer token
//   POST /tweet       posts the request's body as a Tweet with the user's OAuth 2.0 token; 201 {"id"}
//   GET  /health      the clients' pools, the user's token and the rate limits; never a credential
//
// usage: embed_in_beast_server [port]     (0 or none: any free port; the port is printed)
// Needs TWITTER_BEARER_TOKEN, TWITTER_CLIENT_ID and TWITTER_REDIRECT_URI, and TWITTER_USER_BEARER_TOKEN
// against the live API (docs/embedding.md tells why).

#include "app.hpp"
#include "sessions.hpp"

#include "../../common/example.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/signal_set.hpp>

#include <charconv>
#include <chrono>
#include <csignal>
#include <exception>
#include <iostream>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;

namespace {

constexpr int threads = 4;
constexpr std::chrono::seconds grace{5};

asio::awaitable<void> start(example::app& a, example::server& server) {
    co_await a.user.async_sign_in();
    server.start();
    std::cout << "embed_in_beast_server listening on http://" << server.local_endpoint() << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned short port = 0;
    std::string_view const port_text = argc == 2 ? argv[1] : "0";
    auto const [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (argc > 2 || ec != std::errc() || end != port_text.data() + port_text.size()) {
        std::cerr << "usage: embed_in_beast_server [port]\n";
        return 2;
    }
    try {
        asio::io_context ioc(threads);
        auto const config = example::config_from_environment();
        example::app a(ioc.get_executor(), config, example::require_env("TWITTER_BEARER_TOKEN"));
        example::server server(ioc, a, {asio::ip::address_v4::loopback(), port});
        asio::signal_set signals(ioc, SIGINT, SIGTERM);

        //[embedding_shutdown
        // The same SDK from callbacks: each step starts the next from its completion handler. Sessions stop
        // first, as they may still be calling X; then each client lets what it has in flight finish (for at
        // most `grace`), closes its connections, and leaves nothing running on the io_context.
        signals.async_wait([&](boost::system::error_code, int) {
            std::cout << "stopping" << std::endl;
            asio::co_spawn(ioc, server.async_stop(), [&](std::exception_ptr) {
                a.app_client.async_shutdown(grace, [&](twitter::error_code) {
                    a.user_client.async_shutdown(grace, [](twitter::error_code) {});
                });
            });
        });
        //]

        int status = 0;
        asio::co_spawn(ioc, start(a, server), [&](std::exception_ptr failure) {
            if (!failure) return;
            status = 1;
            try {
                std::rethrow_exception(failure);
            } catch (std::exception const& e) {
                std::cerr << "error: " << e.what() << '\n';
            }
            ioc.stop();  // sessions and clients may still hold work; this is no clean shutdown
        });
        //[embedding_threads
        std::vector<std::jthread> others;
        for (int i = 1; i < threads; ++i) others.emplace_back([&ioc] { ioc.run(); });
        ioc.run();
        //]
        others.clear();  // joins
        if (status == 0) std::cout << "shut down cleanly" << std::endl;
        return status;
    } catch (std::exception const& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
