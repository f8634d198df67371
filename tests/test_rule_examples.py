"""Every rule's worked example (the one `explain CODE` prints) run through the real check: it shows the finding."""

from __future__ import annotations

import io
import json

import pytest

from bakuastana.render.rulesout import write_explanation
from bakuastana.rules import RULES
from bakuastana.rules.rule import Example, Rule
from bakuastana.store.load import parse_store
from bakuastana.text.article import Article
from test_rule_fixtures import findings_of


@pytest.mark.parametrize("code", sorted(RULES))
def test_example_shows_the_finding(code: str):
    example = RULES[code].example
    assert example.runnable, f"{code}: the example has no inputs (facts or article) to run"
    assert example.shows, f"{code}: the example does not say what its finding shows"
    article = Article(path="article.txt", text=example.article) if example.article else None
    found = findings_of(code, parse_store(example.store_text), article)
    assert found, f"{code}: the example gives no {code} finding"
    assert example.shows in [finding.message for finding in found]


@pytest.mark.parametrize("code", sorted(RULES))
def test_explain_prints_the_example_that_runs(code: str):
    example = RULES[code].example
    text, data = io.StringIO(), io.StringIO()
    write_explanation(RULES[code], text)
    write_explanation(RULES[code], data, as_json=True)
    for line in [*example.facts.splitlines(), *example.article.splitlines(), f"finding: {example.shows}"]:
        assert line.strip() in text.getvalue()
    worked = json.loads(data.getvalue())["worked_example"]
    assert worked == {"facts": example.facts, "article": example.article, "shows": example.shows}


def test_each_rule_has_its_own_name():
    names = [rule.name for rule in RULES.values()]
    assert len(set(names)) == len(names), sorted(name for name in names if names.count(name) > 1)


@pytest.mark.parametrize(("field", "value", "problem"), [
    ("code", "Z101", "bad rule code"), ("code", "S1O1", "bad rule code"), ("name", "Todo_Left", "bad rule name"),
    ("severity", "fatal", "bad severity")])
def test_a_rule_with_a_bad_field_is_refused(field: str, value: str, problem: str):
    fields = {"code": "S199", "name": "todo-left", "severity": "warning", "summary": "s", "what": "w",
              "why": "y", "fix": "f", "example": Example("e"), "check": lambda analysis: ()}
    with pytest.raises(ValueError, match=problem):
        Rule(**{**fields, field: value})


def test_texts_are_kept_without_surrounding_blank_space():
    rule = Rule("S199", "todo-left", "warning", "\n  A summary.\n", "\nwhat\n", "why ", " fix", Example(" e\n"),
                lambda analysis: ())
    assert (rule.summary, rule.what, rule.why, rule.fix, rule.example.brief) == ("A summary.", "what", "why",
                                                                                  "fix", "e")
