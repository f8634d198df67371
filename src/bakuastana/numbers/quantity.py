"""Quantities: an exact interval in base units with its unit, parsed from how a figure is written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from bakuastana.numbers.interval import INF, Interval, IntervalError, format_fraction
from bakuastana.numbers.units import DIMENSIONLESS, Unit, UnitError, parse_unit, scale_of

HEDGES = ("more_than", "at_least", "less_than", "at_most", "up_to", "about", "almost", "only")
DEFAULT_TOLERANCE = Fraction(1, 10)  # "около"/"almost": 10 % of the stated value unless the fact says otherwise
# Far beyond any real figure, and small enough that every value still prints (as a float) and powers stay cheap.
MAX_MAGNITUDE = Fraction(10) ** 250
MAX_POWER_BITS = 8192

_NUMBER_RE = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|[+-]?\d+(?:[.,]\d+)?")


class DimensionError(ValueError):
    """Two quantities whose dimensions do not allow the operation (adding tonnes to dollars)."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value interval in base units, its unit for display, and whether it is a calendar date."""

    interval: Interval
    unit: Unit = DIMENSIONLESS
    is_date: bool = False

    @property
    def dims(self):
        return self.unit.dims

    def _require_same(self, other: Quantity, verb: str) -> None:
        if self.unit.dims != other.unit.dims:
            raise DimensionError(f"cannot {verb} {self.unit.describe_dims()} and {other.unit.describe_dims()}")

    def __add__(self, other: Quantity) -> Quantity:
        self._require_same(other, "add")
        return Quantity(self.interval + other.interval, self.unit)

    def __sub__(self, other: Quantity) -> Quantity:
        self._require_same(other, "subtract")
        if self.is_date and other.is_date:
            return Quantity(self.interval - other.interval, parse_unit("day"))
        return Quantity(self.interval - other.interval, self.unit, self.is_date)

    def __neg__(self) -> Quantity:
        return Quantity(-self.interval, self.unit)

    def __mul__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval * other.interval, combine_units(self.unit, other.unit, "*"))

    def __truediv__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval / other.interval, combine_units(self.unit, other.unit, "/"))

    def power(self, exponent: Quantity) -> Quantity:
        if exponent.unit.dims or not exponent.interval.is_point:
            raise DimensionError("an exponent must be a plain number")
        power = Fraction(exponent.interval.lo)
        if abs(power) > 64:
            raise IntervalError(f"exponent {format_fraction(power)} is too large (at most 64)")
        if self.unit.dims and power.denominator != 1:
            raise DimensionError("a fractional power of a quantity with units")
        _check_power(self.interval, power)
        unit = self.unit if not self.unit.dims else parse_unit(f"({self.unit.label})**{power}")
        return Quantity(self.interval.power(power), unit)

    def to(self, unit: Unit) -> Quantity:
        if unit.dims != self.unit.dims:
            raise DimensionError(f"cannot convert {self.unit.describe_dims()} to {unit.describe_dims()}")
        return Quantity(self.interval, unit, self.is_date)

    def magnitude(self) -> Interval:
        """The interval in this quantity's display unit (not base units)."""
        return scale_interval(self.interval, 1 / self.unit.factor)

    def describe(self) -> str:
        """`313.33 million USD in [311.96, 314.72] million USD`-style text, in the display unit."""
        return format_quantity(self)


def _check_power(interval: Interval, power: Fraction) -> None:
    """Refuse a power whose exact result would be huge (time, memory) or outside float range (roots)."""
    for bound in (interval.lo, interval.hi, interval.nominal):
        if bound is None or isinstance(bound, float) or bound == 0:
            continue
        bound = Fraction(bound)
        size = max(bound.numerator.bit_length(), bound.denominator.bit_length())
        scale = abs(bound.numerator.bit_length() - bound.denominator.bit_length()) + 1
        if size * abs(power) > MAX_POWER_BITS or (power.denominator != 1 and scale * max(abs(power), 1) > 900):
            raise IntervalError(f"the result of ^ {format_fraction(power)} is too large to compute")


def check_magnitude(quantity: Quantity) -> Quantity:
    """The quantity itself, unless a finite bound lies beyond MAX_MAGNITUDE (IntervalError)."""
    for bound in (quantity.interval.lo, quantity.interval.hi, quantity.interval.nominal):
        if bound is None or isinstance(bound, float):
            continue
        if bound.numerator.bit_length() - bound.denominator.bit_length() > 820 and abs(bound) > MAX_MAGNITUDE:
            raise IntervalError("value too large (at most 1e250 in base units)")  # 2**820 < 1e250 < 2**831
    return quantity


