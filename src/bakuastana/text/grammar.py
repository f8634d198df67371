"""Russian grammar and usage checks (rules G101-G107): offline, dictionary-based, precision first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

__all__ = ["GrammarHit", "check_grammar"]


@dataclass(frozen=True)
class GrammarHit:
    """One grammar finding: text[start:end] is the offending word or phrase, `fix` its corrected form."""

    code: str
    start: int
    end: int
    severity: str
    message: str
    fix: str | None


# ---------------------------------------------------------------------------------------------------------
# Morphology: a lazily built analyser and per-word cached readings
# ---------------------------------------------------------------------------------------------------------

_CASE_NORMAL = {"nomn": "nomn", "gent": "gent", "gen2": "gent", "datv": "datv", "accs": "accs",
                "acc2": "accs", "ablt": "ablt", "loct": "loct", "loc2": "loct", "voct": "nomn"}
CASE_NAMES = {"nomn": "nominative", "gent": "genitive", "datv": "dative", "accs": "accusative",
              "ablt": "instrumental", "loct": "prepositional"}
ALL_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NOMINAL_POS = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
_GENDERS = ("masc", "femn", "neut", "ms-f")


@cache
def _morph() -> Any:
    """The pymorphy3 analyser, built on first use so importing this module stays cheap."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class Reading:
    """One possible analysis of a word, reduced to what the rules compare."""

    pos: str | None
    case: str | None
    number: str | None
    gender: str | None
    lemma: str
    grammemes: frozenset[str]
    parse: Any  # the pymorphy3 Parse, kept for inflection


@dataclass(frozen=True)
class WordInfo:
    """All readings of one lowercase word and whether the dictionary knows it."""

    readings: tuple[Reading, ...]
    known: bool

    def has_pos(self, *pos: str) -> bool:
        return any(r.pos in pos for r in self.readings)

    def only_pos(self, *pos: str) -> bool:
        return all(r.pos in pos for r in self.readings)

    def cases(self, *pos: str) -> set[str]:
        return {r.case for r in self.readings if r.case and (not pos or r.pos in pos)}

    def lemmas(self) -> set[str]:
        return {r.lemma for r in self.readings}


@lru_cache(maxsize=200_000)
def word_info(lower: str) -> WordInfo:
    """Readings of a lowercase word; cached because news text repeats its words a lot."""
    parses = _morph().parse(lower)
    readings = []
    for p in parses:
        tag = p.tag
        grammemes = frozenset(tag.grammemes)
        gender = "ms-f" if "ms-f" in grammemes else _plain(tag.gender)
        case = _CASE_NORMAL.get(str(tag.case)) if tag.case else None
        readings.append(Reading(_plain(tag.POS), case, _plain(tag.number), gender, p.normal_form,
                                grammemes, p))
    return WordInfo(tuple(readings), any(p.is_known for p in parses))


def _plain(value: Any) -> str | None:
    """pymorphy3 tag attributes refuse comparison with unknown grammemes; plain strings do not."""
    return None if value is None else str(value)


def _inflect(reading: Reading, original: str, grammemes: set[str]) -> str | None:
    """The form of `reading`'s lexeme with `grammemes`, closest in spelling to `original`.

    pymorphy's own inflect() may jump to another degree of the same lexeme ("высшим" -> "высочайшем"),
    so we pick among all matching forms the one sharing the longest prefix with the original.
    """
    best: tuple[int, str] | None = None
    for form in reading.parse.lexeme:
        if not grammemes <= form.tag.grammemes:
            continue
        if reading.pos == "ADJF" and ("Supr" in reading.grammemes) != ("Supr" in form.tag.grammemes):
            continue
        shared = len(_common_prefix(form.word, original))
        if best is None or shared > best[0]:
            best = (shared, form.word)
    return best[1] if best else None


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]


