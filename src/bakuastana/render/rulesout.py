"""Output of `rules` (the list) and `explain CODE` (one rule in full, with its worked example); text or JSON."""

from __future__ import annotations

import json
import textwrap

from bakuastana.errors import BadInput
from bakuastana.rules import CROSS, RULES
from bakuastana.rules.rule import Rule


def find_rule(code: str) -> Rule:
    wanted = code.strip()
    for rule in (*RULES.values(), *CROSS):  # the cross-article rules too: they run on an archive (check --cross)
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            return rule
    raise BadInput(f'unknown rule "{code}" (see `bakuastana rules`)')


def _rule_dict(rule: Rule) -> dict:
    return {"code": rule.code, "name": rule.name, "family": rule.family, "severity": rule.severity,
            "summary": rule.summary, "what": rule.what, "why": rule.why, "example": rule.example.brief,
            "fix": rule.fix}


def write_rules(out, *, as_json: bool = False) -> None:
    rules = sorted((*RULES.values(), *CROSS), key=lambda rule: rule.code)  # the archive's X rules too
    if as_json:
        data = {"schema": "bakuastana.rules/1", "rules": [_rule_dict(rule) for rule in rules]}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for rule in rules:
        out.write(f"{rule.code}  {rule.name:<30} {rule.severity:<8} {rule.summary}\n")


def write_explanation(rule: Rule, out, *, as_json: bool = False) -> None:
    example = rule.example
    if as_json:
        worked = {"facts": example.facts, "article": example.article, "shows": example.shows}
        data = {"schema": "bakuastana.rule/1", **_rule_dict(rule), "worked_example": worked}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    out.write(f"{rule.code} {rule.name} ({rule.family}; default severity {rule.severity})\n\n"
              f"{rule.summary}\n\nWhat it checks\n  {rule.what}\n\nWhy it matters\n  {rule.why}\n\n"
              f"Example\n  {example.brief}\n{_worked_example(example)}\nHow to fix\n  {rule.fix}\n")


def _worked_example(example) -> str:
    """The example's inputs and what it shows, as `explain` prints them under the one-line example."""
    parts = []
    if example.facts:
        parts.append(f"  facts.yaml:\n{textwrap.indent(example.facts.strip(), '    ')}\n")
    if example.article:
        parts.append(f"  article.txt:\n{textwrap.indent(example.article.strip(), '    ')}\n")
    if example.shows:
        parts.append(f"  finding: {example.shows}\n")
    return "\n" + "\n".join(parts) if parts else ""
