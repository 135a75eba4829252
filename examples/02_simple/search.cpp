// Search recent tweets and print the matches with their authors.
//
// Teaches: a search query, page by page with v2::paginator (search pages with `next_token`, which the
// paginator knows), and expansions across pages. With --all it searches the full archive instead of the last
// seven days, which X allows with an app-only bearer token on its Pro and Enterprise access levels.
// Leaves out: tweet counts (v2::get_recent_tweets_count works the same way).
//
// usage: search [--all] "<query>" [max tweets]

#include "../common/example.hpp"

#include <twitter/v2/paginator.hpp>

#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>

namespace v2 = twitter::v2;

int main(int argc, char** argv) {
    bool const archive = argc > 1 && std::string_view(argv[1]) == "--all";
    int const first = archive ? 2 : 1;
    if (argc < first + 1 || argc > first + 2) {
        std::cerr << "usage: search [--all] \"<query>\" [max tweets]\n";
        return 2;
    }
    std::string const query = argv[first];
    std::size_t const max_tweets = argc == first + 2 ? std::stoul(argv[first + 1]) : 100;
    return example::run([archive, query, max_tweets](auto ex) -> boost::asio::awaitable<void> {
        auto client = example::client_from_environment(ex, example::config_from_environment());

        v2::search_params params;
        params.max_results = 10;
        params.fields.expansions = {v2::expansion::author_id};
        auto request = archive ? v2::search_all_tweets(query, params) : v2::search_recent_tweets(query, params);
        v2::paginator pages(client, std::move(request), twitter::page_limits{std::nullopt, max_tweets});
        std::size_t found = 0;
        while (!pages.done()) {
            auto const page = co_await pages.async_next_page();
            for (auto const& t : page.data) {
                std::string author = t.author_id.value_or("?");
                for (auto const& u : page.includes.users)
                    if (u.id == author) author = '@' + u.username;
                std::cout << author << ": " << t.text << '\n';
                ++found;
            }
        }
        std::cout << found << " tweets match \"" << query << "\" in " << pages.pages() << " pages\n";
    });
}
