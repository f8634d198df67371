"""Work grows linearly with the text: adversarial texts of n and 4n characters, the work counted, never timed.

The work of a call is the number of lines of bakuastana's own code it runs (a `sys.settrace` counter), so a
nested loop over the text shows as a ratio near 16 (or 64) where a linear pass gives 4. What a regular expression
does inside the C engine is not counted here: `benchmarks/adversarial.py` times every named input and the
patterns are written not to backtrack (see docs/robustness.md).
"""

from __future__ import annotations

import sys
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bakuastana.draft.quotes as quotes
import bakuastana.text.names as names
from bakuastana.analysis.engine import check
from bakuastana.draft import draft_store
from bakuastana.store.load import parse_store
from bakuastana.text.acronyms import find_acronym_slips
from bakuastana.text.article import Article
from bakuastana.text.figures import extract_figures
from bakuastana.text.names import learn_acronyms, near_misses, unlisted_spellings

# n and 4n characters; a linear pass gives a ratio of about 4 (less, with the fixed cost of a call); the bound
# leaves room for n log n and for thresholds (a quote sought among at most MAX_RUNS runs), not for n squared.
SMALL = 300
RATIO = 6.5
PACKAGE = "/bakuastana/"

STORE = parse_store("""\
schema: bakuastana.facts/1
source: {outlet: test, published: 2025-10-21}
names:
  - {id: btc, canonical: Баку-Тбилиси-Джейхан, abbreviations: [БТД]}
facts:
  - {id: trade, topic: trade, label: Trade, value: 470 million USD, period: 2024, quote: составил 470 млн долларов}
""", "linear.yaml")

# Units a text is made of by repetition: each the shape of an input that once took quadratic time or worse.
NAMED = {
    "repeated clauses": "около 5 млн тонн в год, ",
    "acronym definitions left open": "Слово (АБ, ",
    "a code run ending in a decimal": "1:",
    "one long word": "абвгдежзиклмнопрстуф",
    "one long capitalised word": "Жабвгдежзиклмнопрсту",
    "hyphenated capitals": "Ба-",
    "month after month": "январь-",
    "percents in one clause": "5 % ",
    "number words": "пять ",
    "years": "в 2024 году ",
    "abbreviated sentences": "в 2024 г. ",
    "nested parentheses": "(",
    "digit groups": " 000",
}

PIECES = ["около", "5", "млн", "тонн", "в год", ",", " ", "  ", "-", "–", ":", "/", ".", "%", "(", ")", "«", "»",
          "АБ", "БТД", "Баку", "Баку-Тбилиси", "Baku", "KazMunayGas", "КазМунайГаз", "2024", "году", "г.",
          "1 000", "3,5", "пять", "more than", "million", "\n", "\n\n", "январь", "I", "XIV", "$", "\u0301",
          "\u200f", "Жжжжжжжжжжжжжжжжжжжж"]


def work(call, *args) -> int:
    """How many lines of bakuastana's code `call(*args)` runs, plus its peak of memory allocated in units of 64
    bytes (work done inside C, such as building every one-letter deletion of a word, shows there)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if PACKAGE in frame.f_code.co_filename else None

    previous = sys.gettrace()
    tracemalloc.start()
    sys.settrace(calls)
    try:
        call(*args)
    finally:
        sys.settrace(previous)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return count + peak // 64


def text_of(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size] + "\n"


def stage_names(text: str) -> None:
    learn_acronyms(text)
    find_acronym_slips(text, {"БТД", "ОТГ"})
    near_misses(text, {"Баку"})
    unlisted_spellings(text, set())


def stage_init(text: str) -> None:
    draft_store(Article("linear.txt", text))


def stage_check(text: str) -> None:
    check(STORE, Article("linear.txt", text))


STAGES = {"extract": extract_figures, "names": stage_names, "init": stage_init, "check": stage_check}


def ratio(stage, unit: str, size: int = SMALL) -> float:
    stage(text_of(unit, size // 2))  # warm: patterns compiled (the texts measured are new to every cache)
    return work(stage, text_of(unit, 4 * size)) / max(work(stage, text_of(unit, size)), 1)


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("name", NAMED)
def test_named_inputs_take_linear_work(stage, name):
    assert ratio(STAGES[stage], NAMED[name]) <= RATIO


@settings(max_examples=12, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
       stage=st.sampled_from(sorted(STAGES)))
def test_generated_texts_take_linear_work(unit, stage):
    assert ratio(STAGES[stage], unit) <= RATIO


def test_the_count_sees_a_blow_up(monkeypatch):
    """The measure is able to fail: with every run of clauses tried as a quote (the old search), repeated clauses
    cost far more than linear work; with no cap on a name's length, so does a long capitalised word."""
    monkeypatch.setattr(quotes, "MAX_RUNS", 10**9)
    assert ratio(stage_init, NAMED["repeated clauses"], 150) > RATIO
    monkeypatch.setattr(names, "MAX_NAME_LENGTH", 10**9)
    assert ratio(stage_names, NAMED["one long capitalised word"], 150) > RATIO
