"""`check TARGET`: many (article, store) pairs from a folder or a manifest, checked in parallel, one summary each."""

import json
import os
import shutil

from bakuastana.cli.batch import run_batch
from conftest import ROOT, SEED_STORE

DATA = ROOT / "tests" / "data"
MINI_STORE, MINI_ARTICLE = DATA / "mini_facts.yaml", DATA / "mini_article.ru.txt"


def copies(folder, store, article, count, suffix=".facts.yaml"):
    folder.mkdir(exist_ok=True)
    for index in range(count):
        shutil.copyfile(store, folder / f"a{index:03d}{suffix}")
        shutil.copyfile(article, folder / f"a{index:03d}.txt")
    return folder


def test_two_hundred_copies_of_the_seed_in_parallel(cli, tmp_path, seed_article):
    single = json.loads(cli("check", "--facts", str(SEED_STORE), "--article", str(seed_article), "--json").out)
    folder = copies(tmp_path / "many", SEED_STORE, seed_article, 200)
    result = cli("check", str(folder), "--json")
    assert result.code == (1 if single["summary"]["errors"] else 0), result.err
    batch = json.loads(result.out)
    assert batch["schema"] == "bakuastana.batch/1"
    summary = batch["summary"]
    assert summary["articles"] == 200 and summary["failed"] == 0
    for key in ("errors", "warnings", "infos", "facts", "relations"):
        assert summary[key] == 200 * single["summary"][key], key
    assert len(batch["articles"]) == 200
    assert batch["articles"][0]["summary"] == single["summary"]
    assert [f["code"] for f in batch["articles"][-1]["findings"]] == [f["code"] for f in single["findings"]]


def test_pairs_run_in_worker_processes_across_the_cores(tmp_path):
    folder = copies(tmp_path / "few", MINI_STORE, MINI_ARTICLE, 8)
    batch = run_batch(folder)
    assert batch.workers == min(os.cpu_count() or 1, 8)
    if batch.workers > 1:
        assert os.getpid() not in {result.worker for result in batch.results}
    assert [result.summary["facts"] for result in batch.results] == [8] * 8


def test_a_broken_pair_is_reported_and_the_others_still_run(cli, tmp_path):
    folder = copies(tmp_path / "mixed", MINI_STORE, MINI_ARTICLE, 3)
    (folder / "a001.facts.yaml").write_text("facts:\n  - id: x\n    id: y\n", encoding="utf-8")  # duplicate key
    shutil.copyfile(MINI_ARTICLE, folder / "lonely.txt")  # no store beside it: checked zero-touch
    result = cli("check", str(folder), "--json")
    assert result.code == 2
    articles = {os.path.basename(item["article"]): item for item in json.loads(result.out)["articles"]}
    assert articles["a001.txt"]["error"].startswith(f"{folder / 'a001.facts.yaml'}:3:")
    assert ": error: " in articles["a001.txt"]["error"]
    assert articles["lonely.txt"]["facts"] is None and articles["lonely.txt"]["summary"]["facts"] > 0
    assert articles["a000.txt"]["summary"]["facts"] == 8 and articles["a002.txt"]["summary"]["facts"] == 8
    table = cli("check", str(folder), "--format", "table")
    assert table.code == 2 and "bad input" in table.out and "4 articles, 1 could not be checked" in table.out
    concise = cli("check", str(folder))
    assert concise.code == 2 and ": error: duplicate key" in concise.out
    assert concise.out.splitlines()[-1].endswith("4 articles (1 could not be checked; 14 infos hidden: --show-infos)")


