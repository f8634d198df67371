"""A figure's value in the store's syntax: its number with its scale word, and its unit if the store knows it."""

from __future__ import annotations

import re
from fractions import Fraction

from bakuastana.draft.vocabulary import Vocabulary
from bakuastana.text.figures import Figure

_SCALE_WORDS = {1000: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}
_UNIT_SPELLING = {"m3": "m^3", "m3/year": "m^3/year", "m3/day": "m^3/day"}


def figure_value(figure: Figure, following_word: str | None, words: Vocabulary) -> tuple[str, str, list[str]]:
    """The fact's kind, its value text, and TODOs for what the value lacks. `following_word` is the word after
    the figure, which an ordinal counts ("VII форума")."""
    kind = figure.kind
    if kind in ("percent", "pp"):
        return kind, f"{number_text(figure)} {'percent' if kind == 'percent' else 'pp'}", []
    if kind == "multiple":
        return kind, number_text(figure), []
    if kind == "duration":
        return kind, f"{number_text(figure)} {figure.unit or 'year'}", []
    if kind in ("count", "ordinal"):
        unit = counted_unit(figure.noun if kind == "count" else following_word, words)
        return kind, f"{number_text(figure)} {unit}" if unit else number_text(figure), []
    number = number_text(figure)
    todos = []
    unit = _UNIT_SPELLING.get(figure.unit, figure.unit) if figure.unit else None
    if unit is not None and not _known_unit(unit):
        todos.append(f'unit "{figure.unit}" is not known to the store: add it to the value')
        unit = None
    if unit is None:
        if kind == "amount" or kind == "number":
            todos.append("a figure with no unit: add the unit, or make it a count")
        return "amount", number, todos
    return "amount", f"{number} {unit}", todos


def number_text(figure: Figure) -> str:
    """The figure's number as written, before its scale word, in the store's syntax with its scale word."""
    multiplier = figure.multiplier or 1
    value = Fraction(figure.value) / multiplier
    if value.denominator == 1:  # "5,0 млн": its written decimals, which are its precision (5.0, not 5)
        text = f"{value.numerator}.{'0' * figure.decimals}" if figure.decimals else str(value.numerator)
    else:
        decimals = max(figure.decimals, 1)
        while Fraction(f"{float(value):.{decimals}f}") != value and decimals < 12:
            decimals += 1
        text = f"{float(value):.{decimals}f}"
    scale = _SCALE_WORDS.get(multiplier)
    return f"{text} {scale}" if scale else text


def counted_unit(noun: str | None, words: Vocabulary) -> str | None:
    """The unit of a counted noun ("поездов" -> train) when the units define that counted thing (a unit that is
    its own dimension, as `train = [train]`)."""
    if not noun:
        return None
    from bakuastana.numbers.units import UNIT_WORDS, UnitError, parse_unit

    lowered = noun.lower()
    unit = UNIT_WORDS.get(lowered) or UNIT_WORDS.get(re.sub(rf"(?:{words.words('PLURAL_ENDING')})$", "", lowered))
    if unit is None or not re.fullmatch(r"\w+", unit):
        return None
    try:
        parsed = parse_unit(unit)
    except UnitError:
        return None
    return unit if parsed.factor == 1 and parsed.dims == ((f"[{unit.lower()}]", 1),) else None


def _known_unit(unit: str) -> bool:
    from bakuastana.numbers.units import UnitError, parse_unit

    try:
        parse_unit(unit)
    except UnitError:
        return False
    return True
