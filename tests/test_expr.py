"""The expression language: literals with units, functions, comparisons, and what it refuses."""

from fractions import Fraction as F

import pytest

from bakuastana.numbers.expr import Env, ExprError, evaluate, parse
from bakuastana.numbers.interval import Interval
from bakuastana.numbers.quantity import Quantity, parse_quantity


class Facts(Env):
    def __init__(self, **values):
        self.values = {name: parse_quantity(text) for name, text in values.items()}

    def value(self, name):
        return self.values[name]


def run(source, **facts):
    env = Facts(**facts)
    return evaluate(parse(source, lambda name: name in env.values), env)


def test_literal_with_russian_scale_and_units():
    result = run("547 млн долларов / 8 месяцев")
    assert result.unit.label == "USD/month"
    assert result.magnitude().nominal == F(547_000_000, 8)


def test_conversions():
    assert run("400 Tbit/s to TB/day").magnitude().nominal == 4_320_000
    assert run("1.4 Mt/year to kt/day").magnitude().nominal == F(1_400_000, 36525) * 100 / 1000 * 1000 / 1000


def test_growth_share_and_cagr():
    assert run("growth(150, 100)").magnitude().nominal == 50
    assert run("share(1, 4)").magnitude().nominal == 25
    cagr = run("cagr(4 Mt, 1 Mt, 2)")
    assert cagr.unit.label == "percent"
    assert cagr.interval.lo <= 1 <= cagr.interval.hi  # doubling twice: 100 % a year


def test_fact_references_carry_intervals():
    result = run("trade / (1 + growth_rate)", trade="470 million USD", growth_rate="50 percent")
    assert result.interval.nominal == F(470_000_000, 1) / F(3, 2)
    assert result.interval.lo == F(469_500_000) / F(1505, 1000)


def test_comparison_verdicts():
    assert run("a <= b", a="136 million USD", b="470 million USD").verdict() == "consistent"
    assert run("a >= b", a="136 million USD", b="470 million USD").verdict() == "inconsistent"
    # 3.54 is a value "3.5" rounds from: the two agree; 3.6 meets "3.5" only where both roundings touch (3.55)
    assert run("a == b", a="3.5 Mt", b="3.54 Mt").verdict() == "consistent"
    assert run("a == b", a="3.5 Mt", b="3.6 Mt").verdict() == "edge"


def test_dimension_mismatch_is_an_error_not_a_conversion():
    with pytest.raises(ExprError, match="cannot add"):
        run("a + b", a="1 million USD", b="1 million t")


@pytest.mark.parametrize("source", [
    "__import__('os')", "a.__class__", "open('x')", "eval(1)", "(" * 60 + "1" + ")" * 60, "1 +", "2 ** 1000",
    "1" * 3000, "a; b", "lambda: 1", "[1, 2]",
])
def test_attacks_and_garbage_are_refused(source):
    with pytest.raises(ExprError):
        run(source, a="1")


def test_error_points_at_the_offending_token():
    with pytest.raises(ExprError) as info:
        parse("1 + nope", lambda name: False)
    assert info.value.offset == 4


def test_point_arithmetic_is_exact():
    value = run("1 / 3 * 3")
    assert value.interval == Interval(F(1), F(1), nominal=F(1))
    assert isinstance(value, Quantity)


def test_equality_holds_when_one_figure_is_a_rounding_of_the_other():
    from bakuastana.numbers.expr import Comparison
    from bakuastana.numbers.quantity import parse_quantity

    stated = parse_quantity("10 percent")  # [9.5, 10.5] %
    computed = parse_quantity("10.002 percent")  # 2292 / 2083.6 - 1, as written to its digits
    assert Comparison("==", stated, computed).verdict() == "consistent"
    assert Comparison("==", computed, stated).verdict() == "consistent"
    beyond = parse_quantity("10.6 percent", precision="0.2 percent")  # [10.4, 10.8] %: meets 10 % only at its edge
    assert Comparison("==", stated, beyond).verdict() == "edge"
    assert Comparison("==", stated, parse_quantity("12 percent")).verdict() == "inconsistent"
