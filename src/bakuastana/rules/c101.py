"""C101 relation-violated: a relation cannot hold for any values within the figures' rounding and hedges."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.relations import BRIEF, WHY, verdict_findings
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    yield from verdict_findings(analysis, RULE, "inconsistent",
                                lambda sides: f"fails for every value within the stated bounds ({sides})",
                                lambda relation: relation.severity)


RULE = Rule(
    "C101", "relation-violated", "error", "A relation between figures cannot hold for any values within "
    "their stated rounding and hedges.",
    what="Evaluates each relation in interval arithmetic over the stated figures. The finding's severity is the "
         "relation's own (error, warning or info).",
    why=WHY,
    fix="Find the misreported figure: the finding shows each side's interval and the nearest value of a stated "
        "figure that would make the relation hold.",
    example=Example(
        BRIEF,
        facts="""
facts:
  - id: export_2024
    topic: trade
    label: Export 2024
    value: 300 million USD
    figure: 300 млн. долларов
    quote: экспорт за 2024 год составил 300 млн. долларов
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: 250 million USD
    figure: 250 млн. долларов
    quote: товарооборот за 2024 год составил 250 млн. долларов
relations:
  - id: export_within_trade
    label: Export cannot exceed total trade
    check: export_2024 <= trade_2024
""",
        shows="Export cannot exceed total trade: fails for every value within the stated bounds (300 million USD, "
              "[299.5, 300.5] million USD <= 250 million USD, [249.5, 250.5] million USD)"),
    check=check,
)
