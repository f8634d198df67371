"""Units: Russian and English unit words normalised, parsed and converted by pint over our own definitions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources

# Scale words are numbers, never SI prefixes: "млн" is a million, not a milli-something.
SCALE_WORDS: dict[str, int] = {}
for _factor, _forms in (
    (10**3, "тыс тыс. тысяч тысячи тысяча тысячу тысячам тысячами thousand thousands"),
    (10**6, "млн млн. миллион миллиона миллионов миллионам миллионами million millions mln mn"),
    (10**9, "млрд млрд. миллиард миллиарда миллиардов миллиардам billion billions bln bn"),
    (10**12, "трлн трлн. триллион триллиона триллионов trillion trillions tn"),
):
    for _form in _forms.split():
        SCALE_WORDS[_form] = _factor

# Multi-word phrases first (longest wins), then single words; values are pint unit expressions.
UNIT_PHRASES: dict[str, str] = {
    "терабит в секунду": "Tbit/s", "терабита в секунду": "Tbit/s", "гигабит в секунду": "Gbit/s",
    "terabits per second": "Tbit/s", "terabit per second": "Tbit/s",
    "процентных пункта": "pp", "процентных пунктов": "pp", "процентный пункт": "pp",
    "percentage points": "pp", "percentage point": "pp", "per cent": "percent",
    "в год": "/ year", "в месяц": "/ month", "в сутки": "/ day", "в день": "/ day", "в секунду": "/ s",
    "per year": "/ year", "a year": "/ year", "per month": "/ month", "per day": "/ day", "per second": "/ s",
}
UNIT_WORDS: dict[str, str] = {}
for _unit, _forms in (
    ("USD", "usd $ доллар доллара долларов долларам долларах долл. долл dollar dollars us$"),
    ("EUR", "eur € евро euro euros"),
    ("RUB", "rub рубль рубля рублей руб."),
    ("KZT", "kzt тенге tenge ₸"),
    ("AZN", "azn манат маната манатов manat manats"),
    ("t", "т т. тонна тонны тонн тоннам тоннах tonne tonnes ton tons"),
    ("kt", "kt"),
    ("Mt", "mt"),
    ("km", "км км. километр километра километров километрах kilometre kilometres kilometer kilometers"),
    ("m", "метр метра метров metre metres"),
    ("GW", "гвт гигаватт гигаватта gw gigawatt gigawatts"),
    ("MW", "мвт мегаватт мегаватта мегаватт mw megawatt megawatts"),
    ("kW", "квт kw"),
    ("Tbit/s", "тбит/с tbit/s tbps"),
    ("Gbit/s", "гбит/с gbit/s gbps"),
    ("TEU", "teu дфэ"),
    ("percent", "% процент процента процентов процентам percent"),
    ("pp", "п.п. п.п pp"),
    ("times", "раз раза times"),
    ("year", "год года лет году годы годов year years"),
    ("month", "месяц месяца месяцев month months"),
    ("day", "день дня дней сутки day days"),
    ("train", "поезд поезда поездов поездам train trains"),
    ("wagon", "вагон вагона вагонов wagon wagons"),
    ("container", "контейнер контейнера контейнеров container containers"),
    ("document", "документ документа документов document documents"),
    ("visit", "визит визита визитов visit visits"),
    ("tanker", "танкер танкера танкеров tanker tankers"),
    ("country", "страна страны стран country countries"),
):
    for _form in _forms.split():
        UNIT_WORDS[_form] = _unit

_PHRASE_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(p) for p in sorted(UNIT_PHRASES, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\s*/()^]+|[*/()^]")


class UnitError(ValueError):
    """A unit the tool does not know, or two units that cannot be compared."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A parsed unit: its factor to base units, its dimensions, and how to write it."""

    factor: Fraction
    dims: tuple[tuple[str, Fraction], ...]
    label: str

    @property
    def dimensionless(self) -> bool:
        return not self.dims

    def describe_dims(self) -> str:
        if not self.dims:
            return "dimensionless"
        parts = []
        for name, power in self.dims:
            name = name.strip("[]").removeprefix("currency_").upper() if "currency" in name else name.strip("[]")
            parts.append(name if power == 1 else f"{name}^{power}")
        return "*".join(parts)


DIMENSIONLESS = Unit(Fraction(1), (), "")


@cache
def registry():
    """The pint registry over our own definitions; built on first use (pint's import is the slow part)."""
    import pint

    ureg = pint.UnitRegistry(None, non_int_type=Fraction, autoconvert_offset_to_baseunit=False)
    definitions = resources.files("bakuastana").joinpath("data/units.txt").read_text(encoding="utf-8")
    for line in definitions.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ureg.define(line)
    return ureg


def normalize_unit_text(text: str) -> str:
    """Turn Russian or English unit words into a pint expression: "тонн в год" -> "t / year"."""
    text = _PHRASE_RE.sub(lambda m: f" {UNIT_PHRASES[m.group(1).lower()]} ", text.strip())
    out: list[str] = []
    for token in _WORD_RE.findall(text):
        mapped = UNIT_WORDS.get(token.lower(), UNIT_WORDS.get(token, token))
        if out and out[-1] not in "*/(^" and mapped not in "*/)^":
            out.append("*")  # "USD month" reads as a product, as pint would
        out.append(mapped)
    return " ".join(out)


@cache
def parse_unit(text: str) -> Unit:
    """Parse a unit written in Russian, English or pint notation; raises UnitError if unknown."""
    text = text.strip()
    if not text:
        return DIMENSIONLESS
    scale, words = 1, text.split()
    while len(words) > 1 and words[0].lower() in SCALE_WORDS:  # "million USD": a display unit with a scale
        scale *= SCALE_WORDS[words.pop(0).lower()]
    if scale != 1:
        inner = parse_unit(" ".join(words))
        return Unit(inner.factor * scale, inner.dims, text)
    expression = normalize_unit_text(text)
    if not re.fullmatch(r"[\w\s*/()^.%$€₸-]+", expression) or "__" in expression:
        raise UnitError(f'unknown unit "{text}"')
    ureg = registry()
    try:
        units = ureg.parse_units(expression)
        factor, _ = ureg.get_base_units(units)
    except Exception as exc:  # pint raises several unrelated types for a bad unit
        raise UnitError(f'unknown unit "{text}"') from exc
    dims = tuple(sorted((name, Fraction(power)) for name, power in units.dimensionality.items()))
    label = _label(expression)
    return Unit(Fraction(factor), dims, label)


def _label(expression: str) -> str:
    return expression.replace(" * ", "*").replace(" / ", "/").replace(" ", "")


def same_dimension(a: Unit, b: Unit) -> bool:
    return a.dims == b.dims
