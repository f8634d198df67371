"""Claims read from sentences (draft/claims.py): each pattern, in Russian and English, drafted from the text alone
and checked by the analysis core; a planted inconsistency is found on the claim's sentence, and its twin whose
figures agree raises nothing above info."""

import json
import os
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from bakuastana.analysis.engine import check
from bakuastana.draft import draft_store, draft_yaml
from bakuastana.store.load import parse_store
from bakuastana.text.article import Article
from conftest import ROOT

# (case, the claim with a planted inconsistency, its twin whose figures agree, what the draft writes for it: a
# relation kind or "derived"). In two-sentence texts the claim is the first sentence.
CASES = [
    ("growth both ends, ru",
     "В 2024 году товарооборот вырос на 30% - с 400 млн до 500 млн долларов.",
     "В 2024 году товарооборот вырос на 25% - с 400 млн до 500 млн долларов.", "growth_recomputed"),
    ("growth up P% to Y from X, en",
     "Exports reached $500 million in 2024, up 30% from $400 million in 2023.",
     "Exports reached $500 million in 2024, up 25% from $400 million in 2023.", "growth_recomputed"),
    ("a level, its other words, then up P% from X, en",
     "Kazakhstan shipped 1.5 million tons of oil through the BTC pipeline in 2025, up 30% from 1.2 million tons.",
     "Kazakhstan shipped 1.5 million tons of oil through the BTC pipeline in 2025, up 25% from 1.2 million tons.",
     "growth_recomputed"),
    ("growth with the base against X, ru",
     "В 2024 году перевозки выросли на 25% и составили 12 млн тонн против 10 млн тонн в 2023 году.",
     "В 2024 году перевозки выросли на 20% и составили 12 млн тонн против 10 млн тонн в 2023 году.",
     "growth_recomputed"),
    ("growth with the base in parentheses, ru",
     "В 2024 году экспорт вырос на 25% до 120 млн долларов (100 млн долларов в 2023 году).",
     "В 2024 году экспорт вырос на 20% до 120 млн долларов (100 млн долларов в 2023 году).", "growth_recomputed"),
    ("growth with the base in parentheses, en",
     "Exports rose 25% to $120 million in 2024 ($100 million in 2023).",
     "Exports rose 20% to $120 million in 2024 ($100 million in 2023).", "growth_recomputed"),
    ("growth with an implied base, ru",
     "В 2024 году товарооборот вырос на 25% до 500 млн долларов. В 2023 году он составил 450 млн долларов.",
     "В 2024 году товарооборот вырос на 25% до 500 млн долларов. В 2023 году он составил 400 млн долларов.",
     "derived"),
    ("growth with an implied base after the level, ru",
     "В 2024 году экспорт составил 500 млн долларов, увеличившись по сравнению с предыдущим годом на 25 "
     "процентов. В 2023 году экспорт составил 450 млн долларов.",
     "В 2024 году экспорт составил 500 млн долларов, увеличившись по сравнению с предыдущим годом на 25 "
     "процентов. В 2023 году экспорт составил 400 млн долларов.", "derived"),
    ("growth with an implied base, en",
     "In 2024 exports rose 25% to $500 million. In 2023 exports were $450 million.",
     "In 2024 exports rose 25% to $500 million. In 2023 exports were $400 million.", "derived"),
    ("growth, what it is measured against, then the level, en",
     "In January-August 2025 trade rose 50% year on year to $540 million. In January-August 2024 trade was "
     "$400 million.",
     "In January-August 2025 trade rose 50% year on year to $540 million. In January-August 2024 trade was "
     "$360 million.", "derived"),
    ("growth, what it is measured against, then the level, ru",
     "В январе-августе 2025 года товарооборот вырос на 50% по сравнению с аналогичным периодом прошлого года до "
     "540 млн долларов. В январе-августе 2024 года товарооборот составил 400 млн долларов.",
     "В январе-августе 2025 года товарооборот вырос на 50% по сравнению с аналогичным периодом прошлого года до "
     "540 млн долларов. В январе-августе 2024 года товарооборот составил 360 млн долларов.", "derived"),
    ("в N раз, ru",
     "В 2024 году перевалка выросла в 5 раз - с 0,8 млн до 4,5 млн тонн.",
     "В 2024 году перевалка выросла в 5 раз - с 0,9 млн до 4,5 млн тонн.", "growth_recomputed"),
    ("N times, en",
     "Output rose 5 times, from 0.8 million to 4.5 million tons.",
     "Output rose 5 times, from 0.9 million to 4.5 million tons.", "growth_recomputed"),
    ("вдвое, ru",
     "Экспорт вырос вдвое - с 300 млн до 900 млн долларов.",
     "Экспорт вырос вдвое - с 300 млн до 600 млн долларов.", "growth_recomputed"),
    ("почти в N раз, ru",
     "Перевозки выросли почти в пять раз - с 0,8 млн до 4,5 млн тонн.",
     "Перевозки выросли почти в пять раз - с 0,8 млн до 3,9 млн тонн.", "growth_recomputed"),
    ("almost N-fold, en",
     "Output rose almost fivefold, from 0.8 million to 4.5 million tons.",
     "Output rose almost fivefold, from 0.8 million to 3.9 million tons.", "growth_recomputed"),
    ("свыше в N раза, ru",
     "Экспорт вырос свыше в 3 раза - с 100 млн до 280 млн долларов.",
     "Экспорт вырос свыше в 3 раза - с 100 млн до 350 млн долларов.", "growth_recomputed"),
    ("N-fold, en",
     "Output rose 3-fold, from 0.2 million to 1.2 million tons.",
     "Output rose 3-fold, from 0.4 million to 1.2 million tons.", "growth_recomputed"),
    ("более чем в N раза, ru",
     "Экспорт вырос более чем в 4 раза - с 100 млн до 380 млн долларов.",
     "Экспорт вырос более чем в 4 раза - с 100 млн до 450 млн долларов.", "growth_recomputed"),
    ("more than N times, en",
     "Exports rose more than 4 times, from $100 million to $380 million.",
     "Exports rose more than 4 times, from $100 million to $450 million.", "growth_recomputed"),
    ("a difference with its percent, ru",
     "Добыча увеличилась на 1,2 млн тонн, или на 20%, до 9,2 млн тонн.",
     "Добыча увеличилась на 1,2 млн тонн, или на 15%, до 9,2 млн тонн.", "growth_recomputed"),
    ("a difference with its percent, less, ru",
     "В 2024 году добыча составила 2,2 млн тонн, что на 300 тыс. тонн или 20% меньше, чем годом ранее.",
     "В 2024 году добыча составила 2,2 млн тонн, что на 300 тыс. тонн или 12% меньше, чем годом ранее.",
     "growth_recomputed"),
    ("a difference with its percent, en",
     "Cargo fell by 300,000 tons, or 20%, to 2.2 million tons in 2024.",
     "Cargo fell by 300,000 tons, or 12%, to 2.2 million tons in 2024.", "growth_recomputed"),
    ("a difference against both ends, ru",
     "Экспорт вырос на 100 млн долларов - с 400 млн до 550 млн долларов.",
     "Экспорт вырос на 100 млн долларов - с 400 млн до 500 млн долларов.", "difference_recomputed"),
    ("a share with its part and whole, ru",
     "В 2024 году экспорт нефти составил 30 млрд долларов, или 70% от общего экспорта в 50 млрд долларов.",
     "В 2024 году экспорт нефти составил 30 млрд долларов, или 60% от общего экспорта в 50 млрд долларов.",
     "share_recomputed"),
    ("X, or P% of Y, en",
     "Oil exports were $30 billion in 2024, or 70% of total exports of $50 billion.",
     "Oil exports were $30 billion in 2024, or 60% of total exports of $50 billion.", "share_recomputed"),
    ("P% из T, ru",
     "На нефть пришлось 70% из 50 млн тонн, или 30 млн тонн.",
     "На нефть пришлось 60% из 50 млн тонн, или 30 млн тонн.", "share_recomputed"),
    ("a remainder, ru",
     "Доля нефти в экспорте составила 60%, остальные 45% пришлись на прочие товары.",
     "Доля нефти в экспорте составила 60%, остальные 40% пришлись на прочие товары.", "remainder_of_whole"),
    ("a remainder, en",
     "Oil made up 60% of exports; the remaining 45% came from other goods.",
     "Oil made up 60% of exports; the remaining 40% came from other goods.", "remainder_of_whole"),
    ("a remainder two sentences on, past a change, en",
     "Oil accounted for 3% of exports in 2024. Trade rose by $150 million, or 47%, to $470 million. The remaining "
     "95% of exports went by rail.",
     "Oil accounted for 3% of exports in 2024. Trade rose by $150 million, or 47%, to $470 million. The remaining "
     "97% of exports went by rail.", "remainder_of_whole"),
    ("the rest as a percent and an amount, ru",
     "Экспорт нефти составил 30 млрд долларов, или 60% от общего экспорта в 50 млрд долларов, остальные 40% - "
     "25 млрд долларов - пришлись на прочие товары.",
     "Экспорт нефти составил 30 млрд долларов, или 60% от общего экспорта в 50 млрд долларов, остальные 40% - "
     "20 млрд долларов - пришлись на прочие товары.", "remainder_of_whole"),
    ("rose P% to Y in a period, from X a year earlier, en",
     "Oil exports rose 12% to 4.2 million tonnes in 2024, from 3.5 million tonnes a year earlier.",
     "Oil exports rose 12% to 4.2 million tonnes in 2024, from 3.75 million tonnes a year earlier.",
     "growth_recomputed"),
    ("Y, что на P% больше: the same months a year earlier implied, ru",
     "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше. За январь-сентябрь 2024 "
     "года порт перевалил 1,1 млн тонн грузов.",
     "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше. За январь-сентябрь 2024 "
     "года порт перевалил 1,2 млн тонн грузов.", "derived"),
    ("Y, что на P% больше, чем за аналогичный период прошлого года, ru",
     "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше, чем за аналогичный период "
     "прошлого года. За январь-сентябрь 2024 года порт перевалил 1,1 млн тонн грузов.",
     "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше, чем за аналогичный период "
     "прошлого года. За январь-сентябрь 2024 года порт перевалил 1,2 млн тонн грузов.", "derived"),
    ("Y of its goods, up P% year on year, en",
     "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% year on year. In "
     "January-September 2024 the port handled 1.1 million tons of cargo.",
     "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% year on year. In "
     "January-September 2024 the port handled 1.2 million tons of cargo.", "derived"),
    ("Y of its goods, up P% from the same period last year, en",
     "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% from the same period last year. "
     "In January-September 2024 the port handled 1.1 million tons of cargo.",
     "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% from the same period last year. "
     "In January-September 2024 the port handled 1.2 million tons of cargo.", "derived"),
    ("a rise from X to Y, the direction alone, ru",
     "В 2024 году экспорт зерна вырос с 15 млн тонн до 12 млн тонн.",
     "В 2024 году экспорт зерна вырос с 12 млн тонн до 15 млн тонн.", "growth_direction"),
    ("a fall from X to Y, the direction alone, ru",
     "Экспорт сократился с 15 млн тонн в 2023 году до 25 млн тонн в 2024 году.",
     "Экспорт сократился с 25 млн тонн в 2023 году до 15 млн тонн в 2024 году.", "growth_direction"),
    ("fell to Y from X, the direction alone, en",
     "Exports fell to 25 million tons in 2024 from 15 million tons in 2023.",
     "Exports fell to 15 million tons in 2024 from 25 million tons in 2023.", "growth_direction"),
    ("rose to Y from less than X: a hedge is no direction, en",
     "Exports rose to 4 million tons in 2024 from less than 5 million tons in 2023.",
     "Exports rose to 15 million tons in 2024 from less than 5 million tons in 2023.", "growth_direction"),
    ("growth hedged before its preposition, почти на P%, ru",
     "В 2024 году экспорт вырос почти на 10% - с 400 млн до 480 млн долларов.",
     "В 2024 году экспорт вырос почти на 10% - с 400 млн до 437 млн долларов.", "growth_recomputed"),
    ("growth by less than P%: its hedge is no fall, en",
     "Exports rose by less than 5% to $480 million in 2024, from $400 million in 2023.",
     "Exports rose by less than 5% to $415 million in 2024, from $400 million in 2023.", "growth_recomputed"),
    ("a whole, of which a part, or P%, en",
     "In 2024 the port handled 45,000 TEU, of which 30,000 TEU, or 75%, went through Aktau.",
     "In 2024 the port handled 45,000 TEU, of which 30,000 TEU, or 66.7%, went through Aktau.", "share_recomputed"),
    ("a whole, из которых a part, или P%, ru",
     "В 2024 году порт перевалил 5 млн тонн грузов, из которых 3 млн тонн, или 80%, пришлось на нефть.",
     "В 2024 году порт перевалил 5 млн тонн грузов, из которых 3 млн тонн, или 60%, пришлось на нефть.",
     "share_recomputed"),
    ("a whole, в том числе a part, ru",
     "В 2024 году порт перевалил 5,2 млн тонн грузов, в том числе 6,1 млн тонн нефти.",
     "В 2024 году порт перевалил 5,2 млн тонн грузов, в том числе 4,1 млн тонн нефти.", "part_within_whole"),
    ("a whole, including a part, en",
     "In 2024 the port handled 5.2 million tons of cargo, including 6.1 million tons of oil.",
     "In 2024 the port handled 5.2 million tons of cargo, including 4.1 million tons of oil.", "part_within_whole"),
    ("a list of shares and the rest, en",
     "Kazakhstan accounted for 43%, Uzbekistan for 18%, Turkmenistan for 12%, and the remaining 37% came from "
     "Kyrgyzstan.",
     "Kazakhstan accounted for 43%, Uzbekistan for 18%, Turkmenistan for 12%, and the remaining 27% came from "
     "Kyrgyzstan.", "remainder_of_whole"),
    ("a list of shares and the rest, ru",
     "На Казахстан пришлось 43%, на Узбекистан - 18%, на Туркменистан - 12%, остальные 37% - на Кыргызстан.",
     "На Казахстан пришлось 43%, на Узбекистан - 18%, на Туркменистан - 12%, остальные 27% - на Кыргызстан.",
     "remainder_of_whole"),
    ("a share at two times, en",
     "Uzbekistan's share in Kazakhstan's grain exports fell to 62% from 58% a year earlier.",
     "Uzbekistan's share in Kazakhstan's grain exports rose to 62% from 58% a year earlier.", "growth_direction"),
    ("a share at two times, ru",
     "Доля Узбекистана в экспорте зерна снизилась до 62% с 58% годом ранее.",
     "Доля Узбекистана в экспорте зерна выросла до 62% с 58% годом ранее.", "growth_direction"),
]
IDS = [case[0] for case in CASES]