def _like(original: str, fix: str) -> str:
    """Give `fix` the capitalisation of `original`."""
    if original.isupper() and len(original) > 1:
        return fix.upper()
    if original[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


def _adjective_target(noun: Reading, adj: Reading) -> set[str]:
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


def _agree_form(adj_word: str, adj: WordInfo, noun: Reading) -> str | None:
    """The adjective form agreeing with one noun reading, keeping the adjective's lemma."""
    for r in adj.readings:
        if r.pos in ("ADJF", "PRTF"):
            form = _inflect(r, adj_word.lower(), _adjective_target(noun, r) - {"Supr"})
            if form:
                return _like(adj_word, form)
    return None


def _same_number(nouns: list[Reading], adj: WordInfo) -> list[Reading]:
    """Noun readings in a number the adjective has, if any: the adjective's number is usually meant."""
    numbers = {r.number for r in adj.readings}
    return [n for n in nouns if n.number in numbers] or nouns


def _single(forms: set[str | None]) -> str | None:
    """The one candidate fix, or None when there are several or none."""
    forms.discard(None)
    return forms.pop() if len(forms) == 1 else None


def _agrees(a: Reading, n: Reading) -> bool:
    """Whether an adjective reading and a noun reading agree in case, number and gender."""
    if a.case != n.case or a.number != n.number:
        return False
    if a.number == "plur" or "Fixd" in n.grammemes:
        return True
    return a.gender == n.gender or n.gender == "ms-f" or a.gender is None


# ---------------------------------------------------------------------------------------------------------
# Tokens and sentences
# ---------------------------------------------------------------------------------------------------------

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


@dataclass
class Token:
    """A razdel token with absolute offsets and the facts the rules ask about it."""

    text: str
    start: int
    end: int
    initial: bool  # first word of its sentence

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def is_word(self) -> bool:
        return _CYRILLIC_WORD.fullmatch(self.text) is not None

    @cached_property
    def is_number(self) -> bool:
        return _DIGIT.search(self.text) is not None

    @cached_property
    def info(self) -> WordInfo:
        return word_info(self.lower)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.replace("-", "").isupper()

    @cached_property
    def plain(self) -> bool:
        """A dictionary word that may be judged: not a name, abbreviation, number or unknown word."""
        if not self.is_word or self.all_caps:
            return False
        if self.capitalised and not self.initial:
            return False
        return self.info.known


def _sentences(text: str) -> Iterator[list[Token]]:
    """Tokens of each sentence; a line break always ends a sentence (headings carry no full stop)."""
    from razdel import sentenize, tokenize

    offset = 0
    for line in text.split("\n"):
        for sent in sentenize(line):
            base = offset + sent.start
            tokens: list[Token] = []
            seen_word = False
            for t in tokenize(sent.text):
                wordlike = t.text[:1].isalnum()
                tokens.append(Token(t.text, base + t.start, base + t.stop, wordlike and not seen_word))
                seen_word = seen_word or wordlike
            if tokens:
                yield tokens
        offset += len(line) + 1


def _is_numeral(tok: Token) -> bool:
    return tok.is_number or (tok.is_word and tok.info.has_pos("NUMR"))


# ---------------------------------------------------------------------------------------------------------
# G101 preposition-case
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
# Prepositions that are also adverbs: a following word may not be their object, so hits are uncertain.
_ADVERB_PREPOSITIONS = frozenset({"после", "около", "вокруг", "против", "вдоль", "мимо", "внутри", "вне",
                                  "навстречу"})
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})
# The case a wrong object is corrected to where the preposition governs several.
_FIX_CASE = {"благодаря": "datv", "между": "ablt", "согласно": "datv"}


def _english_cases(cases: Iterable[str]) -> str:
    names = [CASE_NAMES[c] for c in ALL_CASES if c in set(cases)]
    return " or ".join(names)


def _object_index(tokens: list[Token], i: int) -> int | None:
    """Index of the word a preposition at i governs, skipping an indeclinable possessive (его, их)."""
    j = i + 1
    if j < len(tokens) and tokens[j].lower in _POSSESSIVES:
        j += 1
    return j if j < len(tokens) else None


def _check_preposition(tokens: list[Token], i: int) -> GrammarHit | None:
    prep = tokens[i].lower
    governed = PREPOSITIONS[prep]
    j = _object_index(tokens, i)
    if j is None:
        return None
    word = tokens[j]
    if not word.plain or not word.info.only_pos(*_NOMINAL_POS):
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
        return _single({_agree_form(word.text, info, r) for r in _same_number(heads, info)})
    nouns = [r for r in info.readings if r.pos == "NOUN"]
    cases = (_FIX_CASE[prep],) if prep in _FIX_CASE else governed
    if len(cases) == 1 and nouns:
        forms = {_inflect(r, word.lower, {cases[0], r.number or "sing"}) for r in nouns}
        if len(forms) == 1 and None not in forms:
            return _like(word.text, forms.pop())  # type: ignore[arg-type]
    return None


