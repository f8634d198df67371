"""Checking an article with no store (issue 13 items 1, 3, 6 and the periods of item 2): `check ARTICLE.txt`
drafts in memory as `init` does; periods (running totals, year on year, quarters, "за N месяцев", month on
month, a base in the next sentence) tie a claim to the stated figures; the draft raises no noise of its own."""

import json
from pathlib import Path

import pytest
import yaml

from bakuastana.cli.inputs import check_files
from bakuastana.draft import draft_store
from bakuastana.text.article import Article
from conftest import SEED_STORE

# (name, planted: a figure that does not fit, twin: the figures agree)
CASES = [
    ("running totals, ru",
     "За январь-сентябрь 2025 года порт перевалил 3,2 млн тонн грузов. За январь-октябрь 2025 года порт перевалил "
     "2,8 млн тонн грузов.",
     "За январь-сентябрь 2025 года порт перевалил 3,2 млн тонн грузов. За январь-октябрь 2025 года порт перевалил "
     "3,6 млн тонн грузов."),
    ("running totals, en",
     "In January-September 2025 the port handled 3.2 million tons of cargo. In January-October 2025 the port "
     "handled 2.8 million tons of cargo.",
     "In January-September 2025 the port handled 3.2 million tons of cargo. In January-October 2025 the port "
     "handled 3.6 million tons of cargo."),
    ("a running total and its month, ru",
     "За январь-сентябрь 2025 года порт перевалил 3,2 млн тонн грузов, в октябре 2025 года - 0,4 млн тонн. За "
     "январь-октябрь 2025 года порт перевалил 3,9 млн тонн грузов.",
     "За январь-сентябрь 2025 года порт перевалил 3,2 млн тонн грузов, в октябре 2025 года - 0,4 млн тонн. За "
     "январь-октябрь 2025 года порт перевалил 3,6 млн тонн грузов."),
    ("a running total and its month, en",
     "In January-September 2025 the port handled 3.2 million tons of cargo, and in October 2025 it handled 0.4 "
     "million tons. In January-October 2025 it handled 3.9 million tons of cargo.",
     "In January-September 2025 the port handled 3.2 million tons of cargo, and in October 2025 it handled 0.4 "
     "million tons. In January-October 2025 it handled 3.6 million tons of cargo."),
    ("year on year, the base in the next sentence, ru",
     "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше, чем за аналогичный "
     "период прошлого года. За аналогичный период прошлого года было перевезено 0,9 млн тонн.",
     "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше, чем за аналогичный "
     "период прошлого года. За аналогичный период прошлого года было перевезено 1,2 млн тонн."),
    ("year on year, the base in the next sentence, en",
     "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% year on year. In the same "
     "period last year it handled 0.9 million tons.",
     "In January-September 2025 the port handled 1.44 million tons of cargo, up 20% year on year. In the same "
     "period last year it handled 1.2 million tons."),
    ("the same period of a named year, ru",
     "В январе-июне 2025 года экспорт составил 240 млн долларов и вырос на 20%. За аналогичный период 2024 года "
     "экспорт составил 150 млн долларов.",
     "В январе-июне 2025 года экспорт составил 240 млн долларов и вырос на 20%. За аналогичный период 2024 года "
     "экспорт составил 200 млн долларов."),
    ("за N месяцев, ru",
     "За 9 месяцев 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше, чем за аналогичный период "
     "прошлого года. За 9 месяцев 2024 года порт перевалил 0,9 млн тонн грузов.",
     "За 9 месяцев 2025 года порт перевалил 1,44 млн тонн грузов, что на 20% больше, чем за аналогичный период "
     "прошлого года. За 9 месяцев 2024 года порт перевалил 1,2 млн тонн грузов."),
    ("the first N months, en",
     "In the first nine months of 2025 the port handled 1.44 million tons of cargo, up 20% from the same period "
     "last year. In the first nine months of 2024 it handled 0.9 million tons of cargo.",
     "In the first nine months of 2025 the port handled 1.44 million tons of cargo, up 20% from the same period "
     "last year. In the first nine months of 2024 it handled 1.2 million tons of cargo."),
    ("a quarter year on year, ru",
     "В первом квартале 2025 года экспорт вырос на 25% до 150 млн долларов. В первом квартале 2024 года экспорт "
     "составил 100 млн долларов.",
     "В первом квартале 2025 года экспорт вырос на 25% до 150 млн долларов. В первом квартале 2024 года экспорт "
     "составил 120 млн долларов."),
    ("a quarter year on year, en",
     "In the first quarter of 2025 exports rose 25% to $150 million. In the first quarter of 2024 exports were "
     "$100 million.",
     "In the first quarter of 2025 exports rose 25% to $150 million. In the first quarter of 2024 exports were "
     "$120 million."),
    ("quarter on quarter, ru",
     "Во втором квартале 2025 года экспорт вырос на 20% до 120 млн долларов по сравнению с предыдущим кварталом. "
     "В первом квартале 2025 года экспорт составил 80 млн долларов.",
     "Во втором квартале 2025 года экспорт вырос на 20% до 120 млн долларов по сравнению с предыдущим кварталом. "
     "В первом квартале 2025 года экспорт составил 100 млн долларов."),
    ("quarter on quarter, en",
     "In the second quarter of 2025 exports rose 20% to $120 million quarter on quarter. In the first quarter of "
     "2025 exports were $80 million.",
     "In the second quarter of 2025 exports rose 20% to $120 million quarter on quarter. In the first quarter of "
     "2025 exports were $100 million."),
    ("a quarter named as the base, ru",
     "Во втором квартале 2025 года экспорт вырос на 20% до 120 млн долларов по сравнению с первым кварталом. В "
     "первом квартале 2025 года экспорт составил 80 млн долларов.",
     "Во втором квартале 2025 года экспорт вырос на 20% до 120 млн долларов по сравнению с первым кварталом. В "
     "первом квартале 2025 года экспорт составил 100 млн долларов."),
    ("a quarter named as the base, en",
     "In the second quarter of 2025 exports rose 20% to $120 million compared with the first quarter. In the first "
     "quarter of 2025 exports were $80 million.",
     "In the second quarter of 2025 exports rose 20% to $120 million compared with the first quarter. In the first "
     "quarter of 2025 exports were $100 million."),
    ("month on month, ru",
     "В октябре 2025 года экспорт вырос на 10% до 110 млн долларов по сравнению с предыдущим месяцем. В сентябре "
     "2025 года экспорт составил 90 млн долларов.",
     "В октябре 2025 года экспорт вырос на 10% до 110 млн долларов по сравнению с предыдущим месяцем. В сентябре "
     "2025 года экспорт составил 100 млн долларов."),
    ("month on month, en",
     "In October 2025 exports rose 10% to $110 million from the previous month. In September 2025 exports were "
     "$90 million.",
     "In October 2025 exports rose 10% to $110 million from the previous month. In September 2025 exports were "
     "$100 million."),
    ("a sentence ending on a unit's full stop, then its base, ru",
     "В 2025 году производство электроэнергии выросло на 9% и составило 84,0 млрд кВт·ч. В 2024 году "
     "производство электроэнергии составило 80,0 млрд кВт·ч.",
     "В 2025 году производство электроэнергии выросло на 9% и составило 84,0 млрд кВт·ч. В 2024 году "
     "производство электроэнергии составило 77,1 млрд кВт·ч."),
    ("a sentence ending on 'млн т.', then its base, ru",
     "В 2025 году экспорт зерна вырос на 20% и составил 6 млн т. В 2024 году экспорт зерна составил 4 млн т.",
     "В 2025 году экспорт зерна вырос на 20% и составил 6 млн т. В 2024 году экспорт зерна составил 5 млн т."),
    ("a figure's written decimals are its precision, '5,0' is no '5', ru",
     "В 2025 году экспорт составил 5,0 млн тонн, что на 10% больше, чем в 2024 году (4,0 млн тонн).",
     "В 2025 году экспорт составил 5,0 млн тонн, что на 10% больше, чем в 2024 году (4,5 млн тонн)."),
    ("a change written as a range of percents, ru",
     "Перевалка грузов сократилась на 10-15% - с 4,0 до 4,5 млн тонн.",
     "Перевалка грузов выросла на 10-15% - с 4,0 до 4,5 млн тонн."),
    ("a change, then the base a year earlier in parentheses, ru",
     "В 2025 году экспорт составил 8,1 млн тонн, что на 12,4% больше, чем годом ранее (7,4 млн тонн).",
     "В 2025 году экспорт составил 8,1 млн тонн, что на 12,4% больше, чем годом ранее (7,2 млн тонн)."),
    ("N times more than the base a year earlier, en",
     "In 2025 the plant generated 2.4 billion kWh, 2.6 times more than the 1.5 billion kWh a year earlier.",
     "In 2025 the plant generated 2.4 billion kWh, 1.6 times more than the 1.5 billion kWh a year earlier."),
]
IDS = [case[0] for case in CASES]
TWIN = {case[0]: case[2] for case in CASES}
PLANTED = {case[0]: case[1] for case in CASES}
OWN_NOISE = ("S101", "S103", "S104", "P101", "P102", "P103")  # a draft failing its own quotes and figures


