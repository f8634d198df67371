"""`show`: the facts of one topic with stated, normalised and implied values, check status and time series."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from bakuastana.errors import BadInput
from bakuastana.numbers.expr import ExprError
from bakuastana.numbers.interval import Interval
from bakuastana.numbers.periods import Period
from bakuastana.numbers.quantity import DimensionError, Quantity, describe_value, format_interval
from bakuastana.numbers.units import Unit, UnitError, parse_unit
from bakuastana.store.model import Store

SHOW_SCHEMA = "bakuastana.show/1"
# Worst first: a value's status is the worst verdict of the relations that rest on it.
STATUS_ORDER = ("inconsistent", "edge", "consistent", "unchecked")
SERIES_KINDS = ("amount", "count")  # stated kinds that add up over time; percents, ordinals and dates do not


@dataclass(frozen=True)
class TopicSummary:
    """One topic of a store: its description and how many facts and derived values it holds."""

    id: str
    description: str | None
    facts: int
    derived: int


@dataclass(frozen=True)
class RelationCheck:
    """One relation judged on the stated figures, with every fact and derived value it rests on."""

    id: str
    label: str
    severity: str
    kind: str | None
    verdict: str
    refs: tuple[str, ...]
    rests_on: frozenset[str]
    origin: str = "written"  # or "inferred" (analysis/infer.py), as `check` reports it


@dataclass(frozen=True)
class ValueRow:
    """A stated fact or an implied (derived) value of the topic, as `show` lists it."""

    id: str
    label: str
    kind: str
    implied: bool
    period: str | None
    quantity: Quantity | None
    stated: str | None  # the value as the store states it: "470 million USD"
    figure: str | None  # the figure as the article writes it: "470 млн. долларов"
    hedge: str | None
    expr: str | None
    status: str
    relations: tuple[str, ...]  # ids of the relations that rest on this value, worst first

    @property
    def value_text(self) -> str | None:
        if self.quantity is None:
            return None
        return count_texts(self.quantity)[0] if is_count(self.quantity) else describe_value(self.quantity)

    @property
    def interval_text(self) -> str | None:
        if self.quantity is None or self.quantity.interval.is_point or self.quantity.is_date:
            return None
        return count_texts(self.quantity)[1] if is_count(self.quantity) else format_interval(self.quantity)


_MEASURED = ("[length]", "[mass]", "[time]", "[power]", "[information]", "[currency_")


def is_count(quantity: Quantity) -> bool:
    """Whether a value counts whole things (trains, documents, visits: a dimension of its own, units.txt)."""
    dims = quantity.unit.dims
    return (not quantity.is_date and len(dims) == 1 and dims[0][1] == 1
            and not dims[0][0].startswith(_MEASURED))


def count_texts(quantity: Quantity) -> tuple[str, str | None]:
    """A count as whole things: its value ("299 train", "≈299 train" when the nominal is no whole number) and
    the whole numbers its interval holds ("[299, 300] train"), never a fraction of a train."""
    import math

    interval, label = quantity.magnitude(), quantity.unit.label
    nominal = interval.nominal
    if nominal is None:
        value = format_interval(quantity)
    else:
        whole = math.floor(nominal + Fraction(1, 2))
        value = f"{'' if whole == nominal else '≈'}{whole} {label}"
    if interval.is_point:
        return value, None
    low = None if isinstance(interval.lo, float) else math.ceil(interval.lo) + (
        1 if interval.lo_open and interval.lo == math.ceil(interval.lo) else 0)
    high = None if isinstance(interval.hi, float) else math.floor(interval.hi) - (
        1 if interval.hi_open and interval.hi == math.floor(interval.hi) else 0)
    if low is not None and high is not None and low > high:
        return value, f"no whole number in {format_interval(quantity)}"
    if low is not None and low == high:
        return value, f"{low} {label}"
    return value, f"[{'-inf' if low is None else low}, {'inf' if high is None else high}] {label}"


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a series: the value as an amount for that period, in the series unit."""

    id: str
    label: str
    period: str
    start: date
    end: date
    quantity: Quantity
    implied: bool
    hedge: str | None
    rate: Quantity | None = None  # the stated rate when the value is a rate times its period
    over: str | None = None  # that period: "1 year", "8 month"

    @property
    def full_year(self) -> bool:
        return _months(self.start, self.end) == 12


@dataclass(frozen=True)
class Series:
    """Values of one dimension over periods of one length (`months`: 12 for years, 8 for January-August)."""

    unit: str
    dimension: str
    points: tuple[SeriesPoint, ...]
    months: int = 12

    @property
    def counts(self) -> bool:
        return bool(self.points) and is_count(self.points[0].quantity)


