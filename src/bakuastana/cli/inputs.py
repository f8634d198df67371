"""Reading a command's inputs (the fact store, the article) and running the analysis core on them."""

from __future__ import annotations

from pathlib import Path

from bakuastana import data_path
from bakuastana.analysis.engine import CheckOptions, Report
from bakuastana.store.model import Store


def default_store_path() -> Path:
    """`facts.yaml` in the current folder, else the copy bundled with the package."""
    local = Path("facts.yaml")
    if local.exists():
        return local
    return Path(data_path("facts.yaml"))


def read_store(path: str | Path | None = None) -> Store:
    """The store at `path` (default_store_path() when None); BadInput when it cannot be read or is invalid."""
    from bakuastana.store.load import load_store

    return load_store(path or default_store_path())


def check_files(store_path: str | Path | None = None, article_path: str | Path | None = None,
                select: set[str] | None = None, infer: bool = True, show_todos: bool = True,
                default_store: bool = True, published=None, keep_inputs: bool = False, about_tolerance=None,
                progress=None) -> Report:
    """Read the store (and the article), then run `bakuastana.analysis.check` on them. With an article and no
    store named, the store is the one beside the article, else the default store when it describes this
    article (and `default_store`), else a draft made in memory as `init` makes it (its TODOs shown only with
    `show_todos`; `published` resolves its relative periods, as `init --published`); the report's notes say
    which. With `keep_inputs` the report keeps the store and article
    (report.inputs) for a renderer that shows them."""
    from bakuastana.analysis import engine
    from bakuastana.text.article import read_article

    article = read_article(article_path) if article_path is not None else None
    notes: list[str] = []
    drafted = False
    if store_path is None and article is not None:
        store, drafted, note = article_store(Path(article.path), article, default_store, published)
        notes.append(note)
    else:
        store = read_store(store_path)
    options = CheckOptions(frozenset(select) if select else None, infer, about_tolerance, progress)
    report = engine.check(store, article, options)
    if drafted and not show_todos:  # about the draft, not the article: for a person reviewing a store
        todos = sum(1 for finding in report.findings if finding.code in DRAFT_ONLY)
        report.findings[:] = [finding for finding in report.findings if finding.code not in DRAFT_ONLY]
        if todos:
            notes.append(f"{todos} TODOs and unbound figures of the draft (S102, P104) not shown: they are for a "
                         "store's reviewer (--show-todos shows them)")
    report.notes[:0] = notes
    if keep_inputs:  # the store as the check read it: with the configured "about" tolerance
        shown = store if about_tolerance is None else engine.with_tolerance(store, about_tolerance)
        report.inputs = (shown, article)
    return report


DRAFT_ONLY = ("S102", "P104")  # findings about a draft made in memory (its TODOs, figures it left), not the article
STORES_BESIDE = (".facts.yaml", ".yaml", ".json")  # ARTICLE.txt's store: ARTICLE.facts.yaml, .yaml or .json


def store_beside(article_path: Path) -> Path | None:
    """The store beside an article: `NAME.facts.yaml`, else `NAME.yaml`, else `NAME.json` for `NAME.txt`."""
    stem = article_path.name.removesuffix(article_path.suffix) if article_path.suffix else article_path.name
    return next((path for suffix in STORES_BESIDE if (path := article_path.with_name(stem + suffix)).is_file()),
                None)


def article_store(article_path: Path, article, default_store: bool = True,
                  published=None) -> tuple[Store, bool, str]:
    """The store to check an article with when none is named: (store, drafted in memory, a note saying which).
    The store beside it; else, with `default_store`, ./facts.yaml (the editor's loop: the draft changes, the
    store stays), or the bundled seed store when its source names this article; else the draft `init` would
    write, made in memory (no file written)."""
    beside = store_beside(article_path)
    if beside is not None:
        return read_store(beside), False, f"checked with the store beside {article_path}: {beside}"
    if default_store:
        default = default_store_path()
        store = read_store(default)
        if default == Path("facts.yaml"):
            return store, False, f"checked with ./facts.yaml (no store beside {article_path})"
        if store.source.article == article_path.name:
            return store, False, f"checked with the bundled store of {article_path.name}"
    return drafted_store(article, published), True, f"no store beside {article_path}: checked a draft made in memory"


def drafted_store(article, published=None) -> Store:
    """The store `init` drafts for an article, made in memory: what the text `init` writes holds, read from no
    file (so its findings have a place in the article, none in a store)."""
    from bakuastana.draft.draft import drafted

    return drafted(article, published, f"{article.path} (draft)").store
