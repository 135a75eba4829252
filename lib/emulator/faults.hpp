#ifndef TWITTER_LIB_EMULATOR_FAULTS_HPP
#define TWITTER_LIB_EMULATOR_FAULTS_HPP

#include <twitter/emulator/server.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

// True when `path` (a target without its query) is selected by `pattern`: equal, or `pattern` ends in '*'
// and the rest is a prefix of `path`.
bool path_matches(std::string_view pattern, std::string_view path);

// The injected faults and how many matching requests each has seen. Pure: the server asks it, under its lock,
// which fault (if any) applies to each request.
class fault_table {
public:
    void add(fault f);
    void clear();
    // Counts the request against every fault whose path matches and returns the first injected one that
    // fires.
    std::optional<fault> select(std::string_view path);
    bool empty() const { return entries_.empty(); }

private:
    struct entry {
        fault spec;
        std::size_t seen = 0;
    };
    std::vector<entry> entries_;
};

}  // namespace twitter::emulator::detail

#endif
