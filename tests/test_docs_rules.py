"""README's rules table lists every rule of the table in rules/__init__.py, by code and name, and nothing else."""

import re

from conftest import ROOT

from bakuastana.rules import RULES


def test_readme_lists_every_rule():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| ([A-Z]\d{3}) \| ([a-z-]+)", text, flags=re.M))
    assert listed == {code: rule.name for code, rule in RULES.items()}
