"""One article of an archive as rows of facts: a pure, picklable function of (article path, store path or None)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

from bakuastana.errors import BadInput
from bakuastana.numbers.interval import Interval

_LEAD_CHARS = 200  # how far back the start of a quote's sentence is looked for
_DATELINE_CHARS = 60  # a date fact whose quote is this short is the article's dateline, not a sentence's figure


@dataclass(frozen=True)
class FactRow:
    """One stated fact of an article, as the archive keeps it: its measure, subjects, period, value in base units
    (low, high and nominal as exact fractions written "p/q" or "inf"), and where its figure stands."""

    fact: str
    measure: str | None
    subjects: tuple[str, ...]
    period: str | None
    period_start: str | None  # ISO dates
    period_end: str | None
    low: str | None
    high: str | None
    nominal: str | None
    unit: str | None  # the display unit, e.g. "million t"
    dims: str | None  # the base dimensions, e.g. "kg" or "USD": values compare only within one
    kind: str  # the fact's kind; "share" for a percent with share_of (a percent with a measure is its growth)
    hedge: str | None
    figure: str | None
    quote: str
    lead: str = ""  # the words of the quote's sentence before the quote ("По уточнённым данным, ")
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None

    def bounds(self) -> tuple[Fraction | float, Fraction | float] | None:
        if self.low is None or self.high is None:
            return None
        return parse_bound(self.low), parse_bound(self.high)

    def interval(self) -> Interval:
        """The value as an Interval (its nominal too); the row must have bounds."""
        return Interval(*self.bounds(), nominal=None if self.nominal is None else parse_bound(self.nominal))


@dataclass(frozen=True)
class ArticleFacts:
    """An article of the archive: what identifies it, its source, and its facts; or the one error line that
    says why it could not be read."""

    article: str
    store: str | None  # None: a draft made in memory
    hash: str
    outlet: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date
    title: str | None = None
    facts: tuple[FactRow, ...] = field(default_factory=tuple)
    error: str | None = None


def content_hash(article_path: str | Path, store_path: str | Path | None) -> str:
    """SHA-256 of the article's bytes and the store's (or of "draft" with none): what re-indexing compares."""
    digest = hashlib.sha256(Path(article_path).read_bytes())
    digest.update(b"\0store\0")
    digest.update(Path(store_path).read_bytes() if store_path else b"draft")
    return digest.hexdigest()


def analyse_article(article_path: str, store_path: str | None, outlet: str | None = None) -> ArticleFacts:
    """The article's facts as rows, read with its store, else with the draft `init` would make (in memory).
    `outlet` is used when the store's source names none. Bad input becomes the result's error line."""
    try:
        digest = content_hash(article_path, store_path)
    except OSError as exc:
        return ArticleFacts(article_path, store_path, "", error=f"{article_path}: error: {exc.strerror}")
    try:
        return _analyse(article_path, store_path, digest, outlet)
    except BadInput as exc:
        return ArticleFacts(article_path, store_path, digest, error=str(exc))


def _analyse(article_path: str, store_path: str | None, digest: str, outlet: str | None) -> ArticleFacts:
    from bakuastana.cli.inputs import drafted_store, read_store
    from bakuastana.draft.subjects import store_vocabulary, subjects_of
    from bakuastana.text.article import read_article

    article = read_article(article_path)
    store = read_store(store_path) if store_path else drafted_store(article)
    vocabulary = store_vocabulary(store.names)
    rows = []
    for fact in store.facts:
        if fact.kind in ("claim", "date", "year") or fact.quantity is None:
            continue
        subjects = tuple(fact.subjects) or tuple(subjects_of(fact.quote, vocabulary))
        rows.append(_row(fact, subjects, article))
    source = store.source
    published = source.published or _dateline(store)
    return ArticleFacts(article_path, store_path, digest, source.outlet or outlet, source.language,
                        published.isoformat() if published else None, source.title, tuple(rows))


def _row(fact, subjects: tuple[str, ...], article) -> FactRow:
    quantity = fact.quantity
    interval = quantity.interval
    period = fact.period
    lead, place = _figure_place(article, fact.quote, fact.figure)
    return FactRow(
        fact.id, fact.measure, subjects, period.text if period else None,
        period.start.isoformat() if period else None, period.end.isoformat() if period else None,
        write_bound(interval.lo), write_bound(interval.hi),
        write_bound(interval.nominal) if interval.nominal is not None else None,
        quantity.unit.label or None, dims_label(quantity.unit.dims), "share" if fact.share_of else fact.kind,
        fact.hedge, fact.figure, fact.quote, lead, *place)


def dims_label(dims) -> str | None:
    """The unit's base dimensions as text ("kg", "USD", "kg*s**-1"), the same for every unit of one kind."""
    if not dims:
        return None
    return "*".join(name if power == 1 else f"{name}**{power}" for name, power in dims)


def _figure_place(article, quote: str, figure: str | None) -> tuple[str, tuple[int | None, ...]]:
    """The sentence's words before the quote, and the line, column, end line and end column of the figure in
    the article (else of its quote), or Nones."""
    span = article.find(quote)
    if span is None:
        return "", (None, None, None, None)
    start, end = span
    head = article.text[max(0, start - _LEAD_CHARS):start]
    lead = re.split(r"[.!?]\s|\n", head)[-1]
    if figure:
        inner = article.text.find(figure, start, end + len(figure))  # a quote may stop at "тыс."
        if inner >= 0:
            start, end = inner, inner + len(figure)
    return lead, (*article.position(start), *article.position(end))


def _dateline(store) -> date | None:
    """The date of the article's dateline ("Астана, 15 октября 2024"): a date fact whose quote is that short."""
    for fact in store.facts:
        if fact.kind == "date" and len(fact.quote) <= _DATELINE_CHARS and fact.value_text:
            try:
                return date.fromisoformat(fact.value_text.strip())
            except ValueError:
                continue
    return None


def write_bound(value) -> str:
    """An interval end as exact text: "p/q", "p", "inf" or "-inf"."""
    if isinstance(value, float):
        return "inf" if value > 0 else "-inf"
    return str(Fraction(value))


def parse_bound(text: str) -> Fraction | float:
    if text in ("inf", "-inf"):
        return float(text)
    return Fraction(text)


def base_value(text: str | None) -> float | None:
    """An exact bound as a float, for SQL sorting and charts."""
    return None if text is None else float(parse_bound(text))

