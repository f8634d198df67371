"""Numbers written in digits: the digits themselves, suffixes written onto them, and ranges ("2022-2027")."""

from __future__ import annotations

import re
from fractions import Fraction

from bakuastana.lang.lexicon import SP, SPACES
from bakuastana.text.figures.figure import Figure, Reading, valid_date
from bakuastana.text.figures.hedges import LOOKBACK, finish
from bakuastana.text.figures.patterns import Patterns
from bakuastana.text.figures.units import classify_tail, read_scale

MAX_DIGITS = 60
MINUS_SIGNS = "-\u2212"  # a hyphen-minus and the minus sign; a dash ("–") before digits is a range's or a list's
OPENING = "([{«„“\"'‘"  # what may stand right before a minus sign


def parse_digits(raw: str, latin: bool) -> tuple[Fraction, int] | None:
    """The value and decimal count of a digit string, or None if it is not one number (a version, a code)."""
    spaced = re.search(SP, raw) is not None
    compact = re.sub(SP, "", raw)
    if len(compact) > MAX_DIGITS:
        return None  # an identifier or garbage, and int() refuses very long digit strings
    separators = re.findall(r"[.,]", compact)
    groups = re.split(r"[.,]", compact)
    if not separators:
        return Fraction(int(compact)), 0
    if len(separators) == 1:
        fraction = groups[1]
        # "1,195" is a thousand in English, but 1.195 in Russian
        if separators[0] == "," and latin and len(fraction) == 3 and not spaced:
            return Fraction(int(groups[0] + fraction)), 0
        return Fraction(compact.replace(",", ".")), len(fraction)
    thousands, last = separators[:-1], separators[-1]
    if len(set(thousands)) != 1 or not all(len(group) == 3 for group in groups[1:-1]):
        return None
    if last == thousands[0]:
        if len(groups[-1]) != 3:
            return None
        return Fraction(int("".join(groups))), 0
    whole = "".join(groups[:-1])
    return Fraction(f"{whole}.{groups[-1]}"), len(groups[-1])


def _is_latin_context(text: str, start: int, end: int) -> bool:
    """Whether the nearest letter beside the number is Latin: the comma then groups thousands ("1,195 km")."""
    after = text[end:end + 3].lstrip(" \u00a0")
    before = text[max(0, start - 3):start].rstrip(" \u00a0")
    for char in (after[:1], before[-1:]):
        if char and char.isalpha():
            return char.isascii()
    return False


def read_numeric(p: Patterns, text: str, head: int, start: int, end: int, floor: int,
                 currency: str | None) -> list[Reading]:
    """A figure written in digits, possibly the first of a range; one reading marked `refused` (no figure) where
    nothing inside it may be read as one ("$5 per share": not "5")."""
    if start >= 2 and text[start - 1] in "-–" and (text[start - 2].isalpha() or text[start - 2].isdigit()):
        return []  # a model or code: "Су-35", "COVID-19", "8-800-555"
    # a minus right after the previous figure ("5% -3%", "10 t -3 t") stands between the two, as a dash or a minus
    signed = head > floor and _minus_sign_before(text, head) and not (
        floor > 0 and not text[floor:head - 1].strip(SPACES))
    first = _read_core(p, text, head - 1 if signed else head, start, end, currency)
    if first is None:
        return []
    if signed:  # the number stays the digits as written; the value and the text carry the sign
        first.amount, first.signed, first.plain = -first.amount, True, False
    if first.kind != "number":  # an attached suffix already decided it: "21-го", "4-fold", "7th"
        return finish(p, text, [first], floor)
    if p.code_chain.match(text, first.end):
        return []  # "8-800-555-35-35": a phone number or code, not a range
    if first.signed and p.dash_range.match(text, first.end):
        return []  # "-5-10%": from -5 to 10, or to -10?
    second = _read_range_end(p, text, first)
    if first.refused:
        return [first]  # "$60-70 per share": the range is a rate per what no unit names
    if second is not None:
        _inherit(first, second)
        return finish(p, text, [first, second], floor)
    if not classify_tail(p, text, first, first.start):
        return [first] if first.refused else []
    return finish(p, text, [first], floor)


def _minus_sign_before(text: str, head: int) -> bool:
    """Whether a minus sign is written onto the figure at `head` ("-3.3%", "(−3,3 %)"): a hyphen or U+2212 after a
    space, the start or an opening bracket or quote, and no number before it ("10 -15%" is a range; "10-15%",
    "2024-2025" and "COVID-19" join what stands on both sides)."""
    if head == 0 or text[head - 1] not in MINUS_SIGNS:
        return False
    if head >= 2 and not (text[head - 2].isspace() or text[head - 2] in OPENING):
        return False
    before = head - 1
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before == 0 or not text[before - 1].isdigit()


