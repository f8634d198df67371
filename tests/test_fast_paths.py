"""The scale fast paths give the findings of the plain paths, byte for byte (equivalence, never timing).

Covered: formatting from integer ratios (numbers/quantity.py), the float filter for hedge readings and nearest-
wording probes (numbers/floatfilter.py: with it and with BAKUASTANA_EXACT=1, and against exact verdicts on random
relations), parse templates shared by expressions that differ only in fact ids (values.StoreEnv.parse), judging the
relations in two processes (rules/consistency.py, forked.py; the helper started by the engine evaluates its own
share, and its bad input is refused as one process refuses it), the per-run memo of derived values a probe may
reuse, the loader's cache of parsed figures (store/load.py), the libyaml composer's shortcuts (store/yamlsafe.py),
and the paused garbage collector (gcpause.py). Each runs on the seed store (with and without its article),
tests/data/mini_facts.yaml, generated stores of several seeds, and a hand-made store whose relations hold exactly
at a bound.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_MISSING, seed_article_path

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_store import write_store

import bakuastana.rules.consistency as consistency
from bakuastana import forked
from bakuastana.analysis import engine
from bakuastana.errors import BadInput
from bakuastana.store import load

AT_THE_BOUND = """schema: bakuastana.facts/1
source: {outlet: test, language: ru, published: 2025-09-15}
topics: {t: T}
facts:
  - {id: third, topic: t, label: A third, value: "0.3", quote: "0,3"}
  - {id: upper, topic: t, label: Its upper end, value: "0.35", exact: true, quote: "0,35"}
  - {id: lower, topic: t, label: Its lower end, value: "0.25", exact: true, quote: "0,25"}
  - {id: over_five, topic: t, label: More than five, value: "5", hedge: more_than, quote: "более 5"}
  - {id: five, topic: t, label: Five, value: "5", exact: true, quote: "5"}
  - {id: almost_two, topic: t, label: Almost two, value: "2", hedge: almost, quote: "почти 2"}
  - {id: up_to_400, topic: t, label: Up to 400, value: 400 t, hedge: up_to, quote: "до 400 т"}
  - {id: day_one, topic: t, label: Signed, kind: date, value: 2025-03-04, quote: "4 марта"}
  - {id: day_two, topic: t, label: Signed again, kind: date, value: 2025-03-04, quote: "4 марта"}
  - {id: month, topic: t, label: March, kind: date, value: 2025-03, quote: "в марте"}
derived:
  - {id: ninth, topic: t, label: A ninth, expr: "third * third"}
relations:
  - {id: at_upper, label: At the upper end, check: "third <= upper"}
  - {id: past_upper, label: Past the upper end, check: "third < upper"}
  - {id: at_lower, label: At the lower end, check: "third >= lower"}
  - {id: above_five, label: Above five, check: "over_five > five"}
  - {id: at_five, label: At least five, check: "over_five >= five"}
  - {id: below_two, label: Below two, check: "almost_two < 2"}
  - {id: at_two, label: Two at most, check: "almost_two <= 2"}
  - {id: within_400, label: Within 400, check: "up_to_400 <= 400 t"}
  - {id: below_400, label: Below 400, check: "up_to_400 < 400 t"}
  - {id: same_day, label: Same day, check: "day_one == day_two"}
  - {id: in_month, label: In March, check: "day_one == month"}
  - {id: ninth_bound, label: Ninth at most, check: "ninth <= upper * upper"}
  - {id: ninth_low, label: Ninth at least, check: "ninth >= lower * lower"}
