"""Timing shared by the Python peers: medians of rounds of a fixed length, and the JSON line format of bench/."""
import json
import statistics
import time


def median_us_per_op(op, rounds=7, round_seconds=0.3):
    """Calls op() in rounds of about round_seconds each; returns the median of the rounds' µs per call."""
    n = 1
    while True:  # calibrate: grow n until one batch takes a tenth of a round
        start = time.perf_counter()
        for _ in range(n):
            op()
        elapsed = time.perf_counter() - start
        if elapsed >= round_seconds / 10:
            break
        n *= 2
    per_round = max(1, int(n * round_seconds / elapsed))
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(per_round):
            op()
        samples.append((time.perf_counter() - start) * 1e6 / per_round)
    return statistics.median(samples)


def emit(**fields):
    print(json.dumps(fields), flush=True)
