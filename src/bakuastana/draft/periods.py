"""Period phrases ("в 2024 году", "с января по август 2025 года") in store syntax, and each figure's period."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from bakuastana.draft.spans import nearest, squash
from bakuastana.draft.vocabulary import Vocabulary, month_count_forms, month_forms
from bakuastana.text.figures import Figure, month_number
from bakuastana.text.figures.patterns import fold, lower_is_ignorecase, trie_regex
from bakuastana.text.regexstarts import first_strings, lookahead

if TYPE_CHECKING:
    from bakuastana.draft.reading import Reading
    from bakuastana.draft.sentences import Sentence

_YEAR = r"(?:19|20)\d{2}(?![\d])"
_GUARD_DEPTH = 3  # how many characters the lookahead before the period regex tests
STATIC_MEASURES = ("capacity", "length")  # properties, not flows: a year in their sentence is rarely their period


class Mention(NamedTuple):
    """A phrase naming a period: "в 2024 году", "с января по август 2025 года", "к 2027 году" (a tuple, as the
    draft's other records: cheaper to make at import than a dataclass)."""

    start: int
    end: int
    kind: str
    period: str | None  # the store's syntax; None for "годом ранее" until resolved
    relative: bool = False  # needs source.published
    bound: int | None = None  # the figure right before it, which alone may take it


Arm = str | tuple[str, str]  # a pattern, or what stands (before, after) the month a phrase names


@cache
def _kinds(words: Vocabulary, absent: frozenset[str] = frozenset()) -> tuple[tuple[str, tuple[Arm, ...]], ...]:
    """Every kind of period phrase, most specific first, as its alternatives ("arms"): a pattern, or the patterns
    before and after the month the phrase names ("(?P<m1>...)"), which `_period_regex` writes once for all. The
    month and month-count forms `absent` holds (`_absent`: the text does not) are left out: they match nowhere in
    it."""
    w = words.words
    month = _month(words, absent)
    month_counts = _forms(month_count_forms(), words.month_counts(), absent)
    year_word = rf"(?:\s*(?:{w('YEAR_WORDS')}))?"
    yearish = _yearish(words)
    ordinals = "|".join(words.merged("PART_ORDINALS"))
    return (
        ("months", ((rf"(?:(?:{w('RANGE_OPENERS')}|{w('PERIOD_PREPOSITIONS')})\s+)?",
                     rf"\s*(?:[-–—]|\s(?:{w('MONTH_RANGE_TO')})\s)\s*(?P<m2>{month}),?\s+(?:{yearish})"),)),
        ("first_months", (rf"(?:(?:{w('FIRST_MONTHS_PREPOSITIONS')})\s+)?(?:(?:{w('FIRST')})\s+)?"
                          rf"(?P<n>\d{{1,2}}|{month_counts})\s+(?:{w('MONTHS_OF')})\s+(?:{yearish})",)),
        ("part", (rf"(?:(?:{w('PERIOD_PREPOSITIONS')})\s+)?(?:(?:{w('THE')})\s+)?(?P<part>{ordinals})\w*\s+"
                  rf"(?P<unit>{w('HALF')}|{w('QUARTER')})\w*(?:\s+(?:{w('OF')}))?\s+(?:{yearish})",)),
        ("part_short", (rf"(?<![\w])(?P<unit>{w('HALF_SHORT')}|{w('QUARTER_SHORT')})(?P<part>[1-4])\s+"
                        rf"(?P<y>{_YEAR})",)),
        ("since_now", (rf"(?:{w('SINCE_FROM')})\s+(?P<y>{_YEAR}){year_word}\s+(?:{w('SINCE_UNTIL')})\s+"
                       rf"(?:{w('NOW')})|(?<![\w])(?:{w('SINCE')})\s+(?P<y2>{_YEAR})",)),
        ("years", (rf"(?:(?:{w('RANGE_OPENERS')})\s+)?(?P<y1>{_YEAR}){year_word}\s*"
                   rf"(?:[-–—]|\s(?:{w('YEAR_RANGE_TO')})\s)\s*(?P<y2>{_YEAR}){year_word}",)),
        ("by", (rf"(?<![\w])(?:{w('BY')})\s+(?:(?:{w('END_OF')})\s+)?(?P<y>{_YEAR}){year_word}"
                rf"|(?<![\w])(?:{w('AT_END_OF')})\s+(?P<y2>{_YEAR}){year_word}",)),
        ("day", ((r"(?<![\d])\d{1,2}\s+", rf"(?:,?\s+{_YEAR}{year_word})?"),
                 ("", rf"\s+\d{{1,2}}(?:{w('DAY_SUFFIXES')})?(?:,\s*{_YEAR})?(?![\d])"))),
        ("month", ((rf"(?:(?:{w('PERIOD_PREPOSITIONS')})\s+)?", rf"\s+(?:{yearish})"),)),
        ("same_period", (rf"(?:{w('SAME_PERIOD')})\s+(?:(?:{w('SAME_PERIOD_YEAR_BEFORE')})(?![\w])|"
                         rf"(?:(?:{w('OF')}|{w('PERIOD_PREPOSITIONS')})\s+)?(?P<y>{_YEAR}){year_word})",)),
        ("prev", (w("PREVIOUS_YEAR"),)),
        ("relative", (rf"(?<![\w])(?:{w('RELATIVE_YEAR_ALONE')})",)),
        # the second month as a word that `_period_text` reads as a month or not: a third copy of the month
        # trie would cost its compile
        ("bare_months", ((rf"(?<![\w])(?:{w('MONTH_PREPOSITIONS')})\s+",
                          rf"\s*(?:[-–—]|\s(?:{w('MONTH_RANGE_TO')})\s)\s*(?P<m2>[^\W\d_]+\.?)(?![\w])"),)),
        ("bare_month", ((rf"(?<![\w])(?:{w('MONTH_PREPOSITIONS')})\s+", r"(?![\w])"),)),
    )


@cache
def _yearish(words: Vocabulary) -> str:
    """A year, numbered ("2024 года") or relative ("прошлого года"): the end of four kinds' arms, which
    `_period_regex` writes once for all (as the month)."""
    year_word = rf"(?:\s*(?:{words.words('YEAR_WORDS')}))?"
    return rf"(?P<y>{_YEAR}){year_word}|(?P<rel>{words.words('RELATIVE_YEAR')})"


def _forms(forms: tuple[str, ...], pattern: str, absent: frozenset[str]) -> str:
    """`pattern`, the trie of the folded `forms`, without those `absent` holds."""
    if not any(form in absent for form in forms):
        return pattern
    kept = [form for form in forms if form not in absent]
    return trie_regex(kept) if kept else "(?!)"


def _month(words: Vocabulary, absent: frozenset[str]) -> str:
    """A month's name (an abbreviation's dot too), without the forms `absent` holds."""
    return rf"(?:{_forms(month_forms(), words.months(), absent)})\.?"


def _absent(text: str) -> frozenset[str]:
    """The month and month-count forms (folded) `text` does not hold, compared folded: a match of one cannot
    begin there. None of them where the text has letters other than ASCII and basic Cyrillic (there str.lower's
    equality is not re's). Left out, the same matches, from a smaller regex: the seed's month trie (twice) and
    month counts, ~1.2K characters of the regex's ~5.1K, are ~0.3K (the other languages' forms, and the months
    it does not name)."""
    if not lower_is_ignorecase(text):
        return frozenset()
    folded = fold(text)
    return frozenset(form for form in (*month_forms(), *month_count_forms()) if form not in folded)


def _regex_for(text: str, words: Vocabulary) -> re.Pattern:
    """The period regex for `text`: for a process's first text, without the month forms it does not hold
    (`_absent`); for any later one, the full regex, compiled once (a batch would compile one regex per set of
    month forms its texts hold, each ~5 ms more than the forms left out save)."""
    if _period_regex.cache_info().currsize:
        return _period_regex(words)
    return _period_regex(words, _absent(text))


def _dated(arm: Arm, words: Vocabulary) -> str | None:
    """The arm's last pattern (the one after its month, if it names one) without the year it ends with, or None
    when it does not end with one (`_yearish`)."""
    last, suffix = (arm if isinstance(arm, str) else arm[1]), f"(?:{_yearish(words)})"
    return last.removesuffix(suffix) if last.endswith(suffix) else None


def arm_pattern(arm: Arm, month: str) -> str:
    """One arm as a pattern of its own, the month written in."""
    return arm if isinstance(arm, str) else f"{arm[0]}(?P<m1>{month}){arm[1]}"


@cache
def _period_regex(words: Vocabulary, absent: frozenset[str] = frozenset()) -> re.Pattern:
    """One regex of every kind of period phrase, its arms (`_kinds`) tried in order; arm i is group "a{i}", its
    own groups prefixed "a{i}_" (`_arm_groups` lists them). The arms that name a month stop before it: one
    month pattern follows the alternation (where an arm without a month matched, nothing follows) and each
    such arm's rest after it, tried only where that arm matched; the arms that end with a year (`_yearish`)
    stop before it, and one year pattern ends the regex where one of them matched. A match is the one the plain
    alternation of the arms finds: each arm is still tried whole, month, rest and year, before the next (the
    month trie, ~400 characters, is compiled twice instead of six times; the year, ~200, once instead of four)."""
    month = _month(words, absent)
    stand_in = _month_stand_in(month)
    alternatives, rests, plain, dated, firsts = [], [], [], [], []
    for index, arm in enumerate(arm for _name, arms in _kinds(words, absent) for arm in arms):
        firsts.append(first_strings(arm_pattern(arm, stand_in), _GUARD_DEPTH))
        last = _dated(arm, words)
        if last is None:
            last = arm if isinstance(arm, str) else arm[1]
        else:
            dated.append(index)
        if isinstance(arm, str):
            alternatives.append(f"(?P<a{index}>{_prefixed(last, index)})")
            plain.append(index)
        else:
            alternatives.append(f"(?P<a{index}>{_prefixed(arm[0], index)})")
            rests.append(f"(?(a{index}){_prefixed(last, index)}|(?!))")
    tail = f"(?P<m1>{month})(?:{'|'.join(rests)})"
    for index in reversed(plain):
        tail = f"(?(a{index})|{tail})"
    year, no_year = "(?!)", ""
    for index in reversed(dated):  # the year where a dated arm matched; else nothing
        year, no_year = f"(?(a{index})|{year})", f"(?(a{index})(?!)|{no_year})"
    body = f"(?:{'|'.join(alternatives)}){tail}(?:{year}(?:{_yearish(words)})|{no_year})"
    if any(strings is None for strings in firsts):
        return re.compile(body, re.IGNORECASE)
    # Behind a lookahead of the three characters a phrase can start with: a search tries every arm at each
    # position of the text, and few positions can start one (the same matches, a third of the time; a lookahead
    # per arm, or of one or two characters, costs more than it saves)
    return re.compile(_guard(set().union(*firsts)) + body, re.IGNORECASE)


def _guard(strings: set[tuple[str, ...]]) -> str:
    """A lookahead that passes where one of `strings` (`first_strings`) stands: a test of the first character,
    then `lookahead` of the strings in two halves (by first character), either of which may pass. A position
    that passes the first test tries the branches of one half, after a one-character test of the other, not
    every branch (with IGNORECASE, re tries each branch of an alternation in turn): the same positions pass, in
    a fifth less of the search."""
    counts: dict[str, int] = {}
    for items in strings:
        counts[items[0]] = counts.get(items[0], 0) + 1
    low, seen = set(), 0
    for first in sorted(counts):
        if seen >= len(strings) / 2:
            break
        low.add(first)
        seen += counts[first]
    halves = [part for part in ({items for items in strings if items[0] in low},
                                {items for items in strings if items[0] not in low}) if part]
    return lookahead({items[:1] for items in strings}) + "(?:" + "|".join(lookahead(part) for part in halves) + ")"


def _month_stand_in(month: str) -> str:
    """For reading the arms' first characters (`first_strings`): the month's first `_GUARD_DEPTH` characters as a
    small alternation when every month form is at least that long (an arm then begins as it would with the
    month: nothing after the month is read), else the month itself. The month trie is read once, not once per
    arm that names a month (most of the guard's cost)."""
    starts = first_strings(month, _GUARD_DEPTH)
    if starts is None or any(len(items) < _GUARD_DEPTH for items in starts):
        return month
    return "(?:" + "|".join(sorted("".join(items) for items in starts)) + ")"


def _prefixed(pattern: str, index: int) -> str:
    return pattern.replace("(?P<", f"(?P<a{index}_")


@cache
def _arm_groups(pattern: re.Pattern, words: Vocabulary) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """For each arm's group ("a0"): its kind, and the groups it reads, as named in the regex and as
    `_period_text` reads them (("m1", "m1"), ("y", "y"), ("a0_m2", "m2"), ...)."""
    kinds = [(name, isinstance(arm, tuple), _dated(arm, words) is not None)
             for name, arms in _kinds(words) for arm in arms]
    found = []
    for index, (name, has_month, has_year) in enumerate(kinds):
        inner = [(group, group.removeprefix(f"a{index}_")) for group in pattern.groupindex
                 if group.startswith(f"a{index}_")]
        shared = ((("m1", "m1"),) if has_month else ()) + ((("y", "y"), ("rel", "rel")) if has_year else ())
        found.append((f"a{index}", name, (*shared, *inner)))
    return tuple(found)


def read_match(match: re.Match, words: Vocabulary) -> tuple[str, dict[str, str]]:
    """The kind of a match of `_period_regex` and its groups that matched, as `_period_text` reads them."""
    for arm, name, inner in _arm_groups(match.re, words):
        if match.start(arm) >= 0:
            return name, {key: value for group, key in inner if (value := match.group(group)) is not None}
    raise ValueError(match)


@cache
def _context_regexes(words: Vocabulary) -> tuple[re.Pattern, re.Pattern]:
    """What before a period phrase makes it the base of a comparison: right before a relative year
    ("с аналогичным периодом"), and before "the same period"."""
    return (re.compile(words.words("COMPARISON_BASE"), re.IGNORECASE),
            re.compile(rf"(?:{words.words('COMPARED_TO')}|{words.words('COMPARED_TO_SHORT')})", re.IGNORECASE))


def find_mentions(text: str, figures: list[Figure], words: Vocabulary) -> tuple[Mention, ...]:
    """Every period phrase of the text, and every year figure no phrase holds, in the order they stand."""
    comparison_base, compared_to = _context_regexes(words)
    mentions = []
    for match in _regex_for(text, words).finditer(text):
        name, groups = read_match(match, words)
        period, relative = _period_text(name, groups, match.group(), words)
        if name == "same_period":
            if compared_to.search(text, max(0, match.start() - 40), match.start()):
                continue  # "на 20% больше, чем за аналогичный период прошлого года": a base, read by base_period
            period = groups.get("y")  # a year named ("аналогичного периода 2024 года"), else resolved below
        elif name != "day" and period is None and name != "prev":
            continue
        if name == "relative" and comparison_base.search(text, max(0, match.start() - 30), match.start()):
            continue  # "с аналогичным периодом прошлого года": the base of a comparison, not a period
        mentions.append(Mention(match.start(), match.end(), name, period, relative))
    covered = [(m.start, m.end) for m in mentions]
    for figure in figures:
        if figure.kind == "year" and not any(s <= figure.start and figure.end <= e for s, e in covered):
            mentions.append(Mention(figure.start, figure.end, "year", str(int(figure.value))))
    mentions.sort(key=lambda m: m.start)
    mentions = _resolve_previous(text, mentions)
    mentions = _resolve_same_period(text, mentions)
    return tuple(_bind_to_figures(text, mentions, figures, words))


def _period_text(name: str, groups: dict, phrase: str, words: Vocabulary) -> tuple[str | None, bool]:
    """The store's period syntax for one period phrase, and whether it is relative to publication."""
    year = groups.get("y") or groups.get("y2")
    relative = False
    if groups.get("rel"):
        year, relative = _relative(groups["rel"], words), True
    if name == "months":
        first, last = month_number(groups["m1"]), month_number(groups["m2"])
        if first is None or last is None or last < first or year is None:
            return None, False
        return f"{year}-{first:02d}..{year}-{last:02d}", relative
    if name == "first_months":
        count = groups["n"]
        count = int(count) if count.isdigit() else words.month_count(count)
        if not count or count > 12 or year is None:
            return None, False
        return (f"{year}-01..{year}-{count:02d}" if count > 1 else f"{year}-01"), relative
    if name in ("part", "part_short"):
        part = groups["part"]
        part = int(part) if part.isdigit() else next(value for pattern, value in words.merged("PART_ORDINALS").items()
                                                     if re.match(pattern, part, re.IGNORECASE))
        half = rf"{words.words('HALF')}|{words.words('HALF_SHORT')}"
        size = 6 if re.fullmatch(half, groups["unit"], re.IGNORECASE) else 3
        if part * size > 12 or year is None:
            return None, False
        return f"{year}-{(part - 1) * size + 1:02d}..{year}-{part * size:02d}", relative
    if name == "since_now":
        return f"{year}..", True
    if name == "years":
        first, last = groups["y1"], groups["y2"]
        return (f"{first}..{last}" if int(last) > int(first) else None), False
    if name == "by":
        return f"..{year}", False
    if name == "month":
        month = month_number(groups["m1"])
        return (f"{year}-{month:02d}" if month and year else None), relative
    if name == "relative":
        return _relative(phrase, words), True
    if name == "bare_months":  # "в январе-сентябре" with no year: this year's, as a month alone is
        first, last = month_number(groups["m1"]), month_number(groups["m2"].rstrip("."))
        if first and last is None:  # "в июне-начале июля": the first month, as alone
            return f"this_year-{first:02d}", True
        return (f"this_year-{first:02d}..this_year-{last:02d}" if first and last and last > first else None), True
    if name == "bare_month":
        month = month_number(groups["m1"])
        return (f"this_year-{month:02d}" if month else None), True
    return None, False


def _relative(phrase: str, words: Vocabulary) -> str:
    stems = words.merged("RELATIVE_YEAR_STEMS")
    for word in phrase.lower().split():
        for stem, value in stems.items():
            if word.startswith(stem):
                return value
    return "this_year"


def _resolve_previous(text: str, mentions: list[Mention]) -> list[Mention]:
    """"годом ранее": the year before the latest year named in its sentence (the paragraph, at worst)."""
    resolved = []
    for mention in mentions:
        if mention.kind == "prev":
            window_start = max(text.rfind("\n\n", 0, mention.start), 0)
            years = [int(m.period) for m in mentions if m.kind == "year" and window_start <= m.start < mention.start]
            if years:
                mention = mention._replace(period=str(max(years) - 1))
        resolved.append(mention)
    return resolved


def _resolve_same_period(text: str, mentions: list[Mention]) -> list[Mention]:
    """"за аналогичный период прошлого года", "the same period last year": the months of the latest period named
    before it in its paragraph, a year earlier (or in the year it names); left unresolved (None) when no
    period stands before it."""
    resolved = []
    for mention in mentions:
        if mention.kind == "same_period":
            window_start = max(text.rfind("\n\n", 0, mention.start), 0)
            before = [m for m in resolved if window_start <= m.start and m.end <= mention.start and m.period
                      and m.kind not in ("day", "same_period", "by", "since_now", "years")]
            period = None
            if before:
                latest = before[-1]
                period = (shift_years(latest.period, -1) if mention.period is None
                          else _in_year(latest.period, mention.period))
                mention = mention._replace(period=period, relative=latest.relative and mention.period is None)
            else:
                mention = mention._replace(period=None)
        resolved.append(mention)
    return resolved


def _in_year(period: str, year: str) -> str | None:
    """The months of `period` in another `year` ("2025-01..2025-09" in 2024: "2024-01..2024-09"); None when the
    period spans years."""
    heads = {part.split("-")[0] for part in period.split("..")}
    if len(heads) != 1:
        return None
    return re.sub(r"(?<![\w])(?:(?:19|20)\d{2}|this_year|last_year|next_year)(?![\d])", year, period)


def shift_years(period: str, years: int) -> str | None:
    """A period `years` later (earlier when negative): "2025-01..2025-09" -> "2024-01..2024-09", "this_year" ->
    "last_year"; None when it has no year to shift or a relative year would leave last, this and next year."""
    order = ("last_year", "this_year", "next_year")
    shifted = re.sub(r"(?<![\d])(?:19|20)\d{2}(?![\d])", lambda match: str(int(match.group()) + years), period)
    if shifted != period:
        return shifted
    head = period.split("-")[0]
    if head not in order or not 0 <= order.index(head) + years < len(order):
        return None
    return order[order.index(head) + years] + period[len(head):]


def shift_months(period: str, months: int) -> str | None:
    """A period of whole months `months` later ("2025-10" -> "2025-09" for -1, "2025-04..2025-06" ->
    "2025-01..2025-03" for -3); None for a period that is not written in months of numbered years."""
    parts = period.split("..")
    out = []
    for part in parts:
        found = re.fullmatch(r"((?:19|20)\d{2})-(\d{2})", part)
        if not found:
            return None
        index = int(found.group(1)) * 12 + int(found.group(2)) - 1 + months
        out.append(f"{index // 12}-{index % 12 + 1:02d}")
    return "..".join(out)


def _bind_to_figures(text: str, mentions: list[Mention], figures: list[Figure], words: Vocabulary) -> list[Mention]:
    """A period phrase right after a figure ("0,8 млн тонн в 2023 году") belongs to that figure alone."""
    gap_re = re.compile(rf"\s*(?:(?:{words.words('PERIOD_PREPOSITIONS')})\s+)?", re.IGNORECASE)
    ends = [figure.end for figure in figures]
    bound = []
    for mention in mentions:
        index = bisect.bisect_right(ends, mention.start) - 1
        if index >= 0 and figures[index].kind not in ("year", "date") and mention.kind != "day" and gap_re.fullmatch(
                text[figures[index].end:mention.start]):
            mention = mention._replace(bound=index)
        bound.append(mention)
    return bound


def period_for(reading: Reading, index: int, figure: Figure, sentence: Sentence, role: str | None,
               measure: str | None) -> tuple[str | None, Mention | None, str | None]:
    """The period of a value figure from the period phrases of its sentence, the phrase it came from, and a TODO
    when guessed."""
    if figure.kind in ("duration",):
        return None, None, None
    text = reading.text
    candidates = [m for m in reading.in_sentence(reading.mentions, sentence) if m.kind != "day"
                  and not (m.start <= figure.start and figure.end <= m.end) and m.period is not None]
    mine = [m for m in candidates if m.bound == index]
    candidates = [m for m in candidates if m.bound is None]
    position = sentence.clause_of(figure.start)
    clause = sentence.clauses[position]
    if position and re.match(r"\s*[-–—]", text[clause[0]:clause[1]]):
        clause = (sentence.clauses[position - 1][0], clause[1])  # "в 2022 году - 840 млн долларов"
    in_clause = [m for m in candidates if clause[0] <= m.start < clause[1]]
    everywhere = [m for m in reading.in_sentence(reading.mentions, sentence) if m.kind != "day" and m.period]
    guessed = False
    if mine:
        mention = mine[0]
    elif figure.kind == "ordinal" or measure in STATIC_MEASURES:
        in_clause = [m for m in in_clause if figure.kind == "ordinal" or m.kind == "by"]
        mention = nearest(in_clause, figure.start, figure.end)
    elif role == "growth" and len(in_clause) != 1 and everywhere:
        mention = max(everywhere, key=lambda m: period_end(m.period))  # a growth is dated by its new end
        guessed = len(everywhere) > 1 or not in_clause
    elif in_clause:
        mention = nearest(in_clause, figure.start, figure.end)
    elif candidates:
        preceding = [m for m in candidates if m.end <= figure.start]
        mention = nearest(preceding or candidates, figure.start, figure.end)
        guessed = True
    else:
        mention = None
    if mention is None:
        if measure and measure not in STATIC_MEASURES and role is None and figure.kind in ("amount", "count",
                                                                                            "number"):
            return None, None, "no period found in the sentence: add one if the figure belongs to a series"
        return None, None, None
    period = mention.period
    todo = "period guessed from the sentence" if guessed else None
    start_of_growth = _start_of_growth(reading, index, figure)
    if start_of_growth is not None and start_of_growth == period and re.fullmatch(r"\d{4}", period):
        period = str(int(period) - 1)
        todo = f'period guessed: the start of a growth "с ... до ..." read as the year before {mention.period}'
    if mention.relative and reading.published is None:
        return None, mention, (f'period "{period}" ({squash(text[mention.start:mention.end])}) needs '
                               f"source.published: set it, then add period: {period}")
    return period, mention, todo


def _start_of_growth(reading: Reading, index: int, figure: Figure) -> str | None:
    """For X in "вырос с X до Y", the period Y takes (so X can take the year before)."""
    if index + 1 >= len(reading.figures):
        return None
    text, words = reading.text, reading.words
    following = reading.figures[index + 1]
    gap = text[figure.end:following.start]
    before = text[max(0, figure.start - 4):figure.start]
    if not re.fullmatch(rf"\s*(?:{words.words('GROWTH_TO')})?\s*", gap, re.IGNORECASE) or not re.search(
            rf"(?:{words.words('FROM')})\s+$", before, re.IGNORECASE):
        return None
    sentence = reading.sentence_of(following.start)
    period, _, _ = period_for(reading, index + 1, following, sentence, None, "x")
    return period


def period_label(period: str) -> str:
    """A period as a label writes it: "by 2027", "since 2023", "last year"."""
    if period.startswith(".."):
        return f"by {period[2:]}"
    if period.endswith(".."):
        return f"since {period[:-2]}"
    return period.replace("_", " ")


def period_end(period: str | None) -> tuple:
    """A sort key: the later a period ends, the greater (relative years after written ones)."""
    if not period:
        return (0, "")
    relative = {"last_year": 1, "this_year": 2, "next_year": 3}
    last = period.split("..")[-1] or period.split("..")[0]
    head = last.split("-")[0]
    return (relative.get(head, 0) * 10000 + (int(head) if head.isdigit() else 0), last)


def base_period(reading: Reading, start: int, end: int, period: str | None) -> str | None:
    """The period of the base of a change stated in text[start:end] whose new level has `period`: a period the
    sentence names as the base ("по сравнению с первым кварталом 2025 года"); the month or quarter before
    ("month on month", "по сравнению с предыдущим кварталом"); else the same months a year earlier (a year on
    year change, the default reading of news: "по сравнению с аналогичным периодом прошлого года"). None when it
    has no such shift ("by 2027", "since 2023"). draft/claims.py asks this for every implied base."""
    if not period or period.startswith("..") or period.endswith(".."):
        return None
    text, words = reading.text, reading.words
    sentence = reading.sentence_of(start)
    tail = (start, min(max(end, sentence.end), end + 200))  # the claim and the rest of its sentence
    compared_to = re.compile(words.words("COMPARED_TO"), re.IGNORECASE)
    for mention in reading.in_sentence(reading.mentions, sentence):
        if (tail[0] <= mention.start < tail[1] and mention.period and mention.period != period
                and mention.kind not in ("day", "by", "since_now")
                and compared_to.search(text, max(0, mention.start - 40), mention.start)):
            return mention.period
    named = _part_compared_to(reading, tail, period, compared_to)
    if named is not None:
        return named
    stretch = text[tail[0]:tail[1]]
    if re.search(words.words("PREVIOUS_MONTH"), stretch, re.IGNORECASE):
        return shift_months(period, -1) if re.fullmatch(r"\d{4}-\d{2}", period) else None
    if re.search(words.words("PREVIOUS_QUARTER"), stretch, re.IGNORECASE):
        months = _months_of(period)
        return shift_months(period, -3) if months == 3 else None
    return shift_years(period, -1)


def _part_compared_to(reading: Reading, tail: tuple[int, int], period: str, compared_to: re.Pattern) -> str | None:
    """A quarter or half named as the base with no year ("по сравнению с первым кварталом", "compared with the
    first quarter"): that part of the claim's own year."""
    year = re.match(r"(?:19|20)\d{2}(?![\d])", period)
    if year is None:
        return None
    text, words = reading.text, reading.words
    ordinals = "|".join(words.merged("PART_ORDINALS"))
    part_re = re.compile(rf"(?<![\w])(?P<part>{ordinals})\w*\s+(?P<unit>{words.words('HALF')}|{words.words('QUARTER')})"
                         r"\w*", re.IGNORECASE)
    the = re.compile(rf"(?:{words.words('THE')})\s+$", re.IGNORECASE)
    for match in part_re.finditer(text, *tail):
        before = text[max(0, match.start() - 40):match.start()]
        before = before[:the.search(before).start()] if the.search(before) else before
        if compared_to.search(before):
            named, _ = _period_text("part", {"part": match["part"], "unit": match["unit"], "y": year.group()},
                                    match.group(), words)
            if named and named != period:
                return named
    return None


def _months_of(period: str) -> int | None:
    """How many months a period written in months spans ("2025-04..2025-06": 3), else None."""
    found = re.fullmatch(r"(\d{4})-(\d{2})(?:\.\.(\d{4})-(\d{2}))?", period)
    if not found:
        return None
    if found.group(3) is None:
        return 1
    return (int(found.group(3)) - int(found.group(1))) * 12 + int(found.group(4)) - int(found.group(2)) + 1
