"""The tree a store file is read into: mappings and lists that remember where each key, value and item stood."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
        """The places of the values, read-only, for a model item to keep (found later where they are not yet)."""
        return self.value_marks


class MarkedList(list):
    """A sequence that remembers where each item stood."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.mark: tuple[int, int] = (1, 1)
        self.item_marks: list[tuple[int, int]] = []

    def where(self, index: int) -> tuple[int, int]:
        return self.item_marks[index] if index < len(self.item_marks) else self.mark
