#!/usr/bin/env python3
"""Times two commands in turn (A B A B ...) and prints the median of each one's wall and CPU
seconds and of the ratio A/B taken pair by pair, so that a machine whose speed drifts during the
runs (a shared one) moves both sides of a pair alike.

    python3 scripts/paired_times.py RUNS 'COMMAND A' 'COMMAND B'

Each command runs under `sh -c`, its output thrown away. CPU is user + system of the finished
command (the kernel's accounting of its children). Standard library only.

Example, `dedupe --threads 2` against one thread:

    python3 scripts/paired_times.py 11 \\
        'target/release/dedupe --mark --threads 2 big200k.jsonl' \\
        'target/release/dedupe --mark big200k.jsonl'
"""

import resource
import statistics
import subprocess
import sys
import time


def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["sh", "-c", cmd], stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    runs, a, b = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    run(a), run(b)  # warm-up: the files in the page cache
    times = {"A": [], "B": []}
    for _ in range(runs):
        times["A"].append(run(a))
        times["B"].append(run(b))

    def row(name, values):
        print(f"{name:<10} {min(values):8.3f} {statistics.median(values):8.3f} {max(values):8.3f}")

    print(f"{'':<10} {'min':>8} {'median':>8} {'max':>8}   ({runs} runs each, in turn)")
    for side in "AB":
        row(f"{side} wall s", [w for w, _ in times[side]])
        row(f"{side} cpu s", [c for _, c in times[side]])
    pairs = list(zip(times["A"], times["B"]))
    row("A/B wall", [wa / wb for (wa, _), (wb, _) in pairs])
    row("A/B cpu", [ca / cb for (_, ca), (_, cb) in pairs])
    print(f"A: {a}\nB: {b}")


if __name__ == "__main__":
    main()
