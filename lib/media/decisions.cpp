#include "media/decisions.hpp"

#include "core/backoff.hpp"

#include <algorithm>

namespace twitter::media {

poll_decision next_status_poll(processing_info const& info, std::chrono::milliseconds waited,
                               std::chrono::milliseconds max_wait) noexcept {
    using action = poll_decision::action;
    switch (info.state) {
        case processing_state::succeeded: return {action::done, {}};
        case processing_state::failed: return {action::failed, {}};
        case processing_state::pending:
        case processing_state::in_progress: break;
    }
    if (waited >= max_wait) return {action::timeout, {}};
    std::chrono::milliseconds delay = default_poll_interval;
    if (info.check_after) {
        // Compared in seconds first, so that a huge check_after_secs cannot overflow milliseconds.
        delay = *info.check_after >= std::chrono::duration_cast<std::chrono::seconds>(max_poll_interval)
                    ? max_poll_interval
                    : std::chrono::milliseconds(*info.check_after);
    }
    delay = std::clamp(delay, min_poll_interval, max_poll_interval);
    return {action::wait, std::min(delay, max_wait - waited)};
}

std::optional<std::chrono::milliseconds> append_retry_delay(retry_policy const& policy, error_code const& ec,
                                                            unsigned status, unsigned retries_done,
                                                            double u) noexcept {
    if (!ec || retries_done >= policy.max_retries) return std::nullopt;
    bool const network = ec.category() == transport_category() || ec == protocol_errc::truncated_body ||
                         ec == protocol_errc::malformed_response;
    bool const passing_status = status == 500 || status == 502 || status == 503 || status == 504;
    if (!network && !(ec == api_errc::server_error && passing_status)) return std::nullopt;
    return core::backoff_delay(policy.backoff, retries_done, u);
}

}  // namespace twitter::media
