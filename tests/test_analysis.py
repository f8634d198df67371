"""The analysis core (bakuastana.analysis.check): loaded objects in, a report out; no IO, no forking, no
collector switching, the store left as it was, and the shared analysis immutable."""

from __future__ import annotations

import dataclasses
import gc
import io
import json
import os
import pathlib

import pytest

import bakuastana.analysis as analysis
from bakuastana.analysis.engine import CheckOptions, analyse
from bakuastana.store.load import parse_store
from bakuastana.text.article import Article
from conftest import ROOT, seed_article_path

STORE = """\
facts:
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: 470 million USD
    figure: 470 млн. долларов
    period: 2024
    measure: trade
    quote: товарооборот в 2024 году составил 470 млн. долларов
  - id: trade_2024_janaug
    topic: trade
    label: Trade Jan-Aug 2024
    value: 390 million USD
    figure: 390 млн. долларов
    period: 2024-01..2024-08
    measure: trade
    quote: за восемь месяцев 390 млн. долларов
  - id: trade_growth
    topic: trade
    label: Trade growth 2024
    value: 50 %
    figure: 50%
    quote: рост на 50%
derived:
  - id: trade_2023_implied
    topic: trade
    label: 2023 trade implied by the growth
    expr: trade_2024 / (1 + trade_growth)
    unit: million USD
relations:
  - id: base_below
    label: The implied 2023 base is below 2024
    check: trade_2023_implied < trade_2024
"""
ARTICLE = "Товарооборот в 2024 году составил 407 млн. долларов, рост на 50%. За восемь месяцев 390 млн. долларов.\n"


def _forbidden(*args, **kwargs):
    raise AssertionError("the analysis core did IO, forked or switched the collector")


def test_check_takes_loaded_objects_and_does_no_io(monkeypatch):
    analysis.check(parse_store(STORE), Article("draft.txt", ARTICLE))  # imports and their data files, once
    store, article = parse_store(STORE), Article("draft.txt", ARTICLE)
    relations_before = list(store.relations)
    for target, name in [(io, "open"), (pathlib.Path, "open"), (pathlib.Path, "read_text"), (pathlib.Path, "exists"),
                         (os, "fork"), (gc, "disable"), (gc, "enable")]:
        monkeypatch.setattr(target, name, _forbidden)
    monkeypatch.setattr("builtins.open", _forbidden)
    report = analysis.check(store, article, analysis.CheckOptions())
    monkeypatch.undo()
    codes = {finding.code for finding in report.findings}
    assert {"P101", "N101", "C103"} <= codes, codes  # the draft's 407 is read, values computed, relations judged
    assert store.relations == relations_before  # inferred relations live in the analysis, not the store
    assert report.relations > len(store.relations)  # ... and are counted (Jan-Aug within the year)


def test_the_analysis_is_frozen_and_shared_by_every_rule():
    store = parse_store(STORE)
    result = analyse(store, Article("draft.txt", ARTICLE), CheckOptions())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.relations = ()  # type: ignore[misc]
    assert result.readings["trade_2024"].status == "changed"
    assert result.env.overrides  # the values are the draft's
    assert len(result.relation_results) == len(result.relations)
    assert analyse(store, None, CheckOptions(select=frozenset({"N"}))).relation_results is None  # not needed


def test_check_of_the_seed_store_is_the_commands_json(cli):
    from bakuastana.store.load import load_store

    article = seed_article_path()
    cases = [[], ["--article", str(article)]] if article is not None else [[]]
    for extra in cases:
        result = cli("check", "--json", "--facts", str(ROOT / "facts.yaml"), *extra)
        loaded = Article(str(article), article.read_text(encoding="utf-8")) if extra else None
        report = analysis.check(load_store(ROOT / "facts.yaml"), loaded)
        assert json.loads(result.out) == json.loads(json.dumps(report.to_dict(), ensure_ascii=False))


def test_relation_rules_judge_on_their_own_when_the_analysis_was_made_without_them():
    from bakuastana.rules import c101, c103

    store = parse_store(STORE)
    without = analyse(store, None, CheckOptions(select=frozenset({"N"})))
    full = analyse(store, None, CheckOptions())
    for rule in (c101.RULE, c103.RULE):
        assert [f.to_dict() for f in rule.check(without)] == [f.to_dict() for f in rule.check(full)]
    assert list(c103.RULE.check(full))  # the relation holds as written