def scale_interval(interval: Interval, factor: Fraction) -> Interval:
    return interval * Interval.point(factor) if factor != 1 else interval


def combine_units(a: Unit, b: Unit, op: str) -> Unit:
    """The display unit of a product or quotient; dimensionless when the dimensions cancel."""
    if not a.label and not b.label:
        return DIMENSIONLESS
    if op == "/" and a.dims == b.dims:
        return DIMENSIONLESS
    if not b.label:
        return a
    if not a.label:
        return parse_unit(f"1/({b.label})") if op == "/" else b
    try:
        return parse_unit(f"{_grouped(a.label)}{op}{_grouped(b.label)}")
    except UnitError:
        return DIMENSIONLESS


def _grouped(label: str) -> str:
    return f"({label})" if any(sign in label for sign in "*/") else label


def parse_number(text: str) -> tuple[Fraction, int]:
    """A written number and how many decimals it shows: "3,5" -> (7/2, 1); "46 679" -> (46679, 0)."""
    cleaned = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
    if not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", cleaned) or len(cleaned) > 40:
        raise ValueError(f'not a number: "{text}"')
    decimals = len(cleaned.split(".")[1]) if "." in cleaned else 0
    return Fraction(cleaned), decimals


class Written(NamedTuple):
    """A figure as written: number, its decimals, the scale factor, and the unit text after it."""

    number: Fraction
    decimals: int
    scale: int
    unit_text: str


def split_written(text: str) -> Written:
    """Split "3,5 млн. тонн" into number 3.5 (1 decimal), scale 10**6 and unit "тонн"."""
    text = text.strip()
    match = _NUMBER_RE.match(text)
    if not match:
        raise ValueError(f'expected a number at the start of "{text}"')
    number, decimals = parse_number(match.group())
    rest = text[match.end():].strip()
    scale = 1
    while rest:
        word, _, after = rest.partition(" ")
        factor = scale_of(word, after.strip() or None)
        if factor is None:
            break
        scale *= factor
        if scale > 10**36:
            raise ValueError(f'too many scale words in "{text[:60]}"')
        rest = after.strip()
    return Written(number, decimals, scale, rest)


def stated_interval(value: Fraction, decimals: int, scale: int, *, hedge: str | None = None,
                    exact: bool = False, half_width: Fraction | None = None,
                    tolerance: Fraction | None = None) -> Interval:
    """The interval a written figure stands for (SPEC section 4), in the figure's own unit.

    Rounding: half a unit of the last written digit either side, or `half_width` when the fact declares a
    wider precision, or nothing when `exact`. Hedges then open or move the bounds.
    """
    nominal = value * scale
    if exact:
        half = Fraction(0)
    else:
        half = Fraction(1, 2) * Fraction(1, 10**decimals) * scale
        if half_width is not None:
            half = max(half, half_width)
    rounded = Interval(nominal - half, nominal + half, nominal=nominal)
    tolerance = DEFAULT_TOLERANCE if tolerance is None else tolerance
    zero = Fraction(0)
    match hedge:
        case None | "only":
            return rounded
        case "more_than":
            return Interval(nominal, INF, True, True, nominal)
        case "at_least":
            return Interval(nominal, INF, False, True, nominal)
        case "less_than":
            return Interval(zero, nominal, False, True, nominal)
        case "at_most" | "up_to":
            return Interval(zero, nominal, True, False, nominal)
        case "about":
            spread = max(abs(nominal) * tolerance, half)
            return Interval(nominal - spread, nominal + spread, nominal=nominal)
        case "almost":
            return Interval(nominal - max(abs(nominal) * tolerance, half), nominal, False, True, nominal)
    raise ValueError(f'unknown hedge "{hedge}" (expected one of {", ".join(HEDGES)})')


