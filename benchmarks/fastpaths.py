"""What each fast path buys (issue 12): the same workload with every path on, and with each one turned off.

    .venv/bin/python benchmarks/fastpaths.py [--workloads help,seed,article,batch,large] [--runs 3]
        [--articles 1000] [--facts 100000] [--keep DIR] [--paths NAME,...] [--candidates NAME,...]

Workloads are the ones users have: `check --json` of the seed store, of the seed store with its article, of a
folder of N (article, store) pairs (the batch runner), and of a generated store of N facts and relations; and
`--help`, for start-up. Each variant runs in a fresh process (interleaved with the others, so machine noise
falls on all alike, after one run of each to warm the caches); the figure is the median wall time. A path pays
when turning it off costs at least 20 % (the issue's bar); a candidate (`--candidates`) would pay if turning it
on made the workload at least 20 % faster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _common import PYTHON, ROOT, interleaved

PAYS = 0.20

# How to turn each fast path off: a line of Python run before the CLI starts. Only paths that still exist are
# listed; benchmarks/README.md keeps the figures of those that were measured and removed.
PATHS: dict[str, str] = {
    "units-table": "import bakuastana.numbers.units as u; u._table_units = lambda expression: None",
    "clifast": "import bakuastana.cli.clifast as c; c.install = lambda command: None",
}
# Paths measured as candidates, not in the code: what they would buy is measured by turning them on.
CANDIDATES: dict[str, str] = {
    "gc-paused": "import gc; gc.disable()",
}

RUN_CLI = "import sys; sys.argv[0] = 'bakuastana'; from bakuastana.cli import main; main()"


def command(prelude: str, *args: str) -> list[str]:
    return [PYTHON, "-c", f"{prelude}\n{RUN_CLI}", *args]


def article_path() -> Path:
    found = os.environ.get("BAKUASTANA_ARTICLE")
    if found:
        return Path(found)
    corpus = ROOT.parent / "shared" / "corpus"
    articles = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not articles:
        raise SystemExit("no article: set BAKUASTANA_ARTICLE or put one in ../shared/corpus/")
    return articles[0]


def batch_folder(folder: Path, count: int) -> Path:
    """`count` copies of the seed pair (the seed article and store) under one folder."""
    target = folder / f"batch-{count}"
    if not target.is_dir():
        target.mkdir(parents=True)
        article, store = article_path(), ROOT / "facts.yaml"
        for index in range(count):
            shutil.copyfile(article, target / f"a{index:05}.txt")
            shutil.copyfile(store, target / f"a{index:05}.facts.yaml")
    return target


def large_store(folder: Path, facts: int) -> Path:
    sys.path.insert(0, str(Path(__file__).parent))
    from generate_store import write_store

    path = folder / f"store-{facts}.yaml"
    if not path.exists():
        write_store(facts, path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", default="seed,article,batch,large")
    parser.add_argument("--paths", default=",".join(PATHS), help="which fast paths to turn off, one at a time")
    parser.add_argument("--candidates", default="", help=f"which candidates to turn on ({', '.join(CANDIDATES)})")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=1000, help="pairs in the batch workload")
    parser.add_argument("--facts", type=int, default=100000, help="facts (and relations) in the large store")
    parser.add_argument("--keep", type=Path, help="keep the generated inputs here")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bakuastana-fastpaths-"))
    folder.mkdir(parents=True, exist_ok=True)
    workloads = {
        "help": lambda: ["--help"],
        "seed": lambda: ["check", "--json", "--facts", str(ROOT / "facts.yaml")],
        "article": lambda: ["check", "--json", "--facts", str(ROOT / "facts.yaml"), "--article",
                            str(article_path())],
        "batch": lambda: ["check", "--json", str(batch_folder(folder, args.articles))],
        "large": lambda: ["check", "--json", "--facts", str(large_store(folder, args.facts))],
    }
    paths = [name for name in args.paths.split(",") if name]
    candidates = [name for name in args.candidates.split(",") if name]
    for workload in args.workloads.split(","):
        cli_args = workloads[workload]()
        variants = {"all on": command("", *cli_args)}
        variants.update({f"without {name}": command(PATHS[name], *cli_args) for name in paths})
        variants.update({f"with {name}": command(CANDIDATES[name], *cli_args) for name in candidates})
        times = interleaved(variants, args.runs, cwd=ROOT)
        base = statistics.median(times["all on"])
        for name, values in times.items():
            value = statistics.median(values)
            cost = value / base - 1 if name.startswith("without") else base / value - 1
            verdict = "" if name == "all on" else (
                f"  {value / base - 1:+.1%}: {'pays' if cost >= PAYS else 'does not pay'}")
            print(f"{workload:>8} {name:<24} {value * 1000:9.1f} ms{verdict}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
