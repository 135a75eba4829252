#!/usr/bin/env bash
# examples.embed_in_beast_server: the server against a twitter-emulator process, loaded by the driver, then
# stopped with SIGINT while a client holds an idle connection open. Passes when every answer was right and
# the server then exits 0 by itself (its io_context ran out of work) with "shut down cleanly", within 20 s.
#
# usage: run_test.sh <twitter-emulator> <embed_in_beast_server> <embed_in_beast_server_driver>

set -euo pipefail
emulator_bin=${1:?usage}
server_bin=${2:?usage}
driver_bin=${3:?usage}
# Room for every request of the test; the GET /2/tweets/:id limit is checked against it.
rate_limit=100000
# The user's access tokens live 15 s: the server's refresh margin is 10 s, so a refresh is due after 5 s.
token_lifetime=15

work=$(mktemp -d)
emulator_pid=
server_pid=
cleanup() {
    for pid in $server_pid $emulator_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=../../start_emulator.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../start_emulator.sh"
start_emulator "$emulator_bin" 110 "$work" --rate-limit "$rate_limit" --access-token-lifetime "$token_lifetime"
export_emulator_env "$work"

timeout 100 "$server_bin" 0 >"$work/server.out" 2>&1 &
server_pid=$!
port=
for _ in $(seq 1 100); do
    if [[ $(cat "$work/server.out") =~ listening\ on\ http://127\.0\.0\.1:([0-9]+) ]]; then
        port=${BASH_REMATCH[1]}
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ -z $port ]]; then
    echo "the server did not start:"
    cat "$work/server.out"
    exit 1
fi

status=0
"$driver_bin" "$port" "$rate_limit" || status=$?

# A connection that never sends a request: the stop must close it rather than wait for it.
exec 3<>"/dev/tcp/127.0.0.1/$port"
kill -INT "$server_pid"
server_status=0
for _ in $(seq 1 200); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$server_pid" 2>/dev/null; then
    echo "the server was still running 20 s after SIGINT"
    status=1
else
    wait "$server_pid" || server_status=$?
fi
server_pid=
exec 3<&-
echo "--- server output"
cat "$work/server.out"
if ((server_status != 0)); then
    echo "the server exited with $server_status"
    status=1
elif ! grep -q '^shut down cleanly$' "$work/server.out"; then
    echo "the server did not say it shut down cleanly"
    status=1
fi
exit "$status"
