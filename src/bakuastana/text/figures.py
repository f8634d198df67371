"""Find every figure in a Russian or English news text: amounts, percents, counts, ordinals, dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from bakuastana.numbers.vocabulary import SCALES as _SCALES
from bakuastana.numbers.vocabulary import UNITS as _UNITS

__all__ = ["Figure", "extract_figures", "month_number"]


@dataclass(frozen=True)
class Figure:
    """One figure as written in the text, with its value read at full scale."""

    text: str
    start: int
    end: int
    value: Fraction | str
    number: str
    decimals: int
    scale: str | None
    multiplier: int
    unit: str | None
    noun: str | None
    hedge: str | None
    kind: str
    range_id: int | None


# ---------------------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------------------

_SP = "[ \u00a0\u202f\u2009]"  # the spaces that may separate the parts of one figure

_HEDGES = {
    "more_than": ["более чем", "более", "свыше", "больше чем", "больше", "чуть более", "чуть больше",
                  "немногим более", "more than", "over", "just over", "well over", "above"],
    "at_least": ["не менее чем", "не менее", "не меньше", "at least", "no less than", "no fewer than"],
    "less_than": ["менее чем", "менее", "меньше чем", "меньше", "чуть менее", "чуть меньше", "less than",
                  "fewer than", "under", "just under", "below"],
    "at_most": ["не более чем", "не более", "не больше", "at most", "no more than"],
    "about": ["около", "порядка", "примерно", "приблизительно", "about", "around", "some", "approximately",
              "roughly", "an estimated", "circa"],
    "up_to": ["до", "вплоть до", "up to", "as many as"],
    "almost": ["почти", "nearly", "almost"],
    "only": ["всего", "лишь", "только", "всего лишь", "only", "just"],
}

# Single letters mean a scale only right after a currency ("$5m", "€3bn"); elsewhere "5 m" is metres.
_CURRENCY_SCALES = {"k": 1000, "K": 1000, "m": 10**6, "M": 10**6, "b": 10**9, "B": 10**9}

# canonical unit -> forms as written; a form may carry an implied scale ("Mt" is a million tonnes)
_IMPLIED_SCALE_UNITS = {"Mt": ("t", 10**6), "bcm": ("m3", 10**9)}
_TIME_UNITS = {"year", "month", "week", "day", "hour"}
_CURRENCY_PREFIXES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₸": "KZT", "₼": "AZN",
                      "USD": "USD", "EUR": "EUR", "GBP": "GBP", "RUB": "RUB", "KZT": "KZT", "AZN": "AZN"}
_RATE_PERIODS = {"год": "year", "year": "year", "yr": "year", "annum": "year", "ежегодно": "year",
                 "annually": "year", "yearly": "year", "месяц": "month", "month": "month", "сутки": "day",
                 "день": "day", "day": "day", "час": "hour", "hour": "hour"}

_RU_MONTHS = {1: "январ", 2: "феврал", 4: "апрел", 6: "июн", 7: "июл", 9: "сентябр", 10: "октябр",
              11: "ноябр", 12: "декабр"}
_EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]
_EN_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                  "oct": 10, "nov": 11, "dec": 12}

# Russian cardinals: value -> every case form (and gender for 1 and 2). "семью" is left out: it is
# far more often "family" than "seven" (instrumental).
_RU_CARDINALS = {
    1: "один одна одно одного одной одному одним одном одну",
    2: "два две двух двум двумя", 3: "три трёх трём тремя", 4: "четыре четырёх четырём четырьмя",
    5: "пять пяти пятью", 6: "шесть шести шестью", 7: "семь семи", 8: "восемь восьми восемью восьмью",
    9: "девять девяти девятью", 10: "десять десяти десятью",
    40: "сорок сорока", 90: "девяносто девяноста", 100: "сто ста",
    200: "двести двухсот двумстам двумястами двухстах", 300: "триста трёхсот трёмстам тремястами трёхстах",
    400: "четыреста четырёхсот четырёмстам четырьмястами четырёхстах",
}
_RU_TEEN_STEMS = {11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат",
                  16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат", 20: "двадцат",
                  30: "тридцат"}
_RU_TENS = {50: ("пятьдесят", "пятидесяти", "пятьюдесятью"),
            60: ("шестьдесят", "шестидесяти", "шестьюдесятью"),
            70: ("семьдесят", "семидесяти", "семьюдесятью"),
            80: ("восемьдесят", "восьмидесяти", "восемьюдесятью")}
_RU_HUNDRED_STEMS = {500: ("пятьсот", "пяти"), 600: ("шестьсот", "шести"), 700: ("семьсот", "семи"),
                     800: ("восемьсот", "восьми"), 900: ("девятьсот", "девяти")}
_RU_COLLECTIVES = {2: "двое двоих", 3: "трое троих", 4: "четверо четверых", 5: "пятеро пятерых",
                   6: "шестеро шестерых", 7: "семеро семерых", 8: "восьмеро", 9: "девятеро", 10: "десятеро"}
_RU_MULTIPLES = {"вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вшестеро": 6, "всемеро": 7,
                 "ввосьмеро": 8, "вдевятеро": 9, "вдесятеро": 10}
_RU_ORDINAL_STEMS = {1: "перв", 2: "втор", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
                     9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат",
                     14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат",
                     19: "девятнадцат", 20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят",
                     60: "шестидесят", 70: "семидесят", 80: "восьмидесят", 90: "девяност", 100: "сот",
                     1000: "тысячн"}
_RU_HARD_ENDINGS = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ую", "ым", "ом", "ых", "ыми")
_RU_THIRD = "третий третья третье третьи третьего третьей третьему третьим третьем третьих третьими третью"
_RU_SOFT_ENDINGS = ("ий", "яя", "ее", "ие", "его", "ей", "ему", "юю", "им", "ем", "их", "ими")
# "пятилетний", "двухмесячного": a duration written as one adjective
_RU_DURATION_PREFIXES = {1: "одно", 2: "двух", 3: "трёх", 4: "четырёх", 5: "пяти", 6: "шести", 7: "семи",
                         8: "восьми", 9: "девяти", 10: "десяти", 15: "пятнадцати", 20: "двадцати",
                         25: "двадцатипяти", 30: "тридцати", 50: "пятидесяти"}
_RU_DURATION_STEMS = {"летн": "year", "месячн": "month", "недельн": "week", "дневн": "day"}

_EN_CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
            90: "ninety"}
_EN_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                "eighteenth", "nineteenth"]
_EN_TENS_ORDINALS = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
                     70: "seventieth", 80: "eightieth", 90: "ninetieth", 100: "hundredth"}
_EN_MULTIPLE_VERBS = {"doubled": 2, "tripled": 3, "quadrupled": 4}

_RU_STOPWORDS = frozenset((
    "в", "во", "на", "и", "из", "по", "с", "со", "к", "ко", "до", "от", "за", "для", "что", "как", "а",
    "но", "или", "же", "ли", "бы", "не", "ни", "уже", "еще", "ещё", "также", "тоже", "более", "менее",
    "около", "чем", "при", "без", "под", "над", "о", "об", "обо", "у", "через", "между", "после", "перед",
    "это", "этот", "эта", "эти", "этих", "его", "ее", "её", "их", "он", "она", "оно", "они", "мы", "вы",
    "я", "так", "там", "тут", "где", "когда", "если", "то", "все", "всё", "всех", "всего", "лишь",
    "только", "было", "были", "был", "была", "будет", "будут", "есть", "против", "вместо", "среди",
    "вокруг", "свыше", "порядка", "примерно", "почти", "даже", "вновь", "снова", "назад", "спустя",
    "подряд", "вместе", "включая", "согласно", "который", "которые", "которых", "которая", "которое",
    "раньше", "позже", "больше", "меньше", "выше", "ниже", "соответственно", "то", "есть",
))
_EN_STOPWORDS = frozenset((
    "of", "and", "or", "the", "a", "an", "to", "in", "on", "at", "for", "by", "with", "from", "per",
    "than", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "may", "might", "should", "must", "that", "which", "who", "whom", "whose", "as", "so",
    "but", "not", "no", "nor", "if", "then", "this", "these", "those", "it", "its", "they", "them",
    "their", "he", "she", "his", "her", "we", "our", "you", "your", "i", "more", "less", "most", "least",
    "about", "over", "under", "up", "down", "out", "into", "onto", "upon", "since", "until", "till",
    "before", "after", "during", "through", "between", "among", "against", "without", "within", "also",
    "too", "very", "just", "only", "even", "still", "yet", "ago", "each", "every", "other", "another",
    "such", "both", "either", "neither", "all", "any", "some", "many", "much", "few", "several",
    "said", "says", "say", "told", "tells", "asked", "saw", "see", "sees",
))


# ---------------------------------------------------------------------------------------------------------
# Regex construction
# ---------------------------------------------------------------------------------------------------------


class _Lazy:
    """A regex compiled on first use, so that importing this module stays cheap (the CLI imports it)."""

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        pattern = self._pattern if isinstance(self._pattern, str) else self._pattern()
        compiled = re.compile(pattern, self._flags)
        for method in ("match", "search", "fullmatch"):
            setattr(self, method, getattr(compiled, method))  # later calls skip __getattr__
        return getattr(compiled, name)


def _fold(word: str) -> str:
    """Case- and ё-insensitive lookup key."""
    return word.lower().replace("ё", "е")


def _with_yo_variants(word: str) -> list[str]:
    return [word, word.replace("ё", "е")] if "ё" in word else [word]


def _trie_regex(words: list[str]) -> str:
    """An alternation of `words` factored by common prefixes, so matching does not try each word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        # keys are folded (ё -> е), so "е" must match both letters in the text
        branches = [("[её]" if char == "е" else re.escape(char)) + render(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(body) > 1 else body + "?"
        return body

    return render(trie)


def _phrase_alternation(phrases: list[str]) -> str:
    """Longest first, with any run of spaces allowed between words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(_SP.join(re.escape(part) for part in phrase.split(" ")).replace(_SP, _SP + "+")
                    for phrase in ordered)


def _phrase_key(phrase: str) -> str:
    return " ".join(phrase.split())


def _build_words() -> dict[str, tuple[str, Fraction, str | None]]:
    """Every word that can start a figure: folded form -> (type, value, unit)."""
    words: dict[str, tuple[str, Fraction, str | None]] = {}

    def add(form: str, kind: str, value: int | Fraction, unit: str | None = None) -> None:
        for variant in _with_yo_variants(form):
            words.setdefault(_fold(variant), (kind, Fraction(value), unit))

    for value, forms in _RU_CARDINALS.items():
        for form in forms.split():
            add(form, "card", value)
    for value, stem in _RU_TEEN_STEMS.items():
        for ending in ("ь", "и", "ью"):
            add(stem + ending, "card", value)
    for value, forms in _RU_TENS.items():
        for form in forms:
            add(form, "card", value)
    for value, (nominative, oblique) in _RU_HUNDRED_STEMS.items():
        add(nominative, "card", value)
        for ending in ("сот", "стам", "стах"):
            add(oblique + ending, "card", value)
    for form in ("полтора", "полторы", "полутора"):
        add(form, "card", Fraction(3, 2))
    for value, forms in _RU_COLLECTIVES.items():
        for form in forms.split():
            add(form, "card", value)
    for form, value in _RU_MULTIPLES.items():
        add(form, "mult", value)
    for value, stem in _RU_ORDINAL_STEMS.items():
        for ending in _RU_HARD_ENDINGS:
            add(stem + ending, "ord", value)
    for form in _RU_THIRD.split():
        add(form, "ord", 3)
    for value, prefix in _RU_DURATION_PREFIXES.items():
        for stem, unit in _RU_DURATION_STEMS.items():
            for ending in _RU_SOFT_ENDINGS:
                add(prefix + stem + ending, "dur", value, unit)
    for month, stem in _RU_MONTHS.items():
        for ending in ("ь", "я", "е", "ю", "ём", "ем"):
            add(stem + ending, "month", month)
    for month, stem in ((3, "март"), (8, "август")):
        for ending in ("", "а", "е", "у", "ом"):
            add(stem + ending, "month", month)
    for form in ("май", "мая", "мае", "маю", "маем"):
        add(form, "month", 5)

    for value, form in enumerate(_EN_CARDINALS, start=1):
        add(form, "card", value)
        add(form + "fold", "mult", value)
    for value, form in _EN_TENS.items():
        add(form, "card", value)
        add(form + "fold", "mult", value)
    for value, form in enumerate(_EN_ORDINALS, start=1):
        add(form, "ord", value)
    for value, form in _EN_TENS_ORDINALS.items():
        add(form, "ord", value)
    for form, value in _EN_MULTIPLE_VERBS.items():
        add(form, "mult", value)
    for month, form in enumerate(_EN_MONTHS, start=1):
        add(form, "month_en", month)
    for form, month in _EN_MONTH_ABBR.items():
        add(form, "month_abbr", month)
    return words


_WORDS = _build_words()


def month_number(word: str) -> int | None:
    """The month a word names, in any case or language ("марта", "мае", "March", "Sept."), else None."""
    entry = _WORDS.get(_fold(word.rstrip(".")))
    return int(entry[1]) if entry is not None and entry[0] in ("month", "month_en", "month_abbr") else None


def _word_pattern() -> str:
    """A regex for the keys of `_WORDS`, with Russian ordinals and durations as stem + ending, not listed."""
    stems = {_fold(stem) for stem in _RU_ORDINAL_STEMS.values()}
    prefixes = {_fold(prefix) for prefix in _RU_DURATION_PREFIXES.values()}
    ordinal = "(?:" + _trie_regex(sorted(stems)) + ")(?:" + _trie_regex(list(_RU_HARD_ENDINGS)) + ")"
    duration = ("(?:" + _trie_regex(sorted(prefixes)) + ")(?:" + _trie_regex(list(_RU_DURATION_STEMS))
                + ")(?:" + _trie_regex(list(_RU_SOFT_ENDINGS)) + ")")
    structured = re.compile(f"(?:{ordinal}|{duration})")
    listed = [word for word in _WORDS if not structured.fullmatch(word)]
    return "|".join([_trie_regex(sorted(listed)), ordinal, duration])

_NUM_BODY = (r"[0-9]{1,3}(?:" + _SP + r"[0-9]{3})+(?![0-9])(?:[.,][0-9]+)*"
             r"|[0-9]+(?:[.,][0-9]+)*")

_ANCHOR = _Lazy(lambda: (
    r"(?P<iso>(?<![\w.,-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\w-]))"
    r"|(?P<dmy>(?<![\w.,])[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}(?![\w]|[.,][0-9]))"
    r"|(?P<code>(?<![\w.,])[0-9]+(?:[:/][0-9]+)+(?![\w]|[.,:/][0-9]))"  # a clock time, score or code
    r"|(?P<cur>(?:US\$|\$|€|£|₽|₸|₼|(?<!\w)(?-i:USD|EUR|GBP|RUB|KZT|AZN)" + _SP + r"?)(?=[0-9]))"
    r"|(?P<num>(?<![\w.,])(?:" + _NUM_BODY + r"))"
    r"|(?P<word>(?<![\w-])(?:" + _word_pattern() + r")(?![\w]))"
    r"|(?P<roman>(?-i:(?<![\w-])(?=[IVXLC]+\b)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w-])))"
), re.IGNORECASE)
_NUMBER_AT = _Lazy(_NUM_BODY)

_SCALE_FORMS = {_phrase_key(form): factor for factor, forms in _SCALES.items() for form in forms}
_SCALE = _Lazy(_SP + r"*(" + _phrase_alternation(list(_SCALE_FORMS)) + r"|[kKmMbB])(?![\w])")
_SPLIT_TAIL = _Lazy(_SP + r"+([0-9]{1,3})(?![0-9]|[.,][0-9])")
_SPLIT_SCALED = _Lazy(_SP + r"+([0-9]{1,3})" + _SP + r"*(" + _phrase_alternation(list(_SCALE_FORMS))
                           + r")(?![\w])")

_UNIT_FORMS = {_phrase_key(form): unit for unit, forms in _UNITS.items() for form in forms}
_UNIT_FORMS.update({form: unit for form, (unit, _factor) in _IMPLIED_SCALE_UNITS.items()})
_UNIT = _Lazy(r"(?:" + _SP + r"*|-)(" + _phrase_alternation(list(_UNIT_FORMS)) + r")(?![\w])")
_USA = _Lazy(_SP + r"+США(?![\w])")
_RATE = _Lazy(
    r"(?:" + _SP + r"+(?!(?:в|во|на|по|с|со|к|до|от|из|за|и|а|но|in|to|from|and|by|with|for|per)\b)"
    r"[а-яёa-z]{2,}){0,3}?" + _SP + r"+(?:в|per|a)" + _SP + r"+(год|месяц|сутки|день|час|year|month|day|hour"
    r"|annum)(?![\w])"
    r"|" + _SP + r"*/" + _SP + r"*(год|year|yr|сутки|day|месяц|month)(?![\w])"
    r"|" + _SP + r"+(ежегодно|annually|yearly)(?![\w])"
)

_PERCENT_POINTS = _Lazy(
    _SP + r"*(?:п\." + _SP + r"?п\.|процентн(?:ых|ого|ый|ые|ым|ыми)" + _SP + r"+пункт(?:а|ов|ы|ом|ами|ах)?"
    r"|percentage" + _SP + r"+points?|p\.p\.|pp)(?![\w])"
)
_PERCENT = _Lazy(
    _SP + r"*(?:%|процент(?:а|ов|ы|ом|ам|ами|ах|е)?(?![\w])|per" + _SP + r"?cent(?![\w])|pct(?![\w]))"
)
_TIMES_RU = _Lazy(_SP + r"+(раза|раз)(?![\w])")
_TIMES_EN = _Lazy(_SP + r"+times(?![\w])|-fold(?![\w])|x(?![\w])")
_YEAR_WORD = _Lazy(_SP + r"*(годами|годах|годом|годов|годы|году|года|год|гг\.|г\.|г(?![\w]))(?![\w])")
_ORDINAL_SUFFIX = _Lazy(r"-(?:ого|ому|го|му|ом|ым|ый|ий|ой|м|й|ая|я|ое|е|ую|ю|ые|ых|ыми)(?![\w])")
_CARDINAL_SUFFIX = _Lazy(r"-(?:ти|ми|ух|ёх|ех|х)(?![\w])")
_EN_ORDINAL_SUFFIX = _Lazy(r"(?:st|nd|rd|th)(?![\w])")
_DECADE_SUFFIX = _Lazy(r"(?:s|'s|-х)(?![\w])")
_DURATION_SUFFIX = _Lazy(r"-(?:(летн|месячн|недельн|дневн)[а-яё]*|(year|month|week|day)s?(?:-old)?)"
                              r"(?![\w])")
_PERCENT_ADJECTIVE = _Lazy(r"-процентн[а-яё]*(?![\w])")
_EN_COMPOUND = _Lazy(lambda: r"(?:" + _SP + r"+|-)(" + _trie_regex(
    sorted([*_EN_CARDINALS[:9], *_EN_ORDINALS[:9]])) + r")(?![\w])", re.IGNORECASE)
_RU_COMPOUND = _Lazy(_SP + r"+([а-яё]+)(?![\w])", re.IGNORECASE)
_HUNDRED = _Lazy(_SP + r"+hundred(?![\w])", re.IGNORECASE)
_EN_DURATION_HYPHEN = _Lazy(r"-(year|month|week|day)s?(?:-old)?(?![\w])|-fold(?![\w])", re.IGNORECASE)

_RU_MONTH_AFTER = _Lazy(lambda: _SP + r"+(" + _trie_regex(
    sorted(form for form, (kind, _v, _u) in _WORDS.items() if kind == "month")) + r")(?![\w])")
_EN_MONTH_AFTER = _Lazy(_SP + r"+(" + "|".join(m.capitalize() for m in _EN_MONTHS)
                             + r"|(?:" + "|".join(a.capitalize() for a in _EN_MONTH_ABBR) + r")\.?)(?![\w])")
_YEAR_AFTER_DAY = _Lazy(r",?" + _SP + r"+((?:19|20)[0-9]{2})(?![\w]|[.,][0-9])(?:" + _SP
                             + r"*(?:года|году|год|г\.|г(?![\w])))?")
_DAY_AFTER_MONTH = _Lazy(_SP + r"+([0-9]{1,2})(?:st|nd|rd|th)?(?![\w]|[.,][0-9])")
_MONTH_RANGE = _Lazy(r"(?:" + _SP + r"*[-–—]" + _SP + r"*|" + _SP + r"+(?:по|до|to|through|until)"
                          + _SP + r"+)(?=[A-Za-zА-Яа-яЁё])")
_DASH_RANGE = _Lazy(_SP + r"?[-–—‒]" + _SP + r"?(?=[0-9])")
_CODE_CHAIN = _Lazy(r"[-–][0-9]+[-–][0-9]")
_WORD_RANGE = _Lazy(_SP + r"+(?:до|по|to|and|и)" + _SP + r"+(?=[0-9])")

_RU_ADJECTIVE_END = _Lazy(r"(?:ых|их|ыми|ими|ым|им|ые|ие|ый|ая|ое|ого|ому|ую|ой|ее|яя|его|ему)$")
_RU_VERB_END = _Lazy(r"(?:ть|ться|ется|ются|ится|ятся|лся|лась|лось|лись)$")
_RU_COUNT_WORD = _Lazy(_SP + r"+([а-яё]+(?:-[а-яё]+)?)(?![\w-])")
_EN_COUNT_WORD = _Lazy(_SP + r"+([a-z]+(?:-[a-z]+)?)(?![\w-])")
_LETTERS = _Lazy(r"[^\W\d_]+")
_MONTH_KINDS = ("month", "month_en", "month_abbr")
_DIGIT_DATE = _Lazy(r"([0-9]+)[.-]([0-9]+)[.-]([0-9]+)")

_HEDGE_FORMS = {_phrase_key(form): hedge for hedge, forms in _HEDGES.items() for form in forms}
_HEDGE_BEFORE = _Lazy(r"(?<![\w])(" + _phrase_alternation(list(_HEDGE_FORMS)) + r")" + _SP + r"+$",
                           re.IGNORECASE)
_V_BEFORE = _Lazy(r"(?<![\w])во?" + _SP + r"+$", re.IGNORECASE)
_RANGE_OPENER = _Lazy(r"(?<![\w])(?:с|со|от|между|from|between)" + _SP + r"+$", re.IGNORECASE)
_YEAR_PREPOSITION = _Lazy(
    r"(?<![\w])(?:в|во|с|со|к|ко|до|по|на|за|от|после|перед|конец|конца|начало|начала|середина|середины"
    r"|in|since|by|until|till|from|of|to|for|during|before|after|through)" + _SP + r"+$",
    re.IGNORECASE,
)
_MONTH_PREPOSITION = _Lazy(
    r"(?<![\w])(?:в|во|с|со|по|до|к|ко|на|из|за|от|после|перед|конце|начале|середине|конца|начала|середины"
    r"|in|since|by|until|till|from|through|during|early|late|mid|of|last|next|this|before|after)"
    r"(?:" + _SP + r"+|-)$",
    re.IGNORECASE,
)
_NOT_ONE_BEFORE = _Lazy(r"(?<![\w])(?:ни|no|the|any|every|each|this|that)" + _SP + r"+$", re.IGNORECASE)
_NOT_ONE_NOUNS = {"стороны", "hand", "another"}
_PER_BEFORE = _Lazy(r"(?:(?<![\w])(?:per|a|one)|[0-9])" + _SP + r"+$", re.IGNORECASE)
_CAPITALISED_BEFORE = _Lazy(r"(?<![\w])([A-ZА-ЯЁ][\w.]*)" + _SP + r"+$")
_CAPITALISED_AFTER = _Lazy(_SP + r"+([A-ZА-ЯЁ])")
_CENTURY_AFTER = _Lazy(_SP + r"+(?:век|века|веке|веков|вв?\.|century|centuries)(?![\w])")

_MAX_DIGITS = 60
_LOOKBACK = 32  # enough for the longest hedge ("не менее чем") plus spaces


# ---------------------------------------------------------------------------------------------------------
# Working state
# ---------------------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """A figure being read; turned into a frozen `Figure` once complete."""

    start: int
    end: int
    number: str
    amount: Fraction  # the number as written, before the scale
    decimals: int = 0
    plain: bool = False  # an integer written without separators, so possibly a year
    scale: str | None = None
    multiplier: int = 1
    unit: str | None = None
    noun: str | None = None
    hedge: str | None = None
    kind: str = "number"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    currency: str | None = None  # set by a prefix such as "$" or "USD"
    num_start: int = -1  # where the digits begin (after a currency prefix)
    lead: int | None = None  # "в" of "в 3-4 раза", which belongs to the start of the range

    @property
    def looks_like_year(self) -> bool:
        return self.plain and self.scale is None and 1900 <= self.amount <= 2100

    def freeze(self, text: str, range_id: int | None) -> Figure:
        if self.kind == "date":
            value: Fraction | str = _iso_date(self.year, self.month, self.day)
        else:
            value = self.amount * self.multiplier
        return Figure(text=text[self.start:self.end], start=self.start, end=self.end, value=value,
                      number=self.number, decimals=self.decimals, scale=self.scale,
                      multiplier=self.multiplier, unit=self.unit, noun=self.noun, hedge=self.hedge,
                      kind=self.kind, range_id=range_id)


def _iso_date(year: int | None, month: int | None, day: int | None) -> str:
    parts = [f"{year:04d}"] if year is not None else []
    if month is not None:
        parts.append(f"{month:02d}")
    if day is not None:
        parts.append(f"{day:02d}")
    return "-".join(parts)


def _valid_date(year: int | None, month: int, day: int | None) -> bool:
    try:
        date(year or 2000, month, day or 1)  # 2000 is a leap year, so "29 февраля" stays valid
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------------------------------------


def extract_figures(text: str) -> list[Figure]:
    """Every figure of `text`, sorted by start, never overlapping."""
    figures: list[Figure] = []
    next_range_id = 0
    pos = 0
    last_end = 0
    while True:
        match = _ANCHOR.search(text, pos)
        if match is None:
            break
        drafts = _read_anchor(text, match, last_end)
        if not drafts:
            pos = max(match.end(), match.start() + 1)
            continue
        drafts[0].start = max(drafts[0].start, last_end)  # a hedge or "в" never reaches into the previous one
        range_id = None
        if len(drafts) > 1:
            range_id = next_range_id
            next_range_id += 1
        figures.extend(draft.freeze(text, range_id) for draft in drafts)
        last_end = drafts[-1].end
        pos = last_end
    return figures


def _read_anchor(text: str, match: re.Match, floor: int) -> list[_Draft]:
    """The figure(s) starting at an anchor; `floor` is the end of the previous figure."""
    group = match.lastgroup
    if group == "iso":
        return _single(_read_digit_date(match, "ymd"))
    if group == "dmy":
        return _single(_read_digit_date(match, "dmy"))
    if group == "code":
        return []
    if group == "cur":
        currency = _CURRENCY_PREFIXES[match.group().strip(" \u00a0\u202f\u2009")]
        number = _NUMBER_AT.match(text, match.end())
        if number is None:
            return []
        return _read_numeric(text, match.start(), number.start(), number.end(), floor, currency)
    if group == "num":
        return _read_numeric(text, match.start(), match.start(), match.end(), floor, None)
    if group == "word":
        return _read_word(text, match, floor)
    if group == "roman":
        return _single(_read_roman(text, match))
    return []


def _single(draft: _Draft | None) -> list[_Draft]:
    return [draft] if draft is not None else []


# ---------------------------------------------------------------------------------------------------------
# Numbers written in digits
# ---------------------------------------------------------------------------------------------------------


def _parse_digits(raw: str, latin: bool) -> tuple[Fraction, int] | None:
    """The value and decimal count of a digit string, or None if it is not one number (a version, a code)."""
    spaced = re.search(_SP, raw) is not None
    compact = re.sub(_SP, "", raw)
    if len(compact) > _MAX_DIGITS:
        return None  # an identifier or garbage, and int() refuses very long digit strings
    separators = re.findall(r"[.,]", compact)
    groups = re.split(r"[.,]", compact)
    if not separators:
        return Fraction(int(compact)), 0
    if len(separators) == 1:
        fraction = groups[1]
        # "1,195" is a thousand in English, but 1.195 in Russian
        if separators[0] == "," and latin and len(fraction) == 3 and not spaced:
            return Fraction(int(groups[0] + fraction)), 0
        return Fraction(compact.replace(",", ".")), len(fraction)
    thousands, last = separators[:-1], separators[-1]
    if len(set(thousands)) != 1 or not all(len(group) == 3 for group in groups[1:-1]):
        return None
    if last == thousands[0]:
        if len(groups[-1]) != 3:
            return None
        return Fraction(int("".join(groups))), 0
    whole = "".join(groups[:-1])
    return Fraction(f"{whole}.{groups[-1]}"), len(groups[-1])


def _is_latin_context(text: str, start: int, end: int) -> bool:
    after = text[end:end + 3].lstrip(" \u00a0")
    before = text[max(0, start - 3):start].rstrip(" \u00a0")
    for char in (after[:1], before[-1:]):
        if char and char.isalpha():
            return char.isascii()
    return False


def _read_numeric(text: str, head: int, start: int, end: int, floor: int,
                  currency: str | None) -> list[_Draft]:
    """A figure written in digits, possibly the first of a range."""
    if start >= 2 and text[start - 1] in "-–" and (text[start - 2].isalpha() or text[start - 2].isdigit()):
        return []  # a model or code: "Су-35", "COVID-19", "8-800-555"
    first = _read_core(text, head, start, end, currency)
    if first is None:
        return []
    if first.kind != "number":  # an attached suffix already decided it: "21-го", "4-fold", "7th"
        _apply_hedge(text, first, floor)
        return [first]
    if _CODE_CHAIN.match(text, first.end):
        return []  # "8-800-555-35-35": a phone number or code, not a range
    second = _read_range_end(text, first)
    if second is not None:
        _inherit(first, second)
        _apply_hedge(text, first, floor)
        return [first, second]
    if not _classify_tail(text, first, first.start):
        return []
    _apply_hedge(text, first, floor)
    return [first]


def _read_core(text: str, head: int, start: int, end: int, currency: str | None) -> _Draft | None:
    """The number, its scale word and any attached suffix."""
    raw = text[start:end]
    parsed = _parse_digits(raw, currency is not None or _is_latin_context(text, start, end))
    if parsed is None:
        return None
    amount, decimals = parsed
    draft = _Draft(start=head, end=end, number=raw, amount=amount, decimals=decimals,
                   plain=re.fullmatch(r"[0-9]+", raw) is not None, currency=currency, num_start=start)
    if currency:
        draft.unit = currency
    if _read_suffix(text, draft):
        return draft
    _read_scale(text, draft)
    return draft


def _read_suffix(text: str, draft: _Draft) -> bool:
    """Suffixes written onto the digits: "21-го", "2023-м", "7th", "1990-х", "5-летний", "4-fold"."""
    pos = draft.end
    if draft.plain and draft.currency is None:
        if match := _ORDINAL_SUFFIX.match(text, pos):
            draft.kind = "year" if draft.looks_like_year else "ordinal"
            draft.end = match.end()
            return True
        if draft.looks_like_year and (match := _DECADE_SUFFIX.match(text, pos)):
            draft.kind, draft.end = "year", match.end()
            return True
        if match := _EN_ORDINAL_SUFFIX.match(text, pos):
            draft.kind, draft.end = "ordinal", match.end()
            return True
        if match := _CARDINAL_SUFFIX.match(text, pos):
            draft.end = match.end()  # "2-х стран" reads on as "двух стран"
            return False
    if match := _DURATION_SUFFIX.match(text, pos):
        stem = match.group(1) or match.group(2)
        draft.kind, draft.unit, draft.end = "duration", _duration_unit(stem), match.end()
        return True
    if match := _PERCENT_ADJECTIVE.match(text, pos):
        draft.kind, draft.unit, draft.end = "percent", "percent", match.end()
        return True
    return False


def _duration_unit(stem: str) -> str:
    return _RU_DURATION_STEMS.get(stem.lower(), stem.lower())


def _read_scale(text: str, draft: _Draft) -> None:
    """A scale word ("млн.", "тысяч", "bn"), and the split forms "21 тыс. 62" and "2 млн 300 тыс."."""
    match = _SCALE.match(text, draft.end)
    if match is None:
        return
    form = match.group(1)
    if form in _CURRENCY_SCALES:
        if draft.currency is None:
            return
        factor = _CURRENCY_SCALES[form]
    else:
        factor = _SCALE_FORMS[_phrase_key(form)]
    draft.scale, draft.multiplier, draft.end = form, factor, match.end()
    if draft.decimals == 0:
        _read_split_form(text, draft)


def _read_split_form(text: str, draft: _Draft) -> None:
    total = draft.amount * draft.multiplier
    factor = draft.multiplier
    end = number_end = draft.end
    scale = draft.scale
    while factor > 1:
        scaled = _SPLIT_SCALED.match(text, end)
        if scaled and _SCALE_FORMS[_phrase_key(scaled.group(2))] < factor:
            factor = _SCALE_FORMS[_phrase_key(scaled.group(2))]
            total += int(scaled.group(1)) * factor
            end, number_end, scale = scaled.end(), scaled.end(1), scaled.group(2)
            continue
        if factor == 1000 and (rest := _SPLIT_TAIL.match(text, end)):
            total += int(rest.group(1))
            factor, end, scale = 1, rest.end(), None
            number_end = end
        break
    if end == draft.end:
        return
    # The last written part now sets the precision: "2 млн 300 тыс." is 2300 thousands, "21 тыс. 62" is exact.
    draft.amount, draft.multiplier, draft.scale, draft.end = Fraction(total) / factor, factor, scale, end
    draft.number = text[draft.num_start:number_end]
    draft.plain = False


def _read_range_end(text: str, first: _Draft) -> _Draft | None:
    """The second figure of "2022-2027", "с 0,8 млн до 4,5 млн тонн", "from 10 to 20"."""
    dash = _DASH_RANGE.match(text, first.end)
    connector = dash
    if connector is None:
        connector = _WORD_RANGE.match(text, first.end)
        if connector is None or not _RANGE_OPENER.search(text, max(0, first.start - _LOOKBACK), first.start):
            return None
    number = _NUMBER_AT.match(text, connector.end())
    if number is None:
        return None
    second = _read_core(text, number.start(), number.start(), number.end(), first.currency)
    if second is None or second.kind != "number":
        return None
    if first.looks_like_year and second.plain and len(second.number) == 2:
        # "2024-25": the century is implied
        second.amount = Fraction(int(first.amount) // 100 * 100 + int(second.number))
    if dash and second.amount <= first.amount and first.scale is None and second.scale is None:
        return None  # "2-1", "10-5": not a range
    if not _classify_tail(text, second, first.start):
        return None
    if second.kind == "date" and (second.day is None or not _valid_date(second.year, second.month,
                                                                      int(first.amount))):
        return None
    return second


def _inherit(first: _Draft, second: _Draft) -> None:
    """The first figure of a range takes the kind, unit and (if it has none) the scale of the second."""
    first.kind, first.unit, first.noun = second.kind, second.unit, second.noun
    if first.scale is None and first.multiplier == 1:
        first.scale, first.multiplier = second.scale, second.multiplier
    if second.kind == "date":
        first.year, first.month, first.day = second.year, second.month, int(first.amount)
    if second.lead is not None:
        first.start = second.lead


def _classify_tail(text: str, draft: _Draft, head: int) -> bool:
    """Read what follows the number and decide its kind; False if the digits are not a figure at all."""
    pos = draft.end
    if match := _PERCENT_POINTS.match(text, pos):
        draft.kind, draft.unit, draft.end = "pp", "pp", match.end()
        return True
    if match := _PERCENT.match(text, pos):
        draft.kind, draft.unit, draft.end = "percent", "percent", match.end()
        return True
    if not draft.looks_like_year and _read_times(text, draft, head):
        return True
    if draft.plain and draft.currency is None and _read_day_month(text, draft):
        return True
    if draft.looks_like_year and (match := _YEAR_WORD.match(text, pos)):
        draft.kind, draft.end = "year", match.end()
        return True
    if _read_unit(text, draft):
        return True
    if draft.currency is not None:
        draft.kind = "amount"
        _read_rate(text, draft)
        return True
    if pos < len(text) and text[pos].isalpha():
        return False  # "5G", "3D": part of a name, not a figure
    if draft.looks_like_year and not _counts_not_year(text, draft, head):
        draft.kind = "year"
        return True
    if _read_count_noun(text, draft):
        return True
    draft.kind = "number"
    return True


def _counts_not_year(text: str, draft: _Draft, head: int) -> bool:
    """Whether a number between 1900 and 2100 counts something ("около 2000 вагонов") instead of dating it."""
    lookback = max(0, head - _LOOKBACK)
    if _HEDGE_BEFORE.search(text, lookback, head):
        return True
    if _YEAR_PREPOSITION.search(text, lookback, head):
        return False
    match = _RU_COUNT_WORD.match(text, draft.end)
    return match is not None and match.group(1).endswith(("ов", "ев", "ей"))


def _read_times(text: str, draft: _Draft, head: int) -> bool:
    """ "в 4 раза" (multiple), "шесть раз" (a count of times), "4 times", "4-fold", "4x"."""
    if match := _TIMES_RU.match(text, draft.end):
        before = _V_BEFORE.search(text, max(0, head - 4), head)
        if before:
            draft.kind, draft.unit = "multiple", "times"
            if head == draft.start:
                draft.start = before.start()
            else:
                draft.lead = before.start()
        else:
            draft.kind, draft.noun = "count", match.group(1)
        draft.end = match.end()
        return True
    if match := _TIMES_EN.match(text, draft.end):
        draft.kind, draft.unit, draft.end = "multiple", "times", match.end()
        return True
    return False


def _read_day_month(text: str, draft: _Draft) -> bool:
    """ "4 марта 2025 года", "6 августа", "4 March 2025"."""
    if draft.scale is not None or not 1 <= draft.amount <= 31:
        return False
    month_match = _RU_MONTH_AFTER.match(text, draft.end)
    if month_match:
        month = _WORDS.get(_fold(month_match.group(1)), ("", Fraction(0), None))[1]
        if not month:
            return False
    else:
        month_match = _EN_MONTH_AFTER.match(text, draft.end)
        if month_match is None:
            return False
        month = _english_month(month_match.group(1))
    year_match = _YEAR_AFTER_DAY.match(text, month_match.end())
    year = int(year_match.group(1)) if year_match else None
    if not _valid_date(year, int(month), int(draft.amount)):
        return False
    draft.kind, draft.year, draft.month, draft.day = "date", year, int(month), int(draft.amount)
    draft.end = year_match.end() if year_match else month_match.end()
    return True


def _english_month(word: str) -> int:
    key = _fold(word).rstrip(".")
    return _EN_MONTH_ABBR.get(key) or _EN_MONTHS.index(key) + 1


def _read_unit(text: str, draft: _Draft) -> bool:
    """A unit after the number ("тонн", "км", "долларов США"), then an optional rate ("в год")."""
    match = _UNIT.match(text, draft.end)
    if match is None:
        return False
    form = _phrase_key(match.group(1))
    if form == "m" and draft.currency is not None:
        return False
    unit = _UNIT_FORMS[form]
    if form in _IMPLIED_SCALE_UNITS:
        if draft.scale is not None:
            return False
        draft.multiplier = _IMPLIED_SCALE_UNITS[form][1]
    if draft.currency is not None and unit != draft.currency:
        return False
    draft.end = match.end()
    if unit == "USD" and not form.isascii() and (usa := _USA.match(text, draft.end)):
        draft.end = usa.end()
    draft.unit = unit
    if unit in _TIME_UNITS:
        draft.kind = "duration"
        return True
    draft.kind = "amount"
    _read_rate(text, draft)
    return True


def _read_rate(text: str, draft: _Draft) -> None:
    """ "в год", "per year", "/год", possibly after a few words: "тонн казахстанской нефти в год"."""
    match = _RATE.match(text, draft.end)
    if match is None:
        return
    period = next(group for group in match.groups() if group)
    draft.unit = f"{draft.unit}/{_RATE_PERIODS[period.lower()]}"
    draft.end = match.end()


def _read_count_noun(text: str, draft: _Draft) -> bool:
    """ "287 контейнерных поездов" -> noun "поездов"; "170 documents"; at most one adjective in between."""
    if match := _RU_COUNT_WORD.match(text, draft.end):
        first = match.group(1)
        if not _is_ru_noun(first):
            return False
        noun, end = first, match.end()
        if _RU_ADJECTIVE_END.search(first) and (following := _RU_COUNT_WORD.match(text, end)):
            word = following.group(1)
            if _is_ru_noun(word) and not _RU_ADJECTIVE_END.search(word):
                noun, end = word, following.end()
        draft.kind, draft.noun, draft.end = "count", noun, end
        return True
    if match := _EN_COUNT_WORD.match(text, draft.end):
        first = match.group(1)
        if first in _EN_STOPWORDS or first.endswith("ed"):  # "one said", "two agreed": verbs, not nouns
            return False
        noun, end = first, match.end()
        following = _EN_COUNT_WORD.match(text, end)
        if (following and not first.endswith("s") and following.group(1).endswith("s")
                and following.group(1) not in _EN_STOPWORDS):
            noun, end = following.group(1), following.end()
        draft.kind, draft.noun, draft.end = "count", noun, end
        return True
    return False


def _is_ru_noun(word: str) -> bool:
    return word not in _RU_STOPWORDS and _RU_VERB_END.search(word) is None


def _apply_hedge(text: str, draft: _Draft, floor: int) -> None:
    """ "более", "около", "до", "more than"... just before the figure become part of it."""
    if draft.kind in ("year", "date", "ordinal"):
        return
    lookback = max(floor, draft.start - _LOOKBACK)
    match = _HEDGE_BEFORE.search(text, lookback, draft.start)
    if match is None:
        return
    draft.hedge = _HEDGE_FORMS[_phrase_key(match.group(1).lower())]
    draft.start = match.start()


def _read_digit_date(match: re.Match, order: str) -> _Draft | None:
    """ "2025-03-04" and "04.03.2025"."""
    first, second, third = (int(part) for part in _DIGIT_DATE.fullmatch(match.group()).groups())
    year, month, day = (first, second, third) if order == "ymd" else (third, second, first)
    if not _valid_date(year, month, day):
        return None
    return _Draft(start=match.start(), end=match.end(), number=match.group(), amount=Fraction(0), kind="date",
                  year=year, month=month, day=day)


# ---------------------------------------------------------------------------------------------------------
# Numbers written in words, months, Roman numerals
# ---------------------------------------------------------------------------------------------------------


def _word_draft(text: str, start: int, end: int) -> tuple[str, _Draft]:
    word = text[start:end]
    # Case-insensitive matching can accept letters that lower() does not fold ("ſix"): no figure then.
    kind, value, unit = _WORDS.get(_fold(word), ("", Fraction(0), None))
    draft = _Draft(start=start, end=end, number=word, amount=value, unit=unit,
                   decimals=0 if value.denominator == 1 else 1, num_start=start)
    return kind, draft


def _read_word(text: str, match: re.Match, floor: int) -> list[_Draft]:
    kind, draft = _word_draft(text, match.start(), match.end())
    if not kind:
        return []
    if kind in _MONTH_KINDS:
        return _read_months(text, draft, kind)
    if kind == "mult":
        draft.kind, draft.unit = "multiple", "times"
    elif kind == "dur":
        draft.kind = "duration"
    elif kind == "ord":
        return _single(_read_ordinal_word(text, draft))
    else:
        draft.unit = None
        if not _read_cardinal_words(text, draft):
            return []
    _apply_hedge(text, draft, floor)
    return [draft]


def _read_ordinal_word(text: str, draft: _Draft) -> _Draft | None:
    if draft.number.lower() == "second" and _PER_BEFORE.search(text, max(0, draft.start - 8), draft.start):
        return None  # "per second", "a second": the time unit
    draft.kind = "ordinal"
    if draft.amount <= 31:  # "шестого августа"
        _read_day_month(text, draft)
    return draft


def _read_cardinal_words(text: str, draft: _Draft) -> bool:
    """ "двадцать пять", "twenty-five", "two hundred", then what follows, as for digits."""
    _compose_words(text, draft)
    if draft.kind == "ordinal":
        return True
    if hyphen := _EN_DURATION_HYPHEN.match(text, draft.end):
        draft.end = hyphen.end()
        if hyphen.group(1):
            draft.kind, draft.unit = "duration", hyphen.group(1).lower()
        else:
            draft.kind, draft.unit = "multiple", "times"
        return True
    if draft.amount == 1 and not _one_is_a_number(text, draft):
        return False
    _read_scale(text, draft)
    if not _classify_tail(text, draft, draft.start):
        return False
    # "один", "one" alone is a pronoun far more often than a figure
    return not (draft.amount == 1 and draft.scale is None and draft.kind == "number")


def _one_is_a_number(text: str, draft: _Draft) -> bool:
    if _NOT_ONE_BEFORE.search(text, max(0, draft.start - 8), draft.start):
        return False
    following = _RU_COUNT_WORD.match(text, draft.end) or _EN_COUNT_WORD.match(text, draft.end)
    return following is None or following.group(1) not in _NOT_ONE_NOUNS


def _compose_words(text: str, draft: _Draft) -> None:
    """Adds the following number words that extend this one: "сто двадцать пять", "двадцать первый"."""
    english = draft.number.isascii()
    if english and (hundred := _HUNDRED.match(text, draft.end)) and draft.amount < 10:
        draft.amount *= 100
        draft.end = hundred.end()
    while True:
        place = _free_place(draft.amount)
        if place == 1:
            return
        pattern = _EN_COMPOUND if english else _RU_COMPOUND
        match = pattern.match(text, draft.end)
        if match is None:
            return
        info = _WORDS.get(_fold(match.group(1)))
        if info is None or info[0] not in ("card", "ord") or info[1] >= place or info[1].denominator != 1:
            return
        draft.amount += info[1]
        draft.end = match.end()
        draft.number = text[draft.start:draft.end]
        if info[0] == "ord":
            draft.kind = "ordinal"
            return


def _free_place(value: Fraction) -> int:
    """How far the next word may reach: 100 after "сто", 10 after "двадцать", 1 after "пять" or "десять"."""
    if value.denominator != 1 or 10 <= value % 100 < 20:
        return 1
    place = 1
    number = int(value)
    while number and number % 10 == 0 and place < 100:
        number //= 10
        place *= 10
    return place


def _read_months(text: str, first: _Draft, kind: str) -> list[_Draft]:
    """A month, or a range of months: "с января по август 2025 года", "January-August 2025"."""
    connector = _MONTH_RANGE.match(text, first.end)
    word = _LETTERS.match(text, connector.end()) if connector else None
    if word and _WORDS.get(_fold(word.group()), ("",))[0] == kind:
        second_kind, second = _word_draft(text, word.start(), word.end())
        second = _read_month(text, second, second_kind, in_range=True)
        if second is not None and second.month != int(first.amount):
            first.kind, first.month, first.year = "date", int(first.amount), second.year
            if first.year is not None or _month_stands_alone(text, first):
                return [first, second]
    return _single(_read_month(text, first, kind))


def _month_stands_alone(text: str, draft: _Draft) -> bool:
    """A month without a day or year is a figure only after a preposition: "в сентябре", "in May"."""
    return _MONTH_PREPOSITION.search(text, max(0, draft.start - 16), draft.start) is not None


def _read_month(text: str, draft: _Draft, kind: str, in_range: bool = False) -> _Draft | None:
    """ "в марте 2025 года", "в сентябре", "March 2025", "March 4, 2025"."""
    if kind != "month" and not draft.number[0].isupper():
        return None  # "may", "march" as verbs
    draft.kind, draft.month = "date", int(draft.amount)
    if kind != "month" and (day := _DAY_AFTER_MONTH.match(text, draft.end)):
        year = _YEAR_AFTER_DAY.match(text, day.end())
        year_value = int(year.group(1)) if year else None
        if _valid_date(year_value, draft.month, int(day.group(1))):
            draft.day, draft.year = int(day.group(1)), year_value
            draft.end = year.end() if year else day.end()
            return draft
    year = _YEAR_AFTER_DAY.match(text, draft.end)
    if year and not year.group().startswith(","):
        draft.year, draft.end = int(year.group(1)), year.end()
        return draft
    if kind == "month_abbr" or not (in_range or _month_stands_alone(text, draft)):
        return None
    return draft


def _read_roman(text: str, match: re.Match) -> _Draft | None:
    """ "VII Международного", "XXI века", "World War II"; a lone "I" or "V" only next to Cyrillic."""
    numeral = match.group()
    if not numeral:
        return None
    before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start())
    after = _CAPITALISED_AFTER.match(text, match.end())
    century = _CENTURY_AFTER.match(text, match.end())
    if len(numeral) == 1:
        cyrillic = (after and not after.group(1).isascii()) or (before and not before.group(1)[0].isascii())
        if not (cyrillic or century):
            return None
    elif not (before or after or century):
        return None
    return _Draft(start=match.start(), end=match.end(), number=numeral,
                  amount=Fraction(_roman_value(numeral)), kind="ordinal")


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[char]
        total += -value if following and values[following] > value else value
    return total
