"""Interval arithmetic at rounding edges: exact bounds, open ends, verdicts; properties with hypothesis."""

from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakuastana.numbers.interval import INF, Interval, IntervalError
from bakuastana.numbers.quantity import stated_interval


def test_rounding_of_written_digits():
    assert stated_interval(F(470), 0, 1) == Interval(F(4695, 10), F(4705, 10), nominal=F(470))
    three_five = stated_interval(F(35, 10), 1, 1)
    assert (three_five.lo, three_five.hi) == (F(345, 100), F(355, 100))
    scaled = stated_interval(F(470), 0, 10**6)
    assert (scaled.lo, scaled.hi) == (469_500_000, 470_500_000)


@pytest.mark.parametrize(("hedge", "expected"), [
    ("more_than", Interval(F(35, 10), INF, True, True, F(35, 10))),
    ("at_least", Interval(F(35, 10), INF, False, True, F(35, 10))),
    ("up_to", Interval(F(0), F(35, 10), True, False, F(35, 10))),
    ("less_than", Interval(F(0), F(35, 10), False, True, F(35, 10))),
])
def test_hedges_open_or_move_bounds(hedge, expected):
    assert stated_interval(F(35, 10), 1, 1, hedge=hedge) == expected


def test_about_and_almost_use_documented_tolerance():
    about = stated_interval(F(380), 0, 1, hedge="about")
    assert (about.lo, about.hi) == (342, 418)
    almost = stated_interval(F(5), 0, 1, hedge="almost")
    assert (almost.lo, almost.hi, almost.hi_open) == (F(45, 10), 5, True)


def test_implied_2023_trade_base_is_exact():
    trade = stated_interval(F(470), 0, 1)
    growth = stated_interval(F(50), 0, 1) * Interval.point(F(1, 100))
    base = trade / (Interval.point(1) + growth)
    assert base.lo == F(4695, 10) / F(1505, 1000)
    assert base.hi == F(4705, 10) / F(1495, 1000)
    assert base.nominal == F(470) / F(15, 10)


def test_more_than_four_times_gives_an_open_upper_bound():
    janaug_2025 = stated_interval(F(547), 0, 1)
    multiple = stated_interval(F(4), 0, 1, hedge="more_than")
    implied = janaug_2025 / multiple
    assert implied.lo == 0 and implied.lo_open
    assert implied.hi == F(5475, 10) / 4 and implied.hi_open
    assert implied.nominal == F(547, 4)


def test_division_by_interval_containing_zero_is_refused():
    with pytest.raises(IntervalError):
        Interval.point(1) / Interval(F(-1), F(1))


def test_edge_comparisons_are_exact():
    a = Interval(F(1), F(2))
    b = Interval(F(2), F(3))
    assert a.certainly_le(b)
    assert not a.certainly_lt(b) and a.possibly_lt(b)
    opened = Interval(F(2), F(3), lo_open=True)
    assert a.certainly_lt(opened)
    assert not Interval(F(3), F(4)).possibly_le(Interval(F(1), F(2)))


fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=1000)


@st.composite
def intervals(draw, positive=False):
    a, b = draw(fractions), draw(fractions)
    lo, hi = min(a, b), max(a, b)
    if positive:
        lo, hi = abs(lo) + F(1, 1000), abs(hi) + abs(lo) + F(1, 1000)
    return Interval(lo, hi, nominal=draw(st.sampled_from([lo, hi, (lo + hi) / 2])))


def _points(interval):
    return [interval.lo, interval.hi, (interval.lo + interval.hi) / 2]


@settings(max_examples=300, deadline=None)
@given(intervals(), intervals())
def test_sum_and_product_contain_every_pointwise_result(a, b):
    for x in _points(a):
        for y in _points(b):
            assert (a + b).contains(x + y)
            assert (a - b).contains(x - y)
            assert (a * b).contains(x * y)


@settings(max_examples=300, deadline=None)
@given(intervals(), intervals(positive=True))
def test_quotient_contains_every_pointwise_result_and_nominal(a, b):
    quotient = a / b
    for x in _points(a):
        for y in _points(b):
            assert quotient.contains(x / y)
    assert quotient.nominal == a.nominal / b.nominal


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=0, max_value=4))
def test_written_rounding_interval_is_exactly_half_a_last_digit(digits, decimals):
    value = F(digits, 10**decimals)
    interval = stated_interval(value, decimals, 1)
    assert interval.hi - interval.lo == F(1, 10**decimals)
    assert interval.contains(value) and interval.nominal == value


@settings(max_examples=200, deadline=None)
@given(intervals(positive=True), st.sampled_from([F(1, 2), F(1, 3), F(1, 5)]))
def test_fractional_powers_round_outward(a, exponent):
    result = a.power(exponent)
    for x in _points(a):
        approx = F(float(x) ** float(exponent))
        assert result.lo <= approx * (1 + F(1, 10**12)) and approx * (1 - F(1, 10**12)) <= result.hi
