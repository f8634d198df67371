"""JSON loading into the same marked tree as YAML's: line and column of every value, duplicate keys refused."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from json import JSONDecodeError, JSONDecoder
from typing import Any

from bakuastana.errors import BadInput
from bakuastana.store.tree import MAX_NESTING, MarkedDict, MarkedList

MAX_JSON_BYTES = 32 * 1024 * 1024  # JSON spells a store in about 1.3 times the bytes of YAML's flow style

_SPACE = re.compile(r"[ \t\n\r]*")
_COLON = re.compile(r"[ \t\n\r]*:[ \t\n\r]*")
_AFTER_MEMBER = re.compile(r"[ \t\n\r]*([,}])[ \t\n\r]*")
_AFTER_ITEM = re.compile(r"[ \t\n\r]*([,\]])[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS = (("true", True), ("false", False), ("null", None))
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_read_string = JSONDecoder().raw_decode  # at a '"': the string (strict: no raw control characters) and its end
_ENTRY_LISTS = 2  # the depth of the lists whose mappings are read whole: the sections of the root mapping


def load_json(text: str, path: str, whole_entries: bool = True) -> Any:
    """Parse JSON text (RFC 8259, no NaN) into MarkedDict / MarkedList / scalars, or raise BadInput at the place.

    With `whole_entries`, each mapping in a list of the root mapping (a fact, a relation...) is read by the json
    module's C decoder and its inner marks are found when first asked for (an error message needs them, a valid
    store seldom does); without, every value is read here with its marks. Both give the same tree and marks.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_JSON_BYTES:
        raise BadInput(f"file is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB", path, 1, 1)
    return _Reader(text, path, whole_entries).document()


