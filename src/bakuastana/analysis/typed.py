"""Figures typed into `calc` read as `check` reads stated ones: by the extract reader, with written precision and
hedges, each standing in the expression as a stated fact of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bakuastana.numbers.interval import Interval
from bakuastana.numbers.quantity import Quantity
from bakuastana.numbers.units import DIMENSIONLESS, SCALE_LETTERS_BEFORE_MONEY, UnitError, parse_unit, scale_of
from bakuastana.store.model import Fact, Store
from bakuastana.text.binding import quantity_from_figure
from bakuastana.text.figures import Figure, extract_figures

FIGURE_KINDS = ("amount", "percent", "pp", "multiple", "count", "duration")  # read as stated figures
_CONVERSION = re.compile(r"\s(?:to|in|->)\s|->")  # what follows is a unit to convert to, not a figure


@dataclass(frozen=True)
class Typed:
    """The figures typed into an expression: each as written and as a stated fact of the store `store` (the
    original store with these facts added), and the spans the expression parser reads as their ids."""

    store: Store
    figures: tuple[tuple[str, Fact], ...]  # (text as typed, its fact)
    read: dict[int, tuple[int, str]]  # start -> (end, fact id)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(fact.id for _, fact in self.figures)


def read_typed(expression: str, store: Store) -> Typed:
    """Every figure typed into `expression` that carries a unit, a scale word, a hedge or a number word ("1 000
    тонн", "$1.2bn", "полтора миллиона тонн", "более 3,5 млн тонн"), as a stated fact; a bare number ("1 +",
    "/ 12") stays an exact constant of the arithmetic, and ranges, years and dates are left to the parser."""
    found = extract_figures(expression)
    inside = [(figure.start, figure.end) for figure in found]
    limit = next((match.start() for match in _CONVERSION.finditer(expression)  # "up to 7 Mt" is a figure
                  if not any(start <= match.start() < end for start, end in inside)), len(expression))
    figures, read, used = [], {}, set()
    for figure in found:
        if figure.end > limit:
            break
        end = figure.end
        if figure.unit in SCALE_LETTERS_BEFORE_MONEY and figure.scale is None:  # "470 m" of "470 m USD"
            letter_at = figure.text.rindex(figure.unit)
            bare = replace(figure, kind="number", unit=None, end=figure.start + letter_at,
                           text=figure.text[:letter_at].rstrip())
            scaled = _scale_letter_after(expression, bare, limit)
            figure, end = scaled if scaled else (figure, end)
        elif figure.kind == "number" and figure.scale is None and (
                scaled := _scale_letter_after(expression, figure, limit)):
            figure, end = scaled  # "470 M USD": the reader of articles leaves "M" unread; a value reads it
        if not _typed(expression, figure):
            continue
        ident = _free_id(store, used)
        fact = _as_fact(ident, figure, store)
        if fact is None:
            continue
        used.add(ident)
        figures.append((expression[figure.start:end], fact))
        read[figure.start] = (end, ident)
    if not figures:
        return Typed(store, (), {})
    extended = replace(store, facts=[*store.facts, *(fact for _, fact in figures)])
    return Typed(extended, tuple(figures), read)


_WORDS_AFTER = re.compile(r"\s*([^\W\d][\w.]*|[$€₸%])")


def _scale_letter_after(expression: str, figure: Figure, limit: int) -> tuple[Figure, int] | None:
    """A bare number followed by a scale letter as a store's value reads it ("470 M USD", "470 m USD"): the
    figure with that scale and the unit words after it, and where it ends; None otherwise."""
    first = _WORDS_AFTER.match(expression, figure.end, limit)
    if first is None:
        return None
    words, end = [], first.end()
    while (word := _WORDS_AFTER.match(expression, end, limit)) is not None and word.group(1) not in (
            "to", "in"):
        words.append(word.group(1))
        end = word.end()
    factor = scale_of(first.group(1), words[0] if words else None)
    if factor is None:
        return None
    unit_words = []
    for word in words:  # the unit: as many words as still parse as one
        try:
            parse_unit(" ".join([*unit_words, word]))
        except UnitError:
            break
        unit_words.append(word)
    end = first.end() if not unit_words else expression.index(unit_words[-1], first.end()) + len(unit_words[-1])
    unit = parse_unit(" ".join(unit_words)).label if unit_words else None
    return replace(figure, value=figure.value * factor, scale=first.group(1), multiplier=factor, unit=unit,
                   kind="amount" if unit else "number", text=expression[figure.start:end], end=end), end


def _typed(expression: str, figure: Figure) -> bool:
    """Whether a figure is read as a stated figure (else the expression parser reads its digits)."""
    if figure.range_id is not None:
        return False  # "10-20" in an expression is a subtraction
    if figure.start > 0 and (expression[figure.start - 1].isalnum() or expression[figure.start - 1] == "_"):
        return False  # inside an id
    if "," in figure.number and expression[:figure.start].count("(") > expression[:figure.start].count(")"):
        return False  # "min(1,2)": inside a call a comma is the parser's to read
    if figure.kind in FIGURE_KINDS:
        return True
    return figure.kind == "number" and (figure.hedge is not None or figure.scale is not None
                                        or not re.fullmatch(r"[\d.]+", figure.number))


def _free_id(store: Store, used: set[str]) -> str:
    number = len(used) + 1
    while store.has_id(f"typed_figure_{number}") or f"typed_figure_{number}" in used:
        number += 1
    return f"typed_figure_{number}"


def _as_fact(ident: str, figure: Figure, store: Store) -> Fact | None:
    """The figure as a stated fact: its value as `check` reads an article's figure (text/binding.py)."""
    kind = "amount" if figure.kind == "number" else figure.kind
    unit = DIMENSIONLESS
    if figure.unit is None and figure.noun:
        try:
            unit = parse_unit(figure.noun)  # "287 поездов": trains
        except UnitError:
            return None  # "3 bananas": the parser refuses the unknown unit, never drops it
    stub = Fact(ident, "calc", figure.text, kind, figure.text, quantity=Quantity(Interval.point(0), unit))
    if figure.kind == "number" and figure.hedge is None and figure.scale is None:
        quantity = Quantity(Interval.point(figure.value))  # "1 000": a grouped constant, exact
    else:
        quantity = quantity_from_figure(stub, figure, store.source.published)
    if quantity is None:
        return None
    return replace(stub, quantity=quantity, value_text=figure.text, figure=figure.text, hedge=figure.hedge)
