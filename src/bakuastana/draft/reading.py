"""What drafting reads from an article once: its language, figures, sentences, period phrases, measure words."""

from __future__ import annotations

import bisect
from datetime import date
from typing import NamedTuple

from bakuastana.draft.measures import Stem, find_stems
from bakuastana.draft.periods import Mention, find_mentions
from bakuastana.draft.sentences import Sentence, split_sentences
from bakuastana.draft.vocabulary import Vocabulary, vocabulary
from bakuastana.lang import language_of, lexicon
from bakuastana.text.article import Article
from bakuastana.text.figures import Figure


class Reading(NamedTuple):
    """An article read for drafting; nothing in it changes while facts are drafted (a tuple, as the draft's other
    records: cheaper to make at import than a dataclass). `read` makes it."""

    article: Article
    published: date | None
    language: str
    words: Vocabulary
    figures: tuple[Figure, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    stems: tuple[Stem, ...]
    sentence_starts: tuple[int, ...]  # each sentence's start
    starts: dict[int, list[int]]  # id() of figures, mentions and stems (each in text order) -> its items' starts

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of(self, position: int) -> Sentence:
        index = max(bisect.bisect_right(self.sentence_starts, position) - 1, 0)
        return self.sentences[index]

    def sentence_index(self, sentence: Sentence) -> int:
        index = bisect.bisect_left(self.sentence_starts, sentence.start)
        if index < len(self.sentence_starts) and self.sentence_starts[index] == sentence.start:
            return index
        return self.sentence_starts.index(sentence.start)  # raises, as it did, for a sentence not of this text

    def in_sentence(self, items, sentence: Sentence) -> list:
        """The items (this reading's figures, mentions or stems) that lie within the sentence."""
        return [item for item in self.starting_in(items, sentence.start, sentence.end) if item.end <= sentence.end]

    def starting_in(self, items, low: int, high: int) -> list:
        """The items of `items` (this reading's figures, mentions or stems) that start at or after `low` and at or
        before `high`, in their order: found by bisection, so asking this for each figure is not quadratic."""
        positions = self.starts[id(items)]
        return list(items[bisect.bisect_left(positions, low):bisect.bisect_right(positions, high)])


def _unit_stops(text: str, figures) -> list[int]:
    """Where a full stop after a figure's unit ends ("5 млрд долл.", "3 млн т."): not after a year ("2024 г.")."""
    stops = []
    for figure in figures:
        if figure.unit and figure.kind not in ("year", "date"):
            end = figure.end if text[figure.end - 1] == "." else figure.end + 1
            if text[end - 1:end] == ".":
                stops.append(end)
    return stops


def read(article: Article, published: date | None) -> Reading:
    """Read an article for drafting."""
    text = article.text
    language = language_of(text)
    words = vocabulary()
    figures = article.figures()
    sentences = tuple(split_sentences(text, lexicon(language).sentences, words,
                                      [(figure.start, figure.end) for figure in figures], _unit_stops(text, figures)))
    mentions, stems = find_mentions(text, list(figures), words), find_stems(text, words)
    return Reading(article, published, language, words, figures, sentences, mentions, stems,
                   tuple(sentence.start for sentence in sentences),
                   {id(items): [item.start for item in items] for items in (figures, mentions, stems)})
