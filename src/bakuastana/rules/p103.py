"""P103 figure-unread: a fact's quote is in the article but its figure is not where it was."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules import p101
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    for reading in analysis.readings.values():
        if reading.status == "unread":
            fact = analysis.store.fact_by_id[reading.fact_id]
            yield analysis.finding(RULE, f'{fact.id}: no figure where the article had "{fact.figure}"', [fact.id],
                                   fact, span=analysis.span_of(*reading.span), fix=fact.figure)


RULE = Rule(
    "P103", "figure-unread", "warning", "A fact's quote is in the article but its figure is not where it was.",
    what="The text around a fact's figure is found, but no figure stands between it.",
    why=p101.RULE.why,  # the same drift from the reviewed record
    fix="Restore the figure, or update the fact.",
    example=Example(
        '"составил млн. долларов": the number was deleted.',
        facts="""
facts:
  - id: port_investment
    topic: transit
    label: Investment in the port
    value: 95 million USD
    figure: 95 млн. долларов
    quote: объем инвестиций в порт составил 95 млн. долларов
""",
        article="Объем инвестиций в порт составил млн. долларов.\n",
        shows='port_investment: no figure where the article had "95 млн. долларов"'),
    check=check,
)
