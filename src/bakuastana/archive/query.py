"""Reading the archive index: its articles and facts back as rows, and one measure's values across articles."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bakuastana.archive.articles import ArticleFacts, FactRow
from bakuastana.errors import BadInput

_FACT_COLUMNS = ('fact, measure, subjects, period, period_start, period_end, low, high, nominal, unit, dims, kind, '
                 'hedge, figure, quote, lead, line, "column", end_line, end_column')


@dataclass(frozen=True)
class SourcedFact:
    """A fact of the archive with the article that states it."""

    article: str
    outlet: str | None
    published: str | None
    language: str | None
    row: FactRow


def open_archive(path: str | Path) -> sqlite3.Connection:
    from bakuastana.archive.index import connect

    return connect(path, create=False)


def read_articles(db: sqlite3.Connection) -> list[ArticleFacts]:
    """Every article the index holds, with its facts, in path order."""
    articles = []
    for article_id, path, store, digest, outlet, language, published, title, error in db.execute(
            "SELECT id, path, store, hash, outlet, language, published, title, error FROM articles ORDER BY path"):
        rows = tuple(_fact_row(values) for values in db.execute(
            f"SELECT {_FACT_COLUMNS} FROM facts WHERE article = ? ORDER BY line, \"column\", fact", (article_id,)))
        articles.append(ArticleFacts(path, store, digest, outlet, language, published, title, rows, error))
    return articles


def topic_facts(db: sqlite3.Connection, topic: str) -> list[SourcedFact]:
    """The facts whose measure is `topic`, or whose measure starts with it and "_" (trade: trade_turnover),
    ordered by period, then publication date and article."""
    found = db.execute(
        f"SELECT a.path, a.outlet, a.published, a.language, {_prefixed(_FACT_COLUMNS)} FROM facts f "
        "JOIN articles a ON a.id = f.article WHERE f.measure = ? OR f.measure LIKE ? ESCAPE '\\'",
        (topic, topic.replace("_", "\\_").replace("%", "\\%") + "\\_%")).fetchall()
    facts = [SourcedFact(path, outlet, published, language, _fact_row(values))
             for path, outlet, published, language, *values in found]
    facts.sort(key=lambda item: (item.row.measure, sorted(item.row.subjects), item.row.kind,
                                 item.row.period_start or "", item.row.period_end or "", item.published or "",
                                 item.article))
    return facts


def measures(db: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """Each measure of the index with its number of facts and of articles."""
    return list(db.execute("SELECT measure, COUNT(*), COUNT(DISTINCT article) FROM facts WHERE measure IS NOT NULL "
                           "GROUP BY measure ORDER BY measure"))


def require_topic(db: sqlite3.Connection, topic: str, path: str) -> list[SourcedFact]:
    facts = topic_facts(db, topic)
    if not facts:
        known = ", ".join(measure for measure, _, _ in measures(db)) or "none"
        raise BadInput(f'no facts of measure "{topic}" in the archive (measures: {known})', path)
    return facts


def _prefixed(columns: str) -> str:
    return ", ".join("f." + column.strip() for column in columns.split(","))


def _fact_row(values) -> FactRow:
    values = list(values)
    values[2] = tuple(subject for subject in values[2].split(",") if subject)
    return FactRow(*values)
