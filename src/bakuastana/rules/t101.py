"""T101 acronym-transposition: an acronym that is a known one with its letters swapped or reordered."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.names import acronym_slip_findings
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    from bakuastana.text.acronyms import REORDERED  # the readers, when a check runs

    return acronym_slip_findings(analysis, RULE, REORDERED)


RULE = Rule(
    "T101", "acronym-transposition", "error", "An acronym that is a known one with its letters swapped or "
    "reordered.",
    what="Collects the abbreviations of every name in the store (and, with --article, those the text defines "
         "in parentheses), then flags an all-caps word that is a permutation of exactly one of them (one letter "
         "off is T105).",
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
