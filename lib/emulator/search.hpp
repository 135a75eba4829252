#ifndef TWITTER_LIB_EMULATOR_SEARCH_HPP
#define TWITTER_LIB_EMULATOR_SEARCH_HPP

// A small subset of X's search query language, enough for tests: terms separated by spaces must all match,
// OR separates alternatives, "quoted phrases" match consecutive words, a leading '-' negates, and the
// operators from:, to:, #hashtag, @mention, is:retweet, is:reply, is:quote, has:media, has:links, lang: and
// conversation_id:. Words match whole tokens of the text, case-insensitively. Parentheses are ignored. Pure.

#include "emulator/world.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

class search_query {
public:
    // Empty when the query has no term at all (or an unbalanced quote).
    static std::optional<search_query> parse(std::string_view text);

    bool matches(world const& w, tweet_record const& t) const;

private:
    struct term {
        enum class kind { word, phrase, from, to, hashtag, mention, is, has, lang, conversation };
        kind what = kind::word;
        bool negated = false;
        std::string value;                // lowercased
        std::vector<std::string> tokens;  // word and phrase
    };
    bool matches(world const& w, tweet_record const& t, term const& x) const;

    std::vector<std::vector<term>> alternatives_;  // OR of ANDs
};

// The lowercased word tokens of `text`: runs of letters, digits, '_' and non-ASCII bytes.
std::vector<std::string> search_tokens(std::string_view text);

}  // namespace twitter::emulator::detail

#endif
