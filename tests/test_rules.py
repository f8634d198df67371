"""The N and C rules and the order of findings, on small stores written here (the S, P and T rules have their
cases in tests/rules/CODE/, run by test_rule_fixtures.py)."""

from bakuastana.analysis.engine import check
from bakuastana.store.load import parse_store

BASE = """\
schema: bakuastana.facts/1
source: {published: 2025-10-21}
topics: {trade: Trade, oil: Oil}
names:
  - {id: btc, canonical: Баку-Тбилиси-Джейхан, abbreviations: [БТД]}
facts:
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: 470 million USD
    period: 2024
    figure: 470 млн. долларов
    quote: составил 470 млн. долларов
  - id: trade_growth
    topic: trade
    label: Growth 2024
    kind: percent
    value: 50 percent
    figure: 50 процентов
    quote: на 50 процентов
  - id: janaug_2025
    topic: trade
    label: Trade Jan-Aug 2025
    value: 547 million USD
    period: 2025-01..2025-08
    quote: составил 547 млн. долларов
  - id: janaug_multiple
    topic: trade
    label: Multiple
    kind: multiple
    value: {multiple}
    hedge: more_than
    quote: вырос более чем в 4 раза
  - id: claim
    topic: oil
    label: A claim
    kind: claim
    quote: {claim}
derived:
  - id: trade_2023
    topic: trade
    label: implied 2023 base
    expr: trade_2024 / (1 + trade_growth)
    unit: million USD
  - id: janaug_2024
    topic: trade
    label: implied Jan-Aug 2024
    expr: janaug_2025 / janaug_multiple
relations:
  - id: part_within_year
    label: Jan-Aug 2024 within 2024
    check: janaug_2024 <= trade_2024
  - id: part_plausible
    label: Jan-Aug 2024 plausible
    check: janaug_2024 >= 0.5 * trade_2024 * 8 / 12
    severity: warning
"""


def run(multiple="1.5", claim="нефть идет через БТД", **replace):
    text = BASE.replace("{multiple}", multiple).replace("{claim}", claim)
    for old, new in replace.items():
        text = text.replace(old, new)
    return check(parse_store(text))


def codes(report, code):
    return [finding for finding in report.findings if finding.code == code]


def test_n101_reports_implied_values_with_interval():
    report = run()
    implied = {f.facts[0]: f for f in codes(report, "N101")}
    assert implied["trade_2023"].computed == "313.33 million USD"
    assert implied["trade_2023"].interval == "[311.96, 314.716] million USD"


def test_c101_and_c103_verdicts():
    holds = run(multiple="1.5")  # Jan-Aug 2024 below 364.7 M: plausible
    assert codes(holds, "C101") == []
    assert {f.facts[0] for f in codes(holds, "C103")} == {"janaug_2024"}
    assert len(codes(holds, "C103")) == 2
    fails = run(multiple="4")  # below 136.75 M, less than half of 8/12 of 470 M
    [violated] = codes(fails, "C101")
    assert violated.severity == "warning" and violated.verdict == "inconsistent"
    assert "janaug_multiple at most 3.49" in violated.fix


def test_c102_edge_of_rounding():
    text_change = {"check: janaug_2024 <= trade_2024": "check: trade_2024 <= 469.8 million USD"}
    report = run(**text_change)
    [edge] = codes(report, "C102")
    assert edge.verdict == "edge" and edge.severity == "warning"


def test_c101_error_severity_sets_exit_code():
    report = run(**{"check: janaug_2024 <= trade_2024": "check: trade_2024 <= 400 million USD"})
    assert [f.severity for f in codes(report, "C101")] == ["error"]
    assert report.exit_code() == 1
    assert run().exit_code() == 0


def test_findings_are_sorted_by_place_then_code():
    report = run(multiple="4", claim="через БДТ")
    keys = [f.sort_key() for f in report.findings]
    assert keys == sorted(keys)


def test_c102_when_a_hedge_allows_readings_that_break_the_relation():
    text = """\
facts:
  - {id: first, topic: t, label: First, value: 1 million t, hedge: more_than, quote: q}
  - {id: second, topic: t, label: Second, value: 1.2 million t, quote: q}
relations:
  - {id: r, label: first within second, check: first <= second}
"""
    [edge] = codes(check(parse_store(text)), "C102")  # "more than 1" may be 1.25, above 1.2
    assert edge.verdict == "edge"
    report = check(parse_store(text.replace("1.2 million t", "1.3 million t")))
    assert codes(report, "C102") == [] and len(codes(report, "C103")) == 1


def test_by_periods_are_their_final_year():
    from bakuastana.numbers.periods import parse_period

    period = parse_period("..2027", None)
    assert (period.months, period.label()) == (12, "by 2027")
