"""Numbers written in words ("двадцать пять", "twenty-five"), months named in words, and Roman numerals."""

from __future__ import annotations

import re
from fractions import Fraction

from bakuastana.text.figures.dates import read_day_month
from bakuastana.text.figures.figure import Reading, single, valid_date
from bakuastana.text.figures.hedges import finish
from bakuastana.text.figures.patterns import MONTH_KINDS, Patterns, fold
from bakuastana.text.figures.units import classify_tail, read_scale


def _word_reading(p: Patterns, text: str, start: int, end: int) -> tuple[str, Reading]:
    word = text[start:end]
    # Case-insensitive matching can accept letters that lower() does not fold ("ſix"): no figure then.
    kind, value, unit, _source = p.words.get(fold(word), ("", Fraction(0), None, 0))
    reading = Reading(start=start, end=end, number=word, amount=value, unit=unit,
                      decimals=0 if value.denominator == 1 else 1, num_start=start)
    return kind, reading


def read_word(p: Patterns, text: str, match: re.Match, floor: int) -> list[Reading]:
    """The figure a number word or month starts, if any."""
    kind, reading = _word_reading(p, text, match.start(), match.end())
    if not kind:
        return []
    if kind in MONTH_KINDS:
        return _read_months(p, text, reading, kind)
    if kind == "mult":
        reading.kind, reading.unit = "multiple", "times"
    elif kind == "dur":
        reading.kind = "duration"
    elif kind == "ord":
        return single(_read_ordinal_word(p, text, reading))
    else:
        reading.unit = None
        if not _read_cardinal_words(p, text, reading):
            return [reading] if reading.refused else []  # "five dollars per share": nothing inside is read
    return finish(p, text, [reading], floor)


def _read_ordinal_word(p: Patterns, text: str, reading: Reading) -> Reading | None:
    if reading.number.lower() in p.time_unit_ordinals and p.per_before.search(text, max(0, reading.start - 8),
                                                                               reading.start):
        return None  # "per second", "a second": the time unit
    if _is_denominator(p, text, reading):
        return None  # "одну пятую", "a third of": a fraction, whose ordinal is no figure
    reading.kind = "ordinal"
    if reading.amount <= 31:  # "шестого августа"
        read_day_month(p, text, reading)
    return reading


def _read_cardinal_words(p: Patterns, text: str, reading: Reading) -> bool:
    """ "двадцать пять", "twenty-five", "two hundred", then what follows, as for digits."""
    _compose_words(p, text, reading)
    if reading.kind == "ordinal":
        return True
    if _numerator(p, text, reading):
        return False  # "две трети", "одну пятую", "two-thirds": a fraction, never 2 or 1 of something
    if reading.amount.denominator == 1 and (half := p.half_after.match(text, reading.end)):
        reading.amount += Fraction(1, 2)  # "в два с половиной раза", "two and a half times"
        reading.decimals, reading.end = 1, half.end()
        reading.number = text[reading.start:reading.end]
    if hyphen := p.duration_hyphen.match(text, reading.end):
        reading.end = hyphen.end()
        unit = next((group for group in hyphen.groups() if group), None)
        if unit:
            reading.kind, reading.unit = "duration", unit.lower()
        else:
            reading.kind, reading.unit = "multiple", "times"
        return True
    if reading.amount == 1 and not _one_is_a_number(p, text, reading):
        return False
    read_scale(p, text, reading)
    if not classify_tail(p, text, reading, reading.start):
        return False
    # "один", "one" alone is a pronoun far more often than a figure
    return not (reading.amount == 1 and reading.scale is None and reading.kind == "number")


def _numerator(p: Patterns, text: str, reading: Reading) -> bool:
    """Whether the word after the number makes it a fraction's numerator: a denominator noun ("две трети", "три
    четверти", "two-thirds") or an ordinal above one ("одну пятую", "две пятых", "one fifth")."""
    word, hyphen = p.word_after(text, reading.end)
    if not word:
        return False
    if word in p.fraction_nouns or (hyphen and "-" + word in p.fraction_nouns):
        return True
    info = p.words.get(word)
    return info is not None and info[0] == "ord" and info[1] >= 2 and word not in p.time_unit_ordinals


def _is_denominator(p: Patterns, text: str, reading: Reading) -> bool:
    """Whether an ordinal word is a fraction's denominator: after a cardinal ("одну пятую", "one fifth"), or after
    "a" with no word it orders after it ("a third of", "by over a fifth."; not "a third term", "a third-largest")."""
    if reading.amount < 2:
        return False
    before = p.word_before(text, reading.start)
    info = p.words.get(before)
    if info is not None and info[0] == "card":
        return True
    if before not in p.fraction_articles or text.startswith("-", reading.end):
        return False
    after, _ = p.word_after(text, reading.end)
    return not after or after in p.stopwords


