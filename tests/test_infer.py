"""Relations inferred from measures, periods and events: each kind, written relations winning, and the seed
store judged the same with its hand-written relations removed."""

from bakuastana.analysis.infer import infer_relations
from bakuastana.analysis.values import StoreEnv
from bakuastana.cli.inputs import check_files as check
from bakuastana.numbers.expr import evaluate
from bakuastana.store.load import load_store, parse_store
from conftest import SEED_STORE

STORE = """\
schema: bakuastana.facts/1
source: {published: 2025-10-01}
facts:
  - {id: cargo_2023, topic: t, label: Cargo 2023, value: 0.8 million t, period: 2023, measure: cargo, quote: q}
  - {id: cargo_2024, topic: t, label: Cargo 2024, value: 4.5 million t, period: 2024, measure: cargo, quote: q}
  - {id: cargo_growth, topic: t, label: Cargo multiple, kind: multiple, value: 5, hedge: almost, period: 2024,
     measure: cargo, quote: q}
  - {id: cargo_h1_2024, topic: t, label: Cargo H1 2024, value: 2.5 million t, period: 2024-01..2024-06,
     measure: cargo, quote: q}
  - {id: cargo_h2_2024, topic: t, label: Cargo H2 2024, value: 2.5 million t, period: 2024-07..2024-12,
     measure: cargo, quote: q}
  - {id: cargo_total, topic: t, label: Cargo since 2023, value: 5.0 million t, period: 2023.., measure: cargo,
     quote: q}
  - {id: cargo_target, topic: t, label: Target, value: 10 million t/year, period: ..2027, measure: cargo, quote: q}
  - {id: steady, topic: t, label: Steady growth, kind: claim, trend: rising, measure: cargo, quote: q}
  - {id: share_a, topic: t, label: Share A, kind: percent, value: 60 percent, share_of: exports, quote: q}
  - {id: share_b, topic: t, label: Share B, kind: percent, value: 45 percent, share_of: exports, quote: q}
  - {id: signed, topic: t, label: Signed, kind: date, value: 2025-03, event: signing, quote: q}
  - {id: signed_again, topic: t, label: Signed again, kind: date, value: 2025-04-02, event: signing, quote: q}
"""


def verdicts(text: str) -> dict[str, tuple[str, str]]:
    store = parse_store(text)
    env = StoreEnv(store)
    return {r.kind: (evaluate(env.parse(r.check), env).verdict(), r.check) for r in infer_relations(store, env)}


def test_each_inference_kind_with_its_verdict():
    found = verdicts(STORE)
    assert found["growth_recomputed"] == ("inconsistent", "cargo_2024 / cargo_2023 == cargo_growth")  # 5.6x
    assert found["cumulative_at_least_parts"][0] == "inconsistent"  # 5 < 0.8 + 4.5
    assert found["target_above_level"] == ("consistent", "cargo_target > rate(cargo_2024)")
    assert found["trend"] == ("consistent", "cargo_2023 <= cargo_2024")
    assert found["shares_within_total"] == ("inconsistent", "share_a + share_b <= 100 percent")
    assert found["same_event"] == ("inconsistent", "signed == signed_again")


def test_part_within_whole_and_plausibility():
    text = STORE + """\
  - {id: cargo_q1_2025, topic: t, label: Q1 2025, value: 0.2 million t, period: 2025-01..2025-03, measure: cargo,
     quote: q}
  - {id: cargo_2025, topic: t, label: Cargo 2025, value: 6 million t, period: 2025, measure: cargo, quote: q}
"""
    store = parse_store(text)
    env = StoreEnv(store)
    checks = {r.check: evaluate(env.parse(r.check), env).verdict() for r in infer_relations(store, env)}
    assert checks["cargo_q1_2025 <= cargo_2025"] == "consistent"
    assert checks["cargo_q1_2025 >= 0.5 * cargo_2025 * 3 / 12"] == "inconsistent"  # 0.2 < 0.75


def test_written_relation_wins_and_findings_say_their_origin(tmp_path):
    text = STORE + "relations:\n  - {id: mine, label: mine, check: 'cargo_2024 <= 10 * cargo_2023', severity: info}\n"
    store = parse_store(text)
    kinds = [r.kind for r in infer_relations(store)]
    assert "growth_recomputed" in kinds  # a different set of ids: still inferred
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace("10 * cargo_2023", "cargo_2023 * cargo_growth"), encoding="utf-8")
    report = check(path)
    origins = {f.origin for f in report.findings if f.code.startswith("C")}
    assert origins == {"written", "inferred"}
    assert not any(r.kind == "growth_recomputed" for r in infer_relations(load_store(path)))


# Hand-written seed relations that no rule infers: cross-measure knowledge, contracts without periods,
# sequences of different events, and heuristics about pace across years.
NOT_INFERABLE = {"trade_2023_below_2024", "trade_janaug_2025_vs_pace", "transit_2023_below_2024",
                 "oil_part_of_transit_2024", "oil_target_above_contract", "oil_2024_within_contract",
                 "oil_growth_since_2022", "btc_transit_start_before_tanker", "supreme_council_sequence",
                 "cable_contract_before_survey_end"}


def test_seed_store_gives_the_same_verdicts_without_its_written_relations():
    store = load_store(SEED_STORE)
    env = StoreEnv(store)
    written = {r.id: (frozenset(env.parse(r.check).refs), evaluate(env.parse(r.check), env).verdict())
               for r in store.relations}
    store.relations = []
    inferred = {}
    for relation in infer_relations(store, env):
        inferred.setdefault(frozenset(env.parse(relation.check).refs), []).append(
            evaluate(env.parse(relation.check), env).verdict())
    for ident, (refs, verdict) in written.items():
        if ident in NOT_INFERABLE:
            assert refs not in inferred, f"{ident} is inferred after all: update NOT_INFERABLE and the README"
            continue
        assert refs in inferred, f"{ident} was not inferred"
        assert verdict in inferred[refs], (ident, verdict, inferred[refs])
