"""The shortcuts in judging relations give the plain computation's results (equivalence, never timing).

Covered: regula falsi over integers (analysis/judge.py) and describe_value dividing by the unit as integers
(numbers/quantity.py); the judge's memos are covered in test_fast_paths.py.
"""

from __future__ import annotations

import random
from fractions import Fraction

from bakuastana.analysis.judge import falsi


def test_falsi_over_integers_is_the_fraction_formula():
    rng = random.Random(3)

    def number() -> Fraction:
        return Fraction(rng.randint(-10**9, 10**9), rng.choice([1, 3, 10, 7**5, rng.randint(1, 10**12)]))

    for _ in range(3000):
        failing, failing_margin, holding, holding_margin = number(), number(), number(), number()
        if failing_margin == holding_margin:
            continue
        wanted = failing - failing_margin * (holding - failing) / (holding_margin - failing_margin)
        assert falsi(failing, failing_margin, holding, holding_margin) == wanted
    assert falsi(Fraction(1), Fraction(2), Fraction(3), Fraction(2)) is None
    assert falsi(Fraction(1), None, Fraction(3), Fraction(2)) is None


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
