"""What a command imports at start-up (SPEC section 8): import sets in a fresh interpreter, never timings."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

ENGINE = ("bakuastana.analysis.judge", "bakuastana.analysis.values", "bakuastana.numbers.expr")


def _imported(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code` (which may print to stdout: it is dropped)."""
    script = (f"import io, json, sys\nstdout = sys.stdout\nsys.stdout = io.StringIO()\n{code}\n"
              "sys.stdout = stdout\nprint(json.dumps(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_help_imports_typer_and_the_command_signatures_only():
    modules = _imported("from bakuastana.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    ours = {name for name in modules if name.startswith("bakuastana")}
    assert ours <= {"bakuastana", "bakuastana.cli", "bakuastana.cli.app", "bakuastana.cli.clifast",
                    "bakuastana.cli.gcpause", "bakuastana.errors"}, sorted(ours)
    assert not {"yaml", "pint", "pydantic", "tomllib"} & modules


def test_the_analysis_a_rule_reads_does_not_load_the_engine():
    modules = _imported("import bakuastana.analysis.context")
    assert not set(ENGINE) & modules


def test_a_store_check_imports_no_batch_runner_nor_package_resources():
    modules = _imported("from bakuastana.cli import main\ntry:\n"
                        "    main(['check', '--json', '--facts', 'facts.yaml'])\nexcept SystemExit:\n    pass")
    assert set(ENGINE) <= modules  # it did check
    assert not {"bakuastana.cli.batch", "importlib.readers", "zipfile", "pkgutil", "pint"} & modules
    assert "bakuastana.text.names" not in modules  # T101-T103 read names in an article only


def test_settings_import_the_rule_table_only_to_resolve_a_selection():
    plain = _imported("from pathlib import Path\nfrom bakuastana.cli.config import settings\n"
                      "settings(Path('facts.yaml'), isolated=True).codes()")
    assert "bakuastana.rules" not in plain
    selected = _imported("from pathlib import Path\nfrom bakuastana.cli.config import settings\n"
                         "print(settings(Path('facts.yaml'), select=['C1', 'N101'], isolated=True).codes())")
    assert "bakuastana.rules" in selected
    assert not set(ENGINE) & selected  # the rules' metadata, not the evaluation engine


def test_only_the_program_run_freezes_its_objects_for_exit(cli):
    import gc

    frozen = gc.get_freeze_count()
    assert cli("check", "--json", "--facts", str(ROOT / "facts.yaml")).code in (0, 1)
    assert gc.get_freeze_count() == frozen and gc.isenabled()  # an in-process caller's collector is as it was
    script = ("import gc, sys\nfrom bakuastana.cli import main\nsys.argv = ['bakuastana', '--version']\n"
              "try:\n    main()\nexcept SystemExit:\n    print(gc.get_freeze_count() > 0)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.stdout.strip().endswith("True"), result.stderr


def test_an_article_target_checked_alone_imports_no_batch_runner(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Экспорт вырос на 5% и составил 1,2 млрд долларов.\n", encoding="utf-8")
    modules = _imported(f"from bakuastana.cli import main\ntry:\n    main(['check', '--json', {str(article)!r}])\n"
                        "except SystemExit:\n    pass")
    assert "bakuastana.draft.draft" in modules  # it did draft and check
    assert "bakuastana.cli.batch" not in modules
    assert "yaml" not in modules  # the draft is checked as data, not written and read back; `init` writes YAML
