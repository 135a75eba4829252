#include "emulator/stream_rules.hpp"

#include <algorithm>

namespace twitter::emulator::detail {

namespace {

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string rule_problem(std::string_view value) {
    if (code_points(value) > max_rule_length) {
        return "Rules must be " + std::to_string(max_rule_length) + " characters or fewer";
    }
    std::string problem;
    if (!search_query::parse(value, &problem)) {
        return problem;
    }
    return {};
}

stream_rule const* rule_set::find_by_id(std::string_view id) const {
    auto const it = std::find_if(rules_.begin(), rules_.end(), [&](auto const& r) { return r.id == id; });
    return it == rules_.end() ? nullptr : &*it;
}

stream_rule const* rule_set::find_by_value(std::string_view value) const {
    auto const it =
        std::find_if(rules_.begin(), rules_.end(), [&](auto const& r) { return r.value == value; });
    return it == rules_.end() ? nullptr : &*it;
}

bool rule_set::remove(std::string_view id) {
    return std::erase_if(rules_, [&](auto const& r) { return r.id == id; }) > 0;
}

std::vector<stream_rule const*> rule_set::matching(world const& w, tweet_record const& t) const {
    std::vector<stream_rule const*> out;
    for (auto const& r : rules_) {
        if (r.query.matches(w, t)) {
            out.push_back(&r);
        }
    }
    return out;
}

}  // namespace twitter::emulator::detail
