// Upload a video in chunks, with progress, wait for X to process it, and tweet it.
//
// Teaches: twitter::v2::async_upload_media (INIT, APPEND per chunk, FINALIZE, then STATUS polls while X
// processes a video), the progress callback, and attaching the media id to a new tweet. Leaves out: the
// v1.1 upload (twitter::async_upload_media on a twitter::api works the same way), alt text and subtitles.
//
// usage: upload_media <file> [media type]      e.g. upload_media clip.mp4 video/mp4

#include "../common/example.hpp"

#include <twitter/media.hpp>

#include <iostream>
#include <string>

namespace v2 = twitter::v2;

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: upload_media <file> [media type]\n";
        return 2;
    }
    std::string const file = argv[1];
    std::string const media_type = argc == 3 ? argv[2] : "";
    return example::run([file, media_type](auto ex) -> boost::asio::awaitable<void> {
        auto client = example::client_from_environment(ex, example::config_from_environment());

        twitter::media_upload_params params;
        params.media_type = media_type;  // empty: recognised from the file's first bytes
        params.chunk_size = 1024 * 1024;
        params.on_progress = [](std::uint64_t sent, std::uint64_t total) {
            std::cout << "  sent " << sent << " of " << total << " bytes\n";
        };
        auto source = twitter::media_source::from_file(file);
        auto const media = co_await v2::async_upload_media(client, std::move(source), params);
        std::cout << "uploaded media " << media.media_id << " (" << media.size << " bytes)";
        if (media.processing) std::cout << ", processing " << media.processing->state;
        std::cout << '\n';

        v2::create_tweet_params tweet;
        tweet.text = "A video, uploaded in chunks";
        tweet.media = v2::tweet_media{{media.media_id}, {}};
        auto const posted = co_await client.async_create_tweet(tweet);
        std::cout << "tweeted " << posted.data.value().id << " with media " << media.media_id << '\n';
    });
}
