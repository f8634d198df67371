"""C104 relation-not-computable: a relation cannot be evaluated on the figures as the article writes them."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules import c103
from bakuastana.rules.relations import BRIEF, WHY, judged
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    from bakuastana.analysis.judge import NOT_COMPUTABLE  # the engine, when a check runs

    for relation, result in judged(analysis, NOT_COMPUTABLE):
        yield analysis.finding(RULE, f"{relation.label}: {result.sides}", list(result.refs), relation,
                               origin=relation.origin)


RULE = Rule(
    "C104", "relation-not-computable", "error", "A relation cannot be evaluated on the figures as the article "
    "writes them (a changed unit, a missing figure).",
    what="With --article, relations are evaluated on the figures read from the article; if a draft changes a "
         "unit so that the sides no longer compare, the relation cannot be judged.",
    why=WHY,
    fix="Restore the unit or update the store.",
    example=Example(
        BRIEF,
        facts=c103.RULE.example.facts,
        article="В 2024 году перевезено 4,5 млн. долларов транзитных грузов, годом ранее было 3,2 млн. тонн.\n",
        shows="Transit cargo grew from 2023 to 2024: cannot compare mass with USD"),
    check=check,
)
