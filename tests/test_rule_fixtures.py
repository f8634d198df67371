"""Every rule's fixture folder (tests/rules/CODE/) run through the library and compared with its expected findings.

A case is a folder holding `facts.yaml` and/or `article.txt` (the inputs; without `facts.yaml` an empty store is
used) and `expected.json`: the findings of that code, in order, each
`{"code", "severity", "line", "column", "message_contains"}`, where line and column are where the finding is
shown (its place in the article if it has one, else in the store); any other key (say "fix" or "facts") is
compared with the finding's JSON field of that name. `tests/rules/CODE/` is one case and each folder inside it
another (`clean/`, expecting `[]`, is the twin that must give none of that code).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bakuastana.analysis.engine import CheckOptions, check
from bakuastana.findings import Finding
from bakuastana.rules import CROSS, RULES
from bakuastana.rules.rule import EMPTY_STORE
from bakuastana.store.load import load_store, parse_store
from bakuastana.store.model import Store
from bakuastana.text.article import Article, read_article

FIXTURES = Path(__file__).parent / "rules"
SHOWN = ("code", "severity", "line", "column")
CROSS_CODES = {rule.code for rule in CROSS}


def fixture_codes() -> list[str]:
    """The per-article rules' fixture folders (the cross-article X family's run in tests/test_archive.py)."""
    return sorted(folder.name for folder in FIXTURES.iterdir() if folder.is_dir() and folder.name not in CROSS_CODES)


def fixture_cases() -> list[Path]:
    return [case for code in fixture_codes() for case in (FIXTURES / code, *sorted(
        folder for folder in (FIXTURES / code).iterdir() if folder.is_dir()))]


def findings_of(code: str, store: Store, article: Article | None) -> list[Finding]:
    """The findings one rule reports on a store and an article, run by the library as `check --select CODE`."""
    report = check(store, article, CheckOptions(select=frozenset({code})))
    assert {finding.code for finding in report.findings} <= {code}, "a rule reports a code not its own"
    return report.findings


def as_expected(finding: Finding, expected: dict) -> dict:
    """The finding in the shape of its expected entry (message_contains kept when the message holds it)."""
    where = finding.span or finding.location
    shown = {"code": finding.code, "severity": finding.severity, "line": where.line if where else None,
             "column": where.column if where else None}
    contains = expected.get("message_contains", "")
    shown["message_contains"] = contains if contains and contains in finding.message else finding.message
    data = finding.to_dict()
    shown.update({key: data.get(key) for key in expected if key not in shown})
    return shown


def test_every_rule_has_a_fixture_folder():
    missing = sorted(set(RULES) - set(fixture_codes()))
    assert not missing, f"rules with no fixture folder tests/rules/CODE/: {', '.join(missing)}"


def test_every_fixture_folder_is_a_rule():
    unknown = sorted(set(fixture_codes()) - set(RULES))
    assert not unknown, f"fixture folders for no rule in the table: {', '.join(unknown)}"


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda case: str(case.relative_to(FIXTURES)))
def test_fixture(case: Path):
    code = case.relative_to(FIXTURES).parts[0]
    facts, article = case / "facts.yaml", case / "article.txt"
    assert facts.exists() or article.exists(), f"{case}: no facts.yaml or article.txt"
    assert (case / "expected.json").exists(), f"{case}: no expected.json"
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert all(set(SHOWN) <= entry.keys() and entry["code"] == code for entry in expected), expected
    store = load_store(facts) if facts.exists() else parse_store(EMPTY_STORE)
    found = findings_of(code, store, read_article(article) if article.exists() else None)
    padded = [*expected, *[{}] * (len(found) - len(expected))]
    assert [as_expected(finding, entry) for finding, entry in zip(found, padded, strict=False)] == expected
