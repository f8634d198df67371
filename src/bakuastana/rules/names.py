"""What the T rules share: the spellings the store's names list holds, and the acronyms written with a slip."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Rule


def listed_tokens(analysis: Analysis) -> set[str]:
    """Every word of every spelling the store lists for its names."""
    return {token for name in analysis.store.names for spelling in name.spellings() for token in spelling.split()}


def known_abbreviations(analysis: Analysis) -> dict[str, str]:
    """Each abbreviation the store's names list holds, with the canonical name it stands for."""
    return {abbr: name.canonical for name in analysis.store.names for abbr in name.abbreviations}


def acronym_slip_findings(analysis: Analysis, rule: Rule, hows: tuple[str, ...]) -> Iterator:
    """A finding of `rule` for each acronym of the article (else of the store's quotes) written with a slip of
    one of `hows` from a known one: the store's abbreviations and those the article defines."""
    from bakuastana.text.acronyms import SlipFinder  # the readers, when a check runs

    known = known_abbreviations(analysis)
    if analysis.article is not None:
        for learned in analysis.article.acronyms():  # read once: a draft made in memory read them too
            known.setdefault(learned.acronym, learned.long_name)
        found = [(slip, analysis.fact_quoting(slip.start, slip.end), analysis.span_of(slip.start, slip.end))
                 for slip in _article_slips(analysis.article.text, frozenset(known))]
    else:
        finder = SlipFinder(set(known))  # built once for every quote
        found = [(slip, fact, None) for fact in analysis.store.facts for slip in finder.slips(fact.quote)]
    for slip, fact, span in found:
        if slip.how in hows:
            message = f"{slip.written} looks like {slip.known} ({known[slip.known]}) with {slip.how}"
            yield analysis.finding(rule, message, [fact.id] if fact else [], fact, span=span, stated=slip.written,
                                   fix=slip.known)


@lru_cache(maxsize=2)
def _article_slips(text: str, known: frozenset[str]) -> tuple:
    """The article's acronym slips, found once for T101 and T105 (each takes its kind of slip)."""
    from bakuastana.text.acronyms import find_acronym_slips

    return tuple(find_acronym_slips(text, set(known)))
