"""`show`: topics with counts, one topic's values with status and intervals, series, JSON and text output."""

import json

import pytest

from conftest import SEED_STORE


@pytest.fixture
def show_json(cli):
    def run(topic: str) -> dict:
        result = cli("show", topic, "--facts", str(SEED_STORE), "--json")
        assert result.code == 0, result.err
        return json.loads(result.out)

    return run


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def test_trade_json_carries_stated_and_implied_numbers(show_json):
    data = show_json("trade")
    assert data["schema"] == "bakuastana.show/1" and data["topic"] == "trade"
    assert set(data) >= {"facts", "implied", "series"}
    trade_2024 = by_id(data["facts"])["trade_2024"]
    assert trade_2024["value"]["value"] == 470000000 and trade_2024["value"]["unit"] == "USD"
    assert (trade_2024["value"]["low"], trade_2024["value"]["high"]) == (469500000, 470500000)
    assert trade_2024["figure"] == "470 млн. долларов" and trade_2024["period"] == "2024"
    base = by_id(data["implied"])["trade_2023_implied"]
    assert base["implied"] is True and base["expr"] == "trade_2024 / (1 + trade_2024_growth)"
    assert base["value"]["unit"] == "million USD"
    assert round(base["value"]["value"], 2) == 313.33
    assert round(base["value"]["low"], 2) == 311.96 and round(base["value"]["high"], 3) == 314.716
    assert base["interval"] == "[311.96, 314.716] million USD"


def test_status_is_the_worst_verdict_of_the_relations_behind_a_fact(show_json):
    data = show_json("trade")
    facts, implied = by_id(data["facts"]), by_id(data["implied"])
    multiple = facts["trade_2025_janaug_multiple"]
    assert multiple["hedge"] == "more_than"
    assert multiple["status"] == "inconsistent"  # through trade_2024_janaug_implied
    assert multiple["relations"][0] == "trade_janaug_2024_plausible"
    assert facts["trade_2024_growth"]["status"] == "consistent"
    assert facts["investment_az_in_kz"]["status"] == "unchecked" and facts["investment_az_in_kz"]["relations"] == []
    assert implied["trade_2023_implied"]["status"] == "consistent"
    relations = by_id(data["relations"])
    assert relations["trade_janaug_2024_plausible"]["verdict"] == "inconsistent"
    assert relations["trade_janaug_2024_within_year"]["verdict"] == "consistent"


def test_trade_series_by_period(show_json):
    years, eight_months = show_json("trade")["series"]  # one series per period length, never mixed
    assert (years["months"], eight_months["months"]) == (12, 8)
    assert [p["period"] for p in years["points"]] == ["2023", "2024"]
    assert [p["period"] for p in eight_months["points"]] == ["2024-01..08", "2025-01..08"]
    points = [*years["points"], *eight_months["points"]]
    assert [p["implied"] for p in points] == [True, False, True, False]
    assert [p["id"] for p in points][1:] == ["trade_2024", "trade_2024_janaug_implied", "trade_2025_janaug"]
    assert points[2]["value"]["high"] == 136875000 and points[2]["value"]["high_open"] is True
    # a lone part-year value (Sep-Dec 2024) and values without a period (monthly averages) stay out
    assert "trade_2024_sepdec_implied" not in {p["id"] for p in points}


def test_oil_series_converts_the_target_rate_through_one_year(show_json):
    (series,) = show_json("oil")["series"]
    points = series["points"]
    assert [p["start"][:4] for p in points] == ["2022", "2023", "2024", "2025", "2027"]
    assert [p["id"] for p in points] == ["oil_btc_2022", "oil_btc_2023", "oil_btc_2024", "oil_btc_2025_forecast",
                                         "oil_btc_target_2027"]
    assert series["unit"] == "t"
    assert points[0]["value"]["value"] == 55000
    assert points[1]["value"]["low"] == 1000000 and points[1]["value"]["high"] is None  # more than 1 Mt
    target = points[-1]
    assert target["period"] == "by 2027" and target["over"] == "1 year"
    assert target["rate"]["value"] == 7000000 and target["rate"]["unit"] == "t/year"
    assert target["value"]["value"] == 7000000 and target["value"]["unit"] == "t"
    assert target["value"]["text"] == "7 million t"
    # the cumulative 3.4 Mt since 2023 and the contracted 1.5 Mt/year (no period) are not points
    assert not {"oil_btc_cumulative", "btc_contract_volume"} & {p["id"] for p in points}


