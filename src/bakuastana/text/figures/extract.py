"""The entry point: every figure of a text, read anchor by anchor (a digit, a currency sign, a number word)."""

from __future__ import annotations

import dataclasses
import re

from bakuastana.text.article import INVISIBLE, unwrapped
from bakuastana.text.figures.dates import read_digit_date
from bakuastana.text.figures.digits import read_numeric
from bakuastana.text.figures.figure import Figure, Reading, single
from bakuastana.text.figures.patterns import Patterns, patterns_for
from bakuastana.text.figures.words import read_roman, read_word


def extract_figures(text: str, languages: tuple[str, ...] | None = None, *, unwrap: bool = True) -> list[Figure]:
    """Every figure of `text`, sorted by start, never overlapping. The words of every registered language are
    read unless `languages` names some: news in one language quotes figures written in another's ("$5m").
    A hard-wrapped paragraph is read as one (`text.article.unwrapped`); `unwrap=False` for an Article's text,
    which is read so already (a second pass is not the same: it may join a line break the first one kept)."""
    p = patterns_for(languages)
    written = text
    marks = INVISIBLE.search(text) is not None
    if marks:  # read as if the invisible marks were not there, and give the places in the text as written
        text, places = _without_invisible(written)
    original, text = text, prepared_text(p, unwrapped(text) if unwrap else text)
    figures: list[Figure] = []
    next_range_id = 0
    pos = 0
    last_end = 0
    while True:
        match = p.find_anchor(text, pos)
        if match is None:
            break
        readings = _read_anchor(p, text, match, last_end)
        if not readings:
            pos = max(match.end(), match.start() + 1)
            continue
        if readings[0].refused:  # "$5 per share": no figure, and none inside it
            pos = last_end = readings[0].end
            continue
        readings[0].start = max(readings[0].start, last_end)  # a hedge or "в" never reaches into the previous one
        range_id = None
        if len(readings) > 1:
            range_id = next_range_id
            next_range_id += 1
        figures.extend(reading.freeze(original, range_id) for reading in readings)
        last_end = readings[-1].end
        pos = last_end
    if marks:
        return [dataclasses.replace(figure, start=places[figure.start], end=places[figure.end - 1] + 1,
                                    text=written[places[figure.start]:places[figure.end - 1] + 1])
                for figure in figures]
    return figures


def _without_invisible(text: str) -> tuple[str, list[int]]:
    """The text without its invisible marks (`text.article.INVISIBLE`: "12\u0301 млн" is read as "12 млн", and
    "1\u200f000" as "1000"), and for each character left its offset in `text`."""
    places = [index for index, char in enumerate(text) if not INVISIBLE.match(char)]
    return "".join(text[index] for index in places), places


def prepared_text(p: Patterns, text: str) -> str:
    """The text as the readers see it, offset for offset: URLs, e-mail addresses, file names and labelled ids
    ("ID 231641") are blanked out, since their digits are no figures of the story."""
    for mark, pattern in p.not_figures:
        if (mark in text) if isinstance(mark, str) else mark.search(text):
            text = re.sub(pattern, _blank, text)
    return text


def _blank(match: re.Match) -> str:
    return "_" * len(match.group())


def _read_anchor(p: Patterns, text: str, match: re.Match, floor: int) -> list[Reading]:
    """The figure(s) starting at an anchor; `floor` is the end of the previous figure."""
    group = match.lastgroup
    if group == "iso":
        return single(read_digit_date(match, "ymd"))
    if group == "dmy":
        return single(read_digit_date(match, "dmy"))
    if group == "code":
        return []
    if group == "cur":
        currency = p.currency_prefixes[match.group().strip(" \u00a0\u202f\u2009")]
        number = p.number_at.match(text, match.end())
        if number is None:
            return []
        return read_numeric(p, text, match.start(), number.start(), number.end(), floor, currency)
    if group == "num":
        return read_numeric(p, text, match.start(), match.start(), match.end(), floor, None)
    if group == "word":
        return read_word(p, text, match, floor)
    if group == "roman":
        return single(read_roman(p, text, match))
    return []
