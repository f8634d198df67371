"""What every rule sees: one run's analysis of a store (and its article), computed once, and how to place findings."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from bakuastana.findings import Finding, Location

if TYPE_CHECKING:  # the rules import this module for `Analysis`; the engine behind it loads when a check runs
    from bakuastana.analysis.judge import Judge, RelationResult
    from bakuastana.analysis.values import StoreEnv
    from bakuastana.store.model import Relation, Store
    from bakuastana.text.article import Article


_NOTHING: Mapping = MappingProxyType({})  # an empty table, shared: read only


class ArticleReading(NamedTuple):
    """The article read against the store: each fact's reading, each extracted figure's binding, where each
    fact's quote stands, the figures the draft writes differently (fact id -> value), and the coverage."""

    readings: Mapping = _NOTHING  # fact id -> text.binding.Reading
    bindings: tuple = ()  # text.binding.Binding per extracted figure
    quote_spans: Mapping[str, tuple[int, int] | None] = _NOTHING
    overrides: Mapping = _NOTHING
    coverage: float | None = None


_NO_ARTICLE = ArticleReading()  # a store checked alone: nothing read


@dataclass(frozen=True, eq=False, repr=False)
class Analysis:
    """One run's shared state: the store, the article, the values (stated, or as the article writes them), the
    relations judged (written and inferred), and the article's readings and bindings. Built by
    analysis/engine.py `analyse`; rules read it and never change it."""

    store: Store
    article: Article | None
    env: StoreEnv  # values and parses (memoised inside; answers never change)
    judge: Judge
    relations: tuple[Relation, ...]  # the store's relations, then the inferred ones
    relation_results: tuple[RelationResult, ...] | None  # per relation, when relation rules run
    reading: ArticleReading = _NO_ARTICLE

    @property
    def readings(self) -> Mapping:
        return self.reading.readings

    @property
    def bindings(self) -> tuple:
        return self.reading.bindings

    @property
    def coverage(self) -> float | None:
        return self.reading.coverage

    def texts_of(self, quantity) -> tuple[str, str]:
        """How a value reads and its interval (analysis/judge.py Judge.texts_of)."""
        return self.judge.texts_of(quantity)

    def stated_facts(self, name: str) -> tuple[str, ...]:
        """The stated facts a fact id or derived value rests on, in expression order."""
        return self.judge.stated_facts(name)

    def first_stated(self, name: str) -> str | None:
        return next(iter(self.stated_facts(name)), None)

    def location_of(self, item) -> Location | None:
        """Where a fact, derived value, relation or name stands in the store file; None for a store read from no
        file (a draft made in memory)."""
        return None if item.line is None else Location(self.store.path, item.line, item.column)

    def quote_span(self, fact_id: str) -> tuple[int, int] | None:
        """Character span of a fact's quote in the article, or None."""
        if self.article is None:
            return None
        if fact_id in self.reading.quote_spans:
            return self.reading.quote_spans[fact_id]
        fact = self.store.fact_by_id.get(fact_id)
        return self.article.find(fact.quote) if fact else None

    def figure_span(self, fact_id: str) -> tuple[int, int] | None:
        """The figure inside the fact's quote when it is there, else the whole quote."""
        quote = self.quote_span(fact_id)
        fact = self.store.fact_by_id.get(fact_id)
        if quote is None or fact is None:
            return quote
        if fact.figure:
            inner = self.article.find(fact.figure, _folded_index(self.article, quote[0]))
            if inner is not None and quote[0] <= inner[0] and inner[1] <= quote[1]:
                return inner
        return quote

    def fact_quoting(self, start: int, end: int):
        """The fact whose quote holds the article span [start, end), if any (the narrowest such quote)."""
        best = None
        for fact in self.store.facts:
            span = self.quote_span(fact.id)
            if span and span[0] <= start and end <= span[1] and (best is None or span[1] - span[0] < best[0]):
                best = (span[1] - span[0], fact)
        return best[1] if best else None

    def span_of(self, start: int, end: int) -> Location:
        line, column = self.article.position(start)
        end_line, end_column = self.article.position(end)
        return Location(self.article.path, line, column, end_line, end_column, self.article.text[start:end])

    def fact_span(self, fact_id: str) -> Location | None:
        """The place in the article where a fact (or the first stated fact behind a derived value) stands."""
        stated = self.first_stated(fact_id)
        if stated is None:
            return None
        span = self.figure_span(stated)
        return self.span_of(*span) if span else None

    def finding(self, rule, message: str, facts: list[str], item=None, *, severity: str | None = None,
                span: Location | None = None, **details) -> Finding:
        """A finding of `rule` about `facts`, placed at `item` in the store and at the first fact's figure in
        the article (when there is one)."""
        location = self.location_of(item) if item is not None else None
        stated = self.first_stated(facts[0]) if facts else None
        if span is None and stated is not None and self.article is not None:
            span = self.fact_span(stated)
        quote = self.store.fact_by_id[stated].quote if stated else None
        return Finding(rule.code, rule.name, severity or rule.severity, message, list(facts), location, span,
                       quote=quote, **details)


def _folded_index(article: Article, offset: int) -> int:
    """Index in the folded text of the first folded char at or after a source offset."""
    _, offsets = article.folded()
    return bisect.bisect_left(offsets, offset)
