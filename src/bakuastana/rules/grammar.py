"""The G family (Russian grammar, G101-G107): one pass over an article's sentences that every G rule shares, the
tokens it reads, and the agreement helpers the rules have in common. Each code's check is in `rules/g10N.py`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from bakuastana.lang import language_of, lexicon
from bakuastana.lang.ru.morphology import WordInfo, inflect, word_info
from bakuastana.rules.rule import Rule

LANGUAGE = "ru"  # the G rules read Russian only: another language's article gets no G finding


@dataclass(frozen=True, eq=False, repr=False)
class GrammarHit:
    """One grammar finding: text[start:end] is the offending word or phrase, `fix` its corrected form."""

    code: str
    start: int
    end: int
    severity: str
    message: str
    fix: str | None


# ---------------------------------------------------------------------------------------------------------
# Tokens and sentences
# ---------------------------------------------------------------------------------------------------------

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_DIGIT = re.compile(r"\d")
NOMINAL_POS = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})


class Token:
    """A word or punctuation token with absolute offsets and the facts every rule asks about it, computed once when
    the token is made (a plain class: ~1,900 are made for a news article, and every rule reads every one)."""

    __slots__ = ("capitalised", "end", "initial", "is_word", "lower", "plain_shape", "start", "text")

    def __init__(self, text: str, start: int, end: int, initial: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.initial = initial  # first word of its sentence
        self.lower = text.lower()
        self.is_word = is_word = _CYRILLIC_WORD.fullmatch(text) is not None
        self.capitalised = capitalised = text[:1].isupper()
        # the shape of a word that may be judged, not a name or abbreviation: a word that starts in lower case (in
        # no capitals then), or a capitalised one where its sentence starts
        self.plain_shape = is_word and (not capitalised or (initial and not self.all_caps))

    @property
    def plain(self) -> bool:
        """A dictionary word that may be judged: not a name, abbreviation, number or unknown word (the rules test
        `plain_shape` and the word's readings first, whether the dictionary knows it last)."""
        return self.plain_shape and self.info.known

    @property
    def is_number(self) -> bool:
        return _DIGIT.search(self.text) is not None

    @property
    def info(self) -> WordInfo:
        return word_info(self.lower)  # cached per word form

    @property
    def all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.replace("-", "").isupper()


def sentences(text: str) -> Iterator[list[Token]]:
    """Tokens of each sentence; a line break always ends a sentence (headings carry no full stop)."""
    russian = lexicon(LANGUAGE)
    offset = 0
    for line in text.split("\n"):
        for start, stop in russian.sentences(line):
            base = offset + start
            tokens: list[Token] = []
            seen_word = False
            for word, word_start, word_stop in russian.tokens(line[start:stop]):
                wordlike = word[:1].isalnum()
                tokens.append(Token(word, base + word_start, base + word_stop, wordlike and not seen_word))
                seen_word = seen_word or wordlike
            if tokens:
                yield tokens
        offset += len(line) + 1


def is_numeral(tok: Token) -> bool:
    return tok.is_number or (tok.is_word and tok.info.has_pos("NUMR"))


_ADJECTIVE_LEMMA = re.compile(r".*(?:ый|ий|ой|ое|ее|ая|яя|ые|ие)")


def is_adjective(tok: Token) -> bool:
    """A declinable adjective; substantivised readings ("новое", "прошлое") are allowed alongside."""
    if not tok.plain_shape or not tok.info.has_pos("ADJF") or not tok.info.known:  # the dictionary search last
        return False
    return all((r.pos == "ADJF" and "Fixd" not in r.grammemes)
               or (r.pos == "NOUN" and _ADJECTIVE_LEMMA.fullmatch(r.lemma)) for r in tok.info.readings)


# ---------------------------------------------------------------------------------------------------------
# What the rules share: prepositions and their cases, agreement, capitalisation of fixes
# ---------------------------------------------------------------------------------------------------------

_GEN = ("gent",)
# Cases each preposition governs. "по" takes the prepositional in "по окончании", the accusative in
# "по настоящее время"; "с" takes the accusative in "с неделю"; "благодаря" is also a gerund (accusative).
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "в": ("loct", "accs"), "во": ("loct", "accs"), "на": ("loct", "accs"), "о": ("loct", "accs"),
    "об": ("loct", "accs"), "обо": ("loct", "accs"), "при": ("loct",), "по": ("datv", "loct", "accs"),
    "к": ("datv",), "ко": ("datv",), "с": ("ablt", "gent", "accs"), "со": ("ablt", "gent", "accs"),
    "за": ("accs", "ablt"), "под": ("ablt", "accs"), "подо": ("ablt", "accs"), "над": ("ablt",),
    "надо": ("ablt",), "перед": ("ablt",), "передо": ("ablt",), "между": ("ablt", "gent"),
    "через": ("accs",), "про": ("accs",), "сквозь": ("accs",), "от": _GEN, "ото": _GEN, "до": _GEN,
    "из": _GEN, "изо": _GEN, "у": _GEN, "без": _GEN, "безо": _GEN, "для": _GEN, "из-за": _GEN,
    "из-под": _GEN, "среди": _GEN, "ради": _GEN, "кроме": _GEN, "вместо": _GEN, "ввиду": _GEN,
    "вследствие": _GEN, "посредством": _GEN, "после": _GEN, "около": _GEN, "вокруг": _GEN,
    "против": _GEN, "вдоль": _GEN, "возле": _GEN, "мимо": _GEN, "внутри": _GEN, "вне": _GEN,
    "благодаря": ("datv", "accs"), "согласно": ("datv",), "вопреки": ("datv",), "навстречу": ("datv",),
}
POSSESSIVES = frozenset({"его", "ее", "её", "их"})  # indeclinable possessives