"""


def _stores(tmp_path: Path) -> list[tuple[str, Path, Path | None]]:
    stores = [("seed", ROOT / "facts.yaml", None), ("mini", ROOT / "tests" / "data" / "mini_facts.yaml", None)]
    for seed in (1, 2, 3):
        path = tmp_path / f"generated-{seed}.yaml"
        write_store(1000, path, seed=seed)
        stores.append((f"generated-{seed}", path, None))
    bound = tmp_path / "bound.yaml"
    bound.write_text(AT_THE_BOUND, encoding="utf-8")
    stores.append(("at-the-bound", bound, None))
    return stores


def _json(store: Path, article: Path | None = None) -> str:
    return json.dumps(engine.check(store, article).to_dict(), ensure_ascii=False, indent=2)


class _NoMemo(dict):
    """A cache that never keeps anything: every lookup misses, as without the cache."""

    def __setitem__(self, key, value) -> None:
        pass


def _plain_paths(monkeypatch) -> None:
    """Judge in this process, parse every figure and search every probe without the memos."""
    monkeypatch.setenv(forked.SERIAL_ENV, "1")
    original_init = load._Checker.__init__

    def init(self, path):
        original_init(self, path)
        self.quantities = _NoMemo()

    monkeypatch.setattr(load._Checker, "__init__", init)
    original_resting = consistency._values_not_resting_on

    def resting(context, source, names):
        context.resting = _NoMemo()
        return original_resting(context, source, names)

    monkeypatch.setattr(consistency, "_values_not_resting_on", resting)


def _fast_paths(monkeypatch) -> list:
    """Fork even for a small store; returns a list that records whether each helper delivered its share."""
    monkeypatch.delenv(forked.SERIAL_ENV, raising=False)
    monkeypatch.setattr(consistency, "PARALLEL_FROM", 1)
    delivered = []
    original = forked.Forked.result

    def recorded(self):
        results = original(self)
        delivered.append(results is not None)
        return results

    monkeypatch.setattr(forked.Forked, "result", recorded)
    return delivered


@pytest.mark.skipif(not forked.may_fork(), reason="no fork() here: the two-process path never runs")
def test_fast_and_plain_paths_give_identical_json(tmp_path, monkeypatch):
    for name, store, article in _stores(tmp_path):
        with monkeypatch.context() as patch:
            _plain_paths(patch)
            plain = _json(store, article)
        with monkeypatch.context() as patch:
            delivered = _fast_paths(patch)
            fast = _json(store, article)
        assert delivered == [True], name
        assert fast == plain, name


@pytest.mark.skipif(not forked.may_fork(), reason="no fork() here: the two-process path never runs")
def test_fast_and_plain_paths_agree_with_the_article(monkeypatch):
    article = seed_article_path()
    if article is None:
        pytest.skip(SEED_MISSING)
    with monkeypatch.context() as patch:
        _plain_paths(patch)
        plain = _json(ROOT / "facts.yaml", article)
    with monkeypatch.context() as patch:
        delivered = _fast_paths(patch)
        fast = _json(ROOT / "facts.yaml", article)
    assert delivered == [True]
    assert fast == plain


def test_relations_at_a_bound_keep_their_exact_verdicts(tmp_path):
    """Verdicts decided by exact equality of bounds or nominals (pinned as the exact arithmetic gives them)."""
    path = tmp_path / "bound.yaml"
    path.write_text(AT_THE_BOUND, encoding="utf-8")
    verdicts = {finding.message.split(":")[0]: finding.verdict for finding in engine.check(path).findings
                if finding.code.startswith("C10")}
    assert verdicts == {
        "At the upper end": "consistent", "Past the upper end": "consistent", "At the lower end": "consistent",
        "Above five": "edge", "At least five": "consistent", "Below two": "edge", "Two at most": "consistent",
        "Within 400": "consistent", "Below 400": "edge", "Same day": "consistent", "In March": "consistent",
        "Ninth at most": "consistent", "Ninth at least": "consistent"}


def test_a_failing_child_leaves_the_work_to_this_process(tmp_path, monkeypatch):
    store = tmp_path / "generated.yaml"
    write_store(200, store)
    monkeypatch.setenv(forked.SERIAL_ENV, "1")
    plain = _json(store)
    monkeypatch.delenv(forked.SERIAL_ENV)
    monkeypatch.setattr(consistency, "PARALLEL_FROM", 1)
    import pickle

    monkeypatch.setattr(pickle, "dumps", lambda *args, **kwargs: 1 / 0)  # the forked child cannot send
    assert _json(store) == plain


def _refusal(store: Path) -> str:
    try:
        engine.check(store)
    except BadInput as exc:
        return str(exc)
    raise AssertionError("the store was accepted")


@pytest.mark.skipif(not forked.may_fork(), reason="no fork() here: the two-process path never runs")
def test_bad_relations_are_refused_as_one_process_refuses_them(tmp_path, monkeypatch):
    """The helper evaluates its share of the relations: a relation it cannot evaluate is refused with the same
    message and place, and a bad relation in this process's share is still named first."""
    store = tmp_path / "generated.yaml"
    write_store(200, store)
    text = store.read_text(encoding="utf-8")
    early, late = '"g2_j <= 100 percent"', '"g18_j <= 100 percent"'
    cases = {"late": text.replace(late, '"g18_j <= 100 t"'),
             "both": text.replace(late, '"g18_j <= 100 t"').replace(early, '"g2_j <= g2_zz"'),
             "early": text.replace(early, '"g2_j <= 100 t"')}
    for name, case in cases.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(case, encoding="utf-8")
        with monkeypatch.context() as patch:
            patch.setenv(forked.SERIAL_ENV, "1")
            plain = _refusal(path)
        with monkeypatch.context() as patch:
            delivered = _fast_paths(patch)
            fast = _refusal(path)
        assert fast == plain, name
        assert ("g18_r9" in plain) == (name == "late"), plain
        assert delivered == ([False] if name == "late" else []), name