def draft_and_check(text: str):
    """Draft the store from the text in memory and check it, as `check ARTICLE.txt` does with no store."""
    article = Article("claim.txt", text)
    draft = draft_store(article)
    return draft, check(parse_store(draft_yaml(draft), "claim.facts.yaml"), article)


def loud(report) -> list:
    """Warnings and errors; TODOs (S102) are for people reviewing a store, not about the article."""
    return [f for f in report.findings if f.severity in ("error", "warning") and f.code != "S102"]


def written(draft, kind: str) -> bool:
    return bool(draft.derived) if kind == "derived" else kind in {item["kind"] for item in draft.relations}


@pytest.mark.parametrize(("name", "planted", "twin", "kind"), CASES, ids=IDS)
def test_planted_inconsistency_is_found_on_the_claim(name, planted, twin, kind):
    draft, report = draft_and_check(planted)
    assert written(draft, kind), draft_yaml(draft)
    claim_end = planted.index(".", planted.index(" ")) if ". " in planted else len(planted)
    on_claim = [f for f in loud(report) if f.code in ("C101", "C102") and f.span is not None
                and f.span.line == 1 and f.span.column - 1 < claim_end]
    assert on_claim, [f.message for f in report.findings]


@pytest.mark.parametrize(("name", "planted", "twin", "kind"), CASES, ids=IDS)
def test_twin_whose_figures_agree_raises_nothing_above_info(name, planted, twin, kind):
    draft, report = draft_and_check(twin)
    assert written(draft, kind), draft_yaml(draft)
    assert not loud(report), [(f.code, f.message) for f in loud(report)]
    assert any(f.code in ("C103", "N101") for f in report.findings)  # the claim was judged, and holds


