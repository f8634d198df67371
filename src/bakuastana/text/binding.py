"""Tie the article's figures to the store's facts, and read each fact's figure as the article writes it."""

from __future__ import annotations

import bisect
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from bakuastana.numbers.periods import PeriodError
from bakuastana.numbers.quantity import Quantity, scale_interval, stated_interval
from bakuastana.numbers.units import UnitError, parse_unit
from bakuastana.store.load import date_quantity, parse_tolerance
from bakuastana.store.model import EXACT_KINDS, Fact, Store
from bakuastana.text.article import Article, fold_text
from bakuastana.text.figures import Figure, extract_figures

MIN_ANCHOR = 5  # a quote's text before or after its figure must be this long to locate a changed figure
SEARCH_SLACK = 80  # how far past a located anchor a changed figure may stand
REPEATABLE_KINDS = ("amount", "percent", "multiple")  # a figure of these written again is the same claim
REPEAT_REACH = 40  # how far from a repeated figure a year or date of its period may stand


class Reading(NamedTuple):
    """A fact's figure as the article writes it: `status` is "same", "changed", "unread" or "missing"."""

    fact_id: str
    status: str
    stored: Figure | None
    written: Figure | None
    span: tuple[int, int] | None
    differences: tuple[str, ...] = ()
    quote: tuple[int, int] | None = None  # where the quote stands (approximately, when it was edited)


@lru_cache(maxsize=4096)  # bounded: a batch reads figures of many articles
def parse_stored_figure(figure_text: str) -> Figure | None:
    """The store's `figure` text read by the same extractor as the article, so both compare like for like."""
    figures = extract_figures(figure_text)
    if not figures:
        return None
    return max(figures, key=lambda figure: (figure.kind not in ("year", "date"), figure.end - figure.start))


@lru_cache(maxsize=4096)
def stored_figure_in_quote(quote: str, figure_text: str) -> Figure | None:
    """The store's figure read where it stands in its own quote, so a figure that takes its unit or scale from
    its neighbour ("с 790 млн до 950 млн долларов") reads as the article reads it; else read on its own. It
    stands where it is written as a whole: "10%" in "выросла на 110%, а затем на 10%" is the second."""
    position = _whole_occurrence(quote, figure_text)
    if position >= 0:
        end = position + len(figure_text)
        inside = [f for f in _quote_figures(quote) if f.start < end and position < f.end]
        if inside:
            return max(inside, key=lambda f: (f.kind not in ("year", "date"), min(f.end, end) - max(f.start, position)))
    return parse_stored_figure(figure_text)


def _whole_occurrence(quote: str, figure_text: str) -> int:
    """Where `figure_text` first stands in `quote` with no letter or digit joined to either end; else where it
    first stands at all (-1: nowhere)."""
    first = position = quote.find(figure_text)
    while position >= 0:
        end = position + len(figure_text)
        if not (position and quote[position - 1].isalnum()) and not (end < len(quote) and quote[end].isalnum()):
            return position
        position = quote.find(figure_text, position + 1)
    return first


@lru_cache(maxsize=1024)
def _quote_figures(quote: str) -> tuple[Figure, ...]:
    """The figures of a quote, read once for all the facts quoting it (a draft's sentence often holds several)."""
    return tuple(extract_figures(quote))


def differences(stored: Figure, written: Figure) -> tuple[str, ...]:
    """What differs between two readings of one figure: value, unit, hedge, kind."""
    found = []
    if stored.kind != written.kind and {stored.kind, written.kind} != {"count", "amount"}:
        found.append("kind")
    if _comparable_value(stored) != _comparable_value(written):
        found.append("date" if stored.kind in ("date", "year") else "value")
    if stored.unit != written.unit:
        found.append("unit")
    if stored.hedge != written.hedge:
        found.append("hedge")
    return tuple(found)


def _comparable_value(figure: Figure):
    if isinstance(figure.value, str):
        return figure.value
    return figure.value


