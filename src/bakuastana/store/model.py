"""The fact store as data: source, names, facts, derived values and relations, each with its place in the file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bakuastana.numbers.periods import Period
from bakuastana.numbers.quantity import Quantity

FACT_KINDS = ("amount", "percent", "pp", "multiple", "count", "ordinal", "year", "date", "duration", "claim")
EXACT_KINDS = ("count", "ordinal", "year", "date", "duration")
SEVERITIES = ("error", "warning", "info")


@dataclass
class Source:
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    published: date | None = None
    title: str | None = None
    article: str | None = None
    note: str | None = None


@dataclass
class Name:
    """One entity, once: its canonical spelling, abbreviations and other names."""

    id: str
    canonical: str
    abbreviations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    line: int = 1
    column: int = 1

    def spellings(self) -> list[str]:
        return [self.canonical, *self.aliases, *self.abbreviations]


@dataclass
class Fact:
    """A stated figure (or a claim without one) with the verbatim quote that contains it."""

    id: str
    topic: str
    label: str
    kind: str
    quote: str
    value_text: str | None = None
    quantity: Quantity | None = None
    figure: str | None = None
    period: Period | None = None
    hedge: str | None = None
    names: list[str] = field(default_factory=list)
    event: str | None = None
    note: str | None = None
    todo: str | None = None
    measure: str | None = None
    trend: str | None = None  # "rising" or "falling": a claim about the series of its measure
    share_of: str | None = None  # percent facts that are shares of one total
    line: int = 1
    column: int = 1
    marks: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # field -> place; read-only


@dataclass
class Derived:
    """A value the article implies but does not state, as an expression over fact ids."""

    id: str
    topic: str
    label: str
    expr: str
    period: Period | None = None
    unit: str | None = None
    note: str | None = None
    measure: str | None = None
    nonnegative: bool = False  # an amount that cannot be below zero: its interval is cut at 0
    line: int = 1
    column: int = 1
    marks: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # field -> place; read-only


@dataclass
class Relation:
    """Something the figures must satisfy; `origin` is "written" (in the store) or "inferred"."""

    id: str
    label: str
    check: str
    severity: str = "error"
    kind: str | None = None
    note: str | None = None
    origin: str = "written"
    line: int = 1
    column: int = 1
    marks: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # field -> place; read-only


@dataclass
class Store:
    path: str
    source: Source
    names: list[Name]
    facts: list[Fact]
    derived: list[Derived]
    relations: list[Relation]
    topics: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.fact_by_id = {fact.id: fact for fact in self.facts}
        self.derived_by_id = {item.id: item for item in self.derived}

    def has_id(self, name: str) -> bool:
        return name in self.fact_by_id or name in self.derived_by_id

    def topic_names(self) -> list[str]:
        seen = dict.fromkeys(fact.topic for fact in self.facts)
        seen.update(dict.fromkeys(item.topic for item in self.derived))
        return list(seen)
