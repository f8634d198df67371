"""The draft made in memory is loaded once, and is the store `init` writes: the same Store its text loads as, but
read from no file (no places); a fact the loader refuses still loses its period, then its value, with a TODO,
whichever load first finds it."""

import dataclasses

import pytest

import bakuastana.draft.draft as drafting
import bakuastana.store.load as loading
from bakuastana.cli.inputs import drafted_store
from bakuastana.draft import draft_store, draft_yaml
from bakuastana.errors import BadInput
from bakuastana.store.load import parse_store
from bakuastana.text.article import Article
from conftest import ROOT

# A growth with a base to derive, and the level written again with no period: a repeat the draft leaves out.
TEXT = ("В 2024 году экспорт зерна из Казахстана составил 5 млн тонн, что на 12% больше, чем годом ранее. "
        "Экспорт зерна составил 5 млн тонн.\n")
REPEAT = "Экспорт зерна составил 5 млн тонн"


def _unplaced(store):
    """The store as read from no file: every item with no line, no column and no places of its values."""
    def each(items):
        return [dataclasses.replace(item, line=None, column=None,
                                    **({"marks": {}} if hasattr(item, "marks") else {})) for item in items]

    return dataclasses.replace(store, names=each(store.names), facts=each(store.facts),
                               derived=each(store.derived), relations=each(store.relations))


@pytest.mark.parametrize("article", [Article("a.txt", TEXT), *(
    Article(str(path), path.read_text(encoding="utf-8")) for path in sorted((ROOT / "tests/data/init").glob("*.txt")))],
    ids=lambda article: article.path.rsplit("/", 1)[-1])
def test_the_store_drafted_in_memory_is_the_store_init_writes(article):
    made = drafting.drafted(article, None, "x (draft)")
    again = draft_store(Article(article.path, article.text))
    text = draft_yaml(made.draft)
    assert text == draft_yaml(again)
    written = parse_store(text, "x (draft)")
    assert made.store != written  # the file's places
    assert made.store == _unplaced(written)
    assert {fact.line for fact in made.store.facts} == {None}
    assert made.store.facts and (made.store.derived or made.store.relations)


def test_drafted_store_names_the_article():
    assert drafted_store(Article("a.txt", TEXT)).path == "a.txt (draft)"


def _refusing(monkeypatch, refused):
    """store_of, refusing a store that holds a fact `refused(fact)` is true of (the draft's loads alone)."""
    real = loading.store_of

    def store_of(data, path):
        if any(refused(fact) for fact in data.get("facts") or []):
            raise BadInput("refused by the test", path)
        return real(data, path)

    monkeypatch.setattr(loading, "store_of", store_of)
    monkeypatch.setattr(drafting, "store_of", store_of)


def test_a_period_the_loader_refuses_is_left_to_set_by_hand(monkeypatch):
    _refusing(monkeypatch, lambda fact: fact.get("period") == "2024")
    draft = draft_store(Article("a.txt", TEXT))
    assert [fact.get("period") for fact in draft.facts] == [None, None]
    assert all('period "2024" did not load: set it by hand' in fact["todo"] for fact in draft.facts)


def test_a_repeat_the_loader_refuses_is_found_though_the_draft_leaves_it_out(monkeypatch):
    assert [fact["quote"] for fact in draft_store(Article("a.txt", TEXT)).facts if fact["quote"] == REPEAT] == []
    _refusing(monkeypatch, lambda fact: fact.get("quote") == REPEAT and "value" in fact)
    draft = draft_store(Article("a.txt", TEXT))
    repeat = next(fact for fact in draft.facts if fact["quote"] == REPEAT)
    assert repeat["kind"] == "claim" and "value" not in repeat
    assert 'value "5 million t" did not load: set it by hand' in repeat["todo"]


def test_a_draft_that_does_not_load_even_so_is_a_bug(monkeypatch):
    _refusing(monkeypatch, lambda fact: fact.get("topic") == "exports")
    with pytest.raises(BadInput, match="cannot draft a loadable fact"):
        draft_store(Article("a.txt", TEXT))


def test_the_acronyms_a_text_defines_are_read_once_for_its_draft_and_its_check(monkeypatch, tmp_path):
    import bakuastana.text.names as names_module
    from bakuastana.cli.inputs import check_files

    path = tmp_path / "a.txt"
    path.write_text("Нефтепровод Баку-Тбилиси-Джейхан (БТД) работает с 2006 года. Через БДТ прошло 30 млн тонн.\n",
                    encoding="utf-8")
    real, calls = names_module.learn_acronyms, []
    monkeypatch.setattr(names_module, "learn_acronyms", lambda text: calls.append(text) or real(text))
    report = check_files(None, path, default_store=False)
    assert "draft made in memory" in report.notes[0]
    assert len(calls) == 1
    assert any(finding.code == "T101" for finding in report.findings)


