"""The cheaper forms of the figure and period patterns match exactly what the plain forms matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bakuastana.draft.periods as periods
from bakuastana.draft.vocabulary import vocabulary
from bakuastana.lang.lexicon import SP, SPACES
from bakuastana.text.figures import extract_figures
from bakuastana.text.figures.patterns import Lazy, Patterns, fold, patterns_for, trie_regex
from bakuastana.text.figures.units import _number_follows
from bakuastana.text.regexstarts import first_strings, lookahead

DATA = Path(__file__).parent / "data"


def test_sp_matches_the_four_figure_spaces_and_nothing_else():
    spaces = {" ", "\u00a0", "\u202f", "\u2009"}
    assert set(SPACES) == spaces and len(SPACES) == len(spaces)
    for code in range(0x3000 + 1):
        char = chr(code)
        assert (re.fullmatch(SP, char) is not None) == (char in spaces), hex(code)
    assert re.fullmatch(f"1{SP}+195", "1 \u202f\u2009\u00a0195")
    assert re.fullmatch(f"1{SP}+195", "1\t195") is None


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?:(?:с|со)\s+)?(?P<m>ма(?:й|я))", {"с", "м"}),
    (r"\d{1,2}\s+x|y", {r"\d", "y"}),
    (r"(?<![\w])(?:в|во)\s+", {"в"}),
    (r"[-–—]x", {"[-–—]"}),
    (r"x{0,2}y", {"x", "y"}),
    (r"(?:a|b?)c", {"a", "b", "c"}),
    (r"a?", None),  # may match empty
    (r"(?i:a)", None),  # an inline flag
    (r"[^a]b", None),  # a negated class
    (r".b", None),
])
def test_first_characters(pattern, expected):
    found = first_strings(pattern, 1)
    assert (found if found is None else {items[0] for items in found}) == expected
    if expected is not None:
        _assert_guard_keeps_matches(pattern, found)


@pytest.mark.parametrize(("pattern", "depth", "expected"), [
    (r"(?:(?:с|со)\s+)?(?P<m>ма(?:й|я))", 2, {("с", r"\s"), ("с", "о"), ("м", "а")}),
    (r"(?:(?:с|со)\s+)?(?P<m>ма(?:й|я))", 3, {("с", r"\s", r"\s"), ("с", r"\s", "м"), ("с", "о", r"\s"),
                                             ("м", "а", "й"), ("м", "а", "я")}),
    # {1,2} is read as {1,}: more beginnings than there are only make the test pass at more places
    (r"\d{1,2}\s+x|y", 3, {(r"\d", r"\d", r"\d"), (r"\d", r"\d", r"\s"), (r"\d", r"\s", r"\s"),
                            (r"\d", r"\s", "x"), ("y",)}),
    (r"(?<![\w])(?:в|во)\s+", 2, {("в", r"\s"), ("в", "о")}),
    (r"x*y", 2, {("x", "x"), ("x", "y"), ("y",)}),
    (r"(?:ab)+c", 3, {("a", "b", "a"), ("a", "b", "c")}),
    (r"a(?=b)c?", 2, {("a",), ("a", "c")}),
])
def test_first_strings(pattern, depth, expected):
    assert first_strings(pattern, depth) == expected
    _assert_guard_keeps_matches(pattern, expected)


def _assert_guard_keeps_matches(pattern, strings):
    guarded = re.compile(lookahead(strings) + f"(?:{pattern})")
    for text in ("x y", "сó май", "мая", "в 12 y", "-x", "xxy", "bc", "со  мая", "ababc", "ac", "во 1 x"):
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DATA.rglob("*.txt"))]
    texts.append("В Январе–Марте 2025 ГОДА, за Первые Девять Месяцев 2024 г., сянваря по март 2025 года; "
                 "In the First Quarter of 2024, H1 2025, q3 2024, since 2019, by the end of 2027, March 4, 2025, "
                 "в прошлом году, годом ранее, за аналогичный период 2024 года, в июне, 2020-2023 гг.")
    # a month inside a word, ranges that are no period, a day before and after its month, "since ... until now"
    texts.append("5 маяк 2024, 12 мая 2024 года, в мае-июне 2024 года, в мае - в июне, с мая 2023 года по настоящее "
                 "время, May 5th, 2024, Sept. 3, in Sept 2024, in June-May 2024, в 11 месяцах 2024 года, во вторник")
    return texts


def _plain_period_regex(words) -> tuple[re.Pattern, dict[str, list[int]]]:
    """The plain form: one group per kind of the arms `_kinds` lists, each arm whole (its month written in), with
    no lookaheads; and which arms each kind has."""
    month = rf"(?:{words.months()})\.?"
    bodies, arms, index = [], {}, 0
    for name, kind_arms in periods._kinds(words):
        alternatives = []
        for arm in kind_arms:
            alternatives.append(periods.arm_pattern(arm, month).replace("(?P<", f"(?P<a{index}_"))
            arms.setdefault(name, []).append(index)
            index += 1
        bodies.append(f"(?P<p_{name}>{'|'.join(alternatives)})")
    return re.compile("|".join(bodies), re.IGNORECASE), arms


def test_period_regex_finds_what_the_plain_alternation_finds():
    words = vocabulary()
    pattern = periods._period_regex(words)
    plain, arms = _plain_period_regex(words)
    assert "(?=" in pattern.pattern and pattern.pattern.count(words.months()) == 2  # guarded, the month shared
    for text in _texts():
        found = [(m.span(), *periods.read_match(m, words)) for m in pattern.finditer(text)]
        expected = []
        for m in plain.finditer(text):
            name = m.lastgroup.removeprefix("p_")
            groups = {group.split("_", 1)[1]: value for group, value in m.groupdict().items()
                      if value is not None and any(group.startswith(f"a{index}_") for index in arms[name])}
            expected.append((m.span(), name, groups))
        assert found == expected
        assert found


SEED = Path("/work/shared/corpus/kazinform-aliyev-interview.ru.txt")


def _figure_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DATA.rglob("*.txt"))]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    # number words in any case, with ё, inside other words and hyphenated; letters that case-insensitive matching
    # takes for others ("ſix", the rounded "ᲀ"); Roman numerals, codes and currencies
    texts.append("ПЯТЬ, пЯтЬ и Пятьдесят; трёх, ТРЁМ, четырёх, четырех-, пятьсот5, полуторагодовой, Fifteen, "
                 "FIRST, twenty-five, ſix, ᲀосемь, İkİ, Kelvin-K, XIV века, VI съезд, CIVIL, XI-XII вв., AUS$5, "
                 "us$ 7, -USD5, EUR 3, usd 4, 12:30:15, 2024-05-01, 1.2.2024, 5 млн долларов, $5m, ОДИН из, "
                 "one of, сотый, 3-й, вдвое")
    return texts


def _plain_anchor(p: Patterns) -> re.Pattern:
    """The anchor as it was: every form of the table written in, longest first; no lookahead before the arms."""
    words = "|".join(re.escape(word).replace("е", "[её]") for word in sorted(p.words, key=len, reverse=True))
    pattern = p.anchor.pattern
    pattern = pattern[pattern.index("(?:(?P<iso>"):]
    start = pattern.index("(?P<word>")
    end = pattern.index("|(?P<roman>")
    return re.compile(pattern[:start] + r"(?P<word>(?<![\w-])(?:" + words + r")(?![\w]))" + pattern[end:],
                      re.IGNORECASE)


def test_the_number_word_table_holds_words_only_and_no_roman_numeral():
    p = patterns_for()
    assert all(re.fullmatch(r"\w+", word) and not re.fullmatch("[ivxlc]+", word) for word in p.words)


def test_find_anchor_finds_what_the_anchor_with_every_form_found():
    p = patterns_for()
    plain = _plain_anchor(p)
    for text in _figure_texts():
        pos = 0
        while (match := plain.search(text, pos)) is not None:
            found = p.find_anchor(text, pos)
            if match.lastgroup == "word" and fold(match.group()) not in p.words:
                # taken by case-insensitive matching but no form of the table: no figure, and nothing inside
                assert found is None or found.start() >= match.end()
            else:
                assert (found.span(), found.lastgroup) == (match.span(), match.lastgroup)
            pos = match.start() + 1
        assert p.find_anchor(text, pos) is None


def test_extract_figures_reads_what_the_anchor_with_every_form_read(monkeypatch):
    p = patterns_for()
    texts = _figure_texts()
    found = [extract_figures(text) for text in texts]
    plain = _plain_anchor(p)
    monkeypatch.setattr(Patterns, "find_anchor", lambda self, text, pos: plain.search(text, pos))
    assert found == [extract_figures(text) for text in texts]
    assert sum(map(len, found)) > 100


def test_every_pattern_compiled_on_first_use_compiles_as_written():
    p = patterns_for()
    lazy = [value for value in vars(p).values() if isinstance(value, Lazy)]
    for value in vars(p).values():
        items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for item in items:
            lazy.extend(field for field in (item if isinstance(item, tuple) else (item,)) if isinstance(field, Lazy))
    assert len(lazy) >= 10
    for pattern in lazy:
        assert pattern.compiled.pattern == pattern.pattern and pattern.compiled.flags & ~re.UNICODE == pattern.flags


def test_unit_at_finds_what_the_pattern_of_every_form_matched():
    p = patterns_for()
    forms = "|".join(SP.join(re.escape(part) for part in form.split(" ")).replace(SP, SP + "+")
                     for form in sorted(p.unit_forms, key=len, reverse=True))
    plain = re.compile(r"(?:" + SP + r"*|-)(" + forms + r")(?![\w])")
    assert not any(form[0] in " -" for form in p.unit_forms)
    texts = [*_figure_texts(), "5 terabits \u00a0per\u2009 second, 7-км, 8 -км, 9  US\u202fdollars, 10 долл., 11 m³ "
             "12 m3x 13 кВт·ч; 14 куб.  м, 15 т, 16 тонн_, 17 $, 18 US$, 19 метров2, 20 U.S. dollars\n21 км\tм"]
    for text in texts:
        for pos in range(len(text) + 1):
            match = plain.match(text, pos)
            assert p.unit_at(text, pos) == (match and match.span(1)), (text[pos:pos + 30], pos)


def test_hedge_before_finds_what_the_pattern_of_every_form_found():
    p = patterns_for()
    forms = "|".join(SP.join(re.escape(part) for part in form.split(" ")).replace(SP, SP + "+")
                     for form in sorted(p.hedge_forms, key=len, reverse=True))
    plain = re.compile(r"(?<![\w])(" + forms + r")" + SP + r"+$", re.IGNORECASE)
    texts = [*_figure_texts(), "Более 5, НЕ МЕНЕЕ  ЧЕМ 6, не\u00a0более\u2009чем\u202f7, около \n8, около\n9, "
             "неоколо 10, xоколо 11, около5 12, ᲀсего 13, почти всего 14, Just Over 15, at  least\t16, up to  17, "
             "ſome 18, 5около 25, _до 26, чуть более 19, немногим более 20, вплоть до 21, только лишь 22, "
             "всего лишь 23 до 24"]
    for text in texts:
        for head in range(len(text) + 1):
            for lookback in {max(0, head - 32), max(0, head - 12), max(0, head - 4)}:
                match = plain.search(text, lookback, head)
                assert p.hedge_before(text, lookback, head) == (match and match.span(1)), (text[lookback:head], head)


def test_split_forms_are_tried_only_where_they_can_match():
    p = patterns_for()
    texts = [*_figure_texts(), "2 млн 300 тыс., 21 тыс. 62, 5 млн\u00a0\u202f7 тыс., 3 тыс.\t5, 4 млн 1234 тыс."]
    for text in texts:
        for pos in range(len(text) + 1):
            if p.split_scaled.match(text, pos) or p.split_tail.match(text, pos):
                assert _number_follows(text, pos)


def test_month_after_finds_what_the_pattern_of_every_month_matched():
    p = patterns_for()
    months = "|".join([trie_regex(sorted(p.month_forms)), *sorted(p.month_names),
                       "(?:" + "|".join(sorted(p.month_abbreviations)) + r")\.?"])
    plain = re.compile(SP + r"+(" + months + r")(?![\w])")
    texts = [*_figure_texts(), "4 марта, 5 Марта, 6 сентябрё, 7  мая2, 8\u00a0March, 9 MARCH, 10 Sept. 11 Sep.5 "
             "12 Sept, 13 Jan.., 14 Dec._ 15 май_ 16 февраля-марта, 17\nмая, 18 Mayday, 19 May"]
    assert "" not in p.month_forms | p.month_names | p.month_abbreviations
    for text in texts:
        for pos in range(len(text) + 1):
            match = plain.match(text, pos)
            assert p.month_after(text, pos) == (match and match.span(1)), (text[pos:pos + 20], pos)


def test_period_regex_of_a_text_finds_what_the_full_one_finds():
    """The month forms a text does not hold (`_absent`) left out, the period regex finds the same phrases,
    of the same kinds, with the same groups."""
    words = vocabulary()
    full = periods._period_regex(words)
    texts = [*_texts(), *_figure_texts(),
             "In May 2024 and в мае 2024 года; ſince 2019, H1 2025, K-1 in 2020, İn June 2024, ᲀ 2023 году, "
             "the ſame period of 2023, Kelvin K",
             "с января по март 2025 года и с 2019 года по настоящее время; за 9 месяцев 2024 года, Q3 2024"]
    pruned = 0
    for text in texts:
        absent = periods._absent(text)
        pruned += bool(absent)
        pattern = periods._period_regex(words, absent)
        found = [(m.span(), *periods.read_match(m, words)) for m in pattern.finditer(text)]
        assert found == [(m.span(), *periods.read_match(m, words)) for m in full.finditer(text)]
        if absent:
            assert len(pattern.pattern) < len(full.pattern)
    assert pruned >= len(texts) - 2
    assert periods._absent("ſince 2019 в мае") == frozenset() == periods._absent("İn May")


def test_a_process_compiles_the_period_regex_for_its_first_text_alone():
    """After one text, every later text is searched with the full regex (a batch compiles it once, not once per
    set of month forms); the first text's regex leaves out the forms it does not hold."""
    words = vocabulary()
    periods._period_regex.cache_clear()
    first = periods._regex_for("в мае 2024 года", words)
    assert len(first.pattern) < len(periods._period_regex(words).pattern)
    assert periods._regex_for("in June 2024", words) is periods._period_regex(words)
