"""What a figure measures: the nearest measure word in its clause, its sentence, the sentences before."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from bakuastana.draft.ids import slug
from bakuastana.draft.spans import nearest
from bakuastana.draft.values import counted_unit
from bakuastana.draft.vocabulary import Vocabulary
from bakuastana.lang import letters
from bakuastana.text.figures import Figure
from bakuastana.text.regexstarts import first_strings, lookahead

if TYPE_CHECKING:
    from bakuastana.draft.reading import Reading
    from bakuastana.draft.sentences import Sentence

# The measures drafting knows and their titles; the words for each are in `lang/<code>/drafting.py`. Measures are
# what `check` infers relations over, so every figure of one series must get the same one.
MEASURE_TITLES = {
    "trade_turnover": "Trade turnover", "oil_transit": "Oil transit", "cargo": "Cargo volume",
    "investment": "Investment", "exports": "Exports", "imports": "Imports", "production": "Production",
    "supplies": "Supplies", "capacity": "Capacity", "length": "Length", "oil": "Oil volume",
}


class Stem(NamedTuple):
    """A measure word in the text; tier 1 (generic) counts only where no tier-0 word is near (a tuple: a class
    made at import costs a dataclass ~0.5 ms, a NamedTuple ~0.1 ms)."""

    start: int
    end: int
    measure: str
    tier: int


def find_stems(text: str, words: Vocabulary) -> tuple[Stem, ...]:
    r"""Every measure word of the text, in the order they stand: for each (measure, tier) pattern, what
    re.finditer(rf"(?<![\w-])(?:{pattern})", text, re.IGNORECASE) finds, read in one pass of the text
    (`_stems_regex`): a match of a pattern inside the previous match of the same pattern is passed over, as
    finditer passes over it."""
    stems = words.measure_stems()
    found: list[list[Stem]] = [[] for _ in stems]
    for match in _stems_regex(words).finditer(text):
        for index, (measure, tier, _) in enumerate(stems):
            start, end = match.span(f"s{index}")
            if start >= 0 and (not found[index] or start >= found[index][-1].end):
                found[index].append(Stem(start, end, measure, tier))
    return tuple(sorted((stem for each in found for stem in each), key=lambda stem: stem.start))


@cache
def _stems_regex(words: Vocabulary) -> re.Pattern:
    """Every measure pattern at once: an empty match at each place a measure word may start (no letter, digit or
    hyphen before it) where one of the patterns matches, with group "s{i}" holding the match of pattern i
    there. Twelve searches of the whole text, each trying its pattern at every place, cost several times one
    search that stops at the places a word starts (the patterns are compiled once, not behind lookaheads of
    their own; one lookahead of their first characters, `text.regexstarts.first_strings`)."""
    stems = words.measure_stems()
    tries = "".join(f"(?:(?=(?P<s{index}>{pattern}))|)" for index, (_, _, pattern) in enumerate(stems))
    some = "(?!)"
    for index in reversed(range(len(stems))):
        some = f"(?(s{index})|{some})"  # at least one pattern matched here
    # and behind a test of the characters a measure word can begin with: most words begin with none of them
    firsts = [first_strings(pattern, 1) for _, _, pattern in stems]
    guard = "" if any(found is None for found in firsts) else lookahead(set().union(*firsts))
    return re.compile(rf"(?<![\w-]){guard}{tries}{some}", re.IGNORECASE)


def title(measure: str | None) -> str:
    """A measure's title for labels: "Trade turnover"; "Figures" for none."""
    if not measure:
        return "Figures"
    return MEASURE_TITLES.get(measure, measure.replace("_", " ").capitalize())


def measure_for(reading: Reading, figure: Figure, sentence: Sentence, kind: str) -> tuple[str | None, str | None]:
    """The measure a figure belongs to and how it was found: clause, sentence, carry, unit or subject."""
    if kind in ("year", "date", "ordinal", "duration"):
        return None, None
    if kind == "count":
        unit = counted_unit(figure.noun, reading.words)
        if unit:
            return f"{unit}s", "unit"
    clause = sentence.clauses[sentence.clause_of(figure.start)]
    stems = reading.in_sentence(reading.stems, sentence)
    for scope, how in (([s for s in stems if clause[0] <= s.start < clause[1]], "clause"), (stems, "sentence")):
        best = nearest(scope, figure.start, figure.end)
        if best is not None:
            return best.measure, how
    carried = carried_measure(reading, sentence)
    if carried:
        return carried, "carry"
    if kind in ("amount", "number", "count"):
        subject = _subject_noun(reading.text[sentence.start:sentence.end], reading.words)
        if subject:
            return subject, "subject"
    return None, None


def sentence_measure(reading: Reading, sentence: Sentence) -> str | None:
    """The measure of the sentence's first most specific measure word, if any."""
    stems = reading.in_sentence(reading.stems, sentence)
    return min(stems, key=lambda stem: (stem.tier, stem.start)).measure if stems else None


def carried_measure(reading: Reading, sentence: Sentence) -> str | None:
    """The measure of the nearest earlier sentence of the same paragraph that names one."""
    index = reading.sentence_index(sentence)
    for earlier in reversed(reading.sentences[:index]):
        if earlier.paragraph != sentence.paragraph:
            return None
        measure = sentence_measure(reading, earlier)
        if measure:
            return measure
    return None


def share_total(reading: Reading, figure: Figure, sentence: Sentence) -> str | None:
    """What a share is a share of: the measure written right after it ("58 процентов товарооборота"), else
    that of an earlier share in the sentence."""
    after = reading.starting_in(reading.stems, figure.end, figure.end + 3)
    if after:
        return min(after, key=lambda stem: stem.tier).measure
    for other in reading.starting_in(reading.figures, sentence.start, figure.start - 1):
        if other.kind == "percent":
            earlier = reading.starting_in(reading.stems, other.end, other.end + 3)
            if earlier:
                return earlier[0].measure
    return None


# A sentence's subject is sought among its first characters only: a sentence of thousands of characters is
# not read whole again for each of its figures.
SUBJECT_REACH = 300


def _subject_noun(sentence: str, words: Vocabulary) -> str | None:
    """A crude subject: the first word that is neither a function word, an adjective, a verb nor a generic noun."""
    skipped = words.stopwords() | words.merged_set("GENERIC_NOUNS")
    adjective = re.compile(rf"(?:{words.words('ADJECTIVE_ENDING')})$")
    verb = re.compile(rf"(?:{words.words('VERB_ENDING')})$")
    for word in re.findall(rf"[{letters()}]{{4,}}", sentence[:SUBJECT_REACH]):
        lowered = word.lower()
        if lowered in skipped or adjective.search(lowered):
            continue
        # a capitalised word is a name, not the subject noun (this read "and is not the sentence's first word"
        # by identity, `word is not sentence.split()[0]`, which always held and cost the sentence's length)
        if verb.search(lowered) or word[0].isupper():
            continue
        stem = re.sub(rf"(?:{words.words('NOUN_ENDING')})$", "", lowered)
        subject = slug(stem, words)
        if len(subject) >= 3:
            return subject
    return None