def read_fact(article: Article, fact: Fact, figures: list[Figure], starts: list[int]) -> Reading:
    """Find the fact's figure in the article: in its quote when the quote is intact, else between the quote's
    text before and after the figure (so a changed number, unit or date is still read where it stands)."""
    stored = stored_figure_in_quote(fact.quote, fact.figure) if fact.figure else None
    quote = article.find(fact.quote)
    if fact.figure is None or stored is None:  # a claim, or a figure the extractor does not read on its own
        inner = _find_within(article, fact.figure, quote) if quote and fact.figure else None
        return Reading(fact.id, "same" if quote else "missing", stored, None, inner or quote, quote=quote)
    if quote is not None:
        inner = _find_within(article, fact.figure, quote)
        if inner is not None:
            written = _figure_in(figures, starts, *inner)
            if written is not None:
                found = differences(stored, written)
                return Reading(fact.id, "changed" if found else "same", stored, written, inner, found, quote)
    region = _region_between_anchors(article, fact, figures, starts)
    if region is None:
        return Reading(fact.id, "missing", stored, None, None)
    around = _around(article, fact, region)
    written = _figure_in(figures, starts, *region, prefer_kind=stored.kind)
    if written is None:
        return Reading(fact.id, "unread", stored, None, region, quote=around)
    found = differences(stored, written)
    return Reading(fact.id, "changed" if found else "same", stored, written, (written.start, written.end), found,
                   around)


def _around(article: Article, fact: Fact, region: tuple[int, int]) -> tuple[int, int]:
    """The quote's approximate place in an edited article: the figure's region widened by the quote's text."""
    before = fact.quote.find(fact.figure)
    after = len(fact.quote) - before - len(fact.figure)
    return max(region[0] - before - 2, 0), min(region[1] + after + 2, len(article.text))


def _find_within(article: Article, needle: str, span: tuple[int, int]) -> tuple[int, int] | None:
    _, offsets = article.folded()
    start = bisect.bisect_left(offsets, span[0])
    found = article.find(needle, start)
    if found is not None and span[0] <= found[0] and found[1] <= span[1]:
        return found
    return None


def _figure_in(figures: list[Figure], starts: list[int], lo: int, hi: int, prefer_kind: str | None = None):
    """The extracted figure that overlaps [lo, hi) most (preferring the stored figure's kind)."""
    index = max(bisect.bisect_left(starts, lo) - 1, 0)
    candidates = []
    while index < len(figures) and figures[index].start < hi:
        figure = figures[index]
        overlap = min(figure.end, hi) - max(figure.start, lo)
        if overlap > 0:
            candidates.append((figure.kind == prefer_kind, overlap, -figure.start, figure))
        index += 1
    return max(candidates, key=lambda item: item[:3])[3] if candidates else None


def _region_between_anchors(article: Article, fact: Fact, figures: list[Figure], starts: list[int]):
    """Where a changed figure stands: right after the quote's text before it, or right before the text after
    it (each occurrence tried, the first with a figure next to it wins)."""
    folded_quote = fold_text(fact.quote)
    folded_figure = fold_text(fact.figure)
    position = folded_quote.find(folded_figure)
    if position < 0:
        return None
    before = folded_quote[:position].strip()
    after = folded_quote[position + len(folded_figure):].strip()
    reach = len(fact.figure) + SEARCH_SLACK // 2
    anchored = None  # an anchor found with no figure beside it: the figure was deleted
    if len(before) >= MIN_ANCHOR:
        for _, anchor_end in _occurrences(article, before):
            figure = _figure_in(figures, starts, anchor_end, anchor_end + 3)
            if figure is not None:
                return anchor_end, min(figure.end, anchor_end + reach)
            anchored = anchored or (anchor_end, anchor_end + 1)
    if len(after) >= MIN_ANCHOR:
        for anchor_start, _ in _occurrences(article, after):
            figure = _figure_in(figures, starts, anchor_start - 3, anchor_start)
            if figure is not None:
                return max(figure.start, anchor_start - reach), anchor_start
            anchored = anchored or (max(anchor_start - 1, 0), anchor_start)
    return anchored


def _occurrences(article: Article, needle: str, most: int = 20):
    """Spans of up to `most` occurrences of `needle` in the article (folded like Article.find)."""
    position = 0
    for _ in range(most):
        found = article.find(needle, position)
        if found is None:
            return
        yield found
        position = _folded_at(article, found[0]) + 1


def _folded_at(article: Article, offset: int) -> int:
    _, offsets = article.folded()
    return bisect.bisect_left(offsets, offset)


class Binding(NamedTuple):
    figure: Figure
    fact_id: str | None
    role: str | None  # "figure" (the fact's own figure), "repeat" (written again) or "period" (a year or date of
    # its period)


