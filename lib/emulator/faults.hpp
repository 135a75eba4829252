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

// True for the kinds that act on an accepted connection before any request is read.
bool is_connection_fault(fault::kind what);

// The injected faults and how many matching requests each has seen. Pure: the server asks it, under its lock,
// which fault (if any) applies to each request.
class fault_table {
public:
    void add(fault f);
    void clear();
    // Counts the request against every request fault whose path matches and returns the first injected one
    // that fires.
    std::optional<fault> select(std::string_view path);
    // Counts an accepted connection against every connection fault and returns the first injected one that
    // fires.
    std::optional<fault> select_connection();
    bool empty() const { return entries_.empty(); }

private:
    struct entry {
        fault spec;
        std::size_t seen = 0;
    };
    std::optional<fault> count_and_pick(bool connections, std::string_view path);
    std::vector<entry> entries_;
};

}  // namespace twitter::emulator::detail

#endif
