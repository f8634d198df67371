"""Property tests: generated and mutated inputs never raise anything but the documented exception types."""

from __future__ import annotations

import json
from fractions import Fraction

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bakuastana.errors import MAX_SHOWN, BadInput
from bakuastana.numbers.expr import Comparison, Env, ExprError, evaluate, parse
from bakuastana.numbers.interval import Interval
from bakuastana.numbers.quantity import HEDGES, Quantity, parse_quantity
from bakuastana.numbers.units import parse_unit
from bakuastana.store.load import parse_store
from bakuastana.store.model import Store

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
                database=None)

VALID = """\
schema: bakuastana.facts/1
source: {outlet: test, published: 2025-10-21}
names:
  - {id: btc, canonical: Баку-Тбилиси-Джейхан, abbreviations: [БТД]}
facts:
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: 470 million USD
    period: 2024
    hedge: about
    quote: составил 470 млн. долларов
    names: [btc]
  - {id: growth, topic: trade, label: Growth, kind: percent, value: 50 percent, period: 2024, quote: "на 50 %"}
derived:
  - {id: base, topic: trade, label: Base, expr: "trade_2024 / (1 + growth)", unit: million USD}
relations:
  - {id: r, label: Base below, check: "base < trade_2024", severity: warning}
"""

YAML_PIECES = [":", " ", "\n", "  ", "- ", "{", "}", "[", "]", ",", "'", '"', "&a ", "*a", "!!str ", "!!python/name:x ",
               "<<: ", "#", "|", ">", "? ", "---\n", "\t", "%YAML 1.1\n", "~", "null", "1e400", "0x10", ".inf", "é",
               "\x00", "\ufeff", "value", "facts", "id", "expr", "check", "2024", "470 million bananas", "a.__class__"]


def _load(text: str, path: str = "fuzz.yaml") -> None:
    try:
        result = parse_store(text, path)
    except BadInput as exc:
        assert exc.path == path
        lines = str(exc).split("\n")  # one line on stderr per problem, each located, at most MAX_SHOWN and a count
        assert "\r" not in str(exc) and len(lines) <= MAX_SHOWN + 1 and len(lines) == min(len(exc.problems),
                                                                                         MAX_SHOWN + 1)
        assert all(line.startswith(f"{path}:") for line in lines[:MAX_SHOWN])
        places = [(problem.line, problem.column) for problem in exc.problems]
        assert places == sorted(places)  # in file order
        return
    assert isinstance(result, Store)


@settings(FUZZ, max_examples=400)
@given(st.text(max_size=300))
def test_store_loader_on_any_text(text):
    _load(text)


def _edits(text: str, pieces: list[str]):
    """Up to four edits of `text`: at a position, delete up to 8 characters and insert one of the pieces."""
    return st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 8), st.sampled_from(pieces)),
                    min_size=1, max_size=4)


def _edited(text: str, edits) -> str:
    for position, delete, piece in edits:
        position = min(position, len(text))
        text = text[:position] + piece + text[position + delete:]
    return text


@settings(FUZZ, max_examples=3000)
@given(_edits(VALID, YAML_PIECES))
def test_store_loader_on_mutations_of_a_valid_store(edits):
    _load(_edited(VALID, edits))


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                    st.text(max_size=20), st.sampled_from(["470 million USD", "50 percent", "2024", "about",
                                                           "trade_2024", "1 / 0", "claim", "2025-01..08"]))
KEYS = st.sampled_from(["schema", "source", "facts", "derived", "relations", "names", "topics", "id", "topic",
                        "label", "value", "kind", "hedge", "period", "quote", "expr", "check", "unit", "exact",
                        "precision", "tolerance", "published", "canonical", "x"])
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(KEYS, inner, max_size=6)), max_leaves=25)


@settings(FUZZ, max_examples=400)
@given(st.dictionaries(KEYS, DOCUMENTS, max_size=6))
def test_store_loader_on_generated_documents(document):
    _load(yaml.safe_dump(document, allow_unicode=True))


@settings(FUZZ, max_examples=300)
@given(st.dictionaries(KEYS, DOCUMENTS, max_size=6), st.sampled_from([None, 1, 2]))
def test_json_store_loader_on_generated_documents(document, indent):
    _load(json.dumps(document, ensure_ascii=False, indent=indent), "fuzz.json")


