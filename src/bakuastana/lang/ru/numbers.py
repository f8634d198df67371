"""Russian numbers in words: cardinals, collectives, multiples, ordinals, duration adjectives, scale words."""

from __future__ import annotations

from fractions import Fraction

# Cardinals: value -> every case form (and gender for 1 and 2). "семью" is left out: it is far more often
# "family" than "seven" (instrumental).
CARDINALS = {
    1: "один одна одно одного одной одному одним одном одну",
    2: "два две двух двум двумя", 3: "три трёх трём тремя", 4: "четыре четырёх четырём четырьмя",
    5: "пять пяти пятью", 6: "шесть шести шестью", 7: "семь семи", 8: "восемь восьми восемью восьмью",
    9: "девять девяти девятью", 10: "десять десяти десятью",
    40: "сорок сорока", 90: "девяносто девяноста", 100: "сто ста",
    200: "двести двухсот двумстам двумястами двухстах", 300: "триста трёхсот трёмстам тремястами трёхстах",
    400: "четыреста четырёхсот четырёмстам четырьмястами четырёхстах",
}
TEEN_STEMS = {11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат",
              16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат", 20: "двадцат",
              30: "тридцат"}
TENS = {50: ("пятьдесят", "пятидесяти", "пятьюдесятью"),
        60: ("шестьдесят", "шестидесяти", "шестьюдесятью"),
        70: ("семьдесят", "семидесяти", "семьюдесятью"),
        80: ("восемьдесят", "восьмидесяти", "восемьюдесятью")}
HUNDRED_STEMS = {500: ("пятьсот", "пяти"), 600: ("шестьсот", "шести"), 700: ("семьсот", "семи"),
                 800: ("восемьсот", "восьми"), 900: ("девятьсот", "девяти")}
COLLECTIVES = {2: "двое двоих", 3: "трое троих", 4: "четверо четверых", 5: "пятеро пятерых",
               6: "шестеро шестерых", 7: "семеро семерых", 8: "восьмеро", 9: "девятеро", 10: "десятеро"}
MULTIPLES = {"вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вшестеро": 6, "всемеро": 7,
             "ввосьмеро": 8, "вдевятеро": 9, "вдесятеро": 10}
ORDINAL_STEMS = {1: "перв", 2: "втор", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
                 9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат",
                 14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат",
                 19: "девятнадцат", 20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят",
                 60: "шестидесят", 70: "семидесят", 80: "восьмидесят", 90: "девяност", 100: "сот",
                 1000: "тысячн"}
HARD_ENDINGS = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ую", "ым", "ом", "ых", "ыми")
THIRD = "третий третья третье третьи третьего третьей третьему третьим третьем третьих третьими третью"
SOFT_ENDINGS = ("ий", "яя", "ее", "ие", "его", "ей", "ему", "юю", "им", "ем", "их", "ими")
# "пятилетний", "двухмесячного": a duration written as one adjective
DURATION_PREFIXES = {1: "одно", 2: "двух", 3: "трёх", 4: "четырёх", 5: "пяти", 6: "шести", 7: "семи",
                     8: "восьми", 9: "девяти", 10: "десяти", 15: "пятнадцати", 20: "двадцати",
                     25: "двадцатипяти", 30: "тридцати", 50: "пятидесяти"}
DURATION_STEMS = {"летн": "year", "месячн": "month", "недельн": "week", "дневн": "day"}

# "две трети", "три четверти": after a number, the denominator of a fraction (as an ordinal after a cardinal is:
# "одну пятую", "две пятых"), so the number is no figure of its own
FRACTION_NOUNS = frozenset((
    "треть", "трети", "третью", "третей", "третям", "третями", "третях",
    "четверть", "четверти", "четвертью", "четвертей", "четвертям", "четвертями", "четвертях",
))
MINUS_WORDS = frozenset(("минус",))  # "минус 2%": a negative figure
PLUS_WORDS = frozenset(("плюс",))  # "плюс-минус 2%", "плюс или минус 2%": a margin, no sign

# Scale words are numbers, never SI prefixes: "млн" is a million, not a milli-something.
SCALES: dict[int, tuple[str, ...]] = {
    1000: ("тыс.", "тыс", "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами", "тысячах"),
    10**6: ("млн.", "млн", "миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионы",
            "миллионами", "миллионах"),
    10**9: ("млрд.", "млрд", "миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиарды",
            "миллиардами", "миллиардах"),
    10**12: ("трлн.", "трлн", "триллион", "триллиона", "триллионов", "триллионами", "триллионах"),
}


def number_words(months: list[tuple[str, int]]) -> tuple[tuple[str, str, Fraction, str | None], ...]:
    """(form, kind, value, unit) for every number word, then the month forms given."""
    words: list[tuple[str, str, Fraction, str | None]] = []
    fractions: dict[int | Fraction, Fraction] = {}  # one Fraction per value: ~1,300 forms share ~100 values

    def add(form: str, kind: str, value: int | Fraction, unit: str | None = None) -> None:
        if value not in fractions:
            fractions[value] = Fraction(value)
        words.append((form, kind, fractions[value], unit))

    for value, forms in CARDINALS.items():
        for form in forms.split():
            add(form, "card", value)
    for value, stem in TEEN_STEMS.items():
        for ending in ("ь", "и", "ью"):
            add(stem + ending, "card", value)
    for value, forms in TENS.items():
        for form in forms:
            add(form, "card", value)
    for value, (nominative, oblique) in HUNDRED_STEMS.items():
        add(nominative, "card", value)
        for ending in ("сот", "стам", "стах"):
            add(oblique + ending, "card", value)
    for form in ("полтора", "полторы", "полутора"):
        add(form, "card", Fraction(3, 2))
    for value, forms in COLLECTIVES.items():
        for form in forms.split():
            add(form, "card", value)
    for form, value in MULTIPLES.items():
        add(form, "mult", value)
    for value, stem in ORDINAL_STEMS.items():
        for ending in HARD_ENDINGS:
            add(stem + ending, "ord", value)
    for form in THIRD.split():
        add(form, "ord", 3)
    for value, prefix in DURATION_PREFIXES.items():
        for stem, unit in DURATION_STEMS.items():
            for ending in SOFT_ENDINGS:
                add(prefix + stem + ending, "dur", value, unit)
    for form, month in months:
        add(form, "month", month)
    return tuple(words)