@dataclass(frozen=True)
class TopicView:
    """One topic as `show` prints it: its facts, implied values, relations and series."""

    topic: str
    description: str | None
    store_path: str
    facts: tuple[ValueRow, ...]
    implied: tuple[ValueRow, ...]
    relations: tuple[RelationCheck, ...]
    series: tuple[Series, ...]


def topics(store: Store) -> list[TopicSummary]:
    """Every topic of the store, described ones first in store order, with its counts (the store's expressions
    validated first, as `check` does)."""
    from bakuastana.analysis.values import validate_expressions

    validate_expressions(store)
    return [_summary(store, topic) for topic in _topic_ids(store)]


def show_topic(store: Store, topic: str) -> TopicView:
    """The facts, implied values, relation verdicts and series of one topic; BadInput for an unknown topic."""
    from bakuastana.analysis.judge import Judge
    from bakuastana.analysis.values import validate_expressions

    env, _ = validate_expressions(store)
    known = _topic_ids(store)
    if topic not in known:
        raise BadInput(f'unknown topic "{topic}" (known: {", ".join(known)})', store.path)
    from bakuastana.analysis.infer import infer_relations

    relations = [*store.relations, *infer_relations(store, env)]  # written and inferred, as `check` judges them
    checks = _judge_relations(relations, Judge(store, env))
    facts = tuple(_fact_row(fact, checks) for fact in store.facts if fact.topic == topic)
    implied = tuple(_derived_row(env, item, checks) for item in store.derived if item.topic == topic)
    mine = {row.id for row in (*facts, *implied)}
    relations = tuple(check for check in checks if check.rests_on & mine)
    return TopicView(topic, store.topics.get(topic), store.path, facts, implied, relations,
                     tuple(find_series([*facts, *implied], store)))


# relations -----------------------------------------------------------------------------------------


def _judge_relations(relations, judge) -> list[RelationCheck]:
    env = judge.env
    checks = []
    for relation in relations:
        refs = env.parse(relation.check).refs
        try:
            verdict, _ = judge.verdict(relation)
        except ExprError:
            continue  # not computable: the check command reports it (C104); show has no verdict to give
        checks.append(RelationCheck(relation.id, relation.label, relation.severity, relation.kind, verdict,
                                    tuple(refs), frozenset(refs).union(*map(env.dependencies, refs)),
                                    relation.origin))
    return checks


def _status(value_id: str, checks: list[RelationCheck]) -> tuple[str, tuple[str, ...]]:
    mine = sorted((c for c in checks if value_id in c.rests_on), key=lambda c: STATUS_ORDER.index(c.verdict))
    if not mine:
        return "unchecked", ()
    return mine[0].verdict, tuple(c.id for c in mine)


# rows ----------------------------------------------------------------------------------------------


def _fact_row(fact, checks) -> ValueRow:
    status, relations = _status(fact.id, checks)
    return ValueRow(fact.id, fact.label, fact.kind, False, _period_label(fact.period), fact.quantity,
                    fact.value_text, fact.figure, fact.hedge, None, status, relations)


def _derived_row(env, item, checks) -> ValueRow:
    status, relations = _status(item.id, checks)
    try:
        quantity = env.value(item.id)
    except ExprError:
        quantity, status = None, "unchecked"
    return ValueRow(item.id, item.label, "implied", True, _period_label(item.period), quantity, None, None, None,
                    item.expr, status, relations)


def _period_label(period: Period | None) -> str | None:
    return None if period is None else period.label()


# series --------------------------------------------------------------------------------------------


def find_series(rows: list[ValueRow], store) -> list[Series]:
    """Values of one dimension over year or part-year periods, as amounts per period, ordered by period; one
    series per period length, so a part-year value is never drawn on the axis of full years.

    A rate (per year, per month) counts through an explicit period: its full-year or part-year period, or
    for a target "by 2027" the year 2027; it is then shown as the amount over that period (rate x period).
    A part-year value joins only when the same months of another year are there too (Jan-Aug 2024 against
    Jan-Aug 2025), so full years are not set against lone fragments. A series needs two periods or more.
    """
    periods = {**{fact.id: fact.period for fact in store.facts}, **{d.id: d.period for d in store.derived}}
    groups: dict[tuple, list[SeriesPoint]] = {}
    for row in rows:
        point = _series_point(row, periods.get(row.id))
        if point is not None:  # one series per period length: eight months never stand beside twelve
            groups.setdefault((point.quantity.dims, _months(point.start, point.end)), []).append(point)
    found = []
    for points in groups.values():
        points = _comparable(points)
        if len({(p.start, p.end) for p in points}) < 2:
            continue
        unit = _series_unit(points)
        shown = tuple(_in_unit(point, unit) for point in sorted(points, key=lambda p: (p.start, -p.end.toordinal())))
        found.append(Series(unit.label, unit.describe_dims(), shown, _months(points[0].start, points[0].end)))
    return found


