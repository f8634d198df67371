"""G106 ethnic-for-state-adjective: "русский", "казахский" where the state adjective is meant."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from bakuastana.lang.ru.morphology import (
    analyser,
)
from bakuastana.rules.grammar import (
    GrammarHit,
    Token,
    adjective_target,
    agrees,
    findings,
    like,
)
from bakuastana.rules.rule import Example, Rule

# Ethnic adjective -> state adjective, only where the ethnic one is never right before the head words.
ETHNIC_TO_STATE = {"русский": "российский", "казахский": "казахстанский"}
STATE_HEADS = frozenset({
    "лидер", "президент", "правительство", "сторона", "министр", "мид", "делегация", "премьер",
    "премьер-министр", "парламент", "посол", "посольство", "министерство", "ведомство", "власть",
    "руководство", "дипломат", "дипломатия", "глава", "госсекретарь", "вице-премьер", "кабмин",
})


@cache
def _ethnic_forms() -> frozenset[str]:
    """Every form of the ethnic adjectives' lexemes, as the dictionary spells them: a word that is none of them has
    no adjective reading of their lemmas (no other word is parsed for this rule)."""
    forms = set()
    for lemma in ETHNIC_TO_STATE:
        for parse in analyser().parse(lemma):
            if parse.tag.POS == "ADJF" and parse.normal_form == lemma:
                forms.update(form.word for form in parse.lexeme)
    return frozenset(forms)


def find(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(len(tokens) - 1):
        adj, noun = tokens[k], tokens[k + 1]
        if not adj.plain_shape or not noun.is_word or adj.lower not in _ethnic_forms():
            continue
        if not adj.info.known:
            continue
        adjs = [r for r in adj.info.readings if r.pos == "ADJF" and r.lemma in ETHNIC_TO_STATE]
        nouns = [r for r in noun.info.readings if r.pos == "NOUN" and r.lemma in STATE_HEADS]
        pairs = [(a, n) for a in adjs for n in nouns if agrees(a, n)]
        if not pairs or _genitive_follows(tokens, k + 2, noun):
            continue
        a, n = pairs[0]
        state = ETHNIC_TO_STATE[a.lemma]
        fix = None
        for form in analyser().parse(state):
            if form.tag.POS == "ADJF":
                word = form.inflect(adjective_target(n, a) - {"Supr"})
                fix = like(adj.text, word.word) if word else None
                break
        message = (f'"{adj.text}" is the ethnic adjective; before "{noun.text}" the state one is meant: '
                   f'"{state}"')
        yield GrammarHit("G106", adj.start, adj.end, "warning", message, fix)


def _genitive_follows(tokens: list[Token], i: int, head: Token) -> bool:
    """"русская сторона реки" is a river bank, not a state's side of a negotiation."""
    if head.lower not in ("сторона", "стороны", "стороне", "сторону", "стороной") or i >= len(tokens):
        return False
    nxt = tokens[i]
    return nxt.plain and nxt.info.has_pos("NOUN") and "gent" in nxt.info.cases("NOUN")


def check(analysis) -> Iterator:
    """This rule's findings of the shared grammar pass."""
    return findings(analysis, RULE)


RULE = Rule(
    'G106', 'ethnic-for-state-adjective', 'warning',
    'An ethnic adjective is used where the state adjective is meant.',
    what="""
Before words naming a state's institutions or representatives (лидер, президент, правительство, сторона,
министр, МИД, делегация, посол, ...) "русский" should be "российский" and "казахский" "казахстанский". The
table is `ETHNIC_TO_STATE` in `bakuastana.rules.g106`; pairs whose adjective is both ethnic and state
("азербайджанский") are not in it. "русский язык", "казахская кухня" are correct and not reported.
""",
    why="""
The ethnic adjective refers to a people and its culture, the state adjective to the country.
""",
    fix='"Казахстанский лидер пригласил..."',
    example=Example('"Казахский лидер пригласил тюркские государства..."',
                    article='Казахский министр энергетики обсудил в Баку поставки нефти.\n',
                    shows=('"Казахский" is the ethnic adjective; before "министр" the state one '
                          'is meant: "казахстанский"')),
    check=check,
)
