"""X101 same-measure-differs: two articles state one measure, subject and period with values beyond rounding."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.archive.cross import ArchiveView, by_later, cite_all, differ, finding
from bakuastana.rules import x102
from bakuastana.rules.rule import Example, Rule


def check(view: ArchiveView) -> Iterator:
    pairs = ((earlier, later) for earlier, later in view.same_period_pairs(x102.VALUE_KINDS)
             if differ(earlier, later) and not x102.revises(earlier, later))
    for later, earlier in by_later(pairs):
        yield finding(RULE, f"{later.what()}: {later.cite(False)} differs beyond rounding from {cite_all(earlier)}",
                      earlier[0], later, stated=later.row.figure, computed=earlier[0].row.figure)


RULE = Rule(
    "X101", "same-measure-differs", "warning",
    "Two articles give one measure, subject and period values that cannot be the same number.",
    what="Across an archive, facts with the same measure, the same subjects (entity ids: kazakhstan, btc) and the "
         "same period are compared as intervals (the rounding of the digits, or the hedge, gives each its width); "
         "two that do not overlap disagree. Both places are given: the later article's figure, and the earlier's.",
    why="One statistic is reported by many outlets and often copied; a figure that differs from the others is a "
        "typo, a misread source or a different definition, and a reader meets both.",
    fix="Check the figure against the primary source; if the later figure is a revision, say so in its sentence "
        "(\"по уточнённым данным\", \"revised\"): then X102 reports it as a revision.",
    example=Example(
        "One outlet writes 1.1 million tonnes of Kazakh oil through BTC in January-September 2024, another 1.4.",
        article="""
=== kazinform/btc.ru.txt ===
Астана, 15 октября 2024

В январе-сентябре 2024 года по нефтепроводу Баку-Тбилиси-Джейхан прокачано 1,1 млн тонн казахстанской нефти.
=== trend/btc.en.txt ===
Baku, October 20, 2024

In January-September 2024, 1.4 million tonnes of Kazakh oil were shipped through the BTC pipeline.
""",
        shows="differs beyond rounding from"),
    check=check,
)
