"""Throughput (SPEC section 8): figure extraction (`text.figures.extract_figures`, what `extract` runs) and the
grammar rules (`text.grammar.check_grammar`) over the seed article repeated, in bytes of UTF-8 per second.

    .venv/bin/python benchmarks/throughput.py [--article PATH] [--megabytes 2] [--runs 3]

The article is read at run time from $BAKUASTANA_ARTICLE or ../shared/corpus/kazinform-aliyev-interview.ru.txt;
its text is never stored in the repository. Each measurement is the median of --runs after one warm-up run
(the warm-up builds the regexes and loads the pymorphy3 dictionaries, which start-up pays once).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from _common import ROOT, Verdicts

TARGETS = {"extract_figures": 2_000_000, "check_grammar": 200_000}  # bytes per second


def article_text(path: Path | None) -> str:
    candidates = [path] if path else [Path(os.environ["BAKUASTANA_ARTICLE"])] if "BAKUASTANA_ARTICLE" in os.environ \
        else [ROOT.parent / "shared" / "corpus" / "kazinform-aliyev-interview.ru.txt"]
    for candidate in candidates:
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise SystemExit(f"no article: set $BAKUASTANA_ARTICLE or pass --article ({candidates[0]} is missing)")


def repeated(text: str, megabytes: float) -> str:
    size = len(text.encode("utf-8"))
    return "\n\n".join([text] * max(1, round(megabytes * 1e6 / size)))


def rate(function, text: str, runs: int) -> tuple[float, int]:
    function(text[:20000])  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return len(text.encode("utf-8")) / statistics.median(times), len(function(text[:200000]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path)
    parser.add_argument("--megabytes", type=float, default=2.0, help="input size for extraction (grammar: a tenth)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    text = article_text(args.article)
    verdicts = Verdicts()
    for name, megabytes in (("extract_figures", args.megabytes), ("check_grammar", args.megabytes / 10)):
        try:
            if name == "extract_figures":
                from bakuastana.text.figures import extract_figures as function
            else:
                from bakuastana.rules.grammar import check_grammar as function
        except ImportError as exc:
            print(f"{name}: not available ({exc})")
            continue
        data = repeated(text, megabytes)
        speed, found = rate(function, data, args.runs)
        verdicts.report(f"{name}: {speed / 1e6:.2f} MB/s over {len(data.encode('utf-8')) / 1e6:.1f} MB ({found} "
                        f"results in the first 200k characters); target >= {TARGETS[name] / 1e6:g} MB/s",
                        speed >= TARGETS[name])
    return verdicts.exit_code()


if __name__ == "__main__":
    sys.exit(main())
