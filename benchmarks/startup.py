"""Start-up cost (SPEC section 8): `bakuastana --help` against `import typer`, and `bakuastana check --json`
on the seed store against `import pint`, as ratios of medians over interleaved runs.

    .venv/bin/python benchmarks/startup.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import sys

from _common import PYTHON, ROOT, Verdicts, bakuastana_command, interleaved, median_ms

TARGETS = {"help": ("typer", 1.2), "check": ("pint", 1.5)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    commands = {
        "python": [PYTHON, "-c", "pass"],
        "typer": [PYTHON, "-c", "import typer"],
        "pint": [PYTHON, "-c", "import pint"],
        "help": bakuastana_command("--help"),
        "check": bakuastana_command("check", "--json", "--facts", str(ROOT / "facts.yaml")),
    }
    times = interleaved(commands, args.rounds, cwd=ROOT)
    medians = {name: median_ms(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:>7}: {value:7.1f} ms  ({' '.join(commands[name][-3:])})")
    verdicts = Verdicts()
    for name, (floor, limit) in TARGETS.items():
        ratio = medians[name] / medians[floor]
        verdicts.report(f"{name} / {floor}: {ratio:.2f}x (target <= {limit}x)", ratio <= limit)
    return verdicts.exit_code()

if __name__ == "__main__":
    sys.exit(main())