VALID_JSON = json.dumps(yaml.safe_load(VALID), ensure_ascii=False, indent=1, default=str)
JSON_PIECES = ["{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", " ", "\n", "\r", "\t", "1", "-", "1e400",
               "NaN", "true", "nul", "null", "\x00", "\ufeff", '"facts"', '"id"', '"value"', '"a"', "é"]


@settings(FUZZ, max_examples=1500)
@given(_edits(VALID_JSON, JSON_PIECES))
def test_json_store_loader_on_mutations_of_a_valid_store(edits):
    _load(_edited(VALID_JSON, edits), "fuzz.json")


QUANTITY_WORDS = ["470", "3,5", "3.5", "46 679", "1e5", "-2", "0", "million", "млн.", "млрд", "trillion", "USD",
                  "долларов", "t", "Mt/year", "тонн", "км", "percent", "%", "pp", "Tbit/s", "/", "*", "**", "^",
                  "(", ")", "year", "bananas", "1/0", "0/0", "kg**1000", "__class__", " ", "", ".", ",", "-"]


@settings(FUZZ, max_examples=2000)
@given(st.lists(st.sampled_from(QUANTITY_WORDS), max_size=6), st.sampled_from([None, *HEDGES]), st.booleans(),
       st.sampled_from([None, "5 million USD", "1 t", "x", "0.5"]))
def test_quantity_parser_on_word_salad(words, hedge, exact, precision):
    text = " ".join(words)
    try:
        quantity = parse_quantity(text, hedge=hedge, exact=exact, precision=precision)
    except ValueError:  # UnitError and DimensionError are ValueErrors too, as documented
        return
    assert isinstance(quantity, Quantity)


@settings(FUZZ, max_examples=400)
@given(st.text(max_size=60))
def test_quantity_parser_on_any_text(text):
    try:
        quantity = parse_quantity(text)
    except ValueError:
        return
    assert isinstance(quantity, Quantity)


class TinyEnv(Env):
    """Two facts: a (470 million USD, in 2024) and b (a plain 50 %), c is a claim with no value."""

    def __init__(self) -> None:
        self.values = {"a": parse_quantity("470 million USD"), "b": parse_quantity("50 percent")}

    def value(self, name: str) -> Quantity:
        if name not in self.values:
            raise ExprError(f'fact "{name}" is a claim with no value')
        return self.values[name]

    def duration(self, name: str) -> Quantity:
        year = parse_unit("year")
        return Quantity(Interval.point(Fraction(1) * year.factor), year)


NAMES = {"a", "b", "c"}
EXPR_TOKENS = ["a", "b", "c", "1", "0", "2", "64", "65", "0,5", "3.5", "10", "470", "млн", "million", "USD", "t",
               "Mt", "year", "month", "%", "Tbit/s", "+", "-", "*", "/", "^", "**", "(", ")", "(", ")", ",", "<", "<=",
               "==", "!=", ">", "to", "in", "->", "growth(", "ratio(", "share(", "cagr(", "min(", "max(", "sum(",
               "rate(", "duration(", "eval(", "__import__", ".", "a.__class__", "'", "[", ";", "lambda", "bananas",
               "TB/day", "в год", "терабит в секунду"]


def _run(source: str) -> None:
    try:
        parsed = parse(source, NAMES.__contains__)
        result = evaluate(parsed, TinyEnv())
    except ExprError as exc:
        assert isinstance(exc.message, str) and exc.message
        assert 0 <= exc.offset <= max(len(source), 2000)
        return
    assert isinstance(result, (Quantity, Comparison))


@settings(FUZZ, max_examples=3000)
@given(st.lists(st.sampled_from(EXPR_TOKENS), max_size=14), st.booleans())
def test_expressions_from_tokens(tokens, spaced):
    _run((" " if spaced else "").join(tokens))


@settings(FUZZ, max_examples=600)
@given(st.text(alphabet="0123456789.,+-*/^()<>=!% abctoUSDMmln_\t'\"[]{};:", max_size=40))
def test_expressions_from_characters(source):
    _run(source)


@settings(FUZZ, max_examples=300)
@given(st.text(max_size=40))
def test_expressions_from_any_text(source):
    _run(source)


@settings(FUZZ, max_examples=300)
@given(st.recursive(st.sampled_from(["a", "b", "2", "0", "64", "(1 - 1)", "0,5", "1 t"]),
                    lambda inner: st.builds(lambda x, op, y: f"({x} {op} {y})", inner,
                                            st.sampled_from(["+", "-", "*", "/", "^"]), inner), max_leaves=12))
def test_nested_arithmetic_never_escapes(source):
    _run(source)
