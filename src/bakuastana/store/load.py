"""Read a facts.yaml file into a validated Store, or refuse it with one located message."""

from __future__ import annotations

import difflib
import re
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from bakuastana.errors import BadInput
from bakuastana.numbers.periods import Period, PeriodError, parse_period
from bakuastana.numbers.quantity import HEDGES, DimensionError, Quantity, parse_quantity, split_written
from bakuastana.numbers.units import UnitError
from bakuastana.store.model import (
    EXACT_KINDS,
    FACT_KINDS,
    SEVERITIES,
    Derived,
    Fact,
    Name,
    Relation,
    Source,
    Store,
)
from bakuastana.store.yamlsafe import MAX_BYTES, MarkedDict, MarkedList, load_yaml

SCHEMA_ID = "bakuastana.facts/1"
TRENDS = ("rising", "falling")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class _Fields(dict):
    """Field name -> whether it is required, with the set of required names for the quick check."""

    def __init__(self, fields: dict[str, bool]) -> None:
        super().__init__(fields)
        self.required = frozenset(name for name, required in fields.items() if required)


TOP_KEYS = _Fields({"schema": False, "source": False, "topics": False, "names": False, "facts": True,
                    "derived": False, "relations": False})
SOURCE_KEYS = _Fields(dict.fromkeys(("outlet", "author", "language", "published", "title", "article", "note",
                                    "url"), False))
NAME_KEYS = _Fields({"id": True, "canonical": True, "abbreviations": False, "aliases": False, "kind": False,
                     "note": False})
FACT_KEYS = _Fields({"id": True, "topic": True, "label": True, "kind": False, "value": False, "figure": False,
                     "period": False, "hedge": False, "exact": False, "precision": False, "tolerance": False,
                     "quote": True, "names": False, "event": False, "note": False, "todo": False,
                     "measure": False, "trend": False, "share_of": False})
DERIVED_KEYS = _Fields({"id": True, "topic": True, "label": True, "expr": True, "period": False, "unit": False,
                        "note": False, "measure": False, "nonnegative": False})
RELATION_KEYS = _Fields({"id": True, "label": True, "check": True, "severity": False, "kind": False,
                         "note": False})
FACT_RARE = frozenset({"event", "note", "todo", "measure", "trend", "share_of"})  # fields most facts leave out
FACT_RARE_ABSENT = dict.fromkeys(FACT_RARE)  # what reading them gives for a fact that has none of them


