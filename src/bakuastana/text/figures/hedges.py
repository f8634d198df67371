"""Hedges: "более", "около", "more than"... just before a figure become part of it; and the minus words ("минус",
"minus") that make it negative."""

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


# The kinds a figure with a sign may be: "-3,3%", "минус 2 млн долларов"; a sign before a count, multiple, duration or
# date ("-5 поездов", "минус 2 раза") is read as no figure, never as the figure without its sign
SIGNED_KINDS = frozenset(("number", "amount", "percent", "pp"))
# Hedges that bound a figure's size from one side: what "less than -3%" or "почти -3%" means of a negative figure is
# no reading the tool can be sure of, so such a figure is read as none
BOUNDING_HEDGES = frozenset(("more_than", "at_least", "less_than", "at_most", "up_to", "almost"))


def finish(p: Patterns, text: str, readings: list[Reading], floor: int) -> list[Reading]:
    """The figure(s) of one anchor with the minus word and the hedge before them taken in: [] when a sign cannot
    be read with it (a range, a count, a bounding hedge)."""
    first = readings[0]
    if first.signed and first.kind in ("amount", "number") and text[first.start] == "-" \
            and text[first.start + 1:first.start + 2].isdigit():
        # a hyphen typed for a dash before the digits of an amount ("в 2022 году -2,1 млн тонн"): a negative
        # tonnage is written with a minus sign or word, if ever; a percent's hyphen ("-3,3%") and one before a
        # currency sign ("-$5 million") are signs
        first.amount, first.start, first.signed = -first.amount, first.start + 1, False
    if not first.signed and first.kind not in ("year", "date", "ordinal"):
        found = p.minus_before(text, max(floor, first.start - LOOKBACK), first.start)
        if found is not None:
            if len(readings) > 1:
                return []  # "минус 5-10%": from -5 to 10, or to -10?
            first.amount, first.start, first.signed = -first.amount, found, True
    if any(reading.signed and reading.kind not in SIGNED_KINDS for reading in readings):
        return []
    apply_hedge(p, text, first, floor)
    if first.hedge in BOUNDING_HEDGES and any(reading.signed for reading in readings):
        return []
    return readings