def test_generated_store_tree_is_the_python_loaders(tmp_path):
    from bakuastana.store.yamlsafe import load_yaml
    from test_perf_paths import _marked, _python_tree

    store = tmp_path / "generated.yaml"
    write_store(200, store, seed=5)
    text = store.read_text(encoding="utf-8")
    assert _marked(load_yaml(text, "f.yaml")) == _marked(_python_tree(text))


def test_check_leaves_the_collector_as_it_found_it(tmp_path):
    store = ROOT / "tests" / "data" / "mini_facts.yaml"
    assert gc.isenabled()
    engine.check(store)
    assert gc.isenabled()
    gc.disable()
    try:
        engine.check(store)
        assert not gc.isenabled()
    finally:
        gc.enable()


TEMPLATE_IDS = {"a", "b", "ab", "cd", "t", "mn", "sum", "to", "in", "million", "rate_a", "_x", "x__y", "g1_a", "g22_b"}
TEMPLATE_SOURCES = [
    "a <= b", "ab <= cd", "b <= a", "a <= a", "ab <= ab", "a / (b - b)", "ab / (cd - cd)", "a / (b - a)",
    "a + b to mn", "ab + cd to mn", "a + b in t", "a to ab", "b to cd", "10 t + a", "10 t + b", "sum(a, b)",
    "sum(ab, cd)", "sum(a) == b", "rate(a) <= b", "rate(ab) <= cd", "a million + b", "ab million + cd",
    "a + t", "b + t", "t + a", "_x + a", "x__y + b", "a +", "ab +", "a ** b ** a", "ab ** cd ** ab",
    "g1_a / (1 + g22_b)", "g22_b / (1 + g1_a)", "a(b)", "ab(cd)", "a b", "ab cd", "5 mn USD / a", "5 mn USD / b",
    "a - 3 percent", "cd - 3 percent", "max(a, b, a) >= 1", "max(ab, cd, ab) >= 1", "max(ab, cd, cd) >= 1",
]


def test_template_parses_are_the_parsers():
    """A parse bound from a template equals the parser's own: tree, offsets, refs, errors."""
    from types import SimpleNamespace

    from bakuastana.analysis.values import StoreEnv
    from bakuastana.numbers.expr import ExprError, parse

    def outcome(run, source):
        try:
            return run(source)
        except ExprError as exc:
            return (exc.message, exc.offset)

    store = SimpleNamespace(has_id=TEMPLATE_IDS.__contains__)
    for order in (TEMPLATE_SOURCES, TEMPLATE_SOURCES[::-1]):
        env = StoreEnv(store)
        for source in order:
            assert outcome(env.parse, source) == outcome(lambda text: parse(text, store.has_id), source), source
        assert env.templates


def test_template_parses_of_generated_and_seed_stores(tmp_path):
    from bakuastana.analysis.values import StoreEnv
    from bakuastana.numbers.expr import parse

    for name, path, _ in _stores(tmp_path):
        store = load.load_store(path)
        env = StoreEnv(store)
        for source in [*(d.expr for d in store.derived), *(r.check for r in store.relations)]:
            assert env.parse(source) == parse(source, store.has_id), (name, source)