def zero_touch(tmp_path: Path, text: str, **options):
    """Check the text as `check ARTICLE.txt` does with no store beside it."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return check_files(None, path, default_store=False, **{"show_todos": False, **options})


def loud(report) -> list:
    return [f for f in report.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize(("name", "planted", "twin"), CASES, ids=IDS)
def test_planted_inconsistency_is_found(tmp_path, name, planted, twin):
    report = zero_touch(tmp_path, planted)
    found = [f for f in loud(report) if f.code in ("C101", "C102")]
    assert found, [(f.code, f.message) for f in report.findings]
    assert all(f.span is not None and f.span.line == 1 for f in found)


@pytest.mark.parametrize(("name", "planted", "twin"), CASES, ids=IDS)
def test_twin_raises_nothing_above_info(tmp_path, name, planted, twin):
    report = zero_touch(tmp_path, twin)
    assert not loud(report), [(f.code, f.message) for f in loud(report)]
    assert any(f.code == "C103" for f in report.findings), "the twin's figures are tied by no relation"


INIT_TEXTS = sorted((Path(__file__).parent / "data" / "init").glob("*.txt"))


# A figure whose unit's abbreviation takes the sentence's full stop, a line break the article keeps between a
# number and its word: the quote must still hold the figure, and read it as the article does.
OWN_NOISE_TEXTS = ["Экспорт составил 80,0 млрд долл.\n", "Импорт составил 3,2 млрд руб. Экспорт - 5,1 млрд долл.\n",
                   "Exports totalled $1.2 bln.\n", "Экспорт вырос в 1,5\nраза - с 2,0 до 3,0 млн тонн.\n"]


@pytest.mark.parametrize("text", [text for case in CASES for text in case[1:]] + OWN_NOISE_TEXTS
                         + [path.read_text(encoding="utf-8") for path in INIT_TEXTS])
def test_a_draft_never_fails_its_own_checks(tmp_path, text):
    report = zero_touch(tmp_path, text, show_todos=True)
    assert not [f for f in report.findings if f.code in OWN_NOISE], [f.message for f in report.findings]
    shown = zero_touch(tmp_path, text)
    assert all(f.span is not None and f.span.path.endswith("article.txt") for f in shown.findings), \
        [f.message for f in shown.findings if f.span is None]  # only about the article


DATA_TEXTS = sorted((Path(__file__).parent / "data").rglob("*.txt"))
# A draft's own noise as `check FILE.txt --show-todos` shows it: its quotes and figures, a claim it wrote that does
# not evaluate (C104), a value it implied that it cannot place (N102).
DRAFT_NOISE = {"S101", "S104", "P101", "P102", "P103", "C104", "N102"}


@pytest.mark.parametrize("path", DATA_TEXTS, ids=[str(path.relative_to(path.parents[1])) for path in DATA_TEXTS])
def test_no_text_of_the_test_data_makes_a_draft_that_fails_its_own_checks(cli, tmp_path, monkeypatch, path):
    monkeypatch.chdir(tmp_path)  # no store of the current folder is taken
    result = cli("check", str(path), "--show-todos", "--json")
    assert result.code in (0, 1), result.err
    findings = json.loads(result.out)["findings"]
    assert findings is not None
    assert not [f for f in findings if f["code"] in DRAFT_NOISE], \
        [(f["code"], f["message"]) for f in findings if f["code"] in DRAFT_NOISE]


def test_a_figure_whose_scale_word_ends_in_a_full_stop_stays_in_its_sentence(tmp_path):
    # "тыс. TEU": the splitter takes "тыс." before a capital for a sentence's end; the figure holds them together
    for text in ("Итоги года\n\nВ 2024 году объем контейнерных перевозок по маршруту составил 58,4 тыс. TEU.",
                 "Итоги года\n\nВ 2024 году объем перевозок составил 58,4 тыс. TEU. Порт вырос на 5%."):
        report = zero_touch(tmp_path, text, show_todos=True)
        assert not [f for f in report.findings if f.code in DRAFT_NOISE], [f.message for f in report.findings]
        quotes = [fact["quote"] for fact in draft_store(Article("a.txt", text)).facts if "TEU" in fact["figure"]]
        assert quotes and all("TEU" in quote for quote in quotes), quotes


def test_same_period_takes_the_months_just_named_a_year_earlier():
    draft = draft_store(Article("a.txt", TWIN["year on year, the base in the next sentence, ru"]))
    periods = {fact["figure"]: fact.get("period") for fact in draft.facts}
    assert periods["1,2 млн тонн"] == "2024-01..2024-09"
    assert periods["1,44 млн тонн"] == "2025-01..2025-09"  # "чем за аналогичный период ...": a base, no period
    draft = draft_store(Article("a.txt", "В январе-сентябре 2025 года порт перевалил 1,44 млн тонн грузов, что на "
                                "20% больше аналогичного периода прошлого года."))
    assert {fact["figure"]: fact.get("period") for fact in draft.facts}["20%"] == "2025-01..2025-09"
    draft = draft_store(Article("a.txt", TWIN["the same period of a named year, ru"]))
    assert {fact["figure"]: fact.get("period") for fact in draft.facts}["200 млн долларов"] == "2024-01..2024-06"


@pytest.mark.parametrize(("name", "base"), [("month on month, ru", "2025-09"), ("month on month, en", "2025-09"),
                                            ("quarter on quarter, ru", "2025-01..2025-03"),
                                            ("quarter on quarter, en", "2025-01..2025-03"),
                                            ("a quarter named as the base, ru", "2025-01..2025-03"),
                                            ("a quarter named as the base, en", "2025-01..2025-03"),
                                            ("a quarter year on year, ru", "2024-01..2024-03"),
                                            ("a quarter year on year, en", "2024-01..2024-03")])
def test_an_implied_base_takes_the_period_its_claim_compares_with(name, base):
    draft = draft_store(Article("a.txt", TWIN[name]))
    assert [item["period"] for item in draft.derived] == [base]


def test_an_implied_value_meets_the_stated_one_of_its_period(tmp_path):
    report = zero_touch(tmp_path, PLANTED["month on month, ru"])
    [finding] = [f for f in report.findings if f.code == "C101"]
    assert "agrees with the stated" in finding.message


# The command: `check ARTICLE.txt` with and without a store beside it.
ARTICLE = PLANTED["running totals, ru"] + " Порт перевалил 5 млн тонн грузов."  # the last figure has no period: a TODO


def test_check_article_with_no_store_drafts_in_memory(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = cli("check", str(path), "--json")
    assert result.code == 1, result.err  # the running total that fell is an error
    assert f"no store beside {path}: checked a draft made in memory" in result.err
    assert "--show-todos" in result.err
    codes = {f["code"] for f in json.loads(result.out)["findings"]}
    assert "C101" in codes and "S102" not in codes
    assert sorted(tmp_path.iterdir()) == [path]  # no file written
    shown = cli("check", str(path), "--json", "--show-todos")
    assert "S102" in {f["code"] for f in json.loads(shown.out)["findings"]}
    table = cli("check", str(path))
    assert table.code == 1 and "C101" in table.out


@pytest.mark.parametrize("suffix", [".facts.yaml", ".yaml", ".json"])
def test_check_article_uses_the_store_beside_it(cli, tmp_path, suffix):
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert cli("init", str(path), "-o", str(tmp_path / "draft.yaml")).code == 0
    data = yaml.safe_load((tmp_path / "draft.yaml").read_text(encoding="utf-8"))
    for fact in data["facts"]:
        fact.pop("todo", None)  # a person reviewed it
    store = tmp_path / f"port{suffix}"
    store.write_text(json.dumps(data, default=str) if suffix == ".json" else yaml.safe_dump(data, allow_unicode=True),
                     encoding="utf-8")
    result = cli("check", str(path), "--json")
    assert f"checked with the store beside {path}: {store}" in result.err
    assert "C101" in {f["code"] for f in json.loads(result.out)["findings"]}


def test_check_article_option_never_falls_back_to_the_seed_store(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no facts.yaml here: the default would be the bundled seed store
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = cli("check", "--article", str(path), "--json")
    assert "checked a draft made in memory" in result.err
    facts = json.loads(result.out)["summary"]["facts"]
    assert facts == len(draft_store(Article(str(path), ARTICLE)).facts)
    assert cli("check", str(path), "--article", str(path)).code == 2
    named = tmp_path / "named.yaml"
    assert cli("init", str(path), "-o", str(named)).code == 0
    with_facts = cli("check", str(path), "--facts", str(named), "--json")  # ARTICLE.txt --facts: that pair
    assert "note:" not in with_facts.err and json.loads(with_facts.out)["summary"]["facts"] == facts
    missing = cli("check", str(tmp_path / "nowhere.txt"))
    assert missing.code == 2 and "no such article, folder or manifest" in missing.err


def test_check_article_option_takes_the_default_store_that_names_it(cli, tmp_path, monkeypatch, seed_article):
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--article", str(seed_article), "--json")
    assert "checked with the bundled store of kazinform-aliyev-interview.ru.txt" in result.err
    assert json.loads(result.out)["summary"]["relations"] > 20  # the hand-written relations, not a draft's


def test_check_article_option_takes_the_store_of_the_current_folder(cli, tmp_path, monkeypatch):
    """The editor's loop: the draft (any name) changes, ./facts.yaml stays."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "port-v2.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert cli("init", str(path), "-o", "facts.yaml").code == 0
    path.write_text(ARTICLE.replace("2,8", "3,8"), encoding="utf-8")  # the draft changes
    result = cli("check", "--article", str(path), "--json")
    assert f"checked with ./facts.yaml (no store beside {path})" in result.err
    assert "P101" in {f["code"] for f in json.loads(result.out)["findings"]}  # read against the kept store


