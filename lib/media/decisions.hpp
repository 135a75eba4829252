#ifndef TWITTER_LIB_MEDIA_DECISIONS_HPP
#define TWITTER_LIB_MEDIA_DECISIONS_HPP

// The pure decisions of an upload: when to poll STATUS again, and whether a failed APPEND is sent again.

#include <twitter/error.hpp>
#include <twitter/media/types.hpp>
#include <twitter/retry.hpp>

#include <chrono>
#include <optional>

namespace twitter::media {

// check_after_secs is X's to choose, but a wait is kept within these bounds: no busy polling on a 0, and no
// absurd sleep on a corrupt value. Missing, X is asked again after the default.
inline constexpr std::chrono::milliseconds min_poll_interval{std::chrono::seconds(1)};
inline constexpr std::chrono::milliseconds max_poll_interval{std::chrono::minutes(5)};
inline constexpr std::chrono::milliseconds default_poll_interval{std::chrono::seconds(5)};

struct poll_decision {
    enum class action {
        done,     // succeeded: the media can be posted
        wait,     // wait `delay`, then ask STATUS again
        failed,   // X gave up processing: media_errc::processing_failed
        timeout,  // max_wait is spent: media_errc::processing_timeout
    };
    action what = action::done;
    std::chrono::milliseconds delay{0};
};

// After FINALIZE or a STATUS answer. `waited` is the time already spent in waits for this media; a wait never
// runs past `max_wait`, so the last poll happens when it is reached.
poll_decision next_status_poll(processing_info const& info, std::chrono::milliseconds waited,
                               std::chrono::milliseconds max_wait) noexcept;

// After APPEND attempt number `retries_done` + 1 failed: the wait before sending the same segment again, or
// nothing when the failure is final. X lets chunks be retried individually, so unlike other POSTs an APPEND
// is repeated after a network error, a response cut short, or a 500, 502, 503 or 504; never after a 4xx
// or a cancellation. `u` in [0, 1) is the backoff jitter.
std::optional<std::chrono::milliseconds> append_retry_delay(retry_policy const& policy, error_code const& ec,
                                                            unsigned status, unsigned retries_done,
                                                            double u) noexcept;

}  // namespace twitter::media

#endif
