"""T rules: names and acronyms, checked against the store's names list."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.findings import Location
from bakuastana.rules.base import rule
from bakuastana.rules.context import Context
from bakuastana.text.acronyms import find_acronym_slips
from bakuastana.text.names import learn_acronyms, near_misses, unlisted_spellings


@rule("T101", "acronym-transposition", "error", "An acronym that is a known one with letters swapped or one "
      "letter off.",
      what="Collects the abbreviations of every name in the store (and, with --article, those the text defines "
           "in parentheses), then flags an all-caps word that is a permutation of, or one edit from, exactly "
           "one of them.",
      why="Transposed acronyms pass spell-checkers and editors alike, and a reader cannot tell БДТ from a "
          "different pipeline.",
      example='"увеличение транзита нефти через БДТ" where the article elsewhere writes БТД '
              "(Баку-Тбилиси-Джейхан).",
      fix="Replace the acronym with the known one the finding names.")
def acronym_transpositions(context: Context) -> Iterator:
    known = {abbr: name.canonical for name in context.store.names for abbr in name.abbreviations}
    if context.article is not None:
        for learned in learn_acronyms(context.article.text):
            known.setdefault(learned.acronym, learned.long_name)
        slips = find_acronym_slips(context.article.text, set(known))
        for slip in slips:
            fact = context.fact_quoting(slip.start, slip.end)
            yield _slip_finding(context, slip, known, fact, context.span_of(slip.start, slip.end))
        return
    for fact in context.store.facts:
        for slip in find_acronym_slips(fact.quote, set(known)):
            yield _slip_finding(context, slip, known, fact, None)


def _slip_finding(context: Context, slip, known, fact, span: Location | None):
    message = f"{slip.written} looks like {slip.known} ({known[slip.known]}) with {slip.how}"
    return context.finding(acronym_transpositions.info, message, [fact.id] if fact else [], fact, span=span,
                           stated=slip.written, fix=slip.known)


def listed_tokens(context: Context) -> set[str]:
    """Every word of every spelling the store lists for its names."""
    return {token for name in context.store.names for spelling in name.spellings() for token in spelling.split()}


@rule("T102", "unlisted-spelling", "info", "A name-like spelling (acronym, CamelCase, a Latin name in a "
      "Cyrillic text) that the store's names list does not hold.",
      what="With --article, lists the first occurrence of each such spelling that no name in the store spells.",
      why="The names list is what the name rules check against; a name missing from it is never checked.",
      example='"Танкер Taraz" with no name spelt Taraz in the store.',
      fix="Add the entity to `names` (with its abbreviations and other names), or ignore it.")
def unlisted_names(context: Context) -> Iterator:
    if context.article is None:
        return
    known = {abbr for name in context.store.names for abbr in name.abbreviations}
    slips = {slip.written for slip in find_acronym_slips(context.article.text, known)}  # T101 reports those
    for token, start, end in unlisted_spellings(context.article.text, listed_tokens(context) | slips):
        fact = context.fact_quoting(start, end)
        yield context.finding(unlisted_names.info, f'"{token}" is not in the names list', [fact.id] if fact else [],
                              fact, span=context.span_of(start, end), stated=token)


@rule("T103", "name-near-miss", "warning", "A name spelt one letter away from a spelling the text uses more "
      "often, or the store lists.",
      what="Compares every capitalised word with the other spellings in the same text and in the names list: a "
           "word one edit (insertion, deletion, substitution or swap) from a more frequent or listed spelling is "
           "flagged. In Cyrillic words a difference in the last three letters is taken for inflection "
           "(Алиев, Алиева), never for a slip.",
      why="A misspelt name in one paragraph passes the spell-checker (it does not know names) and the editor "
          "(who read the right spelling twice already).",
      example='"Шахбозов" where the text and the names list write "Шахбазов".',
      fix="Use the spelling the finding names.")
def name_near_misses(context: Context) -> Iterator:
    if context.article is None:
        return
    for miss in near_misses(context.article.text, listed_tokens(context)):
        fact = context.fact_quoting(miss.start, miss.end)
        seen = f"used {miss.count} times" if miss.count else "in the names list"
        yield context.finding(name_near_misses.info, f'"{miss.written}" looks like a misspelling of "{miss.likely}" '
                              f"({seen})", [fact.id] if fact else [], fact,
                              span=context.span_of(miss.start, miss.end), stated=miss.written, fix=miss.likely)
