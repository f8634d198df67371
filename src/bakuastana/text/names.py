"""Names in a text: acronym definitions learnt from it, spellings the store lacks, and near-miss spellings."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from bakuastana.lang import capitals, detect_language, letters, lexicon, lexicons, word_lexicon
from bakuastana.text.acronyms import ACRONYM_RE, one_deletion_keys, one_edit_apart

# Name rules look at tokens of at most this many characters: a longer "word" is no name (a pasted hash, a run of
# letters with no space), and skipping it keeps the near-miss search linear in the text.
MAX_NAME_LENGTH = 64
_CAPITAL = f"[{capitals()}]"
# Possessive (*+, ++): a word is never given back letter by letter, and a match starts only at a word's start,
# so the patterns below try each word a bounded number of times whatever the text (no backtracking blow-up).
_WORD = f"(?<![\\w-])[{letters()}]" + r"[\w-]*+"
# "Long Name (ACR)" or "Long Name (ACR, other name)"; the other name is bounded, as an unclosed "(" would
# otherwise make every earlier word scan to the end of the text.
_LONG_THEN_SHORT = re.compile(rf"((?:{_WORD}(?:\s*+[–—-]\s*+|\s++)){{0,6}}{_WORD})\s*+\(({_CAPITAL}{{2,6}})"
                              rf"(?:\s*+[,;][^)]{{0,200}}+)?\)")  # words apart by spaces or a spaced dash
# ("Баку - Тбилиси - Джейхан (БТД)", as "Баку-Тбилиси-Джейхан (БТД)")
# "ACR (Long Name)"
# Where a "(ACR" opens, and what a long name before it cannot hold (it is words and spaces): the long-then-short
# pattern is tried only at the words between such a character and a "(ACR", where alone it can match.
_ACRONYM_OPENING = re.compile(rf"\((?={_CAPITAL}{{2,6}})")
_NOT_IN_NAME = re.compile(r"[^\w\s–—-]")
_SHORT_THEN_LONG = re.compile(rf"(?<![\w-])({_CAPITAL}{{2,6}})\s*+\(([^()\d]{{4,80}})\)")
_NAME_TOKEN = re.compile(rf"(?<![\w-])({_CAPITAL}[\w]*(?:-{_CAPITAL}[\w]*)*)")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")


class LearnedAcronym(NamedTuple):
    """An acronym the text itself spells out beside its long name."""

    acronym: str
    long_name: str
    start: int
    end: int


def _initials(phrase: str) -> str:
    parts = re.split(r"[\s-]+", phrase)
    return "".join(part[0].upper() for part in parts if part)


def _spells(acronym: str, phrase: str) -> str | None:
    """The shortest tail of `phrase` whose word initials spell the acronym (letters in order), or None."""
    words = phrase.split()
    for size in range(1, len(words) + 1):
        tail = " ".join(words[-size:])
        initials = _initials(tail)
        if initials[:1] == acronym[:1] and _is_subsequence(acronym, initials) and len(initials) <= len(acronym) + 2:
            return tail
    return None


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


def learn_acronyms(text: str) -> list[LearnedAcronym]:
    """Acronyms the text itself defines: "Баку-Тбилиси-Джейхан (БТД)", "ОТГ (Организация тюркских государств)"."""
    learned = []
    for match in _long_then_short(text):
        long_name = _spells(match.group(2), match.group(1))
        if long_name:
            learned.append(LearnedAcronym(match.group(2), long_name, match.start(2), match.end(2)))
    for match in _SHORT_THEN_LONG.finditer(text):
        long_name = match.group(2).strip()
        if _initials(long_name)[:1] == match.group(1)[:1] and _is_subsequence(match.group(1), _initials(long_name)):
            learned.append(LearnedAcronym(match.group(1), long_name, match.start(1), match.end(1)))
    return learned


def _long_then_short(text: str) -> Iterator[re.Match]:
    """The matches of _LONG_THEN_SHORT.finditer(text), found by trying it only from the words before each "(ACR"
    back to the last character no name holds: a match holds none, so it starts there or nowhere (trying it at
    every word of the text took ~2.5 ms on a news article)."""
    stops = [match.start() for match in _NOT_IN_NAME.finditer(text)]
    done = 0  # matches do not overlap: the next one starts where the last ended, or later
    for opening in _ACRONYM_OPENING.finditer(text):
        if opening.start() < done:
            continue
        at = bisect.bisect_left(stops, opening.start())  # the "(" itself is one: the stop before it, if any
        for position in range(max(done, stops[at - 1] + 1 if at else 0), opening.start()):
            match = _LONG_THEN_SHORT.match(text, position)
            if match is not None:
                yield match
                done = match.end()
                break


def is_name_like(token: str, latin_is_foreign: bool) -> bool:
    """Tokens whose spelling is a name's: acronyms, CamelCase (КазМунайГаз, AzerTelecom), and, in a Cyrillic
    text, Latin-script words. Roman numerals and hyphenated compounds (Восток-Запад) are not."""
    if _ROMAN.match(token) or "-" in token:
        return False
    if ACRONYM_RE.fullmatch(token):
        return True
    if latin_is_foreign and token.isascii() and token[:1].isupper():
        return True
    return token[:1].isupper() and any(char.isupper() for char in token[2:]) and any(c.islower() for c in token[1:2])


def latin_is_foreign(text: str) -> bool:
    """Whether the text's language is written in another script than Latin, so Latin words in it are names."""
    return not set(lexicon(detect_language(text)).alphabet) >= _LATIN


