"""Write a synthetic fact store of N facts and N relations for the scale benchmark, as YAML or (.json) JSON.

    .venv/bin/python benchmarks/generate_store.py 100000 /tmp/store-100k.yaml [--seed 1]
    .venv/bin/python benchmarks/generate_store.py 100000 /tmp/store-100k.json

Facts come in groups of ten, as one article's trade, cargo and diplomacy figures would: amounts with year and
month-range periods, a growth rate, hedged figures (more_than, about, at_most), a rate in t/year, a count,
dates, and a share. Each group adds four derived values (a base from a growth rate, a remainder, a chain over
both, a rate) and ten relations (growth, sums, ratios, parts within wholes, dates in order, a rate against a
capacity, a count, a share). One group in twenty states a wrong growth rate and one in twenty a part larger than
its whole, so the violated and at-the-edge paths (with their nearest-wording search) run too. Every store is
valid for the loader and the JSON Schema; flow-style entries keep 100k facts under the 20 MB limit of YAML, and
one entry per line keeps them under the 32 MB limit of JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HEADER = {
    "schema": "bakuastana.facts/1",
    "source": {"outlet": "Synthetic", "language": "ru", "published": "2025-10-21"},
    "topics": {"ta": "Trade", "tb": "Transit", "tc": "Diplomacy"},
}
NAMES = [
    {"id": "btc", "canonical": "Баку-Тбилиси-Джейхан", "abbreviations": ["БТД", "BTC"]},
    {"id": "ots", "canonical": "Организация тюркских государств", "abbreviations": ["ОТГ"]},
]
QUOTED = ("figure", "quote", "expr", "check")  # written in double quotes in YAML: they hold spaces, % or operators


def _fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def group(g: int, rng: random.Random) -> tuple[list[dict], list[dict], list[dict]]:
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
        {"id": f"{p}a", "topic": "ta", "label": "T24", "value": f"{new} mn USD", "period": 2024,
         "figure": f"{new} млн", "quote": f"{new} млн долларов"},
        {"id": f"{p}b", "topic": "ta", "label": "T23", "value": f"{old} mn USD", "period": 2023, "quote": f"{old} млн"},
        {"id": f"{p}c", "topic": "ta", "label": "G", "kind": "percent", "value": f"{stated_growth} percent",
         "period": 2024, "quote": f"{stated_growth}%"},
        {"id": f"{p}d", "topic": "ta", "label": "H1", "value": f"{half} mn USD", "hedge": "more_than",
         "period": "2024-01..06", "quote": f"более {half} млн"},
        {"id": f"{p}e", "topic": "tb", "label": "C", "value": f"{cargo} mn t", "hedge": "about", "period": 2025,
         "quote": f"около {cargo.replace('.', ',')} млн т"},
        {"id": f"{p}f", "topic": "tb", "label": "Cap", "value": f"{capacity} mn t/year", "hedge": "at_most",
         "quote": f"до {capacity} млн т"},
        {"id": f"{p}g", "topic": "tb", "label": "Tr", "kind": "count", "value": f"{trains} trains", "period": 2025,
         "quote": f"{trains} поездов"},
        {"id": f"{p}h", "topic": "tc", "label": "S", "kind": "date", "value": f"2025-0{month}-04",
         "quote": f"{month:02d}"},
        {"id": f"{p}i", "topic": "tc", "label": "V", "kind": "date", "value": f"2025-0{month + 1}", "quote": "визит",
         "names": ["ots"]},
        {"id": f"{p}j", "topic": "ta", "label": "Sh", "kind": "percent", "value": f"{share} percent",
         "quote": f"{share}%"},
    ]
    derived = [
        {"id": f"{p}k", "topic": "ta", "label": "B", "expr": f"{p}a / (1 + {p}c)", "unit": "mn USD"},
        {"id": f"{p}l", "topic": "ta", "label": "R", "expr": f"{p}a - {p}d"},
        {"id": f"{p}m", "topic": "ta", "label": "Ch", "expr": f"{p}k * 2 + {p}l", "unit": "mn USD"},
        {"id": f"{p}n", "topic": "tb", "label": "Ra", "expr": f"rate({p}e)"},
    ]
    relations = [
        {"id": f"{p}r0", "label": "G", "check": f"growth({p}a, {p}b) == {p}c"},
        {"id": f"{p}r1", "label": "B", "check": f"{p}k <= {p}a", "severity": "warning"},
        {"id": f"{p}r2", "label": "H", "check": f"{p}d <= {p}a"},
        {"id": f"{p}r3", "label": "Su", "check": f"sum({p}d, {p}l) == {p}a", "severity": "info"},
        {"id": f"{p}r4", "label": "Rt", "check": f"ratio({p}a, {p}b) > 1"},
        {"id": f"{p}r5", "label": "Ch", "check": f"{p}m >= {p}k"},
        {"id": f"{p}r6", "label": "D", "check": f"{p}h < {p}i"},
        {"id": f"{p}r7", "label": "Ra", "check": f"{p}n <= {p}f"},
        {"id": f"{p}r8", "label": "Tr", "check": f"{p}g >= 10 trains"},
        {"id": f"{p}r9", "label": "Sh", "check": f"{p}j <= 100 percent", "severity": "info"},
    ]
    return facts, derived, relations


def yaml_line(item: dict) -> str:
    """One entry as a one-line YAML flow mapping."""
    def written(key: str, value) -> str:
        if isinstance(value, list):
            return "[" + ", ".join(value) + "]"
        return f'"{value}"' if key in QUOTED else str(value)

    return "- {" + ", ".join(f"{key}: {written(key, value)}" for key, value in item.items()) + "}"


def yaml_text(sections: dict[str, list[dict]]) -> str:
    head = [f"schema: {HEADER['schema']}"]
    for section in ("source", "topics"):
        head += [f"{section}:", *(f"  {key}: {value}" for key, value in HEADER[section].items())]
    body = "".join(f"{name}:\n" + "".join(f"  {yaml_line(item)}\n" if name == "names" else f"{yaml_line(item)}\n"
                                          for item in items) for name, items in sections.items())
    return "\n".join(head) + "\n" + body


def json_text(sections: dict[str, list[dict]]) -> str:
    """The same store as JSON, one entry per line."""
    def dumped(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = [f"{dumped(key)}: {dumped(value)}" for key, value in HEADER.items()]
    parts += [f"{dumped(name)}: [\n" + ",\n".join(dumped(item) for item in items) + "\n]"
              for name, items in sections.items()]
    return "{" + ",\n".join(parts) + "}\n"


def write_store(facts: int, path: Path, seed: int = 1, as_json: bool | None = None) -> None:
    """Write the store; as JSON when `as_json`, or when it is None and the path ends in .json."""
    rng = random.Random(seed)
    groups = max(1, facts // 10)
    sections: dict[str, list[dict]] = {"names": NAMES, "facts": [], "derived": [], "relations": []}
    for g in range(groups):
        for name, items in zip(("facts", "derived", "relations"), group(g, rng), strict=True):
            sections[name].extend(items)
    if as_json is None:
        as_json = path.suffix.lower() == ".json"
    path.write_text(json_text(sections) if as_json else yaml_text(sections), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", type=int, help="number of facts (and relations); a multiple of 10")
    parser.add_argument("path", type=Path, help="the store to write: JSON if it ends in .json, else YAML")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="write JSON whatever the file name")
    args = parser.parse_args()
    write_store(args.facts, args.path, args.seed, as_json=True if args.json else None)
    print(f"{args.path}: {args.path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
