"""An article's sentences (paragraphs split at blank lines, then into sentences) and the clauses of each."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple

from bakuastana.draft.vocabulary import Vocabulary
from bakuastana.lang import capitals

_PARAGRAPH_RE = re.compile(r"\n[ \t\u00a0]*\n")
_CLAUSE_BREAK_RE = re.compile(r"[,;:](?=\s)|\s[-–—]\s")


class Sentence(NamedTuple):
    """A sentence's span (without its final punctuation), its paragraph, and the spans of its clauses (a tuple,
    as the draft's other records: cheaper to make at import than a dataclass)."""

    start: int
    end: int
    paragraph: int
    clauses: tuple[tuple[int, int], ...]

    def clause_of(self, position: int) -> int:
        """The index of the clause that holds `position` (the last clause, past the end)."""
        for index, (start, end) in enumerate(self.clauses):
            if start <= position < end:
                return index
        return len(self.clauses) - 1


def split_sentences(text: str, sentence_spans: Callable[[str], list[tuple[int, int]]],
                    words: Vocabulary, figures: Sequence[tuple[int, int]] = (),
                    unit_stops: Sequence[int] = ()) -> list[Sentence]:
    """Sentences of each paragraph by the language's splitter, a sentence that ends in an abbreviation ("г.",
    "Mr.") or inside a figure ("58,4 тыс. TEU", "$1.5 bn. in 2024": `figures`, spans in text order) joined to
    the next; and one split where a figure's unit abbreviation takes the full stop and a capitalised word
    follows ("80 млрд кВт·ч. В 2025 году", "3 млн т. Экспорт": `unit_stops`, the ends of such figures), which
    a splitter reads as an abbreviation inside the sentence."""
    figure_starts = [start for start, _ in figures]
    stops = set(unit_stops)

    def inside_figure(position: int) -> bool:
        at = bisect.bisect_left(figure_starts, position) - 1
        return at >= 0 and figures[at][1] > position

    abbreviated = re.compile(rf"(?<![\w])(?:{words.words('ABBREVIATIONS')}|[{capitals()}])\.$")
    sentences = []
    starts = [0] + [match.end() for match in _PARAGRAPH_RE.finditer(text)]
    ends = [match.start() for match in _PARAGRAPH_RE.finditer(text)] + [len(text)]
    for paragraph, (p_start, p_end) in enumerate(zip(starts, ends, strict=True)):
        block = text[p_start:p_end]
        merged: list[list[int]] = []
        for start, stop in _split_at(block, sentence_spans(block), [end - p_start for end in unit_stops
                                                                     if p_start < end < p_end]):
            # the sentence's last few characters only: a run of "г." joined again and again stays linear
            if merged and merged[-1][1] + p_start not in stops and (
                    abbreviated.search(block, max(merged[-1][0], merged[-1][1] - 64), merged[-1][1])
                    or inside_figure(merged[-1][1] + p_start)):
                merged[-1][1] = stop
            else:
                merged.append([start, stop])
        for start, stop in merged:
            start, stop = start + p_start, stop + p_start
            while stop > start and text[stop - 1] in ".!?…":
                stop -= 1
            if stop > start:
                sentences.append(Sentence(start, stop, paragraph, _clauses(text, start, stop)))
    return sentences or [Sentence(0, len(text), 0, ((0, len(text)),))]


_NEXT_WORD_RE = re.compile(rf"\s+[{capitals()}](?![{capitals()}])")  # a capitalised word, no acronym ("США")


def _split_at(block: str, spans: list[tuple[int, int]], stops: list[int]) -> list[tuple[int, int]]:
    """The splitter's spans, each also split after a unit's full stop (in `stops`) that a capitalised word
    follows."""
    if not stops:
        return spans
    result = []
    for start, end in spans:
        for stop in stops:
            after = _NEXT_WORD_RE.match(block, stop) if start < stop < end and block[stop - 1] == "." else None
            if after:
                result.append((start, stop))
                start = after.end() - 1  # the capital that starts the next sentence
        result.append((start, end))
    return result


def _clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    cuts = [start, *(match.start() for match in _CLAUSE_BREAK_RE.finditer(text, start, end)), end]
    clauses = tuple((left, right) for left, right in pairwise(cuts) if right > left)
    return clauses or ((start, end),)
