#ifndef TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_APP_HPP
#define TWITTER_EXAMPLES_EMBED_IN_BEAST_SERVER_APP_HPP

// What the routes share, whichever thread serves them: the app's client (its bearer token reads Tweets), the
// user's client (its OAuth 2.0 token posts them) and that token. A client is safe to use from every thread
// of the io_context at once, so the sessions share these two instead of making one each.

#include "user_token.hpp"

#include <twitter/client.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <string>

namespace example {

struct app {
    //[embedding_clients
    // The clients take the io_context's executor. Each keeps its own state on one strand inside, and
    // completes every operation on the caller's executor (a session's strand), or else on this one.
    app(boost::asio::any_io_executor ex, twitter::client_config const& config,
        std::string const& bearer_token)
        : user(ex, config), app_client(ex, bearer_token, config), user_client(ex, user.handler(), config) {}
    //]

    user_token user;
    twitter::client app_client;
    twitter::client user_client;
    // How long a route waits for X before it answers 504.
    std::chrono::milliseconds x_timeout{10'000};
};

}  // namespace example

#endif
