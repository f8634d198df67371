"""Periods: years, months, dates and ranges, including ones written relative to publication."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

RELATIVE_YEARS = {"this_year": 0, "last_year": -1, "next_year": 1}
_POINT_RE = re.compile(r"^(\d{4}|this_year|last_year|next_year)(?:-(\d{2}))?(?:-(\d{2}))?$")


class PeriodError(ValueError):
    """A period string that does not follow the documented forms."""


@dataclass(frozen=True)  # no slots: a store shares one Period per written form (store/load.py)
class Period:
    """A closed span of calendar days; `text` is the form written in the store, `open_end` for "since X"."""

    start: date
    end: date
    text: str
    kind: str  # "year", "month", "date", "range", "by", "since"

    @property
    def months(self) -> Fraction:
        """Length in months, counting whole months exactly and part months by days."""
        whole = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
        if self.start.day == 1 and self.end.day == calendar.monthrange(self.end.year, self.end.month)[1]:
            return Fraction(whole + 1)
        return Fraction((self.end - self.start).days + 1) * 12 / Fraction(36525, 100)

    @property
    def years(self) -> Fraction:
        return self.months / 12

    def label(self) -> str:
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "month":
            return self.start.strftime("%Y-%m")
        if self.kind == "date":
            return self.start.isoformat()
        if self.kind == "by":
            return f"by {self.end.year}" if self.end.month == 12 else f"by {self.end.isoformat()}"
        if self.kind == "since":
            return f"{self.start.isoformat()[:7]}..{self.end.isoformat()[:7]}"
        if self.start.year == self.end.year and self.start.day == 1:
            return f"{self.start.strftime('%Y-%m')}..{self.end.strftime('%m')}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def day_interval(self) -> tuple[int, int]:
        return self.start.toordinal(), self.end.toordinal()


def parse_period(text: str | int, published: date | None) -> Period:
    """Parse `2024`, `2025-03`, `2025-03-04`, `2025-01..2025-08`, `2023..` (until publication), `..2027`
    (by 2027), and the same with `this_year` / `last_year` resolved against the publication date."""
    text = str(text).strip()
    if ".." in text:
        left, _, right = text.partition("..")
        if not left and not right:
            raise PeriodError(f'empty period "{text}"')
        if not right:
            if published is None:
                raise PeriodError(f'"{text}" runs until publication, but the store gives no source.published')
            start, _ = _point(left, published)
            return Period(start, published, text, "since")
        if not left:  # "by 2027": a deadline; as a span it is its last year (or month), so rates stay per year
            start, end = _point(right, published)
            return Period(start, end, text, "by")
        start, _ = _point(left, published)
        if re.fullmatch(r"\d{2}", right):  # 2025-01..08: the month of the left side's year
            right = f"{start.year}-{right}"
        _, end = _point(right, published)
        if end < start:
            raise PeriodError(f'period "{text}" ends before it starts')
        return Period(start, end, text, "range")
    start, end = _point(text, published)
    kind = {1: "year", 2: "month", 3: "date"}[text.count("-") + 1 if _POINT_RE.match(text) else 1]
    return Period(start, end, text, kind)


def _point(text: str, published: date | None) -> tuple[date, date]:
    match = _POINT_RE.match(text.strip())
    if not match:
        raise PeriodError(
            f'bad period "{text}": expected YYYY, YYYY-MM, YYYY-MM-DD, a range A..B, or this_year/last_year')
    year_text, month_text, day_text = match.groups()
    if year_text in RELATIVE_YEARS:
        if published is None:
            raise PeriodError(f'"{year_text}" needs source.published in the store')
        year = published.year + RELATIVE_YEARS[year_text]
    else:
        year = int(year_text)
    try:
        if month_text is None:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(month_text)
        last = calendar.monthrange(year, month)[1]
        if day_text is None:
            return date(year, month, 1), date(year, month, last)
        day = date(year, month, int(day_text))
        return day, day
    except ValueError as exc:
        raise PeriodError(f'bad period "{text}": {exc}') from None
