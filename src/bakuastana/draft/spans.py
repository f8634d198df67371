"""Spans of the article's text: the item nearest a span, a span's text on one line, a span trimmed to its words."""

from __future__ import annotations


def nearest(items, start: int, end: int):
    """The item closest to [start, end) (lowest tier first, when items have tiers); None when empty."""
    if not items:
        return None

    def distance(item) -> tuple:
        gap = item.start - end if item.start >= end else start - item.end if item.end <= start else 0
        return getattr(item, "tier", 0), max(gap, 0), item.start > start
    return min(items, key=distance)


def squash(text: str) -> str:
    """The text with each run of whitespace made one space, and none at the ends."""
    return " ".join(text.split())


def trim(text: str, start: int, end: int, required: list[tuple[int, int]]) -> tuple[int, int]:
    """Drop spaces, clause punctuation and dangling dashes at the ends, never cutting into a required span (and
    reaching over one that ends past `end`: "80,0 млрд долл." takes the full stop its sentence ends on)."""
    low = min(s for s, _ in required)
    high = max(e for _, e in required)
    start, end = min(start, low), max(end, high)
    while start < low and (text[start].isspace() or text[start] in ",;:()-–—«»\""):
        start += 1
    while end > high and (text[end - 1].isspace() or text[end - 1] in ",;:()-–—«»\""):
        end -= 1
    return start, end
