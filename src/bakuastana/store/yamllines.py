"""Fast reading of top-level sections written one flow mapping per line (`- {id: a, value: 5 mn USD}`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bakuastana.store.yamlsafe import _FALLBACK, MarkedDict, MarkedList, PlainScalars

# Big stores are lists of one-line flow mappings. Such a line is read here with regular expressions, and
# only when it is plainly valid: plain scalars free of anything that could change their meaning in flow
# context (":", "#", "?", indicators at the start), quoted scalars without escapes or quotes inside, flat
# lists. The rest of the document (the header, any section written otherwise) goes to libyaml with the
# sections' lines left blank, so every line keeps its number; the sections are then put back. Anything
# unusual returns _FALLBACK and the whole text takes the libyaml path. tests/test_perf_paths.py compares the
# trees, marks included, with the Python loader's.

_SECTION = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):[ ]*")
_ITEM = re.compile(r"( *)- \{ *(.*?) *\} *")
_PLAIN = r"(?:-(?=[0-9.])|[^\s\-?:,\[\]{}#&*!|>'\"%@`])[^,\[\]{}#:?]*?"
_SCALAR = rf"\"([^\"\\]*)\"|'([^']*)'|({_PLAIN})"
_ENTRY = re.compile(rf"([A-Za-z_][A-Za-z0-9_]*): +(?:(?:{_SCALAR}) *(,|$) *|(\[))")
_ENTRIES = re.compile(rf"""(([A-Za-z_][A-Za-z0-9_]*): +(?:("[^"\\]*")|('[^']*')|({_PLAIN})|\[ *([^\[\]{{}}]*?) *\]) *"""
                      r"(?:,|$) *)")  # what _ENTRY reads, all at once and without places; lists are read again
_LIST_ITEM = re.compile(rf"(?:{_SCALAR}) *(,|\]) *")
_LINE_BREAKS_ELSEWHERE = ("\r", "\x85", "\u2028", "\u2029")  # YAML breaks lines there too


def read_flow_sections(text: str, yaml, parse_rest) -> Any:
    """The document's tree, with each top-level section that is only one-line flow mappings read here and the
    rest by `parse_rest` (the libyaml composer); _FALLBACK when there is no such section or anything is odd."""
    if any(mark in text for mark in _LINE_BREAKS_ELSEWHERE):
        return _FALLBACK
    lines = text.split("\n")
    loader = yaml.CSafeLoader("")
    try:
        scalars = PlainScalars(loader, yaml)
    finally:
        loader.dispose()
    read = []
    for key_line, first, end, items_read in _find_sections(lines):
        try:
            read.append((key_line, first, end, _read_items(lines, items_read, scalars)))
        except (_Unusual, yaml.YAMLError, ValueError, TypeError, OverflowError):
            continue  # a line this reader does not take: libyaml reads the section
    if not read:
        return _FALLBACK
    for _, first, end, _ in read:
        lines[first:end] = [""] * (end - first)
    root = parse_rest("\n".join(lines), yaml)
    if root.__class__ is not MarkedDict:
        return _FALLBACK
    for key_line, _, _, items in read:
        key = scalars.plain(_SECTION.fullmatch(lines[key_line]).group(1))
        # the key must be the document's own, on that line, with nothing else as its value
        if root.key_marks.get(key) != (key_line + 1, 1) or root[key] is not None:
            return _FALLBACK
        root[key] = items
        root.value_marks[key] = items.mark
    return root


class _Unusual(Exception):
    """A line this reader does not take."""


def _find_sections(lines: list[str]) -> list[tuple[int, int, int, list]]:
    """(key line, first line, end, [(line index, _ITEM match)]) of each top-level key whose value is only
    one-line flow mappings at one indentation (blank and comment lines may stand between them)."""
    sections = []
    index, count = 0, len(lines)
    while index < count:
        if not _SECTION.fullmatch(lines[index]):
            index += 1
            continue
        key_line, index = index, index + 1
        indent, last_item, items = None, None, []
        while index < count:
            line = lines[index]
            item = _ITEM.fullmatch(line)
            if item is not None and (indent is None or len(item.group(1)) == indent):
                indent, last_item = len(item.group(1)), index
                items.append((index, item))
            elif line.strip() and not line.lstrip().startswith("#"):
                if line[0] in " -":
                    last_item = None  # the value goes on in another style: libyaml reads the section
                break
            index += 1
        if last_item is not None:
            sections.append((key_line, key_line + 1, last_item + 1, items))
    return sections


def _read_items(lines: list[str], items_read: list, scalars: PlainScalars) -> MarkedList:
    """The section's list from its item lines (index, _ITEM match)."""
    items = MarkedList()
    known, plain = scalars.plains, scalars.plain
    for index, matched in items_read:
        line, body = matched.string, matched.group(2)
        entries = _ENTRIES.findall(body)
        mapping = _LineMapping(line, matched.start(2), matched.end(2), index + 1, scalars)
        tiled = 0
        for whole, key, double, single, plain_text, _ in entries:
            tiled += len(whole)
            resolved = known.get(key, _FALLBACK)
            key = plain(key) if resolved is _FALLBACK else resolved
            if plain_text:
                value = known.get(plain_text, _FALLBACK)
                mapping[key] = plain(plain_text) if value is _FALLBACK else value
            elif double or single:
                mapping[key] = (double or single)[1:-1]
            else:  # a list: read with its marks
                mapping = _read_mapping(line, matched.start(2), matched.end(2), index + 1, scalars)
                break
        else:
            if tiled != len(body) or len(mapping) != len(entries) or body.endswith(","):
                raise _Unusual  # a gap between entries, a duplicate key or a trailing comma
        brace = matched.end(1) + 2
        mapping.mark = (index + 1, brace + 1)
        if not items.item_marks:
            items.mark = (index + 1, brace - 1)  # a block sequence starts at its first "-"
        items.item_marks.append(mapping.mark)
        items.append(mapping)
    return items


class _LineMapping(MarkedDict):
    """A one-line flow mapping whose key and value marks are found when first asked for (most never are: only
    an error message needs them, and finding them for every item of a big store cost more than the rest)."""

    def __init__(self, line: str, start: int, end: int, line_number: int, scalars: PlainScalars) -> None:
        dict.__init__(self)
        self.mark = (line_number, 1)
        self._source = (line, start, end, line_number, scalars)  # _read_mapping's arguments

    @property
    def key_marks(self) -> Mapping:
        return _LineMarks(self._source, "key_marks")

    @property
    def value_marks(self) -> Mapping:
        return _LineMarks(self._source, "value_marks")


class _LineMarks(Mapping):
    """Key -> (line, column) of one-line mapping's keys or values, read from the line on first use; it keeps
    the line, not the mapping."""

    __slots__ = ("_marks", "_source", "_which")

    def __init__(self, source: tuple, which: str) -> None:
        self._source, self._which, self._marks = source, which, None

    def _found(self) -> dict:
        if self._marks is None:
            self._marks = getattr(_read_mapping(*self._source), self._which)
        return self._marks

    def __getitem__(self, key):
        return self._found()[key]

    def __iter__(self):
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())

    def __repr__(self) -> str:
        return repr(self._found())


