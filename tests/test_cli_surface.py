"""The check command as a linter: concise lines first, filters, configuration, suppression, CI formats."""

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import ROOT, SEED_STORE, run_subprocess

LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) (?P<sev>error|warning|info): ")


def seed(cli, *args):
    return cli("check", "--facts", str(SEED_STORE), "--isolated", *args)


def test_default_output_is_signal_first(cli):
    result = seed(cli)
    lines = result.out.splitlines()
    assert result.code == 1 and len(lines) <= 6
    findings = [LINE.match(line) for line in lines[:-1]]
    assert all(findings), lines
    assert findings[0]["code"] == "T101" and findings[0]["sev"] == "error"
    assert {match["sev"] for match in findings} <= {"error", "warning"}
    assert lines[-1].startswith("Found 1 error, ") and "infos hidden: --show-infos" in lines[-1]
    assert "interval [" not in result.out  # the arithmetic is for --format full and JSON


def test_grep_error_finds_the_error():
    result = run_subprocess("check", "--facts", str(SEED_STORE), "--isolated")
    errors = [line for line in result.stdout.splitlines() if "error" in line]
    assert any(" T101 error: " in line for line in errors)
    assert not any(line.endswith(" ") for line in result.stdout.splitlines())  # piped: no padding


def test_paths_are_relative_to_the_current_folder():
    result = run_subprocess("check", "--facts", str(SEED_STORE), "--isolated", cwd=ROOT)
    assert result.stdout.startswith("facts.yaml:")


def test_infos_only_when_asked(cli):
    plain = seed(cli).out
    shown = seed(cli, "--show-infos").out
    assert " info: " not in plain and " N101 info: " in shown
    full = seed(cli, "--format", "full").out
    assert " N101 info: " in full and "detail: interval [" in full and "fix: БТД" in full


@pytest.mark.parametrize("columns", ["60", "40"])
def test_nothing_is_lost_at_narrow_widths(columns):
    wide = run_subprocess("check", "--facts", str(SEED_STORE), "--isolated", "--format", "full")
    narrow = run_subprocess("check", "--facts", str(SEED_STORE), "--isolated", "--format", "full",
                            env={"COLUMNS": columns})
    assert all(len(line) <= int(columns) for line in narrow.stdout.splitlines() if " " in line.strip())
    assert "".join(narrow.stdout.split()) == "".join(wide.stdout.split())  # the same text, only wrapped
    concise = run_subprocess("check", "--facts", str(SEED_STORE), "--isolated", env={"COLUMNS": columns})
    assert "two letters swapped" in " ".join(concise.stdout.split())


def test_select_ignore_and_names(cli):
    assert [m["code"] for m in map(LINE.match, seed(cli, "--select", "T").out.splitlines()[:-1])] == ["T101"]
    only_c = seed(cli, "--select", "acronym-transposition", "--select", "C101").out  # repeated: merged
    assert " T101 " in only_c and " C101 " in only_c
    ignored = seed(cli, "--ignore", "T101")
    assert " T101 " not in ignored.out and ignored.code == 0
    assert seed(cli, "--ignore", "T1,C").out.startswith("No errors or warnings")


def test_unknown_code_is_a_usage_error(cli):
    result = seed(cli, "--select", "Z999")
    assert result.code == 2 and 'unknown rule code, prefix or name "Z999"' in result.err and not result.out


def test_level(cli):
    result = seed(cli, "--level", "error")
    assert " T101 error: " in result.out and " warning: " not in result.out


def test_statistics(cli):
    lines = seed(cli, "--statistics", "--show-infos").out.splitlines()
    counts = {line.split()[1]: int(line.split()[0]) for line in lines}
    data = json.loads(seed(cli, "--json").out)
    expected = {}
    for finding in data["findings"]:
        expected[finding["code"]] = expected.get(finding["code"], 0) + 1
    assert counts == expected
    assert [line.split()[1] for line in seed(cli, "--statistics").out.splitlines()] == ["C101", "T101"]


def test_conflicting_options_are_refused(cli):
    result = seed(cli, "--json", "--format", "markdown")
    assert result.code == 2 and "--json cannot be combined with --format markdown" in result.err
    assert seed(cli, "--json", "--format", "json").code == 1


