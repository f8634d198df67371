"""Hedges: "более", "около", "more than"... just before a figure become part of it."""

from __future__ import annotations

from bakuastana.text.figures.figure import Reading
from bakuastana.text.figures.patterns import Patterns, phrase_key

LOOKBACK = 32  # enough for the longest hedge ("не менее чем") plus spaces


def apply_hedge(p: Patterns, text: str, reading: Reading, floor: int) -> None:
    """Take a hedge written right before the figure (not before `floor`, the previous figure's end) into it."""
    if reading.kind in ("year", "date", "ordinal"):
        return
    lookback = max(floor, reading.start - LOOKBACK)
    found = p.hedge_before(text, lookback, reading.start)
    if found is None:
        return
    start, end = found
    reading.hedge = p.hedge_forms[phrase_key(text[start:end].lower())]
    reading.start = start