def test_manifest_yaml_and_json_with_relative_paths(cli, tmp_path):
    shutil.copyfile(MINI_STORE, tmp_path / "store.yaml")
    (tmp_path / "texts").mkdir()
    shutil.copyfile(MINI_ARTICLE, tmp_path / "texts" / "one.txt")
    (tmp_path / "pairs.yaml").write_text("- article: texts/one.txt\n  facts: store.yaml\n"
                                         "- {article: texts/one.txt, facts: store.yaml}\n", encoding="utf-8")
    result = cli("check", str(tmp_path / "pairs.yaml"), "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["summary"]["articles"] == 2 and data["summary"]["infos"] > 0
    (tmp_path / "pairs.json").write_text(json.dumps([{"article": "texts/one.txt", "facts": "store.yaml"}]),
                                         encoding="utf-8")
    lines = cli("check", str(tmp_path / "pairs.json"), "--format", "jsonl").out.splitlines()
    assert lines and all(json.loads(line)["article"].endswith("one.txt") for line in lines)
    assert {"code", "severity", "message"} <= set(json.loads(lines[0]))


def test_bad_manifest_and_bad_usage_are_exit_2(cli, tmp_path):
    manifest = tmp_path / "pairs.yaml"
    manifest.write_text("- article: a.txt\n  store: b.yaml\n", encoding="utf-8")
    result = cli("check", str(manifest))
    assert result.code == 2 and result.err.startswith(f"{manifest}:2:3: error: unknown field")
    assert cli("check", str(tmp_path / "nowhere")).code == 2
    assert cli("check", str(tmp_path), "--facts", str(MINI_STORE)).code == 2


def test_strict_and_exit_zero_over_a_batch(cli, tmp_path):
    folder = copies(tmp_path / "strict", MINI_STORE, MINI_ARTICLE, 2, suffix=".yaml")
    assert cli("check", str(folder)).code == 0
    (folder / "a000.yaml").write_text(MINI_STORE.read_text(encoding="utf-8").replace(
        "value: 820 million USD", "value: 820 million USD\n    todo: confirm"), encoding="utf-8")
    assert cli("check", str(folder)).code == 0
    assert cli("check", str(folder), "--strict").code == 1
    assert cli("check", str(folder), "--strict", "--exit-zero").code == 0
    markdown = cli("check", str(folder), "--format", "markdown").out
    assert markdown.startswith("# bakuastana check: 2 articles") and "a000.txt" in markdown
    github = cli("check", str(folder), "--format", "github").out
    assert "::warning " in github and "S102" in github


def test_a_failing_pair_keeps_the_table_columns(cli, tmp_path):
    article = DATA / "init" / "aktau-port-cargo.ru.txt"
    for name in ("a", "b"):
        shutil.copyfile(article, tmp_path / f"{name}.txt")
    (tmp_path / "b.facts.yaml").write_text("facts: [\n", encoding="utf-8")
    result = cli("check", str(tmp_path), "--format", "table")
    assert result.code == 2
    lines = result.out.splitlines()
    header = next(line for line in lines if "coverage" in line)
    failed = next(line for line in lines if "bad input" in line)
    assert len(failed.rstrip()) <= len(header.rstrip()) and failed.rstrip().endswith("-")
    assert any("b.facts.yaml:2:1: error: YAML syntax error" in line for line in lines)


def test_sarif_junit_and_full_speak_for_every_pair(cli, tmp_path):
    from xml.etree import ElementTree

    article = DATA / "init" / "aktau-port-cargo.ru.txt"
    for name in ("a", "b"):
        shutil.copyfile(article, tmp_path / f"{name}.txt")
    (tmp_path / "b.facts.yaml").write_text("facts: [\n", encoding="utf-8")
    single = json.loads(cli("check", str(tmp_path / "a.txt"), "--json").out)["findings"]

    sarif = json.loads(cli("check", str(tmp_path), "--format", "sarif").out)
    results = sarif["runs"][0]["results"]
    assert sarif["version"] == "2.1.0" and len(results) == len(single) + 1
    bad = [r for r in results if r["ruleId"] == "E000"]
    assert len(bad) == 1 and bad[0]["level"] == "error"
    assert bad[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 1}

    suites = ElementTree.fromstring(cli("check", str(tmp_path), "--format", "junit").out)
    assert int(suites.get("failures")) == len(single) + 1

    full = cli("check", str(tmp_path), "--format", "full")
    assert full.code == 2 and "E000 error: " in full.out and "    rule: " in full.out


def test_each_result_is_written_before_the_next_is_checked_and_only_totals_are_kept():
    import io

    from bakuastana.cli.batch import PairResult, Totals
    from bakuastana.render.batchout import render_batch

    summary = {"errors": 1, "warnings": 0, "infos": 2, "facts": 3, "relations": 1, "coverage": 0.5}
    for fmt, first in (("concise", "a.txt: error: broken"), ("jsonl", '"error": "a.txt: error: broken"'),
                       ("github", "title=bad input::a.txt: error: broken")):
        out = io.StringIO()

        def results(out, first):
            yield PairResult("a.txt", None, error="a.txt: error: broken")
            assert first in out.getvalue()  # the first result is out before the second is asked for
            yield PairResult("b.txt", None, summary=summary, findings=[])

        totals = Totals()
        render_batch(results(out, first), totals, fmt, out)
        assert totals.summary() == {"articles": 2, "checked": 1, "failed": 1, "errors": 1, "warnings": 0,
                                    "infos": 2, "facts": 3, "relations": 1, "coverage": 0.5}
        assert totals.exit_code() == 2 and totals.exit_code(exit_zero=True) == 2
