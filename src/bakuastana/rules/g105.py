"""G105 missing-numeral: a counted form of a time noun after "последние", "ближайшие"... with no number."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.rules.grammar import (
    GrammarHit,
    Token,
    findings,
    is_numeral,
)
from bakuastana.rules.rule import Example, Rule

_PERIOD_ADJECTIVES = frozenset({"последние", "ближайшие", "прошедшие", "прошлые", "следующие", "минувшие",
                                "предстоящие", "первые"})
# Counted (genitive) forms of time nouns and the plural nominative that fits without a number.
_COUNTED_TIME_FORMS = {
    "года": "годы", "лет": "годы", "месяца": "месяцы", "месяцев": "месяцы", "дня": "дни", "дней": "дни",
    "недель": "недели", "десятилетий": "десятилетия", "столетий": "столетия", "веков": "века",
    "часа": "часы", "часов": "часы", "минут": "минуты", "суток": "сутки",
}


def find(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(len(tokens) - 1):
        adj, noun = tokens[k], tokens[k + 1]
        if adj.lower not in _PERIOD_ADJECTIVES or noun.lower not in _COUNTED_TIME_FORMS:
            continue
        if (adj.capitalised and not adj.initial) or noun.capitalised:
            continue
        if k + 2 < len(tokens) and is_numeral(tokens[k + 2]):
            continue  # "последние лет пять": an approximate count after the noun
        fix = f"{adj.text} {_COUNTED_TIME_FORMS[noun.lower]}"
        counted = "лет" if noun.lower == "года" else noun.lower
        message = (f'"{noun.text}" is a counted form but "{adj.text} {noun.text}" has no number; '
                   f'write "{fix}" or add the number ("{adj.lower} N {counted}")')
        yield GrammarHit("G105", adj.start, noun.end, "warning", message, fix)


def check(analysis) -> Iterator:
    """This rule's findings of the shared grammar pass."""
    return findings(analysis, RULE)


RULE = Rule(
    'G105', 'missing-numeral', 'warning',
    'A counted form of a time noun follows "последние", "ближайшие"... with no number.',
    what="""
"последние", "ближайшие", "прошедшие", "прошлые", "следующие", "минувшие", "предстоящие", "первые" followed
directly by a counted form of a time noun ("года", "лет", "месяцев", "дней", ...) lack the number that
would govern that form. An inverted approximate count ("последние лет пять") is not reported.
""",
    why="""
The phrase reads as if a number was deleted in editing ("за последние [пять] лет").
""",
    fix='Either the plural nominative ("за последние годы") or add the number ("за последние N лет").',
    example=Example('"будет седьмым по счету за последние года".',
                    article='Транзит грузов через Каспий вырос втрое за последние года.\n',
                    shows=('"года" is a counted form but "последние года" has no number; write '
                          '"последние годы" or add the number ("последние N лет")')),
    check=check,
)
