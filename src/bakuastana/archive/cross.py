"""The archive as one body of facts for the cross-article rules (X family): facts grouped by what they state."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from bakuastana.archive.articles import ArticleFacts, FactRow
from bakuastana.findings import Finding, Location
from bakuastana.numbers.interval import Interval


@dataclass(frozen=True)
class Stated:
    """One fact of the archive with the article that states it."""

    article: ArticleFacts
    row: FactRow

    @property
    def path(self) -> str:
        return self.article.article

    @cached_property
    def interval(self) -> Interval:
        return self.row.interval()

    def place(self) -> Location:
        """Where the figure stands in its article (the article's first line when it was not found)."""
        row = self.row
        if row.line is None:
            return Location(self.path, 1, 1)
        return Location(self.path, row.line, row.column, row.end_line, row.end_column, row.figure)

    def cite(self, placed: bool = True) -> str:
        """The figure as written, its outlet, article and place, and its date:
        '"1,1 млн тонн" (kazinform, a.ru.txt:3:5, 2024-10-15)'; without the place unless `placed`."""
        where = self.place()
        parts = [self.article.outlet, f"{where.path}:{where.line}:{where.column}" if placed else None,
                 self.article.published]
        shown = ", ".join(part for part in parts if part)
        return f'"{self.row.figure or self.row.fact}"' + (f" ({shown})" if shown else "")

    def subject_key(self) -> tuple:
        return self.row.measure, frozenset(self.row.subjects), self.row.dims

    def what(self) -> str:
        """The measure, its subjects and period, as a finding names them."""
        subjects = "+".join(sorted(self.row.subjects))
        return f"{self.row.measure}" + (f" [{subjects}]" if subjects else "") + (
            f" {self.row.period}" if self.row.period else "")


class ArchiveView:
    """The stated facts of every readable article, grouped for comparison: by measure, subjects and unit
    dimension, then by period. A fact with no measure, period or value is left out."""

    def __init__(self, articles: Iterable[ArticleFacts]) -> None:
        self.articles = [article for article in articles if article.error is None]
        self.by_subject: dict[tuple, list[Stated]] = defaultdict(list)
        for article in self.articles:
            for row in article.facts:
                if row.measure and row.period_start and row.bounds() is not None and row.kind != "share":
                    stated = Stated(article, row)
                    self.by_subject[stated.subject_key()].append(stated)
        for facts in self.by_subject.values():
            facts.sort(key=lambda item: (item.article.published or "", item.path, item.row.line or 0))

    def same_period_pairs(self, kinds: tuple[str, ...]) -> Iterable[tuple[Stated, Stated]]:
        """Each pair of facts of one measure, subjects and period, from two articles, earlier one first."""
        for facts in self.by_subject.values():
            by_period: dict[tuple, list[Stated]] = defaultdict(list)
            for item in facts:
                if item.row.kind in kinds:
                    by_period[(item.row.period_start, item.row.period_end)].append(item)
            for group in by_period.values():
                for index, earlier in enumerate(group):
                    for later in group[index + 1:]:
                        if later.path != earlier.path:
                            yield earlier, later

    def series(self, kinds: tuple[str, ...]) -> Iterable[list[Stated]]:
        """The facts of each measure, subjects and dimension, of the given kinds."""
        for facts in self.by_subject.values():
            chosen = [item for item in facts if item.row.kind in kinds]
            if chosen:
                yield chosen


def by_later(pairs: Iterable[tuple[Stated, Stated]]) -> list[tuple[Stated, list[Stated]]]:
    """The pairs gathered by their second fact, in the order met: one finding per fact, naming all it meets."""
    gathered: dict[tuple[str, str], tuple[Stated, list[Stated]]] = {}
    for first, second in pairs:
        gathered.setdefault((second.path, second.row.fact), (second, []))[1].append(first)
    return list(gathered.values())


CITED = 4  # figures a finding names in full; more are counted ("and 12 more")


def cite_all(facts: list[Stated]) -> str:
    """One figure's citation, or "N figures: a; b; c" (the first few, then how many more)."""
    if len(facts) == 1:
        return facts[0].cite()
    more = f"; and {len(facts) - CITED} more" if len(facts) > CITED else ""
    return f"{len(facts)} figures: " + "; ".join(item.cite() for item in facts[:CITED]) + more


def differ(a: Stated, b: Stated) -> bool:
    """The two values cannot be the same number, whatever their rounding or hedge allows."""
    return not a.interval.intersects(b.interval)


def finding(rule, message: str, first: Stated, second: Stated, **extra) -> Finding:
    """A finding placed at the second (later) fact's figure, with the first's place as its other location."""
    return Finding(rule.code, rule.name, rule.severity, message, [first.row.fact, second.row.fact],
                   location=first.place(), span=second.place(), quote=second.row.quote, **extra)


def check_archive(articles: Iterable[ArticleFacts], select: set[str] | None = None) -> list[Finding]:
    """Every cross-article rule (or those in `select`: codes, prefixes or rule names, in any case) over the
    archive's articles."""
    from bakuastana.rules import CROSS

    view = ArchiveView(articles)
    findings: list[Finding] = []
    for rule in CROSS:
        if select and not any(rule.code.startswith(word.upper()) or rule.name == word.lower() for word in select):
            continue
        findings.extend(rule.check(view))
    findings.sort(key=Finding.sort_key)
    return findings