class _Reader:
    """A recursive-descent reader over the text. Places come from offsets through the line starts; the line of the
    last place is kept, so the many places on one line (a store written one entry a line) cost no search."""

    def __init__(self, text: str, path: str, whole_entries: bool = False) -> None:
        self.text = text
        self.path = path
        starts = [0]
        position = text.find("\n")
        while position != -1:  # JSON breaks lines only at \n (a \r before it is space)
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        starts.append(len(text) + 1)  # past the end, so every line has a next start
        self.line_starts = starts
        self.line = (1, 0, starts[1])  # the current line's number, its start and the next line's start
        # escapes that may write half of a surrogate pair: only then are decoded strings searched for lone halves
        self.surrogates_possible = _SURROGATE_ESCAPE.search(text) is not None
        self.entries = (JSONDecoder(object_pairs_hook=_entry_mapping, parse_constant=_refuse_constant)
                        if whole_entries and not self.surrogates_possible else None)

    def place(self, offset: int) -> tuple[int, int]:
        number, start, end = self.line
        if not start <= offset < end:
            number = bisect_right(self.line_starts, offset)
            start, end = self.line_starts[number - 1], self.line_starts[number]
            self.line = (number, start, end)
        return number, offset - start + 1

    def fail(self, offset: int, message: str):
        raise BadInput(f"JSON syntax error: {message}", self.path, *self.place(offset))

    def document(self) -> Any:
        text = self.text
        start = _SPACE.match(text).end()
        if start == len(text):
            raise BadInput("file is empty", self.path, 1, 1)
        try:
            value, _, end = self.value(start, 0)
        except JSONDecodeError as exc:  # from a string: a bad escape, a control character, no closing quote
            self.fail(exc.pos, exc.msg)
        end = _SPACE.match(text, end).end()
        if end != len(text):
            self.fail(end, "more after the end of the document")
        return value

    def value(self, offset: int, depth: int) -> tuple[Any, tuple[int, int], int]:
        """The value starting at `offset`, its place (a string's is past its opening quote) and where it ends."""
        text = self.text
        char = text[offset:offset + 1]
        if char == '"':
            value, end = _read_string(text, offset)
            if self.surrogates_possible:
                self.refuse_lone_surrogates(value, offset)
            return value, self.place(offset + 1), end
        if char == "{" or char == "[":
            if depth >= MAX_NESTING:
                raise BadInput(f"JSON nested too deeply (at most {MAX_NESTING} levels)", self.path,
                               *self.place(offset))
            value, end = self.mapping(offset, depth + 1) if char == "{" else self.sequence(offset, depth + 1)
            return value, value.mark, end
        number = _NUMBER.match(text, offset)
        if number is not None:
            written = number.group()
            try:
                value = float(written) if number.group(1) or number.group(2) else int(written)
            except ValueError:  # more digits than int() reads
                self.fail(offset, f"a number of {len(written)} digits")
            return value, self.place(offset), number.end()
        for word, value in _LITERALS:
            if text.startswith(word, offset):
                return value, self.place(offset), offset + len(word)
        self.fail(offset, "end of the document where a value was expected" if not char
                  else f"expected a value, got {char!r}")

    def refuse_lone_surrogates(self, value: str, offset: int) -> None:
        if any("\ud800" <= char <= "\udfff" for char in value):
            self.fail(offset + 1, "a string with a lone surrogate (\\ud800-\\udfff)")

    def mapping(self, offset: int, depth: int) -> tuple[MarkedDict, int]:
        text, place, value_at = self.text, self.place, self.value
        result = MarkedDict()
        result.mark = place(offset)
        key_marks, value_marks = result.key_marks, result.value_marks
        position = _SPACE.match(text, offset + 1).end()
        if text.startswith("}", position):
            return result, position + 1
        while True:
            if not text.startswith('"', position):
                self.fail(position, "expected a key in double quotes")
            key, end = _read_string(text, position)
            if self.surrogates_possible:
                self.refuse_lone_surrogates(key, position)
            key_place = place(position + 1)
            if key in key_marks:
                raise BadInput(f'duplicate key "{key}" (first on line {key_marks[key][0]}, again on line '
                               f"{key_place[0]})", self.path, *key_place)
            key_marks[key] = key_place
            colon = _COLON.match(text, end)
            if colon is None:
                self.fail(_SPACE.match(text, end).end(), "expected ':' after a key")
            start = colon.end()
            if text.startswith('"', start):  # most values are strings: read here, without a call
                value, end = _read_string(text, start)
                if self.surrogates_possible:
                    self.refuse_lone_surrogates(value, start)
                result[key], value_marks[key] = value, place(start + 1)
            else:
                result[key], value_marks[key], end = value_at(start, depth)
            position, closed = self.separator(_AFTER_MEMBER, end, "}")
            if closed:
                return result, position

    def sequence(self, offset: int, depth: int) -> tuple[MarkedList, int]:
        text = self.text
        result = MarkedList()
        result.mark = self.place(offset)
        item_marks = result.item_marks
        position = _SPACE.match(text, offset + 1).end()
        if text.startswith("]", position):
            return result, position + 1
        while True:
            if depth == _ENTRY_LISTS and self.entries is not None and text.startswith("{", position):
                value, end = self.whole_entry(position, depth + 1)
                place = value.mark
            else:
                value, place, end = self.value(position, depth)
            result.append(value)
            item_marks.append(place)
            position, closed = self.separator(_AFTER_ITEM, end, "]")
            if closed:
                return result, position

    def whole_entry(self, offset: int, depth: int) -> tuple[MarkedDict, int]:
        """The mapping at `offset` read by the C decoder, its marks left to be found when asked for; anything it
        refuses (a syntax error, a duplicate key, NaN, too deep) is read by mapping(), which says where."""
        try:
            value, end = self.entries.raw_decode(self.text, offset)
            _deferred(value, MAX_NESTING - depth, (self, offset, depth, ()))
        except (JSONDecodeError, ValueError, RecursionError):  # _NotPlain is a ValueError
            return self.mapping(offset, depth)
        value.place = self.place(offset)
        return value, end

    def marked_twin(self, origin: tuple) -> MarkedDict | MarkedList:
        """The container at `origin` (this reader, the entry's offset and depth, the keys and indexes down to it)
        read again with its marks."""
        _, offset, depth, path = origin
        twin, _ = self.mapping(offset, depth)
        for step in path:
            twin = twin[step]
        return twin

    def separator(self, pattern: re.Pattern, end: int, closer: str) -> tuple[int, bool]:
        """After a member or item: the position past its "," or the closing bracket, and whether it closed."""
        after = pattern.match(self.text, end)
        if after is None:
            self.fail(_SPACE.match(self.text, end).end(), f"expected ',' or '{closer}' after a value")
        return after.end(), after.group(1) == closer


