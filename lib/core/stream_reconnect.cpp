#include "core/stream_reconnect.hpp"

#include "core/errc.hpp"

#include <boost/system/errc.hpp>

#include <algorithm>
#include <limits>
#include <utility>

namespace twitter::core {
namespace {

using std::chrono::milliseconds;

stream_failure classify_status(unsigned status) noexcept {
    if (status == 429 || status == 420) return stream_failure::rate_limited;
    // A 200 whose connection then ended (or stalled) failed on the network, not in HTTP.
    if (status == 200) return stream_failure::network;
    if (status >= 500 && status < 600) return stream_failure::http;
    if (status >= 200 && status < 400) return stream_failure::http;
    return stream_failure::fatal;
}

bool is_certificate_error(error_code const& ec) noexcept {
    return ec == transport_errc::certificate_untrusted ||
           ec == transport_errc::certificate_hostname_mismatch || ec == transport_errc::certificate_expired ||
           ec == transport_errc::tls_handshake_failed || ec == transport_errc::non_loopback_peer;
}

// Counters saturate: after four billion failures the schedule stays at its cap instead of starting over.
void count(unsigned& n) noexcept {
    if (n < std::numeric_limits<unsigned>::max()) ++n;
}

// min(step * n, cap), without computing a product that could overflow.
milliseconds linear(milliseconds step, unsigned n, milliseconds cap) noexcept {
    step = std::max(step, milliseconds(0));
    if (step.count() > 0 && n > cap.count() / step.count()) return cap;
    return std::min(step * n, cap);
}

// min(initial * 2^(n-1), cap), doubling only while below the cap so that nothing overflows.
milliseconds doubling(milliseconds initial, unsigned n, milliseconds cap) noexcept {
    milliseconds delay = std::max(initial, milliseconds(0));
    for (unsigned i = 1; i < n && delay.count() > 0; ++i) {
        if (delay > cap / 2) return cap;
        delay *= 2;
    }
    return std::min(delay, cap);
}

}  // namespace

stream_failure classify_stream_failure(error_code const& ec, unsigned status) noexcept {
    if (!ec) return classify_status(status);
    // Cancellation is the caller's to handle; should it get here, retrying would undo it.
    if (ec == boost::system::errc::operation_canceled) return stream_failure::fatal;
    auto const& category = ec.category();
    if (category == api_category()) {
        if (ec == api_errc::too_many_requests) return stream_failure::rate_limited;
        if (ec == api_errc::server_error) return stream_failure::http;
        // X's legacy 420 ("Enhance Your Calm") has no api_errc of its own.
        if (ec == api_errc::unexpected_status && status == 420) return stream_failure::rate_limited;
        return stream_failure::fatal;
    }
    // Waiting fixes neither trust in a certificate nor a request the client refused to send.
    if (is_certificate_error(ec)) return stream_failure::fatal;
    if (category == client_category() || category == auth_category() || category == core_category())
        return stream_failure::fatal;
    // The rest of transport_errc and protocol_errc, and the network's own system and asio errors.
    return stream_failure::network;
}

reconnect_schedule::reconnect_schedule(stream_reconnect_policy const& policy) : policy_(policy) {}

void reconnect_schedule::on_healthy() noexcept {
    reconnect_at_once_ = true;
    failures_ = 0;
    network_ = 0;
    http_ = 0;
    rate_limited_ = 0;
}

std::optional<std::chrono::milliseconds> reconnect_schedule::on_failure(stream_failure what) noexcept {
    if (std::exchange(reconnect_at_once_, false) && what != stream_failure::fatal) return milliseconds(0);
    count(failures_);
    if (policy_.max_retries && failures_ > *policy_.max_retries) return std::nullopt;
    switch (what) {
        case stream_failure::network:
            count(network_);
            return linear(policy_.network_step, network_, policy_.network_max);
        case stream_failure::http:
            count(http_);
            return doubling(policy_.http_initial, http_, policy_.http_max);
        case stream_failure::rate_limited:
            count(rate_limited_);
            return doubling(policy_.rate_limit_initial, rate_limited_, policy_.rate_limit_max);
        case stream_failure::fatal:
            break;
    }
    return std::nullopt;  // fatal: no wait can fix it
}

unsigned reconnect_schedule::consecutive_failures() const noexcept { return failures_; }

}  // namespace twitter::core
