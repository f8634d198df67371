"""S102 todo-left: a fact still carries a TODO for a person to decide."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    for fact in analysis.store.facts:
        if fact.todo:
            yield analysis.finding(RULE, f"{fact.id}: TODO {fact.todo}", [fact.id], fact)


RULE = Rule(
    "S102", "todo-left", "warning", "A fact still carries a TODO for a person to decide.",
    what="Reports every fact whose `todo` field is set (as `bakuastana init` leaves them).",
    why="A draft store is not reviewed until each TODO is decided.",
    fix="Decide, edit the fact, and delete the todo field.",
    example=Example(
        "todo: period guessed from the sentence; confirm",
        facts="""
facts:
  - id: transit_2024
    topic: transit
    label: Transit 2024
    value: 287 trains
    period: 2024
    quote: через порт прошли 287 контейнерных поездов
    todo: period guessed from the sentence; confirm
""",
        shows="transit_2024: TODO period guessed from the sentence; confirm"),
    check=check,
)
