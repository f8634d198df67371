"""Russian morphology: the one pymorphy3 analyser of the program, and word readings cached per word form."""

from __future__ import annotations

import os
from functools import cache, lru_cache
from typing import Any, NamedTuple

CASE_NORMAL = {"nomn": "nomn", "gent": "gent", "gen2": "gent", "datv": "datv", "accs": "accs",
               "acc2": "accs", "ablt": "ablt", "loct": "loct", "loc2": "loct", "voct": "nomn"}
CASE_NAMES = {"nomn": "nominative", "gent": "genitive", "datv": "dative", "accs": "accusative",
              "ablt": "instrumental", "loct": "prepositional"}
ALL_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@cache
def analyser() -> Any:
    """The pymorphy3 analyser, built on first use (it takes a while) and shared by everything that needs it."""
    import pymorphy3
    import pymorphy3_dicts_ru

    # The dictionary's path named, unless the user's environment names one: without a path pymorphy3 scans every
    # installed package's entry points for dictionaries (importlib.metadata, ~30 ms of each run's start)
    named = pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE in os.environ
    return pymorphy3.MorphAnalyzer(path=None if named else pymorphy3_dicts_ru.get_path(), lang="ru")


class Reading(NamedTuple):
    """One possible analysis of a word, reduced to what the rules compare (a tuple: ~2,000 are made for a news
    article's words, and a frozen dataclass costs each several times as much)."""

    pos: str | None
    case: str | None
    number: str | None
    gender: str | None
    lemma: str
    grammemes: frozenset[str]
    parse: Any  # the pymorphy3 Parse, kept for inflection


class WordInfo:
    """All readings of one lowercase word and whether the dictionary knows it (a plain class: one is made for each
    word form of an article, and the rules ask each for its parts of speech and lemmas again and again)."""

    __slots__ = ("_known", "_lemmas", "_parts", "readings")

    def __init__(self, readings: tuple[Reading, ...]) -> None:
        self.readings = readings
        self._parts = frozenset(r.pos for r in readings)  # parts of speech (None for a reading with none)
        self._lemmas = frozenset(r.lemma for r in readings)
        self._known: bool | None = None

    @property
    def known(self) -> bool:
        """Whether the dictionary knows the word: asked of the dictionary on first use (a search that tries ё for
        each е), which most words' judging never reaches (a word that cannot be an adjective, a noun after one,
        an object of a preposition...)."""
        if self._known is None:
            self._known = any(r.parse.is_known for r in self.readings)
        return self._known

    def has_pos(self, *pos: str) -> bool:
        return not self._parts.isdisjoint(pos)

    def only_pos(self, *pos: str) -> bool:
        return self._parts.issubset(pos)

    def cases(self, *pos: str) -> set[str]:
        return {r.case for r in self.readings if r.case and (not pos or r.pos in pos)}

    def lemmas(self) -> frozenset[str]:
        return self._lemmas


@lru_cache(maxsize=200_000)
def word_info(lower: str) -> WordInfo:
    """Readings of a lowercase word; cached because news text repeats its words a lot."""
    parses = analyser().parse(lower)
    readings = []
    for parse in parses:
        pos, case, number, gender, grammemes = _tag_facts(parse.tag)
        readings.append(Reading(pos, case, number, gender, parse.normal_form, grammemes, parse))
    return WordInfo(tuple(readings))


@cache  # a few thousand tags in the dictionary, shared by its words: each is read once, not once per word form
def _tag_facts(tag: Any) -> tuple[str | None, str | None, str | None, str | None, frozenset[str]]:
    """(part of speech, case, number, gender, grammemes) of a pymorphy3 tag, as a Reading holds them: each the
    grammeme of its category as the tag's own attributes (tag.POS, tag.case...) find it, as a plain string (those
    attributes make a typed string at each read, and it refuses comparison with an unknown grammeme)."""
    grammemes = tag.grammemes
    gender = "ms-f" if "ms-f" in grammemes else _one(tag.GENDERS & grammemes)
    case = _one(tag.CASES & grammemes)
    return (_one(tag.PARTS_OF_SPEECH & grammemes), CASE_NORMAL.get(case) if case else None,
            _one(tag.NUMBERS & grammemes), gender, grammemes)


def is_known(word: str) -> bool:
    """Whether the dictionary lists `word` (lowercase) as written."""
    return analyser().word_is_known(word)


def _one(grammemes: frozenset[str]) -> str | None:
    return next(iter(grammemes)) if grammemes else None


def inflect(reading: Reading, original: str, grammemes: set[str]) -> str | None:
    """The form of `reading`'s lexeme with `grammemes`, closest in spelling to `original`.

    pymorphy's own inflect() may jump to another degree of the same lexeme ("высшим" -> "высочайшем"),
    so we pick among all matching forms the one sharing the longest prefix with the original.
    """
    best: tuple[int, str] | None = None
    for form in reading.parse.lexeme:
        if not grammemes <= form.tag.grammemes:
            continue
        if reading.pos == "ADJF" and ("Supr" in reading.grammemes) != ("Supr" in form.tag.grammemes):
            continue
        shared = len(_common_prefix(form.word, original))
        if best is None or shared > best[0]:
            best = (shared, form.word)
    return best[1] if best else None


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]
