"""Russian: number, unit, month and hedge words, function words, sentence splitting and morphology."""

from __future__ import annotations

from bakuastana.lang.lexicon import SP, FigureWords, Lexicon, rate_words
from bakuastana.lang.ru import dates, hedges, numbers, units, words

FIGURE_WORDS = FigureWords(
    percent=r"процент(?:а|ов|ы|ом|ам|ами|ах|е)?(?![\w])",
    percent_points=rf"п\.{SP}?п\.|процентн(?:ых|ого|ый|ые|ым|ыми){SP}+пункт(?:а|ов|ы|ом|ами|ах)?",
    percent_adjective=r"-процентн[а-яё]*(?![\w])",
    times_counted="раза|раз",
    times_preposition="во?",
    year_words=dates.YEAR_WORDS,
    year_after_date=dates.YEAR_AFTER_DATE,
    case_suffix=r"-(?:ого|ому|го|му|ом|ым|ый|ий|ой|м|й|ая|я|ое|е|ую|ю|ые|ых|ыми)(?![\w])",
    cardinal_suffix=r"-(?:ти|ми|ух|ёх|ех|х)(?![\w])",
    decade_suffix="-х",
    duration_suffix="(" + "|".join(numbers.DURATION_STEMS) + ")[а-яё]*",
    duration_stems=numbers.DURATION_STEMS,
    compound=rf"{SP}+([а-яё]+)(?![\w])",
    month_range="по|до",
    number_range="до|по|и",
    range_openers="с|со|от|между",
    year_prepositions=dates.YEAR_PREPOSITIONS,
    month_prepositions=dates.MONTH_PREPOSITIONS,
    not_one_before="ни",
    not_one_after=frozenset({"стороны"}),
    minus_words=numbers.MINUS_WORDS,
    plus_words=numbers.PLUS_WORDS,
    half_after=rf"{SP}+с{SP}+половиной(?![\w])",
    fraction_nouns=numbers.FRACTION_NOUNS,
    century_words=dates.CENTURY_WORDS,
    **rate_words(units),
    id_words="№",  # "Указ № 231": a label, not a figure
    decimal_mark=",",
    unit_qualifiers=units.UNIT_QUALIFIERS,
    counted_plural_endings=("ов", "ев", "ей"),
    counted_noun=words.counted_noun,
)

LEXICON = Lexicon(
    code="ru",
    name="Russian",
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    letters="а-яё",
    capitals="А-ЯЁ",
    number_words=numbers.number_words(dates.MONTHS),
    months_capitalised=False,
    scales=numbers.SCALES,
    units=units.UNITS,
    hedges=hedges.HEDGES,
    stopwords=words.STOPWORDS,
    figure_words=FIGURE_WORDS,
    morphology="bakuastana.lang.ru.morphology",
    inflected_ending=3,
    spelling_variants={"ё": "е", "Ё": "Е"},
    derivation_suffixes=words.DERIVATION_SUFFIXES,
)
