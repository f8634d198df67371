"""Write a synthetic fact store of N facts and N relations for the scale benchmark.

    .venv/bin/python benchmarks/generate_store.py 100000 /tmp/store-100k.yaml [--seed 1]

Facts come in groups of ten, as one article's trade, cargo and diplomacy figures would: amounts with year and
month-range periods, a growth rate, hedged figures (more_than, about, at_most), a rate in t/year, a count,
dates, and a share. Each group adds four derived values (a base from a growth rate, a remainder, a chain over
both, a rate) and ten relations (growth, sums, ratios, parts within wholes, dates in order, a rate against a
capacity, a count, a share). One group in twenty states a wrong growth rate and one in twenty a part larger than
its whole, so the violated and at-the-edge paths (with their nearest-wording search) run too. Every store is
valid for the loader and the JSON Schema; flow-style entries keep 100k facts under the 20 MB limit.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HEADER = """schema: bakuastana.facts/1
source:
  outlet: Synthetic
  language: ru
  published: 2025-10-21
topics:
  ta: Trade
  tb: Transit
  tc: Diplomacy
names:
  - {id: btc, canonical: Баку-Тбилиси-Джейхан, abbreviations: [БТД, BTC]}
  - {id: ots, canonical: Организация тюркских государств, abbreviations: [ОТГ]}
"""


def _fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def group(g: int, rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    """Ten facts, four derived values and ten relations for group g."""
    p = f"g{g}_"
    old = rng.randint(150, 900)
    growth = rng.randint(5, 60)
    new = round(old * (1 + growth / 100))
    stated_growth = growth + (25 if g % 20 == 7 else 0)  # one group in twenty misstates its growth
    half = round(new * rng.uniform(0.35, 0.55))
    if g % 20 == 13:
        half = new + rng.randint(5, 50)  # a part larger than its whole
    cargo = _fmt(rng.uniform(1, 9), 1)
    capacity = int(float(cargo) * 2) + 3
    trains = rng.randint(10, 400)
    share = rng.randint(5, 90)
    month = rng.randint(1, 5)
    facts = [
        f'- {{id: {p}a, topic: ta, label: T24, value: {new} mn USD, period: 2024, '
        f'figure: "{new} млн", quote: "{new} млн долларов"}}',
        f'- {{id: {p}b, topic: ta, label: T23, value: {old} mn USD, period: 2023, '
        f'quote: "{old} млн"}}',
        f'- {{id: {p}c, topic: ta, label: G, kind: percent, value: {stated_growth} percent, '
        f'period: 2024, quote: "{stated_growth}%"}}',
        f'- {{id: {p}d, topic: ta, label: H1, value: {half} mn USD, hedge: more_than, '
        f'period: 2024-01..06, quote: "более {half} млн"}}',
        f'- {{id: {p}e, topic: tb, label: C, value: {cargo} mn t, hedge: about, period: 2025, '
        f'quote: "около {cargo.replace(".", ",")} млн т"}}',
        f'- {{id: {p}f, topic: tb, label: Cap, value: {capacity} mn t/year, '
        f'hedge: at_most, quote: "до {capacity} млн т"}}',
        f'- {{id: {p}g, topic: tb, label: Tr, kind: count, value: {trains} trains, period: 2025, '
        f'quote: "{trains} поездов"}}',
        f'- {{id: {p}h, topic: tc, label: S, kind: date, value: 2025-0{month}-04, '
        f'quote: "{month:02d}"}}',
        f'- {{id: {p}i, topic: tc, label: V, kind: date, value: 2025-0{month + 1}, '
        f'quote: "визит", names: [ots]}}',
        f'- {{id: {p}j, topic: ta, label: Sh, kind: percent, value: {share} percent, '
        f'quote: "{share}%"}}',
    ]
    derived = [
        f'- {{id: {p}k, topic: ta, label: B, expr: "{p}a / (1 + {p}c)", '
        f'unit: mn USD}}',
        f'- {{id: {p}l, topic: ta, label: R, expr: "{p}a - {p}d"}}',
        f'- {{id: {p}m, topic: ta, label: Ch, expr: "{p}k * 2 + {p}l", unit: mn USD}}',
        f'- {{id: {p}n, topic: tb, label: Ra, expr: "rate({p}e)"}}',
    ]
    relations = [
        f'- {{id: {p}r0, label: G, check: "growth({p}a, {p}b) == {p}c"}}',
        f'- {{id: {p}r1, label: B, check: "{p}k <= {p}a", severity: warning}}',
        f'- {{id: {p}r2, label: H, check: "{p}d <= {p}a"}}',
        f'- {{id: {p}r3, label: Su, check: "sum({p}d, {p}l) == {p}a", '
        f'severity: info}}',
        f'- {{id: {p}r4, label: Rt, check: "ratio({p}a, {p}b) > 1"}}',
        f'- {{id: {p}r5, label: Ch, check: "{p}m >= {p}k"}}',
        f'- {{id: {p}r6, label: D, check: "{p}h < {p}i"}}',
        f'- {{id: {p}r7, label: Ra, check: "{p}n <= {p}f"}}',
        f'- {{id: {p}r8, label: Tr, check: "{p}g >= 10 trains"}}',
        f'- {{id: {p}r9, label: Sh, check: "{p}j <= 100 percent", severity: info}}',
    ]
    return facts, derived, relations


def write_store(facts: int, path: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    groups = max(1, facts // 10)
    parts: dict[str, list[str]] = {"facts": [], "derived": [], "relations": []}
    for g in range(groups):
        for name, lines in zip(parts, group(g, rng), strict=True):
            parts[name].extend(lines)
    text = HEADER + "".join(f"{name}:\n" + "\n".join(lines) + "\n" for name, lines in parts.items())
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", type=int, help="number of facts (and relations); a multiple of 10")
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_store(args.facts, args.path, args.seed)
    print(f"{args.path}: {args.path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
