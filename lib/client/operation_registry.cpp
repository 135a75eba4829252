#include "client/operation_registry.hpp"

#include <algorithm>

namespace twitter::detail {

std::optional<std::uint64_t> operation_registry::add(kind what, canceller cancel) {
    std::lock_guard lock(mutex_);
    if (closed_) return std::nullopt;
    entries_.push_back({++next_id_, what, std::move(cancel)});
    return next_id_;
}

void operation_registry::remove(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [id](entry const& e) { return e.id == id; });
}

void operation_registry::close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
}

bool operation_registry::closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
}

void operation_registry::cancel(kind what) {
    std::vector<canceller> chosen;
    {
        std::lock_guard lock(mutex_);
        for (entry const& e : entries_)
            if (e.what == what) chosen.push_back(e.cancel);
    }
    // Outside the lock: a canceller may post, and the operation may remove itself meanwhile.
    for (canceller const& cancel : chosen) cancel();
}

std::size_t operation_registry::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace twitter::detail
