"""Read a fact store (YAML, or JSON by its .json name) into a validated Store, or refuse it with each problem placed."""

from __future__ import annotations

import difflib
import re
from datetime import date
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from bakuastana.errors import BadInput
from bakuastana.numbers.periods import PeriodError, parse_period
from bakuastana.numbers.quantity import DimensionError, Quantity, parse_quantity, split_written
from bakuastana.numbers.units import UnitError
from bakuastana.store import fields as kinds
from bakuastana.store.fields import ID_PATTERN, SCHEMA_ID, store_fields
from bakuastana.store.model import EXACT_KINDS, Derived, Fact, Name, Relation, Source, Store
from bakuastana.store.tree import MarkedDict, MarkedList, unplaced
from bakuastana.store.yamlsafe import MAX_BYTES, load_yaml

__all__ = ["SCHEMA_ID", "date_quantity", "is_json", "load_store", "parse_store", "read_text", "store_of"]

ID_RE = re.compile(ID_PATTERN)


def is_json(path: str | Path) -> bool:
    return str(path).lower().endswith(".json")


def read_text(path: Path, what: str = "file", max_bytes: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file of at most `max_bytes` or raise BadInput naming it."""
    try:
        if path.is_dir():
            raise BadInput(f"is a folder, expected a {what}", str(path))
        with path.open("rb") as handle:  # bounded: /dev/zero or a huge file must not fill the memory
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise BadInput(f"file is larger than {max_bytes // (1024 * 1024)} MB", str(path), 1, 1)
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
    if is_json(path):
        from bakuastana.store.jsontree import MAX_JSON_BYTES

        return parse_store(read_text(path, "fact store", MAX_JSON_BYTES), str(path))
    return parse_store(read_text(path, "fact store", MAX_BYTES), str(path))


def parse_store(text: str, path: str = "facts.yaml") -> Store:
    """Validate the text of a fact store (JSON if `path` ends in .json, else YAML) and build the Store it describes;
    BadInput with every problem found, in file order."""
    if is_json(path):  # the JSON reader (and json) only for a .json store
        from bakuastana.store.jsontree import load_json

        data = load_json(text, path)
    else:
        data = load_yaml(text, path)
    return _built(data, path)


def store_of(data: dict, path: str) -> Store:
    """The Store of plain data laid out as a store file lays it out (mappings, lists, text: what a draft made in
    memory holds), named `path` but read from no file, so its items have no line or column (None); BadInput with
    every problem found. `data` is left as it was."""
    return _built(unplaced(data), path)


def _built(data, path: str) -> Store:
    reader = _Reader(path)
    store = reader.store(data)
    if reader.problems:
        raise BadInput.of(sorted(reader.problems, key=lambda problem: (problem.line or 0, problem.column or 0)))
    return store


class _Noun(NamedTuple):
    """How messages name an item of a section: "a fact" (the mapping), "fact" (its id) and "fact ID" (its fields)."""

    one: str
    id_of: str
    prefix: str


_NOUNS = {Store: _Noun("the file", "", ""), Source: _Noun("source", "", "source"),
          Name: _Noun("a name", "name", "name"), Fact: _Noun("a fact", "fact", "fact"),
          Derived: _Noun("a derived value", "derived value", "derived"),
          Relation: _Noun("a relation", "relation", "relation")}
_PLACED = (Name, Fact, Derived, Relation)  # items that keep their line and column
_MARKED = (Fact, Derived, Relation)  # and the places of their values
_QUANTITY_KEYS = frozenset({"kind", "value", "hedge", "exact", "precision", "tolerance"})  # what a figure reads
_TEXTUAL = (kinds.ID, kinds.TEXT, kinds.COMPARISON)  # kinds whose required fields must not be left empty (~)


class _Table(NamedTuple):
    """A model's stored fields as the reader uses them."""

    by_key: dict[str, Any]  # key -> StoreField
    required: frozenset
    keys: tuple  # in the model's order, for hints and messages
    absent: dict[str, Any]  # attribute -> value when the key is left out, where the dataclass default differs
    ident: Any  # the StoreField of the id, if the model has one


@cache
def _table(model: type) -> _Table:
    fields = store_fields(model)
    return _Table({field.key: field for field in fields},
                  frozenset(field.key for field in fields if field.required),
                  tuple(field.key for field in fields),
                  {field.attribute: field.absent for field in fields if field.absent is not None},
                  next((field for field in fields if field.kind == kinds.ID), None))


class _Refused(Exception):
    """The value being read has a problem, already noted."""


class _Reader:
    """Reads the tree of a store field by field as the model declares them (store/model.py), noting every problem
    with its place; an item with a problem is not built, so no problem follows from another."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[BadInput] = []
        self.published: date | None = None
        # stored figures repeat their shapes ("470 mn USD", a date): each written form is parsed once; a
        # Quantity is immutable, so facts may share one; so are periods ("2024"), and a Period is frozen
        self.quantities: dict[tuple, Quantity] = {}
        self.periods: dict[tuple, Any] = {}
        self.ids: dict[type, list[tuple[str, int, int]]] = {model: [] for model in _PLACED}  # each id read, placed
        self.readers = {kinds.ID: self.ident, kinds.TEXT: self.text, kinds.COMPARISON: self.text,
                        kinds.FIGURE: self.figure, kinds.PERIOD: self.period, kinds.DATE: self.iso_date,
                        kinds.FLAG: self.flag, kinds.CHOICE: self.choice, kinds.CONST: self.const,
                        kinds.TEXT_LIST: self.text_list, kinds.TEXT_MAP: self.text_map, kinds.SECTION: self.section,
                        kinds.SECTION_LIST: self.section_list}

    def note(self, message: str, line: int | None, column: int | None) -> None:
        self.problems.append(BadInput(message, self.path, line, column))

    def fail(self, container, key, message: str):
        self.note(message, *container.where(key))
        raise _Refused

    # the store and its sections --------------------------------------------------------------------------

    def store(self, data) -> Store | None:
        read = self.item(data, None, None, Store)
        if read is None:
            return None
        values, failed = read
        self.unique_ids(self.ids[Name])
        self.unique_ids(self.ids[Fact] + self.ids[Derived])
        self.unique_ids(self.ids[Relation])
        self.name_references(values.get("facts") or [], {ident for ident, _, _ in self.ids[Name]})
        return None if failed else Store(self.path, **values)

    def section(self, item, spec, what, value):
        read = self.item(value, item, spec.key, spec.item)
        if read is None or read[1]:
            raise _Refused
        return spec.item(**read[0])

    def section_list(self, item, spec, what, value) -> list:
        if not isinstance(value, MarkedList):
            self.fail(item, spec.key, f'"{spec.key}" must be a list, got {_type_name(value)}')
        built = []
        for index, entry in enumerate(value):
            value[index] = None  # the tree is this reader's: each entry is freed once read, so memory peaks lower
            read = self.item(entry, value, index, spec.item)
            if read is not None and not read[1]:
                built.append(spec.item(**read[0]))
        return built

    def item(self, value, parent, key, model: type) -> tuple[dict[str, Any], set[str]] | None:
        """The model's keyword arguments read from one mapping (a field left out takes its `absent` value or the
        model's default) and the keys that had a problem (noted), or None when it is no mapping."""
        noun = _NOUNS[model]
        if not self.mapping(value, parent, key, noun.one, model):
            return None
        table = _table(model)
        failed: set[str] = set(table.required - value.keys())  # mapping() noted them
        values: dict[str, Any] = dict(table.absent)
        what = noun.prefix
        if table.ident is not None:  # first, as the other fields' messages name it
            raw = value.get(table.ident.key)
            try:
                values[table.ident.attribute] = self.ident(value, table.ident, noun.id_of, raw)
            except _Refused:
                failed.add(table.ident.key)
            what = f"{noun.prefix} {raw}"
        by_key, readers = table.by_key, self.readers
        # placed items in the file's order; the store and its source in the model's, so that the source's date
        # is known before the periods that resolve against it
        entries = value.items() if model in _PLACED else [(key, value[key]) for key in table.keys if key in value]
        for key, raw in entries:
            spec = by_key.get(key)
            if spec is None or spec is table.ident:
                continue  # unknown (noted by mapping()) or read above
            if raw is None and not (spec.required and spec.kind in _TEXTUAL):
                continue  # `key: ~` leaves the field out
            if spec.kind is kinds.TEXT and raw.__class__ is str and (not spec.required or raw.strip()):
                values[spec.attribute] = raw  # the usual case, read without a call
                continue
            try:
                values[spec.attribute] = readers[spec.kind](value, spec, what, raw)
            except _Refused:
                failed.add(key)
        if model is Source:
            self.published = values.get("published")  # relative periods resolve against it
        elif model is Fact and failed.isdisjoint(_QUANTITY_KEYS) and not self.fact_figure(value, values, what):
            failed.add("value")
        if model in _PLACED:
            values["line"], values["column"] = value.mark
            if "id" not in failed:
                self.ids[model].append((values["id"], *value.mark))
            if model in _MARKED:
                values["marks"] = value.value_places()
        return values, failed

    def mapping(self, value, parent, key, what: str, model: type) -> bool:
        """Whether `value` is a mapping; notes each unknown field and each missing required one."""
        table = _table(model)
        if not isinstance(value, MarkedDict):
            if parent is None:
                self.note(f"{what} must be a mapping", 1, 1)
            else:
                self.note(f"{what} must be a mapping, got {_type_name(value)}", *parent.where(key))
            return False
        if value.keys() <= table.by_key.keys() and value.keys() >= table.required:
            return True
        for name in value:
            if name not in table.by_key:
                hint = difflib.get_close_matches(str(name), table.keys, n=1)
                suggestion = f' (did you mean "{hint[0]}"?)' if hint else ""
                self.note(f'unknown field "{name}" in {what}{suggestion}', *value.key_marks.get(name, value.mark))
        for name in table.keys:
            if name in table.required and name not in value:
                self.note(f'{what} lacks required field "{name}"', *value.mark)
        return True

    # fields, by kind ---------------------------------------------------------------------------------------

    def ident(self, item, spec, what, value) -> str:
        if value.__class__ is str and ID_RE.match(value):
            return value
        self.fail(item, spec.key, f"{what}.{spec.key} must be lower_snake_case text starting with a letter, "
                                  f"got {value!r}")

    def text(self, item, spec, what, value) -> str:
        if value.__class__ is str:
            if spec.required and not value.strip():
                self.fail(item, spec.key, f"{what}.{spec.key} must not be empty")
            return value
        if value is None:
            self.fail(item, spec.key, f"{what}.{spec.key} must not be empty")
        self.fail(item, spec.key, f"{what}.{spec.key} must be text, got {_type_name(value)}")

    def figure(self, item, spec, what, value) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, date):
            return value.isoformat()
        return self.text(item, spec, what, value)

    def period(self, item, spec, what, value):
        text = self.figure(item, spec, what, value)
        key = (text, self.published)
        period = self.periods.get(key)
        if period is None:
            try:
                period = self.periods[key] = parse_period(text, self.published)
            except PeriodError as exc:
                self.fail(item, spec.key, f"{what}.{spec.key}: {exc}")
        return period

    def iso_date(self, item, spec, what, value) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(item, spec.key, f'{what}.{spec.key} must be a date YYYY-MM-DD, got "{value}"')

    def flag(self, item, spec, what, value) -> bool:
        if not isinstance(value, bool):
            self.fail(item, spec.key, f"{what}.{spec.key} must be true or false")
        return value

    def choice(self, item, spec, what, value) -> str:
        if value.__class__ is str and value in spec.choices:
            return value
        value = self.text(item, spec, what, value)
        self.fail(item, spec.key, f'{what}: unknown {spec.key} "{value}" (expected one of {", ".join(spec.choices)})')

    def const(self, item, spec, what, value) -> str:
        if value != spec.choices[0]:
            self.fail(item, spec.key, f'unknown {spec.key} "{value}" (expected "{spec.choices[0]}")')
        return value

    def text_list(self, item, spec, what, value) -> list[str]:
        if not isinstance(value, MarkedList) or not all(isinstance(v, str) for v in value):
            self.fail(item, spec.key, f"{what}.{spec.key} must be a list of text")
        return list(value)

    def text_map(self, item, spec, what, value) -> dict[str, str]:
        if not isinstance(value, MarkedDict) or not all(isinstance(v, str) for v in value.values()):
            self.fail(item, spec.key, f"{spec.key} must map each name to a one-line description")
        return dict(value)

    # what a fact's fields say together ------------------------------------------------------------------------

    def fact_figure(self, item, values: dict[str, Any], what: str) -> bool:
        """Reads the fact's figure into values["quantity"]; whether it could (else the problem is noted)."""
        value_text, hedge, kind = values.get("value_text"), values.get("hedge"), values["kind"]
        try:
            if value_text is None and kind != "claim":
                self.fail(item, "id", f'{what} lacks required field "value" (only kind: claim may have none)')
            if hedge is not None and value_text is None:
                self.fail(item, "hedge", f"{what}: a hedge needs a value to qualify")
            if value_text is not None:
                values["quantity"] = self.quantity(item, what, values)
        except _Refused:
            return False
        return True

    def quantity(self, item, what: str, values: dict[str, Any]) -> Quantity:
        value_text, kind = values["value_text"], values["kind"]
        exact, precision, tolerance_text = values.get("exact"), values.get("precision"), values.get("tolerance")
        try:
            if kind in ("date", "year"):
                key = ("date", value_text, self.published)
                quantity = self.quantities.get(key)
                if quantity is None:
                    quantity = self.quantities[key] = date_quantity(value_text, self.published)
                return quantity
            exact = kind in EXACT_KINDS if exact is None else exact
            key = (value_text, values.get("hedge"), exact, precision, tolerance_text)
            quantity = self.quantities.get(key)
            if quantity is None:
                tolerance = None if tolerance_text is None else self.tolerance(item, what, tolerance_text)
                quantity = parse_quantity(value_text, hedge=values.get("hedge"), exact=exact, precision=precision,
                                          tolerance=tolerance)
                self.quantities[key] = quantity
            return quantity
        except UnitError as exc:
            self.fail(item, "value", f"{exc} in {what.split()[1]}.value")
        except (ValueError, DimensionError, PeriodError) as exc:
            self.fail(item, "value", f"{what}.value: {exc}")

    def tolerance(self, item, what: str, text: str) -> Fraction:
        try:
            return parse_tolerance(text)
        except ValueError as exc:
            self.fail(item, "tolerance", f"{what}.tolerance: {exc}")

    # across items --------------------------------------------------------------------------------------------

    def unique_ids(self, ids: list[tuple[str, int, int]]) -> None:
        first_line: dict[str, int] = {}
        for ident, line, column in ids:
            if ident in first_line:
                lines = f" (first on line {first_line[ident]}, again on line {line})" if line is not None else ""
                self.note(f'duplicate id "{ident}"{lines}', line, column)
            else:
                first_line[ident] = line

    def name_references(self, facts: list[Fact], name_ids: set[str]) -> None:
        for fact in facts:
            for name in fact.names:
                if name not in name_ids:
                    line, column = fact.marks.get("names", (fact.line, fact.column))
                    hint = difflib.get_close_matches(name, list(name_ids), n=1)
                    suggestion = f' (did you mean "{hint[0]}"?)' if hint else ""
                    self.note(f'fact {fact.id} names unknown entity "{name}"{suggestion}', line, column)


def _type_name(value) -> str:
    if value is None:
        return "nothing"
    for kind, name in ((bool, "true/false"), (dict, "a mapping"), (list, "a list"), (str, "text"), (int, "a number"),
                       (float, "a number")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def parse_tolerance(text: str) -> Fraction:
    """A tolerance written as a percent ("5 percent", "5 %") as a fraction (1/20)."""
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
