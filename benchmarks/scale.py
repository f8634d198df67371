"""Scale (SPEC section 8): `bakuastana check --json` on generated stores of 1k, 10k and 100k facts (as many
relations), each in its own process: wall time and peak RSS (resource.getrusage of the child).

    .venv/bin/python benchmarks/scale.py [--sizes 1000,10000,100000] [--runs 3] [--keep DIR] [--json]

Targets: 100k facts + 100k relations in at most 10 s and 1 GB; 10x the facts at most 12x the time.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import Verdicts, bakuastana_command
from generate_store import write_store

TIME_LIMIT_S, RSS_LIMIT_MB, GROWTH_LIMIT = 10.0, 1024.0, 12.0


def measure(store: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one check in a fresh process: os.wait4 gives that child's own rusage."""
    command = bakuastana_command("check", "--json", "--facts", str(store))
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "NO_COLOR": "1"})
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"check failed on {store} ({code}): {child.stderr.read().decode()[-500:]}")
    child.stderr.close()
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is reported")
    parser.add_argument("--keep", type=Path, help="write the stores here (default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="write and check the stores as JSON")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bakuastana-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[int, tuple[float, float]] = {}
    for size in sizes:
        store = folder / f"store-{size}.{'json' if args.json else 'yaml'}"
        if not store.exists():
            write_store(size, store)
        runs = [measure(store) for _ in range(args.runs)]
        seconds = statistics.median(run[0] for run in runs)
        rss = max(run[1] for run in runs)
        results[size] = (seconds, rss)
        print(f"{size:>7} facts + {size} relations: {seconds:6.2f} s, peak RSS {rss:6.0f} MB "
              f"({store.stat().st_size / 1e6:.1f} MB store)", flush=True)
    verdicts = Verdicts()
    if 100000 in results:
        seconds, rss = results[100000]
        verdicts.report(f"100k: {seconds:.2f} s (<= {TIME_LIMIT_S} s), {rss:.0f} MB (<= {RSS_LIMIT_MB:.0f} MB)",
                        seconds <= TIME_LIMIT_S and rss <= RSS_LIMIT_MB)
    for small, big in itertools.pairwise(sizes):
        if big == small * 10:
            ratio = results[big][0] / results[small][0]
            verdicts.report(f"{small} -> {big}: {ratio:.1f}x the time (<= {GROWTH_LIMIT}x)", ratio <= GROWTH_LIMIT)
    return verdicts.exit_code()

if __name__ == "__main__":
    sys.exit(main())
