"""T104 decimal-separator: a decimal written with the other language's mark ("4,5" in English, "4.5" in Russian)."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.lang import LANGUAGES, language_of, lexicon
from bakuastana.rules.rule import Example, Rule
from bakuastana.text.figures.digits import decimal_mark, with_decimal_mark

MARK_NAMES = {",": "comma", ".": "point"}


def check(analysis: Analysis) -> Iterator:
    if analysis.article is None:
        return
    language = language_of(analysis.article.text, analysis.store.source.language)
    if language not in LANGUAGES:
        return
    found = lexicon(language)
    own = found.figure_words.decimal_mark
    if not own:
        return
    for binding in analysis.bindings:
        figure = binding.figure
        if figure.kind == "number" or (figure.kind == "count" and figure.scale is None):
            continue  # a bare number, or a "count" of a fraction of things, is as often a clause, a time or a
            # version ("пункт 3.2 соглашения", "в 10.30", "Казахстан 2.0") as a decimal
        mark = decimal_mark(figure)
        if mark is None or mark == own:
            continue
        written = with_decimal_mark(figure, own)
        fact = analysis.store.fact_by_id.get(binding.fact_id) if binding.fact_id else None
        yield analysis.finding(
            RULE, f'"{figure.number}" has a decimal {MARK_NAMES[mark]} in {found.name} text, where decimals take '
                  f'a {MARK_NAMES[own]}: read as {written}', [fact.id] if fact else [], fact,
            span=analysis.span_of(figure.start, figure.end), stated=figure.number, fix=written)


RULE = Rule(
    "T104", "decimal-separator", "warning", "A decimal written with the mark of another language: a comma in "
    "English text (\"4,5 million\"), a point in Russian text (\"4.5 млн\").",
    what="Every figure read with a fraction is compared with the article's language (the store's "
         "source.language, else the one detected): English writes decimals with a point, Russian with a comma. "
         "The figure is read as meant (\"4,5 million tons\" is 4.5 million) and the mark reported. A comma "
         "before exactly three digits in English text groups thousands (\"1,195 km\") and is no decimal; a bare "
         "number, or a count with a fraction and no scale word, is not reported: \"пункт 3.2\", \"в 10.30\" and "
         "\"Казахстан 2.0\" are a clause, a time and a version.",
    why="A reader takes \"4,5\" in English for a typo or for 45, and \"1.5\" in a Russian text looks pasted "
        "from another source; both are slips an editor wants to see, since a misread mark changes a figure.",
    fix="Write the decimal with the language's mark (the finding's fix), or check the figure with its source.",
    example=Example(
        '"4,5 million tons" in an English article.',
        article="Exports reached 4,5 million tons in 2024.\n",
        shows='"4,5" has a decimal comma in English text, where decimals take a point: read as 4.5'),
    check=check,
)
