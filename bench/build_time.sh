#!/usr/bin/env bash
# Build time, as JSON lines:
#  - a clean Debug build (the dev preset's settings) of the library and both test tiers, in a fresh build
#    directory with ccache disabled, at the machine's default parallelism: configure and build timed apart;
#  - the compile time of one user translation unit, from bench/compile_time.sh (reused, not repeated here).
# The clean build takes long on a small machine; --skip-clean-build measures only the user unit.
# Usage: bench/build_time.sh [--skip-clean-build] [compiler]
set -euo pipefail
cd "$(dirname "$0")/.."

clean_build=1
if [[ ${1:-} == --skip-clean-build ]]; then
    clean_build=0
    shift
fi
cxx=${1:-g++}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }
emit() {  # subject metric value
    printf '{"bench":"build_time","compiler":"%s","subject":"%s","metric":"%s","value":%s}\n' "$cxx" "$1" "$2" "$3"
}

if ((clean_build)); then
    dir=$(mktemp -d "${TMPDIR:-/tmp}/twitter-build-time.XXXXXX")
    trap 'rm -rf "$dir"' EXIT
    export CCACHE_DISABLE=1
    t0=$(now)
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$cxx" \
        -DTWITTER_BUILD_TESTS=ON -DTWITTER_BUILD_EXAMPLES=OFF >"$dir/configure.log" 2>&1
    t1=$(now)
    cmake --build "$dir" --target twitter unit_tests integration_tests >"$dir/build.log" 2>&1
    t2=$(now)
    emit "clean_configure" seconds "$(elapsed "$t0" "$t1")"
    emit "clean_build_twitter_unit_tests_integration_tests" seconds "$(elapsed "$t1" "$t2")"
    emit "cores" count "$(nproc)"
fi

# The user unit against the Asio floor: compile_time.sh prints its own JSON lines (bench "compile_time").
bench/compile_time.sh "$cxx"
