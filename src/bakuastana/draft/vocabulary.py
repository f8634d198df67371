"""The words drafting reads, joined over every registered language: news in one language quotes the others."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import ModuleType


def _drafting_modules() -> tuple[ModuleType, ...]:
    from bakuastana.lang.en import drafting as en
    from bakuastana.lang.ru import drafting as ru

    return ru, en


@dataclass(frozen=True)
class Vocabulary:
    """Each field is one kind of word or phrase, as a regex alternation of every language's forms ("(?!)", which
    never matches, where no language has one), or a table merged over the languages."""

    drafting: tuple[ModuleType, ...]  # the languages' drafting modules, in registry order

    def words(self, name: str) -> str:
        """The alternation of one kind of word over the languages, or a pattern that never matches."""
        return _alternation(self.drafting, name)

    def merged(self, name: str) -> dict:
        """One table (word -> value) merged over the languages, the first language's entry first."""
        return _merged(self.drafting, name)

    def merged_set(self, name: str) -> frozenset[str]:
        """One set of words joined over the languages."""
        return frozenset().union(*(getattr(module, name) for module in self.drafting))

    def letters(self) -> str:
        """A regex class body of every language's letters, both cases."""
        return "A-Za-zА-Яа-яЁё"

    def capitals(self) -> str:
        """A regex class body of every language's capital letters."""
        return "A-ZА-ЯЁ"

    def measure_stems(self) -> tuple[tuple[str, int, str], ...]:
        """(measure, tier, pattern) in the order the languages first list them, each pattern joined over them."""
        patterns: dict[tuple[str, int], list[str]] = {}
        for module in self.drafting:
            for measure, tier, pattern in module.MEASURE_STEMS:
                patterns.setdefault((measure, tier), []).append(pattern)
        return tuple((measure, tier, "|".join(found)) for (measure, tier), found in patterns.items())


@cache
def _alternation(modules: tuple[ModuleType, ...], name: str) -> str:
    found = [getattr(module, name) for module in modules if getattr(module, name)]
    return "|".join(found) if found else "(?!)"


@cache
def _merged(modules: tuple[ModuleType, ...], name: str) -> dict:
    table: dict = {}
    for module in modules:
        for key, value in getattr(module, name).items():
            table.setdefault(key, value)
    return table


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary of every registered language."""
    return Vocabulary(_drafting_modules())

