// Post a tweet, read it back, and delete it.
//
// Teaches: user-context writes (OAuth 1.0a keys from the environment), the typed answers of a write
// (`data.id` of the new tweet, `data.deleted`), and that writes are never retried behind your back.
// Leaves out: media (see upload_media) and replies.
//
// usage: post_and_delete "<text>"

#include "../common/example.hpp"

#include <twitter/client.hpp>

#include <iostream>
#include <string>

namespace v2 = twitter::v2;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: post_and_delete \"<text>\"\n";
        return 2;
    }
    std::string const text = argv[1];
    return example::run([text](auto ex) -> boost::asio::awaitable<void> {
        auto client = example::client_from_environment(ex, example::config_from_environment());

        v2::create_tweet_params tweet;
        tweet.text = text;
        auto const created = co_await client.async_create_tweet(tweet);
        std::string const id = created.data.value().id;
        std::cout << "posted " << id << ": " << created.data->text << '\n';

        auto const read_back = co_await client.async_get_tweet(id);
        std::cout << "read back: " << read_back.data.value().text << '\n';

        auto const deleted = co_await client.async_delete_tweet(id);
        std::cout << "deleted: " << (deleted.data && deleted.data->deleted.value_or(false) ? "yes" : "no") << '\n';
    });
}
