"""T105 acronym-one-letter-off: an acronym one letter from a known one, a slip or another name."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.names import acronym_slip_findings
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    from bakuastana.text.acronyms import ONE_LETTER_OFF  # the readers, when a check runs

    return acronym_slip_findings(analysis, RULE, (ONE_LETTER_OFF,))


RULE = Rule(
    "T105", "acronym-one-letter-off", "warning", "An acronym one letter from a known one: a slip, or another name.",
    what="Collects the abbreviations of every name in the store (and, with --article, those the text defines "
         "in parentheses), then flags an all-caps word one letter from exactly one of them: a letter changed "
         "(БТГ for БТД), or one added or dropped where the shorter has at least four letters (a letter more "
         "than a three-letter acronym is as often another one: CPC and CNPC, TIR and TITR).",
    why="A mistyped acronym names nothing, or the wrong thing; but the names of one field are often a letter "
        "apart (BTC, BTK and BTE are three routes from Baku), so this is a question for the editor, not an "
        "error: T101 is the error, for the same letters reordered.",
    fix="Write the known acronym the finding names, or, if another name is meant, define it in the text "
        "(\"Баку-Тбилиси-Карс (БТК)\") or list it in the store's names.",
    example=Example(
        '"нефть пойдет через БТГ" where the article defines БТД (Баку-Тбилиси-Джейхан).',
        article="Нефтепровод Баку-Тбилиси-Джейхан (БТД) работает с 2006 года.\n"
                "Нефть пойдет через БТГ в конце года.\n",
        shows="БТГ looks like БТД (Баку-Тбилиси-Джейхан) with one letter off"),
    check=check,
)
