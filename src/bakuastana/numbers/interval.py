"""Interval arithmetic with exact rational bounds, open or closed ends, and a nominal (as-stated) value."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

INF = math.inf
Bound = Fraction | float  # a Fraction, or +/-inf


class IntervalError(ArithmeticError):
    """An operation with no meaningful interval result, e.g. division by an interval containing zero."""


@dataclass(frozen=True, slots=True)
class Interval:
    """The set of values a figure may stand for: lo..hi, each end open or closed.

    `nominal` is the value as written (470 for "470", 3.5 for "более 3,5"); arithmetic carries it along so
    a verdict can tell "holds as stated" from "holds only somewhere inside the rounding".
    """

    lo: Bound
    hi: Bound
    lo_open: bool = False
    hi_open: bool = False
    nominal: Fraction | None = None

    @staticmethod
    def point(value: Fraction | int) -> Interval:
        if value.__class__ is not Fraction:
            value = Fraction(value)
        return Interval(value, value, nominal=value)

    @property
    def is_point(self) -> bool:
        return self.lo == self.hi

    @property
    def width(self) -> Bound:
        return self.hi - self.lo

    def contains(self, value: Fraction | int) -> bool:
        above = value > self.lo or (value == self.lo and not self.lo_open)
        below = value < self.hi or (value == self.hi and not self.hi_open)
        return above and below

    def contains_zero(self) -> bool:
        return self.contains(0)

    def intersects(self, other: Interval) -> bool:
        return _lower_le_upper(self.lo, self.lo_open, other.hi, other.hi_open) and _lower_le_upper(
            other.lo, other.lo_open, self.hi, self.hi_open)

    def with_nominal(self, nominal: Fraction | None) -> Interval:
        return Interval(self.lo, self.hi, self.lo_open, self.hi_open, nominal)

    def clamp_low(self, floor: Fraction) -> Interval:
        """Cut the interval at a physical floor (amounts cannot be negative); an interval wholly below the floor
        stays as it is, so the impossibility shows instead of vanishing into the floor."""
        if self.lo >= floor or self.hi < floor or (self.hi == floor and self.hi_open):
            return self
        return Interval(floor, self.hi, False, self.hi_open, self.nominal)

    # arithmetic -----------------------------------------------------------------------------------

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open, _neg(self.nominal))

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi, self.lo_open or other.lo_open,
                        self.hi_open or other.hi_open, _nominal(self.nominal, other.nominal, _add))

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        factor = other.lo
        if (factor == other.hi and factor.__class__ is Fraction and factor > 0 and not other.lo_open
                and not other.hi_open and self.lo != self.hi):
            # scaling by a positive exact number (every unit conversion): the ends keep their order and
            # openness; the same result as the general rule below, without its sixteen comparisons
            return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open,
                            _nominal(self.nominal, other.nominal, _mul))
        if (self.lo != self.hi and other.lo != other.hi and self.lo.__class__ is Fraction
                and other.lo.__class__ is Fraction and self.lo > 0 and other.lo > 0):
            # both strictly positive (most figures): the ends multiply in order, as the general rule finds
            hi = INF if INF in (self.hi, other.hi) else self.hi * other.hi
            return Interval(self.lo * other.lo, hi, self.lo_open or other.lo_open,
                            self.hi_open or other.hi_open or hi == INF, _nominal(self.nominal, other.nominal, _mul))
        candidates = [_mul_end(a, b) for a in self._ends() for b in other._ends()]
        lo, lo_open = _pick_lower(candidates)
        hi, hi_open = _pick_upper(candidates)
        return Interval(lo, hi, lo_open, hi_open, _nominal(self.nominal, other.nominal, _mul))

    def reciprocal(self) -> Interval:
        if self.contains_zero():
            raise IntervalError(f"division by {self.describe()}, which contains zero")
        if self.lo == 0 or self.hi == 0:
            # (0, x] -> [1/x, inf); [-x, 0) -> (-inf, -1/x]
            if self.lo == 0:
                return Interval(_recip(self.hi), INF, self.hi_open, True, _recip_nominal(self.nominal))
            return Interval(-INF, _recip(self.lo), True, self.lo_open, _recip_nominal(self.nominal))
        return Interval(_recip(self.hi), _recip(self.lo), self.hi_open, self.lo_open,
                        _recip_nominal(self.nominal))

    def __truediv__(self, other: Interval) -> Interval:
        result = self * other.reciprocal()
        nominal = None
        if self.nominal is not None and other.nominal not in (None, 0):
            nominal = self.nominal / other.nominal
        return result.with_nominal(nominal)

    def power(self, exponent: Fraction) -> Interval:
        """x ** exponent for a rational exponent; non-integer exponents need x >= 0 and round outward."""
        if exponent.denominator == 1:
            return self._integer_power(int(exponent))
        if self.lo < 0:
            raise IntervalError(f"fractional power of {self.describe()}, which has negative values")
        lo = _root_down(self.lo, exponent) if exponent > 0 else _root_down(self.hi, exponent)
        hi = _root_up(self.hi, exponent) if exponent > 0 else _root_up(self.lo, exponent)
        lo_open, hi_open = (self.lo_open, self.hi_open) if exponent > 0 else (self.hi_open, self.lo_open)
        nominal = None
        if self.nominal is not None and self.nominal >= 0:
            nominal = Fraction(float(self.nominal) ** float(exponent))
        return Interval(lo, hi, lo_open, hi_open, nominal)

    def _integer_power(self, n: int) -> Interval:
        if n < 0:
            return self._integer_power(-n).reciprocal()
        result = Interval.point(1)
        if self.lo >= 0:  # monotonic: exact ends
            lo = self.lo ** n if self.lo != INF else INF
            hi = self.hi ** n if self.hi != INF else INF
            nominal = self.nominal ** n if self.nominal is not None else None
            return Interval(lo, hi, self.lo_open and n > 0, self.hi_open and n > 0, nominal)
        for _ in range(n):
            result = result * self
        return result

    def _ends(self) -> list[tuple[Bound, bool]]:
        return [(self.lo, self.lo_open), (self.hi, self.hi_open)]

    # comparisons: each answers for all values (certain) and for some values (possible) -----------

    def certainly_le(self, other: Interval) -> bool:
        return self.hi <= other.lo

    def possibly_le(self, other: Interval) -> bool:
        return _lower_le_upper(self.lo, self.lo_open, other.hi, other.hi_open)

    def certainly_lt(self, other: Interval) -> bool:
        return self.hi < other.lo or (self.hi == other.lo and (self.hi_open or other.lo_open))

    def possibly_lt(self, other: Interval) -> bool:
        return self.lo < other.hi

    def describe(self, fmt=None) -> str:
        """`[469.5, 470.5]`, `(3.5, inf)`; `fmt` formats a finite bound."""
        fmt = fmt or format_fraction
        lo_infinite = self.lo.__class__ is float and self.lo == -INF  # (a Fraction never equals it: skip comparing)
        hi_infinite = self.hi.__class__ is float and self.hi == INF
        left = "(" if self.lo_open or lo_infinite else "["
        right = ")" if self.hi_open or hi_infinite else "]"
        lo = "-inf" if lo_infinite else fmt(self.lo)
        hi = "inf" if hi_infinite else fmt(self.hi)
        return f"{left}{lo}, {hi}{right}"


def format_fraction(value: Bound, digits: int = 6) -> str:
    """A short decimal for a bound: exact when it terminates within `digits` places, else rounded."""
    if isinstance(value, float):
        return "inf" if value > 0 else "-inf"
    if value.denominator == 1:
        return str(value.numerator)
    scaled = value * 10**digits
    if scaled.denominator == 1:
        text = f"{value.numerator / value.denominator:.{digits}f}"
    else:
        text = f"{float(value):.{digits}g}" if abs(value) >= 10**digits else f"{float(value):.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text and "e" not in text else text


def _lower_le_upper(lo: Bound, lo_open: bool, hi: Bound, hi_open: bool) -> bool:
    """Is there a value >= lo (or > lo) that is also <= hi (or < hi)?"""
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def _mul_end(a: tuple[Bound, bool], b: tuple[Bound, bool]) -> tuple[Bound, bool]:
    (x, x_open), (y, y_open) = a, b
    if x == 0 or y == 0:
        # 0 times anything finite or infinite is 0; closed only when the zero itself is attained
        zero_closed = (x == 0 and not x_open) or (y == 0 and not y_open)
        return Fraction(0), not zero_closed
    return x * y, x_open or y_open


def _pick_lower(ends: list[tuple[Bound, bool]]) -> tuple[Bound, bool]:
    best = min(value for value, _ in ends)
    return best, all(is_open for value, is_open in ends if value == best)


def _pick_upper(ends: list[tuple[Bound, bool]]) -> tuple[Bound, bool]:
    best = max(value for value, _ in ends)
    return best, all(is_open for value, is_open in ends if value == best)


def _recip(value: Bound) -> Bound:
    if value.__class__ is Fraction:  # 1 / value, without Fraction's generic division
        return Fraction(value.denominator, value.numerator)
    if value in (INF, -INF):
        return Fraction(0)
    return 1 / Fraction(value)


def _recip_nominal(value: Fraction | None) -> Fraction | None:
    return None if value in (None, 0) else 1 / value


def _neg(value: Fraction | None) -> Fraction | None:
    return None if value is None else -value


def _add(a: Fraction, b: Fraction) -> Fraction:
    return a + b


def _mul(a: Fraction, b: Fraction) -> Fraction:
    return a * b


def _nominal(a, b, op):
    return None if a is None or b is None else op(a, b)


def _root_down(value: Bound, exponent: Fraction) -> Bound:
    return _root(value, exponent, -INF)


def _root_up(value: Bound, exponent: Fraction) -> Bound:
    return _root(value, exponent, INF)


def _root(value: Bound, exponent: Fraction, toward: float) -> Bound:
    """value ** exponent rounded two ulps toward `toward`, so the exact result stays inside the bound."""
    if value in (INF, -INF):
        return INF if exponent > 0 else Fraction(0)
    if value == 0:
        return Fraction(0) if exponent > 0 else INF
    approx = float(value) ** float(exponent)
    return Fraction(math.nextafter(math.nextafter(approx, toward), toward))
