"""Units: Russian and English unit words normalised, parsed and converted by pint over our own definitions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from typing import NamedTuple

from bakuastana import data_text
from bakuastana.numbers.vocabulary import SCALES, UNITS

# Scale words are numbers, never SI prefixes: "млн" is a million, not a milli-something.
SCALE_WORDS: dict[str, int] = {form.lower(): factor for factor, forms in SCALES.items() for form in forms}

# Letters that may stand for a scale after a number: "M" is always one (no unit is written "M" alone: "470 M USD"
# is 470 million USD, never metres); "m", "B", "k" and "K" are one only before a currency ("470 m USD",
# "1.2 B EUR"), where metres or bytes of money mean nothing. Elsewhere "5 m" is metres and "5 B" bytes.
SCALE_SYMBOLS: dict[str, int] = {"M": 10**6}
SCALE_LETTERS_BEFORE_MONEY: dict[str, int] = {"k": 1000, "K": 1000, "m": 10**6, "M": 10**6, "b": 10**9,
                                              "B": 10**9}


def scale_of(word: str, following: str | None = None) -> int | None:
    """The factor of a scale word or scale letter after a number ("млн", "mn", "bn", "M"; "m" before a currency:
    `following` is the next word), or None when `word` is no scale."""
    factor = SCALE_WORDS.get(word.lower()) or SCALE_SYMBOLS.get(word)
    if factor is None and word in SCALE_LETTERS_BEFORE_MONEY and following is not None and is_money(following):
        factor = SCALE_LETTERS_BEFORE_MONEY[word]
    return factor


def is_money(text: str) -> bool:
    """Whether a unit text is a currency ("USD", "долларов", "€"), possibly per a time ("USD/year")."""
    try:
        unit = parse_unit(text)
    except UnitError:
        return False
    return any(name.startswith("[currency_") and power == 1 for name, power in unit.dims)


# The vocabulary's canonical units that pint reads under another spelling.
_PINT_SPELLING = {"m3": "m**3", "km/h": "km / h", "bbl/day": "bbl / day", "Tbit/s": "Tbit / s",
                  "Gbit/s": "Gbit / s"}

# Multi-word phrases first (longest wins), then single words; values are pint unit expressions.
UNIT_PHRASES: dict[str, str] = {
    "процентных пункта": "pp", "процентных пунктов": "pp", "процентный пункт": "pp",
    "percentage points": "pp", "percentage point": "pp", "per cent": "percent",
    "в год": "/ year", "в месяц": "/ month", "в сутки": "/ day", "в день": "/ day", "в секунду": "/ s",
    "per year": "/ year", "a year": "/ year", "per month": "/ month", "per day": "/ day", "per second": "/ s",
}
UNIT_WORDS: dict[str, str] = {}
for _unit, _forms in UNITS.items():
    for _form in _forms:
        _target = _PINT_SPELLING.get(_unit, _unit)
        if any(sign in _form for sign in " /*"):  # several tokens: replaced as a phrase before words are read
            UNIT_PHRASES.setdefault(_form.lower(), _target)
        else:
            UNIT_WORDS.setdefault(_form.lower(), _target)
# Words a store or an expression writes that an article's figures do not carry as units: percents, multiples,
# abbreviated masses, and counted things (each its own dimension in units.txt).
for _unit, _forms in (
    ("t", "т. тоннам тоннах"),
    ("kt", "kt"),
    ("Mt", "mt mmt"),
    ("km", "км."),
    ("percent", "% процент процента процентов процентам percent"),
    ("pp", "п.п. п.п pp"),
    ("times", "раз раза times"),
    ("year", "году годы годов"),
    ("train", "поезд поезда поездов поездам train trains"),
    ("wagon", "вагон вагона вагонов wagon wagons"),
    ("container", "контейнер контейнера контейнеров container containers"),
    ("document", "документ документа документов document documents"),
    ("visit", "визит визита визитов visit visits"),
    ("tanker", "танкер танкера танкеров tanker tankers"),
    ("country", "страна страны стран country countries"),
):
    for _form in _forms.split():
        UNIT_WORDS.setdefault(_form, _unit)

_PHRASE_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(p) for p in sorted(UNIT_PHRASES, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\s*/()^]+|\*\*|[*/()^]")
# A unit raised past the 99th power, or a power of a power, is no unit: refused before pint computes it.
_HUGE_POWER = re.compile(r"(?:\*\*|\^)\s*[-+]?\(?\s*(?:\d{3,}|[\w.]+\s*(?:\*\*|\^))")
_BEFORE_OPERAND = frozenset(("*", "**", "/", "(", "^"))  # tokens after which a word needs no "*"
_AFTER_OPERAND = frozenset(("*", "**", "/", ")", "^"))  # tokens before which a word needs no "*"


class UnitError(ValueError):
    """A unit the tool does not know, or two units that cannot be compared."""


@dataclass(frozen=True)  # no slots: parse_unit shares one Unit per unit text
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
    for line in data_text("units.txt").splitlines():
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
        if out and out[-1] not in _BEFORE_OPERAND and mapped not in _AFTER_OPERAND:
            out.append("*")  # "USD month" reads as a product, as pint would
        out.append(mapped)
    return " ".join(out)


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """Parse a unit written in Russian, English or pint notation; raises UnitError if unknown."""
    text = text.strip()
    if not text:
        return DIMENSIONLESS
    scale, words = 1, text.split()
    while len(words) > 1 and (factor := scale_of(words[0], " ".join(words[1:]))):  # "million USD", "M USD": a
        scale *= factor  # display unit with a scale
        words.pop(0)
    if scale != 1:
        inner = parse_unit(" ".join(words))
        return Unit(inner.factor * scale, inner.dims, text)
    if any(token in SCALE_SYMBOLS for token in _WORD_RE.findall(text)):
        raise UnitError(f'ambiguous unit "{text}": "M" after a number is read as million; write "million" (or '
                        f'"mn") for a scale, "m" for metres, or a prefix joined to its unit ("Mt", "MW")')
    expression = normalize_unit_text(text)
    if not re.fullmatch(r"[\w\s*/()^.%$€₸-]+", expression) or "__" in expression or _HUGE_POWER.search(expression):
        raise UnitError(f'unknown unit "{text}"')
    try:
        parsed = _table_units(expression)
        if parsed is None:  # outside the plain grammar: pint decides
            parsed = _pint_units(expression)
    except ArithmeticError:  # "1/0", "10 ** 10 ** 10": no unit at all
        parsed = _UNKNOWN
    if parsed is _UNKNOWN:
        raise UnitError(f'unknown unit "{text}"')
    factor, dims = parsed
    return Unit(factor, dims, _label(expression))


def _pint_units(expression: str):
    """(factor, dims) of a unit expression as pint reads it over our definitions, or _UNKNOWN."""
    ureg = registry()
    try:
        units = ureg.parse_units(expression)
        factor, _ = ureg.get_base_units(units)
    except Exception:  # pint raises several unrelated types for a bad unit
        return _UNKNOWN
    return Fraction(factor), tuple(sorted((name, Fraction(power)) for name, power in units.dimensionality.items()))


# The unit table: units.txt read without pint ------------------------------------------------------
#
# Importing pint and building its registry costs more than a whole `check` of the seed store, yet our
# definitions are a few dozen plain lines. The table below reads them directly and resolves names exactly as
# pint's registry does (name, symbol or alias first; then every prefix with an optional plural "s", prefixed
# candidates first), and `_table_units` evaluates products, quotients and integer powers of such names.
# Anything outside that plain grammar (pint's preprocessor words, other operators, decimals) still goes to
# pint, so results stay pint's; tests/test_perf_paths.py checks the two agree name by name and on compound
# expressions.

_UNKNOWN = object()
_PINT_WORDS = frozenset({"per", "squared", "cubed", "cubic", "square", "sq", "nan"})
_TOKEN_RE = re.compile(r"(?P<space>\s+)|(?P<name>[^\W\d]\w*)|(?P<number>[1-9][0-9]*|0(?![0-9]))"
                       r"|(?P<op>\*\*|[*/()^-])")


class _Table(NamedTuple):
    """The unit table of data/units.txt: its prefixes, the names of each unit, each unit's factor and dimensions."""

    prefixes: dict[str, Fraction]  # every prefix name, symbol and alias ("" included), in pint's order
    names: dict[str, str]  # every unit name, symbol and alias -> its canonical name
    units: dict[str, tuple[Fraction, dict[str, Fraction]]]  # canonical name -> factor to base, dimensions


