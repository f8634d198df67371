"""The shortcuts in judging relations give the plain computation's results (equivalence, never timing).

Covered: the per-run memos of side texts, hedge readings and stated facts (rules/consistency.py), regula falsi
over integers, the float filter's nominals as integer pairs and its enclosure of points (numbers/floatfilter.py),
and describe_value dividing by the unit as integers (numbers/quantity.py).
"""

from __future__ import annotations

import json
import random
import sys
from fractions import Fraction

import pytest

from conftest import ROOT, seed_article_path

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_store import write_store

import bakuastana.rules.consistency as consistency
from bakuastana import forked
from bakuastana.analysis import engine
from bakuastana.rules.context import Context


class _Forgetful(dict):
    """A memo that never keeps anything: every lookup misses, as without it."""

    def __setitem__(self, key, value) -> None:
        pass


def _json(store, article=None) -> str:
    return json.dumps(engine.check(store, article).to_dict(), ensure_ascii=False, indent=2)


def test_per_run_memos_give_the_same_findings(tmp_path, monkeypatch):
    store = tmp_path / "generated.yaml"
    write_store(400, store, seed=4)
    monkeypatch.setenv(forked.SERIAL_ENV, "1")
    cases = [(store, None), (ROOT / "facts.yaml", None), (ROOT / "tests" / "data" / "mini_facts.yaml", None)]
    if seed_article_path() is not None:
        cases.append((ROOT / "facts.yaml", seed_article_path()))
    kept = [_json(*case) for case in cases]
    original = Context.__post_init__

    def forgetful(self) -> None:
        original(self)
        self.texts, self.hedges, self.stated = _Forgetful(), _Forgetful(), _Forgetful()

    monkeypatch.setattr(Context, "__post_init__", forgetful)
    assert [_json(*case) for case in cases] == kept


def test_falsi_over_integers_is_the_fraction_formula():
    rng = random.Random(3)

    def number() -> Fraction:
        return Fraction(rng.randint(-10**9, 10**9), rng.choice([1, 3, 10, 7**5, rng.randint(1, 10**12)]))

    for _ in range(3000):
        failing, failing_margin, holding, holding_margin = number(), number(), number(), number()
        if failing_margin == holding_margin:
            continue
        wanted = failing - failing_margin * (holding - failing) / (holding_margin - failing_margin)
        assert consistency._falsi(failing, failing_margin, holding, holding_margin) == wanted
    assert consistency._falsi(Fraction(1), Fraction(2), Fraction(3), Fraction(2)) is None
    assert consistency._falsi(Fraction(1), None, Fraction(3), Fraction(2)) is None


def test_float_nominals_are_fraction_arithmetic():
    from bakuastana.numbers.floatfilter import _nominal_product, _nominal_quotient, _nominal_sum, _rational

    rng = random.Random(5)
    for _ in range(3000):
        x = Fraction(rng.randint(-10**6, 10**6), rng.randint(1, 10**6))
        y = Fraction(rng.choice([0, rng.randint(-10**6, 10**6)]), rng.randint(1, 10**6))
        pair_x, pair_y = (x.numerator, x.denominator), (y.numerator, y.denominator)
        assert _nominal_sum(pair_x, pair_y) == ((x + y).numerator, (x + y).denominator)
        assert _nominal_product(pair_x, pair_y) == ((x * y).numerator, (x * y).denominator)
        quotient = _nominal_quotient(pair_x, pair_y)
        assert quotient == (None if y == 0 else ((x / y).numerator, (x / y).denominator))
        assert _nominal_sum(pair_x, None) is None and _nominal_product(None, pair_y) is None
        assert _rational(-6 * x.numerator, -6 * x.denominator) == pair_x


def test_enclosures_of_points_and_reversed_intervals():
    from bakuastana.numbers.floatfilter import Undecided, enclose
    from bakuastana.numbers.interval import Interval
    from bakuastana.numbers.quantity import Quantity

    third = Fraction(1, 3)
    point = enclose(Quantity(Interval.point(third)))
    assert point[0] < third < point[1] and point[:2] == point[2:4] and point[4] == (1, 3)
    twin = enclose(Quantity(Interval(third, Fraction(2, 6), nominal=third)))  # equal ends, distinct objects
    assert twin[:5] == point[:5]
    tiny = Fraction(1, 10**30)
    close = enclose(Quantity(Interval(third, third + tiny, nominal=third)))  # overlapping enclosures, lo < hi
    assert close[0] <= third and close[3] >= third + tiny
    for lo, hi in ((third + tiny, third), (Fraction(-1), Fraction(-2))):  # a hedge on a negative figure
        with pytest.raises(Undecided):
            enclose(Quantity(Interval(lo, hi, nominal=lo)))


def test_describe_value_divides_by_the_unit_as_the_fraction_does():
    from bakuastana.numbers.interval import Interval
    from bakuastana.numbers.quantity import Quantity, describe_value, humanize
    from bakuastana.numbers.units import parse_unit

    rng = random.Random(9)
    units = [parse_unit(text) for text in ("", "percent", "million USD", "t/year", "km", "mn t", "thousand t")]
    for _ in range(3000):
        value = Fraction(rng.randint(-10**9, 10**9), rng.choice([1, 3, 7, 1000, 999999])) * \
            Fraction(10) ** rng.randint(-6, 10)
        unit, digits = rng.choice(units), rng.randint(3, 7)
        quantity = Quantity(Interval.point(value * unit.factor), unit)
        assert describe_value(quantity, digits) == humanize(value, unit.label, digits), (value, unit)
