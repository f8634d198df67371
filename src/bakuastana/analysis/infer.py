"""Relations a careful reader would check, inferred from each value's measure, period, event and kind."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from bakuastana.analysis.values import StoreEnv
from bakuastana.numbers.expr import ExprError
from bakuastana.store.model import Relation, Store

PLAUSIBLE_SHARE = "0.5"  # a part-period is implausible below half its pro-rata share of the whole


class _Item(NamedTuple):
    """A fact or derived value that has a measure and a period: a point of a series."""

    id: str
    label: str
    measure: str
    period: object
    kind: str
    dims: tuple
    line: int
    column: int
    refs: frozenset[str]  # the ids it is computed from (transitively); empty for stated facts
    subjects: frozenset[str] = frozenset()  # what it is about (a fact's `subjects`; a derived value's facts')


def _apart(a: _Item, b: _Item) -> bool:
    """Two points about different things: each names subjects, and neither's are within the other's ("порт
    Актау" and "порт Курык"; {Kazakhstan, China} and {Kazakhstan, Azerbaijan}), so no series of one measure."""
    return bool(a.subjects and b.subjects) and not (a.subjects <= b.subjects or b.subjects <= a.subjects)


def infer_relations(store: Store, env: StoreEnv | None = None) -> list[Relation]:
    """Every inferable relation that no written relation already covers, with origin "inferred"."""
    env = env or StoreEnv(store)
    items = _items(store, env)
    written = [(relation.kind, frozenset(env.parse(relation.check).refs)) for relation in store.relations]
    changes = frozenset(fact.id for fact in store.facts if fact.kind in ("percent", "pp", "multiple"))
    inferred: list[Relation] = []
    growths = _growths(store, items)
    for relation, ids in [*_same_event(store, items), *_parts_of_wholes(items), *growths,
                          *_implied_meets_stated(items, [ids for _, ids in growths]), *_targets(items),
                          *_trends(store, items), *_shares(store)]:
        if not any(_covers(kind, refs, relation.kind, ids, changes) for kind, refs in written):
            inferred.append(relation)
    return inferred


def _covers(kind: str | None, refs: frozenset[str], inferred_kind: str, ids: frozenset[str],
            changes: frozenset[str]) -> bool:
    """A written relation covers an inferred one over the same ids, or, of the same kind, over all its ids but the
    change or share itself, which it compares by its written bounds ("почти в 5 раз" as ">= 4.5" and "< 5", the
    growth recomputed from the drafted claim's ends)."""
    return ids <= refs or (kind == inferred_kind and len(ids - refs) == 1 and ids - refs <= changes
                           and len(ids & refs) > 1)


def _items(store: Store, env: StoreEnv) -> dict[str, _Item]:
    items = {}
    for fact in store.facts:
        if fact.measure and fact.period and fact.quantity is not None and not fact.quantity.is_date:
            items[fact.id] = _Item(fact.id, fact.label, fact.measure, fact.period, fact.kind, fact.quantity.dims,
                                   fact.line, fact.column, frozenset(), frozenset(fact.subjects))
    for derived in store.derived:
        if derived.measure and derived.period:
            try:
                value = env.value(derived.id)
            except ExprError:
                continue
            refs = env.dependencies(derived.id)
            subjects = frozenset(subject for ref in refs if ref in store.fact_by_id
                                 for subject in store.fact_by_id[ref].subjects)
            items[derived.id] = _Item(derived.id, derived.label, derived.measure, derived.period, "derived", value.dims,
                                      derived.line, derived.column, refs, subjects)
    return items


def _relation(kind: str, first: _Item | object, check: str, label: str, severity: str, ids) -> tuple:
    ident = f"inferred_{kind}_" + "_".join(sorted(ids))[:120]
    relation = Relation(ident, label, check, severity, kind, None, "inferred", first.line, first.column)
    return relation, frozenset(ids)


def _amounts(items: dict[str, _Item]) -> dict[tuple, list[_Item]]:
    """Series of amounts (not percents or multiples), grouped by measure and dimension."""
    groups = defaultdict(list)
    for item in items.values():
        if item.kind not in ("percent", "pp", "multiple", "ordinal"):
            groups[(item.measure, item.dims)].append(item)
    return groups


def _same_event(store: Store, items) -> list[tuple]:
    """Mentions of one event (facts sharing `event`) must give the same date, year, ordinal or value."""
    events = defaultdict(list)
    for fact in store.facts:
        if fact.event and fact.quantity is not None:
            events[fact.event].append(fact)
    found = []
    for event, facts in events.items():
        first = facts[0]
        for other in facts[1:]:
            if other.quantity.dims == first.quantity.dims and other.quantity.is_date == first.quantity.is_date:
                label = f"Both mentions of {event.replace('_', ' ')} agree: {first.label}; {other.label}"
                found.append(_relation("same_event", first, f"{first.id} == {other.id}", label, "error",
                                       (first.id, other.id)))
    return found


def _contains(whole, part) -> bool:
    return whole.start <= part.start and part.end <= whole.end and (whole.start, whole.end) != (part.start,
                                                                                             part.end)


def _parts_of_wholes(items) -> list[tuple]:
    """A part of a period never exceeds the whole; several disjoint parts never exceed it together (a
    cumulative figure against its years); a single part-year is plausible against its whole."""
    found = []
    for group in _amounts(items).values():
        for whole in group:
            inside = [p for p in group if _contains(whole.period, p.period) and whole.id not in p.refs
                      and p.id not in whole.refs and not _apart(whole, p)]
            parts = _disjoint_maximal(inside)
            if not parts:
                continue
            if len(parts) == 1:
                [part] = parts
                found.append(_relation("part_within_whole", part, f"{part.id} <= {whole.id}",
                                       f"{part.label} ({part.period.label()}) cannot exceed {whole.label} "
                                       f"({whole.period.label()})", "error", (part.id, whole.id)))
                share = f"{part.period.months} / {whole.period.months}"
                found.append(_relation("part_year_plausible", part,
                                       f"{part.id} >= {PLAUSIBLE_SHARE} * {whole.id} * {share}",
                                       f"{part.label} should be at least half its pro-rata share ({share}) of "
                                       f"{whole.label}", "warning", (part.id, whole.id)))
            elif _tiles_within_a_year(whole.period, parts):
                total = " + ".join(part.id for part in parts)
                found.append(_relation("parts_make_whole", whole, f"{whole.id} == {total}",
                                       f"{whole.label} ({whole.period.label()}) is the sum of its parts "
                                       f"({', '.join(part.period.label() for part in parts)})",
                                       "error", (whole.id, *(part.id for part in parts))))
            else:
                total = " + ".join(part.id for part in parts)
                found.append(_relation("cumulative_at_least_parts", whole, f"{whole.id} >= {total}",
                                       f"{whole.label} ({whole.period.label()}) is at least the sum of its parts "
                                       f"({', '.join(part.period.label() for part in parts)})",
                                       "error", (whole.id, *(part.id for part in parts))))
    return found


def _tiles_within_a_year(whole, parts: list[_Item]) -> bool:
    """Parts that cover a period of one year end to end with no gap: a running total and its months
    ("январь-сентябрь" and "октябрь" make "январь-октябрь"), a year and its quarters."""
    if whole.start.year != whole.end.year or parts[0].period.start != whole.start or parts[-1].period.end != whole.end:
        return False
    return all((later.period.start - earlier.period.end).days == 1 for earlier, later in pairwise(parts))


def _disjoint_maximal(inside: list[_Item]) -> list[_Item]:
    """The parts not inside another part, taken in order of start while they do not overlap."""
    maximal = [p for p in inside if not any(_contains(q.period, p.period) for q in inside if q is not p)]
    chosen: list[_Item] = []
    for part in sorted(maximal, key=lambda p: (p.period.start, p.period.end)):
        if not chosen or chosen[-1].period.end < part.period.start:
            chosen.append(part)
    return chosen


def _shift_year(period, years: int) -> tuple[date, date]:
    def shift(day: date) -> date:
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # 29 February
            return day.replace(year=day.year + years, day=28)

    return shift(period.start), shift(period.end)


def _growths(store: Store, items) -> list[tuple]:
    """A stated growth or multiple recomputed whenever both of its ends are stated."""
    found = []
    by_span = defaultdict(list)
    for item in items.values():
        if item.kind not in ("percent", "pp", "multiple"):
            by_span[(item.measure, item.period.start, item.period.end)].append(item)
    for growth in items.values():
        if growth.kind not in ("percent", "multiple"):
            continue
        period = growth.period
        news = by_span.get((growth.measure, period.start, period.end), [])
        olds = by_span.get((growth.measure, *_shift_year(period, -1)), [])
        for new in news:
            for old in olds:
                if growth.id in new.refs | old.refs or new.dims != old.dims or _apart(new, old) or _apart(
                        growth, new) or _apart(growth, old):
                    continue
                check = (f"growth({new.id}, {old.id}) == {growth.id}" if growth.kind == "percent"
                         else f"{new.id} / {old.id} == {growth.id}")
                found.append(_relation("growth_recomputed", growth, check,
                                       f"{growth.label}, recomputed from {old.label} and {new.label}", "error",
                                       (growth.id, new.id, old.id)))
    return found


def _implied_meets_stated(items, growths: list[frozenset[str]]) -> list[tuple]:
    """A value a claim implies (a derived value with a measure and period) agrees with every value the article
    states for the same measure and period, unless a growth recomputed from the stated ends already ties the
    same figures (one inconsistency, one finding)."""
    found = []
    stated = defaultdict(list)
    for item in items.values():
        if item.kind not in ("derived", "percent", "pp", "multiple", "ordinal"):
            stated[(item.measure, item.dims, item.period.start, item.period.end)].append(item)
    for implied in items.values():
        if implied.kind != "derived":
            continue
        for fact in stated.get((implied.measure, implied.dims, implied.period.start, implied.period.end), []):
            if fact.id in implied.refs or any(ids <= implied.refs | {fact.id} for ids in growths) or _apart(
                    implied, fact):
                continue
            found.append(_relation("implied_meets_stated", implied, f"{implied.id} == {fact.id}",
                                   f"{implied.label} agrees with the stated {fact.label}", "error",
                                   (implied.id, fact.id)))
    return found


def _targets(items) -> list[tuple]:
    """A target ("by 2027") is above the latest level it is meant to raise, compared as a rate."""
    found = []
    by_measure = defaultdict(list)
    for item in items.values():
        if item.kind not in ("percent", "pp", "multiple", "ordinal"):
            by_measure[item.measure].append(item)
    for group in by_measure.values():
        for target in (item for item in group if item.period.kind == "by"):
            levels = [item for item in group if item.period.kind not in ("by", "since") and item.period.months <= 12
                      and item.period.end < target.period.end and not _apart(item, target)]
            if not levels:
                continue
            level = max(levels, key=lambda item: (item.period.end, item.period.months))  # latest, whole year first
            if level.dims == target.dims:
                check = f"{target.id} > {level.id}"
            elif _is_rate_of(target.dims, level.dims):
                check = f"{target.id} > rate({level.id})"
            else:
                continue
            found.append(_relation("target_above_level", target, check,
                                   f"{target.label} is above the latest level ({level.label})",
                                   "error", (target.id, level.id)))
    return found


def _is_rate_of(rate_dims, amount_dims) -> bool:
    amount = dict(amount_dims)
    amount["[time]"] = amount.get("[time]", 0) - 1
    return tuple(sorted((k, v) for k, v in amount.items() if v)) == rate_dims


def _trends(store: Store, items) -> list[tuple]:
    """A stated trend ("устойчивый рост", "steady growth") holds between consecutive points of its series."""
    found = []
    for fact in store.facts:
        if not fact.trend or not fact.measure:
            continue
        series = sorted((item for item in items.values() if item.measure == fact.measure and item.id != fact.id
                         and item.kind not in ("percent", "pp", "multiple") and item.period.kind == "year"),
                        key=lambda item: item.period.start)
        if fact.period is not None:
            series = [item for item in series if fact.period.start <= item.period.start <= fact.period.end]
        # A year's stated value is its point of the series; a value implied for that year is no step of it.
        stated = {item.period.start for item in series if item.kind != "derived"}
        series = [item for item in series if item.kind != "derived" or item.period.start not in stated]
        op = "<=" if fact.trend == "rising" else ">="
        named = fact.label if fact.trend in fact.label else f"{fact.label} ({fact.trend})"  # a draft's says it
        for earlier, later in pairwise(series):
            if earlier.dims == later.dims:
                found.append(_relation("trend", fact, f"{earlier.id} {op} {later.id}",
                                       f"{named}: {earlier.period.label()} to {later.period.label()}", "warning",
                                       (fact.id, earlier.id, later.id)))
    return found


def _shares(store: Store) -> list[tuple]:
    """Shares of one total add up to at most 100 %."""
    groups = defaultdict(list)
    for fact in store.facts:
        if fact.share_of and fact.kind == "percent" and fact.quantity is not None:
            groups[fact.share_of].append(fact)
    found = []
    for total, facts in groups.items():
        if len(facts) > 1:
            check = " + ".join(fact.id for fact in facts) + " <= 100 percent"
            found.append(_relation("shares_within_total", facts[0], check,
                                   f"shares of {total} add up to at most 100 %", "error", [f.id for f in facts]))
    return found