@pytest.mark.parametrize(("name", "planted", "twin", "kind"), CASES, ids=IDS)
def test_a_hard_wrapped_copy_makes_the_same_claims_and_findings(name, planted, twin, kind):
    """Text as e-mailed releases and PDF copies come: lines broken anywhere, a figure and its unit apart."""
    for text in (planted, twin):
        draft, report = draft_and_check(text)
        wrapped_draft, wrapped_report = draft_and_check(textwrap.fill(text, 30))
        assert [item["check"] for item in wrapped_draft.relations] == [item["check"] for item in draft.relations]
        assert [item["expr"] for item in wrapped_draft.derived] == [item["expr"] for item in draft.derived]
        assert sorted(f.code for f in loud(wrapped_report)) == sorted(f.code for f in loud(report))


def test_an_implied_base_has_its_period_measure_and_interval():
    draft, report = draft_and_check("В 2024 году экспорт составил 500 млн долларов, увеличившись на 25 процентов.")
    [base] = draft.derived
    assert (base["period"], base["measure"], base["unit"]) == ("2023", "exports", "million USD")
    [n101] = [f for f in report.findings if f.code == "N101"]
    assert n101.facts[0] == base["id"] and "[398.008, 402.008] million USD" in n101.message


@pytest.mark.parametrize("text", ["Экспорт в 2024 году достиг 500 млн долларов, превысив показатель прошлого года "
                                  "на 25%.",
                                  "Exports reached $500 million in 2024, 25% more than a year earlier."])
