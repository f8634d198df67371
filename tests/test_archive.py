"""The archive as one body of facts: subjects, the SQLite index, show --archive and the cross-article rules (X).

The X rules' fixtures are run here, not in test_rule_fixtures.py: tests/rules/X10n/{planted,clean}/ is each a
folder of several articles (outlets as subfolders) and an expected.json of that code's findings, each with the
article (`path`, relative to the case folder) and the place of its figure.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bakuastana.archive.articles import analyse_article
from bakuastana.archive.cross import check_archive
from bakuastana.archive.index import SCHEMA_VERSION, analyse_items, archive_items, build_index
from bakuastana.archive.query import open_archive, topic_facts
from bakuastana.cli.app import app
from bakuastana.draft.subjects import store_vocabulary, subjects_of
from bakuastana.errors import BadInput
from bakuastana.rules import CROSS, RULES
from bakuastana.store.load import parse_store

ARCHIVE = Path(__file__).parent / "data" / "archive"
FIXTURES = Path(__file__).parent / "rules"
runner = CliRunner()

# The disagreements planted in tests/data/archive, each (code, the article it is reported at, line, column).
PLANTED = [
    ("X101", "lsm/btc-oil-2024-10.ru.txt", 5, 51),  # 1,4 млн тонн where three outlets say 1.1 million tonnes
    ("X102", "trend/middle-corridor-2025-02.ru.txt", 5, 81),  # "по уточнённым данным" 58,4 тыс. TEU after 56.5
    ("X103", "lsm/trade-2024-10.en.txt", 5, 85),  # up 35% to $360 million on a base of 300 million: 20%
    ("X104", "kazinform/btc-oil-2024-11.ru.txt", 5, 75),  # January-October below January-September
]


# subjects --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("quote", "subjects"), [
    ("по нефтепроводу Баку-Тбилиси-Джейхан прокачано 1,1 млн тонн казахстанской нефти", ["btc", "kazakhstan"]),
    ("1.1 million tonnes of Kazakh oil were shipped through the Baku-Tbilisi-Ceyhan pipeline", ["kazakhstan", "btc"]),
    ("по БТД прокачано", ["btc"]),
    ("through BTC", ["btc"]),
    ("перевозки по Среднему коридору", ["middle_corridor"]),
    ("перевозки по ТМТМ", ["middle_corridor"]),
    ("по Транскаспийскому международному транспортному маршруту", ["middle_corridor"]),
    ("container freight on the Middle Corridor (TITR)", ["middle_corridor"]),
    ("через порт Актау", ["aktau"]),
    ("via Aktau", ["aktau"]),
    ("товарооборот Казахстана и Азербайджана", ["kazakhstan", "azerbaijan"]),
    ("Trade between Azerbaijan and Kazakhstan", ["azerbaijan", "kazakhstan"]),
    ("грузовые перевозки выросли", []),  # "грузовые" is no form of "Грузия"
    ("the btc price", []),  # an acronym only as written
])
def test_subjects_are_the_same_ids_across_languages_and_forms(quote, subjects):
    assert subjects_of(quote) == subjects


def test_a_store_extends_the_vocabulary_with_its_names():
    store = parse_store("""
names:
  - id: kztm
    canonical: Казахстанско-туркменский маршрут
    abbreviations: [КТМ]
    entity: kz_tm_route
facts:
  - id: cargo
    topic: cargo
    label: Cargo on the route
    value: 2 million t
    quote: по КТМ перевезено 2 млн тонн
    subjects: [kz_tm_route, kazakhstan]
