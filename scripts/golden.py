"""Record or compare the seed's outputs (check, extract, show, calc, init) that a refactoring must keep byte-identical.

`python scripts/golden.py record` writes tests/golden/; the test tests/test_golden.py compares. Outputs that would
copy the article's sentences into the repo are kept as SHA-256 digests only.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
INIT_ARTICLES = sorted((ROOT / "tests" / "data" / "init").glob("*.txt"))


def seed_article() -> Path | None:
    env = os.environ.get("BAKUASTANA_ARTICLE")
    path = Path(env) if env else ROOT.parent / "shared" / "corpus" / "kazinform-aliyev-interview.ru.txt"
    return path if path.exists() else None


def cases(article: Path | None) -> list[tuple[str, list[str], bool]]:
    """(name, arguments, kept as a digest only) for every output the golden test compares."""
    topics = ["trade", "transit", "oil", "energy", "cable", "diplomacy"]
    out: list[tuple[str, list[str], bool]] = [
        ("check", ["check", "--json", "--facts", "facts.yaml"], False),
        ("check-jsonl", ["check", "--format", "jsonl", "--facts", "facts.yaml"], False),
        ("show", ["show", "--json"], False),
        *[(f"show-{t}", ["show", t, "--json"], False) for t in topics],
        ("calc-1", ["calc", "trade_2024 / (1 + trade_2024_growth)", "--json"], False),
        ("calc-2", ["calc", "400 Tbit/s to TB/day", "--json"], False),
        ("calc-3", ["calc", "547 млн долларов / 8 месяцев", "--json"], False),
        ("calc-4", ["calc", "cagr(oil_btc_target_2027 * 1 year, oil_btc_2024, 3)", "--json"], False),
        ("calc-5", ["calc", "trade_2024 > 4 * trade_2025_janaug", "--json"], False),
        ("rules", ["rules", "--json"], False),
    ]
    for path in INIT_ARTICLES:
        rel = str(path.relative_to(ROOT))
        out.append((f"extract-{path.name[:-4]}", ["extract", rel, "--json"], False))
        out.append((f"init-{path.name[:-4]}", ["init", rel, "-o", "-", "--published", "2025-10-21"], False))
    if article is not None:
        article = Path(os.path.relpath(article, ROOT))  # the path is printed: the same wherever the clone stands
        out += [
            ("check-article", ["check", "--json", "--facts", "facts.yaml", "--article", str(article)], True),
            ("extract-article", ["extract", str(article), "--json", "--facts", "facts.yaml"], True),
            ("init-article", ["init", str(article), "-o", "-", "--published", "2025-10-21"], True),
        ]
    return out


def run(arguments: list[str]) -> bytes:
    result = subprocess.run([sys.executable, "-m", "bakuastana", *arguments], cwd=ROOT, capture_output=True,
                            timeout=300, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120"})
    return f"exit {result.returncode}\n".encode() + result.stdout


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest() + "\n"


def record() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, arguments, hashed in cases(seed_article()):
        data = run(arguments)
        if hashed:
            (GOLDEN / f"{name}.sha256").write_text(digest(data))
        else:
            (GOLDEN / f"{name}.out").write_bytes(data)
    (GOLDEN / "cases.json").write_text(json.dumps([c[0] for c in cases(seed_article())], indent=1) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] != ["record"]:
        sys.exit("usage: golden.py record")
    record()