def test_a_level_then_its_change_implies_the_base(text):
    draft, report = draft_and_check(text)
    [base] = draft.derived
    assert base["expr"].startswith("exports_2024 / (1 + ") and base["period"] == "2023"
    assert "400 million USD" in next(f.message for f in report.findings if f.code == "N101")
    assert not loud(report)


@pytest.mark.parametrize("text", [
    "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше.",
    "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше, чем за аналогичный период "
    "прошлого года.",
    "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% year on year.",
    "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% from the same period last year."])
def test_a_level_then_its_change_after_a_comma_implies_the_same_months_a_year_earlier(text):
    """"1,44 млн тонн грузов, что на 20% больше": the level's other words, a comma, then its change; with no base
    named the base is the same months a year earlier."""
    draft, report = draft_and_check(text)
    [base] = draft.derived
    assert base["expr"] == "cargo_2025_01_09 / (1 + cargo_2025_01_09_growth)"
    assert base["period"] == "2024-01..2024-09"
    [n101] = [f for f in report.findings if f.code == "N101"]
    assert "1.2 million t" in n101.message and n101.span.line == 1
    assert not loud(report), [(f.code, f.message) for f in loud(report)]


@pytest.mark.parametrize(("text", "period"), [
    ("Exports rose 12% to 4.2 million tonnes in 2024, from 3.75 million tonnes a year earlier.", "2023"),
    ("Exports rose 12% to 4.2 million tonnes in 2024, from 3.75 million tonnes a year ago.", None)])  # from now
