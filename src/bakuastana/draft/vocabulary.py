"""The words drafting reads, joined over every registered language: news in one language quotes the others."""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import NamedTuple

from bakuastana.lang import LANGUAGES, lexicon
from bakuastana.text.figures.patterns import MONTH_KINDS, fold, patterns_for, trie_regex
from bakuastana.text.regexstarts import first_strings, lookahead

_NEVER = "(?!)"
_MONTH_COUNTS = range(2, 12)  # "девять месяцев 2025 года": a count of months, neither one nor the whole year


class Vocabulary(NamedTuple):
    """The words of the languages `codes`: one kind of word or phrase as a regex alternation of every language's
    forms ("(?!)", which never matches, where no language has one), or a table merged over the languages. A
    language's drafting module leaves out (or sets empty) what the language does not have."""

    codes: tuple[str, ...]

    @property
    def drafting(self) -> tuple[ModuleType, ...]:
        """The languages' drafting modules, in registry order."""
        return tuple(lexicon(code).drafting for code in self.codes)

    def words(self, name: str) -> str:
        """The alternation of one kind of word (a drafting module's attribute) over the languages."""
        return _alternation(self, name)

    def merged(self, name: str) -> dict:
        """One table (word -> value) merged over the languages, the first language's entry first."""
        return _merged(self, name)

    def merged_set(self, name: str) -> frozenset[str]:
        """One set of words joined over the languages."""
        return frozenset().union(*(getattr(module, name, frozenset()) for module in self.drafting))

    def stopwords(self) -> frozenset[str]:
        """Every language's function words ("в", "the"): never a name or what a sentence is about."""
        return frozenset().union(*(lexicon(code).stopwords for code in self.codes))

    def months(self) -> str:
        """Every form of every month name ("января", "March", "Sept"), as a regex alternation; from the figure
        reader's table of every registered language's words."""
        return _months()

    def month_counts(self) -> str:
        """The number words that may count the months of a period ("девять", "nine"), as an alternation."""
        return _month_counts()

    def month_count(self, word: str) -> int | None:
        """The value of such a number word, else None."""
        found = patterns_for().words.get(fold(word))
        if found is None or found[0] != "card" or found[1] not in _MONTH_COUNTS:
            return None
        return int(found[1])

    def measure_stems(self) -> tuple[tuple[str, int, str], ...]:
        """(measure, tier, pattern) in the order the languages first list them, each pattern joined over them."""
        patterns: dict[tuple[str, int], list[str]] = {}
        for module in self.drafting:
            for measure, tier, pattern in getattr(module, "MEASURE_STEMS", ()):
                patterns.setdefault((measure, tier), []).append(pattern)
        return tuple((measure, tier, "|".join(found)) for (measure, tier), found in patterns.items())


@cache
def _alternation(words: Vocabulary, name: str) -> str:
    found = [getattr(module, name) for module in words.drafting if getattr(module, name, "")]
    return "|".join(found) if found else _NEVER


@cache
def _merged(words: Vocabulary, name: str) -> dict:
    table: dict = {}
    for module in words.drafting:
        for key, value in getattr(module, name, {}).items():
            table.setdefault(key, value)
    return table


@cache
def month_forms() -> tuple[str, ...]:
    """Every form of every month name, folded (`fold`), sorted: what `Vocabulary.months` matches."""
    return tuple(sorted({form for form, (kind, *_rest) in patterns_for().words.items() if kind in MONTH_KINDS}))


@cache
def month_count_forms() -> tuple[str, ...]:
    """The folded forms of the number words `Vocabulary.month_counts` matches, sorted."""
    return tuple(sorted({form for form, (kind, value, *_rest) in patterns_for().words.items()
                         if kind == "card" and value in _MONTH_COUNTS}))


@cache
def _months() -> str:
    forms = month_forms()
    return trie_regex(list(forms)) if forms else _NEVER


@cache
def _month_counts() -> str:
    forms = month_count_forms()
    return trie_regex(list(forms)) if forms else _NEVER


@cache
def guarded(pattern: str) -> str:
    """`pattern` behind a lookahead of the first characters a match of it can begin with
    (`text.regexstarts.first_strings`, read under the flags it is compiled with): a search of a whole text
    then tests a character or two where no match can start instead of trying every arm; the same matches."""
    found = first_strings(pattern, 2)
    return f"{lookahead(found)}(?:{pattern})" if found else pattern


def vocabulary() -> Vocabulary:
    """The vocabulary of every registered language (the tables built from it are kept per set of languages)."""
    return Vocabulary(tuple(LANGUAGES))
