"""Helpers shared by the benchmark scripts: interleaved subprocess timing, medians and target verdicts."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def bakuastana_command(*args: str) -> list[str]:
    """The installed console script when there is one, else `python -m bakuastana`."""
    script = BIN / "bakuastana"
    if script.exists():
        return [str(script), *args]
    return [PYTHON, "-m", "bakuastana", *args]


def run_once(command: list[str], cwd: Path | None = None, cpu: dict | None = None) -> float:
    """Wall time of one run, output discarded; exit codes 0 and 1 both count as success. With `cpu`, the run's
    CPU time (user + system, which a loaded machine disturbs less than the wall clock) is appended to
    cpu["times"]."""
    env = {**os.environ, "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    if cpu is not None:
        cpu["times"].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return elapsed


def interleaved(commands: dict[str, list[str]], rounds: int, cwd: Path | None = None,
                cpu: dict[str, list[float]] | None = None) -> dict[str, list[float]]:
    """Run every command once per round, in turn, so machine noise falls on all of them alike; wall times by
    name (and, given `cpu`, each run's CPU time in cpu[name])."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # warm the file cache and the bytecode
        run_once(command, cwd)
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(run_once(command, cwd, {"times": cpu.setdefault(name, [])} if cpu is not None
                                        else None))
    return times


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


class Verdicts:
    """Each target checked prints its line ending in "met" or "NOT MET"; the script exits 1 if any was missed."""

    def __init__(self) -> None:
        self.failed = False

    def report(self, line: str, met: bool) -> None:
        self.failed |= not met
        print(f"{line} {'met' if met else 'NOT MET'}")

    def exit_code(self) -> int:
        return 1 if self.failed else 0
