#ifndef TWITTER_LIB_EMULATOR_STREAM_RULES_HPP
#define TWITTER_LIB_EMULATOR_STREAM_RULES_HPP

// The filtered stream's rules of the one emulated app: X's rule syntax checks, and the stored rules with
// their ids and tags, in the order they were added. Pure.

#include "emulator/search.hpp"
#include "emulator/world.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

// X's limit on a rule's length for every access level below Enterprise, in characters.
inline constexpr std::size_t max_rule_length = 512;

struct stream_rule {
    std::string id;  // a 19-digit snowflake, as X's are
    std::string value;
    std::string tag;  // empty when the rule has none
    search_query query;
};

// Why `value` is not a valid rule (empty when it is one), in the words of X's "Invalid Rule" details.
std::string rule_problem(std::string_view value);

class rule_set {
public:
    explicit rule_set(std::size_t max_rules = 1000) : max_rules_(max_rules) {}

    std::vector<stream_rule> const& all() const { return rules_; }
    std::size_t max_rules() const { return max_rules_; }
    stream_rule const* find_by_id(std::string_view id) const;
    stream_rule const* find_by_value(std::string_view value) const;

    // Stores a rule whose value is valid and not stored yet.
    void add(stream_rule rule) { rules_.push_back(std::move(rule)); }
    // False when no rule has that id.
    bool remove(std::string_view id);

    // The rules that match `t`, in the order they were added.
    std::vector<stream_rule const*> matching(world const& w, tweet_record const& t) const;

private:
    std::size_t max_rules_;
    std::vector<stream_rule> rules_;
};

}  // namespace twitter::emulator::detail

#endif