def bind_figures(store: Store, figures: list[Figure], readings: dict[str, Reading],
                 quote_span) -> list[Binding]:
    """Bind each figure to the fact whose figure it is, else to a fact whose quote holds it as its period."""
    by_span: dict[tuple[int, int], str] = {}
    for reading in readings.values():
        if reading.written is not None:
            by_span[(reading.written.start, reading.written.end)] = reading.fact_id
    figure_spans = [(reading.span, reading.fact_id) for reading in readings.values()
                    if reading.span is not None and store.fact_by_id[reading.fact_id].figure]
    written_as: dict[tuple, str] = {}  # a figure as some fact's figure is written -> the first such fact
    for reading in readings.values():
        if reading.written is not None and reading.written.kind in REPEATABLE_KINDS:
            written_as.setdefault(_as_written(reading.written), reading.fact_id)
    bindings = []
    for figure in figures:
        fact_id = by_span.get((figure.start, figure.end))
        role = "figure" if fact_id else None
        if fact_id is None:
            fact_id = next((fid for span, fid in figure_spans if span[0] < figure.end and figure.start < span[1]),
                           None)
            role = "figure" if fact_id else None
        if fact_id is None and figure.kind in REPEATABLE_KINDS:
            fact_id = written_as.get(_as_written(figure))  # the figure written again (headline and body)
            role = "repeat" if fact_id else None
        if fact_id is None:
            fact_id = _period_fact(store, figure, quote_span)
            role = "period" if fact_id else None
        bindings.append(Binding(figure, fact_id, role))
    return _periods_of_repeats(store, bindings)


def _periods_of_repeats(store: Store, bindings: list[Binding]) -> list[Binding]:
    """A year or date next to a repeated figure ("$470 million in 2023" written again) that names the period of
    that figure's fact is bound to it, as it is in the fact's own quote."""
    repeats = [(b.figure, b.fact_id) for b in bindings if b.role == "repeat"]
    if not repeats:
        return bindings
    bound = []
    for binding in bindings:
        figure = binding.figure
        if binding.fact_id is None and figure.kind in ("year", "date"):
            near = [fact_id for other, fact_id in repeats
                    if max(other.start - figure.end, figure.start - other.end) <= REPEAT_REACH]
            fact_id = next((fact_id for fact_id in near if store.fact_by_id[fact_id].period is not None
                            and _names_period(figure, store.fact_by_id[fact_id].period)), None)
            if fact_id is not None:
                binding = Binding(figure, fact_id, "period")
        bound.append(binding)
    return bound


def _as_written(figure: Figure) -> tuple:
    return figure.kind, figure.value, figure.unit, figure.hedge, " ".join(figure.text.split())


def _period_fact(store: Store, figure: Figure, quote_span) -> str | None:
    """A year, date or duration inside a fact's quote that names (part of) that fact's period."""
    if figure.kind not in ("year", "date", "duration"):
        return None
    for fact in store.facts:
        if fact.period is None:
            continue
        span = quote_span(fact.id)
        if span is None or not (span[0] <= figure.start and figure.end <= span[1]):
            continue
        if _names_period(figure, fact.period):
            return fact.id
    return None


def _names_period(figure: Figure, period) -> bool:
    if figure.kind == "duration":
        months = figure.value * (12 if figure.unit == "year" else 1)
        return months == period.months
    text = str(figure.value)
    if figure.kind == "year" or len(text) == 4:
        return period.start.year <= int(text[:4]) <= period.end.year
    if len(text) == 2:  # a month without its year
        return any(day.month == int(text) for day in (period.start, period.end))
    if len(text) == 5:  # MM-DD
        return any(day.strftime("%m-%d") == text for day in (period.start, period.end))
    return any(day.isoformat().startswith(text) for day in (period.start, period.end))


def quantity_from_figure(fact: Fact, figure: Figure, published, tolerance=None):
    """The value a fact takes when the article writes `figure` for it (same semantics as the store's: the
    fact's own `tolerance` for "about"/"almost", else `tolerance`, else the default), or None when the figure's
    unit cannot be read."""
    try:
        if isinstance(figure.value, str):
            text = figure.value
            if fact.quantity is not None and fact.quantity.is_date and len(text) in (2, 5):  # no year: the store's
                text = f"{fact.value_text[:4]}-{text}"
            return date_quantity(text, published)
        if fact.kind in ("date", "year"):
            return date_quantity(str(figure.value), published)
    except PeriodError:
        return None  # "на конец 26 года" for a stored year: no date; the P finding says the figure changed
    number = Fraction(figure.value) / figure.multiplier
    try:
        unit = parse_unit(figure.unit) if figure.unit else fact.quantity.unit
    except UnitError:
        return None  # a unit we cannot read: the P finding says so, the stored value stays
    if fact.tolerance is not None:
        tolerance = parse_tolerance(fact.tolerance)
    interval = stated_interval(number, figure.decimals, figure.multiplier, hedge=figure.hedge,
                               exact=fact.kind in EXACT_KINDS, tolerance=tolerance)
    return Quantity(scale_interval(interval, unit.factor), unit)
