"""A float filter for relation verdicts: decide cheaply when floats prove the exact answer, else defer.

Each interval end is carried as two floats that enclose the exact (Fraction) end: every conversion and every
operation rounds outward by one ulp, which covers IEEE round-to-nearest. The nominal value stays exact (the
numerator and denominator a Fraction would hold, computed without building Fractions, which cost several times
as much), so margins (and the nearest-wording search they steer) are the exact path's own. A comparison of two
ends is answered only when their enclosures are apart; where they touch or overlap (an exact tie such as an
edge of rounding, equal dates, a hedge's open end) the filter raises `Undecided` and the caller evaluates
exactly. Open or closed ends only matter when two ends are equal, so the filter never needs them. Anything it
does not model (powers, min/max, cagr, unit conversions, errors, huge or tiny magnitudes) is `Undecided` too.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd, inf, nextafter

from bakuastana.numbers.quantity import MAX_MAGNITUDE, combine_units
from bakuastana.numbers.units import DIMENSIONLESS, parse_unit

LARGEST = 1e150  # finite enclosures beyond this are not trusted (products stay far from overflow)
SMALLEST_DIVISOR = 1e-150  # nor reciprocals of anything nearer zero
MAX_CHAIN = 50


class Undecided(Exception):
    """The floats cannot settle the answer: evaluate exactly."""


# A value: (lo_down, lo_up, hi_down, hi_up, nominal, unit, is_date); an infinite end is (inf, inf) or (-inf, -inf);
# the nominal is None or (numerator, denominator) in lowest terms with a positive denominator.


def _down(x: float) -> float:
    return x if x == inf or x == -inf else nextafter(x, -inf)


def _up(x: float) -> float:
    return x if x == inf or x == -inf else nextafter(x, inf)


def _checked(lo_d: float, lo_u: float, hi_d: float, hi_u: float, nominal, unit, is_date: bool) -> tuple:
    if lo_d > -LARGEST and lo_u < LARGEST and hi_d > -LARGEST and hi_u < LARGEST:
        return (lo_d, lo_u, hi_d, hi_u, nominal, unit, is_date)  # (every finite end: the usual case)
    for down, up in ((lo_d, lo_u), (hi_d, hi_u)):
        if not (down > -LARGEST and up < LARGEST) and not (down == up == inf or down == up == -inf):
            raise Undecided  # (nan fails both tests)
    return (lo_d, lo_u, hi_d, hi_u, nominal, unit, is_date)


def _end(x) -> tuple[float, float]:
    if x.__class__ is float:
        return x, x
    try:
        value = x.numerator / x.denominator  # float(x) itself: int / int is correctly rounded
    except OverflowError:
        raise Undecided from None
    return nextafter(value, -inf), nextafter(value, inf)


def enclose(quantity) -> tuple:
    interval = quantity.interval
    lo, hi = interval.lo, interval.hi
    lo_d, lo_u = _end(lo)
    hi_d, hi_u = (lo_d, lo_u) if hi is lo else _end(hi)
    # (a hedge on a negative figure): exact arithmetic on it is not the real one; a point, or enclosures apart
    # the right way round, prove lo <= hi without comparing exactly
    if hi is not lo and lo_u > hi_d and lo > hi:
        raise Undecided
    nominal = interval.nominal
    if nominal is not None:
        if nominal.__class__ is not Fraction and nominal.__class__ is not int:
            raise Undecided
        nominal = (nominal.numerator, nominal.denominator)
    return _checked(lo_d, lo_u, hi_d, hi_u, nominal, quantity.unit, quantity.is_date)


class FloatEnv:
    """Values by id as enclosures: `overrides` first, then `cache` (exact values known for this env), stated
    facts, and derived values computed here; `memo` keeps the enclosures of exact quantities across envs."""

    __slots__ = ("cache", "computed", "duration", "memo", "overrides", "parse", "stack", "store")

    def __init__(self, store, parse, overrides: dict, cache: dict, memo: dict, duration) -> None:
        self.store = store
        self.parse = parse
        self.overrides = overrides
        self.cache = cache
        self.memo = memo
        self.duration = duration
        self.computed: dict[str, tuple] = {}
        self.stack: list[str] = []

    def exact(self, quantity) -> tuple:
        known = self.memo.get(id(quantity))
        if known is not None and known[0] is quantity:
            return known[1]
        value = enclose(quantity)
        self.memo[id(quantity)] = (quantity, value)  # the quantity is kept, so its id is never reused
        return value

    def value(self, name: str) -> tuple:
        if name in self.overrides:
            return enclose(self.overrides[name])  # a probe's own value: not kept in the memo
        if name in self.cache:
            return self.exact(self.cache[name])
        fact = self.store.fact_by_id.get(name)
        if fact is not None:
            if fact.quantity is None:
                raise Undecided
            return self.exact(fact.quantity)
        known = self.computed.get(name)
        if known is not None:
            return known
        derived = self.store.derived_by_id.get(name)
        if derived is None or name in self.stack or len(self.stack) >= MAX_CHAIN:
            raise Undecided
        self.stack.append(name)
        try:
            parsed = self.parse(derived.expr)
            if parsed.convert_to or parsed.tree[0] == "cmp":
                raise Undecided
            result = _eval(parsed.tree, self)
        finally:
            self.stack.pop()
        _check_nominal(result)
        if derived.nonnegative:
            result = _clamp_at_zero(result)
        if derived.unit:
            try:
                unit = parse_unit(derived.unit)
            except ValueError:
                raise Undecided from None
            if unit.dims != result[5].dims:
                raise Undecided
            result = (*result[:5], unit, result[6])
        self.computed[name] = result
        return result


def _check_nominal(value: tuple) -> None:
    nominal = value[4]
    if nominal is not None and nominal[0].bit_length() - nominal[1].bit_length() > 820 \
            and abs(Fraction(*nominal)) > MAX_MAGNITUDE:
        raise Undecided


def _clamp_at_zero(value: tuple) -> tuple:
    lo_d, lo_u, hi_d, hi_u = value[:4]
    if lo_d >= 0 or hi_u < 0:
        return value  # lo >= 0, or the whole interval below zero: left as it is
    if lo_u < 0 and hi_d > 0:
        return (0.0, 0.0, *value[2:])
    raise Undecided


# comparisons of enclosed ends: True or False when the enclosures prove it, else Undecided ----------------

def _less(x_d: float, x_u: float, y_d: float, y_u: float) -> bool:
    if x_u < y_d:
        return True
    if x_d > y_u:
        return False
    raise Undecided


def _lower_le_upper(lo_d: float, lo_u: float, hi_d: float, hi_u: float) -> bool:
    return _less(lo_d, lo_u, hi_d, hi_u)  # lo == hi (where open ends would matter) is never decided


class FloatComparison:
    """Two enclosed sides of a relation; `verdict`, `certain` and `margin` as `expr.Comparison` gives them."""

    __slots__ = ("left", "op", "right")

    def __init__(self, op: str, left: tuple, right: tuple) -> None:
        self.op, self.left, self.right = op, left, right

    def _possible(self) -> bool:
        a, b = self.left, self.right
        match self.op:
            case "<=":
                return _lower_le_upper(a[0], a[1], b[2], b[3])
            case "<":
                return _less(a[0], a[1], b[2], b[3])
            case ">=":
                return _lower_le_upper(b[0], b[1], a[2], a[3])
            case ">":
                return _less(b[0], b[1], a[2], a[3])
            case "==":
                return _lower_le_upper(a[0], a[1], b[2], b[3]) and _lower_le_upper(b[0], b[1], a[2], a[3])
        raise Undecided

    def certain(self) -> bool:
        a, b = self.left, self.right
        match self.op:
            case "<=":
                return _less(a[2], a[3], b[0], b[1])  # hi == lo (certain for <=) is never decided here
            case "<":
                return _less(a[2], a[3], b[0], b[1])
            case ">=":
                return _less(b[2], b[3], a[0], a[1])
            case ">":
                return _less(b[2], b[3], a[0], a[1])
            case "==":
                if a[1] < a[2] or b[1] < b[2]:  # either side certainly not a point
                    return False
        raise Undecided

    def _nominal(self) -> bool | None:
        if self.left[4] is None or self.right[4] is None:
            return None
        (a_numerator, a_denominator), (b_numerator, b_denominator) = self.left[4], self.right[4]
        a, b = a_numerator * b_denominator, b_numerator * a_denominator  # over one positive denominator
        match self.op:
            case "<":
                return a < b
            case "<=":
                return a <= b
            case ">":
                return a > b
            case ">=":
                return a >= b
            case "==":
                return a == b
        raise Undecided

    def verdict(self) -> str:
        if not self._possible():
            return "inconsistent"
        nominal = self._nominal()
        if nominal is not None:
            return "consistent" if nominal else "edge"
        if self.op == "==":
            return "consistent"
        return "consistent" if self.certain() else "edge"

    def margin(self) -> Fraction | None:
        if self.left[4] is None or self.right[4] is None or self.op == "!=":
            return None
        (left, left_denominator), (right, right_denominator) = self.left[4], self.right[4]
        difference = left * right_denominator - right * left_denominator  # left - right, over both denominators
        return Fraction(difference if self.op in (">", ">=") else -difference, left_denominator * right_denominator)


def compare(parsed, env: FloatEnv) -> FloatComparison:
    """The relation's two sides as enclosures (Undecided for what the filter does not model)."""
    tree = parsed.tree
    if parsed.convert_to or tree[0] != "cmp" or tree[1] == "!=":
        raise Undecided
    _, op, left, right, _ = tree
    try:
        a, b = _eval(left, env), _eval(right, env)
    except Undecided:
        raise
    except Exception:  # whatever the exact path makes of it (a unit error, ...), it decides
        raise Undecided from None
    if a[5].dims != b[5].dims:
        raise Undecided
    _check_nominal(a)
    _check_nominal(b)
    return FloatComparison(op, a, b)


