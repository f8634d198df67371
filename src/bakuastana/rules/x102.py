"""X102 revised: a later article gives another value for a figure an earlier one stated, and says it is revised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bakuastana.archive.cross import ArchiveView, Stated, by_later, cite_all, differ, finding
from bakuastana.rules.rule import Example, Rule

VALUE_KINDS = ("amount", "count", "percent", "multiple")


@cache
def _revision_words(language: str | None):
    from bakuastana.lang import LANGUAGES, lexicon

    codes = [language] if language in LANGUAGES else list(LANGUAGES)
    return re.compile("|".join(f"(?:{lexicon(code).claims.REVISED})" for code in codes), re.IGNORECASE)


def revises(earlier: Stated, later: Stated) -> bool:
    """The later fact is dated after the earlier one and its sentence calls it revised ("по уточнённым данным")."""
    first, second = earlier.article.published, later.article.published
    return bool(first and second and second > first
                and _revision_words(later.article.language).search(later.row.lead + later.row.quote))


def check(view: ArchiveView) -> Iterator:
    pairs = ((earlier, later) for earlier, later in view.same_period_pairs(VALUE_KINDS)
             if differ(earlier, later) and revises(earlier, later))
    for later, earlier in by_later(pairs):
        yield finding(RULE, f"{later.what()}: {later.cite(False)} revises {cite_all(earlier)}", earlier[0], later,
                      stated=later.row.figure, computed=earlier[0].row.figure)


RULE = Rule(
    "X102", "revised", "info",
    "A later article revises a figure an earlier one stated.",
    what="Two facts of one measure, subjects and period differ beyond rounding, the later article (by its "
         "publication date) is dated after the earlier one, and its sentence says the figure is revised "
         "(\"по уточнённым данным\", \"пересмотрен\", \"revised\", \"updated\"). Both dates are given.",
    why="Statistics are revised; an archive should show the revision as one, and an editor may want to update "
        "the earlier story.",
    fix="Nothing to fix in the later article; consider a correction note on the earlier one.",
    example=Example(
        "Trade turnover of 350 million dollars in October, 380 million \"by revised data\" in November.",
        article="""
=== kazinform/trade.ru.txt ===
Астана, 15 октября 2024

В январе-сентябре 2024 года товарооборот Казахстана и Азербайджана составил 350 млн долларов.
=== kazinform/trade-revised.ru.txt ===
Астана, 20 ноября 2024

По уточнённым данным, в январе-сентябре 2024 года товарооборот Казахстана и Азербайджана составил 380 млн долларов.
""",
        shows="revises"),
    check=check,
)
