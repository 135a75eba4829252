#ifndef TWITTER_LIB_CLIENT_OPERATION_REGISTRY_HPP
#define TWITTER_LIB_CLIENT_OPERATION_REGISTRY_HPP

// The operations a client has in flight, so that shutting the client down or destroying it can end them.
// Thread-safe: a client's operations run on its strand, but media uploads have strands of their own.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace twitter::detail {

class operation_registry {
public:
    enum class kind {
        call,    // finishes by itself; a graceful shutdown lets it
        stream,  // runs until stopped; a shutdown stops it at once
    };
    // Asks one operation to end, from any thread (it posts to the operation's own strand).
    using canceller = std::function<void()>;

    // Records an operation. Empty once close() was called: the client takes no new work.
    std::optional<std::uint64_t> add(kind what, canceller cancel);
    void remove(std::uint64_t id);

    // Refuses every add() from now on.
    void close();
    bool closed() const;

    // Calls the canceller of every operation of that kind recorded now.
    void cancel(kind what);

    std::size_t size() const;

private:
    struct entry {
        std::uint64_t id;
        kind what;
        canceller cancel;
    };
    mutable std::mutex mutex_;
    bool closed_ = false;
    std::uint64_t next_id_ = 0;
    std::vector<entry> entries_;
};

}  // namespace twitter::detail

#endif
