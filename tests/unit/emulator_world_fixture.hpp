#ifndef TWITTER_TESTS_UNIT_EMULATOR_WORLD_FIXTURE_HPP
#define TWITTER_TESTS_UNIT_EMULATOR_WORLD_FIXTURE_HPP

// An empty emulator world that tests fill with tweets, one call each.

#include "emulator/world.hpp"

#include <string>

namespace test {

struct world_fixture {
    twitter::emulator::detail::world w;

    twitter::emulator::detail::tweet_record const& add(twitter::emulator::detail::id_type author, std::string text) {
        twitter::emulator::detail::tweet_record t;
        t.id = w.next_id(1'700'000'000'000);
        t.author_id = author;
        t.text = std::move(text);
        return w.add_tweet(std::move(t));
    }
};

}  // namespace test

#endif