def _one_is_a_number(p: Patterns, text: str, reading: Reading) -> bool:
    if p.not_one_before.search(text, max(0, reading.start - 8), reading.start):
        return False
    following = next((match for count_word in p.count_words if (match := count_word.match(text, reading.end))),
                     None)
    return following is None or following.group(1) not in p.not_one_after


def _compose_words(p: Patterns, text: str, reading: Reading) -> None:
    """Adds the following number words that extend this one: "сто двадцать пять", "двадцать первый"."""
    source = p.words[fold(reading.number)][3]
    hundred, compound = p.hundred[source], p.compound[source]
    if hundred is not None and (match := hundred.match(text, reading.end)) and reading.amount < 10:
        reading.amount *= 100
        reading.end = match.end()
    while compound is not None:
        place = _free_place(reading.amount)
        if place == 1:
            return
        match = compound.match(text, reading.end)
        if match is None:
            return
        info = p.words.get(fold(match.group(1)))
        if info is None or info[0] not in ("card", "ord") or info[1] >= place or info[1].denominator != 1:
            return
        reading.amount += info[1]
        reading.end = match.end()
        reading.number = text[reading.start:reading.end]
        if info[0] == "ord":
            reading.kind = "ordinal"
            return


def _free_place(value: Fraction) -> int:
    """How far the next word may reach: 100 after "сто", 10 after "двадцать", 1 after "пять" or "десять"."""
    if value.denominator != 1 or 10 <= value % 100 < 20:
        return 1
    place = 1
    number = int(value)
    while number and number % 10 == 0 and place < 100:
        number //= 10
        place *= 10
    return place


def _read_months(p: Patterns, text: str, first: Reading, kind: str) -> list[Reading]:
    """A month, or a range of months: "с января по август 2025 года", "January-August 2025"."""
    connector = p.month_range.match(text, first.end)
    word = p.letters.match(text, connector.end()) if connector else None
    if word and p.words.get(fold(word.group()), ("",))[0] == kind:
        second_kind, second = _word_reading(p, text, word.start(), word.end())
        second = _read_month(p, text, second, second_kind, in_range=True)
        if second is not None and second.month != int(first.amount):
            first.kind, first.month, first.year = "date", int(first.amount), second.year
            if first.year is not None or _month_stands_alone(p, text, first):
                return [first, second]
    return single(_read_month(p, text, first, kind))


def _month_stands_alone(p: Patterns, text: str, reading: Reading) -> bool:
    """A month without a day or year is a figure only after a preposition: "в сентябре", "in May"."""
    return p.month_preposition.search(text, max(0, reading.start - 16), reading.start) is not None


def _read_month(p: Patterns, text: str, reading: Reading, kind: str, in_range: bool = False) -> Reading | None:
    """ "в марте 2025 года", "в сентябре", "March 2025", "March 4, 2025"."""
    if kind != "month" and not reading.number[0].isupper():
        return None  # "may", "march" as verbs
    reading.kind, reading.month = "date", int(reading.amount)
    if kind != "month" and (day := p.day_after_month.match(text, reading.end)):
        year = p.year_after_day.match(text, day.end())
        year_value = int(year.group(1)) if year else None
        if valid_date(year_value, reading.month, int(day.group(1))):
            reading.day, reading.year = int(day.group(1)), year_value
            reading.end = year.end() if year else day.end()
            return reading
    year = p.year_after_day.match(text, reading.end)
    if year and not year.group().startswith(","):
        reading.year, reading.end = int(year.group(1)), year.end()
        return reading
    if kind == "month_abbr" or not (in_range or _month_stands_alone(p, text, reading)):
        return None
    return reading


def read_roman(p: Patterns, text: str, match: re.Match) -> Reading | None:
    """ "VII Международного", "XXI века", "World War II"; a lone "I" or "V" only next to Cyrillic."""
    numeral = match.group()
    if not numeral:
        return None
    before = p.capitalised_before.search(text, max(0, match.start() - 40), match.start())
    after = p.capitalised_after.match(text, match.end())
    century = p.century_after.match(text, match.end())
    if len(numeral) == 1:
        cyrillic = (after and not after.group(1).isascii()) or (before and not before.group(1)[0].isascii())
        if not (cyrillic or century):
            return None
    elif not (before or after or century):
        return None
    return Reading(start=match.start(), end=match.end(), number=numeral,
                   amount=Fraction(_roman_value(numeral)), kind="ordinal")


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[char]
        total += -value if following and values[following] > value else value
    return total
