"""P102 quote-missing: a fact's quote is not in the article, not even around its figure."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    for reading in analysis.readings.values():
        if reading.status == "missing":
            fact = analysis.store.fact_by_id[reading.fact_id]
            yield analysis.finding(RULE, f"{fact.id}: quote not found in the article", [fact.id], fact,
                                   stated=fact.quote)


RULE = Rule(
    "P102", "quote-missing", "warning", "A fact's quote is not in the article, not even around its figure.",
    what="Each fact's quote is searched in the article tolerant to re-flowed lines, whitespace, typographic "
         "quotes and dashes; failing that, the quote's text before and after its figure is searched.",
    why="A fact whose evidence is gone can no longer be checked against the text; the sentence was rewritten "
        "or removed.",
    fix="Update the fact's quote to the new sentence, or delete the fact if the figure left the article.",
    example=Example(
        "The draft rewrites the sentence with 287 container trains into another wording.",
        facts="""
facts:
  - id: trains_2024
    topic: transit
    label: Container trains 2024
    value: 287 trains
    figure: "287"
    quote: в прошлом году через порт прошли 287 контейнерных поездов
""",
        article="Порт принял 287 поездов с контейнерами за прошлый год.\n",
        shows="trains_2024: quote not found in the article"),
    check=check,
)
