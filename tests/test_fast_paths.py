"""The shortcuts that stayed give the findings of the plain computation, byte for byte (equivalence, never timing).

Covered: formatting from integer ratios (numbers/quantity.py), parse templates shared by expressions that differ
only in fact ids (values.StoreEnv.parse), and the memos the judge keeps per run (analysis/judge.py: the derived
values a nearest-wording probe may reuse, side texts, hedge readings, stated facts). Each runs on the seed store
(with and without its article), tests/data/mini_facts.yaml, generated stores of several seeds, and a hand-made
store whose relations hold exactly at a bound.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import ROOT, seed_article_path

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_store import write_store

from bakuastana.analysis.judge import Judge
from bakuastana.cli.inputs import check_files
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
    return json.dumps(check_files(store, article).to_dict(), ensure_ascii=False, indent=2)


class _NoMemo(dict):
    """A memo that never keeps anything: every lookup misses, as without it."""

    def __setitem__(self, key, value) -> None:
        pass


def _cases(tmp_path: Path) -> list[tuple[str, Path, Path | None]]:
    cases = _stores(tmp_path)
    if seed_article_path() is not None:
        cases.append(("seed-article", ROOT / "facts.yaml", seed_article_path()))
    return cases


def test_the_judges_memos_give_the_same_findings(tmp_path, monkeypatch):
    """Side texts, hedge readings, stated facts and the derived values a probe reuses, kept or not."""
    cases = _cases(tmp_path)
    kept = [_json(store, article) for _, store, article in cases]
    original = Judge.__init__

    def forgetful(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        self._texts, self._hedges, self._stated, self._resting = _NoMemo(), _NoMemo(), _NoMemo(), _NoMemo()

    monkeypatch.setattr(Judge, "__init__", forgetful)
    monkeypatch.setattr(Judge, "_values_not_resting_on", lambda self, source, names: {})
    for (name, store, article), before in zip(cases, kept, strict=True):
        assert _json(store, article) == before, name
    assert '"fix": "' in kept[0]  # the nearest-wording search ran


def test_relations_at_a_bound_keep_their_exact_verdicts(tmp_path):
    """Verdicts decided by exact equality of bounds or nominals (pinned as the exact arithmetic gives them)."""
    path = tmp_path / "bound.yaml"
    path.write_text(AT_THE_BOUND, encoding="utf-8")
    verdicts = {finding.message.split(":")[0]: finding.verdict for finding in check_files(path).findings
                if finding.code.startswith("C10")}
    assert verdicts == {
        "At the upper end": "consistent", "Past the upper end": "consistent", "At the lower end": "consistent",
        "Above five": "edge", "At least five": "consistent", "Below two": "edge", "Two at most": "consistent",
        "Within 400": "consistent", "Below 400": "edge", "Same day": "consistent", "In March": "consistent",
        "Ninth at most": "consistent", "Ninth at least": "consistent"}


def test_generated_store_tree_is_the_python_loaders(tmp_path):
    from bakuastana.store.yamlsafe import load_yaml
    from test_perf_paths import _marked, _python_tree

    store = tmp_path / "generated.yaml"
    write_store(200, store, seed=5)
    text = store.read_text(encoding="utf-8")
    assert _marked(load_yaml(text, "f.yaml")) == _marked(_python_tree(text))


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


def _reference_significant(value, digits: int) -> str:
    """numbers.quantity._significant as it reads (the Fraction path humanize and format_interval avoid)."""
    if value.denominator == 1 and abs(value.numerator) < 10**12:
        return str(value.numerator)
    if abs(value) >= 2**53:  # beyond a float's digits: the nearest integer, exactly (issue 15 item 4)
        return str(round(value))
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
        if finite and quantity.unit.label.split(" ")[0] not in ("million", "mn"):  # a scaled unit keeps its digits
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


def test_findings_written_in_chunks_are_the_documents_json(tmp_path, monkeypatch):
    """render/jsonout.py encodes the findings CHUNK at a time, each as it is written: the same text as the whole
    report's dict written at once, on every chunk boundary."""
    import io

    from bakuastana.render import jsonout, render

    store = tmp_path / "generated.yaml"
    write_store(200, store, seed=6)
    report = check_files(store)
    whole = io.StringIO()
    monkeypatch.setattr(jsonout, "CHUNK", 10**9)
    jsonout.write_json(report.to_dict(), whole)
    for chunk in (1, 7, len(report.findings) - 1, len(report.findings)):
        monkeypatch.setattr(jsonout, "CHUNK", chunk)
        written = io.StringIO()
        render(report, "json", written)
        assert written.getvalue() == whole.getvalue(), chunk
    assert json.loads(whole.getvalue()) == json.loads(json.dumps(report.to_dict()))
