"""The figure extractor fuzzed: generated texts never crash extract, init or check, and figures are read as written.

A fixed seed and a small budget in CI; a longer run with BAKUASTANA_FUZZ_EXAMPLES=100000 (the budget of the
extractor's properties; drafting and checking take a fifth of it). Budgets and findings: docs/robustness.md.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bakuastana.analysis.engine import check
from bakuastana.draft import draft_store
from bakuastana.store.load import parse_store
from bakuastana.text.article import INVISIBLE, Article
from bakuastana.text.figures import extract_figures

EXAMPLES = int(os.environ.get("BAKUASTANA_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
SLOW = settings(FUZZ, max_examples=max(EXAMPLES // 5, 10))

# Pieces of news text in both languages, figures and what surrounds them, and the marks a paste carries.
PIECES = [
    "0", "1", "5", "12", "26", "470", "2024", "1 000", "3,5", "3.5", "0,8", "1,5", "-", "–", "—", ":", "/", ".", ",",
    " ", "  ", "\u00a0", "\n", "\n\n", "%", "$", "€", "USD", "млн", "млрд", "тыс.", "тонн", "долларов", "раз",
    "в", "на", "до", "с", "по", "около", "более", "почти", "свыше", "году", "года", "г.", "гг.", "январе",
    "январь-август", "квартале", "за 9 месяцев", "прошлого года", "million", "bn", "tons", "percent", "fold",
    "times", "more than", "up to", "about", "from", "to", "in", "January", "Jan.", "first", "second", "пять",
    "двух", "третий", "XIV", "I", "(", ")", "«", "»", '"', "Баку", "БТД", "Баку-Тбилиси-Джейхан (БТД)", "Aktau",
    "ID 231641", "https://example.org/a/231641", "№ 5", "+", "x", "k", "m", "-й", "-го", "th",
    "\u200f", "\u200b", "\u0301", "\ufeff", "\u00ad", "\u202e",
]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
MARKS = ["\u200f", "\u200b", "\u0301", "\ufeff", "\u00ad", "\u2060"]

STORE = parse_store("""\
schema: bakuastana.facts/1
source: {outlet: test, published: 2025-10-21}
names:
  - {id: btc, canonical: Баку-Тбилиси-Джейхан, abbreviations: [БТД]}
facts:
  - {id: trade, topic: trade, label: Trade, value: 470 million USD, period: 2024, quote: составил 470 млн долларов}
  - {id: year, topic: cable, label: Year, kind: year, value: 2026, figure: "2026",
     quote: планируют завершить строительство до конца 2026 года}
""", "fuzz.yaml")


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


@FUZZ
@given(TEXTS)
def test_figures_are_ordered_apart_and_read_from_their_own_text(text):
    figures = extract_figures(text)
    previous_end = 0
    for figure in figures:
        assert previous_end <= figure.start < figure.end <= len(text)
        assert figure.text == text[figure.start:figure.end]
        assert _digits(figure.number) in _digits(figure.text)  # the number is one written there, not made up
        previous_end = figure.end


def _readings(text: str) -> list[tuple]:
    return [(f.value, f.kind, f.unit, f.scale, f.hedge, f.multiplier) for f in extract_figures(text)]


@FUZZ
@given(TEXTS, st.lists(st.tuples(st.integers(0, 400), st.sampled_from(MARKS)), max_size=6))
def test_invisible_marks_change_no_reading(text, marks):
    """A text with format or combining marks pasted anywhere reads as the text without them."""
    clean = INVISIBLE.sub("", text)
    marked = clean
    for place, mark in marks:
        place %= len(marked) + 1
        marked = marked[:place] + mark + marked[place:]
    assert _readings(marked) == _readings(clean)


@SLOW
@given(TEXTS)
def test_a_draft_is_made_of_any_text_and_loads(text):
    if not text.strip():
        return
    draft = draft_store(Article("fuzz.txt", text))  # it raises if the draft it made does not load
    assert all(fact["quote"] for fact in draft.facts)


@SLOW
@given(TEXTS)
def test_any_text_is_checked_against_a_store(text):
    report = check(STORE, Article("fuzz.txt", text))
    assert all(finding.code for finding in report.findings)


def test_the_crash_classes_of_issue_15_are_findings_or_read_as_written():
    """A mistyped year where the store has one is a changed figure; marks after digits are read through."""
    report = check(STORE, Article("a.txt", "Стороны планируют завершить строительство до конца 26 года.\n"))
    assert any(finding.code == "P101" and "26 года" in finding.message for finding in report.findings)
    assert _readings("добыча 12\u0301 млн тонн, рост 5\u200f%") == _readings("добыча 12 млн тонн, рост 5%")
    assert [f.value for f in extract_figures("1\u200f000 тонн")] == [1000]


def test_a_draft_of_repeated_figures_has_unique_ids():
    """"amount_1" asked for a fifth time once gave "amount_1_5", the id "1.5" already had: the draft did not load."""
    draft = draft_store(Article("ids.txt", "1:1.5, " * 12 + "\n"))
    ids = [fact["id"] for fact in draft.facts]
    assert len(ids) == len(set(ids)) == 24