# Entries read whole ---------------------------------------------------------------------------------------------


class _NotPlain(ValueError):
    """What the C decoder accepts and this reader does not (a duplicate key, NaN): mapping() says where."""


def _refuse_constant(name: str):
    raise _NotPlain(name)


def _found_when_asked(attribute: str) -> property:
    """A read-only property giving `attribute` once the container's marks are found (by reading it again)."""
    def read(self):
        if getattr(self, attribute) is None:
            self.take_marks(self.origin[0].marked_twin(self.origin))
        return getattr(self, attribute)

    return property(read)


class _JsonMapping(MarkedDict):
    """A mapping of an entry the C decoder read: its marks are found when first asked for. It keeps where to find
    them (`origin`), not its entry, so that nothing here holds a cycle and each entry is freed once read."""

    mark = _found_when_asked("place")
    key_marks = _found_when_asked("keys_at")
    value_marks = _found_when_asked("values_at")

    def __init__(self, pairs: list) -> None:
        dict.__init__(self, pairs)
        self.place: tuple[int, int] | None = None
        self.keys_at: dict | None = None
        self.values_at: dict | None = None
        self.origin: tuple = ()

    def take_marks(self, marked: MarkedDict) -> None:
        self.place, self.keys_at, self.values_at = marked.mark, marked.key_marks, marked.value_marks

    def value_places(self) -> Mapping:
        return self.values_at if self.values_at is not None else _PlacesWhenAsked(self.origin)


class _JsonList(MarkedList):
    """A list of an entry the C decoder read: its marks are found when first asked for (see _JsonMapping)."""

    mark = _found_when_asked("place")
    item_marks = _found_when_asked("items_at")

    def __init__(self, items: list) -> None:
        list.__init__(self, items)
        self.place: tuple[int, int] | None = None
        self.items_at: list | None = None
        self.origin: tuple = ()

    def take_marks(self, marked: MarkedList) -> None:
        self.place, self.items_at = marked.mark, marked.item_marks


class _PlacesWhenAsked(Mapping):
    """Key -> place of an entry's values, found on first use (most stores never ask: only messages do); it keeps
    the entry's origin, not the entry."""

    __slots__ = ("found", "origin")

    def __init__(self, origin: tuple) -> None:
        self.origin = origin
        self.found: dict | None = None

    def places(self) -> dict:
        if self.found is None:
            self.found = self.origin[0].marked_twin(self.origin).value_marks
        return self.found

    def __getitem__(self, key):
        return self.places()[key]

    def __iter__(self) -> Iterator:
        return iter(self.places())

    def __len__(self) -> int:
        return len(self.places())

    def __repr__(self) -> str:
        return repr(self.places())


def _entry_mapping(pairs: list) -> _JsonMapping:
    mapping = _JsonMapping(pairs)
    if len(mapping) != len(pairs):
        raise _NotPlain("duplicate key")
    return mapping


def _deferred(value: Any, depth_left: int, origin: tuple) -> Any:
    """The decoded value with its lists made _JsonList and each container given its origin; _NotPlain when it nests
    deeper than `depth_left` allows."""
    if depth_left < 0:
        raise _NotPlain("nested too deeply")
    if value.__class__ is _JsonMapping:
        value.origin = origin
        for key, item in value.items():
            if item.__class__ is list or item.__class__ is _JsonMapping:
                value[key] = _deferred(item, depth_left - 1, (*origin[:3], (*origin[3], key)))
    elif value.__class__ is list:
        value = _JsonList([_deferred(item, depth_left - 1, (*origin[:3], (*origin[3], index)))
                           if item.__class__ is list or item.__class__ is _JsonMapping else item
                           for index, item in enumerate(value)])
        value.origin = origin
    return value
