"""JSON loading into the same marked tree as YAML's: line and column of every value, duplicate keys refused."""

from __future__ import annotations

import re
from bisect import bisect_right
from json import JSONDecodeError
from json.decoder import scanstring
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


def load_json(text: str, path: str) -> Any:
    """Parse JSON text (RFC 8259, no NaN) into MarkedDict / MarkedList / scalars, or raise BadInput at the place."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_JSON_BYTES:
        raise BadInput(f"file is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB", path, 1, 1)
    return _Reader(text, path).document()


class _Reader:
    """A recursive-descent reader over the text. Places come from offsets through the line starts; the line of the
    last place is kept, so the many places on one line (a store written one entry a line) cost no search."""

    def __init__(self, text: str, path: str) -> None:
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
        except JSONDecodeError as exc:  # from scanstring: a bad escape, a control character, no closing quote
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
            value, end = scanstring(text, offset + 1, True)
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
            value = float(written) if number.group(1) or number.group(2) else int(written)
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
            key, end = scanstring(text, position + 1, True)
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
                value, end = scanstring(text, start + 1, True)
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
            value, place, end = self.value(position, depth)
            result.append(value)
            item_marks.append(place)
            position, closed = self.separator(_AFTER_ITEM, end, "]")
            if closed:
                return result, position

    def separator(self, pattern: re.Pattern, end: int, closer: str) -> tuple[int, bool]:
        """After a member or item: the position past its "," or the closing bracket, and whether it closed."""
        after = pattern.match(self.text, end)
        if after is None:
            self.fail(_SPACE.match(self.text, end).end(), f"expected ',' or '{closer}' after a value")
        return after.end(), after.group(1) == closer
