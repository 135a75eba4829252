#!/usr/bin/env bash
# Compile time of a user translation unit (bench/user_tu.cpp: <twitter/client.hpp> and ten co_await calls)
# against the floor of any Asio program (bench/asio_floor_tu.cpp), medians of 5 runs each, interleaved, so
# that both see the same machine. Prints JSON lines (the format of bench/json_line.hpp). Usage: bench/compile_time.sh [compiler]
set -euo pipefail
cd "$(dirname "$0")/.."
cxx=${1:-g++}
flags=(-std=c++20 -O0 -Iinclude -DBOOST_ASIO_NO_DEPRECATED -c -o /dev/null)

seconds() {
    local start end
    start=$(date +%s.%N)
    "$cxx" "${flags[@]}" "$1"
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN {print b - a}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

user=(); floor=()
for _ in 1 2 3 4 5; do
    user+=("$(seconds bench/user_tu.cpp)")
    floor+=("$(seconds bench/asio_floor_tu.cpp)")
done
u=$(printf '%s\n' "${user[@]}" | median)
f=$(printf '%s\n' "${floor[@]}" | median)
printf '{"bench":"compile_time","subject":"asio_floor_tu","compiler":"%s","metric":"seconds","value":%.2f}\n' \
    "$cxx" "$f"
printf '{"bench":"compile_time","subject":"user_tu","compiler":"%s","metric":"seconds","value":%.2f,' "$cxx" "$u"
printf '"baseline":"asio_floor_tu","ratio":%.2f}\n' "$(awk -v u="$u" -v f="$f" 'BEGIN {print u / f}')"