def test_seed_article_with_no_store(tmp_path, seed_article):
    copy = tmp_path / seed_article.name
    copy.write_text(seed_article.read_text(encoding="utf-8"), encoding="utf-8")
    report = check_files(None, copy, default_store=False, show_todos=False)
    assert any("no store beside" in note for note in report.notes)
    implied = [f.message for f in report.findings if f.code == "N101"]
    assert any(": 313.33 million USD" in message and "2023" in message for message in implied), implied
    assert any("below 136.75 million USD" in message and "2024-01..2024-08" in message for message in implied)
    plausible = [f for f in loud(report) if f.code in ("C101", "C102") and "pro-rata" in f.message]
    assert plausible and "2024-01..2024-08" in plausible[0].message and ", 2024:" in plausible[0].message
    assert any(f.code == "T101" and f.severity == "error" and "БДТ" in f.message for f in report.findings)
    assert {"G101", "G103", "G104", "G105", "G106"} <= {f.code for f in report.findings}
    oil = [f for f in report.findings if f.code.startswith("C") and "Oil transit" in f.message]
    assert oil and all(f.code == "C103" for f in oil)
    assert not [f for f in report.findings if f.code in (*OWN_NOISE, "S102", "P104")]
    reference = check_files(SEED_STORE, seed_article)
    errors = {(f.code, f.span.line) for f in report.findings if f.severity == "error"}
    assert errors <= {(f.code, f.span.line) for f in reference.findings if f.severity == "error"}


