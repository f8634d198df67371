"""check --article on an edited draft: every meaningful edit raises a finding, wording that keeps the
meaning raises none; provenance, coverage, names, acronyms and encodings. Texts written for these tests."""

import json
from pathlib import Path

import pytest

from bakuastana.cli.inputs import check_files as check
from conftest import SEED_STORE

DATA = Path(__file__).parent / "data"
STORE = DATA / "mini_facts.yaml"
ORIGINAL = (DATA / "mini_article.ru.txt").read_text(encoding="utf-8")


def problems(tmp_path, text, store=STORE):
    """Warnings and errors of a check, without their places (an edit moves spans)."""
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    report = check(store, path)
    return {(f.code, f.severity, f.message) for f in report.findings if f.severity != "info"}, report


def test_original_draft_is_clean(tmp_path):
    found, report = problems(tmp_path, ORIGINAL)
    assert found == set()
    assert report.coverage == 0.75  # "января", "июнь 2025 года" and "Первый" have no fact of their own


@pytest.mark.parametrize(("old", "new", "code"), [
    ("820 млн. долларов", "802 млн. долларов", "P101"),  # figure
    ("4,2 млн. тонн", "4,2 млн. долларов", "P101"),  # unit
    ("820 млн. долларов", "820 млрд. долларов", "P101"),  # scale word
    ("14 февраля 2025 года", "15 февраля 2025 года", "P101"),  # date
    ("седьмое соглашение", "шестое соглашение", "P101"),  # ordinal
    ("около 240 километров", "более 240 километров", "P101"),  # hedge
    ("Министр транспорта Георгий Бекаури", "Министр транспорта Георгий Бекоури", "T103"),  # name
    ("что ТКЖД работает", "что ТЖКД работает", "T101"),  # acronym
    ("достиг 4,2 млн. тонн", "достиг 9,2 млн. тонн", "C101"),  # a figure that breaks a relation, as written
])
def test_each_meaningful_edit_raises_a_new_finding(tmp_path, old, new, code):
    assert old in ORIGINAL
    before, _ = problems(tmp_path, ORIGINAL)
    after, _ = problems(tmp_path, ORIGINAL.replace(old, new, 1))
    new_findings = after - before
    assert any(found[0] == code for found in new_findings), new_findings


@pytest.mark.parametrize(("old", "new"), [
    ("820 млн. долларов", "820 миллионов долларов"),
    ("около 240 километров", "около 240 км"),
    ("4,2 млн. тонн", "4,2 миллиона тонн"),
    ("пропускная способность - до", "пропускная способность — до"),
    ("(ТКЖД), достиг", "(ТКЖД),\nдостиг"),  # a re-flowed line inside a quote
    ("составил 820 млн. долларов, увеличившись", "составил\n820 млн. долларов,\nувеличившись"),
])
def test_wording_that_keeps_the_meaning_raises_nothing(tmp_path, old, new):
    assert old in ORIGINAL
    after, report = problems(tmp_path, ORIGINAL.replace(old, new))
    assert after == set()
    assert report.coverage == 0.75


def test_changed_figure_is_checked_as_written(tmp_path):
    _, report = problems(tmp_path, ORIGINAL.replace("достиг 4,2 млн. тонн", "достиг 9,2 млн. тонн"))
    [changed] = [f for f in report.findings if f.code == "P101"]
    assert changed.stated == "9,2 млн. тонн" and changed.fix == "4,2 млн. тонн"
    assert changed.span.text == "9,2 млн. тонн" and changed.span.line == 5
    [violated] = [f for f in report.findings if f.code == "C101"]
    assert "1.533 million t/month" in violated.message or "million t" in violated.message
    assert violated.facts[0] == "cargo_janjun"


def test_quote_gone_is_reported(tmp_path):
    text = ORIGINAL.replace("Протяженность новой линии составит около 240 километров", "Линия будет длинной")
    found, _ = problems(tmp_path, text)
    assert ("P102", "warning", "line_length: quote not found in the article") in found


def test_figure_removed_is_reported(tmp_path):
    found, _ = problems(tmp_path, ORIGINAL.replace("седьмое соглашение", "соглашение"))
    assert any(code in ("P102", "P103") for code, _, _ in found)


def test_acronym_learnt_from_the_text_itself(tmp_path):
    text = ORIGINAL.replace("Первый контейнерный поезд", "Через Южный транзитный коридор (ЮТК) первый поезд")
    text += "\nПо ЮКТ пойдут и другие поезда.\n"
    found, _ = problems(tmp_path, text)
    assert ("T101", "error", "ЮКТ looks like ЮТК (Южный транзитный коридор) with two letters swapped") in found


def test_inflected_names_are_not_near_misses(tmp_path):
    text = ORIGINAL + "\nБекаури встретился с коллегой. Слова Бекаури подтвердил и Георгием Бекаури.\n"
    found, _ = problems(tmp_path, text)
    assert not any(code == "T103" for code, _, _ in found)


