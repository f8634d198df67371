"""`extract`: every figure of an article with its place, and the fact each is bound to when a store is given."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from bakuastana.findings import Location
from bakuastana.store.model import Store
from bakuastana.text.article import Article
from bakuastana.text.figures import Figure

EXTRACT_SCHEMA = "bakuastana.extract/1"


@dataclass(frozen=True)
class Extracted:
    """One figure of an article, where it stands, and the fact it is bound to, if any."""

    figure: Figure
    span: Location
    fact: str | None

    def to_dict(self) -> dict:
        value = self.figure.value
        if isinstance(value, Fraction):
            value = int(value) if value.denominator == 1 else float(value)
        return {"text": self.figure.text, "value": value, "unit": self.figure.unit, "hedge": self.figure.hedge,
                "kind": self.figure.kind, "scale": self.figure.scale, "noun": self.figure.noun,
                "span": self.span.to_dict(), "fact": self.fact}


@dataclass(frozen=True)
class Extraction:
    """The figures `extract` read from one article."""

    path: str
    figures: list[Extracted]
    note: str | None
    bound: bool = False  # whether a store was given to bind figures to

    @property
    def coverage(self) -> float | None:
        if not self.figures or not self.bound:
            return None
        return round(sum(1 for item in self.figures if item.fact) / len(self.figures), 4)

    def to_dict(self) -> dict:
        return {"schema": EXTRACT_SCHEMA, "path": self.path, "coverage": self.coverage,
                "figures": [item.to_dict() for item in self.figures]}


def extract(article: Article, store: Store | None = None) -> Extraction:
    """The article's figures; with a store, each bound to its fact as `check --article` binds it."""
    if store is None:
        figures = list(article.figures())
        facts = [None] * len(figures)
    else:
        from bakuastana.analysis.engine import read_article_figures

        bindings = read_article_figures(store, article).bindings
        figures = [binding.figure for binding in bindings]
        facts = [binding.fact_id for binding in bindings]
    spans = []
    for figure in figures:
        line, column = article.position(figure.start)
        end_line, end_column = article.position(figure.end)
        spans.append(Location(article.path, line, column, end_line, end_column, figure.text))
    items = [Extracted(f, s, fact) for f, s, fact in zip(figures, spans, facts, strict=True)]
    return Extraction(article.path, items, article.note, store is not None)