def _read_mapping(line: str, start: int, end: int, line_number: int, scalars: PlainScalars) -> MarkedDict:
    mapping = MarkedDict()
    key_marks, value_marks = mapping.key_marks, mapping.value_marks
    position = start
    while position < end:
        entry = _ENTRY.match(line, position, end)
        if entry is None:
            raise _Unusual
        key = scalars.plain(entry.group(1))
        if key in key_marks:
            raise _Unusual  # a duplicate: the Python loader names it
        key_marks[key] = (line_number, entry.start(1) + 1)
        if entry.group(6) is not None:  # a flat list
            value, position = _read_list(line, entry.start(6), end, line_number, scalars)
            value_marks[key] = value.mark
            tail = _AFTER_LIST.match(line, position, end)
            comma, position = tail.group(1), tail.end()
        else:
            value, value_marks[key] = _scalar(entry, 2, line_number, scalars)
            comma, position = entry.group(5), entry.end()
        if comma is None or (comma and position >= end):
            raise _Unusual  # something after a list, or a trailing comma
        mapping[key] = value
    return mapping


_AFTER_LIST = re.compile(r" *(?:(,|$) *)?")


def _read_list(line: str, bracket: int, end: int, line_number: int, scalars: PlainScalars):
    """A flat flow list of scalars opening at `bracket`, and the position after its "]"."""
    items = MarkedList()
    items.mark = (line_number, bracket + 1)
    position = bracket + 1
    while line.startswith(" ", position):
        position += 1
    if line.startswith("]", position):
        return items, position + 1
    while True:
        entry = _LIST_ITEM.match(line, position, end)
        if entry is None:
            raise _Unusual
        value, mark = _scalar(entry, 1, line_number, scalars)
        items.item_marks.append(mark)
        items.append(value)
        position = entry.end()
        if entry.group(4) == "]":
            return items, position


def _scalar(match, group: int, line_number: int, scalars: PlainScalars) -> tuple[Any, tuple[int, int]]:
    """A scalar from groups `group` (double-quoted), +1 (single-quoted), +2 (plain): its value and the mark of
    its content (past an opening quote, as the composer marks it)."""
    double, single, plain = match.group(group, group + 1, group + 2)
    if plain is not None:
        return scalars.plain(plain), (line_number, match.start(group + 2) + 1)
    if double is not None:
        return double, (line_number, match.start(group) + 1)
    return single, (line_number, match.start(group + 1) + 1)