def test_version_and_short_help(cli):
    from bakuastana import __version__

    for flag in ("--version", "-V"):
        result = cli(flag)
        assert result.code == 0 and result.out == f"bakuastana {__version__}\n"
    result = cli("check", "-h")
    assert result.code == 0 and "--statistics" in result.out and "--show-settings" in result.out
    assert "--show-completion" in cli("-h").out


def copy_seed(tmp_path) -> Path:
    store = tmp_path / "facts.yaml"
    shutil.copy(SEED_STORE, store)
    return store


def test_config_in_pyproject_is_found_upward(cli, tmp_path):
    store = copy_seed(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.bakuastana]\nignore = ["C101"]\nseverity = {T101 = "warning"}\n',
                                             encoding="utf-8")
    result = cli("check", "--facts", str(store))
    assert " C101 " not in result.out and " T101 warning: " in result.out and result.code == 0
    settings = json.loads(cli("check", "--facts", str(store), "--show-settings").out)
    assert settings["config"] == str(tmp_path / "pyproject.toml") and settings["ignore"] == ["C101"]
    assert settings["severity"] == {"T101": "warning"}
    assert " C101 " in cli("check", "--facts", str(store), "--isolated").out


def test_bakuastana_toml_per_path_ignores_and_bad_keys(cli, tmp_path):
    store = copy_seed(tmp_path)
    config = tmp_path / "bakuastana.toml"
    config.write_text('[per-path-ignores]\n"*.yaml" = ["T101"]\n', encoding="utf-8")
    result = cli("check", "--facts", str(store))
    assert " T101 " not in result.out and " C101 " in result.out
    config.write_text('selec = ["T"]\n', encoding="utf-8")
    result = cli("check", "--facts", str(store))
    assert result.code == 2 and 'unknown setting "selec"' in result.err


TOLERANCE_STORE = """\
schema: bakuastana.facts/1
source: {published: 2025-10-21}
facts:
  - id: planned
    topic: trade
    label: Planned trade
    value: 100 million USD
    hedge: about
    quote: около 100 млн долларов
  - id: actual
    topic: trade
    label: Actual trade
    value: 108 million USD
    quote: 108 млн долларов
relations:
  - id: as_planned
    label: Trade came in about as planned
    check: actual == planned
"""


def test_about_tolerance_from_the_config(cli, tmp_path):
    store = tmp_path / "facts.yaml"
    store.write_text(TOLERANCE_STORE, encoding="utf-8")
    assert " C101 " not in cli("check", "--facts", str(store)).out  # 108 is within 10 % of about 100
    (tmp_path / "bakuastana.toml").write_text('about-tolerance = "5 %"\n', encoding="utf-8")
    assert " C101 " in cli("check", "--facts", str(store)).out  # not within 5 %
    settings = json.loads(cli("check", "--facts", str(store), "--show-settings").out)
    assert settings["about-tolerance"] == "5 %"


def test_a_fact_silences_one_code(cli, tmp_path):
    text = SEED_STORE.read_text(encoding="utf-8")
    anchor = "  - id: btc_reduces_russia_route\n"
    assert anchor in text
    silenced = text.replace(anchor, anchor + "    ignore: [T101]\n    ignore_reason: checked with the desk\n", 1)
    store = tmp_path / "facts.yaml"
    store.write_text(silenced, encoding="utf-8")
    result = cli("check", "--facts", str(store), "--isolated")
    assert " T101 " not in result.out and " C101 " in result.out and result.code == 0


def test_inline_marker_silences_a_line(cli, tmp_path):
    fixture = ROOT / "tests" / "rules" / "T103" / "article.txt"
    article = tmp_path / "article.txt"
    shutil.copy(fixture, article)
    before = cli("check", str(article), "--isolated")
    found = [m for m in map(LINE.match, before.out.splitlines()) if m and m["code"] == "T103"]
    assert found, before.out
    lines = article.read_text(encoding="utf-8").splitlines()
    number = int(found[0]["line"])
    lines[number - 1] += " <!-- bakuastana: ignore[T103] -->"
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = cli("check", str(article), "--isolated")
    assert not any(m and m["code"] == "T103" and int(m["line"]) == number for m in map(LINE.match,
                                                                                          after.out.splitlines()))


