"""Building the archive index: every article of a folder or manifest into one SQLite database, one transaction each."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from bakuastana.archive.articles import ArticleFacts, analyse_article, base_value, content_hash
from bakuastana.errors import BadInput

SCHEMA_VERSION = "1"
ARCHIVE_SUFFIXES = (".sqlite", ".sqlite3", ".db")  # `check FILE --cross` reads such a FILE as an index


@dataclass(frozen=True)
class ArchiveItem:
    """An article of the archive, its store (None: a draft made in memory) and the outlet its folder names."""

    article: str
    store: str | None
    outlet: str | None = None


@dataclass
class IndexReport:
    """What one `index` run did: articles indexed, skipped as unchanged, failed (their error lines), facts written."""

    indexed: int = 0
    skipped: int = 0
    facts: int = 0
    errors: list[str] = field(default_factory=list)
    removed: int = 0  # articles of the index whose file is gone


def archive_items(target: str | Path) -> list[ArchiveItem]:
    """The articles a folder or manifest names, each with its store when one is beside it (or listed), else
    None. In a folder, the outlet of an article in a subfolder is that subfolder's name (archive/trend/a.txt:
    trend), unless its store's source names one."""
    from bakuastana.cli.batch import find_pairs

    target = Path(target)
    items = []
    for pair in find_pairs(target):
        outlet = None
        if target.is_dir():
            parts = Path(pair.article).relative_to(target).parts
            outlet = parts[0] if len(parts) > 1 else None
        items.append(ArchiveItem(pair.article, pair.facts, outlet))
    return items


def analyse_item(item: ArchiveItem) -> ArticleFacts:
    """The per-article function of an archive run (module level, so a process pool or cluster can call it)."""
    return analyse_article(item.article, item.store, item.outlet)


def analyse_items(items: list[ArchiveItem], workers: int = 1) -> Iterator[ArticleFacts]:
    """Each item's facts, in the order given, across `workers` processes, streamed as they come."""
    if workers <= 1 or len(items) <= 1:
        yield from map(analyse_item, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(items))) as pool:
        yield from pool.map(analyse_item, items, chunksize=max(1, len(items) // (workers * 4)))


def connect(path: str | Path, create: bool = True) -> sqlite3.Connection:
    """An archive database, made with the current schema when new; BadInput if it is another version's."""
    path = Path(path)
    if not create and not path.is_file():
        raise BadInput("no such archive index (build it with `bakuastana index ARCHIVE -o FILE`)", str(path))
    try:
        db = sqlite3.connect(path)
        db.execute("PRAGMA foreign_keys = ON")
        version = _version(db)
    except sqlite3.DatabaseError as exc:
        raise BadInput(f"not an archive index: {exc}", str(path)) from None
    if version is None:
        if not create:
            raise BadInput("not an archive index (no meta table)", str(path))
        with db:
            db.executescript(schema_sql())
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('tool', ?)", (_tool_version(),))
    elif version != SCHEMA_VERSION:
        raise BadInput(f"archive index of schema version {version}; this bakuastana reads version {SCHEMA_VERSION}: "
                       "index the archive again into a new file", str(path))
    return db


def schema_sql() -> str:
    return resources.files("bakuastana.archive").joinpath("schema.sql").read_text(encoding="utf-8")


def build_index(target: str | Path, output: str | Path, workers: int = 1,
                progress: Callable[[int, int], None] | None = None, rebuild: bool = False) -> IndexReport:
    """Index every article of `target` into the database at `output`; an article whose content hash is the
    one indexed is skipped; each article is written in its own transaction. With `rebuild`, an index already
    at `output` is removed first (once the archive's articles are found)."""
    items = archive_items(target)
    if rebuild:
        Path(output).unlink(missing_ok=True)
    db = connect(output)
    try:
        known = {path: (digest, error) for path, digest, error in db.execute("SELECT path, hash, error FROM articles")}
        report = IndexReport()
        todo = []
        for item in items:
            try:
                unchanged = known.get(item.article, ("", None))[0] == content_hash(item.article, item.store)
            except OSError:
                unchanged = False
            if unchanged:
                report.skipped += 1
                if known[item.article][1] is not None:  # still unreadable: say so again
                    report.errors.append(known[item.article][1])
            else:
                todo.append(item)
        listed = {item.article for item in items}
        for path in known:
            if path not in listed and not Path(path).exists():
                with db:
                    db.execute("DELETE FROM articles WHERE path = ?", (path,))
                report.removed += 1
        for done, result in enumerate(analyse_items(todo, workers), 1):
            write_article(db, result)
            if result.error is not None:
                report.errors.append(result.error)
            else:
                report.indexed += 1
                report.facts += len(result.facts)
            if progress is not None:
                progress(done, len(todo))
        return report
    finally:
        db.close()


def write_article(db: sqlite3.Connection, result: ArticleFacts) -> None:
    """Replace one article's rows, in one transaction."""
    with db:
        db.execute("DELETE FROM articles WHERE path = ?", (result.article,))
        cursor = db.execute(
            "INSERT INTO articles (path, store, hash, outlet, language, published, title, error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (result.article, result.store, result.hash, result.outlet, result.language, result.published,
             result.title, result.error))
        article_id = cursor.lastrowid
        db.executemany(
            'INSERT INTO facts (article, fact, measure, subjects, period, period_start, period_end, low, high, '
            'nominal, low_value, high_value, nominal_value, unit, dims, kind, hedge, figure, quote, lead, line, '
            '"column", end_line, end_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '
            '?, ?)',
            [(article_id, row.fact, row.measure, ",".join(row.subjects), row.period, row.period_start,
              row.period_end, row.low, row.high, row.nominal, base_value(row.low), base_value(row.high),
              base_value(row.nominal), row.unit, row.dims, row.kind, row.hedge, row.figure, row.quote, row.lead,
              row.line, row.column, row.end_line, row.end_column) for row in result.facts])
        db.executemany("INSERT OR IGNORE INTO fact_subjects VALUES (?, ?, ?)",
                       _subject_rows(article_id, result))


def _subject_rows(article_id: int, result: ArticleFacts) -> Iterable[tuple]:
    for row in result.facts:
        for subject in row.subjects:
            yield article_id, row.fact, subject


def _version(db: sqlite3.Connection) -> str | None:
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        return None
    row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return row[0] if row else "unknown"


def _tool_version() -> str:
    from bakuastana import __version__

    return __version__