def test_float_filter_gives_the_exact_paths_json(tmp_path, monkeypatch):
    monkeypatch.setenv(forked.SERIAL_ENV, "1")
    cases = [(name, store, None) for name, store, _ in _stores(tmp_path)]
    article = seed_article_path()
    if article is not None:
        cases.append(("seed-article", ROOT / "facts.yaml", article))
    for name, store, article in cases:
        monkeypatch.setenv(consistency.EXACT_ENV, "1")
        exact = _json(store, article)
        monkeypatch.delenv(consistency.EXACT_ENV)
        assert _json(store, article) == exact, name


def _filter_and_exact(source: str, quantities: dict):
    """(the float filter's comparison or None when Undecided, the exact comparison or None on an error)."""
    from types import SimpleNamespace

    from bakuastana.analysis.values import StoreEnv
    from bakuastana.numbers.expr import ExprError, evaluate, parse
    from bakuastana.numbers.floatfilter import FloatEnv, Undecided, compare

    store = SimpleNamespace(fact_by_id={}, derived_by_id={}, has_id=quantities.__contains__)
    parsed = parse(source, store.has_id)
    env = StoreEnv(store, quantities)
    try:
        exact = evaluate(parsed, env)
    except ExprError:
        exact = None
    try:
        fast = compare(parsed, FloatEnv(store, env.parse, quantities, {}, {}, env.duration))
    except Undecided:
        fast = None
    return fast, exact


def _decided(call):
    from bakuastana.numbers.floatfilter import Undecided

    try:
        return call()
    except Undecided:
        return Undecided


def test_float_filter_defers_exact_ties():
    """Ties the floats cannot see past go to the exact path: 1/3 against 0.333..., a bound equal to a bound,
    equal dates, hedges open at their figure."""
    from fractions import Fraction

    from bakuastana.numbers.floatfilter import Undecided
    from bakuastana.numbers.interval import Interval
    from bakuastana.numbers.quantity import Quantity, parse_quantity

    third = Quantity(Interval.point(Fraction(1, 3)))
    near_third = Quantity(Interval.point(Fraction("0.33333333333333333333")))
    day = Quantity(Interval.point(Fraction(739314)), is_date=True)
    month = Quantity(Interval(Fraction(739314), Fraction(739344), nominal=None), is_date=True)
    values = {"third": third, "near": near_third, "one": Quantity(Interval.point(1)),
              "three": parse_quantity("3", exact=True), "day": day, "day2": day, "month": month,
              "over": parse_quantity("5", hedge="more_than"),
              "five": parse_quantity("5", exact=True), "upto": parse_quantity("400", hedge="up_to"),
              "almost": parse_quantity("2", hedge="almost"), "x": parse_quantity("0.3"),
              "top": parse_quantity("0.35", exact=True)}
    for source, wanted in [("third <= near", "inconsistent"), ("third >= near", "consistent"), ("one / three == third",
                           "consistent"), ("day == day2", "consistent"), ("day < day2", "inconsistent"),
                           ("day == month", "consistent"), ("x <= top", "consistent"), ("x < top", "consistent"),
                           ("upto <= 400", "consistent"), ("almost < 2", "edge"), ("over >= five", "consistent")]:
        fast, exact = _filter_and_exact(source, values)
        assert exact.verdict() == wanted, source
        if fast is not None:
            assert _decided(fast.verdict) in (Undecided, wanted), source
            assert _decided(fast.certain) in (Undecided, exact.certain()), source
    for source, answer in [("third <= near", "verdict"), ("third >= near", "verdict"), ("one / three == third",
                            "verdict"), ("day == day2", "verdict"), ("day < day2", "verdict"),
                           ("x <= top", "certain"), ("x < top", "certain"), ("over >= five", "certain")]:
        fast, _ = _filter_and_exact(source, values)  # each rests on two equal ends
        assert fast is None or _decided(getattr(fast, answer)) is Undecided, source


