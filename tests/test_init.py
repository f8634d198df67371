"""`init` drafts a store from an article alone, and `check` on that draft (no relation written by hand) finds the
inconsistencies planted in three small news texts, and nothing on the figures that agree."""

import json
from pathlib import Path

import pytest

from bakuastana.store.load import load_store
from conftest import ROOT

TEXTS = ROOT / "tests" / "data" / "init"

# Per text: the planted inconsistencies, each as (severity, the facts of its C101 finding, what it is).
PLANTED = {
    "georgia-armenia-trade.ru.txt": {
        ("error", ("trade_turnover_2024", "trade_turnover_2023")):
            "growth recomputed: 790 -> 950 is +20 %, not +25 % (checked as >= 24.5 %)",
        ("error", ("trade_turnover_share", "trade_turnover_share_2")): "shares of trade 58 % + 47 % > 100 %",
        ("warning", ("trade_turnover_2022", "trade_turnover_2023")): "steady growth broken: 840 then 790",
        ("error", ("trade_turnover_2024_01_06", "trade_turnover_2024")): "Jan-Jun 2024 (980) above all of 2024 (950)",
    },
    "aktau-port-cargo.ru.txt": {
        ("error", ("cargo_2024", "cargo_2023")): "0.8 -> 4.5 Mt is 5.6x, not almost 5x (checked as < 5)",
        ("error", ("cargo_2021_2024", "cargo_2021", "cargo_2022", "cargo_2023", "cargo_2024")):
            "2021-2024 total 8.5 Mt below its years (9.0 Mt)",
        ("error", ("cargo_share", "cargo_share_2")): "shares of cargo 72 % + 35 % > 100 %",
        ("warning", ("cargo_2022", "cargo_2023")): "steady growth broken: 2.1 then 0.8 Mt",
    },
    "south-caucasus-gas.ru.txt": {
        ("error", ("supplies_2024", "supplies_2023")): "21.4 -> 23.1 bcm is +7.9 %, not 15 % (checked as >= 14.5 %)",
        ("error", ("supplies_share", "supplies_share_2")): "shares of supplies 64 % + 41 % > 100 %",
        ("warning", ("supplies_2022", "supplies_2023")): "steady growth broken: 22 then 21.4 bcm",
        ("warning", ("supplies_2024_01_03", "supplies_2024")): "Jan-Mar 1.2 bcm implausible against 23.1 for 2024",
    },
}
# Relations over figures that agree: each must be inferred and hold.
AGREEING = {
    "georgia-armenia-trade.ru.txt": [("exports_2024", "exports_2023"),
                                     ("trade_turnover_2021", "trade_turnover_2022")],
    "aktau-port-cargo.ru.txt": [("cargo_by_2027", "cargo_2025"), ("cargo_2025_01_09", "cargo_2025"),
                                ("cargo_2024", "cargo_2025")],
    "south-caucasus-gas.ru.txt": [("supplies_2022", "supplies_2021", "supplies_2022_growth"),
                                  ("supplies_by_2027", "supplies_2024")],
}


def draft_and_check(cli, tmp_path: Path, article: Path, *extra: str) -> tuple[Path, dict]:
    draft = tmp_path / f"{article.stem}.facts.yaml"
    result = cli("init", str(article), "-o", str(draft), *extra)
    assert result.code == 0, result.err
    checked = cli("check", "--facts", str(draft), "--article", str(article), "--json")
    assert checked.code in (0, 1), checked.err
    return draft, json.loads(checked.out)


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_check_on_the_draft_finds_each_planted_inconsistency_and_nothing_else(cli, tmp_path, name):
    draft, report = draft_and_check(cli, tmp_path, TEXTS / name)
    load_store(draft)
    loud = [f for f in report["findings"] if f["severity"] in ("error", "warning") and f["code"] != "S102"]
    found = {(f["severity"], tuple(f["facts"])) for f in loud}
    assert all(f["code"] == "C101" for f in loud), loud  # inferred, or written by the draft from a claim
    assert found == set(PLANTED[name]), {key: PLANTED[name].get(key, "unexpected") for key in found}
    holds = {tuple(f["facts"]) for f in report["findings"] if f["code"] == "C103"}
    assert set(AGREEING[name]) <= holds
    assert report["summary"]["coverage"] >= 0.95


