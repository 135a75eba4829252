#!/usr/bin/env bash
# One entry point for people and CI. Installs what is missing (Debian 12), configures, builds, then:
#   ./build.sh demo   runs the demo against the embedded emulator (the README's first command)
#   ./build.sh test   builds everything and runs every test with ctest (the README's second command; CI)
#   ./build.sh asan   the same tests under AddressSanitizer and UndefinedBehaviorSanitizer
#   ./build.sh tsan   the multithreaded integration suites under ThreadSanitizer
#   ./build.sh fuzz [seconds]   every libFuzzer fuzzer for that long (default 60), clang 14 (tests/fuzz/run.sh)
set -euo pipefail
cd "$(dirname "$0")"

./install-deps.sh

tsan_suites='^integration\.(embedding|client_lifecycle|client_transport|auth_token_store|auth_oauth1_flows|stream_events|stream_backoff)$'

run_tests() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
    ctest --preset "$preset"
}

case "${1:-}" in
    demo)
        cmake --preset dev >/dev/null
        cmake --build --preset dev --target twitter-cli
        exec build/dev/examples/twitter-cli demo
        ;;
    test) run_tests dev ;;
    asan) run_tests asan ;;
    tsan)
        # The suites that run one client or token store from several threads; the rest are single-threaded,
        # and ASan already covers them.
        cmake --preset tsan >/dev/null
        cmake --build --preset tsan --target integration_tests
        ctest --preset tsan -R "$tsan_suites"
        ;;
    fuzz) exec tests/fuzz/run.sh "${2:-60}" ;;
    *)
        echo "usage: $0 demo|test|asan|tsan|fuzz [seconds]" >&2
        exit 2
        ;;
esac
