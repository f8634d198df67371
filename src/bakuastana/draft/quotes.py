"""Each drafted fact's quote (the shortest phrase around it found once in the article) and stored figure."""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from typing import TYPE_CHECKING

from bakuastana.draft.spans import squash, trim
from bakuastana.text.figures import Figure

# How many runs of clauses a quote is sought among before the whole sentence and its neighbours are tried.
MAX_RUNS = 48
# The longest quote sought, in characters: a text with no unique phrase shorter than this (a clause repeated
# a hundred times) takes its shortest run, else every fact would quote, and be searched for, at full length.
MAX_QUOTE = 600

if TYPE_CHECKING:
    from bakuastana.draft.reading import Reading
    from bakuastana.draft.sentences import Sentence


def quote_span(reading: Reading, figure: tuple[int, int] | None, sentence: Sentence,
               required: list[tuple[int, int]]) -> tuple[int, int]:
    """The shortest run of clauses (then the sentence, then neighbouring sentences) that holds every required
    span, reads as a phrase, occurs once in the article, and holds the stored figure text (`figure`, a span)
    as its first occurrence; failing that, the same run started after an earlier occurrence of the figure."""
    text, sentences = reading.text, reading.sentences
    clauses = sentence.clauses
    first = min(sentence.clause_of(start) for start, _ in required)
    last = max(sentence.clause_of(max(end - 1, start)) for start, end in required)
    candidates = _shortest_runs(clauses, first, last, MAX_RUNS)
    index = reading.sentence_index(sentence)
    around = [(sentences[max(index - k, 0)].start, sentences[min(index + k, len(sentences) - 1)].end)
              for k in range(1, 4)]
    whole = trim(text, sentence.start, sentence.end, required)
    spans = [trim(text, start, end, required) for start, end in [*candidates, *around]]
    tried = [span for span in spans if span[1] - span[0] <= MAX_QUOTE]
    later = (_after_earlier(reading, figure, span) for span in tried) if figure is not None else ()
    for start, end in itertools.chain(tried, later):  # the second pass is made only when the first finds none
        if end - start > MAX_QUOTE:
            continue
        if (end - start < 24 or len(text[start:end].split()) < 4) and (start, end) != whole:
            continue
        if _unique(reading, start, end) and (figure is None or _first_in_quote(reading, figure, start)):
            return start, end
    if spans[0][1] - spans[0][0] <= MAX_QUOTE:
        return spans[0]
    return _window(text, sentence, required)


def _window(text: str, sentence: Sentence, required: list[tuple[int, int]]) -> tuple[int, int]:
    """The required spans with up to a few words either side, within the sentence: the quote of last resort
    when even the shortest run of clauses is longer than MAX_QUOTE."""
    low, high = min(s for s, _ in required), max(e for _, e in required)
    start, end = max(sentence.start, low - 60), min(sentence.end, high + 60)
    while start < low and not text[start - 1].isspace() and start > sentence.start:
        start += 1  # into the next whole word
    while end > high and end < sentence.end and not text[end].isspace():
        end -= 1
    return trim(text, start, end, required)


def _shortest_runs(clauses, first: int, last: int, most: int) -> list[tuple[int, int]]:
    """The `most` shortest runs of clauses from at or before `first` to at or after `last` (the later start first
    among equals), shortest first: a heap walks the runs in order, so a sentence of hundreds of clauses costs
    no more than one of a dozen (trying every run of it made drafting grow with the fourth power of its length)."""
    def key(i: int, j: int) -> tuple[int, int, int, int]:
        return clauses[j][1] - clauses[i][0], -clauses[i][0], i, j

    heap, seen, runs = [key(first, last)], {(first, last)}, []
    while heap and len(runs) < most:
        _, _, i, j = heapq.heappop(heap)
        runs.append((clauses[i][0], clauses[j][1]))
        for wider in ((i - 1, j), (i, j + 1)):
            if wider[0] >= 0 and wider[1] < len(clauses) and wider not in seen:
                seen.add(wider)
                heapq.heappush(heap, key(*wider))
    return runs


def _after_earlier(reading: Reading, figure: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """The span started at the word after the last earlier occurrence of the figure's text in it."""
    article = reading.article
    needle = squash(reading.text[slice(*figure)])
    start = span[0]
    _, offsets = article.folded()
    while True:
        found = article.find(needle, bisect.bisect_left(offsets, start))
        if found is None or found[0] >= figure[0]:
            return start, span[1]
        following = re.compile(r"\s+(?=\S)").search(reading.text, found[1])
        if following is None or following.end() > figure[0]:
            return figure[0], span[1]
        start = following.end()


def _unique(reading: Reading, start: int, end: int) -> bool:
    """Whether the text of [start, end) occurs once in the article (typography and case folded, lines re-flowed).
    The needle is the article's own folded text, sliced: folding each candidate quote anew cost its length."""
    article = reading.article
    folded, offsets = article.folded()
    low, high = bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)
    raw = folded[low:high]
    needle = raw.strip()
    position = low + len(raw) - len(raw.lstrip())
    if not needle or position >= len(offsets) or offsets[position] != start:
        return False
    if folded.find(needle, 0, position + len(needle) - 1) >= 0:  # an earlier occurrence
        return False
    return folded.find(needle, position + 1) < 0 and article.folded_lower().find(needle.lower(), position + 1) < 0


def _first_in_quote(reading: Reading, figure: tuple[int, int], start: int) -> bool:
    _, offsets = reading.article.folded()
    found = reading.article.find(squash(reading.text[slice(*figure)]), bisect.bisect_left(offsets, start))
    return found is not None and found[0] == figure[0]


def stored_span(text: str, figure: Figure) -> tuple[int, int] | None:
    """The text to store as `figure`: the figure as written, or with a word or two beside it when only that reads
    as the same figure on its own ("В июне", "VII Международного"), as `check` reads a stored figure; None if
    no such text exists (the first figure of a range takes its unit from the second)."""
    from bakuastana.text.binding import differences, parse_stored_figure

    window = max(0, figure.start - 60)
    starts = [figure.start, *reversed([window + m.start() for m in re.finditer(r"\S+", text[window:figure.start])])]
    ends = [figure.end, *[figure.end + m.end() for m in re.finditer(r"\S+", text[figure.end:figure.end + 60])]]
    for extra_before, extra_after in ((0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (0, 2)):
        if extra_before >= len(starts) or extra_after >= len(ends):
            continue
        start, end = starts[extra_before], ends[extra_after]
        while start < figure.start and not text[start].isalnum():
            start += 1
        while end > figure.end and not text[end - 1].isalnum():
            end -= 1
        if "\n\n" in text[start:end]:
            continue
        alone = parse_stored_figure(squash(text[start:end]))
        if alone is not None and not differences(alone, figure):
            return start, end
    return None
