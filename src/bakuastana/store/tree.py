"""The tree a store file is read into: mappings and lists that remember where each key, value and item stood (data
read from no file stood nowhere: `unplaced`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import chain
from typing import Any, ClassVar

MAX_NESTING = 64  # a fact store needs 4 levels; deeper is refused (PyYAML's composer recurses)


class MarkedDict(dict):
    """A mapping that remembers where each key and value stood (1-based line, column)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.mark: tuple[int, int] = (1, 1)
        self.key_marks: dict[Any, tuple[int, int]] = {}
        self.value_marks: dict[Any, tuple[int, int]] = {}

    def where(self, key: Any) -> tuple[int, int]:
        return self.value_marks.get(key) or self.key_marks.get(key) or self.mark

    def value_places(self) -> Mapping[Any, tuple[int, int]]:
        """The places of the values, read-only and compact, for a model item to keep."""
        return Places(self.value_marks)


class MarkedList(list):
    """A sequence that remembers where each item stood."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.mark: tuple[int, int] = (1, 1)
        self.item_marks: list[tuple[int, int]] = []

    def where(self, index: int) -> tuple[int, int]:
        return self.item_marks[index] if index < len(self.item_marks) else self.mark


def unplaced(data: Any) -> Any:
    """The tree of plain data that no file was read for (a draft made in memory): fresh mappings and lists, so
    the reader that takes the tree leaves `data` as it was, with no places (every line and column None)."""
    if isinstance(data, dict):
        result = MarkedDict((key, unplaced(value)) for key, value in data.items())
        result.mark = UNPLACED
        return result
    if isinstance(data, list):
        result = MarkedList(unplaced(item) for item in data)
        result.mark = UNPLACED
        return result
    return data


UNPLACED = (None, None)  # the line and column of what no file was read for


class Places(Mapping):
    """Key -> (line, column), kept compactly: a store of 100,000 facts keeps one for each fact, derived value and
    relation, and a dict of tuples took about three times the memory."""

    __slots__ = ("names", "numbers")
    _key_orders: ClassVar[dict[tuple, tuple]] = {}  # one tuple of keys for all the items that write them alike

    def __init__(self, marks: dict[Any, tuple[int, int]]) -> None:
        keys = tuple(marks)
        if len(Places._key_orders) < 4096:
            keys = Places._key_orders.setdefault(keys, keys)
        self.names = keys
        self.numbers = tuple(chain.from_iterable(marks.values()))

    def __getitem__(self, key: Any) -> tuple[int, int]:
        try:
            index = 2 * self.names.index(key)
        except ValueError:
            raise KeyError(key) from None
        return self.numbers[index], self.numbers[index + 1]

    def __iter__(self) -> Iterator:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        return repr(dict(self.items()))
