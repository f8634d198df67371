"""The regexes and word tables that read figures, from the lexicons."""

from __future__ import annotations

import re
import sys
from fractions import Fraction
from functools import cache, cached_property
from typing import NamedTuple

from bakuastana.lang import LANGUAGES, lexicon, symbols
from bakuastana.lang.lexicon import SP, SPACES, Lexicon

NumberWord = tuple[str, Fraction, "str | None", int]  # kind, value, unit, index of the lexicon it comes from
MONTH_KINDS = ("month", "month_cap", "month_abbr")
_NEVER = "(?!)"
# A Roman numeral, in capitals only: the anchor's last arm, and tried alone where a word that begins as a number word
# does is none (`Patterns.roman`)
_ROMAN = r"(?P<roman>(?-i:(?<![\w-])(?=[IVXLC]+\b)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w-])))"


def fold(word: str) -> str:
    """Case- and ё-insensitive lookup key."""
    return word.lower().replace("ё", "е")


def _either_e(word: str) -> str:
    """A folded word as a pattern that takes "ё" where it has "е"."""
    return re.escape(word).replace("е", "[её]")


def _word_char(char: str) -> bool:
    r"""Whether `re` takes `char` for \w."""
    return char.isalnum() or char == "_"


# A letter other than ASCII and basic Cyrillic: where a text has none, re's IGNORECASE takes two letters for one
# exactly when str.lower makes them equal (elsewhere it also takes "ſ", the Kelvin sign, "İ" and "ᲀ" for "s", "k",
# "i" and "в")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-zЁА-яё]")


def lower_is_ignorecase(text: str) -> bool:
    """Whether re's IGNORECASE and str.lower equality agree on every letter of `text` (see _OTHER_LETTER)."""
    return text.isascii() or _OTHER_LETTER.search(text) is None


def phrase_key(phrase: str) -> str:
    return " ".join(phrase.split())


def trie_regex(words: list[str]) -> str:
    """An alternation of `words` factored by common prefixes, so matching does not try each word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        # keys are folded (ё -> е), so "е" must match both letters in the text
        branches = [("[её]" if char == "е" else re.escape(char)) + render(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(body) > 1 else body + "?"
        return body

    return render(trie)


def phrase_alternation(phrases: list[str]) -> str:
    """Longest first, with any run of spaces allowed between words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(SP.join(re.escape(part) for part in phrase.split(" ")).replace(SP, SP + "+")
                    for phrase in ordered)


def _either(fragments) -> str:
    """An alternation of the languages' fragments, or a pattern that never matches when none has one."""
    present = [fragment for fragment in fragments if fragment]
    return "|".join(present) if present else _NEVER


def patterns_for(codes: tuple[str, ...] | None = None) -> Patterns:
    """The patterns for the given languages (all registered ones by default), built once per set: `()`, `None`
    and the registry's own tuple are one set, not three."""
    return _patterns(tuple(codes or LANGUAGES))


