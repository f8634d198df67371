"""Sentences and word tokens by razdel's rules, which serve the languages that end sentences with . ! ? …"""

from __future__ import annotations

import re
from functools import lru_cache

# razdel joins the pieces of a sentence by concatenating strings, which costs the square of a sentence's length:
# a text is given to it in pieces of at most this many characters, cut where a line or a sentence ends if one
# does (a paragraph of real sentences is far shorter; a 100 KB run of brackets is cut anywhere).
PIECE = 8000
# Where a piece is cut, best first. Patterns, compiled (re keeps them) where a text is cut: every check imports
# this module through the Lexicon, and only a text read for sentences or tokens needs them (~0.8 ms to compile).
_CUTS = (r"\n", r"[.!?…][\"»)]*\s", r"\s")
_PUNCTUATION_RUN = r"(?:[^\w\s]|[0-9_]){64,}"  # no letter, no space: no prose


def pieces(text: str) -> list[tuple[int, int]]:
    """(start, stop) of consecutive pieces of `text`, each at most PIECE characters, cut at the last line end,
    else sentence end, else space in the piece's second half, else at the limit."""
    spans = []
    start = 0
    while len(text) - start > PIECE:
        stop = start + PIECE
        for cut in _CUTS:
            found = [match.end() for match in re.compile(cut).finditer(text, start + PIECE // 2, stop)]
            if found:
                stop = found[-1]
                break
        spans.append((start, stop))
        start = stop
    spans.append((start, len(text)))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each sentence of `text`, by razdel (imported on first use: it is slow to load)."""
    return list(_sentence_spans(text))


# A check of an article with no store reads its paragraphs' sentences twice, for the draft and for the grammar
# rules (which split at every line: the same texts where a paragraph is a line): razdel splits each once.
@lru_cache(maxsize=4096)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    from razdel import sentenize

    # a run of 64 or more marks and digits (no prose) is read as one word: razdel weighs every mark in it
    masked = re.sub(_PUNCTUATION_RUN, lambda run: "_" * len(run.group()), text)
    return tuple((base + sentence.start, base + sentence.stop) for base, stop in pieces(masked)
                 for sentence in sentenize(masked[base:stop]))


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """(token, start, stop) of each word, number and punctuation mark of `text`, by razdel; a run of 64 or more
    marks and digits with no letter or space between is one token (razdel takes 10 µs a mark, and such a run is
    no prose: 100 KB of brackets, or of "1:1:1", cost the grammar rules seconds)."""
    spans = []
    done = 0
    for run in [*re.finditer(_PUNCTUATION_RUN, text), None]:
        upto = run.start() if run else len(text)
        spans += [(token, done + base + start, done + base + stop) for base, stop in pieces(text[done:upto])
                  for token, start, stop in tokens(text[done + base:done + stop])]
        if run:
            spans.append((run.group(), run.start(), run.end()))
            done = run.end()
    return spans


def tokens(text: str) -> list[tuple[str, int, int]]:
    """razdel's tokens of `text` as (token, start, stop), by razdel's own atoms and rules: where a space stands
    between two atoms razdel splits them without asking its rules (`TokenSegmenter.segment`), so only two atoms
    that touch are put to its rules, as razdel puts them (the same three atoms each side, the token so far). The
    same tokens as `razdel.tokenize`, in half the time: it builds a split and two atoms for every pair of atoms,
    and a record per token (tests/test_lang.py compares the two on the seed article and random texts)."""
    from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit
    from razdel.segmenters.tokenize import tokenize as segmenter

    matches = list(ATOM.finditer(text))
    if not matches:
        return []
    window = segmenter.split.window  # the atoms each side of a split that razdel's rules may read
    atoms: dict[int, Atom] = {}

    def atom(index: int) -> Atom:
        found = atoms.get(index)
        if found is None:
            match = matches[index]
            found = atoms[index] = Atom(match.start(), match.end(), match.lastgroup, match.group())
        return found

    spans = []
    buffer, start, end = matches[0].group(), matches[0].start(), matches[0].end()
    for index in range(1, len(matches)):
        match = matches[index]
        if match.start() == end:  # the atoms touch: razdel's rules decide
            split = TokenSplit([atom(k) for k in range(max(0, index - window), index)], "",
                               [atom(k) for k in range(index, min(len(matches), index + window))])
            split.buffer = buffer
            if segmenter.join(split):
                buffer += match.group()
                end = match.end()
                continue
        spans.append((buffer, start, end))
        buffer, start, end = match.group(), match.start(), match.end()
    spans.append((buffer, start, end))
    return spans
