"""C102 relation-at-edge: a relation holds only for values the figures round from, not as written."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.relations import BRIEF, WHY, verdict_findings
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    yield from verdict_findings(analysis, RULE, "edge",
                                lambda sides: "holds only at the edge of its figures' rounding or hedges, not for "
                                              f"every reading ({sides})",
                                lambda relation: "warning" if relation.severity != "info" else "info")


RULE = Rule(
    "C102", "relation-at-edge", "warning", "A relation holds only at the edge of rounding: not for the figures "
    "as written, only for values they round from.",
    what="The relation fails for the written values but holds for some values inside their rounding intervals "
         "(or hedges): consistent only at the edge of rounding, as GRIM would say.",
    why=WHY,
    fix="Check the source for more precise figures; reword so the claim holds as written.",
    example=Example(
        BRIEF,
        facts="""
facts:
  - id: oil_2024
    topic: oil
    label: Oil transit 2024
    value: 1.5 Mt
    figure: 1,5 млн. тонн
    quote: за год прокачано 1,5 млн. тонн нефти
  - id: oil_h1_2024
    topic: oil
    label: Oil transit, first half of 2024
    value: 1.54 Mt
    figure: 1,54 млн. тонн
    quote: за первое полугодие прокачано 1,54 млн. тонн
relations:
  - id: half_within_year
    label: The first half cannot exceed the whole year
    check: oil_h1_2024 <= oil_2024
""",
        shows="The first half cannot exceed the whole year: holds only at the edge of its figures' rounding or "
              "hedges, not for every reading (1.54 Mt, [1.535, 1.545] Mt <= 1.5 Mt, [1.45, 1.55] Mt)"),
    check=check,
)