def read_text(path: Path, what: str = "file") -> str:
    """Read a UTF-8 text file or raise BadInput naming it."""
    try:
        if path.is_dir():
            raise BadInput(f"is a folder, expected a {what}", str(path))
        with path.open("rb") as handle:  # bounded: /dev/zero or a huge file must not fill the memory
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise BadInput(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", str(path), 1, 1)
    except FileNotFoundError:
        raise BadInput(f"no such {what}", str(path)) from None
    except PermissionError:
        raise BadInput(f"cannot read {what}: permission denied", str(path)) from None
    except OSError as exc:
        raise BadInput(f"cannot read {what}: {exc.strerror or exc}", str(path)) from None
    if b"\x00" in data[:8192]:
        raise BadInput(f"binary data where a {what} was expected", str(path), 1, 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BadInput("not UTF-8 text", str(path), line, column) from None


def load_store(path: str | Path) -> Store:
    path = Path(path)
    return parse_store(read_text(path, "fact store"), str(path))


def parse_store(text: str, path: str = "facts.yaml") -> Store:
    """Validate the YAML text of a fact store and build the Store it describes."""
    data = load_yaml(text, path)
    checker = _Checker(path)
    top = checker.mapping(data, None, "the file", TOP_KEYS)
    if "schema" in top and top["schema"] != SCHEMA_ID:
        checker.fail(top, "schema", f'unknown schema "{top["schema"]}" (expected "{SCHEMA_ID}")')
    source = checker.source(top.get("source"), top)
    topics = checker.topics(top.get("topics"), top)
    names = [checker.name(item, where) for item, where in checker.items(top, "names")]
    facts = [checker.fact(item, where, source.published) for item, where in checker.items(top, "facts")]
    derived = [checker.derived(item, where, source.published) for item, where in checker.items(top, "derived")]
    relations = [checker.relation(item, where) for item, where in checker.items(top, "relations")]
    checker.unique_ids(top, names, "names")
    checker.unique_ids(top, [*facts, *derived], "facts")
    checker.unique_ids(top, relations, "relations")
    checker.name_references(facts, {name.id for name in names})
    return Store(path, source, names, facts, derived, relations, topics)


class _Checker:
    """Validation helpers that all raise BadInput pointing at the offending value."""

    # Each helper accepts the usual value (plain text, a known choice, only known fields) in a few operations
    # and runs its full checks only otherwise; fields are read in a fixed order, so the first offending one is
    # reported.

    def __init__(self, path: str) -> None:
        self.path = path
        # stored figures repeat their shapes ("470 mn USD", a date): each written form is parsed once; a
        # Quantity is immutable, so facts may share one; so are periods ("2024"), and a Period is frozen
        self.quantities: dict[tuple, Quantity] = {}
        self.periods: dict[tuple, Period] = {}

    def fail(self, container, key, message: str):
        line, column = container.where(key) if hasattr(container, "where") else (None, None)
        raise BadInput(message, self.path, line, column)

    def mapping(self, value, parent, what: str, keys: _Fields, key=None) -> MarkedDict:
        if not isinstance(value, MarkedDict):
            if parent is None:
                raise BadInput(f"{what} must be a mapping", self.path, 1, 1)
            self.fail(parent, key, f"{what} must be a mapping, got {_type_name(value)}")
        if value.keys() <= keys.keys() and value.keys() >= keys.required:
            return value  # the loops below find the first offending field
        for name in value:
            if name not in keys:
                hint = difflib.get_close_matches(str(name), list(keys), n=1)
                suggestion = f' (did you mean "{hint[0]}"?)' if hint else ""
                line, column = value.key_marks[name]
                raise BadInput(f'unknown field "{name}" in {what}{suggestion}', self.path, line, column)
        for name, required in keys.items():
            if required and name not in value:
                line, column = value.mark
                raise BadInput(f'{what} lacks required field "{name}"', self.path, line, column)
        return value

    def items(self, top: MarkedDict, key: str):
        value = top.get(key)
        if value is None:
            return []
        if not isinstance(value, MarkedList):
            self.fail(top, key, f'"{key}" must be a list, got {_type_name(value)}')
        return [(item, (value, index)) for index, item in enumerate(value)]

    def text(self, item: MarkedDict, key: str, what: str, required: bool = False) -> str | None:
        value = item.get(key)
        if value.__class__ is str and (not required or value.strip()):
            return value
        if value is None:
            if required:
                self.fail(item, key, f'{what}.{key} must not be empty')
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in ("value", "period", "figure"):
            return str(value)
        if isinstance(value, date) and key in ("value", "period", "figure"):
            return value.isoformat()
        if not isinstance(value, str):
            self.fail(item, key, f"{what}.{key} must be text, got {_type_name(value)}")
        if required and not value.strip():
            self.fail(item, key, f"{what}.{key} must not be empty")
        return value

    def flag(self, item: MarkedDict, key: str, what: str) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            self.fail(item, key, f"{what}.{key} must be true or false")
        return value

    def choice(self, item: MarkedDict, key: str, what: str, options: tuple[str, ...], default):
        value = item.get(key)
        if value.__class__ is str and value in options:
            return value
        value = self.text(item, key, what)
        if value is None:
            return default
        if value not in options:
            self.fail(item, key, f'{what}: unknown {key} "{value}" (expected one of {", ".join(options)})')
        return value

    def text_list(self, item: MarkedDict, key: str, what: str) -> list[str]:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, MarkedList) or not all(isinstance(v, str) for v in value):
            self.fail(item, key, f"{what}.{key} must be a list of text")
        return list(value)

    def ident(self, item: MarkedDict, what: str) -> str:
        value = item.get("id")
        if not isinstance(value, str) or not ID_RE.match(value):
            self.fail(item, "id", f"{what}.id must be lower_snake_case text starting with a letter, "
                                  f"got {value!r}")
        return value

    def source(self, value, top) -> Source:
        if value is None:
            return Source()
        item = self.mapping(value, top, "source", SOURCE_KEYS, "source")
        published = item.get("published")
        if published is not None and not isinstance(published, date):
            try:
                published = _parse_published(str(published))
            except ValueError:
                self.fail(item, "published", f'source.published must be a date YYYY-MM-DD, got "{published}"')
        texts = {key: self.text(item, key, "source") for key in ("outlet", "author", "language", "title",
                                                                 "article", "note")}
        return Source(published=published, **texts)

    def topics(self, value, top) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, MarkedDict) or not all(isinstance(v, str) for v in value.values()):
            self.fail(top, "topics", "topics must map each topic to a one-line description")
        return dict(value)

    def name(self, value, where) -> Name:
        item = self.mapping(value, where[0], "a name", NAME_KEYS, where[1])
        ident = self.ident(item, "name")
        line, column = item.mark
        return Name(ident, self.text(item, "canonical", f"name {ident}", True),
                    self.text_list(item, "abbreviations", f"name {ident}"),
                    self.text_list(item, "aliases", f"name {ident}"), self.text(item, "kind", ident),
                    line, column)

    def fact(self, value, where, published) -> Fact:
        item = self.mapping(value, where[0], "a fact", FACT_KEYS, where[1])
        ident = self.ident(item, "fact")
        what = f"fact {ident}"
        text = self.text
        kind = self.choice(item, "kind", what, FACT_KINDS, "amount")
        hedge = self.choice(item, "hedge", what, HEDGES, None)
        value_text = text(item, "value", what)
        if value_text is None and kind != "claim":
            self.fail(item, "id", f'{what} lacks required field "value" (only kind: claim may have none)')
        if hedge is not None and value_text is None:
            self.fail(item, "hedge", f"{what}: a hedge needs a value to qualify")
        period = self.period(item, what, published)
        quantity = None
        if value_text is not None:
            quantity = self.quantity(item, what, kind, value_text, hedge, published)
        topic, label = text(item, "topic", what, True), text(item, "label", what, True)
        quote, figure = text(item, "quote", what, True), text(item, "figure", what)
        names = self.text_list(item, "names", what)
        if FACT_RARE.isdisjoint(item):
            rare = FACT_RARE_ABSENT
        else:
            rare = {"event": text(item, "event", what), "note": text(item, "note", what),
                    "todo": text(item, "todo", what), "measure": text(item, "measure", what),
                    "trend": self.choice(item, "trend", what, TRENDS, None), "share_of": text(item, "share_of", what)}
        line, column = item.mark
        return Fact(ident, topic, label, kind, quote, value_text=value_text, quantity=quantity, figure=figure,
                    period=period, hedge=hedge, names=names, **rare, line=line, column=column, marks=item.value_marks)

    def period(self, item: MarkedDict, what: str, published):
        text = self.text(item, "period", what)
        if text is None:
            return None
        key = (text, published)
        period = self.periods.get(key)
        if period is None:
            try:
                period = self.periods[key] = parse_period(text, published)
            except PeriodError as exc:
                self.fail(item, "period", f"{what}.period: {exc}")
        return period

    def quantity(self, item, what, kind, value_text, hedge, published) -> Quantity:
        exact = item.get("exact")
        if exact is not None and not isinstance(exact, bool):
            self.fail(item, "exact", f"{what}.exact must be true or false")
        try:
            if kind in ("date", "year"):
                key = ("date", value_text, published)
                quantity = self.quantities.get(key)
                if quantity is None:
                    quantity = self.quantities[key] = date_quantity(value_text, published)
                return quantity
            tolerance_text = None if item.get("tolerance") is None else str(item["tolerance"])
            precision = self.text(item, "precision", what)
            exact = kind in EXACT_KINDS if exact is None else exact
            key = (value_text, hedge, exact, precision, tolerance_text)
            quantity = self.quantities.get(key)
            if quantity is None:
                tolerance = None if tolerance_text is None else self.tolerance(item, what, tolerance_text)
                quantity = parse_quantity(value_text, hedge=hedge, exact=exact, precision=precision,
                                          tolerance=tolerance)
                self.quantities[key] = quantity
            return quantity
        except UnitError as exc:
            self.fail(item, "value", f"{exc} in {what.split()[1]}.value")
        except (ValueError, DimensionError, PeriodError) as exc:
            self.fail(item, "value", f"{what}.value: {exc}")

    def tolerance(self, item, what: str, text: str) -> Fraction:
        try:
            return _tolerance(text)
        except ValueError as exc:
            self.fail(item, "tolerance", f"{what}.tolerance: {exc}")

    def derived(self, value, where, published) -> Derived:
        item = self.mapping(value, where[0], "a derived value", DERIVED_KEYS, where[1])
        ident = self.ident(item, "derived value")
        what = f"derived {ident}"
        line, column = item.mark
        return Derived(ident, self.text(item, "topic", what, True), self.text(item, "label", what, True),
                       self.text(item, "expr", what, True), period=self.period(item, what, published),
                       unit=self.text(item, "unit", what), note=self.text(item, "note", what),
                       measure=self.text(item, "measure", what), nonnegative=self.flag(item, "nonnegative", what),
                       line=line, column=column, marks=item.value_marks)

    def relation(self, value, where) -> Relation:
        item = self.mapping(value, where[0], "a relation", RELATION_KEYS, where[1])
        ident = self.ident(item, "relation")
        what = f"relation {ident}"
        severity = self.choice(item, "severity", what, SEVERITIES, "error")
        line, column = item.mark
        return Relation(ident, self.text(item, "label", what, True), self.text(item, "check", what, True),
                        severity, self.text(item, "kind", what), self.text(item, "note", what), "written",
                        line, column, item.value_marks)

    def unique_ids(self, top, items, section: str) -> None:
        seen: dict[str, Any] = {}
        for item in items:
            if item.id in seen:
                first = seen[item.id]
                raise BadInput(f'duplicate id "{item.id}" (first on line {first.line}, again on line {item.line})',
                               self.path, item.line, item.column)
            seen[item.id] = item

    def name_references(self, facts: list[Fact], name_ids: set[str]) -> None:
        for fact in facts:
            for name in fact.names:
                if name not in name_ids:
                    line, column = fact.marks.get("names", (fact.line, fact.column))
                    hint = difflib.get_close_matches(name, list(name_ids), n=1)
                    suggestion = f' (did you mean "{hint[0]}"?)' if hint else ""
                    raise BadInput(f'fact {fact.id} names unknown entity "{name}"{suggestion}', self.path,
                                   line, column)


def _type_name(value) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", MarkedDict: "a mapping", list: "a list", MarkedList: "a list", str: "text",
            int: "a number", float: "a number", bool: "true/false"}.get(type(value), type(value).__name__)


def _parse_published(text: str) -> date:
    return date.fromisoformat(text)


def _tolerance(text: str) -> Fraction:
    written = split_written(text)
    value = written.number * written.scale
    if written.unit_text in ("percent", "%"):
        value /= 100
    elif written.unit_text:
        raise ValueError(f'tolerance must be a percent, got "{text}"')
    return value


def date_quantity(text: str, published) -> Quantity:
    """A date, month or year as an interval of days (in base units), marked as a date."""
    from bakuastana.numbers.interval import Interval
    from bakuastana.numbers.units import parse_unit

    day = parse_unit("day")
    start, end = (Fraction(ordinal) * day.factor for ordinal in parse_period(text, published).day_interval())
    return Quantity(Interval(start, end, nominal=start if start == end else None), day, is_date=True)
