"""The Lexicon: what one language knows, as plain fields that the language-neutral readers take."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType, ModuleType
from typing import NamedTuple

from bakuastana.lang import segment

# The spaces that may separate the parts of one figure ("1 195", "5 млн"): a space, a no-break space, a narrow
# no-break space, a thin space. Written as a class of the two below 256 and the other two alone (the atomic group
# keeps re's parser from merging them all into one class): a class of scattered code points above 255 makes re
# build a 64K-entry table, 0.15 ms for one of four, ~0.01 ms for one of two, at each of the ~130 places the
# figure patterns use it; none is built for this form, which matches the same.
SP = "(?:[ \u00a0]|\u2009|(?>\u202f))"
SPACES = " \u00a0\u2009\u202f"  # the same spaces, for the readers that step over them without a pattern

_NO_WORDS: Mapping[str, str] = MappingProxyType({})  # an empty table, shared: read only

# What a number word is: a cardinal, a multiple ("вдвое", "tripled"), an ordinal, a duration adjective
# ("пятилетний"), or a month (written any case; capitalised only; an abbreviation).
NUMBER_WORD_KINDS = ("card", "mult", "ord", "dur", "month", "month_cap", "month_abbr")


class FigureWords(NamedTuple):
    """The words and word endings that read a figure's surroundings, as regular-expression fragments ("" or an
    empty table when the language has none). Fragments are alternations; `SP` stands between words. (A tuple:
    every check imports this module, and a frozen dataclass of these fields cost ~1.1 ms to make, this ~0.5.)"""

    percent: str = ""  # "процентов", "per cent"
    percent_points: str = ""  # "п. п.", "percentage points"
    percent_adjective: str = ""  # "-процентный", written onto the digits
    times_counted: str = ""  # "раз", "раза": a count of times, or a multiple after `times_preposition`
    times_preposition: str = ""  # "в" of "в 4 раза"
    times_multiple: str = ""  # "-fold", "x": always a multiple
    times_after: str = ""  # "more", "higher", "as much": after "N times" (`times_counted`), a multiple
    times_before: str = ""  # "increased", "grew": before "N times", a multiple (and no part of the figure)
    year_words: str = ""  # "году", "г.": the word that makes a number a year
    year_after_date: str = ""  # "года" of "4 марта 2025 года"
    case_suffix: str = ""  # "-го", "-м": a hyphenated case ending that makes an ordinal (or a year)
    ordinal_suffix: str = ""  # "th" of "7th"
    cardinal_suffix: str = ""  # "-х" of "2-х стран"
    decade_suffix: str = ""  # "s" of "1990s", "-х" of "1990-х"
    duration_suffix: str = ""  # "-летний", "-year-old": one capturing group, the stem in `duration_stems`
    duration_stems: Mapping[str, str] = _NO_WORDS  # stem -> time unit
    duration_hyphen: str = ""  # "-year" after a number word ("five-year"): one group, the time unit
    compound: str = ""  # the next word of a compound number ("двадцать пять"): one group
    hundred: str = ""  # "hundred" after a number word below ten
    day_after_month: str = ""  # " 4" of "March 4"
    month_range: str = ""  # "по" of "с января по август"
    number_range: str = ""  # "до" of "от 5 до 7"
    range_openers: str = ""  # "от", "между", "from": what makes "5 до 7" a range
    year_prepositions: str = ""  # "в", "in": before a number that dates rather than counts
    month_prepositions: str = ""  # "в", "in": before a month named alone
    not_one_before: str = ""  # "ни", "the": before "one" that is a pronoun
    not_one_after: frozenset[str] = frozenset()  # "стороны" of "с одной стороны"
    time_unit_ordinals: frozenset[str] = frozenset()  # "second": an ordinal that is also a time unit
    per_before: str = ""  # "per", "a": before such a word when it is the unit
    century_words: str = ""  # "века", "century": after a Roman numeral
    rate_prepositions: str = ""  # "в" of "в год", "per"
    rate_periods: Mapping[str, str] = _NO_WORDS  # after the preposition: "год" -> "year"
    rate_after_slash: Mapping[str, str] = _NO_WORDS  # "/год"
    rate_adverbs: Mapping[str, str] = _NO_WORDS  # "ежегодно"
    rate_stops: str = ""  # words a rate phrase does not reach over: "в", "и", "from"
    # "за" of "25 долларов за тонну", "a" of "$68 a barrel": before a unit (a form of `units`), a rate per that unit
    # ("USD/t"); a time unit after one is no rate ("за год": over the year), `rate_periods` reads those
    rate_unit_prepositions: str = ""
    # "per": always a rate, so an amount "per" what no unit form names ("$5 per share", "$300 per 1,000 cubic
    # metres") is refused, never read without its denominator ("/" is one in every language)
    rate_always: str = ""
    unit_qualifiers: Mapping[str, str] = _NO_WORDS  # "долларов" -> "США": a word that belongs
    minus_words: frozenset[str] = frozenset()  # "минус", "minus" right before a figure: it is negative
    plus_words: frozenset[str] = frozenset()  # "плюс" of "плюс-минус 2%", "plus or minus": a margin, no sign
    half_after: str = ""  # "с половиной" of "два с половиной", "and a half": adds a half to the number before
    # Words that after a number make it a fraction's numerator ("две трети", "two-thirds"), as does an ordinal
    # word after a cardinal ("одну пятую", "one fifth"): no figure is read (never 2 of "две трети")
    fraction_nouns: frozenset[str] = frozenset()
    # "a" of "a third of", "by a fifth": an ordinal after one is a fraction unless a word it orders follows ("a
    # third term")
    fraction_articles: frozenset[str] = frozenset()
    id_words: str = ""  # "ID", "№": the number after them is a label, not a figure ("ID 231641")
    decimal_mark: str = ""  # "," or ".": how the language writes decimals (T104 reports the other)
    counted_plural_endings: tuple[str, ...] = ()  # "вагонов": a noun that makes "2000 вагонов" a count
    # A counted noun after a number: (first word, second word or None) -> 0 no noun (not a figure either),
    # 1 the first word, 2 the second ("контейнерных поездов").
    counted_noun: Callable[[str, str | None], int] | None = None


def rate_words(units: ModuleType) -> dict:
    """The `FigureWords` rate fields from a language's `units` module (RATE_PREPOSITIONS, RATE_PERIODS,
    RATE_AFTER_SLASH, RATE_ADVERBS, RATE_STOPS; RATE_UNIT_PREPOSITIONS and RATE_ALWAYS where it has them)."""
    found = {name: getattr(units, name.upper()) for name in ("rate_prepositions", "rate_periods", "rate_after_slash",
                                                              "rate_adverbs", "rate_stops")}
    found.update({name: getattr(units, name.upper()) for name in ("rate_unit_prepositions", "rate_always")
                  if hasattr(units, name.upper())})
    return found


@dataclass(frozen=True, eq=False, repr=False)
class Lexicon:
    """Everything the language-neutral code reads about one language."""

    code: str
    name: str
    alphabet: str  # the lowercase letters, for detecting a text's language
    letters: str  # a regex class body of the lowercase letters ("а-яё")
    capitals: str  # a regex class body of the capital letters ("А-ЯЁ")
    # (written form, kind, value, unit): number words in every form, in the order the first of equal forms wins
    number_words: tuple[tuple[str, str, Fraction, str | None], ...]
    months_capitalised: bool  # months are names written with a capital ("May"), else any case ("мае")
    scales: Mapping[int, tuple[str, ...]]  # 10**6 -> "млн", "миллион", ...
    units: Mapping[str, tuple[str, ...]]  # canonical unit -> the words this language writes it with
    hedges: Mapping[str, tuple[str, ...]]  # "more_than" -> "более", "свыше", ...
    stopwords: frozenset[str]
    figure_words: FigureWords
    # Sentence spans and word tokens of a text: razdel's, unless the language needs its own.
    sentences: Callable[[str], list[tuple[int, int]]] = segment.sentence_spans
    tokens: Callable[[str], list[tuple[str, int, int]]] = segment.token_spans
    morphology: str | None = None  # the module that analyses word forms, if the language has one
    # How many final letters inflection changes ("Алиев", "Алиева"): a difference there is no misspelling.
    inflected_ending: int = 0
    spelling_variants: Mapping[str, str] = field(default_factory=dict)  # "ё" -> "е": compare as one letter
    # Endings that make a name's adjective or its people ("Azerbaijan" -> "Azerbaijani", "Казахстан" ->
    # "Казахстанский"): a spelling that is another plus one of these is a derived form, no misspelling.
    derivation_suffixes: tuple[str, ...] = ()
    # Symbols that carry a scale, after a number only: "mt" -> ("t", 10**6), a million tonnes ("Mt" and "bcm", which
    # every language writes, are `symbols.IMPLIED_SCALE_UNITS`)
    scaled_units: Mapping[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def drafting(self) -> ModuleType:
        """The vocabulary `init` drafts with (measure stems, trend and period phrases): `lang/<code>/drafting.py`."""
        return importlib.import_module(f"bakuastana.lang.{self.code}.drafting")

    @property
    def claims(self) -> ModuleType:
        """The words that tie a sentence's figures into one claim (a growth, a share): `lang/<code>/claims.py`."""
        return importlib.import_module(f"bakuastana.lang.{self.code}.claims")

    def analyser(self) -> ModuleType | None:
        """The morphology module (imported on first use: pymorphy3 is slow to load), or None."""
        return importlib.import_module(self.morphology) if self.morphology else None
