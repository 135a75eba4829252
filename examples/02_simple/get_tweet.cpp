// Get a tweet, with its author pulled in through an expansion.
//
// Teaches: one typed call, expansions and fields, reading `includes`, and what a 200 that carries errors
// means (the id does not exist or is hidden). Leaves out: pagination and writes (see the other examples).
//
// usage: get_tweet <tweet id>

#include "../common/example.hpp"

#include <twitter/client.hpp>

#include <iostream>
#include <string>

namespace v2 = twitter::v2;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: get_tweet <tweet id>\n";
        return 2;
    }
    std::string const id = argv[1];
    return example::run([id](auto ex) -> boost::asio::awaitable<void> {
        auto client = example::client_from_environment(ex, example::config_from_environment());

        v2::tweet_fields_params fields;
        fields.expansions = {v2::expansion::author_id};
        fields.tweet_fields = {v2::tweet_field::created_at, v2::tweet_field::public_metrics};
        auto const res = co_await client.async_get_tweet(id, fields);

        if (!res.data) {
            // Not an exception: X answers 200 and explains in `errors`.
            for (auto const& e : res.errors) std::cout << "not found: " << e.detail << '\n';
            co_return;
        }
        std::string author = res.data->author_id.value_or("?");
        for (auto const& u : res.includes.users)
            if (u.id == author) author = '@' + u.username;
        std::cout << "tweet " << res.data->id << " by " << author << ": " << res.data->text << '\n';
        if (res.data->public_metrics) std::cout << "likes: " << res.data->public_metrics->like_count << '\n';
    });
}
