"""The old way of registering rules, kept until the C, N and G families have moved to one module per code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bakuastana.rules.rule import FAMILIES, Example, Rule

RuleInfo = Rule  # the old name of a rule's metadata
RULES: dict[str, Rule] = {}  # rules registered here, by code, in the order of registration


def register(code: str, name: str, severity: str, summary: str, *, what: str, why: str, example: str,
             fix: str) -> Rule:
    """Add a rule whose check is added later with `add_check`; codes are unique and never reused."""
    return _add(Rule(code, name, severity, summary, what, why, fix, Example(example), _no_check))


def rule(code: str, name: str, severity: str, summary: str, *, what: str, why: str, example: str,
         fix: str) -> Callable[[Callable], Callable]:
    """Register a rule and the function that checks it: `fn(context) -> Iterable[Finding]`."""

    def decorate(check: Callable) -> Callable:
        check.info = _add(Rule(code, name, severity, summary, what, why, fix, Example(example), check))
        return check

    return decorate


def add_check(codes: tuple[str, ...], check: Callable) -> None:
    """One check that reports several codes in one pass: each code's rule runs the pass once per run and keeps
    its own findings."""
    for code in codes:
        RULES[code] = replace(RULES[code], check=_one_code_of(check, code))


def family(letter: str) -> tuple[Rule, ...]:
    """The rules of one family still registered here."""
    return tuple(info for code, info in RULES.items() if code[0] == letter)


def _add(info: Rule) -> Rule:
    if info.code in RULES:
        raise ValueError(f"rule code {info.code} registered twice")
    RULES[info.code] = info
    return info


def _no_check(context) -> list:
    return []


_last_pass: dict[Callable, tuple] = {}  # shared check -> (the context it last ran on, its findings)


def _one_code_of(shared: Callable, code: str) -> Callable:
    def check(context) -> list:
        last = _last_pass.get(shared)
        if last is None or last[0] is not context:
            last = _last_pass[shared] = (context, list(shared(context)))
        return [finding for finding in last[1] if finding.code == code]

    return check


__all__ = ["FAMILIES", "RULES", "RuleInfo", "add_check", "family", "register", "rule"]