@cache
def _table() -> _Table:
    prefixes: dict[str, Fraction] = {"": Fraction(1)}
    names: dict[str, str] = {}
    units: dict[str, tuple[Fraction, dict[str, Fraction]]] = {}
    table = _Table(prefixes, names, units)
    for line in data_text("units.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, value, *aliases = (part.strip() for part in line.split("="))
        if name.endswith("-"):
            factor = _evaluate(value, table)[0]
            for key in (name[:-1], *aliases):
                if key != "_":
                    prefixes[key.rstrip("-")] = factor
            continue
        if value.startswith("["):
            units[name] = (Fraction(1), {value: Fraction(1)})
        else:
            units[name] = _evaluate(value, table)
        for key in (name, *aliases):
            if key != "_":
                names[key] = name
    return table


def _resolve(table: _Table, word: str) -> tuple[Fraction, dict[str, Fraction]] | None:
    """A unit word as pint's `get_name` reads it: exact key, else the first prefix(+plural) split."""
    if word == "dimensionless":
        return Fraction(1), {}
    canonical = table.names.get(word)
    if canonical is not None:
        return table.units[canonical]
    candidates: dict[tuple[str, str], None] = {}
    for suffix in ("", "s"):
        if not word.endswith(suffix):
            continue
        for prefix in table.prefixes:
            if not word.startswith(prefix):
                continue
            stem = word[len(prefix):]
            if suffix:
                stem = stem[:-len(suffix)]
                if len(stem) == 1:
                    continue
            if stem in table.names:
                candidates[(prefix, table.names[stem])] = None
    for prefix, unit in list(candidates):  # pint prefers ("kilo", "gram") to ("", "kilogram")
        if prefix:
            candidates.pop(("", prefix + unit), None)
    if not candidates:
        return None
    prefix, unit = next(iter(candidates))
    factor, dims = table.units[unit]
    return table.prefixes[prefix] * factor, dims


def _table_units(expression: str):
    """(factor, dims) by the table, _UNKNOWN for an unknown name or a scaled unit, None outside the grammar."""
    try:
        scale, raw = _product(_tokens(expression), expression)
    except _OutsideGrammar:
        return None
    if scale != 1:
        return _UNKNOWN
    table = _table()
    factor, dims = Fraction(1), {}
    for word, power in raw.items():
        if power == 0:
            continue
        resolved = _resolve(table, word)
        if resolved is None:
            return _UNKNOWN
        factor *= resolved[0] ** power
        for dimension, exponent in resolved[1].items():
            dims[dimension] = dims.get(dimension, 0) + exponent * power
    return factor, tuple(sorted((name, Fraction(power)) for name, power in dims.items() if power))


def _evaluate(expression: str, table: _Table) -> tuple[Fraction, dict[str, Fraction]]:
    """A definition's right-hand side over units defined before it: `1000000 * gram`, `year / 12`."""
    scale, raw = _product(_tokens(expression), expression)
    factor, dims = Fraction(scale), {}
    for word, power in raw.items():
        unit_factor, unit_dims = table.units[table.names[word]]
        factor *= unit_factor ** power
        for dimension, exponent in unit_dims.items():
            dims[dimension] = dims.get(dimension, 0) + exponent * power
    return factor, {name: power for name, power in dims.items() if power}


class _OutsideGrammar(Exception):
    """The expression needs pint's own parser."""


def _tokens(expression: str) -> list[tuple[str, str, bool]]:
    """(kind, text, preceded by space) for names, integers and * / ( ) ** ^; raises _OutsideGrammar."""
    tokens: list[tuple[str, str, bool]] = []
    position, spaced = 0, False
    while position < len(expression):
        match = _TOKEN_RE.match(expression, position)
        if match is None:
            raise _OutsideGrammar
        kind, text = match.lastgroup, match.group()
        position = match.end()
        if kind == "space":
            spaced = True
            continue
        if kind == "name" and (not text.isidentifier() or text.lower() in _PINT_WORDS):
            raise _OutsideGrammar
        if kind == "op" and text == "^":
            text = "**"
        tokens.append((kind, text, spaced))
        spaced = False
    return tokens


def _product(tokens: list[tuple[str, str, bool]], source: str) -> tuple[Fraction, dict[str, int]]:
    """Evaluate products, quotients and integer powers to (scale, {name: power}), as pint's ParserHelper."""
    position = 0

    def operand() -> tuple[Fraction, dict[str, int]]:
        nonlocal position
        if position >= len(tokens):
            raise _OutsideGrammar
        kind, text, _ = tokens[position]
        position += 1
        if kind == "name":
            value = (Fraction(1), {text: 1})
        elif kind == "number":
            value = (Fraction(text), {})
        elif text == "(":
            value = product()
            if position >= len(tokens) or tokens[position][1] != ")":
                raise _OutsideGrammar
            position += 1
        else:
            raise _OutsideGrammar
        if position < len(tokens) and tokens[position][1] == "**":
            position += 1
            exponent = _exponent()
            value = (value[0] ** exponent, {name: power * exponent for name, power in value[1].items()})
            if position < len(tokens) and tokens[position][1] == "**":
                raise _OutsideGrammar  # a chain of powers: pint's associativity decides
        return value

    def _exponent() -> int:
        nonlocal position
        texts = [token[1] for token in tokens[position:position + 4]]
        for shape in (["(", "-", None, ")"], ["(", None, ")"], ["-", None], [None]):
            if len(texts) >= len(shape) and all(want in (None, got) for want, got in zip(shape, texts, strict=False)):
                number = tokens[position + shape.index(None)]
                if number[0] != "number":
                    raise _OutsideGrammar
                position += len(shape)
                if number[1] == "0":
                    raise _OutsideGrammar  # pint refuses some zero powers; leave them to it
                return -int(number[1]) if "-" in shape else int(number[1])
        raise _OutsideGrammar

    def product() -> tuple[Fraction, dict[str, int]]:
        nonlocal position
        scale, powers = operand()
        powers = dict(powers)
        while position < len(tokens):
            kind, text, spaced = tokens[position]
            if text in ("*", "/"):
                position += 1
                sign = 1 if text == "*" else -1
            elif kind in ("name", "number") or text == "(":
                if not spaced:  # "t(year)", "2t": pint's tokenizer reads these its own way
                    raise _OutsideGrammar
                sign = 1  # "t year" is a product, as pint's preprocessor makes it
            else:
                break
            other_scale, other = operand()
            if sign == 1:
                scale *= other_scale
            else:
                if other_scale == 0:
                    raise _OutsideGrammar
                scale /= other_scale
            for name, power in other.items():
                powers[name] = powers.get(name, 0) + sign * power
        return scale, powers

    result = product()
    if position != len(tokens):
        raise _OutsideGrammar
    return result


def _label(expression: str) -> str:
    return expression.replace(" * ", "*").replace(" / ", "/").replace(" ", "")
