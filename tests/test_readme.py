"""README.md's ```console examples are the real output of their commands, so the docs stay current."""

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT

README = ROOT / "README.md"
SCRIPT = ROOT / "scripts" / "update_readme_examples.py"
REFRESH = f"README.md is out of date: run `.venv/bin/python {SCRIPT.relative_to(ROOT)}` and review the diff"


def _load_script():
    spec = importlib.util.spec_from_file_location("update_readme_examples", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


examples_script = _load_script()
EXAMPLES = [(command, shown) for _, command, shown in examples_script.examples(README.read_text(encoding="utf-8"))]


def test_readme_has_the_examples():
    commands = [command for command, _ in EXAMPLES]
    assert "bakuastana show" in commands and "bakuastana show oil" in commands
    assert "bakuastana check --format jsonl --select T | head -1" in commands
    assert all(command.startswith("bakuastana ") for command in commands)


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_example_output_is_current(command, shown):
    actual = examples_script.run_example(command)
    assert actual == shown, f"{REFRESH}\n--- README: {command}\n{shown}\n--- actual\n{actual}"


def test_the_pipe_example_matches_a_real_pipe():
    command = "bakuastana check --format jsonl --select T | head -1"
    shown = dict(EXAMPLES)[command]
    program = f"{sys.executable} -m bakuastana check --format jsonl --select T | head -1"
    real = subprocess.run(program, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert examples_script.normalise(real.stdout) == shown, REFRESH
