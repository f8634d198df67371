"""The fact store as data, each stored field declared once (for the loader and the JSON Schema), each item placed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bakuastana.numbers.periods import Period
from bakuastana.numbers.quantity import HEDGES, Quantity
from bakuastana.store.fields import (
    CHOICE,
    COMPARISON,
    CONST,
    DATE,
    FIGURE,
    FLAG,
    ID,
    PERIOD,
    SCHEMA_ID,
    SECTION,
    SECTION_LIST,
    TEXT,
    TEXT_LIST,
    TEXT_MAP,
    stored,
)

FACT_KINDS = ("amount", "percent", "pp", "multiple", "count", "ordinal", "year", "date", "duration", "claim")
EXACT_KINDS = ("count", "ordinal", "year", "date", "duration")
SEVERITIES = ("error", "warning", "info")
TRENDS = ("rising", "falling")


@dataclass
class Source:
    """Where the store's figures come from: the outlet, author, language, publication date and article."""

    outlet: str | None = field(default=None, metadata=stored(TEXT))
    author: str | None = field(default=None, metadata=stored(TEXT))
    language: str | None = field(default=None, metadata=stored(TEXT))
    published: date | None = field(default=None, metadata=stored(DATE, description="resolves this_year / last_year"))
    title: str | None = field(default=None, metadata=stored(TEXT))
    article: str | None = field(default=None, metadata=stored(TEXT, description="file name of the article text"))
    note: str | None = field(default=None, metadata=stored(TEXT))
    url: str | None = field(default=None, metadata=stored(TEXT))


@dataclass
class Name:
    """One entity, once: its canonical spelling, abbreviations and other names."""

    id: str = field(metadata=stored(ID, required=True))
    canonical: str = field(metadata=stored(TEXT, required=True))
    abbreviations: list[str] = field(default_factory=list, metadata=stored(TEXT_LIST))
    aliases: list[str] = field(default_factory=list, metadata=stored(TEXT_LIST))
    kind: str | None = field(default=None, metadata=stored(TEXT))
    note: str | None = field(default=None, metadata=stored(TEXT))
    entity: str | None = field(default=None, metadata=stored(
        ID, description="the shared entity this name is (an id of data/entities.json, or a new one): its spellings "
                        "name that subject across articles"))
    line: int | None = 1  # None: read from no file (store/load.py store_of)
    column: int | None = 1

    def spellings(self) -> list[str]:
        return [self.canonical, *self.aliases, *self.abbreviations]


@dataclass
class Fact:
    """A stated figure (or a claim without one) with the verbatim quote that contains it."""

    id: str = field(metadata=stored(ID, required=True))
    topic: str = field(metadata=stored(TEXT, required=True))
    label: str = field(metadata=stored(TEXT, required=True))
    kind: str = field(metadata=stored(CHOICE, choices=FACT_KINDS, absent="amount"))
    quote: str = field(metadata=stored(TEXT, required=True))
    value_text: str | None = field(default=None, metadata=stored(
        FIGURE, key="value", description="number, scale word, unit: '470 million USD', '3.5 Mt', '7 million t/year', "
                                         "'50 percent', 4; a date for kind date/year"))
    quantity: Quantity | None = None  # read from value, hedge, exact, precision and tolerance
    figure: str | None = field(default=None, metadata=stored(FIGURE, description="the figure exactly as the quote "
                                                                                 "writes it"))
    period: Period | None = field(default=None, metadata=stored(PERIOD))
    hedge: str | None = field(default=None, metadata=stored(CHOICE, choices=HEDGES))
    names: list[str] = field(default_factory=list, metadata=stored(TEXT_LIST))
    subjects: list[str] = field(default_factory=list, metadata=stored(
        TEXT_LIST, description="ids of the entities the figure is about (kazakhstan, btc, middle_corridor, aktau), "
                               "the same across articles and languages; init fills them from the quote"))
    event: str | None = field(default=None, metadata=stored(TEXT))
    note: str | None = field(default=None, metadata=stored(TEXT))
    todo: str | None = field(default=None, metadata=stored(TEXT))
    measure: str | None = field(default=None, metadata=stored(
        TEXT, description="what the figure measures (trade_turnover, oil_transit_btc); facts of one measure are "
                          "checked against each other"))
    trend: str | None = field(default=None, metadata=stored(
        CHOICE, choices=TRENDS, description="a claim that the series of its measure rises or falls"))
    share_of: str | None = field(default=None, metadata=stored(
        TEXT, description="percent facts sharing this total must add up to at most 100 %"))
    exact: bool | None = field(default=None, metadata=stored(
        FLAG, description="the digits are exact (the default for counts, ordinals, years, dates and durations)"))
    precision: str | None = field(default=None, metadata=stored(
        TEXT, description="a wider half-width than the written digits give, e.g. '5 million USD'"))
    tolerance: str | None = field(default=None, metadata=stored(
        FIGURE, description="for about/almost: '5 percent' (default 10 percent)"))
    ignore: list[str] = field(default_factory=list, metadata=stored(
        TEXT_LIST, description="rule codes not to report on this fact, e.g. [T103] (say why in ignore_reason)"))
    ignore_reason: str | None = field(default=None, metadata=stored(
        TEXT, description="why the codes in ignore are not reported on this fact"))
    line: int | None = 1  # None: read from no file (store/load.py store_of)
    column: int | None = 1
    marks: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)  # field -> place; read-only