def parse_quantity(text: str, *, hedge: str | None = None, exact: bool = False,
                   precision: str | None = None, tolerance: Fraction | None = None) -> Quantity:
    """Parse a stated value such as "470 million USD", "3.5 Mt", "7 Mt/year", "50 percent", "4"."""
    written = split_written(text)
    unit = parse_unit(written.unit_text)
    half_width = None
    if precision is not None:
        declared = split_written(precision)
        declared_unit = parse_unit(declared.unit_text) if declared.unit_text else unit
        if declared_unit.dims != unit.dims:
            raise DimensionError(f'precision "{precision}" is not in the unit of "{text}"')
        half_width = declared.number * declared.scale * declared_unit.factor / unit.factor
    interval = stated_interval(written.number, written.decimals, written.scale, hedge=hedge, exact=exact,
                               half_width=half_width, tolerance=tolerance)
    try:
        return check_magnitude(Quantity(scale_interval(interval, unit.factor), unit))
    except IntervalError as exc:
        raise ValueError(str(exc)) from None


# formatting --------------------------------------------------------------------------------------

_SCALE_NAMES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def humanize(value: Fraction | float, unit_label: str = "", digits: int = 4) -> str:
    """313333333.3 USD -> "313.3 million USD"; keeps `digits` significant digits."""
    if isinstance(value, float):
        return ("inf" if value > 0 else "-inf") + (f" {unit_label}" if unit_label else "")
    if value.__class__ is Fraction:
        return _humanize_ratio(value.numerator, value.denominator, unit_label, digits)
    scale_name = ""
    if _scaled_label(unit_label):  # "470,000 thousand USD", never "470 thousand thousand USD"
        return " ".join(part for part in (_grouped_digits(_significant(value, digits)), unit_label) if part)
    if abs(value) >= 10**4:
        for factor, name in _SCALE_NAMES:
            if abs(value) >= factor:
                value, scale_name = value / factor, name
                break
    text = _significant(value, digits)
    return " ".join(part for part in (text, scale_name, _unit_word(unit_label)) if part)


def _humanize_ratio(numerator: int, denominator: int, unit_label: str, digits: int) -> str:
    """`humanize(Fraction(numerator, denominator), ...)` for a positive denominator: the same steps on the
    numerator and denominator (not necessarily reduced), with no Fraction built."""
    scale_name = ""
    if _scaled_label(unit_label):
        return " ".join(part for part in (_grouped_digits(_significant_ratio(numerator, denominator, digits)),
                                          unit_label) if part)
    if abs(numerator) >= 10**4 * denominator:
        for factor, name in _SCALE_NAMES:
            if abs(numerator) >= factor * denominator:
                denominator, scale_name = denominator * factor, name
                break
    text = _significant_ratio(numerator, denominator, digits)
    return " ".join(part for part in (text, scale_name, _unit_word(unit_label)) if part)


_UNIT_WORDS = {"percent": "%", "times": "x", "": ""}


def _scaled_label(label: str) -> bool:
    """Whether a display unit starts with its own scale ("thousand USD", "million t"): its numbers then keep
    their digits rather than take a second scale word."""
    first, _, rest = label.partition(" ")
    return bool(rest) and scale_of(first, rest) is not None


def _grouped_digits(text: str) -> str:
    """ "470000" -> "470,000" (the whole part grouped by threes; a sign and decimals kept)."""
    sign = "-" if text.startswith("-") else ""
    whole, dot, fraction = text.lstrip("-").partition(".")
    if not whole.isdigit():
        return text
    return f"{sign}{int(whole):,}{dot}{fraction}"


def _unit_word(label: str) -> str:
    return _UNIT_WORDS.get(label, label)


_FLOAT_EXACT = 2**53  # integers up to here are exact as floats


def _significant(value: Fraction, digits: int) -> str:
    if value.denominator == 1 and abs(value.numerator) < 10**12:
        return str(value.numerator)
    if abs(value) >= _FLOAT_EXACT:
        return str(round(value))  # beyond a float's digits: the nearest integer, exactly
    as_float = float(value)
    magnitude = len(str(int(abs(as_float)))) if abs(as_float) >= 1 else 0
    places = max(digits - magnitude, 0) if abs(as_float) >= 1 else digits
    text = f"{as_float:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _significant_ratio(numerator: int, denominator: int, digits: int) -> str:
    """`_significant(Fraction(numerator, denominator), digits)` for a positive denominator, the fraction not
    reduced: an integer exactly when the denominator divides the numerator, and int / int rounds correctly,
    as Fraction's own float() does."""
    whole, rest = divmod(numerator, denominator)
    if not rest and abs(whole) < 10**12:
        return str(whole)
    if abs(numerator) >= _FLOAT_EXACT * denominator:  # beyond a float's digits: the nearest integer, exactly
        return str(whole + (2 * rest > denominator or (2 * rest == denominator and whole % 2)))
    as_float = numerator / denominator
    magnitude = len(str(int(abs(as_float)))) if abs(as_float) >= 1 else 0
    places = max(digits - magnitude, 0) if abs(as_float) >= 1 else digits
    text = f"{as_float:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_quantity(quantity: Quantity, digits: int = 4) -> str:
    """The nominal value (or the interval when there is none) in the display unit, scale words included."""
    if quantity.is_date:
        return format_date_interval(quantity.magnitude())
    interval = quantity.magnitude()
    label = quantity.unit.label
    if interval.nominal is not None:
        return humanize(interval.nominal, label, digits)
    return format_interval(quantity, digits)


