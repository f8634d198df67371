"""The command line: output contract of `check` (SPEC section 6), formats, exit codes, bad input."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEED_STORE, run_subprocess

FINDING_KEYS = {"code", "rule", "severity", "message", "facts", "location", "span", "stated", "computed", "fix"}


def test_check_json_contract_on_seed_store(cli):
    result = cli("check", "--facts", str(SEED_STORE), "--json")
    assert result.code == 1  # the БДТ slip is an error
    data = json.loads(result.out)
    assert data["schema"] == "bakuastana.check/1"
    assert set(data["summary"]) >= {"errors", "warnings", "infos", "facts", "relations", "coverage"}
    assert data["summary"]["errors"] >= 1 and data["summary"]["facts"] >= 50
    for finding in data["findings"]:
        assert set(finding) >= FINDING_KEYS
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["facts"], list)
    t101 = [f for f in data["findings"] if f["code"] == "T101"]
    assert t101[0]["fix"] == "БТД" and t101[0]["facts"] == ["btc_reduces_russia_route"]
    assert t101[0]["location"]["path"].endswith("facts.yaml") and t101[0]["location"]["line"] > 1


def test_seed_recomputations_the_user_asked_for(cli):
    data = json.loads(cli("check", "--facts", str(SEED_STORE), "--json").out)
    implied = {f["facts"][0]: f for f in data["findings"] if f["code"] == "N101"}
    assert implied["trade_2023_implied"]["computed"] == "313.33 million USD"
    assert implied["trade_2023_implied"]["interval"] == "[311.96, 314.716] million USD"
    assert implied["trade_2024_janaug_implied"]["interval"] == "(0, 136.875) million USD"
    assert "136.75" in implied["trade_2024_janaug_implied"]["message"]
    assert implied["container_trains_9m_2025_projected"]["computed"] == "299.2 train"
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert [f["code"] for f in errors] == ["T101"]  # nothing that holds is an error


def test_exit_codes_strict_and_exit_zero(cli, write_store):
    clean = write_store("facts:\n  - {id: a, topic: t, label: l, value: 1 t, quote: q, todo: check}\n")
    assert cli("check", "--facts", str(clean)).code == 0
    assert cli("check", "--facts", str(clean), "--strict").code == 1  # the TODO is a warning
    assert cli("check", "--facts", str(SEED_STORE), "--exit-zero").code == 0
    assert cli("check", "--facts", str(SEED_STORE), "--exit-zero", "--facts", "missing.yaml").code == 2


def test_jsonl_is_one_finding_per_line(cli):
    result = cli("check", "--facts", str(SEED_STORE), "--format", "jsonl")
    lines = result.out.splitlines()
    assert len(lines) == len(json.loads(cli("check", "--facts", str(SEED_STORE), "--json").out)["findings"])
    assert all(set(json.loads(line)) >= FINDING_KEYS for line in lines)


def test_markdown_and_github_formats(cli):
    markdown = cli("check", "--facts", str(SEED_STORE), "--format", "markdown").out
    assert markdown.startswith("# bakuastana check") and "| T101 acronym-transposition |" in markdown
    github = cli("check", "--facts", str(SEED_STORE), "--format", "github").out.splitlines()
    assert any(line.startswith("::error file=") and "title=T101 acronym-transposition" in line for line in github)


def test_default_and_table_views_have_no_colour_when_piped(cli):
    out = cli("check", "--facts", str(SEED_STORE)).out
    assert "\x1b[" not in out and "T101" in out and "Found 1 error" in out
    table = cli("check", "--facts", str(SEED_STORE), "--format", "table").out
    assert "\x1b[" not in table and "T101" in table and "1 errors" in table


@pytest.mark.parametrize(("args", "message"), [
    (("check", "--facts", "no-such.yaml"), "no-such.yaml: error: no such fact store"),
    (("check", "--facts", str(ROOT)), "is a folder"),
    (("calc", "1 +* 2"), "expression:1:4: error:"),
    (("explain", "Z999"), 'unknown rule "Z999"'),
])
def test_bad_input_is_one_line_and_exit_2(cli, args, message):
    result = cli(*args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err and result.out == ""
    assert len(result.err.strip().splitlines()) == 1


def test_unknown_command_and_option_exit_2(cli):
    assert cli("frobnicate").code == 2
    assert cli("check", "--no-such-option").code == 2


def test_check_works_from_any_folder_with_the_bundled_store(tmp_path):
    result = run_subprocess("check", "--json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["facts"] >= 50 and result.stderr == ""


def test_help_imports_neither_pint_nor_yaml_nor_engine():
    code = ("import sys, runpy; sys.argv = ['bakuastana', '--help']\n"
            "try:\n    runpy.run_module('bakuastana', run_name='__main__')\nexcept SystemExit: pass\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('pint', 'yaml', 'pymorphy3') "
            "or m.startswith(('bakuastana.analysis', 'bakuastana.rules', 'bakuastana.numbers', "
            "'bakuastana.store'))]\n"
            "print('BAD', bad)")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "BAD []" in result.stdout, result.stdout + result.stderr
    assert "check" in result.stdout


def test_rules_and_explain(cli):
    listing = cli("rules").out
    assert "T101  acronym-transposition" in listing and "C101" in listing
    explained = cli("explain", "T101").out
    assert "What it checks" in explained and "How to fix" in explained and "БДТ" in explained
    data = json.loads(cli("explain", "acronym-transposition", "--json").out)
    assert data["code"] == "T101"


def test_calc_values_and_json(cli):
    result = cli("calc", "--facts", str(SEED_STORE), "trade_2024 / (1 + trade_2024_growth)")
    assert result.code == 0 and "= 313.333 million USD" in result.out and "[311.96, 314.716]" in result.out
    data = json.loads(cli("calc", "400 Tbit/s to TB/day", "--json").out)
    assert data["value"] == 4320000 and data["unit"] == "TB/day"


def test_calc_cagr_of_the_oil_target(cli):
    data = json.loads(cli("calc", "--facts", str(SEED_STORE), "--json",
                          "cagr(oil_btc_target_2027 * 1 year, oil_btc_2024, 3)").out)
    assert data["unit"] == "percent" and round(data["value"], 3) == 70.998  # (7 / 1.4) ** (1/3) - 1
    assert data["low"] < data["value"] < data["high"]


def test_calc_judges_a_comparison_as_check_judges_a_relation(cli):
    # "more than 1 Mt" may read as up to 1.25 Mt: 1.2 Mt is above it only at the edge of the hedge
    edge = json.loads(cli("calc", "--facts", str(SEED_STORE), "--json", "1.2 million t > oil_btc_2023").out)
    assert edge["verdict"] == "edge"
    holds = cli("calc", "--facts", str(SEED_STORE), "1.3 million t > oil_btc_2023")
    assert holds.code == 0 and "= consistent" in holds.out


def test_markdown_report_quotes_the_article_with_the_span_in_bold(cli, seed_article):
    markdown = cli("check", "--facts", str(SEED_STORE), "--article", str(seed_article), "--format", "markdown").out
    assert "«По оценкам экспертов, увеличение транзита нефти через **БДТ** позволит" in markdown
    data = json.loads(cli("check", "--facts", str(SEED_STORE), "--json").out)
    t101 = next(f for f in data["findings"] if f["code"] == "T101")
    assert t101["quote"].startswith("По оценкам экспертов")


def test_check_pauses_collection_only_while_it_runs(cli, monkeypatch):
    """The command layer pauses the cyclic collector for `check` (cli/gcpause.py) and leaves it as it was."""
    import gc

    from bakuastana.analysis import engine

    seen = []
    original = engine.check

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "check", watched)
    store = str(ROOT / "tests" / "data" / "mini_facts.yaml")
    assert gc.isenabled()
    cli("check", "--json", "--facts", store)
    assert gc.isenabled() and seen == [False]
    gc.disable()
    try:
        cli("check", "--json", "--facts", store)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_console_script_start_pauses_collection_until_main_resumes_it(monkeypatch):
    """The console script imports with collections off (cli/app.py calls gcpause.pause_imports before typer);
    main() freezes what the imports built and turns collections back on; a second resume, or one with no pause
    before it, changes nothing."""
    import gc

    from bakuastana.cli import gcpause

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        gcpause.pause_imports()
        assert not gc.isenabled()
        gcpause.resume_after_imports()
        assert gc.isenabled() and gc.get_freeze_count() >= frozen
        gc.disable()
        gcpause.resume_after_imports()  # no pause pending: leaves the collector as it is
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_console_script_runs_with_collection_back_on_in_its_command(tmp_path):
    """Run as the console script, a command finds the collector on again (the pause covers the imports only)."""
    script = tmp_path / "bakuastana"
    script.write_text("import gc, sys\nfrom bakuastana.cli import main\nimport bakuastana.cli.app as app\n"
                      "@app.app.command('gcstate')\ndef gcstate():\n"
                      "    print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
                      "main()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), "gcstate"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
