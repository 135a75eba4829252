"""Turns one run's JSON lines (bench/run.sh) into ratio lines, a Markdown table and a data file for the chart.

usage: ratios.py <run.jsonl> <ratios.md> <ratios.dat>
Prints the derived ratio lines (JSON, same format) on stdout, for run.sh to append to results.jsonl.
Several measurements of one subject (run.sh repeats the fast ones, interleaved) are reduced to their median.
Python standard library only, so that Debian's python3 runs it without anything installed."""
import json
import statistics
import sys
from collections import defaultdict

lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
lines = [l for l in lines if not l.get("derived")]  # a file this script already added to
values = defaultdict(list)
for l in lines:
    if "metric" in l and "value" in l:
        values[(l["bench"], l["subject"], l["metric"])].append(float(l["value"]))


def median(bench, subject, metric):
    v = values.get((bench, subject, metric))
    return statistics.median(v) if v else None


rows = []  # (bench, subject, baseline, ratio, goal text, met or None, what the ratio means)
derived = []


def add(bench, subject, baseline, metric, ratio, goal=None, higher_is_better=True, meaning=""):
    met = None
    if goal is not None:
        met = ratio >= goal if higher_is_better else ratio <= goal
    goal_text = "" if goal is None else ("≥ " if higher_is_better else "≤ ") + f"{goal:g}"
    rows.append((bench, subject, baseline, ratio, goal_text, met, meaning))
    derived.append({"bench": bench, "subject": subject, "metric": metric + "_ratio", "value": round(ratio, 3),
                    "baseline": baseline, "ratio": round(ratio, 3), "derived": True})


# Signing: µs per signature; a peer's ratio is how many times slower than ours it signs.
ours = median("signing", "twitter-asio", "us_per_signature")
# Each bench_signing run measures both in one process: the median of its own ratios, not a ratio of medians.
own = [float(l["ratio"]) for l in lines
       if l["bench"] == "signing" and l["subject"] == "twitter-asio" and "ratio" in l]
if own:
    add("signing", "twitter-asio", "hmac_sha1_floor", "us_per_signature", statistics.median(own), 3, False,
        "our time / bare HMAC-SHA1")
for peer in ("oauthlib", "tweepy", "twitter-api-v2"):
    p = median("signing", peer, "us_per_signature")
    if ours and p:
        add("signing", peer, "twitter-asio", "us_per_signature", p / ours, None, True, "peer's time / ours")

# Throughput: requests per second.
rps = {s: median("throughput", s, "requests_per_second")
       for s in ("twitter-asio", "minimal_beast_client", "wrk", "tweepy", "twitter-api-v2")}
us = rps["twitter-asio"]
goals = {"minimal_beast_client": 0.8, "tweepy": 25, "twitter-api-v2": 6}
for baseline, goal in goals.items():
    if us and rps[baseline]:
        add("throughput", "twitter-asio", baseline, "requests_per_second", us / rps[baseline], goal, True,
            "our rate / baseline's")
if rps["wrk"]:
    for client in ("twitter-asio", "minimal_beast_client", "tweepy", "twitter-api-v2"):
        if rps[client]:
            add("throughput", "wrk", client, "requests_per_second", rps["wrk"] / rps[client], 1, True,
                "wrk's rate / client's (> 1: the emulator is not the bottleneck)")

# Every other benchmark's own ratio lines (bench_refresh_storm, bench_memory, build_time.sh, ...).
for l in lines:
    if (isinstance(l.get("ratio"), (int, float)) and l["bench"] not in ("signing", "throughput")
            and not l.get("derived")):
        rows.append((l["bench"], l["subject"], l.get("baseline", ""), float(l["ratio"]), "", None,
                     l.get("metric", "")))

absolute = sorted((k, statistics.median(v), len(v)) for k, v in values.items())
with open(sys.argv[2], "w") as md:
    md.write("| bench | subject | baseline | ratio | goal | met | meaning |\n|---|---|---|---|---|---|---|\n")
    for bench, subject, baseline, ratio, goal, met, meaning in rows:
        mark = "" if met is None else ("yes" if met else "**no**")
        md.write(f"| {bench} | {subject} | {baseline} | **{ratio:.2f}** | {goal} | {mark} | {meaning} |\n")
    md.write("\n| bench | subject | metric | median | runs |\n|---|---|---|---|---|\n")
    for (bench, subject, metric), v, n in absolute:
        md.write(f"| {bench} | {subject} | {metric} | {v:.3f} | {n} |\n")
with open(sys.argv[3], "w") as dat:
    for i, (bench, subject, baseline, ratio, goal, met, meaning) in enumerate(rows):
        dat.write(f'{i} {ratio:.4f} "{bench}: {subject} / {baseline}"\n')
for d in derived:
    print(json.dumps(d))
