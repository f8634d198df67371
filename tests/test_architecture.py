"""docs/architecture.md and the README's layout name real modules: every `folder/module.py` they mention exists."""

import re

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "bakuastana"
DOCS = [ROOT / "docs" / "architecture.md", ROOT / "README.md"]
MODULE = re.compile(r"(?<![\w/.])((?:[a-z_]+/)+[a-z_0-9]+\.py|[a-z_]+/)(?![\w/])")
TOP_FOLDERS = {path.name for path in PACKAGE.iterdir() if path.is_dir() and not path.name.startswith("__")}


def _named(doc) -> set[str]:
    text = doc.read_text(encoding="utf-8").replace("src/bakuastana/", "")
    return {name for name in MODULE.findall(text) if name.split("/")[0] in TOP_FOLDERS}


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_named_modules_exist(doc):
    named = _named(doc)
    assert named, f"{doc.name} names no module of the package"
    missing = sorted(name for name in named if not (PACKAGE / name).exists())
    assert not missing, f"{doc.name} names modules that do not exist: {missing}"


def test_architecture_covers_every_top_folder():
    named = _named(ROOT / "docs" / "architecture.md")
    folders = {name.split("/")[0] for name in named}
    assert TOP_FOLDERS - {"data"} <= folders, sorted(TOP_FOLDERS - {"data"} - folders)


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_paths_under_the_package_exist(doc):
    paths = re.findall(r"src/bakuastana/([\w/.]*\w)", doc.read_text(encoding="utf-8"))
    missing = sorted({path for path in paths if not (PACKAGE / path).exists()})
    assert not missing, f"{doc.name} names paths that do not exist: {missing}"
