"""Dates: "4 марта 2025 года", "March 4, 2025", "2025-03-04", "04.03.2025", and a month's number from its word."""

from __future__ import annotations

import re
from fractions import Fraction

from bakuastana.text.figures.figure import Reading, valid_date
from bakuastana.text.figures.patterns import MONTH_KINDS, Patterns, fold, patterns_for


def month_number(word: str) -> int | None:
    """The month a word names, in any case or language ("марта", "мае", "March", "Sept."), else None."""
    entry = patterns_for().words.get(fold(word.rstrip(".")))
    return int(entry[1]) if entry is not None and entry[0] in MONTH_KINDS else None


def read_day_month(p: Patterns, text: str, reading: Reading) -> bool:
    """ "4 марта 2025 года", "6 августа", "4 March 2025"."""
    if reading.scale is not None or not 1 <= reading.amount <= 31:
        return False
    found = p.month_after(text, reading.end)
    if found is None:
        return False
    start, end = found
    month = p.words.get(fold(text[start:end].rstrip(".")), ("", Fraction(0), None, 0))[1]
    if not month:
        return False
    year_match = p.year_after_day.match(text, end)
    year = int(year_match.group(1)) if year_match else None
    if not valid_date(year, int(month), int(reading.amount)):
        return False
    reading.kind, reading.year, reading.month, reading.day = "date", year, int(month), int(reading.amount)
    reading.end = year_match.end() if year_match else end
    return True


def read_digit_date(match: re.Match, order: str) -> Reading | None:
    """ "2025-03-04" and "04.03.2025": three numbers the anchor's `iso` or `dmy` arm found, "-" or "." between."""
    first, second, third = (int(part) for part in match.group().replace("-", ".").split("."))
    year, month, day = (first, second, third) if order == "ymd" else (third, second, first)
    if not valid_date(year, month, day):
        return None
    return Reading(start=match.start(), end=match.end(), number=match.group(), amount=Fraction(0), kind="date",
                   year=year, month=month, day=day)
