"""README's reference parts stay true: the rules table lists every rule, and the configuration example is accepted."""

import json
import re
import shutil
import subprocess
import sys

from bakuastana.rules import CROSS, RULES
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_rule():
    listed = dict(re.findall(r"^\| ([A-Z]\d{3}) \| ([a-z-]+)", README, flags=re.M))
    assert listed == {rule.code: rule.name for rule in (*RULES.values(), *CROSS)}


def test_readme_configuration_example_is_accepted(tmp_path):
    example = re.search(r"```toml\n(.*?)```", README, flags=re.S).group(1)
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    article = tmp_path / "article.txt"
    shutil.copy(ROOT / "tests" / "data" / "init" / "aktau-port-cargo.ru.txt", article)
    result = subprocess.run([sys.executable, "-m", "bakuastana", "check", str(article), "--show-settings"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)
    assert settings["config"] == str(tmp_path / "pyproject.toml")
    assert settings["ignore"] == ["T102"] and settings["severity"] == {"T103": "info"}
    assert settings["about-tolerance"] == "5 %" and settings["level"] == "warning"
    assert "G101" in settings["rules"] and "S101" not in settings["rules"]
