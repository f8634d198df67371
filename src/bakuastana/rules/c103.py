"""C103 relation-holds: a relation holds for the figures as written (shown with its intervals)."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.relations import BRIEF, WHY, verdict_findings
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    yield from verdict_findings(analysis, RULE, "consistent", lambda sides: f"holds ({sides})",
                                lambda relation: "info")


RULE = Rule(
    "C103", "relation-holds", "info", "A relation holds for the figures as written (shown with its intervals, "
    "so the margin is visible).",
    what="Reports each relation that holds, with both sides' intervals, so an editor sees what was checked.",
    why=WHY,
    fix="Nothing to fix.",
    example=Example(
        BRIEF,
        facts="""
facts:
  - id: cargo_2024
    topic: transit
    label: Transit cargo 2024
    value: 4.5 Mt
    figure: 4,5 млн. тонн
    quote: в 2024 году перевезено 4,5 млн. тонн транзитных грузов
  - id: cargo_2023
    topic: transit
    label: Transit cargo 2023
    value: 3.2 Mt
    figure: 3,2 млн. тонн
    quote: годом ранее было 3,2 млн. тонн
relations:
  - id: cargo_grew
    label: Transit cargo grew from 2023 to 2024
    check: cargo_2023 < cargo_2024
""",
        shows="Transit cargo grew from 2023 to 2024: holds (3.2 Mt, [3.15, 3.25] Mt < 4.5 Mt, [4.45, 4.55] Mt)"),
    check=check,
)
