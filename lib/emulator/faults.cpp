#include "emulator/faults.hpp"

#include <utility>

namespace twitter::emulator::detail {

bool path_matches(std::string_view pattern, std::string_view path) {
    if (!pattern.empty() && pattern.back() == '*') {
        return path.starts_with(pattern.substr(0, pattern.size() - 1));
    }
    return pattern == path;
}

void fault_table::add(fault f) { entries_.push_back({std::move(f), 0}); }

void fault_table::clear() { entries_.clear(); }

bool is_connection_fault(fault::kind what) {
    return what == fault::kind::close_before_handshake || what == fault::kind::close_during_handshake;
}

std::optional<fault> fault_table::select(std::string_view path) { return count_and_pick(false, path); }

std::optional<fault> fault_table::select_connection() { return count_and_pick(true, {}); }

std::optional<fault> fault_table::count_and_pick(bool connections, std::string_view path) {
    std::optional<fault> fired;
    for (auto& e : entries_) {
        if (is_connection_fault(e.spec.what) != connections ||
            (!connections && !path_matches(e.spec.path, path))) {
            continue;
        }
        auto const n = ++e.seen;
        // nth 0 would never fire under 1-based counting; treat it as 1 rather than as a silent no-op.
        auto const first = e.spec.nth == 0 ? 1 : e.spec.nth;
        bool const fires = n >= first && (e.spec.count == 0 || n - first < e.spec.count);
        if (fires && !fired) {
            fired = e.spec;
        }
    }
    return fired;
}

}  // namespace twitter::emulator::detail
