"""Sentences and word tokens by razdel's rules, which serve the languages that end sentences with . ! ? …"""

from __future__ import annotations


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each sentence of `text`, by razdel (imported on first use: it is slow to load)."""
    from razdel import sentenize

    return [(sentence.start, sentence.stop) for sentence in sentenize(text)]


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """(token, start, stop) of each word, number and punctuation mark of `text`, by razdel."""
    from razdel import tokenize

    return [(token.text, token.start, token.stop) for token in tokenize(text)]
