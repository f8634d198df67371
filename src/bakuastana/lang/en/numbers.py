"""English numbers in words: cardinals, ordinals, multiples ("tripled", "fivefold"), scale words."""

from __future__ import annotations

from fractions import Fraction

CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
        90: "ninety"}
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth"]
TENS_ORDINALS = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
                 70: "seventieth", 80: "eightieth", 90: "ninetieth", 100: "hundredth"}
MULTIPLE_VERBS = {"doubled": 2, "tripled": 3, "quadrupled": 4}

# After a number, the denominator of a fraction ("two thirds", "two-fifths", "one half"; an ordinal after a cardinal
# is one too: "one fifth"), so the number is no figure of its own. "quarters" only joined by a hyphen
# ("three-quarters"): "three quarters" of a year are nine months.
FRACTION_NOUNS = frozenset((
    "half", "halves", "-quarter", "-quarters",
    *(ordinal + "s" for ordinal in ORDINALS[2:]), *(ordinal + "s" for ordinal in TENS_ORDINALS.values()),
))
# "a third of", "by over a fifth": an ordinal after these is a fraction, unless a word it orders follows ("a third
# term")
FRACTION_ARTICLES = frozenset(("a", "an"))
MINUS_WORDS = frozenset(("minus",))  # "minus 2%": a negative figure
PLUS_WORDS = frozenset(("plus",))  # "plus or minus 2%", "plus-minus": a margin, no sign

SCALES: dict[int, tuple[str, ...]] = {
    1000: ("thousand", "thousands", "thous."),
    10**6: ("million", "millions", "mln", "mn"),
    10**9: ("billion", "billions", "bln", "bn"),
    10**12: ("trillion", "trillions", "trn", "tn"),
}


def number_words(months: dict[str, int], abbreviations: dict[str, int],
                 ) -> tuple[tuple[str, str, Fraction, str | None], ...]:
    """(form, kind, value, unit) for every number word, then the month names and their abbreviations."""
    words: list[tuple[str, str, Fraction, str | None]] = []
    for value, form in enumerate(CARDINALS, start=1):
        words += [(form, "card", Fraction(value), None), (form + "fold", "mult", Fraction(value), None)]
    for value, form in TENS.items():
        words += [(form, "card", Fraction(value), None), (form + "fold", "mult", Fraction(value), None)]
    words += [(form, "ord", Fraction(value), None) for value, form in enumerate(ORDINALS, start=1)]
    words += [(form, "ord", Fraction(value), None) for value, form in TENS_ORDINALS.items()]
    words += [(form, "mult", Fraction(value), None) for form, value in MULTIPLE_VERBS.items()]
    words += [(form, "month_cap", Fraction(month), None) for form, month in months.items()]
    words += [(form, "month_abbr", Fraction(month), None) for form, month in abbreviations.items()]
    return tuple(words)


# The words that may follow another in a compound number ("twenty-five", "twenty-first").
COMPOUND_WORDS = (*CARDINALS[:9], *ORDINALS[:9])
