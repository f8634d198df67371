"""One drafted fact per figure (kind, value, measure or share, period, label, quote) and per trend claim."""

from __future__ import annotations

import re
from fractions import Fraction

from bakuastana.draft.measures import carried_measure, measure_for, sentence_measure, share_total, title
from bakuastana.draft.periods import Mention, period_for, period_label
from bakuastana.draft.quotes import quote_span, stored_span
from bakuastana.draft.reading import Reading
from bakuastana.draft.spans import nearest, squash
from bakuastana.draft.values import figure_value
from bakuastana.draft.vocabulary import guarded
from bakuastana.lang import letters
from bakuastana.text.figures import Figure


class Entry:
    """One fact of the draft while it is drafted: its fields so far, where it stands, and its TODOs (a plain
    class: compared by identity, never printed; a dataclass cost ~0.3 ms to make at import)."""

    __slots__ = ("data", "figure", "figure_span", "mention", "quote_span", "todos")

    def __init__(self, data: dict, figure: Figure | None = None) -> None:
        self.data = data
        self.figure = figure
        self.quote_span: tuple[int, int] | None = None
        self.figure_span: tuple[int, int] | None = None  # the text stored as `figure` (the figure, perhaps with a
        # word)
        self.todos: list[str] = []
        self.mention: Mention | None = None  # the period phrase the fact took its period from, when its quote
        # holds it


# How far from a figure (in characters) the words that tell its role are sought: a clause of thousands of
# characters (a pasted table, a list with no commas) is read near each figure, not whole for each.
REACH = 300


def _within_reach(clause: tuple[int, int], figure: Figure) -> tuple[int, int]:
    return max(clause[0], figure.start - REACH), min(clause[1], figure.end + REACH)


def value_entry(reading: Reading, index: int, figure: Figure) -> Entry:
    """The fact of a value figure: an amount, count, percent (a growth or a share), multiple or ordinal."""
    text, words = reading.text, reading.words
    sentence = reading.sentence_of(figure.start)
    clause = _within_reach(sentence.clauses[sentence.clause_of(figure.start)], figure)
    clause_text = text[clause[0]:clause[1]]
    before = text[clause[0]:figure.start]
    position = sentence.clause_of(figure.start)
    # "на долю армянского - 47 %": the clause before may name the share
    window = text[max(sentence.clauses[max(position - 1, 0)][0], clause[0] - REACH):clause[1]]
    share = re.compile(rf"(?<![\w])(?:{words.words('SHARE')})", re.IGNORECASE)
    change = re.compile(rf"(?<![\w])(?:{words.words('CHANGE')})(?![\w])", re.IGNORECASE)
    entry = Entry({}, figure)
    following = _next_word(reading, figure.end) if figure.kind == "ordinal" else None
    kind, value, todos = figure_value(figure, following, words)
    entry.todos += todos
    role = None  # "growth", "share" or None
    if kind == "percent":
        if share.search(clause_text) or (not change.search(clause_text) and share.search(window)):
            role = "share"
        elif change.search(clause_text) or re.search(rf"(?:{words.words('GROWTH_BY')})\s*$", before, re.IGNORECASE):
            role = "growth"
            around = f"{before} {text[figure.end:clause[1]]}"  # the figure's own hedge is no direction ("rose by
            # less than 5%")
            if re.search(rf"(?<![\w])(?:{words.words('DECLINE')})(?![\w])", around,
                         re.IGNORECASE) and not value.startswith("-"):
                value = "-" + value
                entry.data["note"] = "a fall: stated as a negative growth"
        else:
            entry.todos.append("what this percent measures is unclear: add measure (a growth) or share_of")
    elif kind == "multiple":
        role = "growth"
    hedge = figure.hedge
    if hedge == "up_to" and (change.search(before) or re.search(rf"(?<![\w])(?:{words.words('FROM')})\s+[\d]",
                                                                before, re.IGNORECASE)):
        hedge = None  # "вырос с 0,8 до 4,5 млн тонн": "до" is "to", not "up to"
        entry.data["note"] = '"до" read as "to" after a verb of change, not as "up to"'
    measure, how = measure_for(reading, figure, sentence, kind)
    share_of = None
    if role == "share":
        share_of = share_total(reading, figure, sentence) or measure
        measure = None
        if share_of is None:
            entry.todos.append("share of what? set share_of")
    elif how == "carry":
        entry.todos.append("measure guessed from an earlier sentence")
    elif how == "subject":
        entry.todos.append("measure guessed from the subject of the sentence")
    period, mention, period_todo = period_for(reading, index, figure, sentence, role, measure)
    if period_todo:
        entry.todos.append(period_todo)
    if kind == "ordinal" or kind == "duration" or (kind == "percent" and role is None):
        measure = None
    topic = measure or share_of or sentence_measure(reading, sentence) or "general"
    entry.data.update(_common_fields(reading, entry, figure, kind, value, hedge, topic))
    if measure:
        entry.data["measure"] = measure
    if share_of:
        entry.data["share_of"] = share_of
    if period:
        entry.data["period"] = period
    entry.data["label"] = _label(figure, kind, role, measure, share_of, period, clause_text)
    required = [entry.figure_span or (figure.start, figure.end)]
    if mention is not None and sentence.start <= mention.start < sentence.end:
        required.append((mention.start, mention.end))
    entry.quote_span = quote_span(reading, entry.figure_span, sentence, required)
    quote = entry.quote_span
    if period and mention is not None and quote[0] <= mention.start and mention.end <= quote[1]:
        entry.mention = mention
    return entry


