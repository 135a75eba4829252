#!/usr/bin/env bash
# Runs one example against a fresh twitter-emulator process, the way a user would run it against the live
# API: the emulator's env file provides the credentials and hosts.
#
# usage: run_with_emulator.sh <twitter-emulator> "<emulator options>" "<expected output regex>" \
#                             <example> [example arguments...]
# Passes when the example exits with 0 and its output matches the regex (grep -E). With
# EXAMPLE_RANDOM_FILE=name:bytes, a file of random bytes is made first in the example's working directory.

set -euo pipefail
emulator_bin=${1:?usage}
emulator_options=${2?usage}
expected=${3:?usage}
shift 3

work=$(mktemp -d)
emulator_pid=
# The emulator's own exit status on SIGTERM is not the example's result: it must not become the script's.
cleanup() {
    if [[ -n $emulator_pid ]]; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=start_emulator.sh
source "$(dirname "${BASH_SOURCE[0]}")/start_emulator.sh"
# shellcheck disable=SC2086  # the options are words on purpose
start_emulator "$emulator_bin" 120 "$work" $emulator_options
export_emulator_env "$work"
cd "$work"
if [[ -n ${EXAMPLE_RANDOM_FILE:-} ]]; then
    head -c "${EXAMPLE_RANDOM_FILE#*:}" /dev/urandom >"${EXAMPLE_RANDOM_FILE%%:*}"
fi
status=0
"$@" >"$work/example.out" 2>&1 || status=$?
cat "$work/example.out"
if ((status != 0)); then
    echo "the example exited with $status"
    exit 1
fi
if ! grep -Eq -- "$expected" "$work/example.out"; then
    echo "the output does not match: $expected"
    exit 1
fi
exit 0
