#!/usr/bin/env bash
# Every benchmark in one command, bounded to about ten minutes: installs the peers (bench/install-peers.sh),
# builds the release preset, starts a twitter-emulator process, runs the signing and throughput benchmarks with
# their peers and baselines, the client's memory over a million requests, a refresh storm and the build time,
# appends every JSON line to build/bench/results.jsonl (tagged with this run's id) and writes
# build/bench/ratios.md and build/bench/ratios.png.
#
# usage: bench/run.sh [--no-install] [--no-build]
# THROUGHPUT_SECONDS (default 5) is each throughput run's counted time; ROUNDS (default 3) how often the fast
# subjects are measured, interleaved, for their medians; HEADER_POOL (default 25,000 a second, plus 25,000) how
# many precomputed headers wrk and the minimal client get per run; MEMORY_REQUESTS (default 1,000,000) how many
# requests bench_memory makes, sampling RSS at a tenth of them and at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
install=1 build=1
for arg in "$@"; do
    case $arg in
        --no-install) install=0 ;;
        --no-build) build=0 ;;
        *) echo "usage: bench/run.sh [--no-install] [--no-build]" >&2; exit 2 ;;
    esac
done
seconds=${THROUGHPUT_SECONDS:-5}
rounds=${ROUNDS:-3}
MEMORY_REQUESTS=${MEMORY_REQUESTS:-1000000}
connections=16
path=/2/users/me
bin=build/release
out=build/bench
mkdir -p "$out"
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)
run_file=$out/run.jsonl
: >"$run_file"
work=$(mktemp -d)
emulator_pid=
cleanup() {
    [[ -n $emulator_pid ]] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

note() { echo "== $*" >&2; }
# Keeps a benchmark's JSON lines (anything else it prints goes to stderr) in this run's file.
record() { grep '^{' | tee -a "$run_file"; }

if ((install)); then
    note "installing the peers"
    bench/install-peers.sh
fi
if ((build)); then
    note "building the release preset"
    cmake --preset release >/dev/null
    targets=(twitter-emulator bench_signing bench_oauth_headers bench_throughput bench_minimal_beast_client
             bench_refresh_storm bench_memory)
    cmake --build --preset release --target "${targets[@]}"
fi

note "signing: ours, then each peer, then ours again"
"$bin/bench/bench_signing" | record
/usr/bin/python3 bench/peers/sign_oauthlib.py | record
/usr/bin/python3 bench/peers/sign_tweepy.py | record
node bench/peers/sign_twitter_api_v2.js | record
"$bin/bench/bench_signing" | record

note "starting the emulator"
# shellcheck source=../examples/start_emulator.sh
source examples/start_emulator.sh
# Two threads: on a shared machine the emulator then keeps ahead of any one client (wrk shows it).
start_emulator "$bin/twitter-emulator" 900 "$work" --rate-limit 1000000000000 --threads 2
export_emulator_env "$work"
export NODE_EXTRA_CA_CERTS=$TWITTER_EMULATOR_CA

# wrk and the minimal client send precomputed headers, each once (the emulator refuses a reused nonce); a pool
# of this many per run outlasts any rate this machine reaches.
headers=$work/headers.txt
pool=${HEADER_POOL:-$((seconds * 25000 + 25000))}
fresh_headers() {
    "$bin/bench/bench_oauth_headers" "$pool" GET "$TWITTER_EMULATOR_URL$path" >"$headers"
}
run_wrk() {
    fresh_headers
    local line
    line=$(HEADERS_FILE=$headers REQUEST_PATH=$path WRK_THREADS=2 \
        wrk -t2 -c$connections -d"${seconds}s" -s bench/peers/wrk_headers.lua "$TWITTER_EMULATOR_URL" | grep '^{')
    if ! [[ $line =~ \"not_ok\":0,\"headers_exhausted\":0 ]]; then
        echo "wrk: some answers were not 200, or the header pool ran out: $line" >&2
        exit 1
    fi
    echo "$line" | record
}
for round in $(seq 1 "$rounds"); do
    note "throughput round $round of $rounds: minimal Beast client, twitter-asio, wrk"
    fresh_headers
    "$bin/bench/bench_minimal_beast_client" "$headers" "$path" "$seconds" $connections | record
    "$bin/bench/bench_throughput" "$seconds" $connections $connections | record
    run_wrk
done
note "throughput: twitter-api-v2 ($connections concurrent), Tweepy (sequential)"
node bench/peers/throughput_twitter_api_v2.js "$seconds" $connections | record
/usr/bin/python3 bench/peers/throughput_tweepy.py "$seconds" | record

# The client's memory against the emulator process, so that RSS is the client's alone. Plain HTTP on loopback
# keeps a million requests within minutes on 2 cores; MEMORY_TLS=1 measures over TLS (about 20 minutes).
note "bench_memory: $MEMORY_REQUESTS requests"
[[ $emulator_line =~ env=([^ ]+) ]]
memory_flags=(--env "${BASH_REMATCH[1]}" --requests "$MEMORY_REQUESTS" --sample-at $((MEMORY_REQUESTS / 10)))
((${MEMORY_TLS:-0})) || memory_flags+=(--plain)
"$bin/bench/bench_memory" "${memory_flags[@]}" | record
kill "$emulator_pid" && wait "$emulator_pid" 2>/dev/null || true
emulator_pid=

note "bench_refresh_storm: 10,000 calls at a token's expiry"
"$bin/bench/bench_refresh_storm" | record
# A clean build of the library and tests takes most of an hour on 2 cores: BUILD_TIME_CLEAN=1 includes it.
note "build_time.sh"
if ((${BUILD_TIME_CLEAN:-0})); then bench/build_time.sh | record; else bench/build_time.sh --skip-clean-build | record; fi

note "ratios"
/usr/bin/python3 bench/ratios.py "$run_file" "$out/ratios.md" "$out/ratios.dat" >>"$run_file"
sed "s/^{/{\"run\":\"$run_id\",/" "$run_file" >>"$out/results.jsonl"
gnuplot -e "dat='$out/ratios.dat'; png='$out/ratios.png'" bench/ratios.gp
cat "$out/ratios.md"
note "done: $root/$out/results.jsonl, ratios.md, ratios.png"