def like(original: str, fix: str) -> str:
    """Give `fix` the capitalisation of `original`."""
    if original.isupper() and len(original) > 1:
        return fix.upper()
    if original[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


def adjective_target(noun, adj) -> set[str]:
    """Grammemes an adjective needs to agree with `noun` (case, number, gender, animacy in the accusative)."""
    case = noun.case or "nomn"
    number = noun.number or "sing"
    target = {case, number}
    if number == "sing":
        gender = noun.gender if noun.gender in ("masc", "femn", "neut") else "masc"
        target.add(gender)
        if case == "accs" and gender == "masc":
            target.add("anim" if "anim" in noun.grammemes else "inan")
    elif case == "accs":
        target.add("anim" if "anim" in noun.grammemes else "inan")
    if adj.pos == "ADJF" and "Supr" in adj.grammemes:
        target.add("Supr")
    return target


def agree_form(adj_word: str, adj: WordInfo, noun) -> str | None:
    """The adjective form agreeing with one noun reading, keeping the adjective's lemma."""
    for r in adj.readings:
        if r.pos in ("ADJF", "PRTF"):
            form = inflect(r, adj_word.lower(), adjective_target(noun, r) - {"Supr"})
            if form:
                return like(adj_word, form)
    return None


def same_number(nouns: list, adj: WordInfo) -> list:
    """Noun readings in a number the adjective has, if any: the adjective's number is usually meant."""
    numbers = {r.number for r in adj.readings}
    return [n for n in nouns if n.number in numbers] or nouns


def only_one(forms: set[str | None]) -> str | None:
    """The one candidate fix, or None when there are several or none."""
    forms.discard(None)
    return forms.pop() if len(forms) == 1 else None


def agrees(a, n) -> bool:
    """Whether an adjective reading and a noun reading agree in case, number and gender."""
    if a.case != n.case or a.number != n.number:
        return False
    if a.number == "plur" or "Fixd" in n.grammemes:
        return True
    return a.gender == n.gender or n.gender == "ms-f" or a.gender is None


# ---------------------------------------------------------------------------------------------------------
# The one pass and the findings of each code
# ---------------------------------------------------------------------------------------------------------


def check_grammar(text: str) -> list[GrammarHit]:
    """All G-rule findings in `text`, sorted by start; one finding per span, the more specific rule first."""
    from bakuastana.rules import g101, g102, g103, g104, g105, g106, g107

    hits: list[GrammarHit] = []
    for tokens in sentences(text):
        fixed = list(g104.find(tokens))
        skip = {i for _, i in fixed}
        hits.extend(h for h, _ in fixed)
        for find in (g103.find, g105.find, g106.find):
            hits.extend(find(tokens))
        hits.extend(g101.find(tokens, skip))
        hits.extend(g102.find(tokens))
        hits.extend(g107.find(tokens))
    return _dedupe(hits)


@lru_cache(maxsize=4)
def _shared_pass(text: str) -> tuple[GrammarHit, ...]:
    """The pass the seven G rules of one run share (each asks for its own code's hits)."""
    return tuple(check_grammar(text))


def _dedupe(hits: list[GrammarHit]) -> list[GrammarHit]:
    """Keep the first hit for any overlapping span (rules run most specific first)."""
    kept: list[GrammarHit] = []
    for hit in hits:
        if not any(h.start < hit.end and hit.start < h.end for h in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end, h.code))


@lru_cache(maxsize=4)
def _reads_russian(text: str, declared: str | None) -> bool:
    return language_of(text, declared) == LANGUAGE


def findings(analysis, rule: Rule) -> Iterator:
    """The findings of one G rule: the article's hits of its code, when the article is Russian (its language as
    the store's `source.language` declares it, else as detected)."""
    article = analysis.article
    if article is None or not _reads_russian(article.text, analysis.store.source.language):
        return
    for hit in _shared_pass(article.text):
        if hit.code != rule.code:
            continue
        fact = analysis.fact_quoting(hit.start, hit.end)
        yield analysis.finding(rule, hit.message, [fact.id] if fact else [], fact, severity=hit.severity,
                               span=analysis.span_of(hit.start, hit.end), stated=article.text[hit.start:hit.end],
                               fix=hit.fix)
