"""Hostile stores and expressions (issue 15 items 2-4): every named input through check or calc, each in its own
process: wall time, peak RSS and exit code.

    .venv/bin/python benchmarks/hostile.py [--only NAME,...]

Targets: each run within 2 s and 300 MB, exit 0, 1 or 2, never "internal error" (exit 2 only with a located
`error:` line).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import Verdicts
from adversarial import RSS_LIMIT_MB, TIME_LIMIT_S, measure

STORE = """\
schema: bakuastana.facts/1
source: {outlet: X, language: en, published: %s}
facts:
  - {id: a, topic: t, label: A, kind: amount, value: 1.234567 million USD, quote: "1.234567"}
  - {id: b, topic: t, label: B, kind: amount, value: 1.234571 million USD, quote: "1.234571"%s}
"""


def store_text(published: str = "2025-01-01", extra: str = "", tail: str = "") -> str:
    return STORE % (published, extra) + tail


def powers(levels: int) -> str:
    """Derived values near 1 whose exact fractions multiply their digits at each level (930 bytes for 6)."""
    lines = ["derived:", '  - {id: d1, topic: t, label: D, expr: "(a/b)^64 * (b/a)^63"}']
    lines += [f'  - {{id: d{i}, topic: t, label: D, expr: "d{i - 1} * d{i - 1} * d{i - 1} * d{i - 1} / '
              f'(d{i - 1} * d{i - 1} * d{i - 1})"}}' for i in range(2, levels + 1)]
    return "\n".join(lines) + "\n"


def reverse_chain(count: int, nesting: int) -> str:
    """Derived values each built on the next one listed, each expression nested `nesting` levels."""
    lines = ["derived:"]
    for i in range(count, 0, -1):
        inner = "a" if i == 1 else f"c{i - 1}"
        lines.append(f'  - {{id: c{i}, topic: t, label: C, expr: "{"-(" * nesting}{inner}{")" * nesting}"}}')
    return "\n".join(lines) + "\n"


def _big_store(facts: int, tab: bool) -> str:
    lines = ["schema: bakuastana.facts/1", "source: {outlet: X, language: en, published: 2025-01-01}", "facts:"]
    for i in range(facts):
        lines += [f"  - id: f{i}", "    topic: t", f"    label: F{i}", "    kind: amount",
                  f"    value: {i + 1} million USD", f'    quote: "{i + 1} million"']
    if tab:
        lines[-1] = lines[-1][:-1] + '\t"'
    return "\n".join(lines) + "\n"


STORES = {
    "published: 2025-02-30": lambda: store_text("2025-02-30"),
    "published: 2025-13-01": lambda: store_text("2025-13-01"),
    "a 5,000-digit integer": lambda: store_text(extra=", note: " + "9" * 5000),
    "!!float abc": lambda: store_text(extra=", note: !!float abc"),
    "!!timestamp abc": lambda: store_text(extra=", note: !!timestamp abc"),
    "base 60: '1:' x 30000": lambda: store_text(extra=", note: " + "1:" * 30000 + "1"),
    "a scalar of 1 MB": lambda: store_text(extra=', note: "' + "x" * 1_000_000 + '"'),
    "!!set on a mapping": lambda: store_text(extra=", names: !!set {a, b}"),
    "!custom on a list": lambda: store_text(extra=", names: !custom [a, b]"),
    "a byte-order mark starting a later line": lambda: store_text().replace("  - {id: b", "\ufeff  - {id: b"),
    "a line of U+00A0 between items": lambda: store_text().replace("  - {id: b", "\u00a0\n  - {id: b"),
    "a line of U+3000 between items": lambda: store_text().replace("  - {id: b", "\u3000\n  - {id: b"),
    "(A/B)^64 products, 6 levels (930 bytes)": lambda: store_text(tail=powers(6)),
    "100 derived values in reverse order, each nested 19 deep": lambda: store_text(tail=reverse_chain(100, 19)),
    "3000 derived values in reverse order": lambda: store_text(tail=reverse_chain(3000, 0)),
    "19 MB store with one tab": lambda: _big_store(150_000, True),
}
EXPRESSIONS = {
    "calc min(1,2)": "min(1,2)",
    "calc 10^40": "10^40",
    "calc ((((2^64)^64)^64)^64)^64": "((((2^64)^64)^64)^64)^64",
    "calc 1.000001^64 x 8": " * ".join(["1.000001^64"] * 8),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated prefixes of the input names to run")
    args = parser.parse_args()
    verdicts = Verdicts()
    folder = Path(tempfile.mkdtemp(prefix="bakuastana-hostile-"))
    wanted = [name for name in [*STORES, *EXPRESSIONS]
              if not args.only or any(name.startswith(prefix) for prefix in args.only.split(","))]
    for index, name in enumerate(wanted):
        if name in STORES:
            path = folder / f"store-{index}.yaml"
            path.write_text(STORES[name](), encoding="utf-8")
            command = ["check", "--facts", str(path)]
            size = f"{path.stat().st_size // 1024} KB"
        else:
            command, size = ["calc", EXPRESSIONS[name]], f"{len(EXPRESSIONS[name])} characters"
        seconds, rss, code, last, cpu = measure(command, folder)[:5]
        clean = code in (0, 1) or (code == 2 and " error: " in last and "internal error" not in last)
        verdicts.report(f"{name} ({size}): {seconds:.2f} s ({cpu:.2f} s CPU) {rss:.0f} MB exit {code}"
                        + (f" ({last[:110]})" if code == 2 else ""),
                        seconds <= TIME_LIMIT_S and rss <= RSS_LIMIT_MB and clean)
    return verdicts.exit_code()


if __name__ == "__main__":
    raise SystemExit(main())
