"""T103 name-near-miss: a name spelt one letter away from a spelling the text uses more often, or the store lists."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.names import listed_tokens
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    if analysis.article is None:
        return
    from bakuastana.text.names import near_misses  # the reader, when an article is checked

    for miss in near_misses(analysis.article.text, listed_tokens(analysis)):
        fact = analysis.fact_quoting(miss.start, miss.end)
        seen = f"used {miss.count} times" if miss.count else "in the names list"
        yield analysis.finding(RULE, f'"{miss.written}" looks like a misspelling of "{miss.likely}" ({seen})',
                               [fact.id] if fact else [], fact, span=analysis.span_of(miss.start, miss.end),
                               stated=miss.written, fix=miss.likely)


RULE = Rule(
    "T103", "name-near-miss", "warning", "A name spelt one letter away from a spelling the text uses more "
    "often, or the store lists.",
    what="Compares every capitalised word with the other spellings in the same text and in the names list: a "
         "word one edit (insertion, deletion, substitution or swap) from a more frequent or listed spelling is "
         "flagged. In Cyrillic words a difference in the last three letters is taken for inflection "
         "(Алиев, Алиева), never for a slip.",
    why="A misspelt name in one paragraph passes the spell-checker (it does not know names) and the editor "
        "(who read the right spelling twice already).",
    fix="Use the spelling the finding names.",
    example=Example(
        '"Шахбозов" where the text and the names list write "Шахбазов".',
        facts="""
names:
  - {id: shahbazov, canonical: Парвиз Шахбазов}
facts: []
""",
        article="Министр энергетики Парвиз Шахбазов открыл форум.\n"
                "Министр Шахбозов сказал, что добыча газа растет.\n",
        shows='"Шахбозов" looks like a misspelling of "Шахбазов" (used 1 times)'),
    check=check,
)