def _series_point(row: ValueRow, period: Period | None) -> SeriesPoint | None:
    quantity = row.quantity
    if period is None or quantity is None or quantity.is_date or not quantity.dims:
        return None
    if not row.implied and row.kind not in SERIES_KINDS:
        return None
    span = _span(period, is_rate=_is_rate(quantity.unit))
    if span is None:
        return None
    start, end, label = span
    rate = over = None
    if _is_rate(quantity.unit):
        months = _months(start, end)
        over_unit = parse_unit("year") if months % 12 == 0 else parse_unit("month")
        amount = Fraction(months, 12) if months % 12 == 0 else Fraction(months)
        duration = Quantity(Interval.point(amount * over_unit.factor), over_unit)
        rate, quantity = quantity, quantity * duration
        over = f"{amount} {over_unit.label}"
        if quantity.dims and any(name == "[time]" for name, _ in quantity.dims):
            return None  # per-second or per-square-year units: not an amount per period
    return SeriesPoint(row.id, row.label, label, start, end, quantity, row.implied, row.hedge, rate, over)


def _is_rate(unit: Unit) -> bool:
    return any(name == "[time]" and power < 0 for name, power in unit.dims) and len(unit.dims) > 1


def _span(period: Period, *, is_rate: bool) -> tuple[date, date, str] | None:
    """The stretch of time a value covers, if it is a year or part of one: "by 2027" only for a rate (the
    level reached in 2027); "since 2023", multi-year ranges and single days are not series periods."""
    if period.kind == "by":
        if not is_rate:
            return None  # an amount "by 2027" is cumulative, not that year's
        return date(period.end.year, 1, 1), date(period.end.year, 12, 31), period.label()
    if period.kind not in ("year", "month", "range"):
        return None
    months = _months(period.start, period.end)
    if period.start.day != 1 or _month_end(period.end) != period.end or months > 12:
        return None
    return period.start, period.end, period.label()


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _month_end(day: date) -> date:
    import calendar

    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _comparable(points: list[SeriesPoint]) -> list[SeriesPoint]:
    """Full years, and part-year values whose months recur in another year of the group."""
    def months_of(point: SeriesPoint) -> tuple[int, int, int]:
        return point.start.month, point.end.month, point.end.year - point.start.year

    years: dict[tuple, set[int]] = {}
    for point in points:
        years.setdefault(months_of(point), set()).add(point.start.year)
    return [p for p in points if p.full_year or len(years[months_of(p)]) > 1]


def _series_unit(points: list[SeriesPoint]) -> Unit:
    """The unit most of the stated amounts are in (ties: the first); rates lend theirs without the `/year`."""
    labels = [p.quantity.unit.label for p in points if p.rate is None]
    if labels:
        return parse_unit(Counter(labels).most_common(1)[0][0])
    rate_label = points[0].rate.unit.label
    amount_label, _, _ = rate_label.rpartition("/")
    try:
        unit = parse_unit(amount_label)
    except UnitError:
        unit = None
    if unit is not None and unit.dims == points[0].quantity.dims:
        return unit
    return points[0].quantity.unit


def _in_unit(point: SeriesPoint, unit: Unit) -> SeriesPoint:
    try:
        quantity = point.quantity.to(unit)
    except DimensionError:  # cannot happen within a group; keep the value rather than fail the view
        quantity = point.quantity
    return SeriesPoint(point.id, point.label, point.period, point.start, point.end, quantity, point.implied,
                       point.hedge, point.rate, point.over)


# store ---------------------------------------------------------------------------------------------


def _topic_ids(store) -> list[str]:
    return list(dict.fromkeys([*store.topics, *store.topic_names()]))


def _summary(store, topic: str) -> TopicSummary:
    return TopicSummary(topic, store.topics.get(topic), sum(1 for f in store.facts if f.topic == topic),
                        sum(1 for d in store.derived if d.topic == topic))


__all__ = ["SHOW_SCHEMA", "RelationCheck", "Series", "SeriesPoint", "TopicSummary", "TopicView", "ValueRow",
           "count_texts", "is_count", "show_topic", "topics"]
