"""English function words, verbs of change, and which word a number counts."""

from __future__ import annotations

from bakuastana.lang.lexicon import SP

STOPWORDS = frozenset((
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

# Verbs and comparatives of change: a figure beside them is a change, not a level ("rose by 5%").
CHANGE_WORDS = (r"increas\w*|grew|grow\w*|rose|rise\w*|higher|up|down|decreas\w*|declin\w*|fell|drop\w*|lower"
                r"|reduc\w*|rais\w*")
# "N times" is a multiple only in a comparison: after a verb of change ("increased six times", "grew almost 4
# times") or before a comparative ("6 times higher", "three times as much"); else it counts ("visited six times").
TIMES_BEFORE = (r"(?:increas\w*|grew|grow\w*|rose|rise\w*|jump\w*|surg\w*|soar\w*|multipl\w*|expand\w*"
                r"|boost\w*|fell|drop\w*|declin\w*|decreas\w*|shr[ai]nk\w*|shrunk|reduc\w*|slash\w*|outnumber\w*"
                r"|outpac\w*)(?:{SP}+(?:by|almost|nearly|about|around|some|roughly|over|more{SP}+than|just{SP}+over))?"
                ).replace("{SP}", SP)
TIMES_AFTER = (r"more|less|fewer|higher|lower|larger|greater|bigger|smaller|faster|slower|longer|shorter|cheaper"
               r"|dearer|above|below|over|as{SP}+(?:much|many|large|high|big|great|long|fast|often)|that{SP}+of"
               r"|the{SP}+(?:level|amount|number|size|volume|figure|rate)").replace("{SP}", SP)
ID_WORDS = r"ID|Ref\.|ref\.|No\.|Nos\."  # "ID 231641", "No. 17": a label, not a figure
DECLINE_WORDS = r"decreas\w*|declin\w*|fell|drop\w*|lower|less|down"


def counted_noun(first: str, second: str | None) -> int:
    """Which word after a number it counts: "170 documents" the first, "two container trains" the second;
    0 for a verb ("one said", "two agreed") or a function word, so the number is no figure."""
    if first in STOPWORDS or first.endswith("ed"):
        return 0
    if second is not None and not first.endswith("s") and second.endswith("s") and second not in STOPWORDS:
        return 2
    return 1


# Endings that make an adjective or a people of a name ("Azerbaijan" -> "Azerbaijani", "Georgia" -> "Georgian",
# "Kazakh" -> "Kazakhs"): a name written with one of these is a derived form, never a misspelling (T103).
DERIVATION_SUFFIXES = ("i", "is", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish", "s")
