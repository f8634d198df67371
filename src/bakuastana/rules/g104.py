"""G104 fixed-phrase-preposition: a fixed phrase with the wrong preposition or in the wrong form."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.rules.grammar import (
    GrammarHit,
    Token,
    findings,
    like,
)
from bakuastana.rules.rule import Example, Rule


class FixedPhrase:
    """A fixed phrase, the words that wrongly follow it, and what should stand instead (a plain class: a dataclass
    costs every run ~0.3 ms to make at import)."""

    __slots__ = ("right", "severity", "words", "wrong")

    def __init__(self, words: tuple[str, ...], wrong: frozenset[str], right: str, severity: str = "warning") -> None:
        self.words = words
        self.wrong = wrong  # wrong next word; empty: the phrase itself is wrong
        self.right = right  # the correct preposition (or, for an empty `wrong`, the correct last word)
        self.severity = severity


_WRONG_PREPS = frozenset({"в", "во", "к", "ко", "на", "от", "из", "по", "с", "со"})
FIXED_PHRASES: tuple[FixedPhrase, ...] = (
    FixedPhrase(("по", "сравнению"), _WRONG_PREPS - {"с", "со"}, "с"),
    FixedPhrase(("в", "сравнении"), _WRONG_PREPS - {"с", "со"}, "с"),
    FixedPhrase(("в", "соответствии"), _WRONG_PREPS - {"с", "со"}, "с"),
    FixedPhrase(("в", "связи"), frozenset({"к", "ко", "на", "от"}), "с"),
    FixedPhrase(("наряду",), frozenset({"к", "ко", "на", "от", "в", "во"}), "с"),
    FixedPhrase(("в", "отличие"), frozenset({"с", "со", "к", "ко", "на"}), "от"),
    FixedPhrase(("в", "зависимости"), frozenset({"с", "со", "к", "ко", "на"}), "от"),
    FixedPhrase(("по", "отношению"), frozenset({"с", "со", "на", "от"}), "к"),
    # "согласно с" is dated bookish usage, so it is only noted
    FixedPhrase(("согласно",), frozenset({"с", "со"}), "", "info"),
    # "по" meaning "after" takes the prepositional: "по истечении срока", "по прибытии"
    FixedPhrase(("по", "истечению"), frozenset(), "истечении"),
    FixedPhrase(("по", "прибытию"), frozenset(), "прибытии"),
    FixedPhrase(("по", "окончанию"), frozenset(), "окончании", "info"),
    FixedPhrase(("по", "завершению"), frozenset(), "завершении", "info"),
    FixedPhrase(("в", "отличии"), frozenset(), "отличие"),
)
# the phrases by their first word, in the table's order (the first that matches is reported)
_BY_FIRST_WORD: dict[str, list[FixedPhrase]] = {}
for _phrase in FIXED_PHRASES:
    _BY_FIRST_WORD.setdefault(_phrase.words[0], []).append(_phrase)
_LONGEST = max(len(p.words) for p in FIXED_PHRASES)


def find(tokens: list[Token]) -> Iterator[tuple[GrammarHit, int]]:
    """Hits with the index of the wrong preposition (so G101 does not report its object again)."""
    for i, tok in enumerate(tokens):
        phrases = _BY_FIRST_WORD.get(tok.lower)
        if phrases is None:
            continue
        ahead = tuple(t.lower for t in tokens[i:i + _LONGEST])
        for phrase in phrases:
            if ahead[:len(phrase.words)] != phrase.words:
                continue
            hit = _match_phrase(tokens, i, phrase)
            if hit:
                yield hit, i + len(phrase.words)
                break


def _match_phrase(tokens: list[Token], i: int, phrase: FixedPhrase) -> GrammarHit | None:
    """The hit of `phrase`, whose words stand at i, if it is used wrongly."""
    n = len(phrase.words)
    if not phrase.wrong:
        if phrase.words == ("в", "отличии") and not _next_is(tokens, i + n, "от"):
            return None
        last = tokens[i + n - 1]
        expected = f"{phrase.words[0]} {phrase.right}"
        message = f'"{_span_text(tokens, i, i + n)}" is not the fixed phrase; expected "{expected}"'
        fix = like(last.text, phrase.right)
        return GrammarHit("G104", last.start, last.end, phrase.severity, message, fix)
    if i + n >= len(tokens) or tokens[i + n].lower not in phrase.wrong:
        return None
    wrong = tokens[i + n]
    head = " ".join(t.text for t in tokens[i:i + n])
    right = _preposition_variant(phrase.right, tokens[i + n + 1] if i + n + 1 < len(tokens) else None)
    fix = f"{head} {right}".strip()
    if phrase.right:
        message = f'"{" ".join(phrase.words)}" takes "{phrase.right}", not "{wrong.text}"'
    else:
        message = f'"{" ".join(phrase.words)}" takes the dative without "{wrong.text}"'
    return GrammarHit("G104", tokens[i].start, wrong.end, phrase.severity, message, fix)


def _next_is(tokens: list[Token], i: int, word: str) -> bool:
    return i < len(tokens) and tokens[i].lower == word


def _span_text(tokens: list[Token], i: int, j: int) -> str:
    return " ".join(t.text for t in tokens[i:j])


def _preposition_variant(prep: str, nxt: Token | None) -> str:
    """"с" -> "со" and "к" -> "ко" before the clusters that need the vowel ("со своим", "ко мне")."""
    if nxt is None or not prep:
        return prep
    word = nxt.lower
    vowels = "аеёиоуыэюя"
    if prep == "с" and (word.startswith(("мн", "вс", "вт", "ль", "щ")) or
                        (word[:1] in "сзшж" and len(word) > 1 and word[1] not in vowels)):
        return "со"
    if prep == "к" and word.startswith(("мн", "вс", "вт")):
        return "ко"
    return prep


def check(analysis) -> Iterator:
    """This rule's findings of the shared grammar pass."""
    return findings(analysis, RULE)


RULE = Rule(
    'G104', 'fixed-phrase-preposition', 'warning',
    'A fixed phrase is used with the wrong preposition or in the wrong form.',
    what="""
A small documented table in `bakuastana.rules.g104.FIXED_PHRASES`: "по сравнению с", "в сравнении с",
"в соответствии с", "в связи с", "наряду с", "в отличие от", "в зависимости от", "по отношению к";
"по истечении", "по прибытии", "по окончании", "по завершении" (prepositional case after "по" meaning
"after"); "в отличие от" (not "в отличии"). "согласно с" is only noted ("info"): "согласно" takes the dative.
""",
    why="""
These phrases have one accepted form; any other reads as an error.
""",
    fix='"по сравнению с предыдущим годом".',
    example=Example('"увеличившись по сравнению в предыдущим годом".',
                    article='Экспорт зерна через порт вырос по сравнению в предыдущим годом.\n',
                    shows='"по сравнению" takes "с", not "в"'),
    check=check,
)
