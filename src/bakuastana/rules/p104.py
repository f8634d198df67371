"""P104 unbound-figure: a figure in the article is bound to no fact in the store."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    for binding in analysis.bindings:
        if binding.fact_id is None:
            figure = binding.figure
            yield analysis.finding(RULE, f'"{figure.text}" ({figure.kind}) is bound to no fact', [], None,
                                   span=analysis.span_of(figure.start, figure.end), stated=figure.text)


RULE = Rule(
    "P104", "unbound-figure", "info", "A figure in the article is bound to no fact in the store.",
    what="Every figure the extractor finds (digits, scale words, number words, ordinals, dates, years) is "
         "bound to the fact whose figure it is, or to the fact whose period it names. The rest are listed, and "
         "the summary's coverage is the share bound.",
    why="A figure no fact holds is a figure nobody checks.",
    fix="Add a fact for it (bakuastana init drafts one), or accept it as not worth checking.",
    example=Example(
        '"между двумя странами" with no fact for the count of countries.',
        article="Торговля между двумя странами растет.\n",
        shows='"двумя странами" (count) is bound to no fact'),
    check=check,
)
