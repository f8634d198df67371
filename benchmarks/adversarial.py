"""Adversarial texts (issue 15 items 1 and 3): every named input through extract, init and check, each in its own
process: wall time, peak RSS and exit code.

    .venv/bin/python benchmarks/adversarial.py [--only NAME,...] [--grow 4]

Targets: each run within 2 s and 300 MB, exit 0, 1 or 2, never "internal error" (exit 2 only with a located
`error:` line). With --grow K each text is also run at K times its size: the time may grow at most 1.5 K times.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import tempfile
import time
from pathlib import Path

from _common import Verdicts, bakuastana_command

TIME_LIMIT_S, RSS_LIMIT_MB = 2.0, 300.0


def _random_word(size: int, letters: str, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(letters) for _ in range(size))


# name -> the text of that size factor (1 = the size the issue names)
INPUTS = {
    "clauses: 'около 5 млн тонн в год, ' x 100": lambda k: "около 5 млн тонн в год, " * 100 * k + "\n",
    "acronyms: 'Слово (АБ, ' x 8000": lambda k: "Слово (АБ, " * 8000 * k + "\n",
    "code run: '1:' x 40000 + '1.5'": lambda k: "1:" * 40000 * k + "1.5\n",
    "one random 60,000-letter word": lambda k: _random_word(60000 * k, "абвгдежзиклмнопрстуф", 1) + "\n",
    "one capitalised 60,000-letter word": lambda k: "Ж" + _random_word(60000 * k, "абвгдежзиклмнопрстуф", 2) + "\n",
    "percents in one clause: '5 % ' x 1000": lambda k: "5 % " * 1000 * k + "\n",
    "nested parentheses: '(' x 50000": lambda k: "(" * 50000 * k + "АБ" + ")" * 50000 * k + "\n",
    "digit groups: '1' + ' 000' x 20000": lambda k: "1" + " 000" * 20000 * k + "0\n",
    "a mistyped year: 'на конец 26 года'": lambda k: "Объём перевозок на конец 26 года составил 5 млн тонн.\n" * k,
    "marks after digits: U+200F, U+0301": lambda k: "Рост 5\u200f% за год, добыча 12\u0301 млн тонн, "
                                                    "экспорт 3\u0301,5 млрд долларов.\n" * k,
}
COMMANDS = {
    "extract": lambda path: ["extract", str(path)],
    "init": lambda path: ["init", str(path), "-o", "-"],
    "check": lambda path: ["check", "--article", str(path)],
}


def measure(args: list[str], cwd: Path) -> tuple[float, float, int, str, float]:
    """(seconds, peak RSS in MB, exit code, the last line of stderr, CPU seconds) of one run in a fresh process,
    in `cwd` (a folder with no facts.yaml, so `check --article` checks the article on its own, as a new user
    would). The CPU time tells a slow run from a machine busy with other work."""
    start = time.perf_counter()
    child = subprocess.Popen(bakuastana_command(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "NO_COLOR": "1"}, cwd=cwd)
    stderr = child.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(child.pid, 0)
    child.stderr.close()
    lines = stderr.strip().splitlines()
    return (time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status),
            lines[-1] if lines else "", usage.ru_utime + usage.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated prefixes of the input names to run")
    parser.add_argument("--grow", type=int, default=0, help="also run each text K times as long")
    args = parser.parse_args()
    verdicts = Verdicts()
    folder = Path(tempfile.mkdtemp(prefix="bakuastana-adversarial-"))
    chosen = [name for name in INPUTS if not args.only or any(name.startswith(p) for p in args.only.split(","))]
    for index, name in enumerate(chosen):
        path = folder / f"input-{index}.txt"
        path.write_text(INPUTS[name](1), encoding="utf-8")
        print(f"{name} ({path.stat().st_size // 1024} KB)")
        for command, make in COMMANDS.items():
            seconds, rss, code, last, cpu = measure(make(path), folder)
            clean = code in (0, 1) or (code == 2 and " error: " in last and "internal error" not in last)
            verdicts.report(f"  {command:8} {seconds:6.2f} s (cpu {cpu:5.2f} s) {rss:6.0f} MB exit {code}"
                            + (f" ({last[:100]})" if code == 2 else ""),
                            seconds <= TIME_LIMIT_S and rss <= RSS_LIMIT_MB and clean)
            if args.grow > 1:
                grown = folder / f"input-{index}-x{args.grow}.txt"
                grown.write_text(INPUTS[name](args.grow), encoding="utf-8")
                more, _, _, _, _ = measure(make(grown), folder)
                # the fixed cost of starting (about 0.2 s) is taken off both before comparing
                growth = max(more - 0.2, 0.01) / max(seconds - 0.2, 0.01)
                verdicts.report(f"  {command:8} x{args.grow}: {more:6.2f} s, {growth:.1f}x the time",
                                growth <= 1.5 * args.grow or more <= TIME_LIMIT_S)
    return 1 if verdicts.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
