"""X104 running-total-decreases: a total from the start of a year is smaller for a longer span in another article."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.archive.cross import ArchiveView, by_later, cite_all, finding
from bakuastana.rules.rule import Example, Rule

TOTAL_KINDS = ("amount", "count")  # figures that add up over time


def check(view: ArchiveView) -> Iterator:
    for facts in view.series(TOTAL_KINDS):
        pairs = ((shorter, longer) for longer in facts for shorter in facts
                 if longer.path != shorter.path and _running_on(shorter, longer)
                 and longer.interval.certainly_lt(shorter.interval))
        for longer, shorter in by_later(pairs):
            spans = ", ".join(dict.fromkeys(item.row.period for item in shorter))
            yield finding(RULE, f"{longer.what()}: {longer.cite(False)} is less than {cite_all(shorter)} for {spans}, "
                                "a part of its span", shorter[0], longer,
                          stated=longer.row.figure, computed=shorter[0].row.figure)


def _running_on(shorter, longer) -> bool:
    """Both spans start on one day of one year and the longer ends later, within that year."""
    a, b = shorter.row, longer.row
    return (a.period_start == b.period_start and a.period_end < b.period_end
            and a.period_start[:4] == b.period_end[:4])


RULE = Rule(
    "X104", "running-total-decreases", "warning",
    "A running total (January-September, then January-October) goes down between articles.",
    what="Two facts of one measure and subjects whose periods start on the same day of one year, the longer one "
         "ending later in that year: a total over the longer span cannot be smaller (volumes, amounts and counts "
         "only add up).",
    why="Running totals are reported month after month; one that falls is a wrong figure, a wrong period, or a "
        "different measure under one name.",
    fix="Check both figures and their periods against the source; a net figure that can fall is not a running "
        "total: give it another measure.",
    example=Example(
        "1.1 million tonnes through BTC in January-September, 0.9 million tonnes in January-October.",
        article="""
=== kazinform/btc-sep.ru.txt ===
Астана, 15 октября 2024

В январе-сентябре 2024 года по нефтепроводу БТД прокачано 1,1 млн тонн казахстанской нефти.
=== kazinform/btc-oct.ru.txt ===
Астана, 15 ноября 2024

В январе-октябре 2024 года по нефтепроводу БТД прокачано 0,9 млн тонн казахстанской нефти.
""",
        shows="is less than"),
    check=check,
)