def test_published_resolves_the_drafts_relative_periods(cli, tmp_path, seed_article):
    copy = tmp_path / seed_article.name
    copy.write_text(seed_article.read_text(encoding="utf-8"), encoding="utf-8")
    plain = json.loads(cli("check", str(copy), "--json").out)["findings"]
    dated = json.loads(cli("check", str(copy), "--json", "--published", "2025-10-21").out)["findings"]
    since = [f for f in dated if f["code"] == "C103" and "since 2023" in f["message"]]  # "С 2023 года по настоящее"
    assert since and not [f for f in plain if "since 2023" in f["message"]]
    assert cli("check", str(copy), "--published", "21.10.2025").code == 2


@pytest.mark.parametrize("text", [
    "Порт Актау в январе-сентябре 2025 года перевалил 4,8 млн тонн грузов. Порт Курык в январе-октябре 2025 года "
    "перевалил 2,1 млн тонн.",
    "The port of Aktau handled 4.8 million tons of cargo in January-September 2025. The port of Kuryk handled 2.1 "
    "million tons in January-October 2025.",
])
def test_figures_about_different_subjects_are_no_series(tmp_path, text):
    """Two ports' cargo is one measure but no series: a running total of one is no bound on the other's."""
    report = zero_touch(tmp_path, text)
    assert not loud(report), [(f.code, f.message) for f in loud(report)]
    same_port = text.replace("Курык", "Актау").replace("Kuryk", "Aktau")
    assert [f.code for f in loud(zero_touch(tmp_path, same_port))] == ["C101"]  # one port's: Jan-Oct below Jan-Sep


@pytest.mark.parametrize(("planted", "twin"), [
    ("В январе-сентябре порт перевалил 4,8 млн тонн грузов. В январе-октябре порт перевалил 4,5 млн тонн грузов.",
     "В январе-сентябре порт перевалил 4,8 млн тонн грузов. В январе-октябре порт перевалил 5,3 млн тонн грузов."),
    ("In January-September the port handled 4.8 million tons of cargo. In January-October it handled 4.5 million "
     "tons of cargo.",
     "In January-September the port handled 4.8 million tons of cargo. In January-October it handled 5.3 million "
     "tons of cargo."),
])
def test_months_with_no_year_are_this_years_range_not_their_first_month(tmp_path, planted, twin):
    """"в январе-сентябре" with no year: January to September of the publication's year (it was January alone)."""
    from datetime import date

    found = [f for f in loud(zero_touch(tmp_path, planted, published=date(2025, 11, 15))) if f.code == "C101"]
    assert found and all("2025-01..2025-09" in f.message or "2025-01..09" in f.message for f in found), \
        [f.message for f in found]
    assert not loud(zero_touch(tmp_path, twin, published=date(2025, 11, 15)))
