#!/usr/bin/env bash
# Installs what the benchmarks compare against: wrk, oauthlib and Tweepy from Debian, gnuplot for the chart,
# and twitter-api-v2 from npm at the version pinned in bench/peers/package-lock.json (into bench/peers/
# node_modules, never committed). Needs root for apt-get. Usage: bench/install-peers.sh
set -euo pipefail
cd "$(dirname "$0")"
packages=(wrk python3-oauthlib python3-tweepy gnuplot-nox nodejs)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# npm ships inside the nodesource nodejs package; Debian's own nodejs needs the npm package beside it.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
(cd peers && npm ci --no-audit --no-fund --silent)
