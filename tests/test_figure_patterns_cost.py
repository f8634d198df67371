"""The cheaper forms of the figure and period patterns match exactly what the plain forms matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bakuastana.draft.periods as periods
from bakuastana.draft.vocabulary import vocabulary
from bakuastana.lang.lexicon import SP
from bakuastana.text.figures.patterns import first_chars, lookahead

DATA = Path(__file__).parent / "data"


def test_sp_matches_the_four_figure_spaces_and_nothing_else():
    spaces = {" ", "\u00a0", "\u202f", "\u2009"}
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
def test_first_chars(pattern, expected):
    assert first_chars(pattern) == expected
    if expected is not None:
        guarded = re.compile(lookahead(expected) + f"(?:{pattern})")
        for text in ("x y", "сó май", "мая", "в 12 y", "-x", "xxy", "bc"):
            assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "init").glob("*.txt"))]
    texts.append((DATA / "mini_article.ru.txt").read_text(encoding="utf-8"))
    texts.append("В Январе–Марте 2025 ГОДА, за Первые Девять Месяцев 2024 г., сянваря по март 2025 года; "
                 "In the First Quarter of 2024, H1 2025, q3 2024, since 2019, by the end of 2027, March 4, 2025, "
                 "в прошлом году, годом ранее, за аналогичный период 2024 года, в июне, 2020-2023 гг.")
    return texts


def test_period_regex_guards_find_the_same_matches(monkeypatch):
    words = vocabulary()
    guarded = periods._period_regex(words)
    monkeypatch.setattr(periods, "first_chars", lambda pattern: None)
    periods._period_regex.cache_clear()
    try:
        plain = periods._period_regex(words)
    finally:
        periods._period_regex.cache_clear()
    assert plain.pattern != guarded.pattern
    for text in _texts():
        found = [(m.span(), m.lastgroup, m.groupdict()) for m in guarded.finditer(text)]
        assert found == [(m.span(), m.lastgroup, m.groupdict()) for m in plain.finditer(text)]
        assert found
