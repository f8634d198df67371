"""T102 unlisted-spelling: a name-like spelling that the store's names list does not hold."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.names import known_abbreviations, listed_tokens
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    if analysis.article is None:
        return
    from bakuastana.text.acronyms import find_acronym_slips  # the readers, when an article is checked
    from bakuastana.text.names import unlisted_spellings

    known = set(known_abbreviations(analysis))
    slips = {slip.written for slip in find_acronym_slips(analysis.article.text, known)}  # T101 reports those
    for token, start, end in unlisted_spellings(analysis.article.text, listed_tokens(analysis) | slips):
        fact = analysis.fact_quoting(start, end)
        yield analysis.finding(RULE, f'"{token}" is not in the names list', [fact.id] if fact else [], fact,
                               span=analysis.span_of(start, end), stated=token)


RULE = Rule(
    "T102", "unlisted-spelling", "info", "A name-like spelling (acronym, CamelCase, a Latin name in a "
    "Cyrillic text) that the store's names list does not hold.",
    what="With --article, lists the first occurrence of each such spelling that no name in the store spells.",
    why="The names list is what the name rules check against; a name missing from it is never checked.",
    fix="Add the entity to `names` (with its abbreviations and other names), or ignore it.",
    example=Example(
        '"Танкер Taraz" with no name spelt Taraz in the store.',
        article="Танкер Taraz доставил нефть в порт Баку.\n",
        shows='"Taraz" is not in the names list'),
    check=check,
)
