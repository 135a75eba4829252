// Handle rate limits: read them, catch a 429 with its reset time, and let the client wait instead.
//
// Teaches: client::last_rate_limits (per endpoint, from any thread), the twitter::too_many_requests
// exception and its reset_time(), and rate_limit_policy: wait_on_rate_limit (wait for the reset, then retry),
// max_wait (past it, the 429 is returned), wait_when_exhausted (wait before sending when none remain).
// Leaves out: the 24-hour limits of tweet creation, which the same calls report (limits.app_24hour and
// limits.user_24hour).
//
// usage: rate_limits <tweet id>     (run it against a server with a small budget, e.g.
//                                    `twitter-emulator --rate-limit 3`)

#include "../common/example.hpp"

#include <twitter/exception.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace v2 = twitter::v2;
using twitter::http::verb;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: rate_limits <tweet id>\n";
        return 2;
    }
    std::string const id = argv[1];
    return example::run([id](auto ex) -> boost::asio::awaitable<void> {
        auto const seconds_until = [](std::int64_t reset) {
            auto const now = std::chrono::system_clock::now().time_since_epoch();
            return reset - std::chrono::duration_cast<std::chrono::seconds>(now).count();
        };

        // 1. Without waiting: spend the window, then catch the 429.
        auto client = example::client_from_environment(ex, example::config_from_environment());
        for (int sent = 1;; ++sent) {
            try {
                co_await client.async_get_tweet(id);
            } catch (twitter::too_many_requests const& e) {
                std::cout << "request " << sent << " was rate limited; the window resets in "
                          << seconds_until(e.reset_time()) << " s\n";
                break;
            }
            auto const limits = client.last_rate_limits(verb::get, "/2/tweets/:id");
            if (limits.window)
                std::cout << "request " << sent << ": " << limits.window->remaining << " of "
                          << limits.window->limit << " left\n";
        }

        // 2. Waiting, but only so long: the reset is minutes away, so this client returns the 429 at once
        //    instead of sleeping. With max_wait above the window (the default, 16 minutes) it would wait for
        //    the reset and then succeed, like Tweepy's wait_on_rate_limit=True.
        auto config = example::config_from_environment();
        config.rate_limiting.wait_on_rate_limit = true;
        config.rate_limiting.max_wait = std::chrono::seconds(5);
        auto patient = example::client_from_environment(ex, config);
        try {
            co_await patient.async_get_tweet(id);
            std::cout << "the window had reset already\n";
        } catch (twitter::too_many_requests const& e) {
            std::cout << "waiting " << seconds_until(e.reset_time()) << " s is more than max_wait: the 429 "
                      << "comes back at once\n";
        }
        std::cout << "rate limits handled\n";
    });
}
