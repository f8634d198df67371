"""English function words, verbs of change, and which word a number counts."""

from __future__ import annotations

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
DECLINE_WORDS = r"decreas\w*|declin\w*|fell|drop\w*|lower|less|down"


def counted_noun(first: str, second: str | None) -> int:
    """Which word after a number it counts: "170 documents" the first, "two container trains" the second;
    0 for a verb ("one said", "two agreed") or a function word, so the number is no figure."""
    if first in STOPWORDS or first.endswith("ed"):
        return 0
    if second is not None and not first.endswith("s") and second.endswith("s") and second not in STOPWORDS:
        return 2
    return 1
