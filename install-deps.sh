#!/usr/bin/env bash
# Installs what twitter-asio needs to build and test on Debian 12, and nothing else.
# `./install-deps.sh fuzz` adds clang 14 and its libFuzzer runtime, for the fuzz preset (tests/fuzz/run.sh).
# Idempotent: when every package is already there it changes nothing and asks no server.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build ccache lld pkg-config
    # Boost 1.81: Asio/Beast/URL headers, and the compiled JSON, URL and Test libraries (1.74 has no JSON)
    libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-test1.81-dev
    # TLS, gzip
    libssl-dev zlib1g-dev openssl
)
fuzz_packages=(clang-14 libclang-rt-14-dev)

case "${1:-}" in
    "") ;;
    fuzz) packages+=("${fuzz_packages[@]}") ;;
    *) echo "usage: $0 [fuzz]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