def test_a_year_earlier_names_the_base_period_not_a_rate(text, period):
    draft, _ = draft_and_check(text)
    [base] = [fact for fact in draft.facts if fact["figure"] == "3.75 million tonnes"]
    assert str(base["value"]) == "3.75 million t" and base.get("period") == period
    assert "per year" not in str(draft_store(Article("a.txt", "The plant makes 3.75 million tonnes a year.")).facts)


def test_a_hedged_multiple_is_checked_against_its_written_bound():
    """"почти в пять раз" is just below five: 0.8 -> 4.5 (5.2-6.1x) breaks "< 5"; the same drafted relation is no
    inferred duplicate."""
    draft, report = draft_and_check("В 2024 году перевалка выросла почти в пять раз - с 0,8 млн тонн в 2023 году "
                                    "до 4,5 млн тонн.")
    assert sorted(item["check"].split()[-2:][0] for item in draft.relations) == ["<", ">="]
    errors = [f for f in report.findings if f.code == "C101"]
    assert len(errors) == 1 and errors[0].severity == "error" and "< 5" in errors[0].message


def test_a_fall_is_a_negative_growth_and_a_change_is_no_level():
    draft, _ = draft_and_check("Cargo fell by 300,000 tons, or 12%, to 2.2 million tons in 2024.")
    facts = {fact["id"]: fact for fact in draft.facts}
    assert any(fact["value"] == "-12 percent" for fact in facts.values())
    change = next(fact for fact in facts.values() if fact.get("value") == "300000 t")
    assert "measure" not in change  # not a level of the cargo series, so never compared as one


