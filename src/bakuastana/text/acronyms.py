"""Acronyms: find all-caps abbreviations and tell a transposed or mistyped one from a known one."""

from __future__ import annotations

import re
from typing import NamedTuple

from bakuastana.lang import capitals

ACRONYM_RE = re.compile(rf"(?<![\w-])([{capitals()}]{{2,6}})(?![\w-])")  # in the capitals of every language


class AcronymSlip(NamedTuple):
    """An acronym written with a slip (`how`) where a known one (`known`) was meant."""

    start: int
    end: int
    written: str
    known: str
    how: str  # REORDERED ("two letters swapped", "letters reordered") or ONE_LETTER_OFF


def damerau_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `damerau_distance(a, b) == 1` (one insertion, deletion, substitution or adjacent swap), in one
    pass instead of the distance's table."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1 or a == b:
        return False
    first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(b))
    if len(a) > len(b):
        return a[first + 1:] == b[first:]
    return a[first + 1:] == b[first + 1:] or (a[first + 1:first + 2] == b[first:first + 1]
                                               and a[first:first + 1] == b[first + 1:first + 2]
                                               and a[first + 2:] == b[first + 2:])


def _script(word: str) -> str:
    """Latin letters or another script's: a slip keeps the keyboard layout it was typed in."""
    return "latin" if word.isascii() else "other"


REORDERED = ("two letters swapped", "letters reordered")  # the same letters: T101
ONE_LETTER_OFF = "one letter off"  # T105
SHORTEST_GROWN = 4  # a letter more or less than an acronym this short makes another acronym as often as a slip
# (CPC and CNPC, TIR and TITR): such pairs are no slips


def classify_slip(written: str, known: str) -> str | None:
    """How `written` differs from the known acronym, or None when it is not a likely slip of it."""
    if written == known or _script(written) != _script(known):
        return None
    if sorted(written) == sorted(known):
        differing = sum(1 for x, y in zip(written, known, strict=True) if x != y)
        return REORDERED[0] if differing == 2 else REORDERED[1]
    shortest = min(len(written), len(known))
    if (shortest >= 3 if len(written) == len(known) else shortest >= SHORTEST_GROWN) and one_edit_apart(written,
                                                                                                         known):
        return ONE_LETTER_OFF
    return None


def find_acronym_slips(text: str, known: set[str]) -> list[AcronymSlip]:
    """Every all-caps word in `text` that is not a known acronym but is a slip of exactly one known one."""
    return SlipFinder(known).slips(text)


def one_deletion_keys(word: str) -> set[str]:
    """The word and every word one letter shorter: two words within one edit (a swap included) share a key."""
    return {word[:i] + word[i + 1:] for i in range(len(word) + 1)}  # the last i leaves the word whole


class SlipFinder:
    """The known acronyms by their letters and by their one-deletion keys, so each word meets only the few known
    ones it could be a slip of (the same letters, or one edit away) instead of every known one; built once for
    any number of texts (a store's quotes)."""

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self.by_key: dict[str, set[str]] = {}
        for acronym in known:
            for key in (_letters_key(acronym), *one_deletion_keys(acronym)):
                self.by_key.setdefault(key, set()).add(acronym)

    def near(self, word: str) -> list[str]:
        found: set[str] = set()
        for key in (_letters_key(word), *one_deletion_keys(word)):
            found |= self.by_key.get(key, set())
        return sorted(found)

    def slips(self, text: str) -> list[AcronymSlip]:
        """Every all-caps word in `text` that is not a known acronym but is a slip of exactly one known one."""
        slips = []
        for match in ACRONYM_RE.finditer(text):
            word = match.group(1)
            if word in self.known:
                continue
            candidates = [(k, how) for k in self.near(word) if (how := classify_slip(word, k))]
            if len(candidates) == 1:
                k, how = candidates[0]
                slips.append(AcronymSlip(match.start(1), match.end(1), word, k, how))
        return slips


def _letters_key(word: str) -> str:
    return "\0" + "".join(sorted(word))  # never equal to a word or a deletion key
