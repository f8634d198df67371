"""S101 figure-not-in-quote: a fact's figure, as written, does not appear in its quote."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Example, Rule
from bakuastana.text.article import fold_text


def check(analysis: Analysis) -> Iterator:
    for fact in analysis.store.facts:
        if fact.figure and fold_text(fact.figure).lower() not in fold_text(fact.quote).lower():
            yield analysis.finding(RULE, f'figure "{fact.figure}" is not in the quote of {fact.id}', [fact.id], fact,
                                   stated=fact.figure)


RULE = Rule(
    "S101", "figure-not-in-quote", "error", "A fact's figure (as written) does not appear in its quote.",
    what="Each fact's `figure` must be a substring of its `quote` (whitespace and typography folded).",
    why="The quote is the evidence; a figure that is not in it cannot be traced to the article.",
    fix="Copy the figure exactly as the quote writes it, or fix the quote.",
    example=Example(
        'figure: "470 млн. долларов" with quote "...составил 407 млн. долларов"',
        facts="""
facts:
  - {id: export_2024, topic: trade, label: Export 2024, value: 470 million USD, figure: 470 млн. долларов,
     quote: экспорт за год составил 407 млн. долларов}
""",
        shows='figure "470 млн. долларов" is not in the quote of export_2024'),
    check=check,
)
