"""G102 adjective-noun-agreement: an adjective and the noun after it disagree in case, number or gender."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.lang.ru.morphology import (
    Reading,
)
from bakuastana.rules.grammar import (
    PREPOSITIONS,
    GrammarHit,
    Token,
    agree_form,
    agrees,
    findings,
    is_adjective,
    is_numeral,
    only_one,
    same_number,
)
from bakuastana.rules.rule import Example, Rule

# Nouns whose counted form follows plural adjectives ("последние полгода").
_COUNTED_NOUNS = frozenset({"полгода", "полчаса", "полвека", "полмесяца", "полдня", "полтысячи"})
_COORDINATORS = frozenset({"и", "или", ",", "либо"})


def find(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(len(tokens) - 1):
        # the noun's shape first: a word before a mark or a name is not read as an adjective
        if tokens[k + 1].plain_shape and is_adjective(tokens[k]) and _is_noun(tokens[k + 1]):
            hit = _check_pair(tokens, k)
            if hit:
                yield hit


def _is_noun(tok: Token) -> bool:
    return (tok.plain_shape and tok.info.only_pos("NOUN") and tok.lower not in _COUNTED_NOUNS
            and tok.info.known)


def _check_pair(tokens: list[Token], k: int) -> GrammarHit | None:
    """The hit of an adjective at k and the noun after it, if they do not agree."""
    adj, noun = tokens[k], tokens[k + 1]
    a_readings = [r for r in adj.info.readings if r.pos == "ADJF"]
    n_readings = list(noun.info.readings)
    if any(agrees(a, n) for a in a_readings for n in n_readings):
        return None
    if any(is_numeral(t) for t in tokens[max(0, k - 3):k]):
        return None  # "два крупных проекта": numerals govern their own forms
    prev = tokens[k - 1] if k else None
    governed = PREPOSITIONS.get(prev.lower) if prev and prev.is_word else None
    if governed:
        # inside a prepositional phrase the noun must be the head, so it must stand in a governed case
        n_readings = [n for n in n_readings if n.case in governed]
        if not n_readings or not adj.info.cases("ADJF") & set(governed):
            return None  # the noun is not the head (or G101 already reports the adjective)
        if adj.info.cases("NOUN") & set(governed):
            return None  # "в целом", "в основном": the phrase may end at the substantivised adjective
    else:
        if noun.info.cases() & {"gent", "datv", "ablt"}:
            return None  # may be the adjective's complement: "необходимые стране реформы"
        if adj.info.cases() & {"ablt"}:
            return None  # predicative instrumental: "считает необходимым создание"
    if prev is not None and prev.lower in _COORDINATORS and all(n.number == "plur" for n in n_readings):
        return None  # "в русском и английском языках"
    if noun.lower == "друг" and k + 2 < len(tokens) and tokens[k + 2].lower.startswith("друг"):
        return None  # "близкие друг другу": the reciprocal pronoun
    if _person_gender_only(a_readings, n_readings):
        return None  # "новая министр": feminine adjective with a masculine title of a woman
    fix = only_one({agree_form(adj.text, adj.info, n) for n in same_number(n_readings, adj.info)})
    message = (f'adjective "{adj.text}" does not agree with the noun "{noun.text}" in case, number '
               f"or gender")
    return GrammarHit("G102", adj.start, adj.end, "warning", message, fix)


def _person_gender_only(adjs: list[Reading], nouns: list[Reading]) -> bool:
    return any(a.case == n.case and a.number == n.number == "sing" and a.gender == "femn"
               and n.gender == "masc" and "anim" in n.grammemes for a in adjs for n in nouns)


def check(analysis) -> Iterator:
    """This rule's findings of the shared grammar pass."""
    return findings(analysis, RULE)


RULE = Rule(
    'G102', 'adjective-noun-agreement', 'warning',
    'An adjective and the noun after it do not agree in case, number or gender.',
    what="""
An adjective immediately followed by a noun must share its case, number and (in the singular) gender. The
finding fires only when no combination of the two words' readings agrees. It stays silent after numerals
("два крупных проекта"), for coordinated adjectives with a plural noun ("в русском и английском языках"),
when the noun may be the adjective's complement ("необходимые стране реформы"), for the predicative
instrumental ("считает необходимым создание") and for participles, which take objects of their own.
Inside a prepositional phrase the noun is taken in the case the preposition governs.
""",
    why="""
Broken agreement reads as careless and can make the phrase ambiguous.
""",
    fix='Make the adjective agree with its noun: "в крупной компании".',
    example=Example('"в крупном компании": masculine/neuter "крупном" with the feminine "компании".',
                    article='Контракт на перевалку зерна подписан в крупном компании из Актау.\n',
                    shows=('adjective "крупном" does not agree with the noun "компании" in case, '
                          'number or gender')),
    check=check,
)
