"""Tests for bakuastana.text.figures: every figure of a Russian or English news text."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakuastana.text.figures import Figure, extract_figures
from conftest import SEED_MISSING, seed_article_path


def figure(text: str, written: str) -> Figure:
    """The one figure of `text` written exactly as `written`."""
    figures = extract_figures(text)
    matches = [f for f in figures if f.text == written]
    assert matches, f"{written!r} not among {[f.text for f in figures]}"
    assert len(matches) == 1
    found = matches[0]
    assert text[found.start:found.end] == found.text
    return found


def check(found: Figure, **expected: object) -> None:
    for field, value in expected.items():
        assert getattr(found, field) == value, f"{found.text!r}: {field} is {getattr(found, field)!r}"


# (sentence, figure as written, expected fields)
CASES = [
    # digits, thousands separators, decimals
    ("Население достигло 46 679 человек.", "46 679 человек",
     {"value": 46679, "number": "46 679", "kind": "count", "noun": "человек", "decimals": 0}),
    ("Длина линии\u00a0\u2014 1\u00a0195 км.", "1\u00a0195 км", {"value": 1195, "unit": "km", "kind": "amount"}),
    ("Кабель длиной 1195 км.", "1195 км", {"value": 1195, "unit": "km", "kind": "amount", "number": "1195"}),
    ("Рост составил 3,5 процента.", "3,5 процента",
     {"value": Fraction(7, 2), "decimals": 1, "unit": "percent", "kind": "percent"}),
    ("Growth was 3.5 percent.", "3.5 percent", {"value": Fraction(7, 2), "decimals": 1, "kind": "percent"}),
    ("The cable is 1,195 km long.", "1,195 km", {"value": 1195, "decimals": 0, "unit": "km"}),
    ("Продано 21 тыс. 62 билета.", "21 тыс. 62 билета",
     {"value": 21062, "number": "21 тыс. 62", "scale": None, "multiplier": 1, "kind": "count"}),
    ("Добыто 2 млн 300 тыс. тонн.", "2 млн 300 тыс. тонн",
     {"value": 2300000, "scale": "тыс.", "multiplier": 1000, "unit": "t"}),
    # scale words with and without dots, in every case
    ("Оборот составил 470 млн. долларов.", "470 млн. долларов",
     {"value": 470_000_000, "unit": "USD", "scale": "млн.", "multiplier": 10**6, "kind": "amount"}),
    ("Оборот составил 470 млн долларов.", "470 млн долларов", {"value": 470_000_000, "scale": "млн"}),
    ("Вложено 3 миллиона долларов.", "3 миллиона долларов", {"value": 3_000_000, "scale": "миллиона"}),
    ("Вложено 50 миллионов долларов.", "50 миллионов долларов", {"value": 50_000_000, "unit": "USD"}),
    ("Вложен 1 миллион евро.", "1 миллион евро", {"value": 1_000_000, "unit": "EUR", "scale": "миллион"}),
    ("Бюджет 2 млрд манатов.", "2 млрд манатов",
     {"value": 2 * 10**9, "unit": "AZN", "multiplier": 10**9, "scale": "млрд"}),
    ("Бюджет 2,5 миллиарда тенге.", "2,5 миллиарда тенге", {"value": 2_500_000_000, "unit": "KZT"}),
    ("Перевезено 55 тыс. тонн.", "55 тыс. тонн", {"value": 55_000, "unit": "t", "multiplier": 1000}),
    ("Перевезено 12 тысяч тонн.", "12 тысяч тонн", {"value": 12_000, "scale": "тысяч"}),
    ("Цена 100 рублей.", "100 рублей", {"value": 100, "unit": "RUB"}),
    ("Цена 10 долл. США.", "10 долл. США", {"value": 10, "unit": "USD"}),
    ("Trade reached $470 million.", "$470 million",
     {"value": 470_000_000, "unit": "USD", "scale": "million", "multiplier": 10**6, "number": "470"}),
    ("Investment of USD 5 bn.", "USD 5 bn", {"value": 5 * 10**9, "unit": "USD", "scale": "bn"}),
    ("A €3.5bn deal.", "€3.5bn", {"value": 3_500_000_000, "unit": "EUR", "decimals": 1}),
    ("It cost $5m.", "$5m", {"value": 5_000_000, "unit": "USD", "scale": "m"}),
    ("They shipped 7 mln tonnes.", "7 mln tonnes", {"value": 7_000_000, "unit": "t", "scale": "mln"}),
    ("They shipped 20 thousand TEU.", "20 thousand TEU", {"value": 20_000, "unit": "TEU"}),
    ("Worth 3 billion dollars.", "3 billion dollars", {"value": 3 * 10**9, "unit": "USD"}),
    # units
    ("Мощность 1 ГВт.", "1 ГВт", {"value": 1, "unit": "GW", "kind": "amount"}),
    ("Мощность 1 гигаватт.", "1 гигаватт", {"value": 1, "unit": "GW"}),
    ("Станция на 300 МВт.", "300 МВт", {"unit": "MW"}),
    ("A 2 GW link.", "2 GW", {"unit": "GW"}),
    ("Скорость до 400 терабит в секунду.", "до 400 терабит в секунду",
     {"value": 400, "unit": "Tbit/s", "hedge": "up_to"}),
    ("Скорость 100 Тбит/с.", "100 Тбит/с", {"unit": "Tbit/s"}),
    ("Up to 400 terabits per second.", "Up to 400 terabits per second", {"unit": "Tbit/s", "hedge": "up_to"}),
    ("Протяженность около 380 километров.", "около 380 километров",
     {"value": 380, "unit": "km", "hedge": "about"}),
    ("Глубина 200 метров.", "200 метров", {"unit": "m"}),
    ("Груз 5 т и 7 млн т.", "5 т", {"value": 5, "unit": "t"}),
    ("Порт принял 10 000 TEU.", "10 000 TEU", {"value": 10_000, "unit": "TEU"}),
    ("До 7 миллионов тонн в год.", "До 7 миллионов тонн в год",
     {"value": 7_000_000, "unit": "t/year", "hedge": "up_to", "kind": "amount"}),
    ("Поставка 1,5 млн. тонн казахстанской нефти в год.", "1,5 млн. тонн казахстанской нефти в год",
     {"value": 1_500_000, "unit": "t/year", "decimals": 1}),
    ("Over 5 million tonnes per year.", "Over 5 million tonnes per year",
     {"value": 5_000_000, "unit": "t/year", "hedge": "more_than"}),
    ("Capacity of 3.5 Mt.", "3.5 Mt", {"value": 3_500_000, "unit": "t", "multiplier": 10**6}),
    ("The 1,195-kilometre cable.", "1,195-kilometre", {"value": 1195, "unit": "km", "kind": "amount"}),
    ("Мощность 3 ГВт·ч.", "3 ГВт·ч", {"unit": "GWh"}),
    # ranges share their unit and scale
    ("Рост с 0,8 млн до 4,5 млн тонн.", "0,8 млн", {"value": 800_000, "unit": "t", "multiplier": 10**6}),
    ("Рост с 0,8 млн до 4,5 млн тонн.", "4,5 млн тонн", {"value": 4_500_000, "unit": "t"}),
    ("Объем от 10 до 20 тыс. тонн.", "10",
     {"value": 10_000, "unit": "t", "scale": "тыс.", "multiplier": 1000, "kind": "amount"}),
    ("Between 10 and 20 million tonnes.", "10", {"value": 10_000_000, "unit": "t"}),
    ("Рост на 10–15%.", "10", {"value": 10, "kind": "percent", "unit": "percent"}),
    ("Рост в 3-4 раза.", "в 3", {"value": 3, "kind": "multiple"}),
    ("Встреча 3–4 марта 2024 года.", "3", {"value": "2024-03-03", "kind": "date"}),
    ("From 5 to 7 percent.", "5", {"value": 5, "kind": "percent"}),
    # hedges
    ("Товарооборот вырос более чем в 4 раза.", "более чем в 4 раза",
     {"value": 4, "kind": "multiple", "unit": "times", "hedge": "more_than"}),
    ("Инвестиции оцениваются в более чем 50 миллионов долларов.", "более чем 50 миллионов долларов",
     {"value": 50_000_000, "unit": "USD", "hedge": "more_than"}),
    ("Объем достиг более 3,5 млн. тонн.", "более 3,5 млн. тонн",
     {"value": 3_500_000, "unit": "t", "hedge": "more_than", "decimals": 1}),
    ("Свыше 10 тыс. вагонов.", "Свыше 10 тыс. вагонов", {"hedge": "more_than", "kind": "count"}),
    ("Не менее 5 тонн.", "Не менее 5 тонн", {"hedge": "at_least"}),
    ("Не более 5 тонн.", "Не более 5 тонн", {"hedge": "at_most"}),
    ("Менее 5 процентов.", "Менее 5 процентов", {"hedge": "less_than", "kind": "percent"}),
    ("Порядка 20%.", "Порядка 20%", {"hedge": "about", "value": 20}),
    ("Всего 55 тыс. тонн.", "Всего 55 тыс. тонн", {"hedge": "only", "value": 55_000}),
    ("Почти в пять раз.", "Почти в пять раз", {"hedge": "almost", "value": 5, "kind": "multiple"}),
    # a change's hedge before its preposition, as "почти в" of a multiple
    ("Экспорт вырос почти на 10%.", "почти на 10%", {"hedge": "almost", "value": 10, "kind": "percent"}),
    ("Добыча сократилась более чем на 1,2 млн тонн.", "более чем на 1,2 млн тонн",
     {"hedge": "more_than", "value": 1_200_000, "unit": "t"}),
    ("Импорт снизился не менее чем на 5 процентов.", "не менее чем на 5 процентов", {"hedge": "at_least"}),
    ("Ставка выросла на 5%.", "5%", {"hedge": None, "value": 5}),
    ("At least 5 tonnes.", "At least 5 tonnes", {"hedge": "at_least", "unit": "t"}),
    ("Less than 10 percent.", "Less than 10 percent", {"hedge": "less_than"}),
    ("Nearly 5 km.", "Nearly 5 km", {"hedge": "almost"}),
    ("Some 170 documents.", "Some 170 documents", {"hedge": "about", "kind": "count", "noun": "documents"}),
    ("No more than $5 million.", "No more than $5 million", {"hedge": "at_most", "unit": "USD"}),
    # percents and percentage points
    ("Рост на 50 процентов.", "50 процентов", {"value": 50, "unit": "percent", "kind": "percent"}),
    ("Доля 50 %.", "50 %", {"value": 50, "kind": "percent"}),
    ("Up 7 per cent.", "7 per cent", {"value": 7, "kind": "percent"}),
    ("Рост на 2,5 п.п.", "2,5 п.п.", {"value": Fraction(5, 2), "unit": "pp", "kind": "pp"}),
    ("Рост на 3 процентных пункта.", "3 процентных пункта", {"value": 3, "unit": "pp", "kind": "pp"}),
    ("Up 2 percentage points.", "2 percentage points", {"value": 2, "kind": "pp"}),
    # multiples
    ("Вырос в 4 раза.", "в 4 раза", {"value": 4, "kind": "multiple", "unit": "times"}),
    ("Вырос в пять раз.", "в пять раз", {"value": 5, "kind": "multiple", "number": "пять"}),
    ("Вырос вдвое.", "вдвое", {"value": 2, "kind": "multiple"}),
    ("Вырос втрое.", "втрое", {"value": 3, "kind": "multiple"}),
    ("Вырос в 1,5 раза.", "в 1,5 раза", {"value": Fraction(3, 2), "kind": "multiple", "decimals": 1}),
    ("A 4-fold rise.", "4-fold", {"value": 4, "kind": "multiple"}),
    ("It grew fourfold.", "fourfold", {"value": 4, "kind": "multiple"}),
    ("It grew 4 times.", "4 times", {"value": 4, "kind": "multiple"}),
    # number words, counts
    ("Он побывал там шесть раз.", "шесть раз", {"value": 6, "kind": "count", "noun": "раз", "unit": None}),
    ("Около 170 документов.", "Около 170 документов",
     {"value": 170, "kind": "count", "noun": "документов", "hedge": "about"}),
    ("Прошли 287 контейнерных поездов.", "287 контейнерных поездов",
     {"value": 287, "kind": "count", "noun": "поездов"}),
    ("Инфраструктура трех стран.", "трех стран", {"value": 3, "kind": "count", "noun": "стран"}),
    ("Инфраструктура трёх стран.", "трёх стран", {"value": 3, "number": "трёх"}),
    ("Один вагон.", "Один вагон", {"value": 1, "kind": "count"}),
    ("Одна тысяча человек.", "Одна тысяча человек", {"value": 1000, "scale": "тысяча"}),
    ("Одного участника.", "Одного участника", {"value": 1}),
    ("Две страны.", "Две страны", {"value": 2}),
    ("Двух стран.", "Двух стран", {"value": 2}),
    ("Четыре порта.", "Четыре порта", {"value": 4}),
    ("Пяти стран.", "Пяти стран", {"value": 5}),
    ("Семь портов.", "Семь портов", {"value": 7}),
    ("Восемь портов.", "Восемь портов", {"value": 8}),
    ("Девять портов.", "Девять портов", {"value": 9}),
    ("Десять портов.", "Десять портов", {"value": 10}),
    ("Двенадцать портов.", "Двенадцать портов", {"value": 12}),
    ("Девятнадцати портов.", "Девятнадцати портов", {"value": 19}),
    ("Двадцать пять стран.", "Двадцать пять стран", {"value": 25, "number": "Двадцать пять"}),
    ("Сто двадцать три вагона.", "Сто двадцать три вагона", {"value": 123}),
    ("Двести пятьдесят километров.", "Двести пятьдесят километров", {"value": 250, "unit": "km"}),
    ("Пять миллионов тонн.", "Пять миллионов тонн", {"value": 5_000_000, "unit": "t", "number": "Пять"}),
    ("Полтора миллиона тонн.", "Полтора миллиона тонн", {"value": 1_500_000, "decimals": 1}),
    ("Seven ports.", "Seven ports", {"value": 7, "kind": "count", "noun": "ports"}),
    ("Twenty-five countries.", "Twenty-five countries", {"value": 25}),
    ("Nineteen ships.", "Nineteen ships", {"value": 19}),
    ("287 container trains.", "287 container trains", {"value": 287, "noun": "trains", "kind": "count"}),
    # ordinals
    ("Визит будет седьмым по счету.", "седьмым", {"value": 7, "kind": "ordinal", "number": "седьмым"}),
    ("Состоится второе заседание.", "второе", {"value": 2, "kind": "ordinal"}),
    ("Первое прошло в Баку.", "Первое", {"value": 1, "kind": "ordinal"}),
    ("Первая партия нефти.", "Первая", {"value": 1, "kind": "ordinal"}),
    ("Отправлен первый танкер.", "первый", {"value": 1, "kind": "ordinal"}),
    ("Вторая отгрузка.", "Вторая", {"value": 2, "kind": "ordinal"}),
    ("Двадцать первый форум.", "Двадцать первый", {"value": 21, "kind": "ordinal"}),
    ("В ходе 21-го заседания.", "21-го", {"value": 21, "kind": "ordinal", "number": "21"}),
    ("На 12-м саммите.", "12-м", {"value": 12, "kind": "ordinal", "number": "12"}),
    ("На 21-м заседании.", "21-м", {"value": 21, "kind": "ordinal"}),
    ("В рамках VII Международного форума.", "VII", {"value": 7, "kind": "ordinal", "number": "VII"}),
    ("Памятник XXI века.", "XXI", {"value": 21, "kind": "ordinal"}),
    ("The 7th summit.", "7th", {"value": 7, "kind": "ordinal", "number": "7"}),
    ("The second meeting.", "second", {"value": 2, "kind": "ordinal"}),
    ("The twenty-first session.", "twenty-first", {"value": 21, "kind": "ordinal"}),
    ("After World War II ended.", "II", {"value": 2, "kind": "ordinal"}),
    # dates
    ("Подписан 4 марта 2025 года.", "4 марта 2025 года", {"value": "2025-03-04", "kind": "date"}),
    ("Отправлен 27 января 2025 года.", "27 января 2025 года", {"value": "2025-01-27", "kind": "date"}),
    ("Подписан 6 августа в Астане.", "6 августа", {"value": "08-06", "kind": "date", "unit": None}),
    ("Подписан в марте 2025 года.", "марте 2025 года", {"value": "2025-03", "kind": "date"}),
    ("Подписан в декабре 2022 года.", "декабре 2022 года", {"value": "2022-12", "kind": "date"}),
    ("В сентябре прошел форум.", "сентябре", {"value": "09", "kind": "date"}),
    ("Подписан 04.03.2025.", "04.03.2025", {"value": "2025-03-04", "kind": "date"}),
    ("Signed on March 4, 2025.", "March 4, 2025", {"value": "2025-03-04", "kind": "date"}),
    ("Signed on 4 March 2025.", "4 March 2025", {"value": "2025-03-04", "kind": "date"}),
    ("Signed in March 2025.", "March 2025", {"value": "2025-03", "kind": "date"}),
    ("Signed in May.", "May", {"value": "05", "kind": "date"}),
    ("Signed on 2025-03-04.", "2025-03-04", {"value": "2025-03-04", "kind": "date"}),
    # years
    ("В 2024 году оборот вырос.", "2024 году", {"value": 2024, "kind": "year", "unit": None}),
    ("В 2023-м из порта.", "2023-м", {"value": 2023, "kind": "year"}),
    ("К 2027 году планируется.", "2027 году", {"value": 2027, "kind": "year", "hedge": None}),
    ("Завершение на конец 2026 года.", "2026 года", {"value": 2026, "kind": "year"}),
    ("До конца 2026 года.", "2026 года", {"value": 2026, "kind": "year", "hedge": None}),
    ("In 2024, trade grew.", "2024", {"value": 2024, "kind": "year"}),
    ("В 1990-х годах.", "1990-х", {"value": 1990, "kind": "year"}),
    # durations
    ("Договор на пять лет.", "пять лет", {"value": 5, "kind": "duration", "unit": "year"}),
    ("Подписание пятилетнего контракта.", "пятилетнего", {"value": 5, "kind": "duration", "unit": "year"}),
    ("A five-year contract.", "five-year", {"value": 5, "kind": "duration", "unit": "year"}),
    ("За девять месяцев.", "девять месяцев", {"value": 9, "kind": "duration", "unit": "month"}),
    ("A 10-year plan.", "10-year", {"value": 10, "kind": "duration", "unit": "year"}),
]


@pytest.mark.parametrize(("text", "written", "expected"), CASES, ids=[case[1] for case in CASES])
def test_forms(text: str, written: str, expected: dict) -> None:
    check(figure(text, written), **expected)


def test_range_shares_id_and_unit() -> None:
    figures = extract_figures("Объем вырос с 0,8 млн до 4,5 млн тонн.")
    assert [f.text for f in figures] == ["0,8 млн", "4,5 млн тонн"]
    assert figures[0].range_id is not None
    assert figures[0].range_id == figures[1].range_id
    assert figures[0].unit == figures[1].unit == "t"


def test_year_range() -> None:
    first, second = extract_figures("Дорожная карта на 2022-2027 годы.")
    check(first, text="2022", value=2024 - 2, kind="year")
    check(second, text="2027 годы", value=2027, kind="year", range_id=first.range_id)
    assert first.range_id is not None


def test_month_range_takes_the_year() -> None:
    first, second = extract_figures("За период с января по август 2025 года.")
    check(first, text="января", value="2025-01", kind="date")
    check(second, text="август 2025 года", value="2025-08", range_id=first.range_id)


def test_unrelated_figures_have_no_range_id() -> None:
    assert {f.range_id for f in extract_figures("Было 5 поездов и 7 вагонов.")} == {None}


@pytest.mark.parametrize("text", [
    "Одним из значимых проектов является кабель.",
    "Это один из лидеров.",
    "С одной стороны, это так.",
    "Коснулся двусторонней повестки.",
    "После трехсторонней встречи.",
    "Роль обоих государств.",
    "Для подготовки первоначального обоснования.",
    "За последние десятилетия.",
    "One of the largest fields.",
    "The company CESI, the G20 and Су-35, COVID-19, 5G networks.",
    "Vitamin C and type I errors.",
    "Встреча в 12:30.",
    "He may march today.",
    "One said no.",
    "Телефон 8-800-555-35-35.",
    "Версия 1.2.3 вышла.",
    # a fraction is no whole number: read as none, never as its numerator or an ordinal
    "Почти две трети экспорта.",
    "Три четверти грузов.",
    "Одну пятую часть.",
    "Две пятых объема.",
    "Exports rose by over a fifth.",
    "A third of the total.",
    "Two-thirds of the fleet.",
    "One fifth of the trade, two fifths of it.",
    "Three-quarters of exports, one half of it.",
])
def test_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_year_is_not_an_amount_or_count() -> None:
    (found,) = extract_figures("В 2024 году по коридору прошли поезда.")
    check(found, kind="year", unit=None, noun=None, value=2024)
    (found,) = extract_figures("В 2024 Азербайджан и Казахстан подписали договор.")
    check(found, kind="year")


def test_standalone_tonne_abbreviation_only_after_a_number() -> None:
    (found,) = extract_figures("Погружено 5 т, т.е. немного.")
    check(found, text="5 т", unit="t")
    assert [f.text for f in extract_figures("Перевезено 5 тонн, т. е. все.")] == ["5 тонн"]


def test_russian_decimal_comma_is_not_a_thousands_separator() -> None:
    check(figure("Длина 1,195 км.", "1,195 км"), value=Fraction(1195, 1000), decimals=3)


# ---------------------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------------------

FRAGMENTS = [
    " ", "\u00a0", ",", ".", "-", "–", "%", "$", "€", "0", "1", "7", "12", "2024", "3,5", "46 679", "1.5",
    "млн.", "млн", "тыс.", "миллионов", "bn", "million", "тонн", "т", "км", "долларов", "USD", "в", "раза",
    "раз", "более", "чем", "около", "до", "с", "по", "от", "марта", "сентябре", "March", "May", "года",
    "году", "годы", "-го", "-м", "th", "VII", "I", "седьмым", "пять", "двадцать", "первый", "вдвое",
    "процентов", "п.п.", "в год", "per", "year", "fold", "times", "лет", "пятилетнего", "Тбит/с",
]


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=40).map("".join),
))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    figures = extract_figures(text)
    previous_end = 0
    for found in figures:
        assert 0 <= found.start < found.end <= len(text)
        assert found.start >= previous_end
        assert text[found.start:found.end] == found.text
        assert isinstance(found.value, Fraction | str)
        previous_end = found.end


# ---------------------------------------------------------------------------------------------------------
# The seed article
# ---------------------------------------------------------------------------------------------------------


# (snippet in the article, occurrence, expected fields of the figure found inside it)
SEED = [
    ("470 млн. долларов", 0, {"value": 470_000_000, "unit": "USD", "kind": "amount"}),
    ("50 процентов", 0, {"value": 50, "unit": "percent", "kind": "percent"}),
    ("более чем в 4 раза", 0, {"value": 4, "kind": "multiple", "hedge": "more_than"}),
    ("547 млн. долларов", 0, {"value": 547_000_000, "unit": "USD"}),
    ("225 млн. долларов", 0, {"value": 225_000_000, "unit": "USD"}),
    ("136 млн. долларов", 0, {"value": 136_000_000, "unit": "USD"}),
    ("более 3,5 млн. тонн", 0, {"value": 3_500_000, "unit": "t", "hedge": "more_than"}),
    ("20 процентов", 0, {"value": 20, "kind": "percent"}),
    ("287 контейнерных поездов", 0, {"value": 287, "kind": "count", "noun": "поездов"}),
    ("39 процентов", 0, {"value": 39, "kind": "percent"}),
    ("седьмым", 0, {"value": 7, "kind": "ordinal"}),
    ("шесть раз", 0, {"value": 6, "kind": "count"}),
    ("около 170 документов", 0, {"value": 170, "kind": "count", "hedge": "about"}),
    ("второе", 0, {"value": 2, "kind": "ordinal"}),
    ("21-го", 0, {"value": 21, "kind": "ordinal"}),
    ("12-м", 0, {"value": 12, "kind": "ordinal"}),
    ("VII", 0, {"value": 7, "kind": "ordinal"}),
    ("6 августа", 0, {"value": "08-06", "kind": "date"}),
    ("1 ГВт", 0, {"value": 1, "unit": "GW"}),
    ("1195 км", 0, {"value": 1195, "unit": "km"}),
    ("около 380 километров", 0, {"value": 380, "unit": "km", "hedge": "about"}),
    ("до 400 терабит в секунду", 0, {"value": 400, "unit": "Tbit/s", "hedge": "up_to"}),
    ("более чем 50 миллионов долларов", 0, {"value": 50_000_000, "unit": "USD", "hedge": "more_than"}),
    ("4 марта 2025 года", 0, {"value": "2025-03-04", "kind": "date"}),
    ("7 миллионов тонн в год", 0, {"value": 7_000_000, "unit": "t/year", "hedge": "up_to"}),
    ("3,4 млн. тонн", 0, {"value": 3_400_000, "unit": "t"}),
    ("27 января 2025 года", 0, {"value": "2025-01-27", "kind": "date"}),
    ("1,5 млн. тонн казахстанской нефти в год", 0, {"value": 1_500_000, "unit": "t/year"}),
    ("55 тыс. тонн", 0, {"value": 55_000, "unit": "t", "hedge": "only"}),
    ("1,4 млн. тонн", 0, {"value": 1_400_000, "unit": "t"}),
    ("более 1 млн. тонн", 0, {"value": 1_000_000, "unit": "t", "hedge": "more_than"}),
    ("2024 году", 0, {"value": 2024, "kind": "year"}),
    ("2025 году", 0, {"value": 2025, "kind": "year"}),
    ("2022 году", 0, {"value": 2022, "kind": "year"}),
    ("2027 году", 0, {"value": 2027, "kind": "year"}),
    ("2023-м", 0, {"value": 2023, "kind": "year"}),
    ("С 2023 года", 0, {"value": 2023, "kind": "year"}),
    ("в декабре 2022 года", 0, {"value": "2022-12", "kind": "date"}),
    ("в марте 2025 года", 0, {"value": "2025-03", "kind": "date"}),
    ("на конец 2026 года", 0, {"value": 2026, "kind": "year"}),
    ("до конца 2026 года", 0, {"value": 2026, "kind": "year"}),
    ("на пять лет", 0, {"value": 5, "kind": "duration", "unit": "year"}),
    ("трех стран", 0, {"value": 3, "kind": "count"}),
]


def _figure_in(figures: list[Figure], article: str, snippet: str, occurrence: int) -> Figure:
    start = -1
    for _ in range(occurrence + 1):
        start = article.find(snippet, start + 1)
        assert start >= 0, f"{snippet!r} is not in the article"
    end = start + len(snippet)
    inside = [f for f in figures if f.start < end and start < f.end]
    assert len(inside) == 1, f"{snippet!r}: {[f.text for f in inside]}"
    return inside[0]


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Figure]]:
    path = seed_article_path()
    if path is None:
        pytest.skip(SEED_MISSING)
    article = path.read_text(encoding="utf-8")
    return article, extract_figures(article)


@pytest.mark.parametrize(("snippet", "occurrence", "expected"), SEED, ids=[row[0] for row in SEED])
def test_seed_article(seed: tuple[str, list[Figure]], snippet: str, occurrence: int, expected: dict) -> None:
    article, figures = seed
    found = _figure_in(figures, article, snippet, occurrence)
    assert article[found.start:found.end] == found.text
    check(found, **expected)


def test_seed_article_year_range(seed: tuple[str, list[Figure]]) -> None:
    article, figures = seed
    start = article.index("2022-2027 годы")
    pair = [f for f in figures if start <= f.start < start + len("2022-2027 годы")]
    assert [(f.value, f.kind) for f in pair] == [(2022, "year"), (2027, "year")]
    assert pair[0].range_id is not None
    assert pair[0].range_id == pair[1].range_id


def test_seed_article_pronoun_one_is_not_a_figure(seed: tuple[str, list[Figure]]) -> None:
    article, figures = seed
    start = article.index("Одним из значимых")
    assert not [f for f in figures if start <= f.start < start + len("Одним из значимых")]


# ---------------------------------------------------------------------------------------------------------
# No silent wrong number: signs, fractions, rates per a unit, tonne-kilometres, scaled tonnes
# ---------------------------------------------------------------------------------------------------------

SIGNED = [
    ("Цены снизились на -3,3% в мае.", "-3,3%", {"value": Fraction(-33, 10), "kind": "percent", "number": "3,3"}),
    ("Индекс составил −3,3 % за год.", "−3,3 %", {"value": Fraction(-33, 10), "kind": "percent"}),
    ("Prices fell -3.3% in May.", "-3.3%", {"value": Fraction(-33, 10), "kind": "percent"}),
    ("The index was (-3.5%) then.", "-3.5%", {"value": Fraction(-7, 2)}),
    ("Индекс составил минус 2%.", "минус 2%", {"value": -2, "kind": "percent", "unit": "percent"}),
    ("Output fell by minus 2%.", "minus 2%", {"value": -2, "kind": "percent"}),
    ("Баланс составил минус два процента.", "минус два процента", {"value": -2, "kind": "percent"}),
    ("A loss of -$5 million.", "-$5 million", {"value": -5_000_000, "unit": "USD", "kind": "amount"}),
    ("Сальдо около минус 2 млн тонн.", "около минус 2 млн тонн", {"value": -2_000_000, "unit": "t", "hedge": "about"}),
]


@pytest.mark.parametrize(("text", "written", "expected"), SIGNED, ids=[case[1] for case in SIGNED])
def test_a_minus_sign_or_word_makes_the_figure_negative(text: str, written: str, expected: dict) -> None:
    check(figure(text, written), **expected)


@pytest.mark.parametrize(("text", "values"), [
    ("Рост на 10-15%.", [10, 15]),
    ("Добыча 2,5-3 млн тонн.", [2_500_000, 3_000_000]),
    ("Margins rose 10-15% in 2024-2025.", [10, 15, 2024, 2025]),
    ("Рост на 10 -15%.", [10, 15]),
    ("Calc: 10 t -3 t.", [10, 3]),  # a minus between two figures is no sign of the second
    ("В 2021 году 1,6 млн тонн, в 2022 году -2,1 млн тонн.", [2021, 1_600_000, 2022, 2_100_000]),  # a dash typed
    # as a hyphen before an amount's digits: no negative tonnage
    ("Доля 5% -3%.", [5, 3]),
    ("Погрешность плюс-минус 2%.", [2]),  # a margin, no sign
    ("A margin of plus or minus 3%, plus/minus 4 percent.", [3, 4]),
    ("От -5 до -3%.", [-5, -3]),
    ("From -5 to 10 percent.", [-5, 10]),
])
def test_hyphens_that_join_keep_their_figures_positive(text: str, values: list) -> None:
    assert [f.value for f in extract_figures(text)] == values


@pytest.mark.parametrize("text", [
    "Ставка снизилась почти на -3%.",  # a bound on a negative figure: which side?
    "Less than -5% of the total.",
    "-5 поездов прошли.",  # a count has no sign
    "Минус 2 раза.",
    "Рост минус 5-10%.",  # from -5 to 10, or to -10?
    "Рост -5-10%.",
])
def test_a_sign_that_cannot_be_read_with_its_figure_leaves_it_out(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("text", "written", "expected"), [
    ("He won a third term.", "third", {"value": 3, "kind": "ordinal"}),
    ("A fifth consecutive year.", "fifth", {"value": 5, "kind": "ordinal"}),
    ("The world's third-largest producer.", "third", {"value": 3, "kind": "ordinal"}),
    ("A third-largest producer.", "third", {"value": 3, "kind": "ordinal"}),
    ("Визит стал пятым по счету.", "пятым", {"value": 5, "kind": "ordinal"}),
    ("Двадцать пятого марта.", "Двадцать пятого", {"value": 25, "kind": "ordinal"}),
    ("В два первых месяца.", "два первых месяца", {"value": 2, "kind": "count"}),
    ("Вырос в два с половиной раза.", "в два с половиной раза",
     {"value": Fraction(5, 2), "kind": "multiple", "unit": "times", "decimals": 1}),
    ("Вырос в 2 с половиной раза.", "в 2 с половиной раза", {"value": Fraction(5, 2), "kind": "multiple"}),
    ("Добыто два с половиной миллиона тонн.", "два с половиной миллиона тонн",
     {"value": 2_500_000, "unit": "t", "multiplier": 10**6}),
    ("It rose two and a half times higher.", "two and a half times", {"value": Fraction(5, 2), "kind": "multiple"}),
    ("One and a half million tonnes.", "One and a half million tonnes", {"value": 1_500_000, "unit": "t"}),
])
def test_ordinals_stay_ordinals_and_halves_are_read(text: str, written: str, expected: dict) -> None:
    check(figure(text, written), **expected)


PER_UNIT = [
    ("Coal cost $180 per tonne.", "$180 per tonne", {"value": 180, "unit": "USD/t", "kind": "amount"}),
    ("Brent traded at $68.20 a barrel.", "$68.20 a barrel", {"value": Fraction(341, 5), "unit": "USD/bbl"}),
    ("Power at $0.05/kWh.", "$0.05/kWh", {"value": Fraction(1, 20), "unit": "USD/kWh"}),
    ("Tariff of 4.5 cents per kWh.", "4.5 cents per kWh", {"value": Fraction(9, 2), "unit": "cent/kWh"}),
    ("Нефть стоила 65,4 доллара за баррель.", "65,4 доллара за баррель",
     {"value": Fraction(327, 5), "unit": "USD/bbl", "kind": "amount"}),
    ("Уголь по 25 долларов за тонну.", "25 долларов за тонну", {"value": 25, "unit": "USD/t"}),
    ("Урожайность 16,1 ц/га.", "16,1 ц/га", {"value": Fraction(161, 10), "unit": "centner/ha"}),
    ("Тариф 20 центов за кВт·ч.", "20 центов за кВт·ч", {"value": 20, "unit": "cent/kWh"}),
    ("Brent at $60-70 a barrel.", "70 a barrel", {"value": 70, "unit": "USD/bbl"}),
    ("Rates of $5 a week.", "$5 a week", {"unit": "USD/week"}),
    ("Погрузка 5 т/ч.", "5 т/ч", {"unit": "t/hour"}),
    ("A fee of 3 GW per tonne-km.", "3 GW per tonne-km", {"unit": "GW/(t*km)"}),
]


@pytest.mark.parametrize(("text", "written", "expected"), PER_UNIT, ids=[case[1] for case in PER_UNIT])
def test_a_rate_per_a_unit_keeps_its_denominator(text: str, written: str, expected: dict) -> None:
    check(figure(text, written), **expected)


def test_rates_per_a_unit_are_units_the_registry_reads():
    from bakuastana.numbers.quantity import parse_quantity
    from bakuastana.numbers.units import parse_unit

    assert parse_quantity("4.5 cent/kWh", exact=True).interval == parse_quantity("45 USD/MWh", exact=True).interval
    assert parse_quantity("180 USD/t", exact=True).interval == parse_quantity("0.18 USD/kg", exact=True).interval
    assert parse_unit("cent").dims == parse_unit("USD").dims and parse_unit("cent").factor == Fraction(1, 100)
    assert parse_unit("USD/bbl").dims == parse_unit("USD/m3").dims
    assert parse_unit("centner/ha").factor == parse_unit("t/ha").factor / 10
    assert parse_unit("GW/(t*km)").dims == parse_unit("GW/t/km").dims


@pytest.mark.parametrize("text", [
    "Gold hit $1,900 per ounce.",  # no unit of the registry: never $1,900 alone, nor 1900
    "Shares at $5 per share.",
    "Gas at $300 per 1,000 cubic metres.",
    "Газ по 250 долларов за тысячу кубометров.",
    "Газ по 250 долларов за 1000 кубометров.",
    "Cargo at $500/mt.",  # a metric tonne there, not a million
    "Shares at $5/share.",
    "Shares at $60-70 per share.",
    "Five dollars per share.",
])
def test_a_rate_per_what_no_unit_names_is_left_out(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("text", "readings"), [
    ("Продали 100 тонн за 5 млн долларов.", [("100 тонн", "t"), ("5 млн долларов", "USD")]),
    ("Купили компанию: 5 млн долларов за компанию.", [("5 млн долларов", "USD")]),
    ("Добыли 5 млн тонн за год.", [("5 млн тонн", "t")]),  # over the year, not per year
    ("Raised $5 million a decade ago.", [("$5 million", "USD")]),
    ("Погрузка 5 тонн / 10 вагонов.", [("5 тонн", "t"), ("10 вагонов", None)]),
])
def test_what_is_paid_for_or_taken_over_is_no_rate(text: str, readings: list) -> None:
    assert [(f.text, f.unit) for f in extract_figures(text)] == readings


@pytest.mark.parametrize(("text", "written", "expected"), [
    ("Freight turnover was 210.3 billion tonne-km.", "210.3 billion tonne-km",
     {"value": 210_300_000_000, "unit": "t*km", "kind": "amount"}),
    ("Грузооборот 210,3 млрд тонно-километров.", "210,3 млрд тонно-километров",
     {"value": 210_300_000_000, "unit": "t*km"}),
    ("Грузооборот 12 млрд т-км.", "12 млрд т-км", {"value": 12_000_000_000, "unit": "t*km"}),
    # "mt" is metric tonnes on commodity wires and million tonnes elsewhere: read as written, never as tonnes
    ("Output reached 1.2 mt.", "1.2 mt", {"value": Fraction(6, 5), "unit": None, "multiplier": 1}),
    ("Iran bought 50,000 mt of wheat.", "50,000 mt", {"value": 50_000, "unit": None, "multiplier": 1}),
    ("Output reached 350 kt.", "350 kt", {"value": 350_000, "unit": "t", "multiplier": 1000}),
    ("Output reached 2.4 mmt.", "2.4 mmt", {"value": 2_400_000, "unit": "t"}),
    ("Output reached 5 MMt.", "5 MMt", {"value": 5_000_000, "unit": "t"}),
])
def test_tonne_kilometres_and_scaled_tonnes(text: str, written: str, expected: dict) -> None:
    check(figure(text, written), **expected)


def test_tonne_kilometres_are_no_tonnes():
    from bakuastana.numbers.units import parse_unit

    assert set(parse_unit("t*km").dims) == {("[length]", 1), ("[mass]", 1)}
    assert parse_unit("t*km").factor == parse_unit("t").factor * parse_unit("km").factor
    assert parse_unit("mmt").factor == parse_unit("Mt").factor == parse_unit("t").factor * 10**6