def test_a_fall_after_a_claim_is_not_its_direction():
    draft, _ = draft_and_check("Container traffic jumped fourfold to 50,000 TEU, while transit cargo fell 8% to "
                               "3.2 million tons.")
    assert [item["expr"].split()[1] for item in draft.derived] == ["/", "/"]  # 50,000 / 4, 3.2 / (1 - 8 %)
    assert any(fact.get("value") == "-8 percent" for fact in draft.facts)


def test_figures_of_different_units_make_no_claim():
    draft, report = draft_and_check("Экспорт вырос на 5 млн тонн, или на 20%, до 300 млн долларов.")
    assert not draft.relations and not draft.derived
    assert not [f for f in report.findings if f.code == "C104"]


def test_init_writes_the_claims_and_check_reads_them_from_the_file(cli, tmp_path):
    """The command path: `init` writes the claim's relations into the draft file, `check` flags the claim."""
    article = tmp_path / "claim.en.txt"
    article.write_text("Exports reached $500 million in 2024, up 30% from $400 million in 2023.\n", encoding="utf-8")
    draft = tmp_path / "claim.en.facts.yaml"
    written = cli("init", str(article), "-o", str(draft))
    assert written.code == 0 and "from its claims: relations 2, implied values 0" in written.err
    assert "kind: growth_recomputed" in draft.read_text(encoding="utf-8")
    drafted = json.loads(cli("init", str(article), "-o", "-", "--json").out)
    assert (drafted["relations"], drafted["derived"]) == (2, 0)
    checked = cli("check", "--facts", str(draft), "--article", str(article), "--json")
    assert checked.code == 1
    findings = json.loads(checked.out)["findings"]
    assert any(f["code"] == "C101" and f["origin"] == "written" and f["span"]["text"] == "$500 million"
               for f in findings)


def _seed_article() -> Path | None:
    path = Path(os.environ.get("BAKUASTANA_ARTICLE", ROOT.parent / "shared" / "corpus" /
                               "kazinform-aliyev-interview.ru.txt"))
    return path if path.is_file() else None


@pytest.mark.skipif(_seed_article() is None, reason="the seed article is not here (set BAKUASTANA_ARTICLE or put "
                                                    "it in ../shared/corpus): its text stays out of the repo")
