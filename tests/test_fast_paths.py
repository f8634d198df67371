"""The scale fast paths give the findings of the plain paths, byte for byte (equivalence, never timing).

Covered: judging the relations in two processes (rules/consistency.py), the per-run memo of derived values a
probe may reuse, the loader's cache of parsed figures (store/load.py), the libyaml composer's shortcuts
(store/yamlsafe.py), and the paused garbage collector (gcpause.py). Each runs on the seed store (with and
without its article), tests/data/mini_facts.yaml, generated stores of several seeds, and a hand-made store
whose relations hold exactly at a bound.
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
from bakuastana import engine
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
    monkeypatch.setenv(consistency.SERIAL_ENV, "1")
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
    """Fork even for a small store; returns a list that records whether the two-process path delivered."""
    monkeypatch.delenv(consistency.SERIAL_ENV, raising=False)
    monkeypatch.setattr(consistency, "PARALLEL_FROM", 1)
    delivered = []
    original = consistency._results_in_two_processes

    def recorded(context, relations):
        results = original(context, relations)
        delivered.append(results is not None)
        return results

    monkeypatch.setattr(consistency, "_results_in_two_processes", recorded)
    return delivered


@pytest.mark.skipif(not consistency._may_fork(), reason="no fork() here: the two-process path never runs")
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


@pytest.mark.skipif(not consistency._may_fork(), reason="no fork() here: the two-process path never runs")
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
    monkeypatch.setenv(consistency.SERIAL_ENV, "1")
    plain = _json(store)
    monkeypatch.delenv(consistency.SERIAL_ENV)
    monkeypatch.setattr(consistency, "PARALLEL_FROM", 1)
    import pickle

    monkeypatch.setattr(pickle, "dumps", lambda *args, **kwargs: 1 / 0)  # the forked child cannot send
    assert _json(store) == plain


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