def unlisted_spellings(text: str, listed: set[str]) -> list[tuple[str, int, int]]:
    """The first occurrence of each name-like token that no listed spelling contains."""
    foreign = latin_is_foreign(text)
    seen: set[str] = set()
    found = []
    for token, start, end in name_tokens(text):
        if token in seen or token in listed or not is_name_like(token, foreign):
            continue
        seen.add(token)
        found.append((token, start, end))
    return found


class NearMiss(NamedTuple):
    """A capitalised word one slip from a more frequent (or listed) spelling, `likely`, written `count` times."""

    start: int
    end: int
    written: str
    likely: str
    count: int


def name_tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """Each capitalised token (hyphenated parts joined) of at most MAX_NAME_LENGTH characters, with its span; read
    once per text (a draft's names, T102 and T103 each read them)."""
    return _name_tokens(text, MAX_NAME_LENGTH)


@lru_cache(maxsize=4)
def _name_tokens(text: str, longest: int) -> tuple[tuple[str, int, int], ...]:
    return tuple((match.group(1), match.start(1), match.end(1)) for match in _NAME_TOKEN.finditer(text)
                 if match.end(1) - match.start(1) <= longest)


def near_misses(text: str, listed: set[str], min_length: int = 5) -> list[NearMiss]:
    """Capitalised words one edit from a more frequent (or listed) spelling, outside Russian endings."""
    occurrences = defaultdict(list)
    for token, start, end in name_tokens(text):
        if len(token) >= min_length and not token.isupper():
            occurrences[token].append((start, end))
    counts = Counter({token: len(spans) for token, spans in occurrences.items()})
    for spelling in listed:
        if min_length <= len(spelling) <= MAX_NAME_LENGTH:
            counts[spelling] += 1000  # a listed spelling always wins
    by_deletion = defaultdict(set)
    for token in (token for token, count in counts.items() if count > 1):  # written once: no one's rival
        for key in one_deletion_keys(token):
            by_deletion[key].add(token)
    found = []
    for token, spans in occurrences.items():
        rivals = {other for key in one_deletion_keys(token) for other in by_deletion.get(key, ())}
        best = None
        for other in rivals - {token}:
            if counts[other] <= counts[token] or not _is_slip(token, other):
                continue
            if best is None or counts[other] > counts[best]:
                best = other
        if best is not None:
            found.extend(NearMiss(start, end, token, best, counts[best] % 1000) for start, end in spans)
    return sorted(found, key=lambda miss: miss.start)


def _is_slip(a: str, b: str) -> bool:
    if _letters_only(a) == _letters_only(b) or not one_edit_apart(a, b):
        return False  # "Газопровод" opening a sentence, "Азер-Телеком" for "АзерТелеком": no slip
    if is_derived(a, b) or is_derived(b, a):
        return False
    ending = max(_inflected_ending(a), _inflected_ending(b))
    if ending == 0:
        return True
    first_difference = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return first_difference < min(len(a), len(b)) - ending


def _letters_only(word: str) -> str:
    """The word in lower case without its punctuation: spellings that differ only in case, hyphens, dots or
    apostrophes are one name written two ways, not a misspelling."""
    return "".join(char for char in word.lower() if char.isalnum())


def is_derived(word: str, name: str) -> bool:
    """Whether `word` is `name` with a derivation ending of its language ("Azerbaijani" of "Azerbaijan",
    "Казахстанский" of "Казахстан"); a word in no one language's letters takes every language's endings."""
    found = word_lexicon(word)
    suffixes = found.derivation_suffixes if found else tuple(s for each in lexicons() for s in each.derivation_suffixes)
    return len(word) > len(name) and word.startswith(name) and word[len(name):].lower() in suffixes


def _inflected_ending(word: str) -> int:
    """How many final letters the word's language inflects ("Алиев", "Алиева"): differences there are no slips.
    A word in no one language's letters takes the most any language inflects."""
    found = word_lexicon(word)
    return found.inflected_ending if found else max(each.inflected_ending for each in lexicons())
