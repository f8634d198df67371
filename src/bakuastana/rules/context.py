"""What every rule sees: the store, the article if any, values, and helpers to place findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from bakuastana.analysis.values import StoreEnv
from bakuastana.findings import Finding, Location
from bakuastana.numbers.quantity import describe_value, format_interval
from bakuastana.rules.base import RuleInfo
from bakuastana.store.model import Store
from bakuastana.text.article import Article


@dataclass
class Context:
    store: Store
    article: Article | None = None
    env: StoreEnv | None = None
    quote_spans: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    readings: dict = field(default_factory=dict)  # fact id -> text.binding.Reading, with an article
    bindings: list = field(default_factory=list)  # text.binding.Binding per extracted figure
    judged: dict = field(default_factory=dict)  # relation id -> (verdict, comparison) or ExprError
    compared: dict = field(default_factory=dict)  # relation id -> Comparison on the stored values, if known
    resting: dict = field(default_factory=dict)  # (expression, names) -> derived values not resting on names
    floats: dict = field(default_factory=dict)  # id(Quantity) -> (Quantity, its float enclosure): floatfilter.py
    texts: dict = field(default_factory=dict)  # id(Quantity) -> (Quantity, (its value, its interval) as text)
    stated: dict = field(default_factory=dict)  # fact id or derived id -> the stated facts it rests on
    hedges: dict = field(default_factory=dict)  # id(Quantity) -> (Quantity, its hedge readings or None)
    exact_only: bool | None = None  # BAKUASTANA_EXACT as read once per run (rules/consistency.py)
    relation_results: list | None = None  # per relation, its verdict and texts (rules/consistency.py)
    helper: tuple | None = None  # rules/consistency.py Delegated: relations a helper process judges

    def __post_init__(self) -> None:
        if self.env is None:
            self.env = StoreEnv(self.store)

    def texts_of(self, quantity) -> tuple[str, str]:
        """How a value reads (describe_value) and its interval (format_interval), built once per Quantity object
        (facts, derived values and literals share theirs; the object is kept, so its id is not reused)."""
        known = self.texts.get(id(quantity))
        if known is not None and known[0] is quantity:
            return known[1]
        texts = describe_value(quantity), format_interval(quantity)
        self.texts[id(quantity)] = (quantity, texts)
        return texts

    def location_of(self, item) -> Location:
        """Where a fact, derived value, relation or name stands in the store file."""
        return Location(self.store.path, item.line, item.column)

    def quote_span(self, fact_id: str) -> tuple[int, int] | None:
        """Character span of a fact's quote in the article (cached), or None."""
        if self.article is None:
            return None
        if fact_id not in self.quote_spans:
            fact = self.store.fact_by_id.get(fact_id)
            self.quote_spans[fact_id] = self.article.find(fact.quote) if fact else None
        return self.quote_spans[fact_id]

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

    def first_stated(self, name: str) -> str | None:
        return next(iter(self.stated_facts(name)), None)

    def stated_facts(self, name: str) -> tuple[str, ...]:
        """The stated facts a fact id or derived value rests on, in expression order (kept per name for the run:
        the store's expressions do not change)."""
        known = self.stated.get(name)
        if known is None:
            known = self.stated[name] = tuple(self._stated_facts(name, 0))
        return known

    def _stated_facts(self, name: str, depth: int) -> list[str]:
        if name in self.store.fact_by_id:
            return [name]
        derived = self.store.derived_by_id.get(name)
        if derived is None or depth > 50:
            return []
        return [fact for ref in self.env.parse(derived.expr).refs for fact in self._stated_facts(ref, depth + 1)]

    def finding(self, info: RuleInfo, message: str, facts: list[str], item=None, *, severity: str | None = None,
                span: Location | None = None, **details) -> Finding:
        location = self.location_of(item) if item is not None else None
        stated = self.first_stated(facts[0]) if facts else None
        if span is None and stated is not None and self.article is not None:
            span = self.fact_span(stated)
        quote = self.store.fact_by_id[stated].quote if stated else None
        return Finding(info.code, info.name, severity or info.severity, message, list(facts), location, span,
                       quote=quote, **details)


def _folded_index(article: Article, offset: int) -> int:
    """Index in the folded text of the first folded char at or after a source offset."""
    import bisect

    _, offsets = article.folded()
    return bisect.bisect_left(offsets, offset)
