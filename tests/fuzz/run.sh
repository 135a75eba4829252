#!/usr/bin/env bash
# Builds the fuzzers (preset fuzz: clang 14, libFuzzer, ASan and UBSan) and runs each for <seconds> on a copy
# of its committed corpus, so that the corpus in git is not grown by the run. Exits non-zero when any fuzzer
# finds a crash, a leak, a timeout or a broken invariant; the input is kept in build/fuzz/findings/<fuzzer>/.
# Usage: tests/fuzz/run.sh <seconds-per-fuzzer> [fuzzer...]   (default: every fuzzer, one after another)
set -euo pipefail

seconds=${1:?usage: tests/fuzz/run.sh <seconds-per-fuzzer> [fuzzer...]}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

./install-deps.sh fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

if [ $# -eq 0 ]; then
    set -- $(ls tests/fuzz/corpus)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/twitter-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
for name in "$@"; do
    fuzzer=build/fuzz/tests/fuzz/fuzz_$name
    findings=build/fuzz/findings/$name
    log=build/fuzz/logs/$name.log
    mkdir -p "$work/$name" "$findings" "$(dirname "$log")"
    cp -R "tests/fuzz/corpus/$name/." "$work/$name/"
    echo "== fuzz_$name: ${seconds}s"
    if "$fuzzer" "$work/$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        # The last status line (runs, cov, ft, corp, exec/s) and the totals.
        grep -E '^#[0-9]+' "$log" | tail -1 || true
        grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
    else
        failed+=("$name")
        echo "fuzz_$name FOUND A PROBLEM (log: $log, input in $findings/):"
        grep -E 'ERROR|invariant broken|runtime error|SUMMARY|Test unit written' "$log" | head -20 || true
    fi
done

if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzz: findings in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: no findings"
