"""T rules: names and acronyms, checked against the store's names list."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.findings import Location
from bakuastana.rules.base import rule
from bakuastana.rules.context import Context
from bakuastana.text.acronyms import find_acronym_slips


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
    known = {abbr: name for name in context.store.names for abbr in name.abbreviations}
    if context.article is not None:
        slips = find_acronym_slips(context.article.text, set(known))
        for slip in slips:
            fact = _fact_quoting(context, slip.start, slip.end)
            yield _slip_finding(context, slip, known, fact, context.span_of(slip.start, slip.end))
        return
    for fact in context.store.facts:
        for slip in find_acronym_slips(fact.quote, set(known)):
            yield _slip_finding(context, slip, known, fact, None)


def _slip_finding(context: Context, slip, known, fact, span: Location | None):
    name = known[slip.known]
    message = f"{slip.written} looks like {slip.known} ({name.canonical}) with {slip.how}"
    return context.finding(acronym_transpositions.info, message, [fact.id] if fact else [], fact, span=span,
                           stated=slip.written, fix=slip.known)


def _fact_quoting(context: Context, start: int, end: int):
    for fact in context.store.facts:
        span = context.quote_span(fact.id)
        if span and span[0] <= start and end <= span[1]:
            return fact
    return None
