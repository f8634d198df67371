"""What the C rules share: a finding per relation whose judged verdict (analysis/judge.py) is the rule's own."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis

WHY = ("Figures in one article constrain each other: a part within its total, a cumulative amount at least its "
       "years, two mentions of one event agreeing, a target above today's level. When no values within the "
       "stated rounding satisfy a relation, at least one figure is wrong.")
BRIEF = "check: trade_2024_janaug_implied <= trade_2024   # Jan-Aug cannot exceed the whole year"


def judged(analysis: Analysis, verdict: str) -> Iterator[tuple]:
    """Each relation with its result (analysis/judge.py RelationResult) whose verdict is `verdict`."""
    results = analysis.relation_results
    if results is None:  # an analysis made for other rules: judge here
        results = [analysis.judge.result(relation) for relation in analysis.relations]
    for relation, result in zip(analysis.relations, results, strict=True):
        if result.verdict == verdict:
            yield relation, result


def verdict_findings(analysis: Analysis, rule, verdict: str, describe, severity_of) -> Iterator:
    """A finding of `rule` for each relation judged `verdict`: its message from `describe(sides)`, its
    severity from `severity_of(relation)`, with both sides, the verdict and the nearest wording."""
    for relation, result in judged(analysis, verdict):
        yield analysis.finding(rule, f"{relation.label}: {describe(result.sides)}", list(result.refs), relation,
                               severity=severity_of(relation), stated=result.stated, computed=result.computed,
                               interval=result.interval, verdict=verdict, origin=relation.origin, fix=result.fix)