# nominals: exact, as (numerator, denominator); None when either operand has none -------------------------

def _rational(numerator: int, denominator: int) -> tuple[int, int]:
    """In lowest terms with a positive denominator, as Fraction(numerator, denominator) holds it."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    divisor = gcd(numerator, denominator)
    return (numerator // divisor, denominator // divisor) if divisor != 1 else (numerator, denominator)


def _nominal_sum(x: tuple | None, y: tuple | None) -> tuple | None:
    return None if x is None or y is None else _rational(x[0] * y[1] + y[0] * x[1], x[1] * y[1])


def _nominal_product(x: tuple | None, y: tuple | None) -> tuple | None:
    return None if x is None or y is None else _rational(x[0] * y[0], x[1] * y[1])


def _nominal_quotient(x: tuple | None, y: tuple | None) -> tuple | None:
    """None also for a zero divisor, as the exact path leaves it."""
    return None if x is None or y is None or not y[0] else _rational(x[0] * y[1], x[1] * y[0])


# arithmetic -------------------------------------------------------------------------------------------

def _eval(node: tuple, env: FloatEnv) -> tuple:
    kind = node[0]
    if kind == "ref":
        return env.value(node[1])
    if kind == "num":
        return env.exact(node[1])
    if kind == "bin":
        op = node[1]
        a, b = _eval(node[2], env), _eval(node[3], env)
        if op == "+":
            return _add(a, b)
        if op == "-":
            return _subtract(a, b)
        if op == "*":
            return _multiply(a, b)
        if op == "/":
            return _divide(a, b)
        raise Undecided
    if kind == "neg":
        return _negate(_eval(node[1], env))
    if kind == "call":
        return _call(node[1], node[2], env)
    raise Undecided


def _same_dims(a: tuple, b: tuple) -> None:
    if a[5].dims != b[5].dims:
        raise Undecided


def _add(a: tuple, b: tuple, unit=None, is_date: bool = False) -> tuple:
    _same_dims(a, b)
    return _checked(_down(a[0] + b[0]), _up(a[1] + b[1]), _down(a[2] + b[2]), _up(a[3] + b[3]),
                    _nominal_sum(a[4], b[4]), a[5] if unit is None else unit, is_date)


def _negate(a: tuple) -> tuple:
    return (-a[3], -a[2], -a[1], -a[0], None if a[4] is None else (-a[4][0], a[4][1]), a[5], False)


def _subtract(a: tuple, b: tuple) -> tuple:
    _same_dims(a, b)
    if a[6] and b[6]:
        return _add(a, _negate(b), parse_unit("day"))
    return _add(a, _negate(b), a[5], a[6])


def _products(x_d: float, x_u: float, y_d: float, y_u: float) -> tuple[float, float]:
    if x_d >= 0 and y_d >= 0:
        lo, hi = x_d * y_d, x_u * y_u
    else:
        corners = (x_d * y_d, x_d * y_u, x_u * y_d, x_u * y_u)
        if any(corner != corner for corner in corners):  # 0 * inf: min() and max() would skip the nan
            raise Undecided
        lo, hi = min(corners), max(corners)
    if lo != lo or hi != hi:
        raise Undecided
    return _down(lo), _up(hi)


def _multiply_intervals(a: tuple, b: tuple) -> tuple[float, float, float, float]:
    if a[0] > 0 and b[0] > 0:  # both strictly positive: the ends multiply in order
        lo = _products(a[0], a[1], b[0], b[1])
        hi = _products(a[2], a[3], b[2], b[3])
        return lo[0], lo[1], hi[0], hi[1]
    ends = [_products(x[0], x[1], y[0], y[1]) for x in ((a[0], a[1]), (a[2], a[3]))
            for y in ((b[0], b[1]), (b[2], b[3]))]
    return (min(d for d, _ in ends), min(u for _, u in ends), max(d for d, _ in ends), max(u for _, u in ends))


def _multiply(a: tuple, b: tuple) -> tuple:
    return _checked(*_multiply_intervals(a, b), _nominal_product(a[4], b[4]), combine_units(a[5], b[5], "*"), False)


def _reciprocal(b: tuple) -> tuple[float, float, float, float]:
    lo_d, lo_u, hi_d, hi_u = b[:4]
    if not (lo_d > SMALLEST_DIVISOR or hi_u < -SMALLEST_DIVISOR):
        raise Undecided  # at or near zero: the exact path raises or opens an end to infinity
    return _down(1 / hi_u), _up(1 / hi_d), _down(1 / lo_u), _up(1 / lo_d)


def _divide(a: tuple, b: tuple) -> tuple:
    lo_d, lo_u, hi_d, hi_u = _reciprocal(b)
    product = _multiply_intervals(a, (lo_d, lo_u, hi_d, hi_u))
    return _checked(*product, _nominal_quotient(a[4], b[4]), combine_units(a[5], b[5], "/"), False)


_MINUS_ONE = (-1.0, -1.0, -1.0, -1.0, (-1, 1), DIMENSIONLESS, False)


def _percent(value: tuple) -> tuple:
    return (*value[:5], parse_unit("percent"), False)


def _call(name: str, args: list, env: FloatEnv) -> tuple:
    if name == "rate":
        if args[0][0] != "ref":
            raise Undecided
        try:
            duration = env.duration(args[0][1])
        except Exception:
            raise Undecided from None
        return _divide(env.value(args[0][1]), enclose(duration))
    values = [_eval(arg, env) for arg in args]
    if name == "growth" and len(values) == 2:
        return _percent(_add(_divide(values[0], values[1]), _MINUS_ONE))
    if name == "ratio" and len(values) == 2:
        return _divide(values[0], values[1])
    if name == "share" and len(values) == 2:
        return _percent(_divide(values[0], values[1]))
    if name == "sum" and values:
        result = values[0]
        for value in values[1:]:
            result = _add(result, value)
        return result
    raise Undecided
