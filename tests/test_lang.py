"""The language boundary: the registry, each language's lexicon, language detection, and a new language added
by registration alone."""

from __future__ import annotations

import sys
import types
from fractions import Fraction
from pathlib import Path

import pytest

from bakuastana import lang
from bakuastana.lang import LANGUAGES, detect_language, language_of, lexicon, lexicons
from bakuastana.lang.lexicon import FigureWords, Lexicon
from bakuastana.text.figures import extract_figures
from bakuastana.text.figures.patterns import patterns_for


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_registered_language_provides_a_lexicon(code):
    found = lexicon(code)
    assert isinstance(found, Lexicon) and found.code == code and found.name
    assert found.number_words and found.scales and found.units and found.hedges and found.stopwords
    assert set(found.hedges) <= {"more_than", "at_least", "less_than", "at_most", "about", "up_to", "almost", "only"}
    assert {kind for _form, kind, _value, _unit in found.number_words} >= {"card", "ord"}
    assert found.sentences("Один. Два.") == [(0, 5), (6, 10)]


def test_lexicons_follow_the_registry_order():
    assert [found.code for found in lexicons()] == list(LANGUAGES)


@pytest.mark.parametrize(("text", "code"), [
    ("Товарооборот между странами вырос на 12 процентов.", "ru"),
    ("Trade between the two countries grew by 12 percent.", "en"),
    ("Kazinform сообщает: товарооборот вырос.", "ru"),
    ("The Kazinform agency quoted «Казмунайгаз» on oil.", "en"),
])
def test_detect_language(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize(("declared", "code"), [("en", "en"), ("en-GB", "en"), (" RU ", "ru"), ("kk_KZ", "kk"),
                                                (None, "ru"), ("", "ru")])
def test_declared_language_wins_over_detection(declared, code):
    assert language_of("Товарооборот вырос на 12 процентов.", declared) == code


def test_analyser_names_its_dictionary_and_honours_the_users_path(tmp_path):
    """The Russian dictionary is named, not looked up among every installed package's entry points (that scan
    imports importlib.metadata and costs each run ~30 ms); a dictionary the user names in pymorphy3's environment
    variable (PYMORPHY2_DICT_PATH) still wins."""
    import subprocess
    import sys

    code = ("import sys; from bakuastana.lang.ru.morphology import analyser; a = analyser(); "
            "print('importlib.metadata' in sys.modules, a.lang, a.dictionary.path)")
    named = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    import pymorphy3_dicts_ru

    assert named == ["False", "ru", pymorphy3_dicts_ru.get_path()]
    import os

    users = tmp_path / "dictionary"
    users.symlink_to(pymorphy3_dicts_ru.get_path())
    from pymorphy3 import MorphAnalyzer

    env = {**os.environ, MorphAnalyzer.DICT_PATH_ENV_VARIABLE: str(users)}
    chosen = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env=env).stdout.split()
    assert chosen[1:] == ["ru", str(users)]


def test_morphology_is_russian_only_and_loaded_once():
    from bakuastana.lang.ru import morphology

    assert lexicon("en").analyser() is None
    assert lexicon("ru").analyser() is morphology
    assert morphology.analyser() is morphology.analyser()
    assert "gent" in morphology.word_info("года").cases()


def test_figures_read_only_the_words_of_the_languages_given():
    assert [f.value for f in extract_figures("Пять тонн и five tonnes.")] == [5, 5]
    assert [f.text for f in extract_figures("Пять тонн и five tonnes.", ("ru",))] == ["Пять тонн"]
    assert [f.text for f in extract_figures("Пять тонн и five tonnes.", ("en",))] == ["five tonnes"]


@pytest.fixture
def toy_language(monkeypatch):
    """A third language ("xx", a made-up one) registered the way docs/languages.md says: a package exposing LEXICON
    and one line in LANGUAGES."""
    package = types.ModuleType("toy_xx")
    package.LEXICON = Lexicon(
        code="xx", name="Toy", alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyz", letters="əğıöşüça-z", capitals="ƏĞIÖŞÜÇA-Z",
        number_words=(("beş", "card", Fraction(5), None), ("ikinci", "ord", Fraction(2), None)),
        months_capitalised=False, scales={10**6: ("milyon",)}, units={"t": ("ton",)},
        hedges={"more_than": ("çox",)}, stopwords=frozenset({"və"}),
        figure_words=FigureWords(percent="faiz(?![\\w])"),
        sentences=lexicon("en").sentences, tokens=lexicon("en").tokens)
    monkeypatch.setitem(sys.modules, "toy_xx", package)
    monkeypatch.setitem(LANGUAGES, "xx", "toy_xx")
    yield package.LEXICON
    lang.lexicon.cache_clear()
    patterns_for.cache_clear()


def test_a_new_language_is_one_package_and_one_registration(toy_language):
    assert lexicon("xx") is toy_language
    assert detect_language("Ixrac beş faiz artıb, şəhər üçün çox ğ") == "xx"
    [figure] = extract_figures("Ixrac çox beş milyon ton olub.", ("xx",))
    assert (figure.text, figure.value, figure.unit, figure.hedge) == ("çox beş milyon ton", 5 * 10**6, "t",
                                                                       "more_than")
    [percent] = extract_figures("Artım 7 faiz olub.", ("xx",))
    assert (percent.kind, percent.value) == ("percent", 7)


def test_each_language_tool_is_used_in_one_place_only():
    """Russian knowledge exists once: the analyser is built and razdel called only in lang/; nothing else keeps its
    own stop-word list."""
    source = Path(lang.__file__).parent.parent
    outside = [path for path in Path(source).rglob("*.py") if "lang" not in path.relative_to(source).parts]
    for path in outside:
        text = path.read_text(encoding="utf-8")
        for needle in ("MorphAnalyzer(", "import razdel", "from razdel", "pymorphy3", "STOPWORDS = "):
            assert needle not in text, f"{path}: {needle!r} belongs in bakuastana/lang/"


def _razdel_tokens(text: str) -> list[tuple[str, int, int]]:
    from razdel import tokenize

    return [(token.text, token.start, token.stop) for token in tokenize(text)]


def test_tokens_are_razdels_on_random_texts():
    """segment.tokens puts to razdel's rules only the atoms that touch (a space splits without them): the same
    tokens as razdel.tokenize, on texts of the marks, digits, letters and pairs its rules read (dashes inside words,
    decimal points and commas, fractions, underscores, repeated marks, smileys, "Yahoo!", letters of other
    scripts)."""
    import random

    from bakuastana.lang.segment import tokens

    pieces = [*"аб вгдЁ-–—.,:;!?…«»\"'()[]{}/\\_*%$#@№+=<>|~^`0123456789xyzXYZΔσ\u00a0\t\n", "yahoo", "Yahoo", ":)",
              ":-)", ";)", "...", "?!", "--", "**", "1.5", "2,5", "1/2", "кто-то", "a_b", "т.е.", "США", "5-6"]
    rng = random.Random(13)
    texts = ["", " ", "слово", "Кох-Ран, 2,5 % (1/2)... Yahoo! :-) --", *(
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(5_000))]
    for text in texts:
        assert tokens(text) == _razdel_tokens(text), text


def test_tokens_are_razdels_on_the_seed_article(seed_article):
    from bakuastana.lang.segment import tokens

    text = seed_article.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert sum(len(tokens(line)) for line in lines) > 1000
    for line in lines:
        assert tokens(line) == _razdel_tokens(line)