def test_sarif_shape(cli):
    data = json.loads(seed(cli, "--format", "sarif").out)
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    run = data["runs"][0]
    assert run["tool"]["driver"]["name"] == "bakuastana"
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    for result in run["results"]:
        assert result["ruleId"] in rule_ids and result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and result["message"]["text"]
    t101 = next(result for result in run["results"] if result["ruleId"] == "T101")
    assert t101["level"] == "error" and "БТД" in t101["message"]["text"]
    assert t101["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("facts.yaml")


def test_junit_parses(cli):
    out = seed(cli, "--format", "junit").out
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    data = json.loads(seed(cli, "--json").out)
    assert len(cases) == len(data["findings"]) == int(root.get("failures"))
    t101 = next(case for case in cases if case.get("name") == "org.bakuastana.T101")
    assert t101.find("failure").get("type") == "error" and int(t101.get("line")) > 1
    clean = ElementTree.fromstring(seed(cli, "--format", "junit", "--select", "G").out.split("\n", 1)[1])
    assert clean.get("failures") == "0" and clean.find("./testsuite/testcase").get("name") == "No errors found"


def test_notes_go_to_stderr(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes("Товарооборот составил 470 млн долларов.\n".encode("cp1251"))
    result = cli("check", str(article), "--isolated")
    assert "note:" in result.err and "note:" not in result.out


def test_progress_bar_only_on_a_terminal(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Товарооборот составил 470 млн долларов.\n", encoding="utf-8")
        shutil.copy(SEED_STORE, tmp_path / f"{name}.facts.yaml")
    result = run_subprocess("check", str(tmp_path), "--isolated")
    assert result.stderr == "" and "2 articles" in result.stdout


def test_batch_reports_progress(tmp_path):
    from bakuastana.cli.batch import run_batch

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Товарооборот составил 470 млн долларов.\n", encoding="utf-8")
        shutil.copy(SEED_STORE, tmp_path / f"{name}.facts.yaml")
    calls = []
    run_batch(tmp_path, workers=1, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_batch_is_concise_and_reads_the_config(cli, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Товарооборот составил 470 млн долларов.\n", encoding="utf-8")
        shutil.copy(SEED_STORE, tmp_path / f"{name}.facts.yaml")
    result = cli("check", str(tmp_path))
    lines = result.out.splitlines()
    found = [LINE.match(line) for line in lines[:-1]]
    assert found and all(found) and {match["path"].rsplit("/", 1)[-1] for match in found} == {"a.facts.yaml",
                                                                                              "b.facts.yaml"}
    assert lines[-1].startswith("Found ") and "in 2 articles" in lines[-1]
    code = found[0]["code"]
    (tmp_path / "bakuastana.toml").write_text(f'ignore = ["{code}"]\n', encoding="utf-8")
    assert f" {code} " not in cli("check", str(tmp_path)).out


def test_a_check_reports_its_rules_progress():
    from bakuastana.analysis.engine import CheckOptions, check
    from bakuastana.rules import ALL
    from bakuastana.store.load import load_store

    calls = []
    check(load_store(SEED_STORE), None, CheckOptions(progress=lambda done, total: calls.append((done, total))))
    assert calls == [(done, len(ALL)) for done in range(1, len(ALL) + 1)]


def test_progress_bar_waits_half_a_second(monkeypatch):
    from bakuastana.render import progress

    with progress.ProgressBar("rules") as update:
        update(1, 10)  # quick: nothing drawn
    bar = progress.ProgressBar("rules")
    with bar as update:
        monkeypatch.setattr(progress, "DELAY", 0)
        update(1, 10)
        assert bar.bar is not None and bar.bar.tasks[0].completed == 1


def test_a_fact_cannot_silence_an_unknown_code(cli, tmp_path):
    text = SEED_STORE.read_text(encoding="utf-8")
    anchor = "  - id: btc_reduces_russia_route\n"
    store = tmp_path / "facts.yaml"
    store.write_text(text.replace(anchor, anchor + "    ignore: [T191]\n", 1), encoding="utf-8")
    result = cli("check", "--facts", str(store), "--isolated")
    assert result.code == 2 and 'ignore names no rule code "T191"' in result.err
    assert re.match(rf"{re.escape(str(store))}:\d+:\d+: error: ", result.err)