def date_entry(reading: Reading, figure: Figure) -> Entry:
    """The fact of a year or date no period phrase took."""
    sentence = reading.sentence_of(figure.start)
    clause_text = reading.text[slice(*sentence.clauses[sentence.clause_of(figure.start)])]
    entry = Entry({}, figure)
    value = str(figure.value)
    kind = "year" if figure.kind == "year" else "date"
    if isinstance(figure.value, Fraction):
        value = str(int(figure.value))
    if kind == "date" and len(value) in (2, 5):  # a month or day without its year
        if reading.published is not None:
            value = f"this_year-{value}"
            entry.todos.append("the year is not written: assumed to be the year of publication")
        else:
            kind, value = "claim", None
            entry.todos.append(f'a date without its year ("{squash(figure.text)}"): set value YYYY-MM(-DD) and '
                               "kind: date")
    topic = sentence_measure(reading, sentence) or "general"
    entry.data.update(_common_fields(reading, entry, figure, kind, value, None, topic))
    entry.data["label"] = _label(figure, kind, None, None, None, None, clause_text)
    required = [entry.figure_span or (figure.start, figure.end)]
    entry.quote_span = quote_span(reading, entry.figure_span, sentence, required)
    return entry


def trend_entries(reading: Reading) -> list[Entry]:
    """A claim per trend phrase ("устойчивый рост", "steady growth"), of the nearest measure's series."""
    words = reading.words
    trend_re = re.compile(guarded(rf"(?P<rising>{words.words('RISING_TREND')})|"
                                  rf"(?P<falling>{words.words('FALLING_TREND')})"), re.IGNORECASE)
    entries = []
    for match in trend_re.finditer(reading.text):
        sentence = reading.sentence_of(match.start())
        trend = "rising" if match.group("rising") else "falling"
        clause = sentence.clauses[sentence.clause_of(match.start())]
        stems = reading.in_sentence(reading.stems, sentence)
        in_clause = [s for s in stems if clause[0] <= s.start < clause[1]]
        best = nearest(in_clause or stems, match.start(), match.end())
        entry = Entry({})
        measure = best.measure if best else carried_measure(reading, sentence)
        if best is None:
            entry.todos.append("set the measure whose series this trend claim is about" if measure is None
                               else "measure guessed from an earlier sentence")
        entry.data = {"id": None, "topic": measure or "general", "label": f"{title(measure) if measure else 'A series'}"
                      f": {trend} year on year (claimed)", "kind": "claim", "trend": trend}
        if measure:
            entry.data["measure"] = measure
        entry.quote_span = quote_span(reading, None, sentence, [(match.start(), match.end())])
        entries.append(entry)
    return entries


def _common_fields(reading: Reading, entry: Entry, figure: Figure, kind: str, value: str | None, hedge: str | None,
                   topic: str) -> dict:
    """id (to come), topic, kind, value, hedge and figure; sets where the stored figure stands."""
    data = {"id": None, "topic": topic}
    if kind != "amount":
        data["kind"] = kind
    if value is not None:
        data["value"] = value
    if hedge:
        data["hedge"] = hedge
    entry.figure_span = stored_span(reading.text, figure)
    if entry.figure_span is not None:
        data["figure"] = squash(reading.text[slice(*entry.figure_span)])
    else:
        entry.todos.append(f'"{squash(figure.text)}" reads differently out of its sentence (a range shares its '
                           "unit or date), so `figure` is left out and check cannot compare it: review by hand")
    return data


def _label(figure: Figure, kind: str, role: str | None, measure: str | None, share_of: str | None,
           period: str | None, clause_text: str) -> str:
    when = f", {period_label(period)}" if period else ""
    if role == "share":
        return f"Share of {title(share_of).lower() if share_of else 'a total'}: {squash(figure.text)}"
    if role == "growth" and measure:
        what = "multiple" if kind == "multiple" else "growth"
        return f"{title(measure)} {what}{when}"
    if measure and kind in ("amount", "count"):
        return f"{title(measure)}{when}"
    excerpt = squash(clause_text).lstrip(" ,;:-–—")
    if len(excerpt) > 70:
        excerpt = excerpt[:67].rsplit(" ", 1)[0] + "..."
    return f"{kind.capitalize()} {squash(figure.text)}: {excerpt}"


def _next_word(reading: Reading, position: int) -> str | None:
    match = re.match(rf"\s+([{letters()}-]+)", reading.text[position:position + 40])
    return match.group(1) if match else None