def test_the_seed_article_draft_implies_the_2023_trade_and_the_jan_aug_2024_bound():
    path = _seed_article()
    article = Article(str(path), path.read_text(encoding="utf-8"))
    draft = draft_store(article)
    store = parse_store(draft_yaml(draft), "seed.facts.yaml")
    from bakuastana.analysis.values import StoreEnv

    env = StoreEnv(store)
    implied = {(item.measure, item.period.text): env.value(item.id).interval for item in store.derived
               if item.period is not None}
    trade_2023 = implied[("trade_turnover", "2023")]
    assert Fraction(310) * 10**6 < trade_2023.lo and trade_2023.hi < Fraction(316) * 10**6  # about 313 M USD
    bound = implied[("trade_turnover", "2024-01..2024-08")]
    assert bound.hi <= Fraction(136875) * 1000  # "более чем в 4 раза ... 547 млн": below 136.75 M as written


@pytest.mark.parametrize(("text", "period"), [
    ("In January-August 2025 trade rose 50% y/y to $540 million.", "2024-01..2024-08"),
    ("In January-August 2025 trade rose 50% from a year earlier to $540 million.", "2024-01..2024-08"),
    ("In January-August 2025 trade grew more than fourfold year on year to $540 million.", "2024-01..2024-08"),
    ("In March 2025 exports rose 5% month on month to $540 million.", "2025-02"),
    ("В январе-августе 2025 года товарооборот вырос на 50% в годовом выражении до 540 млн долларов.",
     "2024-01..2024-08"),
    ("В марте 2025 года экспорт вырос на 5% по сравнению с предыдущим месяцем до 540 млн долларов.", "2025-02"),
])
def test_what_a_change_is_measured_against_between_it_and_the_level_keeps_the_claim(text, period):
    """"up 50% year on year to $540 million": the words naming the base ("year on year", "по сравнению с
    аналогичным периодом прошлого года") stand between the change and its level and are read over, as a period
    phrase is; the base period is the one they name."""
    draft, report = draft_and_check(text)
    [base] = draft.derived
    assert base["period"] == period
    assert any(f.code == "N101" for f in report.findings)


def test_claim_words_no_language_has_never_match():
    """A kind of claim word that no language of the set writes is a pattern that never matches (not an empty one,
    which would match everywhere: every gap a link, every figure a change)."""
    from bakuastana.draft.claims import _words_of

    words = _words_of(())
    patterns = [*words.links.values(), *words[1:]]
    assert len(patterns) == len(words.links) + 10
    for pattern in patterns:
        assert pattern.search("") is None and pattern.search(" вырос на 5 % year on year to ") is None, pattern


def test_the_rest_of_a_part_named_after_the_share_is_no_rest_of_the_whole():
    """"1.9 Mt, or 56% of the total. Kuryk 1.1 Mt and Aktau the remaining 0.8 Mt": the 0.8 is what the 1.9 leaves."""
    draft, report = draft_and_check("Aktau and Kuryk ports handled 1.9 million tonnes, or 56% of the total. Kuryk "
                                    "accounted for 1.1 million tonnes and Aktau for the remaining 0.8 million tonnes.")
    assert not [item for item in draft.relations if item["kind"] == "remainder_of_whole"], draft.relations
    assert not loud(report), [f.message for f in loud(report)]


@pytest.mark.parametrize("text", [
    "Kazakhstan's exports rose 12% to $5.6 billion, compared with $3.1 billion for Uzbekistan.",
    "Kazakhstan's exports rose 12% to $5.6 billion, against $3.1 billion of imports.",
    "Экспорт Казахстана вырос на 12% до 5,6 млрд долларов против 3,1 млрд долларов у Узбекистана.",
])
def test_a_figure_compared_for_another_subject_or_measure_is_no_base(text):
    """"compared with $3.1 billion for Uzbekistan": another subject's (or measure's) level, not the change's base."""
    draft, report = draft_and_check(text)
    assert not [item for item in draft.relations if item["kind"] == "growth_recomputed"], draft.relations
    assert not loud(report), [f.message for f in loud(report)]
    assert [f.code for f in report.findings if f.code == "N101"] == ["N101"]  # the base is implied instead
