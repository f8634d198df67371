"""X103 growth-vs-other-base: a growth one article states does not follow from the base another article states."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from bakuastana.archive.cross import ArchiveView, Stated, finding
from bakuastana.numbers.interval import Interval, IntervalError
from bakuastana.numbers.quantity import humanize
from bakuastana.rules.rule import Example, Rule

LEVEL_KINDS = ("amount", "count")


def check(view: ArchiveView) -> Iterator:
    groups: dict[tuple, list[Stated]] = defaultdict(list)
    for (measure, subjects, _dims), facts in view.by_subject.items():
        groups[(measure, subjects)].extend(facts)
    for facts in groups.values():
        growths = [item for item in facts if item.row.kind == "percent"]
        levels = [item for item in facts if item.row.kind in LEVEL_KINDS]
        for growth in growths:
            period = (growth.row.period_start, growth.row.period_end)
            year_before = (_year_before(period[0]), _year_before(period[1]))
            current = [item for item in levels if item.path == growth.path
                       and (item.row.period_start, item.row.period_end) == period]
            bases = [item for item in levels if item.path != growth.path
                     and (item.row.period_start, item.row.period_end) == year_before]
            for level in current[:1]:
                for base in bases:
                    implied = _growth(level.interval, base.interval)
                    if implied is not None and not implied.intersects(growth.interval):
                        yield finding(
                            RULE, f"{growth.what()}: the growth {growth.cite(False)} does not follow from "
                                  f"{level.cite()} and the base {base.cite()} (which give {_percent(implied)})",
                            base, growth, stated=growth.row.figure, computed=_percent(implied))


def _growth(level: Interval, base: Interval) -> Interval | None:
    try:
        return level / base - Interval.point(1)
    except (IntervalError, ZeroDivisionError):
        return None


def _percent(interval: Interval) -> str:
    low, high = (humanize(bound * 100, "", 3) for bound in (interval.lo, interval.hi))
    return f"{low}%" if low == high else f"{low}..{high}%"


def _year_before(day: str) -> str:
    value = date.fromisoformat(day)
    try:
        return value.replace(year=value.year - 1).isoformat()
    except ValueError:  # 29 February
        return value.replace(year=value.year - 1, day=28).isoformat()


RULE = Rule(
    "X103", "growth-vs-other-base", "warning",
    "A growth stated in one article does not follow from the base stated in another.",
    what="An article states a level and its growth on a year earlier (a percent of the same measure and period); "
         "another article states the level a year earlier, for the same measure and subjects. The growth the two "
         "levels give (level / base - 1, as intervals) must overlap the stated growth.",
    why="A growth rate is often copied from a press release while the base is reported elsewhere; when they do "
        "not fit, one of the three figures is wrong.",
    fix="Check the growth, the level and the base against the source; the base may have been revised.",
    example=Example(
        "Turnover of 360 million dollars, up 20 %, while a year earlier another article gave 200 million.",
        article="""
=== trend/trade-2023.ru.txt ===
Баку, 20 октября 2023

В январе-сентябре 2023 года товарооборот Казахстана и Азербайджана составил 200 млн долларов.
=== kazinform/trade-2024.ru.txt ===
Астана, 15 октября 2024

В январе-сентябре 2024 года товарооборот Казахстана и Азербайджана вырос на 20% и составил 360 млн долларов.
""",
        shows="does not follow from"),
    check=check,
)