def test_a_topic_without_a_series_has_none(show_json):
    data = show_json("diplomacy")
    assert data["series"] == []  # the Council ordinals have years, but ordinals are not amounts
    assert by_id(data["facts"])["aliyev_visit_ordinal"]["value"]["value"] == 7


def test_dates_are_iso_strings_in_json(show_json):
    cable = by_id(show_json("cable")["facts"])["cable_contract_date"]
    assert cable["value"]["value"] == "2025-03-04" and cable["value"]["unit"] == "date"


def test_topic_list_with_counts(cli):
    result = cli("show", "--facts", str(SEED_STORE), "--json")
    assert result.code == 0
    listed = by_id(json.loads(result.out)["topics"])
    assert list(listed)[:6] == ["trade", "transit", "oil", "energy", "cable", "diplomacy"]
    assert listed["trade"]["facts"] == 6 and listed["trade"]["implied"] == 6
    assert listed["oil"]["implied"] == 4
    text = cli("show", "--facts", str(SEED_STORE)).out
    assert text.splitlines()[0].split() == ["topic", "facts", "implied", "description"]
    assert any(line.split()[:3] == ["trade", "6", "6"] for line in text.splitlines())


def test_unknown_topic_is_one_line_and_exit_2(cli):
    result = cli("show", "bananas", "--facts", str(SEED_STORE))
    assert result.code == 2 and result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert 'unknown topic "bananas"' in result.err and "trade, transit, oil" in result.err


@pytest.mark.parametrize("topic", ["trade", "oil", "transit", "cable", "energy", "diplomacy"])
def test_text_fits_80_columns_without_colour_when_piped(cli, monkeypatch, topic):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("show", topic, "--facts", str(SEED_STORE)).out
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.splitlines()[0].startswith(f"{topic}: ")