def describe_value(quantity: Quantity, digits: int = 5) -> str:
    """The value as a reader would say it: "313.33 million USD", or "below 136.75 million USD" when a
    hedge leaves one side open (the nominal is then the bound the written figures give)."""
    if quantity.is_date:
        return format_date_interval(quantity.magnitude())
    interval = quantity.interval  # units scale by a positive factor: the shape below does not change
    if interval.nominal is None:
        return format_interval(quantity, digits)
    nominal, factor, label = interval.nominal, quantity.unit.factor, quantity.unit.label
    if nominal.__class__ is Fraction and factor.numerator > 0:  # nominal / factor, without building it
        written = _humanize_ratio(nominal.numerator * factor.denominator, nominal.denominator * factor.numerator,
                                  label, digits)
    else:
        written = humanize(nominal / factor, label, digits)
    lo_infinite = interval.lo.__class__ is float and interval.lo == -INF  # (a Fraction never equals it: skip
    hi_infinite = interval.hi.__class__ is float and interval.hi == INF  # Fraction's comparison with a float)
    if hi_infinite and not lo_infinite:
        return f"{'above' if interval.lo_open else 'at least'} {written}"
    if (lo_infinite or interval.lo == 0) and not hi_infinite and interval.nominal != 0:
        return f"{'below' if interval.hi_open else 'at most'} {written}"
    return written


def format_interval(quantity: Quantity, digits: int = 4) -> str:
    """`[311.96, 314.72] million USD`: both ends in one scale, so they read side by side."""
    if quantity.is_date:
        return format_date_interval(quantity.magnitude())
    return _format_interval_ratios(quantity.interval, quantity.unit.factor, quantity.unit.label, digits)


def _format_interval_ratios(interval: Interval, unit_factor: Fraction, label: str, digits: int) -> str:
    """format_interval's text for a positive unit factor, compared and divided as integer ratios (the same
    values, with no Fraction built per end)."""
    unit_numerator, unit_denominator = unit_factor.numerator, unit_factor.denominator
    # each finite end's size in the display unit, as p / q with q > 0
    sizes = [(abs(b.numerator) * unit_denominator, b.denominator * unit_numerator)
             for b in (interval.lo, interval.hi) if b.__class__ is not float]
    factor, scale_name = 1, ""
    if sizes and not _scaled_label(label) and any(p >= 10**4 * q for p, q in sizes):
        for candidate, name in _SCALE_NAMES:
            if any(p >= candidate * q for p, q in sizes):
                factor, scale_name = candidate, name
                break

    def bound(value) -> str:
        if value.__class__ is not Fraction:
            return _significant(value / (unit_factor * factor), digits + 2)
        return _significant_ratio(value.numerator * unit_denominator, value.denominator * unit_numerator * factor,
                                  digits + 2)

    text = interval.describe(bound)
    return " ".join(part for part in (text, scale_name, _unit_word(label)) if part)


def format_date_interval(interval: Interval) -> str:
    """A day ordinal interval as `2025-03-04`, `2025-03`, `2022` or `2025-03-01..2025-06-30`."""
    import calendar
    from datetime import date

    if isinstance(interval.lo, float) or isinstance(interval.hi, float):
        return interval.describe()
    start, end = date.fromordinal(int(interval.lo)), date.fromordinal(int(interval.hi))
    if start == end:
        return start.isoformat()
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year and (start.month, end.month) == (1, 12):
        return str(start.year)
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return start.strftime("%Y-%m")
    return f"{start.isoformat()}..{end.isoformat()}"
