"""English: number, unit, month and hedge words, function words and sentence splitting."""

from __future__ import annotations

from bakuastana.lang.en import dates, hedges, numbers, units, words
from bakuastana.lang.lexicon import SP, FigureWords, Lexicon, rate_words

FIGURE_WORDS = FigureWords(
    percent=rf"per{SP}?cent(?![\w])|pct(?![\w])",
    percent_points=rf"percentage{SP}+points?|p\.p\.|pp",
    times_counted="times",
    times_multiple=rf"(?:{SP}+|-)folds?(?![\w])|x(?![\w])",
    times_after=words.TIMES_AFTER,
    times_before=words.TIMES_BEFORE,
    ordinal_suffix=r"(?:st|nd|rd|th)(?![\w])",
    decade_suffix="s|'s",
    duration_suffix="(year|month|week|day)s?(?:-old)?",
    duration_stems={"year": "year", "month": "month", "week": "week", "day": "day"},
    duration_hyphen=rf"-(year|month|week|day)s?(?:-old)?(?![\w])|(?:-|{SP}+)folds?(?![\w])",
    compound=rf"(?:{SP}+|-)(" + "|".join(numbers.COMPOUND_WORDS) + r")(?![\w])",
    hundred=rf"{SP}+hundred(?![\w])",
    day_after_month=rf"{SP}+([0-9]{{1,2}})(?:st|nd|rd|th)?(?![\w]|[.,][0-9])",
    month_range="to|through|until",
    number_range="to|and",
    range_openers="from|between",
    year_prepositions=dates.YEAR_PREPOSITIONS,
    month_prepositions=dates.MONTH_PREPOSITIONS,
    not_one_before="no|the|any|every|each|this|that",
    not_one_after=frozenset({"hand", "another"}),
    minus_words=numbers.MINUS_WORDS,
    plus_words=numbers.PLUS_WORDS,
    half_after=rf"{SP}+and{SP}+a{SP}+half(?![\w])",
    fraction_nouns=numbers.FRACTION_NOUNS,
    fraction_articles=numbers.FRACTION_ARTICLES,
    time_unit_ordinals=frozenset({"second"}),
    per_before="per|a|one",
    century_words=dates.CENTURY_WORDS,
    **rate_words(units),
    id_words=words.ID_WORDS,
    decimal_mark=".",
    counted_noun=words.counted_noun,
)

LEXICON = Lexicon(
    code="en",
    name="English",
    alphabet="abcdefghijklmnopqrstuvwxyz",
    letters="a-z",
    capitals="A-Z",
    number_words=numbers.number_words(dates.MONTHS, dates.MONTH_ABBREVIATIONS),
    months_capitalised=True,
    scales=numbers.SCALES,
    units=units.UNITS,
    hedges=hedges.HEDGES,
    stopwords=words.STOPWORDS,
    figure_words=FIGURE_WORDS,
    derivation_suffixes=words.DERIVATION_SUFFIXES,
    scaled_units=units.SCALED_UNITS,
)