@pytest.mark.parametrize("text", [
    "Нефтепровод Баку-Тбилиси-Джейхан (БТД) работает. ОТГ (Организация тюркских государств) растёт.",
    "раз два три четыре пять шесть семь восемь (АБВ) и (ГД, прежде ЕЖ) и «Кавычки» (ЗИ;",
    "(БТД) в начале, слово-(АБ) и x_1 (CD) и  двойной \n пробел (EF)  (GH)",
    "a" * 300 + " (ABC)", "",
])
def test_acronyms_are_found_only_where_the_long_name_pattern_can_match_and_as_it_would(text):
    import bakuastana.text.names as names_module

    def spans(matches):
        return [(match.span(), match.groups()) for match in matches]

    assert spans(names_module._long_then_short(text)) == spans(names_module._LONG_THEN_SHORT.finditer(text))


@pytest.mark.parametrize("quote", ["Через БТД прошло", "через БТД-2", "ББТД и xБТД", "(БТД)", "БТД_1 и БТД", "БТД",
                                   "нефтепровод-БТД", "БТДx", "БТД²", "", "Баку-Тбилиси-Джейхан работает"])
def test_a_quote_holds_a_name_as_the_word_boundary_regex_reads_it(quote):
    import re

    from bakuastana.draft.names import names_in

    names = [{"id": "btd", "canonical": "Баку-Тбилиси-Джейхан", "abbreviations": ["БТД"]}]
    expected = ["btd"] if any(re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w])", quote)
                              for spelling in ("Баку-Тбилиси-Джейхан", "БТД")) else []
    assert names_in(names, quote) == expected


def test_a_guarded_pattern_finds_what_the_pattern_finds():
    import re

    from bakuastana.draft.vocabulary import guarded, vocabulary

    words = vocabulary()
    text = ("Устойчивый рост экспорта, УСТОЙЧИВОГО РОСТА товарооборота; steady growth, Steady Decline of oil transit. "
            "Добыча растёт из года в год, ежегодно растут поставки; транзит нефти, грузов-экспорт, мощностей.\n")
    for pattern in [f"(?P<rising>{words.words('RISING_TREND')})|(?P<falling>{words.words('FALLING_TREND')})",
                    *(stems for _, _, stems in words.measure_stems())]:
        plain = [(m.span(), m.groupdict()) for m in re.finditer(f"(?<![\\w-])(?:{pattern})", text, re.IGNORECASE)]
        assert plain == [(m.span(), m.groupdict())
                         for m in re.finditer(f"(?<![\\w-]){guarded(pattern)}", text, re.IGNORECASE)]


def test_the_period_guard_read_with_the_month_stand_in_is_the_guard_read_with_the_month():
    import bakuastana.draft.periods as periods
    from bakuastana.draft.vocabulary import vocabulary
    from bakuastana.text.regexstarts import first_strings

    words = vocabulary()
    month = rf"(?:{words.months()})\.?"
    stand_in = periods._month_stand_in(month)
    assert stand_in != month and len(stand_in) < len(month)
    for _name, arms in periods._kinds(words):
        for arm in arms:
            assert (first_strings(periods.arm_pattern(arm, stand_in), periods._GUARD_DEPTH)
                    == first_strings(periods.arm_pattern(arm, month), periods._GUARD_DEPTH))
    assert periods._month_stand_in("(?:ab|c)") == "(?:ab|c)"  # a form shorter than the guard: the month itself


@pytest.mark.parametrize("text", [
    *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests/data").rglob("*.txt"))),
    "Транзит нефти и транзит казахстанской нефти; ТОВАРООБОРОТ, товарооборота-экспорт, грузов грузовой груз; "
    "нефтегаз, oil transit of crude oil, Trade turnover and trade, exports-imports, imports. Поставки, "
    "поставок, мощности пропускной способности; протяженность, длина.\n",
    "транзит транзит нефти, транзит нефти нефти нефть; x-oil, oil-x, _trade, trade_, 1экспорт, экспорт1", "",
])
def test_the_measure_words_read_in_one_pass_are_those_each_pattern_finds(text):
    import re

    from bakuastana.draft.measures import Stem, find_stems
    from bakuastana.draft.vocabulary import vocabulary

    words = vocabulary()
    expected = [Stem(match.start(), match.end(), measure, tier) for measure, tier, pattern in words.measure_stems()
                for match in re.finditer(rf"(?<![\w-])(?:{pattern})", text, re.IGNORECASE)]
    assert find_stems(text, words) == tuple(sorted(expected, key=lambda stem: stem.start))