@dataclass
class Derived:
    """A value the article implies but does not state, as an expression over fact ids."""

    id: str = field(metadata=stored(ID, required=True))
    topic: str = field(metadata=stored(TEXT, required=True))
    label: str = field(metadata=stored(TEXT, required=True))
    expr: str = field(metadata=stored(TEXT, required=True))
    period: Period | None = field(default=None, metadata=stored(PERIOD))
    unit: str | None = field(default=None, metadata=stored(TEXT))
    note: str | None = field(default=None, metadata=stored(TEXT))
    measure: str | None = field(default=None, metadata=stored(TEXT))
    nonnegative: bool = field(default=False, metadata=stored(
        FLAG, description="an amount that cannot be below zero: its interval is cut at 0"))
    line: int | None = 1  # None: read from no file (store/load.py store_of)
    column: int | None = 1
    marks: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)  # field -> place; read-only


@dataclass
class Relation:
    """Something the figures must satisfy; `origin` is "written" (in the store) or "inferred"."""

    id: str = field(metadata=stored(ID, required=True))
    label: str = field(metadata=stored(TEXT, required=True))
    check: str = field(metadata=stored(COMPARISON, required=True))
    severity: str = field(default="error", metadata=stored(CHOICE, choices=SEVERITIES, absent="error"))
    kind: str | None = field(default=None, metadata=stored(TEXT))
    note: str | None = field(default=None, metadata=stored(TEXT))
    origin: str = "written"
    line: int | None = 1  # None: read from no file (store/load.py store_of)
    column: int | None = 1
    marks: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)  # field -> place; read-only


@dataclass
class Store:
    """A fact store as loaded: its source, names, facts, derived values, relations and topics."""

    path: str
    source: Source = field(default_factory=Source, metadata=stored(SECTION, item=Source))
    names: list[Name] = field(default_factory=list, metadata=stored(SECTION_LIST, item=Name))
    facts: list[Fact] = field(default_factory=list, metadata=stored(SECTION_LIST, item=Fact, required=True))
    derived: list[Derived] = field(default_factory=list, metadata=stored(SECTION_LIST, item=Derived))
    relations: list[Relation] = field(default_factory=list, metadata=stored(SECTION_LIST, item=Relation))
    topics: dict[str, str] = field(default_factory=dict, metadata=stored(TEXT_MAP))
    schema: str | None = field(default=None, metadata=stored(CONST, choices=(SCHEMA_ID,)))

    def __post_init__(self) -> None:
        self.fact_by_id = {fact.id: fact for fact in self.facts}
        self.derived_by_id = {item.id: item for item in self.derived}

    def has_id(self, name: str) -> bool:
        return name in self.fact_by_id or name in self.derived_by_id

    def topic_names(self) -> list[str]:
        seen = dict.fromkeys(fact.topic for fact in self.facts)
        seen.update(dict.fromkeys(item.topic for item in self.derived))
        return list(seen)
