"""G101 preposition-case: a preposition followed by a word in a case it does not govern."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bakuastana.lang.ru.morphology import (
    ALL_CASES,
    CASE_NAMES,
    inflect,
)
from bakuastana.rules.grammar import (
    NOMINAL_POS,
    POSSESSIVES,
    PREPOSITIONS,
    GrammarHit,
    Token,
    agree_form,
    findings,
    like,
    only_one,
    same_number,
)
from bakuastana.rules.rule import Example, Rule

# Prepositions that are also adverbs: a following word may not be their object, so hits are uncertain.
_ADVERB_PREPOSITIONS = frozenset({"после", "около", "вокруг", "против", "вдоль", "мимо", "внутри", "вне",
                                  "навстречу"})
# The case a wrong object is corrected to where the preposition governs several.
_FIX_CASE = {"благодаря": "datv", "между": "ablt", "согласно": "datv"}


def _english_cases(cases: Iterable[str]) -> str:
    names = [CASE_NAMES[c] for c in ALL_CASES if c in set(cases)]
    return " or ".join(names)


def _object_index(tokens: list[Token], i: int) -> int | None:
    """Index of the word a preposition at i governs, skipping an indeclinable possessive (его, их)."""
    j = i + 1
    if j < len(tokens) and tokens[j].lower in POSSESSIVES:
        j += 1
    return j if j < len(tokens) else None


def _check_preposition(tokens: list[Token], i: int) -> GrammarHit | None:
    prep = tokens[i].lower
    governed = PREPOSITIONS[prep]
    j = _object_index(tokens, i)
    if j is None:
        return None
    word = tokens[j]
    if not word.plain_shape or not word.info.only_pos(*NOMINAL_POS) or not word.info.known:
        return None
    info = word.info
    if info.cases() & set(governed):
        return None
    # "в депутаты", "в партнёры": the old accusative plural that looks nominative
    if prep in ("в", "во") and any(r.case == "nomn" and r.number == "plur" for r in info.readings):
        return None
    fix = _preposition_fix(tokens, j, prep, governed)
    severity = "info" if prep in _ADVERB_PREPOSITIONS else "warning"
    message = (f'preposition "{tokens[i].text}" does not govern the {_english_cases(info.cases())} '
               f'"{word.text}"; expected {_english_cases(governed)}')
    return GrammarHit("G101", word.start, word.end, severity, message, fix)


def _preposition_fix(tokens: list[Token], j: int, prep: str, governed: tuple[str, ...]) -> str | None:
    """A corrected form: an adjective takes its noun's governed case; a lone noun the single governed case."""
    word = tokens[j]
    info = word.info
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if info.has_pos("ADJF", "PRTF") and nxt is not None and nxt.is_word and nxt.info.known:
        heads = [r for r in nxt.info.readings if r.pos == "NOUN" and r.case in governed]
        return only_one({agree_form(word.text, info, r) for r in same_number(heads, info)})
    nouns = [r for r in info.readings if r.pos == "NOUN"]
    cases = (_FIX_CASE[prep],) if prep in _FIX_CASE else governed
    if len(cases) == 1 and nouns:
        forms = {inflect(r, word.lower, {cases[0], r.number or "sing"}) for r in nouns}
        if len(forms) == 1 and None not in forms:
            return like(word.text, forms.pop())  # type: ignore[arg-type]
    return None


def find(tokens: list[Token], skip: set[int]) -> Iterator[GrammarHit]:
    for i, tok in enumerate(tokens):
        if i not in skip and tok.lower in PREPOSITIONS and tok.is_word:
            hit = _check_preposition(tokens, i)
            if hit:
                yield hit


def check(analysis) -> Iterator:
    """This rule's findings of the shared grammar pass."""
    return findings(analysis, RULE)


RULE = Rule(
    'G101', 'preposition-case', 'warning',
    'A preposition is followed by a word in a case it does not govern.',
    what="""
Each preposition governs one or more cases ("в" and "на" the prepositional or accusative, "к" the dative,
"для" the genitive, ...). The word right after the preposition (after an indeclinable possessive such as
"его" or "их") is checked against every reading the dictionary gives it; the finding fires only when no
reading is in a governed case. An adjective is corrected to agree with the noun after it.
Names, abbreviations, numbers and words unknown to the dictionary are never reported. Prepositions that are
also adverbs ("после", "около", "против") give "info" findings only.
""",
    why="""
A wrong case after a preposition is one of the commonest slips of hurried editing (a form left over from an
earlier wording) and is conspicuous to Russian readers.
""",
    fix='Use the governed case: "на высшем уровне", "в прошлом году", "к развитию".',
    example=Example('"ведется на высшим уровне": "на" does not govern the instrumental "высшим".',
                    article='Переговоры о транзите нефти ведутся на высшим уровне.\n',
                    shows=('preposition "на" does not govern the dative or instrumental "высшим"; expected '
                          'accusative or prepositional')),
    check=check,
)
