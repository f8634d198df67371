"""The languages the tool reads: one package per language (`lang/ru`, `lang/en`), registered here by code.

A language's package exposes `LEXICON` (a `bakuastana.lang.lexicon.Lexicon`); `lexicon(code)` imports it on
first use. Adding a language is a new folder plus one line in `LANGUAGES` (see docs/languages.md).
"""

from __future__ import annotations

import importlib
from functools import cache, lru_cache

from bakuastana.lang.lexicon import Lexicon

__all__ = ["LANGUAGES", "Lexicon", "capitals", "detect_language", "language_of", "letters", "lexicon", "lexicons",
           "word_lexicon"]

# Code -> package; the order is the order in which figure reading tries the languages' words.
LANGUAGES: dict[str, str] = {
    "ru": "bakuastana.lang.ru",
    "en": "bakuastana.lang.en",
}


@cache
def lexicon(code: str) -> Lexicon:
    """The lexicon of a registered language; KeyError for a code not in `LANGUAGES`."""
    return importlib.import_module(LANGUAGES[code]).LEXICON


def lexicons() -> tuple[Lexicon, ...]:
    """Every registered language's lexicon, in registry order."""
    return tuple(lexicon(code) for code in LANGUAGES)


def detect_language(text: str) -> str:
    """The registered language whose alphabet holds the most of the letters in the text's first 20,000
    characters. A letter counts for every alphabet that has it, so a language whose alphabet extends another's
    (Azerbaijani's Latin, Kazakh's Cyrillic) wins on its own letters; a tie goes to the one registered first."""
    return _most_letters(text[:20000].lower(), tuple((code, lexicon(code).alphabet) for code in LANGUAGES))


@lru_cache(maxsize=8)
def _most_letters(head: str, alphabets: tuple[tuple[str, str], ...]) -> str:
    """The code whose alphabet holds the most of the letters in `head`; counted once per text and alphabets (a
    check of an article alone asks three times of the same text)."""
    counts = {code: sum(head.count(letter) for letter in alphabet) for code, alphabet in alphabets}
    return max(counts, key=counts.__getitem__)


def language_of(text: str, declared: str | None = None) -> str:
    """An article's language: the store's `source.language` ("ru", "en-GB" -> "en") when given, else the one
    detected from the text. A declared language need not be registered ("kk"): then no lexicon serves it."""
    if declared and declared.strip():
        return declared.strip().lower().replace("_", "-").split("-")[0]
    return detect_language(text)


def capitals() -> str:
    """A regex class body of every registered language's capital letters ("А-ЯЁA-Z")."""
    return "".join(dict.fromkeys(found.capitals for found in lexicons()))


def letters() -> str:
    """A regex class body of every registered language's letters, capital and small."""
    return "".join(dict.fromkeys(part for found in lexicons() for part in (found.capitals, found.letters)))


def word_lexicon(word: str) -> Lexicon | None:
    """The first registered language whose alphabet has all the letters of `word`, or None."""
    lowered = {char for char in word.lower() if char.isalpha()}
    return next((found for found in lexicons() if lowered and lowered <= set(found.alphabet)), None)