def test_draft_guesses_periods_measures_shares_trends_and_names(cli, tmp_path):
    draft, _ = draft_and_check(cli, tmp_path, TEXTS / "georgia-armenia-trade.ru.txt")
    store = load_store(draft)
    facts = store.fact_by_id
    assert facts["trade_turnover_2024"].period.text == "2024"
    assert facts["trade_turnover_2024"].value_text == "950 million USD"
    assert facts["trade_turnover_2023"].period.text == "2023"  # "вырос с 790 до 950" in 2024: 790 is 2023's
    assert facts["trade_turnover_2024_01_06"].period.text == "2024-01..2024-06"
    assert facts["exports_2024"].hedge is None  # "увеличился ... до 385": "to", not "up to"
    assert facts["trade_turnover_trend"].trend == "rising" and facts["trade_turnover_trend"].kind == "claim"
    assert facts["trade_turnover_share"].share_of == "trade_turnover"
    assert facts["trains_2024"].value_text == "420 train"
    assert facts["date_2025_09_12"].value_text == "2025-09-12"
    assert facts["ordinal_7"].kind == "ordinal"
    assert any(name.abbreviations == ["ГЖД"] and name.canonical == "Грузинская железная дорога"
               for name in store.names)
    assert any(name.canonical == "TransCaucasus Logistics" for name in store.names)
    assert store.source.language == "ru" and store.source.published is None
    assert facts["trade_turnover_2025_01_09"].todo  # "он достиг": the measure came from an earlier sentence
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# Draft fact store") and "# published: YYYY-MM-DD" in text


def test_relative_periods_need_the_publication_date(cli, tmp_path):
    article = tmp_path / "relative.ru.txt"
    article.write_text("Экспорт зерна\n\nС 2023 года по настоящее время экспорт зерна составил 9 млн тонн. "
                       "В прошлом году экспорт зерна достиг 4 млн тонн, а за девять месяцев текущего года - "
                       "3,5 млн тонн.\n", encoding="utf-8")
    without, _ = draft_and_check(cli, tmp_path, article)
    assert all(fact.period is None and "source.published" in fact.todo
               for fact in load_store(without).facts if fact.measure)
    (tmp_path / "relative.ru.facts.yaml").unlink()
    dated, report = draft_and_check(cli, tmp_path, article, "--published", "2025-10-21")
    periods = {fact.value_text: fact.period.text for fact in load_store(dated).facts if fact.period}
    assert periods == {"9 million t": "2023..", "4 million t": "last_year",
                       "3.5 million t": "this_year-01..this_year-09"}
    assert report["summary"]["errors"] == 0


def test_init_refuses_to_overwrite_without_force(cli, tmp_path):
    target = tmp_path / "facts.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    article = TEXTS / "aktau-port-cargo.ru.txt"
    refused = cli("init", str(article), "-o", str(target))
    assert refused.code == 2 and "already exists" in refused.err and "--force" in refused.err
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = cli("init", str(article), "-o", str(target), "--force")
    assert forced.code == 0 and load_store(target).facts


def test_init_to_stdout_prints_yaml_only(cli):
    import yaml

    result = cli("init", str(TEXTS / "south-caucasus-gas.ru.txt"), "-o", "-")
    assert result.code == 0
    data = yaml.safe_load(result.out)
    assert data["schema"] == "bakuastana.facts/1" and len(data["facts"]) > 10


def test_init_bad_input_is_exit_2(cli, tmp_path):
    assert cli("init", str(tmp_path / "missing.txt"), "-o", "-").code == 2
    bad = cli("init", str(TEXTS / "aktau-port-cargo.ru.txt"), "-o", "-", "--published", "21.10.2025")
    assert bad.code == 2 and "--published" in bad.err