def test_the_librarys_data_types_compare_and_print_as_data():
    """Findings, reports, options, rules and settings are what a library user holds: they compare by value and
    print their fields (only internal records skip the generated __eq__ and __repr__, for start-up time)."""
    from dataclasses import replace

    from bakuastana.analysis.engine import CheckOptions, Report
    from bakuastana.cli.config import Settings
    from bakuastana.draft.draft import Draft
    from bakuastana.findings import Finding, Location
    from bakuastana.rules import RULES
    from bakuastana.rules.rule import Example, Rule

    for kind in (CheckOptions, Report, Settings, Draft, Finding, Location, Example, Rule):
        assert "__eq__" in vars(kind) and "__repr__" in vars(kind), kind
    rule = next(iter(RULES.values()))
    assert replace(rule) == rule and repr(rule).startswith("Rule(")
    assert CheckOptions(infer=False) == CheckOptions(infer=False) != CheckOptions()


def _folded_char_by_char(text: str) -> tuple[str, list[int]]:
    """What fold_with_map returns, computed one character at a time (the definition it keeps to)."""
    from bakuastana.text.article import _TYPOGRAPHY

    out, offsets, previous_space = [], [], False
    for index, char in enumerate(text):
        mapped = char.translate(_TYPOGRAPHY)
        if not mapped:
            continue
        if mapped.isspace():
            if previous_space:
                continue
            mapped, previous_space = " ", True
        else:
            previous_space = False
        out.append(mapped)
        offsets.append(index)
    return "".join(out), offsets


def test_folding_copies_what_it_does_not_change_and_maps_every_char_back():
    """fold_with_map copies the text between the runs it changes (whitespace runs, invisible marks) and folds
    typography after: the same text and offsets as folding char by char; S101's fold_text gives the same text."""
    import random

    from bakuastana.text.article import fold_text, fold_with_map

    pieces = ["«", "»", "—", "–", "−", "’", "ё", "Ё", "\u00a0", "\u202f", "\u2009", "\u200b", "\u00ad", "\u0301",
              "\ufeff", " ", " ", "\t", "\n", "\r", "\x0b", "\x1c", "\u2028", "\u3000", "a", "5", ",", "млн", "-", "]"]
    generator = random.Random(13)
    for _ in range(5000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 14)))
        assert fold_with_map(text) == _folded_char_by_char(text), repr(text)
        assert fold_text(text) == fold_with_map(text)[0], repr(text)
    article = seed_article_path()
    if article is not None:
        text = article.read_text(encoding="utf-8")
        assert fold_with_map(text) == _folded_char_by_char(text)


def test_one_edit_apart_is_a_damerau_distance_of_one():
    """The T rules ask whether two spellings are one slip apart without building the distance's table."""
    from itertools import product

    from bakuastana.text.acronyms import damerau_distance, one_edit_apart

    words = ["".join(letters) for size in range(5) for letters in product("abа", repeat=size)]
    for a in words:
        for b in words:
            assert one_edit_apart(a, b) == (damerau_distance(a, b) == 1), (a, b)


@pytest.mark.parametrize(("written", "known", "how"), [
    ("БДТ", "БТД", "two letters swapped"),  # T101
    ("ТДБ", "БТД", "letters reordered"),
    ("БТГ", "БТД", "one letter off"),  # T105: a letter changed
    ("KTG", "KTZ", "one letter off"),
    ("TITE", "TITR", "one letter off"),
    ("TTR", "TITR", None),  # a letter dropped from a four-letter one: the shorter has three, often another name
    ("CNPC", "CPC", None),  # a letter added to a three-letter one: another acronym as often as a slip
    ("TIR", "TITR", None),
    ("SOCARR", "SOCAR", "one letter off"),  # long enough for a letter more to be a slip
    ("BTC", "БТД", None),  # another script: no slip of the keyboard
    ("BT", "TB", "two letters swapped"),
    ("AB", "AC", None),  # two letters: one off is another word
])
def test_an_acronym_slip_is_a_reordering_or_one_letter_off_an_acronym_long_enough(written, known, how):
    from bakuastana.text.acronyms import classify_slip

    assert classify_slip(written, known) == how