class Lazy:
    """A pattern compiled where first used, for the readers that few texts reach: `match` and `search` as the
    compiled pattern's."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @cached_property
    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern, self.flags)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.compiled.match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.compiled.search(string, pos, endpos)


class Times(NamedTuple):
    """One language's readers of "N times": the counted word, the preposition that makes it a multiple ("в"),
    the forms that always are one ("-fold"), and the comparison after or the verb before that make one."""

    counted: re.Pattern | None
    preposition: re.Pattern | None
    multiple: re.Pattern | None
    after: Lazy | None
    before: Lazy | None


@cache
def _patterns(codes: tuple[str, ...]) -> Patterns:
    return Patterns(tuple(lexicon(code) for code in codes))


patterns_for.cache_clear = _patterns.cache_clear  # type: ignore[attr-defined]


class Patterns:
    """Every pattern and table the figure reader uses; the words come from `lexicons`, in their order."""

    def __init__(self, lexicons: tuple[Lexicon, ...]) -> None:
        self.lexicons = lexicons
        words = [lex.figure_words for lex in lexicons]
        self._tables(lexicons)
        self._numbers(lexicons, words)
        self._units(lexicons, words)
        self._dates(lexicons, words)
        self._surroundings(lexicons, words)

    @cached_property
    def roman(self) -> re.Pattern:
        """The anchor's Roman numeral arm alone."""
        return re.compile(_ROMAN)

    def find_anchor(self, text: str, pos: int) -> re.Match | None:
        """The first anchor at or after `pos`: where `anchor` finds a word that begins as a number word does but
        is none, the anchor after it (a Roman numeral there, else one further on)."""
        while (match := self.anchor.search(text, pos)) is not None:
            if match.lastgroup != "word" or fold(match.group()) in self.words:
                return match
            if roman := self.roman.match(text, match.start()):
                return roman
            pos = match.start() + 1
        return None

    def unit_at(self, text: str, pos: int) -> tuple[int, int] | None:
        r"""Where the unit form after `pos` stands, past spaces or a hyphen ("5 тонн", "5-тонн"): the longest one
        no letter or digit follows, as (start, end); what `(?:SP*|-)(forms, longest first)(?![\w])` matched,
        read off the table of forms (the ~250 forms written in a pattern cost ~2.5 ms to compile)."""
        start = pos
        while start < len(text) and text[start] in SPACES:
            start += 1
        end = self._longest_unit(text, start)
        if end is None and text.startswith("-", pos):
            start += 1
            end = self._longest_unit(text, start)
        return None if end is None else (start, end)

    def unit_end(self, text: str, start: int) -> int | None:
        """The end of the longest unit form written at `start` itself (no spaces before it), or None."""
        return self._longest_unit(text, start)

    def minus_before(self, text: str, lookback: int, head: int) -> int | None:
        """Where a minus word ("минус", "minus") written right before `head` and spaces starts, not before
        `lookback`; None when there is none, or when it is a margin's ("плюс-минус 2%", "plus or minus 2%",
        "plus/minus")."""
        end = head
        while end > lookback and text[end - 1] in SPACES:
            end -= 1
        left = end
        while left > lookback and _word_char(text[left - 1]):
            left -= 1
        if end == head or left == end or text[left:end].lower() not in self.minus_words:
            return None
        if left > 0 and (_word_char(text[left - 1]) or text[left - 1] in "-/"):
            return None
        before = text[max(0, left - 16):left].lower().split()[-2:]
        if any(word in self.plus_words for word in before):
            return None
        return left

    def word_after(self, text: str, pos: int) -> tuple[str, bool]:
        """The word after `pos` past spaces or one hyphen, folded, and whether a hyphen joins it ("" if none)."""
        hyphen = text.startswith("-", pos)
        start = pos + 1 if hyphen else pos
        if not hyphen:
            while start < len(text) and text[start] in SPACES:
                start += 1
            if start == pos:
                return "", False
        end = start
        while end < len(text) and _word_char(text[end]):
            end += 1
        return fold(text[start:end]), hyphen

    def word_before(self, text: str, pos: int) -> str:
        """The word before `pos` and spaces, folded ("" if none, or if no space parts them)."""
        end = pos
        while end > 0 and text[end - 1] in SPACES:
            end -= 1
        start = end
        while start > 0 and _word_char(text[start - 1]):
            start -= 1
        return fold(text[start:end]) if end < pos else ""

    def _longest_unit(self, text: str, start: int) -> int | None:
        """The end of the longest form of `unit_forms` at `start` that no letter or digit follows, any run of
        spaces standing for one between words."""
        key: list[str] = []  # the text from `start` with its runs of spaces as one, as the forms are written
        ends: list[int] = []  # the end in the text of each character of `key`
        i = start
        while i < len(text) and len(key) < self.unit_length:
            if text[i] in SPACES:
                while i < len(text) and text[i] in SPACES:
                    i += 1
                key.append(" ")
            else:
                key.append(text[i])
                i += 1
            ends.append(i)
        written = "".join(key)
        for length in range(len(written), 0, -1):
            end = ends[length - 1]
            if written[:length] in self.unit_forms and (end == len(text) or not _word_char(text[end])):
                return end
        return None

    def hedge_before(self, text: str, lookback: int, head: int) -> tuple[int, int] | None:
        r"""The hedge written right before `head` and spaces, not before `lookback` ("около 5"), as (start, end):
        what `(?<![\w])(forms)SP+$` searched for between them, case-insensitively, found; read off the table of
        forms, word by word back from the spaces (that pattern cost ~1.5 ms to compile). A word with a letter
        outside ASCII and Russian's is searched for with the pattern (compiled then): re's IGNORECASE takes
        some such letters for others ("ſ" for "s")."""
        last = head - 1 if head > lookback and text[head - 1] == "\n" else head  # "$" stands before a final "\n"
        end = last
        while end > lookback and text[end - 1] in SPACES:
            end -= 1
        if end == last:
            return None
        found = None
        words: list[str] = []
        right = end  # the end of the next word back
        while len(words) < self.hedge_words:
            left = right
            while left > 0 and _word_char(text[left - 1]):
                left -= 1
            word = text[left:right]
            if left < lookback or not word:
                break
            if not lower_is_ignorecase(word):
                match = self.hedge_pattern.search(text, lookback, head)
                return match and match.span(1)
            words.insert(0, word.lower())
            if len(words) == 1 and words[0] not in self.hedge_last_words:
                break
            if " ".join(words) in self.hedge_forms:
                found = (left, end)
            right = left
            while right > lookback and text[right - 1] in SPACES:
                right -= 1
            if right == left:
                break
        return found

    def month_after(self, text: str, pos: int) -> tuple[int, int] | None:
        r"""The month named after `pos` and spaces ("4 марта", "4 March", "4 Sept."), as (start, end): the word
        there when it is one of `month_forms` in lower case ("ё" for "е" too), or of `month_names`, or of
        `month_abbreviations` with its period if it has one; what a pattern `SP+(those)(?![\w])` matched, read
        off the tables (the pattern cost ~0.6 ms to compile)."""
        start = pos
        while start < len(text) and text[start] in SPACES:
            start += 1
        end = start
        while end < len(text) and _word_char(text[end]):
            end += 1
        word = text[start:end]
        if start == pos or not word:
            return None
        if word.replace("ё", "е") in self.month_forms or word in self.month_names:
            return start, end
        if word not in self.month_abbreviations:
            return None
        if text.startswith(".", end) and not (end + 1 < len(text) and _word_char(text[end + 1])):
            end += 1
        return start, end

    def _tables(self, lexicons: tuple[Lexicon, ...]) -> None:
        self.words: dict[str, NumberWord] = {}
        for index, lex in enumerate(lexicons):
            for form, kind, value, unit in lex.number_words:
                for variant in [form, form.replace("ё", "е")] if "ё" in form else [form]:
                    self.words.setdefault(fold(variant), (kind, value, unit, index))
        self.currency_prefixes = {**symbols.CURRENCY_SIGNS, **symbols.CURRENCY_CODES}
        self.currency_scales = symbols.CURRENCY_SCALES
        self.implied_scale_units = {**symbols.IMPLIED_SCALE_UNITS,
                                    **{form: unit for lex in lexicons for form, unit in lex.scaled_units.items()}}
        self.scale_forms = {phrase_key(form): factor for lex in lexicons for factor, forms in lex.scales.items()
                            for form in forms}
        self.unit_forms = {phrase_key(form): unit for table in (symbols.UNITS, *(lex.units for lex in lexicons))
                           for unit, forms in table.items() for form in forms}
        self.unit_forms.update({form: unit for form, (unit, _factor) in self.implied_scale_units.items()})
        self.unit_length = max(map(len, self.unit_forms), default=0)
        self.hedge_forms = {phrase_key(form): hedge for lex in lexicons for hedge, forms in lex.hedges.items()
                            for form in forms}
        self.hedge_last_words = {form.rsplit(" ", 1)[-1].lower() for form in self.hedge_forms}
        self.hedge_words = max((form.count(" ") + 1 for form in self.hedge_forms), default=0)
        self.stopwords = frozenset().union(*(lex.stopwords for lex in lexicons))

    def _numbers(self, lexicons: tuple[Lexicon, ...], words) -> None:
        currency = ("|".join(re.escape(sign) for sign in symbols.CURRENCY_SIGNS) + r"|(?<!\w)(?-i:"
                    + "|".join(symbols.CURRENCY_CODES) + ")" + SP + "?")
        number_body = (r"[0-9]{1,3}(?:" + SP + r"[0-9]{3})+(?![0-9])(?:[.,][0-9]+)*" r"|[0-9]+(?:[.,][0-9]+)*")
        # A number word is found by its first three letters (any word that begins as one does), and the table
        # decides: a word is one when its folded form is a key of `words` (`find_anchor`). The ~1,400 forms
        # written in the pattern cost ~6 ms to compile, for the same figures: a word the table does not know
        # reads as no figure however the pattern matched it (`words.read_word`), and no anchor starts inside it.
        # Grouped by the first letter only: a trie's single-letter alternatives become classes, which re
        # compiles ~10 times slower under IGNORECASE.
        rests: dict[str, set[str]] = {}
        for word in self.words:
            rests.setdefault(word[0], set()).add(word[1:3])
        beginnings = "|".join(_either_e(first) + "(?:" + "|".join(_either_e(rest) for rest in sorted(rest_set)) + ")"
                              for first, rest_set in sorted(rests.items()))
        # Where an anchor may start: a digit, a currency sign, or a letter that begins a word, a code or a numeral
        firsts = {word[0] for word in self.words} | {code[0].lower() for code in symbols.CURRENCY_CODES}
        letters = "".join(sorted(firsts | set("ivxlc") | ({"ё"} if "е" in firsts else set())))
        signs = "".join(sorted({re.escape(sign[0]) for sign in symbols.CURRENCY_SIGNS}))
        self.anchor = re.compile(
            r"(?=[0-9" + signs + r"]|(?<!\w)[" + letters + r"])(?:"
            r"(?P<iso>(?<![\w.,-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\w-]))"
            r"|(?P<dmy>(?<![\w.,])[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}(?![\w]|[.,][0-9]))"
            # a clock time, score or code ("1:2.5" is a ratio, read; four or more separators are always a code);
            # tried only where a run of digits and separators starts (a letter may precede it), and possessive:
            # every end short of the run's is followed by a separator and a digit, so giving back cannot succeed,
            # and a run that is no code is not rescanned from each of its numbers
            r"|(?P<code>(?<![.,0-9])(?<![0-9][:/])[0-9]+"
            r"(?:(?:[:/][0-9]+){4,}+|(?:[:/][0-9]+)++(?![\w]|[.,:/][0-9])))"
            r"|(?P<cur>(?:" + currency + r")(?=[0-9]))"
            r"|(?P<num>(?<![\w.,])(?:" + number_body + r"))"
            r"|(?P<word>(?<![\w-])(?:" + beginnings + r")\w*)"
            r"|" + _ROMAN + ")",
            re.IGNORECASE)
        self.number_at = re.compile(number_body)
        scale_words = phrase_alternation(list(self.scale_forms))
        self.scale = re.compile(SP + r"*(" + scale_words + r"|[kKmMbB])(?![\w])")
        self.split_tail = Lazy(SP + r"+([0-9]{1,3})(?![0-9]|[.,][0-9])")
        self.split_scaled = Lazy(SP + r"+([0-9]{1,3})" + SP + r"*(" + scale_words + r")(?![\w])")
        self.compound = [Lazy(w.compound, re.IGNORECASE) if w.compound else None for w in words]
        self.hundred = [Lazy(w.hundred, re.IGNORECASE) if w.hundred else None for w in words]
        self.duration_hyphen = re.compile(_either(w.duration_hyphen for w in words), re.IGNORECASE)
        self.case_suffix = re.compile(_either(w.case_suffix for w in words))
        self.cardinal_suffix = re.compile(_either(w.cardinal_suffix for w in words))
        self.ordinal_suffix = re.compile(_either(w.ordinal_suffix for w in words))
        self.decade_suffix = re.compile(r"(?:" + _either(w.decade_suffix for w in words) + r")(?![\w])")
        self.duration_suffix = re.compile(r"-(?:" + _either(w.duration_suffix for w in words) + r")(?![\w])")
        self.duration_stems = {stem: unit for w in words for stem, unit in w.duration_stems.items()}
        self.percent_adjective = re.compile(_either(w.percent_adjective for w in words))
        self.percent_points = re.compile(SP + r"*(?:" + _either(w.percent_points for w in words) + r")(?![\w])")
        self.percent = re.compile(SP + r"*(?:%|" + _either(w.percent for w in words) + ")")
        self.times = [Times(re.compile(SP + r"+(" + w.times_counted + r")(?![\w])") if w.times_counted else None,
                            re.compile(r"(?<![\w])(?:" + w.times_preposition + ")" + SP + r"+$", re.IGNORECASE)
                            if w.times_preposition else None,
                            re.compile(w.times_multiple) if w.times_multiple else None,
                            Lazy(SP + r"+(?:" + w.times_after + r")(?![\w])", re.IGNORECASE)
                            if w.times_after else None,
                            Lazy(r"(?<![\w])(?:" + w.times_before + ")" + SP + r"+$", re.IGNORECASE)
                            if w.times_before else None) for w in words]
        self.not_one_before = re.compile(r"(?<![\w])(?:" + _either(w.not_one_before for w in words) + ")" + SP
                                         + r"+$", re.IGNORECASE)
        self.not_one_after = frozenset().union(*(w.not_one_after for w in words))
        self.time_unit_ordinals = frozenset().union(*(w.time_unit_ordinals for w in words))
        self.half_after = Lazy(_either(w.half_after for w in words), re.IGNORECASE)
        self.fraction_nouns = frozenset().union(*(w.fraction_nouns for w in words))
        self.fraction_articles = frozenset().union(*(w.fraction_articles for w in words))
        self.minus_words = frozenset().union(*(w.minus_words for w in words))
        self.plus_words = frozenset().union(*(w.plus_words for w in words))
        self.per_before = Lazy(r"(?:(?<![\w])(?:" + _either(w.per_before for w in words) + ")|[0-9])" + SP
                                     + r"+$", re.IGNORECASE)

    def _units(self, lexicons: tuple[Lexicon, ...], words) -> None:
        self.unit_qualifiers = {phrase_key(form): Lazy(SP + r"+" + re.escape(word) + r"(?![\w])")
                                for w in words for form, word in w.unit_qualifiers.items()}
        letters = "".join(lex.letters for lex in lexicons)
        periods = {k: v for w in words for k, v in w.rate_periods.items()}
        slash = {k: v for w in words for k, v in w.rate_after_slash.items()}
        adverbs = {k: v for w in words for k, v in w.rate_adverbs.items()}
        self.rate_units = {**periods, **slash, **adverbs}
        self.rate = re.compile(
            r"(?:" + SP + r"+(?!(?:" + _either(w.rate_stops for w in words) + r")\b)[" + letters + r"]{2,}){0,3}?"
            + SP + r"+(?:" + _either(w.rate_prepositions for w in words) + ")" + SP + r"+("
            + _either(periods) + r")(?![\w])"
            r"|" + SP + r"*/" + SP + r"*(" + _either(slash) + r")(?![\w])"
            r"|" + SP + r"+(" + _either(adverbs) + r")(?![\w])")
        # What makes the unit after it a rate's denominator ("за тонну", "a barrel", "/kWh"): a "/" with no space
        # about it and "per" always do (`slash`, `always`: what follows must be a unit, else no figure is read), a
        # spaced "/" and "за", "a" only before a unit
        self.rate_unit = Lazy(r"(?P<slash>/)(?!" + SP + r")|" + SP + r"*/" + SP + r"*|" + SP + r"+(?:(?P<always>"
                              + _either(w.rate_always for w in words) + r")|(?:"
                              + _either(w.rate_unit_prepositions for w in words) + r"))" + SP + r"+", re.IGNORECASE)
        self.count_words = [Lazy(SP + r"+([" + lex.letters + r"]+(?:-[" + lex.letters + r"]+)?)(?![\w-])")
                            for lex in lexicons]
        self.counted_nouns = [w.counted_noun for w in words]
        self.counted_plural_endings = [w.counted_plural_endings for w in words]

    def _dates(self, lexicons: tuple[Lexicon, ...], words) -> None:
        self.year_word = re.compile(SP + r"*(" + _either(w.year_words for w in words) + r")(?![\w])")
        # The months `month_after` reads: the forms (folded) of the languages that write months in any case, in
        # lower case; the capitalised names and abbreviations of the others.
        self.month_forms: set[str] = set()
        self.month_names: set[str] = set()
        self.month_abbreviations: set[str] = set()
        for index, lex in enumerate(lexicons):
            if not lex.months_capitalised:
                self.month_forms.update(form for form, (kind, _v, _u, source) in self.words.items()
                                        if kind == "month" and source == index)
                continue
            self.month_names.update(form.capitalize() for form, kind, _v, _u in lex.number_words
                                    if kind == "month_cap")
            self.month_abbreviations.update(form.capitalize() for form, kind, _v, _u in lex.number_words
                                            if kind == "month_abbr")
        year_words = _either(w.year_after_date for w in words)
        self.year_after_day = re.compile(r",?" + SP + r"+((?:19|20)[0-9]{2})(?![\w]|[.,][0-9])"
                                         + (r"(?:" + SP + r"*(?:" + year_words + r"))?" if year_words != _NEVER
                                            else ""))
        self.day_after_month = Lazy(_either(w.day_after_month for w in words))
        letters = "".join(lex.capitals + lex.letters for lex in lexicons)
        self.month_range = re.compile(r"(?:" + SP + r"*[-–—]" + SP + r"*|" + SP + r"+(?:"
                                      + _either(w.month_range for w in words) + ")" + SP + r"+)(?=[" + letters
                                      + "])")
        self.letters = re.compile(r"[^\W\d_]+")
        self.year_preposition = Lazy(r"(?<![\w])(?:" + _either(w.year_prepositions for w in words) + ")"
                                           + SP + r"+$", re.IGNORECASE)
        self.month_preposition = re.compile(r"(?<![\w])(?:" + _either(w.month_prepositions for w in words)
                                            + r")(?:" + SP + r"+|-)$", re.IGNORECASE)
        capitals = "".join(lex.capitals for lex in lexicons)
        self.capitalised_before = re.compile(r"(?<![\w])([" + capitals + r"][\w.]*)" + SP + r"+$")
        self.capitalised_after = re.compile(SP + r"+([" + capitals + r"])")
        self.century_after = re.compile(SP + r"+(?:" + _either(w.century_words for w in words) + r")(?![\w])")

    def _surroundings(self, lexicons: tuple[Lexicon, ...], words) -> None:
        self.hedge_pattern = Lazy(r"(?<![\w])(" + phrase_alternation(list(self.hedge_forms)) + r")" + SP + r"+$",
                                  re.IGNORECASE)
        self.range_opener = Lazy(r"(?<![\w])(?:" + _either(w.range_openers for w in words) + ")" + SP
                                       + r"+$", re.IGNORECASE)
        self.dash_range = re.compile(SP + r"?[-–—‒]" + SP + r"?(?=[0-9])")
        self.code_chain = re.compile(r"[-–][0-9]+[-–][0-9]")
        ids = _either(w.id_words for w in words)
        files = r"\.(?i:pdf|docx?|xlsx?|pptx?|csv|txt|zip|rar|jpe?g|png|gif|html?|xml|json)(?![\w])"
        url_end = r"[^\s<>\"'«»]*[^\s<>\"'«».,;:!?)\]]"  # a URL, without the punctuation after it
        # What holds digits that are no figures, each read only where a quick look finds its mark, so a text
        # without any costs five fast scans: (mark, pattern); a pattern is compiled where first used (most texts
        # have none of them).
        self.not_figures: tuple[tuple[str | re.Pattern, str], ...] = (
            ("://", r"(?:https?|ftp)://" + url_end),
            ("www.", r"(?<![\w/])www\." + url_end),
            ("@", r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # an e-mail address
            (re.compile(files), r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*" + files),  # a file name
            (re.compile(ids), r"(?<![\w])(?:" + ids + r")" + SP + r"*[:#]?" + SP
             + r"*[0-9][0-9-]*(?![\w])"),  # a labelled id: "ID 231641"
        )
        self.word_range = re.compile(SP + r"+(?:" + _either(w.number_range for w in words) + ")" + SP
                                     + r"+(?=[-\u2212]?[0-9])")
