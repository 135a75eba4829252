// Walk every follower of a user, one at a time, in constant memory.
//
// Teaches: looking a user up by username, v2::paginator in its flattened mode (it holds one page at a time,
// whatever the number of followers), page and item limits, and the rate limit the last page reported.
// Leaves out: retries and rate-limit waits, which the client does by itself (see rate_limits).
//
// usage: paginate_followers <username> [max followers]

#include "../common/example.hpp"

#include <twitter/v2/paginator.hpp>

#include <cstddef>
#include <iostream>
#include <optional>
#include <string>

namespace v2 = twitter::v2;

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: paginate_followers <username> [max followers]\n";
        return 2;
    }
    std::string const username = argv[1];
    std::optional<std::size_t> max_items;
    if (argc == 3) max_items = std::stoul(argv[2]);
    return example::run([username, max_items](auto ex) -> boost::asio::awaitable<void> {
        auto client = example::client_from_environment(ex, example::config_from_environment());

        v2::by_username const who{username};  // built before co_await: g++ 12 mishandles braced temporaries there
        auto const user = co_await client.async_get_user(who);
        std::string const id = user.data.value().id;

        v2::user_page_params page;
        page.max_results = 1000;  // the most X allows per page: fewer requests
        v2::paginator followers(client, v2::get_users_followers(id, page), twitter::page_limits{std::nullopt, max_items});
        std::size_t count = 0;
        while (auto const follower = co_await followers.async_next()) {
            if (++count <= 3) std::cout << "  @" << follower->username << '\n';
        }
        std::cout << "@" << username << " has " << count << " followers (walked in " << followers.pages()
                  << " pages)\n";
        auto const limits = client.last_rate_limits(twitter::http::verb::get, "/2/users/:id/followers");
        if (limits.window) std::cout << "requests left in this window: " << limits.window->remaining << '\n';
    });
}
