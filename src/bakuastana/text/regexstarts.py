"""Where a regex's matches can begin, read off its pattern: a lookahead that lets a search skip every other place."""

from __future__ import annotations

import re


class _Unknown(Exception):
    """A construct `first_strings` does not read."""


def first_strings(pattern: str, depth: int) -> set[tuple[str, ...]] | None:
    """What a match of `pattern` can begin with: its first `depth` characters as sequences of class items
    (("в", "\\s"), ("[0-9]", "[0-9]")), or fewer where the match may end sooner, read under the pattern's flags;
    None when the pattern may match the empty string or uses a construct not read here (an inline flag, a negated
    class, "."). `lookahead` makes of them a test that passes wherever a match may start: a search then leaves
    out, at one or two tests each, the positions no match can start at, and finds the same matches."""
    try:
        found, end = _first_alternation(pattern, 0, depth)
    except (_Unknown, IndexError, ValueError):
        return None
    if end != len(pattern) or () in found or not found:
        return None
    return found


def lookahead(strings: set[tuple[str, ...]]) -> str:
    """A lookahead that passes where one of `strings` (from `first_strings`) stands: a test of the first
    character, then of the rest of those that begin with it."""
    rests: dict[str, set[str]] = {}
    for items in strings:
        rests.setdefault(items[0], set()).add("".join(items[1:]))
    if all(rest == {""} for rest in rests.values()):
        return "(?=" + "|".join(sorted(rests)) + ")"
    branches = []
    for first, rest in sorted(rests.items()):
        if "" in rest:
            branches.append(first)
        elif len(rest) == 1:
            branches.append(first + rest.pop())
        else:
            branches.append(first + "(?:" + "|".join(sorted(rest)) + ")")
    return "(?=" + "|".join(sorted(rests)) + ")(?=" + "|".join(branches) + ")"


Strings = set[tuple[str, ...]]  # sequences of class items, each at most `depth` long; a shorter one may end there


def _then(before: Strings, after: Strings, depth: int) -> Strings:
    return {items if len(items) == depth else (items + more)[:depth] for items in before for more in after}


def _first_alternation(p: str, i: int, depth: int) -> tuple[Strings, int]:
    """What the alternation starting at p[i] can begin with (the empty sequence where it may match empty), and
    where it ends (at ")" or the end)."""
    found: Strings = set()
    while True:
        first, i = _first_sequence(p, i, depth)
        found |= first
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return found, i


def _first_sequence(p: str, i: int, depth: int) -> tuple[Strings, int]:
    found: Strings = {()}
    while i < len(p) and p[i] not in "|)":
        if all(len(items) == depth for items in found):  # the rest cannot change the beginning: only its end
            return found, _sequence_end(p, i)
        item, i = _first_item(p, i, depth)
        item, i = _quantifier(p, i, item, depth)
        found = _then(found, item, depth)
    return found, i


# A token of a pattern as `_sequence_end` steps over it: an escape, a class, a parenthesis or "|" (compiled where
# first used, by the draft: a check that drafts nothing does not pay for it).
_TOKEN = r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]"


def _sequence_end(p: str, i: int) -> int:
    """Where the sequence from p[i] ends: at its alternation's next "|" or closing ")", or the end."""
    depth = 0
    for token in re.compile(_TOKEN, re.DOTALL).finditer(p, i):
        char = token.group()
        if char == "(":
            depth += 1
        elif char in "|)" and depth == 0:
            return token.start()
        elif char == ")":
            depth -= 1
    return len(p)


def _quantifier(p: str, i: int, item: Strings, depth: int) -> tuple[Strings, int]:
    """`item` under the quantifier at p[i], if any: what it can begin with as a sequence (more repeats than
    the quantifier allows only add beginnings, which a test of where a match may start can afford)."""
    if i < len(p) and p[i] == "?":
        item, i = item | {()}, i + 1
    elif i < len(p) and p[i] in "*+":
        item, i = _then(item, _repeats(item, depth), depth) if p[i] == "+" else _repeats(item, depth), i + 1
    elif i < len(p) and p[i] == "{":
        close = p.index("}", i)
        low = p[i + 1:close].split(",")[0]
        if not low.isdigit():
            raise _Unknown
        found: Strings = {()}
        for _ in range(min(int(low), depth)):
            found = _then(found, item, depth)
        item, i = _then(found, _repeats(item, depth), depth), close + 1
    else:
        return item, i
    if i < len(p) and p[i] in "?+":  # lazy or possessive
        i += 1
    return item, i


def _repeats(item: Strings, depth: int) -> Strings:
    """What `item` repeated any number of times (none too) can begin with."""
    found: Strings = {()}
    for _ in range(depth):
        found |= _then(found, item, depth)
    return found


def _first_item(p: str, i: int, depth: int) -> tuple[Strings, int]:
    char = p[i]
    if char == "(":
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):  # a lookaround matches no character
            _found, i = _first_alternation(p, i + (4 if p[i + 2] == "<" else 3), depth)
            if p[i] != ")":
                raise _Unknown
            return {()}, i + 1
        if p.startswith("(?:", i):
            i += 3
        elif p.startswith("(?P<", i):
            i = p.index(">", i) + 1
        elif p[i + 1] == "?":
            raise _Unknown
        else:
            i += 1
        found, i = _first_alternation(p, i, depth)
        if p[i] != ")":
            raise _Unknown
        return found, i + 1
    if char == "[":
        end = i + 1
        if p[end] in "^]":
            raise _Unknown
        while p[end] != "]":
            end += 2 if p[end] == "\\" else 1
        return {(p[i:end + 1],)}, end + 1
    if char == "\\":
        escaped = p[i + 1]
        if escaped in "bBAZ":
            return {()}, i + 2
        if escaped in "dwsDWS":
            return {(p[i:i + 2],)}, i + 2
        if escaped.isalnum():
            raise _Unknown
        return {(p[i:i + 2],)}, i + 2
    if char in ".^$":
        raise _Unknown
    return {(re.escape(char),)}, i + 1
