#ifndef TWITTER_LIB_EMULATOR_SEARCH_HPP
#define TWITTER_LIB_EMULATOR_SEARCH_HPP

// A small subset of X's search query language, shared by search and filtered-stream rules: terms separated
// by spaces must all match, OR separates alternatives (AND binds tighter, as on X), parentheses group,
// "quoted phrases" match consecutive words, a leading '-' negates a term or a group, and the operators
// from:, to:, #hashtag, @mention, is:retweet, is:reply, is:quote, has:media, has:links, lang: and
// conversation_id:. Words match whole tokens of the text, case-insensitively. Pure.

#include "emulator/world.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

class search_query {
public:
    // Empty when the query is not valid: no term at all, an unbalanced quote or parenthesis, a dangling OR,
    // an operator without its value. `problem`, when given, receives why.
    static std::optional<search_query> parse(std::string_view text, std::string* problem = nullptr);

    bool matches(world const& w, tweet_record const& t) const;

    // One operand of the query: a term, or a group of alternatives or of conjuncts.
    struct node {
        enum class kind { word, phrase, from, to, hashtag, mention, is, has, lang, conversation, all, any };
        kind what = kind::word;
        bool negated = false;
        std::string value;                // lowercased; operators, hashtags and mentions
        std::vector<std::string> tokens;  // word and phrase
        std::vector<node> children;       // all (AND) and any (OR)
    };

private:
    explicit search_query(node root) : root_(std::move(root)) {}

    node root_;
};

// The lowercased word tokens of `text`: runs of letters, digits, '_' and non-ASCII bytes.
std::vector<std::string> search_tokens(std::string_view text);

}  // namespace twitter::emulator::detail

#endif