""", "store.yaml")
    assert store.facts[0].subjects == ["kz_tm_route", "kazakhstan"]
    assert store.names[0].entity == "kz_tm_route"
    assert subjects_of("по КТМ перевезено", store_vocabulary(store.names)) == ["kz_tm_route"]
    assert subjects_of("по КТМ перевезено") == []


def test_init_fills_subjects(tmp_path):
    article = tmp_path / "a.ru.txt"
    article.write_text("В январе-сентябре 2024 года через порт Актау перевалено 3,2 млн тонн грузов.\n",
                       encoding="utf-8")
    result = runner.invoke(app, ["init", str(article), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "  subjects:\n  - aktau\n" in result.stdout


# the index -------------------------------------------------------------------------------------------------


def test_index_then_show_lists_the_series_with_its_sources(tmp_path):
    db_path = tmp_path / "archive.sqlite"
    result = runner.invoke(app, ["index", str(ARCHIVE), "-o", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "13 articles indexed (14 facts), 0 unchanged, 0 failed" in result.stdout
    shown = runner.invoke(app, ["show", "oil", "--archive", str(db_path)])
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[0] == "oil [btc, kazakhstan] (amount): 5 values in 5 articles"
    rows = [line.split() for line in lines[2:7]]
    assert [(row[0], row[-3], row[-2]) for row in rows] == [
        ("2024-01..2024-09", "kazinform", "2024-10-14"), ("2024-01..2024-09", "azertac", "2024-10-15"),
        ("2024-01..2024-09", "trend", "2024-10-16"), ("2024-01..2024-09", "lsm", "2024-10-18"),
        ("2024-01..2024-10", "kazinform", "2024-11-14")]
    assert rows[0][-1].endswith("kazinform/btc-oil-2024-10.ru.txt:5:76")
    assert "oil: mass by period, in t (9-month periods, not comparable with years)" in shown.stdout
    as_json = json.loads(runner.invoke(app, ["show", "trade_turnover", "--archive", str(db_path), "--json"]).stdout)
    figures = {(item["outlet"], item["figure"]) for item in as_json["facts"]}
    assert {("kazinform", "360 млн долларов"), ("azertac", "$0.36 billion"), ("trend", "$500 million")} <= figures


def test_reindexing_skips_unchanged_articles_and_redoes_a_changed_one(tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    db_path = tmp_path / "a.sqlite"
    first = build_index(archive, db_path)
    assert (first.indexed, first.skipped, first.errors) == (13, 0, [])
    again = build_index(archive, db_path)
    assert (again.indexed, again.skipped) == (0, 13)
    changed = archive / "lsm" / "btc-oil-2024-10.ru.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("1,4 млн", "1,1 млн"), encoding="utf-8")
    third = build_index(archive, db_path)
    assert (third.indexed, third.skipped) == (1, 12)
    db = open_archive(db_path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA_VERSION,)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone() == (13,)
    lsm = [item for item in topic_facts(db, "oil") if item.outlet == "lsm"]
    assert [item.row.figure for item in lsm] == ["1,1 млн тонн"]
    db.close()
    changed.unlink()
    fourth = build_index(archive, db_path)
    assert (fourth.indexed, fourth.skipped, fourth.removed) == (0, 12, 1)
    db = open_archive(db_path)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone() == (12,)
    assert db.execute("SELECT COUNT(*) FROM facts WHERE article NOT IN (SELECT id FROM articles)").fetchone() == (0,)
    db.close()


def test_a_manifest_is_indexed_with_its_stores(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("В 2024 году через порт Актау перевалено 3,2 млн тонн грузов.\n", encoding="utf-8")
    (tmp_path / "a.facts.yaml").write_text("""
source:
  outlet: Kazinform
  published: 2025-01-10
facts:
  - id: aktau_cargo_2024
    topic: cargo
    measure: cargo
    label: Cargo through Aktau in 2024
    value: 3.2 million t
    period: 2024
    figure: 3,2 млн тонн
    quote: через порт Актау перевалено 3,2 млн тонн грузов
