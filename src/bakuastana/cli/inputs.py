"""Reading a command's inputs (the fact store, the article) and running the analysis core on them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from bakuastana.analysis.engine import CheckOptions, Report
from bakuastana.store.model import Store


def default_store_path() -> Path:
    """`facts.yaml` in the current folder, else the copy bundled with the package."""
    local = Path("facts.yaml")
    if local.exists():
        return local
    return Path(str(resources.files("bakuastana").joinpath("data/facts.yaml")))


def read_store(path: str | Path | None = None) -> Store:
    """The store at `path` (default_store_path() when None); BadInput when it cannot be read or is invalid."""
    from bakuastana.store.load import load_store

    return load_store(path or default_store_path())


def check_files(store_path: str | Path | None = None, article_path: str | Path | None = None,
                select: set[str] | None = None, infer: bool = True) -> Report:
    """Read the store (and the article), then run `bakuastana.analysis.check` on them."""
    from bakuastana.analysis import engine
    from bakuastana.text.article import read_article

    store = read_store(store_path)
    article = read_article(article_path) if article_path is not None else None
    options = CheckOptions(frozenset(select) if select else None, infer)
    return engine.check(store, article, options)
