#ifndef TWITTER_TESTS_INTEGRATION_FAULT_MATRIX_HPP
#define TWITTER_TESTS_INTEGRATION_FAULT_MATRIX_HPP

// The vocabulary of the fault matrix: which faults it injects, how an outcome is judged, and how a run is
// written to the log. No I/O: the matrix test and the soak program share it.

#include <twitter/emulator/server.hpp>
#include <twitter/error.hpp>
#include <twitter/media/types.hpp>

#include <boost/asio/error.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace test {

enum class injected {
    status_503,
    close_before_response,
    close_mid_response,
    truncated_body,
    malformed_body,
    stall,
    close_before_handshake,
    close_during_handshake,
};

inline constexpr std::array<injected, 8> every_injected_kind{injected::status_503,
                                                             injected::close_before_response,
                                                             injected::close_mid_response,
                                                             injected::truncated_body,
                                                             injected::malformed_body,
                                                             injected::stall,
                                                             injected::close_before_handshake,
                                                             injected::close_during_handshake};

inline std::string_view name_of(injected k) {
    switch (k) {
        case injected::status_503:
            return "503";
        case injected::close_before_response:
            return "close_before_response";
        case injected::close_mid_response:
            return "close_mid_response";
        case injected::truncated_body:
            return "truncated_body";
        case injected::malformed_body:
            return "malformed_body";
        case injected::stall:
            return "stall";
        case injected::close_before_handshake:
            return "close_before_handshake";
        case injected::close_during_handshake:
            return "close_during_handshake";
    }
    return "?";
}

// Connection faults count accepted connections; the others count requests.
inline bool counts_connections(injected k) {
    return k == injected::close_before_handshake || k == injected::close_during_handshake;
}

// The emulator's fault for `k` at the nth step, on every path.
inline twitter::emulator::fault fault_at(injected k, std::size_t nth) {
    using kind = twitter::emulator::fault::kind;
    twitter::emulator::fault f;
    f.path = "*";
    f.nth = nth;
    f.count = 1;
    switch (k) {
        case injected::status_503:
            f.what = kind::status;
            f.status = 503;
            f.headers = {{"content-type", "application/problem+json"}};
            f.body =
                R"({"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503})";
            break;
        case injected::close_before_response:
            f.what = kind::close_before_response;
            break;
        case injected::close_mid_response:
            f.what = kind::close_mid_response;
            break;
        case injected::truncated_body:
            f.what = kind::truncated_body;
            break;
        case injected::malformed_body:
            f.what = kind::malformed_body;
            break;
        case injected::stall:
            f.what = kind::stall;
            break;
        case injected::close_before_handshake:
            f.what = kind::close_before_handshake;
            break;
        case injected::close_during_handshake:
            f.what = kind::close_during_handshake;
            break;
    }
    return f;
}

// An error the caller can act on: one of the SDK's own categories. Anything else (a generic system code,
// operation_aborted without a cancel, an unknown category) means an error escaped untyped.
inline bool is_typed(twitter::error_code const& ec) {
    auto const& c = ec.category();
    return c == twitter::transport_category() || c == twitter::protocol_category() ||
           c == twitter::api_category() || c == twitter::client_category() || c == twitter::auth_category() ||
           c == twitter::media_category();
}

// "ok", or "<category>:<value> (<message>)".
inline std::string describe(twitter::error_code const& ec) {
    if (!ec) return "ok";
    return std::string(ec.category().name()) + ":" + std::to_string(ec.value()) + " (" + ec.message() + ")";
}

}  // namespace test

#endif
