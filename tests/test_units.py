"""Units: every unit the seed article uses, currencies as their own dimension, scale words as numbers."""

from fractions import Fraction as F

import pytest

from bakuastana.numbers.quantity import DimensionError, parse_quantity
from bakuastana.numbers.units import UnitError, parse_unit


@pytest.mark.parametrize(("written", "label", "factor"), [
    ("долларов", "USD", 1), ("тонн", "t", 10**6), ("т", "t", 10**6), ("км", "km", 1000),
    ("километров", "km", 1000), ("ГВт", "GW", 10**9), ("терабит в секунду", "Tbit/s", 10**12),
    ("процентов", "percent", F(1, 100)), ("поездов", "train", 1), ("документов", "document", 1),
    ("тонн в год", "t/year", F(10**6) / (F(36525, 100) * 86400)), ("TEU", "TEU", 1), ("вагонов", "wagon", 1),
    ("USD", "USD", 1), ("Mt", "Mt", 10**12), ("Tbit/s", "Tbit/s", 10**12), ("п.п.", "pp", F(1, 100)),
])
def test_article_units_parse(written, label, factor):
    unit = parse_unit(written)
    assert unit.label == label
    assert unit.factor == factor


def test_currency_is_its_own_dimension():
    assert parse_unit("USD").dims != parse_unit("EUR").dims
    assert parse_unit("USD").dims != parse_unit("t").dims


def test_scale_words_are_numbers_not_prefixes():
    for text in ("470 млн. долларов", "470 million USD", "470 миллионов долларов", "0.47 billion USD"):
        quantity = parse_quantity(text)
        assert quantity.interval.nominal == 470_000_000, text
        assert quantity.unit.label == "USD"


def test_amount_and_rate_differ():
    amount = parse_quantity("1.5 million t")
    rate = parse_quantity("7 million t/year")
    assert amount.dims != rate.dims
    with pytest.raises(DimensionError):
        amount + rate


def test_unknown_unit_is_reported():
    with pytest.raises(UnitError, match='unknown unit "bananas"'):
        parse_unit("bananas")


def test_conversion_is_exact():
    capacity = parse_quantity("400 Tbit/s", exact=True).to(parse_unit("TB/day"))
    assert capacity.magnitude().nominal == 4_320_000


def test_every_unit_the_extractor_reads_parses_and_its_forms_agree():
    from bakuastana.numbers.vocabulary import UNITS

    for canonical, forms in UNITS.items():
        unit = parse_unit(canonical if canonical not in ("m3",) else "m**3")
        for form in forms:
            assert parse_unit(form).dims == unit.dims, (canonical, form)
            assert parse_unit(form).factor == unit.factor, (canonical, form)


def test_new_currencies_and_volumes():
    assert parse_unit("£").dims != parse_unit("USD").dims
    assert parse_quantity("2 bbl", exact=True).to(parse_unit("m**3")).magnitude().nominal == F(317974589856, 10**12)


@pytest.mark.parametrize("text", ["1/0 ** -2", "10 ** 10 ** 10", "m ** 400000", "m ** (2 ** 40)"])
def test_absurd_powers_are_refused_at_once(text):
    with pytest.raises(UnitError):
        parse_unit(text)


@pytest.mark.parametrize("text", ["470 M USD", "470 mn USD", "470 mln USD", "470 млн USD", "470 млн. долларов",
                                  "470 m USD", "0.47 bn USD", "0.47 B USD", "0,47 млрд долларов"])
def test_scale_letters_and_abbreviations_after_a_number_are_scales(text):
    assert parse_quantity(text).interval.nominal == 470 * 10**6
    assert parse_quantity(text).unit.dims == parse_unit("USD").dims


def test_a_scale_letter_is_never_silently_metres():
    assert parse_quantity("470 m").unit.label == "m"  # alone, "m" is metres
    assert parse_quantity("5 B").unit.label == "B"  # and "B" bytes
    assert parse_quantity("470 M").interval.nominal == 470 * 10**6  # "M" alone is no unit: the scale
    assert parse_quantity("3 M t").interval.nominal == 3 * 10**12  # 3 million tonnes, in grams
    with pytest.raises(UnitError, match="ambiguous"):
        parse_unit("USD/M")
    with pytest.raises(UnitError, match="ambiguous"):
        parse_unit("M")
    assert parse_unit("MW").label == "MW" and parse_unit("Mt").factor == 10**12  # prefixes joined to a unit


def test_a_scaled_display_unit_keeps_its_digits():
    from bakuastana.numbers.quantity import format_quantity

    value = parse_quantity("470 million USD")
    assert format_quantity(value.to(parse_unit("thousand USD"))) == "470,000 thousand USD"
    assert format_quantity(value.to(parse_unit("million USD"))) == "470 million USD"
    assert format_quantity(value) == "470 million USD"
