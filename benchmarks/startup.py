"""Start-up cost (SPEC section 8): `bakuastana --help` against `import typer`; `bakuastana check --json` on the
seed store, and the editor's loop on the seed article (`check --article` with its store, and the article alone
with no store) against `import pint`; as ratios of medians over interleaved runs (wall clock: the target;
CPU time, user + system, beside it: a busy machine moves it less). Beside them, with no target, what the
article alone pays its dependencies before any of bakuastana's code runs (`deps`: importing typer, razdel and
pymorphy3, and building pymorphy3's analyser; it reads no YAML), against the same `import pint`.

    .venv/bin/python benchmarks/startup.py [--rounds 30] [--bytecode]

By default the environment is taken as it is (with PYTHONDONTWRITEBYTECODE=1 every start compiles the
project's sources again); --bytecode unsets it and keeps compiled files under a temporary PYTHONPYCACHEPREFIX,
as an installed package has them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import PYTHON, ROOT, Verdicts, bakuastana_command, interleaved, median_ms

# What `check ARTICLE.txt` cannot do without, as a user's install has it: the CLI framework, the Russian sentence
# splitter and the morphological analyser with its dictionaries (as lang/ru/morphology.py builds it). Its draft is
# checked as data, so PyYAML is not among them (tests/test_startup_imports.py holds it out).
DEPENDENCIES = ("import typer, razdel, pymorphy3, pymorphy3_dicts_ru; "
                "pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang='ru')")
TARGETS = {"help": ("typer", 1.2), "check": ("pint", 1.5), "article": ("pint", 2.0), "alone": ("pint", 2.0)}


def seed_article() -> Path:
    """The seed article: $BAKUASTANA_ARTICLE, else ../shared/corpus/."""
    named = os.environ.get("BAKUASTANA_ARTICLE")
    path = Path(named) if named else ROOT.parent / "shared" / "corpus" / "kazinform-aliyev-interview.ru.txt"
    if not path.exists():
        raise SystemExit(f"seed article not found at {path} (set BAKUASTANA_ARTICLE)")
    return path


def alone_command(article: Path) -> list[str]:
    """`check ARTICLE.txt` (a draft made in memory) where the CLI takes a text file, else `init ARTICLE -o -`."""
    command = bakuastana_command("check", "--json", str(article))
    if subprocess.run(command, capture_output=True, cwd=ROOT).returncode in (0, 1):
        return command
    return bakuastana_command("init", str(article), "-o", "-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--bytecode", action="store_true", help="keep compiled bytecode between runs")
    args = parser.parse_args()
    if args.bytecode:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bakuastana-pyc-")
    print(f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}"
          f"{' (bytecode kept)' if args.bytecode else ''}")
    article = seed_article()
    facts = str(ROOT / "facts.yaml")
    commands = {
        "python": [PYTHON, "-c", "pass"],
        "typer": [PYTHON, "-c", "import typer"],
        # pint imports dask when it is installed (the test extra brings it, a user's install does not): the
        # baseline is pint as a user has it, and bakuastana's commands here import neither
        "pint": [PYTHON, "-c", "import sys; sys.modules['dask'] = None; import pint"],
        "help": bakuastana_command("--help"),
        "check": bakuastana_command("check", "--json", "--facts", facts),
        "article": bakuastana_command("check", "--json", "--article", str(article), "--facts", facts),
        "alone": alone_command(article),
        "deps": [PYTHON, "-c", DEPENDENCIES],
    }
    cpu: dict[str, list[float]] = {}
    times = interleaved(commands, args.rounds, cwd=ROOT, cpu=cpu)
    medians = {name: median_ms(values) for name, values in times.items()}
    cpu_medians = {name: median_ms(values) for name, values in cpu.items()}
    for name, value in medians.items():
        print(f"{name:>7}: {value:7.1f} ms wall, {cpu_medians[name]:7.1f} ms CPU  "
              f"({' '.join(commands[name][1:])[-60:]})")
    verdicts = Verdicts()
    for name, (floor, limit) in TARGETS.items():
        ratio = medians[name] / medians[floor]
        cpu_ratio = cpu_medians[name] / cpu_medians[floor]
        verdicts.report(f"{name} / {floor}: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (target <= {limit}x)",
                        ratio <= limit)
    deps, cpu_deps = medians["deps"] / medians["pint"], cpu_medians["deps"] / cpu_medians["pint"]
    print(f"deps / pint: {deps:.2f}x wall, {cpu_deps:.2f}x CPU (no target: what the article alone pays its "
          f"dependencies; its own code's share is {medians['alone'] / medians['pint'] - deps:.2f}x)")
    return verdicts.exit_code()


if __name__ == "__main__":
    sys.exit(main())
