"""G103 name-agreement: a title, first name and surname of one name that do not agree."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bakuastana.lang.ru.morphology import (
    ALL_CASES,
    Reading,
    WordInfo,
    inflect,
)
from bakuastana.rules.grammar import (
    GrammarHit,
    Token,
    findings,
    like,
)
from bakuastana.rules.rule import Example, Rule

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
# Patterns, compiled where a Russian text's capitalised words are read (re keeps them): every check imports this
# module, and only those need them (~0.7 ms to compile).
_OV_SURNAME = r"(?P<base>[А-ЯЁ][а-яё-]{2,}(?:ов|ев|ёв|ин|ын))(?P<end>|а|у|ым|е|ой)"
_SKY_SURNAME = r"(?P<base>[А-ЯЁ][а-яё-]{2,}[сц]к)(?P<end>ий|ого|ому|им|ом|ая|ой|ую)"
_PATRONYMIC = r"[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|е|ы|ой|ну|не)?"


class Surname:
    """A surname recognised by its ending (or the dictionary's Surn tag) and its possible readings (a plain class:
    a dataclass costs every run ~0.4 ms to make at import)."""

    __slots__ = ("base", "kind", "readings")

    def __init__(self, readings: frozenset[NameReading], base: str | None, kind: str | None) -> None:
        self.readings = readings
        self.base = base  # the masculine nominative stem used to build a fix ("Алиев", "Вишневск")
        self.kind = kind  # "ov" or "sky"

    def form(self, case: str, gender: str) -> str | None:
        if self.base is None:
            return None
        table = _OV_ENDING_FOR if self.kind == "ov" else _SKY_ENDING_FOR
        return self.base + table[(case, gender)]


def _surname(tok: Token) -> Surname | None:
    """The surname a name-like token (`_name_like`) may be, by its ending or the dictionary; None if none."""
    info = tok.info
    surn = [r for r in info.readings if "Surn" in r.grammemes and r.case]
    for pattern, forms, kind in ((_OV_SURNAME, _OV_FORMS, "ov"), (_SKY_SURNAME, _SKY_FORMS, "sky")):
        m = re.fullmatch(pattern, tok.text)
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
    """Readings of a name-like token (`_name_like`) as a first name and whether the dictionary knows it as one;
    None if it is not one."""
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
        forms = {inflect(r, tok.lower, {case, "sing"}) for r in tok.info.readings
                 if "Name" in r.grammemes and r.gender == ("masc" if gender == "m" else "femn")}
        forms.discard(None)
        return like(tok.text, forms.pop()) if len(forms) == 1 else None  # type: ignore[arg-type]
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


def _name_like(tok: Token) -> bool:
    """A capitalised word, not in capitals: what a first name and a surname must both be."""
    return tok.capitalised and tok.is_word and not tok.all_caps


def find(tokens: list[Token]) -> Iterator[GrammarHit]:
    for k in range(1, len(tokens)):
        if not _name_like(tokens[k]):
            continue
        n = k - 1
        if n > 0 and re.fullmatch(_PATRONYMIC, tokens[n].text):
            n -= 1  # the patronymic is skipped: name and surname decide
        # both words' shapes first: the dictionary is asked about a capitalised word only after another
        if not _name_like(tokens[n]):
            continue
        surname = _surname(tokens[k])
        if surname is None:
            continue
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


def check(analysis) -> Iterator:
    """This rule's findings of the shared grammar pass."""
    return findings(analysis, RULE)


RULE = Rule(
    'G103', 'name-agreement', 'warning',
    'A title, first name and surname in one name do not agree.',
    what="""
In "Президента Ильхама Алиева" all parts stand in the same case. First names come from the dictionary's Name
tag or, when unknown, from their endings; surnames from the Surn tag or the endings -ов/-ев/-ин/-ын and
-ский/-цкий with their case forms. When a title (президент, министр, глава, ... possibly followed by
genitive words: "министр энергетики Азербайджана") agrees with one of the two and not the other, the odd
one out is reported as a warning. Without a title the finding is "info": either word may be the wrong one.
A name and surname that agree are never reported even if the title does not ("Министром Парвиз Шахбазов
стал ..." is correct).
""",
    why="""
A surname left in the nominative inside an inflected name is a frequent slip in news copy.
""",
    fix='Inflect the odd part: "визит Президента Ильхама Алиева".',
    example=Example('"визит Президента Ильхама Алиев": the surname should be genitive like the title and the name.',
                    article='Визит Президента Ильхама Алиев в Астану завершился подписанием соглашений.\n',
                    shows=('"Алиев" does not agree in case or gender with "Ильхама" in the same '
                          'name; expected "Алиева"')),
    check=check,
)
