"""A figure as found in a text, and the working state of one being read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction


@dataclass(frozen=True)
class Figure:
    """One figure as written in the text, with its value read at full scale."""

    text: str
    start: int
    end: int
    value: Fraction | str
    number: str
    decimals: int
    scale: str | None
    multiplier: int
    unit: str | None
    noun: str | None
    hedge: str | None
    kind: str
    range_id: int | None


@dataclass
class Reading:
    """A figure being read; turned into a frozen `Figure` once complete."""

    start: int
    end: int
    number: str
    amount: Fraction  # the number as written, before the scale
    decimals: int = 0
    plain: bool = False  # an integer written without separators, so possibly a year
    scale: str | None = None
    multiplier: int = 1
    unit: str | None = None
    noun: str | None = None
    hedge: str | None = None
    kind: str = "number"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    currency: str | None = None  # set by a prefix such as "$" or "USD"
    num_start: int = -1  # where the digits begin (after a currency prefix)
    lead: int | None = None  # "в" of "в 3-4 раза", which belongs to the start of the range
    signed: bool = False  # negative by a minus sign or word ("-3,3%", "минус 2%")
    refused: bool = False  # read as no figure: a rate per what no unit names ("$5 per share")

    @property
    def looks_like_year(self) -> bool:
        return self.plain and self.scale is None and 1900 <= self.amount <= 2100

    def freeze(self, text: str, range_id: int | None) -> Figure:
        if self.kind == "date":
            value: Fraction | str = iso_date(self.year, self.month, self.day)
        else:
            value = self.amount * self.multiplier
        return Figure(text=text[self.start:self.end], start=self.start, end=self.end, value=value,
                      number=self.number, decimals=self.decimals, scale=self.scale,
                      multiplier=self.multiplier, unit=self.unit, noun=self.noun, hedge=self.hedge,
                      kind=self.kind, range_id=range_id)


def single(reading: Reading | None) -> list[Reading]:
    return [reading] if reading is not None else []


def iso_date(year: int | None, month: int | None, day: int | None) -> str:
    parts = [f"{year:04d}"] if year is not None else []
    if month is not None:
        parts.append(f"{month:02d}")
    if day is not None:
        parts.append(f"{day:02d}")
    return "-".join(parts)


def valid_date(year: int | None, month: int, day: int | None) -> bool:
    try:
        date(year or 2000, month, day or 1)  # 2000 is a leap year, so "29 февраля" stays valid
    except ValueError:
        return False
    return True
