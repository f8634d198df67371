"""T101 acronym-transposition: an acronym that is a known one with letters swapped or one letter off."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.findings import Location
from bakuastana.rules.names import known_abbreviations
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    from bakuastana.text.acronyms import SlipFinder, find_acronym_slips  # the readers, when a check runs

    known = known_abbreviations(analysis)
    if analysis.article is not None:
        for learned in analysis.article.acronyms():  # read once: a draft made in memory read them too
            known.setdefault(learned.acronym, learned.long_name)
        for slip in find_acronym_slips(analysis.article.text, set(known)):
            fact = analysis.fact_quoting(slip.start, slip.end)
            yield _slip_finding(analysis, slip, known, fact, analysis.span_of(slip.start, slip.end))
        return
    finder = SlipFinder(set(known))  # built once for every quote
    for fact in analysis.store.facts:
        for slip in finder.slips(fact.quote):
            yield _slip_finding(analysis, slip, known, fact, None)


def _slip_finding(analysis: Analysis, slip, known: dict[str, str], fact, span: Location | None):
    message = f"{slip.written} looks like {slip.known} ({known[slip.known]}) with {slip.how}"
    return analysis.finding(RULE, message, [fact.id] if fact else [], fact, span=span, stated=slip.written,
                            fix=slip.known)


RULE = Rule(
    "T101", "acronym-transposition", "error", "An acronym that is a known one with letters swapped or one "
    "letter off.",
    what="Collects the abbreviations of every name in the store (and, with --article, those the text defines "
         "in parentheses), then flags an all-caps word that is a permutation of, or one edit from, exactly "
         "one of them.",
    why="Transposed acronyms pass spell-checkers and editors alike, and a reader cannot tell БДТ from a "
        "different pipeline.",
    fix="Replace the acronym with the known one the finding names.",
    example=Example(
        '"увеличение транзита нефти через БДТ" where the article elsewhere writes БТД (Баку-Тбилиси-Джейхан).',
        article="Нефтепровод Баку-Тбилиси-Джейхан (БТД) работает с 2006 года.\n"
                "В планах увеличение транзита нефти через БДТ.\n",
        shows="БДТ looks like БТД (Баку-Тбилиси-Джейхан) with two letters swapped"),
    check=check,
)
