"""G107 near-miss-form: a word form that cannot stand where it is, one letter from a form that fits."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from bakuastana.lang.ru.morphology import (
    is_known,
    word_info,
)
from bakuastana.rules.grammar import (
    POSSESSIVES,
    GrammarHit,
    Token,
    findings,
    is_adjective,
    like,
)
from bakuastana.rules.rule import Example, Rule

# Verbs whose predicate noun stands in the instrumental ("основой является диалог").
_INSTRUMENTAL_VERBS = frozenset({"являться", "считаться", "становиться", "стать", "служить", "оставаться",
                                 "остаться"})
_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def find(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(1, len(tokens) - 1):
        pron, word, verb = tokens[k - 1], tokens[k], tokens[k + 1]
        if pron.lower not in POSSESSIVES or not is_adjective(word) or not verb.is_word:
            continue
        if not (verb.info.only_pos("VERB") and verb.info.lemmas() & _INSTRUMENTAL_VERBS):
            continue
        numbers = {r.number for r in word.info.readings}
        nouns = _near_nouns(word.lower, frozenset(numbers))
        if len({lemma for lemma, _ in nouns}) != 1:
            continue
        fix = like(word.text, nouns[0][1])
        message = (f'"{word.text}" is an adjective with no noun after "{pron.text}"; '
                   f'the noun "{fix}" (one letter away) fits before "{verb.text}"')
        yield GrammarHit("G107", word.start, word.end, "info", message, fix)


@lru_cache(maxsize=4096)
def _near_nouns(word: str, numbers: frozenset[str | None]) -> list[tuple[str, str]]:
    """Dictionary nouns in the instrumental one edit from `word`: (lemma, form)."""
    found = []
    for cand in _one_edit(word):
        if not is_known(cand):
            continue
        for r in word_info(cand).readings:
            if r.pos == "NOUN" and r.case == "ablt" and r.number in numbers and r.parse.is_known:
                found.append((r.lemma, cand))
                break
    return found


def _one_edit(word: str) -> set[str]:
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    for i in range(len(word) + 1):
        for ch in _ALPHABET:
            out.add(word[:i] + ch + word[i:])
            if i < len(word):
                out.add(word[:i] + ch + word[i + 1:])
    out.discard(word)
    return out


def check(analysis) -> Iterator:
    """This rule's findings of the shared grammar pass."""
    return findings(analysis, RULE)


RULE = Rule(
    'G107', 'near-miss-form', 'info',
    'A word form that cannot stand where it is, one letter away from a form that fits.',
    what="""
Conservative pattern: an indeclinable possessive ("его", "её", "их"), then an adjective with no noun to
modify, then a verb such as "являться", "считаться", "стать", "служить", "оставаться" that wants an
instrumental noun; if a single dictionary noun in the instrumental is one letter away, it is suggested.
Reported as "info": an elliptical adjective can be correct when its noun was named just before.
""",
    why="""
One-letter typos that produce another real word pass spell checkers.
""",
    fix='"Их основой является активный и конструктивный диалог".',
    example=Example('"Их основной является активный и конструктивный диалог".',
                    article='Их основной является транзит грузов через Каспийское море.\n',
                    shows=('"основной" is an adjective with no noun after "Их"; the noun "основой" (one '
                          'letter away) fits before "является"')),
    check=check,
)
