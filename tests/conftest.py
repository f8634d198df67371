"""Shared test helpers: the seed article (when present), a store written from text, and a CLI runner."""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_STORE = ROOT / "facts.yaml"
# The smallest valid store, for tests that break one thing in it.
MINIMAL = """\
schema: bakuastana.facts/1
source: {published: 2025-10-21}
facts:
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: 470 million USD
    period: 2024
    quote: составил 470 млн. долларов
"""


def seed_article_path() -> Path | None:
    env = os.environ.get("BAKUASTANA_ARTICLE")
    if env:
        return Path(env) if Path(env).exists() else None
    candidate = ROOT.parent / "shared" / "corpus" / "kazinform-aliyev-interview.ru.txt"
    return candidate if candidate.exists() else None


SEED_MISSING = "seed article not found: set BAKUASTANA_ARTICLE or put ../shared/corpus/ beside the repo"


@pytest.fixture
def seed_article() -> Path:
    path = seed_article_path()
    if path is None:
        pytest.skip(SEED_MISSING)
    return path


@pytest.fixture
def write_store(tmp_path):
    """Write a small store from YAML text and return its path."""

    def write(text: str, name: str = "facts.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def run_cli(*args: str) -> Result:
    """Run the console entry point in-process, capturing exit code, stdout and stderr."""
    from bakuastana.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli


def run_subprocess(*args: str, cwd: Path | None = None, env: dict | None = None):
    import subprocess

    return subprocess.run([sys.executable, "-m", "bakuastana", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=120)