def test_float_filter_agrees_with_the_exact_path_wherever_it_decides():
    """Random relations over figures with rounding, hedges and ties: every answer the filter gives is the
    exact one, and its margins are the exact margins."""
    import random

    from bakuastana.numbers.floatfilter import Undecided
    from bakuastana.numbers.quantity import parse_quantity

    rng = random.Random(7)
    hedges = [None, None, "more_than", "at_least", "less_than", "up_to", "about", "almost"]
    shapes = ["a {op} b", "growth(a, b) {op} c", "a / b {op} c", "a - b {op} c", "sum(a, b) {op} c",
              "ratio(a, b) {op} 1", "share(a, b) {op} c", "a * b {op} c", "-a {op} b - c", "(a + b) / c {op} 1"]
    decided = 0
    for _ in range(3000):
        values = {}
        for name in "abc":
            number = rng.choice(["0", "1", "2", "3", "0.5", "1.5", "10", "100", str(rng.randint(1, 999)),
                                 f"{rng.uniform(0, 50):.{rng.randint(0, 3)}f}", f"-{rng.randint(1, 9)}"])
            values[name] = parse_quantity(number, hedge=rng.choice(hedges), exact=rng.random() < 0.3)
        source = rng.choice(shapes).format(op=rng.choice(["<", "<=", ">", ">=", "=="]))
        fast, exact = _filter_and_exact(source, values)
        if fast is None:
            continue
        assert exact is not None, source
        verdict = _decided(fast.verdict)
        if verdict is not Undecided:
            decided += 1
            assert verdict == exact.verdict(), (source, values)
        certain = _decided(fast.certain)
        assert certain is Undecided or certain == exact.certain(), (source, values)
        assert fast.margin() == consistency._margin(exact), (source, values)
    assert decided > 1000


def _reference_significant(value, digits: int) -> str:
    """numbers.quantity._significant as it reads (the Fraction path humanize and format_interval avoid)."""
    if value.denominator == 1 and abs(value.numerator) < 10**12:
        return str(value.numerator)
    as_float = float(value)
    magnitude = len(str(int(abs(as_float)))) if abs(as_float) >= 1 else 0
    places = max(digits - magnitude, 0) if abs(as_float) >= 1 else digits
    text = f"{as_float:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def test_formatting_from_ratios_matches_fraction_formatting():
    import random
    from fractions import Fraction

    from bakuastana.numbers.interval import INF, Interval
    from bakuastana.numbers.quantity import _SCALE_NAMES, Quantity, _unit_word, format_interval, humanize
    from bakuastana.numbers.units import parse_unit

    def reference_humanize(value, label, digits):
        scale_name = ""
        if abs(value) >= 10**4:
            for factor, name in _SCALE_NAMES:
                if abs(value) >= factor:
                    value, scale_name = value / factor, name
                    break
        return " ".join(part for part in (_reference_significant(value, digits), scale_name, _unit_word(label))
                        if part)

    def reference_interval(quantity, digits):
        interval, unit_factor = quantity.interval, quantity.unit.factor
        finite = [abs(b) / unit_factor for b in (interval.lo, interval.hi) if not isinstance(b, float)]
        factor, scale_name = 1, ""
        if finite:
            biggest = max(finite)
            for candidate, name in _SCALE_NAMES:
                if biggest >= candidate and biggest >= 10**4:
                    factor, scale_name = candidate, name
                    break
        text = interval.describe(lambda value: _reference_significant(value / (unit_factor * factor), digits + 2))
        return " ".join(part for part in (text, scale_name, _unit_word(quantity.unit.label)) if part)

    rng = random.Random(11)
    units = [parse_unit(text) for text in ("", "percent", "million USD", "t/year", "km", "mn t")]
    for _ in range(5000):
        scale = Fraction(10) ** rng.randint(-8, 14)
        value = Fraction(rng.randint(-10**6, 10**6), rng.choice([1, 2, 3, 7, 10, 1000, 999999])) * scale
        if rng.random() < 0.1:
            value = Fraction(rng.choice([9999, 10000, 10**6, 999999, 10**12, 10**12 - 1]) * rng.choice([1, -1]))
        digits = rng.randint(3, 7)
        assert humanize(value, "t", digits) == reference_humanize(value, "t", digits), value
        unit = rng.choice(units)
        other = value + Fraction(rng.randint(0, 10**6), rng.choice([1, 3, 100])) * scale
        lo, hi = rng.choice([(value, other), (-INF, other), (value, INF), (value, value)])
        quantity = Quantity(Interval(lo * unit.factor if lo != -INF else lo, hi * unit.factor if hi != INF else hi,
                                     rng.random() < 0.5, rng.random() < 0.5), unit)
        assert format_interval(quantity, digits) == reference_interval(quantity, digits), quantity