def _read_core(p: Patterns, text: str, head: int, start: int, end: int, currency: str | None) -> Reading | None:
    """The number, its scale word and any attached suffix."""
    raw = text[start:end]
    parsed = parse_digits(raw, currency is not None or _is_latin_context(text, start, end))
    if parsed is None:
        return None
    amount, decimals = parsed
    reading = Reading(start=head, end=end, number=raw, amount=amount, decimals=decimals,
                      plain=re.fullmatch(r"[0-9]+", raw) is not None, currency=currency, num_start=start)
    if currency:
        reading.unit = currency
    if _read_suffix(p, text, reading):
        return reading
    if decimals == 0 and (half := p.half_after.match(text, reading.end)):  # "2 с половиной", "2 and a half"
        reading.amount, reading.decimals, reading.plain, reading.end = amount + Fraction(1, 2), 1, False, half.end()
        reading.number = text[start:reading.end]
    read_scale(p, text, reading)
    return reading


def _read_suffix(p: Patterns, text: str, reading: Reading) -> bool:
    """Suffixes written onto the digits: "21-го", "2023-м", "7th", "1990-х", "5-летний", "4-fold"."""
    pos = reading.end
    if reading.plain and reading.currency is None:
        if match := p.case_suffix.match(text, pos):
            reading.kind = "year" if reading.looks_like_year else "ordinal"
            reading.end = match.end()
            return True
        if reading.looks_like_year and (match := p.decade_suffix.match(text, pos)):
            reading.kind, reading.end = "year", match.end()
            return True
        if match := p.ordinal_suffix.match(text, pos):
            reading.kind, reading.end = "ordinal", match.end()
            return True
        if match := p.cardinal_suffix.match(text, pos):
            reading.end = match.end()  # "2-х стран" reads on as "двух стран"
            return False
    if match := p.duration_suffix.match(text, pos):
        stem = next(group for group in match.groups() if group)
        reading.kind, reading.unit, reading.end = "duration", p.duration_stems.get(stem.lower(), stem.lower()), \
            match.end()
        return True
    if match := p.percent_adjective.match(text, pos):
        reading.kind, reading.unit, reading.end = "percent", "percent", match.end()
        return True
    return False


def _read_range_end(p: Patterns, text: str, first: Reading) -> Reading | None:
    """The second figure of "2022-2027", "с 0,8 млн до 4,5 млн тонн", "from 10 to 20"."""
    dash = p.dash_range.match(text, first.end)
    connector = dash
    if connector is None:
        connector = p.word_range.match(text, first.end)
        if connector is None or not p.range_opener.search(text, max(0, first.start - LOOKBACK), first.start):
            return None
    at = connector.end()
    signed = dash is None and at < len(text) and text[at] in MINUS_SIGNS  # "от -5 до -3%"
    number = p.number_at.match(text, at + 1 if signed else at)
    if number is None:
        return None
    second = _read_core(p, text, at, number.start(), number.end(), first.currency)
    if second is None or second.kind != "number":
        return None
    if signed:
        second.amount, second.signed, second.plain = -second.amount, True, False
    if first.looks_like_year and second.plain and len(second.number) == 2:
        # "2024-25": the century is implied
        second.amount = Fraction(int(first.amount) // 100 * 100 + int(second.number))
    if dash and second.amount <= first.amount and first.scale is None and second.scale is None:
        return None  # "2-1", "10-5": not a range
    if not classify_tail(p, text, second, first.start):
        if second.refused:  # "$60-70 per share": no figure, up to the end of the second's
            first.refused, first.end = True, second.end
        return None
    if second.kind == "date" and (second.day is None or not valid_date(second.year, second.month,
                                                                     int(first.amount))):
        return None
    return second


def _inherit(first: Reading, second: Reading) -> None:
    """The first figure of a range takes the kind, unit and (if it has none) the scale of the second."""
    first.kind, first.unit, first.noun = second.kind, second.unit, second.noun
    if first.scale is None and first.multiplier == 1:
        first.scale, first.multiplier = second.scale, second.multiplier
    if second.kind == "date":
        first.year, first.month, first.day = second.year, second.month, int(first.amount)
    if second.lead is not None:
        first.start = second.lead


def decimal_mark(figure: Figure) -> str | None:
    """The decimal mark a figure was read with ("," of "4,5", "." of "4.5"), or None when it has no fraction."""
    if figure.decimals == 0 or figure.kind in ("date", "year", "ordinal"):
        return None
    marks = re.findall(r"[.,]", figure.number)
    return marks[-1] if marks else None


def with_decimal_mark(figure: Figure, mark: str) -> str:
    """The figure's number as written with `mark` for its decimals ("4,5" with "." is "4.5"), no grouping."""
    number = re.sub(SP, "", figure.number)
    whole, _, fraction = number.rpartition(decimal_mark(figure) or ".")
    return re.sub(r"[.,]", "", whole) + mark + fraction
