"""Each drafted fact's quote (the shortest phrase around it found once in the article) and stored figure."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from bakuastana.draft.spans import squash, trim
from bakuastana.text.article import fold_with_map
from bakuastana.text.figures import Figure

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
    candidates = [(clauses[i][0], clauses[j][1]) for i in range(first + 1) for j in range(last, len(clauses))]
    candidates.sort(key=lambda span: (span[1] - span[0], -span[0]))
    index = reading.sentence_index(sentence)
    around = [(sentences[max(index - k, 0)].start, sentences[min(index + k, len(sentences) - 1)].end)
              for k in range(1, 4)]
    whole = trim(text, sentence.start, sentence.end, required)
    spans = [trim(text, start, end, required) for start, end in [*candidates, *around]]
    if figure is not None:
        spans += [_after_earlier(reading, figure, span) for span in spans]
    for start, end in spans:
        quote = squash(text[start:end])
        if (end - start < 24 or len(quote.split()) < 4) and (start, end) != whole:
            continue
        if _unique(reading, quote, start) and (figure is None or _first_in_quote(reading, figure, start)):
            return start, end
    return spans[0]


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


def _unique(reading: Reading, quote: str, start: int) -> bool:
    article = reading.article
    found = article.find(quote)
    if found is None or found[0] != start:
        return False
    folded, offsets = article.folded()
    needle = fold_with_map(quote)[0].strip()
    position = bisect.bisect_left(offsets, start)
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