def test_init_on_the_seed_article_loads_checks_and_covers(cli, tmp_path, seed_article):
    draft, report = draft_and_check(cli, tmp_path, seed_article)
    store = load_store(draft)
    assert len(store.facts) >= 50
    assert report["summary"]["coverage"] >= 0.95
    assert {"T101"} <= {f["code"] for f in report["findings"]}  # БДТ against the БТД the text defines
    assert not [f for f in report["findings"] if f["code"].startswith(("P10", "S101")) and f["severity"] != "info"]


RELATIVE_TEXT = ("Экспорт зерна\n\nС 2023 года по настоящее время экспорт зерна составил 9 млн тонн. В прошлом году "
                 "экспорт зерна достиг 4 млн тонн, а за девять месяцев текущего года - 3,5 млн тонн.\n")


def test_drafting_takes_the_text_and_returns_data_the_command_only_reads_and_writes(cli, tmp_path):
    from datetime import date

    from bakuastana.draft import draft_store, draft_yaml
    from bakuastana.store.load import parse_store
    from bakuastana.text.article import Article

    draft = draft_store(Article(str(tmp_path / "never-written" / "grain.ru.txt"), RELATIVE_TEXT), date(2025, 10, 21))
    assert not (tmp_path / "never-written").exists()
    assert draft.source == {"language": "ru", "article": "grain.ru.txt", "title": "Экспорт зерна",
                            "published": "2025-10-21"}
    assert {fact["value"]: fact.get("period") for fact in draft.facts} == {
        "9 million t": "2023..", "4 million t": "last_year", "3.5 million t": "this_year-01..this_year-09"}
    assert [fact["id"] for fact in draft.facts] == ["exports_since_2023", "exports_last_year",
                                                   "exports_this_year_01_this_year_09"]
    text = draft_yaml(draft)
    assert [fact.id for fact in parse_store(text, "draft").facts] == [fact["id"] for fact in draft.facts]
    article = tmp_path / "grain.ru.txt"
    article.write_text(RELATIVE_TEXT, encoding="utf-8")
    printed = cli("init", str(article), "-o", "-", "--published", "2025-10-21")
    assert printed.code == 0 and printed.out == text


def test_drafting_reads_the_words_of_every_registered_language(cli, tmp_path):
    """English period phrases and measure words in a Russian article are read too: news quotes other languages."""
    article = tmp_path / "mixed.ru.txt"
    article.write_text("Торговля в регионе\n\nПо данным отчета, в 2024 году экспорт зерна составил 5 млн тонн, "
                       "а в Q1 2025 oil transit достиг 2 млн тонн.\n", encoding="utf-8")
    draft, _ = draft_and_check(cli, tmp_path, article)
    facts = {fact.id: fact for fact in load_store(draft).facts}
    assert facts["exports_2024"].value_text == "5 million t"
    assert facts["oil_transit_2025_01_03"].period.text == "2025-01..2025-03"


@pytest.fixture
def third_language(monkeypatch):
    """A made-up language "xx" registered as docs/languages.md says, with a drafting module of its own words."""
    import dataclasses
    import sys
    import types

    from bakuastana import lang

    drafting = types.ModuleType("xx_drafting")
    drafting.MEASURE_STEMS = (("exports", 0, r"ixrac\w*"),)
    package = types.ModuleType("xx_language")
    package.LEXICON = dataclasses.replace(lang.lexicon("en"), code="xx", name="Toy",
                                          alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyz")
    monkeypatch.setitem(sys.modules, "xx_language", package)
    monkeypatch.setitem(sys.modules, "bakuastana.lang.xx.drafting", drafting)
    monkeypatch.setitem(lang.LANGUAGES, "xx", "xx_language")
    yield
    lang.lexicon.cache_clear()


def test_a_third_language_drafts_with_the_words_of_its_drafting_module(third_language):
    from bakuastana.draft import draft_store
    from bakuastana.text.article import Article

    draft = draft_store(Article("ixrac.xx.txt", "Ixrac\n\nİxrac 2024 ildə 5 million tonnes oldu, şəhər üçün çox.\n"))
    assert draft.source["language"] == "xx"
    assert [(fact["id"], fact["measure"], fact["period"]) for fact in draft.facts] == [
        ("exports_2024", "exports", "2024")]