def test_text_marks_implied_and_open_values_and_draws_the_chart(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    trade = cli("show", "trade", "--facts", str(SEED_STORE)).out
    assert "implied" in trade and "inconsistent" in trade and "[311.96," in trade and "314.716]" in trade
    chart = trade[trade.index("trade: USD by period (full years)"):].splitlines()
    assert chart[1].startswith("2023 ") and "░" in chart[1] and chart[1].endswith("313.33 million implied")
    assert chart[2].startswith("2024 ") and "█" in chart[2] and chart[2].endswith(" 470 million")
    part = trade[trade.index("trade: USD by period (8-month periods, not comparable with years)"):].splitlines()
    assert part[1].startswith("2024-01..08 ") and part[1].endswith("<136.75 million implied")
    assert part[2].startswith("2025-01..08 ") and part[2].endswith(" 547 million")
    oil = cli("show", "oil", "--facts", str(SEED_STORE)).out
    bars = oil[oil.index("oil: mass by period, in t"):].splitlines()
    assert [line.split()[0] for line in bars[1:5]] == ["2022", "2023", "2024", "2025"]
    assert "+ >1 million" in bars[2]  # "более 1 млн. тонн" is open above
    assert bars[5].startswith("by 2027 ") and bars[5].endswith(" 7 million")
    assert "by 2027: 7 million t/year × 1 year = 7 million t" in oil
    # the longest bar (the target) fills the width; shorter bars scale with it
    assert 75 <= len(bars[5]) <= 80 and bars[3].count("█") < bars[5].count("█") // 4


def test_claims_and_empty_topics(cli, write_store):
    store = write_store(
        "topics:\n  a: First\n  b: Second\n"
        "facts:\n"
        "  - {id: x, topic: a, label: A claim, kind: claim, quote: q}\n"
        "  - {id: y, topic: a, label: Tonnes, value: 5 t, period: 2024, quote: 5 t}\n"
        "  - {id: z, topic: a, label: Rate, value: 12 t/year, period: ..2026, quote: 12 t}\n")
    data = json.loads(cli("show", "a", "--facts", str(store), "--json").out)
    facts = by_id(data["facts"])
    assert facts["x"]["value"] is None and facts["x"]["status"] == "unchecked"
    (series,) = data["series"]
    assert [p["id"] for p in series["points"]] == ["y", "z"] and series["points"][1]["value"]["value"] == 12
    assert json.loads(cli("show", "b", "--facts", str(store), "--json").out)["facts"] == []
    listed = json.loads(cli("show", "--facts", str(store), "--json").out)["topics"]
    assert [(t["id"], t["facts"]) for t in listed] == [("a", 3), ("b", 0)]


# show and check agree (issue 14 item 6) --------------------------------------------------------------------

PERIODS_STORE = """\
facts:
  - {id: cargo_2024, topic: cargo, measure: cargo, label: Cargo 2024, value: 12 million t, period: 2024,
     quote: a}
  - {id: cargo_2025, topic: cargo, measure: cargo, label: Cargo 2025, value: 13 million t, period: 2025,
     quote: b}
  - {id: cargo_2024_h1, topic: cargo, measure: cargo, label: Cargo H1 2024, value: 5 million t,
     period: 2024-01..2024-06, quote: c}
  - {id: cargo_2025_h1, topic: cargo, measure: cargo, label: Cargo H1 2025, value: 15 million t,
     period: 2025-01..2025-06, quote: d}
  - {id: trains_2024, topic: cargo, label: Trains 2024, kind: count, value: 287 train, period: 2024, quote: e}
  - {id: growth, topic: cargo, label: Growth, kind: percent, value: 39 percent, quote: f}
derived:
  - {id: trains_2025_pace, topic: cargo, label: Trains 2025 at the pace, expr: trains_2024 * (1 + growth),
     period: 2025}
"""


def test_show_judges_the_inferred_relations_check_judges():
    from bakuastana.analysis.engine import analyse
    from bakuastana.analysis.show import show_topic
    from bakuastana.store.load import parse_store

    store = parse_store(PERIODS_STORE)
    view = show_topic(store, "cargo")
    checked = {relation.id for relation in analyse(store).relations}
    shown = {relation.id for relation in view.relations}
    assert shown == checked and checked  # no written relation: all of them inferred
    assert {relation.origin for relation in view.relations} == {"inferred"}
    rows = {row.id: row for row in view.facts}
    assert rows["cargo_2025_h1"].status == "inconsistent"  # H1 2025 (15 Mt) above all of 2025 (13 Mt)
    assert rows["cargo_2024"].status != "unchecked"


def test_a_part_year_series_is_never_on_the_axis_of_years():
    from bakuastana.analysis.show import show_topic
    from bakuastana.store.load import parse_store

    view = show_topic(parse_store(PERIODS_STORE), "cargo")
    for series in view.series:
        lengths = {(point.end.year - point.start.year) * 12 + point.end.month - point.start.month + 1
                   for point in series.points}
        assert lengths == {series.months}
    assert sorted(series.months for series in view.series if series.dimension == "mass") == [6, 12]


def test_counts_are_whole_things(cli, write_store, monkeypatch):
    from bakuastana.analysis.show import show_topic
    from bakuastana.store.load import parse_store

    view = show_topic(parse_store(PERIODS_STORE), "cargo")
    pace = {row.id: row for row in view.implied}["trains_2025_pace"]  # 287 * 1.39 = 398.93, [397.5, 400.4]
    assert pace.value_text == "≈399 train" and pace.interval_text == "[398, 400] train"
    monkeypatch.setenv("COLUMNS", "100")
    out = cli("show", "cargo", "--facts", str(write_store(PERIODS_STORE))).out
    chart = out[out.index("cargo: train by period"):].splitlines()
    assert chart[1].endswith(" 287") and chart[2].endswith(" ≈399 implied")
    assert "398.9" not in out and "train" in out