def test_windows_1251_article_is_read_with_a_note(tmp_path, cli):
    path = tmp_path / "draft.txt"
    path.write_bytes(ORIGINAL.encode("cp1251"))
    result = cli("check", "--facts", str(STORE), "--article", str(path), "--json")
    assert result.code == 0
    assert "decoded as Windows-1251" in result.err
    assert json.loads(result.out)["summary"]["coverage"] == 0.75


def test_undecodable_article_is_refused(tmp_path, cli):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\x81\x98\x83\xff\xfe" * 20)
    result = cli("check", "--facts", str(STORE), "--article", str(path))
    assert result.code == 2 and "neither UTF-8 nor clearly Windows-1251" in result.err
    assert result.out == ""


def test_extract_json_contract(cli):
    data = json.loads(cli("extract", str(DATA / "mini_article.ru.txt"), "--facts", str(STORE), "--json").out)
    assert data["schema"] == "bakuastana.extract/1" and data["coverage"] == 0.75
    trade = next(f for f in data["figures"] if f["text"] == "820 млн. долларов")
    assert trade == {**trade, "value": 820000000, "unit": "USD", "kind": "amount", "hedge": None,
                     "fact": "trade_2024"}
    assert trade["span"]["line"] == 3 and trade["span"]["text"] == "820 млн. долларов"
    unbound = cli("extract", str(DATA / "mini_article.ru.txt"), "--json")
    assert json.loads(unbound.out)["coverage"] is None


def test_seed_article_binds_at_least_95_percent(seed_article):
    report = check(SEED_STORE, seed_article)
    assert report.coverage >= 0.95
    unbound = [f.stated for f in report.findings if f.code == "P104"]
    assert len(unbound) <= (1 - report.coverage) * 80
    assert [f.code for f in report.findings if f.severity == "error"] == ["T101"]
    t101 = next(f for f in report.findings if f.code == "T101")
    assert t101.span.text == "БДТ" and t101.span.line == 79 and t101.facts == ["btc_reduces_russia_route"]


def test_seed_article_edits_are_caught(tmp_path, seed_article):
    original = seed_article.read_text(encoding="utf-8")
    before, _ = problems(tmp_path, original, SEED_STORE)
    for old, new in [("470 млн. долларов", "407 млн. долларов"), ("седьмым", "восьмым"),
                     ("27 января 2025 года", "27 января 2024 года"), ("(БТД) до 7", "(БДТ) до 7")]:
        assert old in original
        after, _ = problems(tmp_path, original.replace(old, new, 1), SEED_STORE)
        assert after - before, f"no new finding for {old} -> {new}"


def test_changed_unit_makes_relations_and_implied_values_not_computable(tmp_path):
    _, report = problems(tmp_path, ORIGINAL.replace("4,2 млн. тонн", "4,2 млн. долларов"))
    [c104] = [f for f in report.findings if f.code == "C104"]
    assert c104.facts[0] == "cargo_janjun" and "cannot compare" in c104.message
    _, report = problems(tmp_path, ORIGINAL.replace("на 12 процентов", "на 12 тонн"))
    [n102] = [f for f in report.findings if f.code == "N102"]
    assert n102.facts[0] == "trade_2023_implied" and "cannot add" in n102.message


def test_a_range_figure_reads_its_unit_from_its_neighbour(tmp_path):
    store = tmp_path / "facts.yaml"
    store.write_text("""\
names:
  - {id: pipeline, canonical: Газопровод Южный}
facts:
  - {id: trade_2023, topic: t, label: Trade 2023, value: 790 million USD, period: 2023, figure: 790 млн,
     quote: "вырос с 790 млн до 950 млн долларов"}
""", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Товарооборот вырос с 790 млн до 950 млн долларов.\nГазопровод работает.\n",
                       encoding="utf-8")
    report = check(store, article)
    assert [f.code for f in report.findings if f.severity != "info"] == []  # no P101, no T103 for "Газопровод"
    article.write_text("Товарооборот вырос с 790 млн до 950 млн тонн.\n", encoding="utf-8")
    assert any(f.code == "P101" and "unit" in f.message for f in check(store, article).findings)


def test_t102_lists_a_name_the_store_does_not_hold(tmp_path):
    text = ORIGINAL + "\nГруз доставил оператор Silknet, а ТКЖД его приняла.\n"
    _, report = problems(tmp_path, text)
    [unlisted] = [f for f in report.findings if f.code == "T102"]
    assert unlisted.severity == "info" and unlisted.stated == "Silknet"
    bekauri = "    canonical: Георгий Бекаури\n"
    listed = STORE.read_text(encoding="utf-8").replace(bekauri, bekauri + "  - {id: s, canonical: Silknet}\n")
    store = tmp_path / "listed.yaml"
    store.write_text(listed, encoding="utf-8")
    _, report = problems(tmp_path, text, store)
    assert [f for f in report.findings if f.code == "T102"] == []