def _g101(tokens: list[Token], skip: set[int]) -> Iterator[GrammarHit]:
    for i, tok in enumerate(tokens):
        if i not in skip and tok.lower in PREPOSITIONS and tok.is_word:
            hit = _check_preposition(tokens, i)
            if hit:
                yield hit


# ---------------------------------------------------------------------------------------------------------
# G102 adjective-noun agreement
# ---------------------------------------------------------------------------------------------------------

# Nouns whose counted form follows plural adjectives ("последние полгода").
_COUNTED_NOUNS = frozenset({"полгода", "полчаса", "полвека", "полмесяца", "полдня", "полтысячи"})
_COORDINATORS = frozenset({"и", "или", ",", "либо"})


def _g102(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(len(tokens) - 1):
        hit = _check_pair(tokens, k)
        if hit:
            yield hit


_ADJECTIVE_LEMMA = re.compile(r".*(?:ый|ий|ой|ое|ее|ая|яя|ые|ие)")


def _is_adjective(tok: Token) -> bool:
    """A declinable adjective; substantivised readings ("новое", "прошлое") are allowed alongside."""
    if not tok.plain or not tok.info.has_pos("ADJF"):
        return False
    return all((r.pos == "ADJF" and "Fixd" not in r.grammemes)
               or (r.pos == "NOUN" and _ADJECTIVE_LEMMA.fullmatch(r.lemma)) for r in tok.info.readings)


def _is_noun(tok: Token) -> bool:
    return tok.plain and tok.info.only_pos("NOUN") and tok.lower not in _COUNTED_NOUNS


def _check_pair(tokens: list[Token], k: int) -> GrammarHit | None:
    adj, noun = tokens[k], tokens[k + 1]
    if not (_is_adjective(adj) and _is_noun(noun)):
        return None
    if any(_is_numeral(t) for t in tokens[max(0, k - 3):k]):
        return None  # "два крупных проекта": numerals govern their own forms
    a_readings = [r for r in adj.info.readings if r.pos == "ADJF"]
    n_readings = list(noun.info.readings)
    if any(_agrees(a, n) for a in a_readings for n in n_readings):
        return None
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
    fix = _single({_agree_form(adj.text, adj.info, n) for n in _same_number(n_readings, adj.info)})
    message = (f'adjective "{adj.text}" does not agree with the noun "{noun.text}" in case, number '
               f"or gender")
    return GrammarHit("G102", adj.start, adj.end, "warning", message, fix)


def _person_gender_only(adjs: list[Reading], nouns: list[Reading]) -> bool:
    return any(a.case == n.case and a.number == n.number == "sing" and a.gender == "femn"
               and n.gender == "masc" and "anim" in n.grammemes for a in adjs for n in nouns)


# ---------------------------------------------------------------------------------------------------------
# G103 name agreement (title, first name, surname)
# ---------------------------------------------------------------------------------------------------------

# A name reading: (case, gender) with gender "m" or "f".
NameReading = tuple[str, str]

TITLES = frozenset({
    "президент", "вице-президент", "премьер-министр", "премьер", "вице-премьер", "министр", "замминистр",
    "глава", "посол", "председатель", "спикер", "генсек", "секретарь", "депутат", "сенатор", "губернатор",
    "аким", "мэр", "канцлер", "король", "королева", "принц", "лидер", "директор", "гендиректор",
    "руководитель", "советник", "помощник", "заместитель", "пресс-секретарь", "представитель",
    "президентка", "министерша", "журналист", "журналистка", "эксперт", "профессор", "академик",
    "писатель", "писательница", "коллега", "супруга", "супруг", "генерал", "адмирал", "командующий",
})

# Surname endings -> readings; the key is the ending after the base ("Алиев" + "а").
_OV_FORMS: dict[str, frozenset[NameReading]] = {
    "": frozenset({("nomn", "m")}),
    "а": frozenset({("gent", "m"), ("accs", "m"), ("nomn", "f")}),
    "у": frozenset({("datv", "m"), ("accs", "f")}),
    "ым": frozenset({("ablt", "m")}),
    "е": frozenset({("loct", "m")}),
    "ой": frozenset({("gent", "f"), ("datv", "f"), ("ablt", "f"), ("loct", "f")}),
}
_OV_ENDING_FOR = {("nomn", "m"): "", ("gent", "m"): "а", ("accs", "m"): "а", ("datv", "m"): "у",
                  ("ablt", "m"): "ым", ("loct", "m"): "е", ("nomn", "f"): "а", ("gent", "f"): "ой",
                  ("datv", "f"): "ой", ("accs", "f"): "у", ("ablt", "f"): "ой", ("loct", "f"): "ой"}
_SKY_FORMS: dict[str, frozenset[NameReading]] = {
    "ий": frozenset({("nomn", "m")}),
    "ого": frozenset({("gent", "m"), ("accs", "m")}),
    "ому": frozenset({("datv", "m")}),
    "им": frozenset({("ablt", "m")}),
    "ом": frozenset({("loct", "m")}),
    "ая": frozenset({("nomn", "f")}),
    "ой": frozenset({("gent", "f"), ("datv", "f"), ("ablt", "f"), ("loct", "f")}),
    "ую": frozenset({("accs", "f")}),
}
_SKY_ENDING_FOR = {("nomn", "m"): "ий", ("gent", "m"): "ого", ("accs", "m"): "ого", ("datv", "m"): "ому",
                   ("ablt", "m"): "им", ("loct", "m"): "ом", ("nomn", "f"): "ая", ("gent", "f"): "ой",
                   ("datv", "f"): "ой", ("accs", "f"): "ую", ("ablt", "f"): "ой", ("loct", "f"): "ой"}
_OV_SURNAME = re.compile(r"(?P<base>[А-ЯЁ][а-яё-]{2,}(?:ов|ев|ёв|ин|ын))(?P<end>|а|у|ым|е|ой)")
_SKY_SURNAME = re.compile(r"(?P<base>[А-ЯЁ][а-яё-]{2,}[сц]к)(?P<end>ий|ого|ому|им|ом|ая|ой|ую)")
_PATRONYMIC = re.compile(r"[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|е|ы|ой|ну|не)?")


@dataclass(frozen=True)
class Surname:
    """A surname recognised by its ending (or the dictionary's Surn tag) and its possible readings."""

    readings: frozenset[NameReading]
    base: str | None  # the masculine nominative stem used to build a fix ("Алиев", "Вишневск")
    kind: str | None  # "ov" or "sky"

    def form(self, case: str, gender: str) -> str | None:
        if self.base is None:
            return None
        table = _OV_ENDING_FOR if self.kind == "ov" else _SKY_ENDING_FOR
        return self.base + table[(case, gender)]


def _surname(tok: Token) -> Surname | None:
    if not tok.is_word or not tok.capitalised or tok.all_caps:
        return None
    info = tok.info
    surn = [r for r in info.readings if "Surn" in r.grammemes and r.case]
    for pattern, forms, kind in ((_OV_SURNAME, _OV_FORMS, "ov"), (_SKY_SURNAME, _SKY_FORMS, "sky")):
        m = pattern.fullmatch(tok.text)
        if m and (surn or not _common_word(info)):
            return Surname(forms[m["end"]], m["base"], kind)
    if surn and info.known:
        return Surname(frozenset(_name_readings(surn)), None, None)
    return None


def _common_word(info: WordInfo) -> bool:
    """A dictionary word with an ordinary (non-name) meaning: a place, an adjective, a plain noun."""
    if not info.known:
        return False
    return any(r.parse.is_known and ("Geox" in r.grammemes or r.pos in ("ADJF", "ADJS", "VERB", "ADVB"))
               for r in info.readings)


def _name_readings(readings: Iterable[Reading]) -> set[NameReading]:
    out = set()
    for r in readings:
        if r.case and r.number != "plur":
            if r.gender in ("masc", "ms-f"):
                out.add((r.case, "m"))
            if r.gender in ("femn", "ms-f"):
                out.add((r.case, "f"))
    return out


def _first_name(tok: Token) -> tuple[set[NameReading], bool] | None:
    """Readings of a first name and whether the dictionary knows it as one; None if it is not one."""
    if not tok.is_word or not tok.capitalised or tok.all_caps:
        return None
    info = tok.info
    named = [r for r in info.readings if "Name" in r.grammemes and r.parse.is_known]
    if named:
        return _name_readings(named), True
    if info.known:
        return None  # a dictionary word such as "Президент" or "Сегодня"
    return _guess_name_readings(tok.lower.rsplit("-", 1)[-1]), False


def _guess_name_readings(word: str) -> set[NameReading]:
    """Readings of an unknown first name from its ending (masculine consonant or feminine -а names)."""
    fem_any = {(c, "f") for c in ALL_CASES}
    if word.endswith(("ом", "ем", "ём")):
        return {("ablt", "m")}
    if word.endswith(("ой", "ей")):
        return {("gent", "f"), ("datv", "f"), ("ablt", "f"), ("loct", "f"), ("nomn", "m")}
    last = word[-1:]
    if last in "ая":
        return {("gent", "m"), ("accs", "m"), ("nomn", "f")}
    if last in "ую":
        return {("datv", "m"), ("accs", "f")}
    if last == "е":
        return {("loct", "m"), ("datv", "f"), ("loct", "f")}
    if last in "ыи":
        return {("gent", "f"), ("datv", "f"), ("loct", "f")}
    if last == "й":
        return {("nomn", "m")}
    if last and last not in "аеёиоуыэюя":
        return {("nomn", "m")} | fem_any  # Kazakh feminine names in a consonant do not decline
    return {(c, g) for c in ALL_CASES for g in "mf"}


def _name_form(tok: Token, known: bool, case: str, gender: str) -> str | None:
    """The first name in another case: via the dictionary when known, else a masculine consonant name."""
    if known:
        forms = {_inflect(r, tok.lower, {case, "sing"}) for r in tok.info.readings
                 if "Name" in r.grammemes and r.gender == ("masc" if gender == "m" else "femn")}
        forms.discard(None)
        return _like(tok.text, forms.pop()) if len(forms) == 1 else None  # type: ignore[arg-type]
    text = tok.text
    if gender != "m" or text[-1:].lower() in "аеёиоуыэюяь":
        return None
    if text.endswith("й"):
        endings = {"nomn": "й", "gent": "я", "accs": "я", "datv": "ю", "ablt": "ем", "loct": "е"}
        return text[:-1] + endings[case]
    endings = {"nomn": "", "gent": "а", "accs": "а", "datv": "у", "ablt": "ом", "loct": "е"}
    return text + endings[case]


def _title_cases(tokens: list[Token], i: int) -> set[str] | None:
    """Cases of a title standing before index i, over up to four genitive words ("министр энергетики
    Азербайджана"); None when there is none."""
    j = i - 1
    for _ in range(5):
        if j < 0 or not tokens[j].is_word:
            return None
        tok = tokens[j]
        info = tok.info
        if info.lemmas() & TITLES and info.has_pos("NOUN"):
            return {r.case for r in info.readings
                    if r.pos == "NOUN" and r.lemma in TITLES and r.case and r.number == "sing"}
        if "gent" not in info.cases():
            return None
        j -= 1
    return None


def _g103(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(1, len(tokens)):
        surname = _surname(tokens[k])
        if surname is None:
            continue
        n = k - 1
        if _PATRONYMIC.fullmatch(tokens[n].text) and n > 0:
            n -= 1  # the patronymic is skipped: name and surname decide
        name = _first_name(tokens[n])
        if name is None:
            continue
        hit = _check_name(tokens, n, k, name, surname)
        if hit:
            yield hit


def _check_name(tokens: list[Token], n: int, k: int, name: tuple[set[NameReading], bool],
                surname: Surname) -> GrammarHit | None:
    name_readings, name_known = name
    if name_readings & surname.readings:
        return None
    title = _title_cases(tokens, n)
    first, last = tokens[n], tokens[k]
    # the surname's gender as written is usually right even when its case is wrong
    genders = {g for _, g in surname.readings}
    name_readings = {r for r in name_readings if r[1] in genders} or name_readings
    if title:
        name_fit = {r for r in name_readings if r[0] in title}
        surname_fit = {r for r in surname.readings if r[0] in title}
        if name_fit and not surname_fit:
            return _name_hit(last, {surname.form(c, g) for c, g in name_fit}, first, "warning")
        if surname_fit and not name_fit:
            forms = {_name_form(first, name_known, c, g) for c, g in surname_fit}
            return _name_hit(first, forms, last, "warning")
        if name_fit and surname_fit:  # both fit the title's case: a gender clash, most likely the surname
            return _name_hit(last, {surname.form(c, g) for c, g in name_fit}, first, "info")
        return None
    if not name_known and (len(name_readings) > 3 or not first.info.has_pos("NOUN")
                           or not any("Name" in r.grammemes for r in first.info.readings)):
        return None  # an unknown word that may not be a name, or whose ending says little about its case
    return _name_hit(last, {surname.form(c, g) for c, g in name_readings}, first, "info")


def _name_hit(tok: Token, forms: set[str | None], other: Token, severity: str) -> GrammarHit:
    fix = forms.pop() if len(forms) == 1 else None
    message = f'"{tok.text}" does not agree in case or gender with "{other.text}" in the same name'
    if fix:
        message += f'; expected "{fix}"'
    return GrammarHit("G103", tok.start, tok.end, severity, message, fix)


# ---------------------------------------------------------------------------------------------------------
# G104 fixed phrases with the wrong preposition or form
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FixedPhrase:
    """A fixed phrase, the words that wrongly follow it, and what should stand instead."""

    words: tuple[str, ...]
    wrong: frozenset[str]  # wrong next word; empty: the phrase itself is wrong
    right: str  # the correct preposition (or, for an empty `wrong`, the correct last word)
    severity: str = "warning"


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
_FIRST_WORDS = frozenset(p.words[0] for p in FIXED_PHRASES)


def _g104(tokens: list[Token]) -> Iterator[tuple[GrammarHit, int]]:
    """Hits with the index of the wrong preposition (so G101 does not report its object again)."""
    for i, tok in enumerate(tokens):
        if tok.lower not in _FIRST_WORDS:
            continue
        for phrase in FIXED_PHRASES:
            hit = _match_phrase(tokens, i, phrase)
            if hit:
                yield hit, i + len(phrase.words)
                break


def _match_phrase(tokens: list[Token], i: int, phrase: FixedPhrase) -> GrammarHit | None:
    n = len(phrase.words)
    if tuple(t.lower for t in tokens[i:i + n]) != phrase.words:
        return None
    if not phrase.wrong:
        if phrase.words == ("в", "отличии") and not _next_is(tokens, i + n, "от"):
            return None
        last = tokens[i + n - 1]
        expected = f"{phrase.words[0]} {phrase.right}"
        message = f'"{_span_text(tokens, i, i + n)}" is not the fixed phrase; expected "{expected}"'
        fix = _like(last.text, phrase.right)
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


# ---------------------------------------------------------------------------------------------------------
# G105 missing numeral
# ---------------------------------------------------------------------------------------------------------

_PERIOD_ADJECTIVES = frozenset({"последние", "ближайшие", "прошедшие", "прошлые", "следующие", "минувшие",
                                "предстоящие", "первые"})
# Counted (genitive) forms of time nouns and the plural nominative that fits without a number.
_COUNTED_TIME_FORMS = {
    "года": "годы", "лет": "годы", "месяца": "месяцы", "месяцев": "месяцы", "дня": "дни", "дней": "дни",
    "недель": "недели", "десятилетий": "десятилетия", "столетий": "столетия", "веков": "века",
    "часа": "часы", "часов": "часы", "минут": "минуты", "суток": "сутки",
}


def _g105(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(len(tokens) - 1):
        adj, noun = tokens[k], tokens[k + 1]
        if adj.lower not in _PERIOD_ADJECTIVES or noun.lower not in _COUNTED_TIME_FORMS:
            continue
        if (adj.capitalised and not adj.initial) or noun.capitalised:
            continue
        if k + 2 < len(tokens) and _is_numeral(tokens[k + 2]):
            continue  # "последние лет пять": an approximate count after the noun
        fix = f"{adj.text} {_COUNTED_TIME_FORMS[noun.lower]}"
        counted = "лет" if noun.lower == "года" else noun.lower
        message = (f'"{noun.text}" is a counted form but "{adj.text} {noun.text}" has no number; '
                   f'write "{fix}" or add the number ("{adj.lower} N {counted}")')
        yield GrammarHit("G105", adj.start, noun.end, "warning", message, fix)


# ---------------------------------------------------------------------------------------------------------
# G106 ethnic adjective where the state adjective is meant
# ---------------------------------------------------------------------------------------------------------

# Ethnic adjective -> state adjective, only where the ethnic one is never right before the head words.
ETHNIC_TO_STATE = {"русский": "российский", "казахский": "казахстанский"}
STATE_HEADS = frozenset({
    "лидер", "президент", "правительство", "сторона", "министр", "мид", "делегация", "премьер",
    "премьер-министр", "парламент", "посол", "посольство", "министерство", "ведомство", "власть",
    "руководство", "дипломат", "дипломатия", "глава", "госсекретарь", "вице-премьер", "кабмин",
})


def _g106(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(len(tokens) - 1):
        adj, noun = tokens[k], tokens[k + 1]
        if not adj.plain or not noun.is_word:
            continue
        adjs = [r for r in adj.info.readings if r.pos == "ADJF" and r.lemma in ETHNIC_TO_STATE]
        nouns = [r for r in noun.info.readings if r.pos == "NOUN" and r.lemma in STATE_HEADS]
        pairs = [(a, n) for a in adjs for n in nouns if _agrees(a, n)]
        if not pairs or _genitive_follows(tokens, k + 2, noun):
            continue
        a, n = pairs[0]
        state = ETHNIC_TO_STATE[a.lemma]
        fix = None
        for form in _morph().parse(state):
            if form.tag.POS == "ADJF":
                word = form.inflect(_adjective_target(n, a) - {"Supr"})
                fix = _like(adj.text, word.word) if word else None
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


# ---------------------------------------------------------------------------------------------------------
# G107 near-miss form
# ---------------------------------------------------------------------------------------------------------

# Verbs whose predicate noun stands in the instrumental ("основой является диалог").
_INSTRUMENTAL_VERBS = frozenset({"являться", "считаться", "становиться", "стать", "служить", "оставаться",
                                 "остаться"})
_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _g107(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(1, len(tokens) - 1):
        pron, word, verb = tokens[k - 1], tokens[k], tokens[k + 1]
        if pron.lower not in _POSSESSIVES or not _is_adjective(word) or not verb.is_word:
            continue
        if not (verb.info.only_pos("VERB") and verb.info.lemmas() & _INSTRUMENTAL_VERBS):
            continue
        numbers = {r.number for r in word.info.readings}
        nouns = _near_nouns(word.lower, frozenset(numbers))
        if len({lemma for lemma, _ in nouns}) != 1:
            continue
        fix = _like(word.text, nouns[0][1])
        message = (f'"{word.text}" is an adjective with no noun after "{pron.text}"; '
                   f'the noun "{fix}" (one letter away) fits before "{verb.text}"')
        yield GrammarHit("G107", word.start, word.end, "info", message, fix)


@lru_cache(maxsize=4096)
def _near_nouns(word: str, numbers: frozenset[str | None]) -> list[tuple[str, str]]:
    """Dictionary nouns in the instrumental one edit from `word`: (lemma, form)."""
    found = []
    for cand in _one_edit(word):
        if not _morph().word_is_known(cand):
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


# ---------------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------------


def check_grammar(text: str) -> list[GrammarHit]:
    """All G-rule findings in `text`, sorted by start; one finding per span, the more specific rule first."""
    hits: list[GrammarHit] = []
    for tokens in _sentences(text):
        fixed = list(_g104(tokens))
        skip = {i for _, i in fixed}
        hits.extend(h for h, _ in fixed)
        for rule in (_g103, _g105, _g106):
            hits.extend(rule(tokens))
        hits.extend(_g101(tokens, skip))
        hits.extend(_g102(tokens))
        hits.extend(_g107(tokens))
    return _dedupe(hits)


def _dedupe(hits: list[GrammarHit]) -> list[GrammarHit]:
    """Keep the first hit for any overlapping span (rules run most specific first)."""
    kept: list[GrammarHit] = []
    for hit in hits:
        if not any(h.start < hit.end and hit.start < h.end for h in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end, h.code))
