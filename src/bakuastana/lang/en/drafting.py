"""What `init` reads in English text: measure words, period phrases, words of change, shares and trends, names."""

from __future__ import annotations

from bakuastana.lang.en import words

# What a figure measures: (measure, tier, pattern). Tier 1 (generic) counts only where no tier-0 stem matches.
MEASURE_STEMS: tuple[tuple[str, int, str], ...] = (
    ("trade_turnover", 0, r"trade\s+turnover|bilateral\s+trade"),
    ("oil_transit", 0, r"oil\s+transit|transit\s+of\s+(?:\w+\s+)?oil"),
    ("cargo", 0, r"cargo|freight"),
    ("investment", 0, r"investment\w*"),
    ("exports", 0, r"exports?(?![\w-])"),
    ("imports", 0, r"imports?(?![\w-])"),
    ("production", 0, r"production|output"),
    ("supplies", 0, r"supplies|deliveries|supplied|delivered"),
    ("capacity", 0, r"capacity"),
    ("length", 0, r"length"),
    ("oil", 1, r"(?<![\w-])oil(?![\w-])"),
    ("trade_turnover", 1, r"(?<![\w-])trade(?![\w-])"),
)

# Period phrases: each a regular-expression alternation of this language's words ("" where it has none).
YEAR_WORDS = ""
RELATIVE_YEAR = r"this\s+year|last\s+year"  # after a month: "in March this year"
RELATIVE_YEAR_ALONE = r"(?:last|this|next)\s+year"
RELATIVE_YEAR_STEMS = {"last": "last_year", "this": "this_year", "next": "next_year"}
PREVIOUS_YEAR = r"a\s+year\s+(?:earlier|before)|in\s+the\s+previous\s+year"
COMPARISON_BASE = ""
# "the same period last year": the months just named, a year earlier ("the same period of 2024")
SAME_PERIOD = r"(?:the\s+)?(?:same|corresponding|like|comparable)\s+period"
SAME_PERIOD_YEAR_BEFORE = (r"(?:(?:of|in)\s+)?(?:last\s+year|the\s+(?:previous|prior|preceding)\s+year"
                           r"|a\s+year\s+(?:earlier|ago|before))")
# Before a period phrase, these make it the base of a comparison, not the period of the figures around it.
COMPARED_TO = (r"(?<![\w])(?:than|compared\s+(?:with|to)|from|over|versus|vs\.?|against|on|relative\s+to)"
               r"\s+(?:(?:in|for|during)\s+)?$")
COMPARED_TO_SHORT = ""
# A change against the month or quarter before ("month on month", "from the previous quarter").
PREVIOUS_MONTH = (r"month[\s-]+(?:on|over)[\s-]+month|m/m|(?:the\s+)?(?:previous|prior|preceding)\s+month"
                  r"|a\s+month\s+(?:earlier|before|ago)")
PREVIOUS_QUARTER = (r"quarter[\s-]+(?:on|over)[\s-]+quarter|q/q|(?:the\s+)?(?:previous|prior|preceding)\s+quarter"
                    r"|a\s+quarter\s+(?:earlier|before|ago)")
RANGE_OPENERS = r"from|between"
MONTH_RANGE_TO = r"to|through|until|and"
YEAR_RANGE_TO = r"to|and|through"
PERIOD_PREPOSITIONS = r"in|for"
MONTH_PREPOSITIONS = r"in"
FIRST_MONTHS_PREPOSITIONS = ""
FIRST = r"first"
MONTHS_OF = r"months\s+of"  # "the first nine months of 2025"
THE = r"the"
PART_ORDINALS = {r"first": 1, r"second": 2, r"third": 3, r"fourth": 4}  # "the first half of 2024"
HALF = r"half"
QUARTER = r"quarter"
OF = r"of"
HALF_SHORT = r"H"  # "H1 2024"
QUARTER_SHORT = r"Q"  # "Q3 2025"
SINCE_FROM = ""
SINCE_UNTIL = ""
NOW = ""
SINCE = r"since"
BY = r"by|until"
END_OF = r"the\s+end\s+of"
AT_END_OF = ""
DAY_SUFFIXES = r"st|nd|rd|th"  # "March 5th"

# Change, growth and shares.
FROM = r"from"
GROWTH_TO = r"to"
GROWTH_BY = r"by"
CHANGE = words.CHANGE_WORDS  # "rose": a figure beside them is a change
DECLINE = words.DECLINE_WORDS
SHARE = r"share\w*|accounted\s+for|accounts\s+for"
RISING_TREND = (r"steady\s+(?:growth|increase|rise)"
                r"|grow\w*\s+(?:steadily|year\s+(?:after|on)\s+year|every\s+year)")
FALLING_TREND = r"steady\s+(?:decline|decrease|fall)"

# Sentences, subjects and names.
ABBREVIATIONS = r"Mr|Dr|St|vs"
AUTHOR = r"Author|By"
ADJECTIVE_ENDING = ""
VERB_ENDING = ""
NOUN_ENDING = r"s"
PLURAL_ENDING = r"s"  # "trains": the unit "train"
GENERIC_NOUNS: frozenset[str] = frozenset()
TRANSLITERATION: dict[str, str] = {}


def canonical_name(phrase: str) -> str:
    """A name as written: English names do not decline."""
    return phrase