""", encoding="utf-8")
    (tmp_path / "archive.yaml").write_text("- article: a.txt\n  facts: a.facts.yaml\n", encoding="utf-8")
    report = build_index(tmp_path / "archive.yaml", tmp_path / "a.sqlite")
    assert (report.indexed, report.facts, report.errors) == (1, 1, [])
    db = open_archive(tmp_path / "a.sqlite")
    [item] = topic_facts(db, "cargo")
    db.close()
    assert (item.outlet, item.published, item.row.subjects, item.row.period) == (
        "Kazinform", "2025-01-10", ("aktau",), "2024")
    assert (item.row.line, item.row.column) == (1, 41)  # "3,2 млн тонн" after "...перевалено "


def test_an_interrupted_run_leaves_whole_articles(tmp_path, monkeypatch):
    from bakuastana.archive import index

    db_path = tmp_path / "a.sqlite"
    written = []

    def failing_write(db, result):
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(result.article)
        original(db, result)

    original = index.write_article
    monkeypatch.setattr(index, "write_article", failing_write)
    with pytest.raises(KeyboardInterrupt):
        build_index(ARCHIVE, db_path)
    db = sqlite3.connect(db_path)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone() == (2,)
    assert db.execute("SELECT COUNT(DISTINCT article) FROM facts").fetchone() == (2,)
    db.close()
    monkeypatch.setattr(index, "write_article", original)
    resumed = build_index(ARCHIVE, db_path)
    assert (resumed.indexed, resumed.skipped) == (11, 2)


def test_an_index_of_another_schema_version_is_refused(tmp_path):
    db_path = tmp_path / "old.sqlite"
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('schema', '0')")
    db.commit()
    db.close()
    result = runner.invoke(app, ["show", "oil", "--archive", str(db_path)])
    assert isinstance(result.exception, BadInput)  # main() prints it as one line and exits 2
    assert "archive index of schema version 0" in str(result.exception)


def test_the_per_article_function_is_pure_and_picklable():
    import pickle

    article = str(ARCHIVE / "kazinform" / "btc-oil-2024-10.ru.txt")
    first, second = analyse_article(article, None, "kazinform"), analyse_article(article, None, "kazinform")
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == first
    assert (first.published, first.language, first.outlet) == ("2024-10-14", "ru", "kazinform")
    assert [(row.measure, row.subjects, row.period) for row in first.facts] == [
        ("oil", ("btc", "kazakhstan"), "2024-01..2024-09")]


def test_an_unreadable_article_is_its_error_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken\x00")
    result = analyse_article(str(bad), None)
    assert result.error is not None and result.facts == ()


# cross-article rules ---------------------------------------------------------------------------------------


def test_check_cross_finds_each_planted_disagreement_and_nothing_else():
    result = runner.invoke(app, ["check", str(ARCHIVE), "--cross", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    found = [(item["code"], Path(item["span"]["path"]).relative_to(ARCHIVE).as_posix(), item["span"]["line"],
              item["span"]["column"]) for item in data["findings"]]
    assert sorted(found) == sorted(PLANTED)
    assert data["articles"] == 13


def test_check_cross_reads_an_index_as_the_folder(tmp_path):
    db_path = tmp_path / "a.sqlite"
    build_index(ARCHIVE, db_path)
    from_folder = runner.invoke(app, ["check", str(ARCHIVE), "--cross"])
    from_index = runner.invoke(app, ["check", str(db_path), "--cross"])
    assert from_index.exit_code == 0 and from_index.stdout == from_folder.stdout
    assert from_index.stdout.endswith("13 articles compared: 3 warnings, 1 info across articles\n")
    strict = runner.invoke(app, ["check", str(db_path), "--cross", "--strict"])
    assert strict.exit_code == 1


def test_check_cross_selects_by_code_prefix_or_rule_name():
    """--select takes rule names too, as the help says: "same-measure-differs" is X101, whatever the case."""
    def codes(*select):
        result = runner.invoke(app, ["check", str(ARCHIVE), "--cross", "--json", *select])
        assert result.exit_code == 0, result.output
        return sorted({item["code"] for item in json.loads(result.stdout)["findings"]})

    everything = codes()
    assert len(everything) > 1
    first = everything[0]
    from bakuastana.rules import CROSS

    name = next(rule.name for rule in CROSS if rule.code == first)
    assert codes("--select", name) == codes("--select", first.lower()) == codes("--select", first) == [first]


def test_check_cross_refuses_json_with_another_format_as_check_does():
    """--json with --format table is a usage error with --cross as without it, before any article is read."""
    for extra in ([], ["--cross"]):
        result = runner.invoke(app, ["check", str(ARCHIVE), *extra, "--json", "--format", "table"])
        assert result.exit_code == 2, (extra, result.output)
        assert "--json cannot be combined with --format table" in result.output


def test_agreements_within_rounding_and_across_languages_give_nothing():
    articles = list(analyse_items(archive_items(ARCHIVE)))
    agreeing = [article for article in articles if "lsm" not in article.article
                and "btc-oil-2024-11" not in article.article and "middle-corridor-2025-02" not in article.article]
    assert check_archive(agreeing) == []
    by_name = {Path(article.article).name + article.outlet: article for article in articles}
    ru = by_name["btc-oil-2024-10.ru.txtkazinform"].facts[0]
    en = by_name["btc-oil-2024-10.en.txttrend"].facts[0]  # "Some 1,100 thousand tonnes" / "1,1 млн тонн"
    assert (ru.measure, set(ru.subjects), ru.period) == (en.measure, set(en.subjects), en.period)


@pytest.mark.parametrize("case", sorted(path.parent for rule in CROSS for path in (FIXTURES / rule.code).glob(
    "*/expected.json")), ids=lambda case: str(case.relative_to(FIXTURES)))
def test_cross_fixture(case: Path):
    code = case.parent.name
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    findings = check_archive(analyse_items(archive_items(case)), {code})
    shown = [{"code": f.code, "severity": f.severity, "path": Path(f.span.path).relative_to(case).as_posix(),
              "line": f.span.line, "column": f.span.column,
              "message_contains": entry["message_contains"] if entry["message_contains"] in f.message else f.message}
             for f, entry in zip(findings, [*expected, *[{"message_contains": ""}] * len(findings)], strict=False)]
    assert shown == expected


def test_every_cross_rule_has_a_planted_and_a_clean_fixture():
    for rule in CROSS:
        assert rule.code not in RULES, "a cross-article rule is not run inside one check"
        assert json.loads((FIXTURES / rule.code / "planted" / "expected.json").read_text(encoding="utf-8"))
        assert json.loads((FIXTURES / rule.code / "clean" / "expected.json").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("rule", CROSS, ids=lambda rule: rule.code)
def test_cross_rule_example_runs_and_shows(rule, tmp_path):
    parts = re.split(r"^=== (.+?) ===\n", rule.example.article.strip() + "\n", flags=re.MULTILINE)
    for name, text in zip(parts[1::2], parts[2::2], strict=True):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    findings = check_archive(analyse_items(archive_items(tmp_path)), {rule.code})
    assert [f.code for f in findings] == [rule.code]
    assert rule.example.shows in findings[0].message


def test_explain_knows_the_cross_rules():
    result = runner.invoke(app, ["explain", "X101"])
    assert result.exit_code == 0
    assert result.stdout.startswith("X101 same-measure-differs (cross-article")
