#!/usr/bin/env bash
# One entry point for people and CI. Installs what is missing (Debian 12), configures, builds, then:
#   ./build.sh demo   runs the demo against the embedded emulator (the README's first command)
#   ./build.sh test   builds everything and runs every test with ctest (the README's second command; CI)
#   ./build.sh asan   the same tests under AddressSanitizer and UndefinedBehaviorSanitizer
#   ./build.sh tsan   the same tests under ThreadSanitizer
set -euo pipefail
cd "$(dirname "$0")"

./install-deps.sh

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
    tsan) run_tests tsan ;;
    *)
        echo "usage: $0 demo|test|asan|tsan" >&2
        exit 2
        ;;
esac
