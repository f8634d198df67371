"""N102 implied-value-not-computable: a derived value cannot be computed from the figures as the article writes."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules import n101
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    from bakuastana.numbers.expr import ExprError  # the engine, when a check runs

    for derived in analysis.store.derived:
        try:
            analysis.env.value(derived.id)
        except ExprError as exc:
            refs = list(analysis.env.parse(derived.expr).refs)
            yield analysis.finding(RULE, f"{derived.label}: {exc.message}", [derived.id, *refs], derived)


RULE = Rule(
    "N102", "implied-value-not-computable", "error", "A derived value cannot be computed from the figures as the "
    "article writes them.",
    what="With --article, derived values are recomputed from the figures read from the article; a draft that "
         "changes a unit or drops a figure can make an expression meaningless.",
    why="An implied value that cannot be computed hides every check built on it.",
    fix="Restore the figure as the store has it, or update the store.",
    example=Example(
        "A draft writes '470 млн. тонн' where the store has 470 million USD: trade_2024 / (1 + growth) is then "
        "tonnes, and relations against USD fail to compare.",
        facts=n101.RULE.example.facts,
        article="Товарооборот в 2024 году составил 470 млн. тонн и вырос на 50%.\n",
        shows="2023 trade implied by the 2024 total and its growth: cannot convert mass to USD (unit: million USD)"),
    check=check,
)
