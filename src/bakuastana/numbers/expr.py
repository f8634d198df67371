"""The expression language over fact ids and literals with units: a whitelist parser, never eval."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import NamedTuple

from bakuastana.numbers.interval import Interval, IntervalError
from bakuastana.numbers.quantity import DimensionError, Quantity, check_magnitude, parse_number
from bakuastana.numbers.units import (
    SCALE_LETTERS_BEFORE_MONEY,
    SCALE_WORDS,
    UNIT_PHRASES,
    UnitError,
    parse_unit,
    scale_of,
)

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_TOKENS = 400
MAX_BITS = 4096  # bits of an exact value's numerator or denominator (about 1,200 digits): beyond, each step costs
#                  more than the figure is worth (products of (a/b)^64 near 1 grew to millions of bits)
COMPARISONS = ("<=", ">=", "==", "!=", "<", ">")
CONVERSION_WORDS = ("to", "in", "->")

_TOKEN_RE = re.compile(
    r"""(?P<space>\s+)
      | (?P<number>\d{1,3}(?:\u00a0\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?(?![\d]))
      | (?P<op>\*\*|<=|>=|==|!=|->|[-+*/^()<>,])
      | (?P<word>[^\W\d][\w.]*%?|[%$€₸])""",
    re.VERBOSE,
)


class ExprError(ValueError):
    """A bad expression; `offset` is the 0-based character position it points at."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class TooFine(ExprError):
    """An exact value whose fraction grew beyond MAX_BITS; `derived` names the derived value computed, once known."""

    derived: str | None = None


class Token(NamedTuple):
    """One token of an expression: its kind, its text and where it starts."""

    kind: str
    text: str
    offset: int


# AST nodes: plain tuples keep the parser small; the first item says what the node is.
#   ("num", Quantity) ("ref", name, offset) ("neg", node) ("bin", op, left, right, offset)
#   ("call", name, [args], offset) ("cmp", op, left, right, offset)


class Parsed(NamedTuple):
    """A parsed expression: its tree, the fact ids it refers to, and a unit to convert to, if any."""

    tree: tuple
    refs: tuple[str, ...]
    convert_to: str | None
    source: str

    @property
    def is_comparison(self) -> bool:
        return self.tree[0] == "cmp"

    def rebound(self, source: str, names: dict[str, str]) -> Parsed:
        """The parse of `source`, an expression of this one's shape with other fact ids (see `template_key`)."""
        return Parsed(_rebind(self.tree, names), tuple(names.get(ref, ref) for ref in self.refs), self.convert_to,
                      source)


def tokenize(source: str, read: Mapping[int, tuple[int, str]] | None = None) -> list[Token]:
    """The tokens of `source`; `read` maps a start offset to (end, name): a span read beforehand (a figure typed
    into calc, analysis/typed.py) that stands as one name."""
    if len(source) > MAX_LENGTH:
        raise ExprError(f"expression too long ({len(source)} characters, at most {MAX_LENGTH})", MAX_LENGTH)
    tokens: list[Token] = []
    position = 0
    while position < len(source):
        if read and position in read:
            end, name = read[position]
            tokens.append(Token("word", name, position))
            position = end
            continue
        match = _TOKEN_RE.match(source, position)
        if not match:
            raise ExprError(f'unexpected character "{source[position]}"', position)
        kind = match.lastgroup
        if kind != "space":
            tokens.append(Token(kind, match.group(), position))
            if len(tokens) > MAX_TOKENS:
                raise ExprError(f"expression too long (more than {MAX_TOKENS} tokens)", position)
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, source: str, is_name: Callable[[str], bool],
                 read: Mapping[int, tuple[int, str]] | None = None) -> None:
        self.source = source
        self.tokens = tokenize(source, read)
        self.index = 0
        self.depth = 0
        self.arities: list[int | None] = []  # the argument count of each call being read, innermost last
        self.is_name = is_name
        self.refs: list[str] = []

    def peek(self, ahead: int = 0) -> Token | None:
        position = self.index + ahead
        return self.tokens[position] if position < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise ExprError("expression ends too early", len(self.source))
        self.index += 1
        return token

    def expect(self, text: str) -> Token:
        token = self.peek()
        if token is None or token.text != text:
            where = token.offset if token else len(self.source)
            found = f'"{token.text}"' if token else "the end"
            raise ExprError(f'expected "{text}" but found {found}', where)
        return self.take()

    def parse(self) -> Parsed:
        if not self.tokens:
            raise ExprError("empty expression", 0)
        tree = self.comparison()
        convert_to = None
        token = self.peek()
        if token is not None and token.text in CONVERSION_WORDS:
            self.take()
            rest = self.peek()
            if rest is None:
                raise ExprError(f'"{token.text}" needs a unit after it', len(self.source))
            convert_to = self.source[rest.offset:].strip()
            self.index = len(self.tokens)
        token = self.peek()
        if token is not None:
            raise ExprError(f'unexpected "{token.text}"', token.offset)
        return Parsed(tree, tuple(dict.fromkeys(self.refs)), convert_to, self.source)

    def nested(self, parse: Callable[[], tuple]) -> tuple:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            token = self.peek()
            raise ExprError(f"expression nested too deeply (at most {MAX_DEPTH} levels)",
                            token.offset if token else 0)
        try:
            return parse()
        finally:
            self.depth -= 1

    def comparison(self) -> tuple:
        left = self.sum()
        token = self.peek()
        if token is not None and token.text in COMPARISONS:
            self.take()
            right = self.sum()
            return ("cmp", token.text, left, right, token.offset)
        return left

    def sum(self) -> tuple:
        node = self.product()
        while (token := self.peek()) is not None and token.text in "+-" and token.kind == "op":
            self.take()
            node = ("bin", token.text, node, self.product(), token.offset)
        return node

    def product(self) -> tuple:
        node = self.unary()
        while (token := self.peek()) is not None and token.text in ("*", "/") and token.kind == "op":
            self.take()
            node = ("bin", token.text, node, self.unary(), token.offset)
        return node

    def unary(self) -> tuple:
        token = self.peek()
        if token is not None and token.text in ("-", "+") and token.kind == "op":
            self.take()
            operand = self.nested(self.unary)
            return ("neg", operand) if token.text == "-" else operand
        return self.power()

    def power(self) -> tuple:
        base = self.atom()
        token = self.peek()
        if token is not None and token.text in ("^", "**"):
            self.take()
            return ("bin", "^", base, self.nested(self.unary), token.offset)
        return base

    def atom(self) -> tuple:
        token = self.take()
        if token.kind == "number":
            if "," in token.text and self.arities and self.arities[-1] != 1:
                whole, _, rest = token.text.rpartition(",")
                raise ExprError(f'"{token.text}" in the arguments of a call is ambiguous: write {whole}.{rest} for a '
                                f'decimal, or "{whole}, {rest}" for two arguments', token.offset)
            return ("num", self.literal(token))
        if token.text == "(":
            self.arities.append(1)  # inside plain parentheses a comma is a decimal comma again
            try:
                node = self.nested(self.comparison)
            finally:
                self.arities.pop()
            self.expect(")")
            return node
        if token.kind == "word":
            following = self.peek()
            if following is not None and following.text == "(":
                return self.call(token)
            if token.text.startswith("_") or "__" in token.text:
                raise ExprError(f'"{token.text}" is not allowed', token.offset)
            if not self.is_name(token.text):
                raise ExprError(f'unknown name "{token.text}"', token.offset)
            self.refs.append(token.text)
            return ("ref", token.text, token.offset)
        raise ExprError(f'unexpected "{token.text}"', token.offset)

    def call(self, name: Token) -> tuple:
        if name.text not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise ExprError(f'unknown function "{name.text}" (known: {known})', name.offset)
        self.expect("(")
        args: list[tuple] = []
        if (token := self.peek()) is not None and token.text == ")":
            self.take()
        else:
            while True:
                self.arities.append(FUNCTIONS[name.text][0])  # a comma between arguments is not a decimal comma
                try:
                    args.append(self.nested(self.comparison))
                finally:
                    self.arities.pop()
                token = self.take()
                if token.text == ")":
                    break
                if token.text != ",":
                    raise ExprError(f'expected "," or ")" but found "{token.text}"', token.offset)
        arity = FUNCTIONS[name.text][0]
        if arity is not None and len(args) != arity:
            raise ExprError(f"{name.text}() takes {arity} arguments, got {len(args)}", name.offset)
        if name.text in FACT_FUNCTIONS and (len(args) != 1 or args[0][0] != "ref"):
            raise ExprError(f"{name.text}() takes the id of a fact", name.offset)
        return ("call", name.text, args, name.offset)

    def literal(self, token: Token) -> Quantity:
        """A number with optional scale words and unit words after it: `547 млн USD`, `400 Tbit/s`."""
        value, _ = parse_number(token.text)
        while (word := self.peek()) is not None and word.kind == "word" and (factor := scale_of(
                word.text, self.peek(1).text if self.peek(1) is not None and self.peek(1).kind == "word" else None)):
            value *= factor  # "млн", "bn", "M"; "m" before a currency ("470 m USD")
            self.take()
        unit_text = self.unit_words()
        if not unit_text:
            return Quantity(Interval.point(value))
        try:
            unit = parse_unit(unit_text)
        except UnitError as exc:
            raise ExprError(str(exc), token.offset) from None
        return Quantity(Interval.point(value * unit.factor), unit)

    def unit_words(self) -> str:
        """Consume the unit phrase that follows a number: words that are units (not fact ids), `/ unit`."""
        parts: list[str] = []
        while (token := self.peek()) is not None:
            if token.kind == "word" and self.is_unit_word(token.text):
                parts.append(token.text)
                self.take()
                continue
            after = self.peek(1)
            if token.kind == "word" and after is not None and after.kind == "word":
                phrase = f"{token.text} {after.text}".lower()
                if phrase in UNIT_PHRASES:
                    parts.append(phrase)
                    self.index += 2
                    continue
            if parts and token.text == "/" and after is not None and after.kind == "word" \
                    and self.is_unit_word(after.text) and not _is_call(self.peek(2)):
                parts.append("/")
                self.index += 1
                continue
            break
        return " ".join(parts)

    def is_unit_word(self, word: str) -> bool:
        if word in CONVERSION_WORDS or word in FUNCTIONS or self.is_name(word):
            return False
        try:
            parse_unit(word)
        except UnitError:
            return False
        return True


def _is_call(token: Token | None) -> bool:
    return token is not None and token.text == "("


def parse(source: str, is_name: Callable[[str], bool] = lambda name: False,
          read: Mapping[int, tuple[int, str]] | None = None) -> Parsed:
    """Parse `source`; `is_name` tells which bare words are fact ids (the rest must be units); `read` holds spans
    read beforehand as names (see `tokenize`)."""
    return _Parser(source, is_name, read).parse()


# Expressions that differ only in their fact ids ("g1_a <= g1_b", "g2_a <= g2_b") parse to the same tree but for
# the names. The parser treats a bare word that is a fact id the same whatever the id, except for words it
# reads before asking `is_name` (functions, conversion, scale and unit-phrase words, "_" names): such ids stay
# in the template as written. Each id becomes a placeholder that keeps its length, so every offset in the
# tree (and every error it leads to) is the same for all expressions of one template, and its first-occurrence
# index, so a repeated id is told from two different ones.

_WORDS_RE = re.compile(r"([^\W\d][\w.]*%?|[%$€₸])")  # the tokenizer's words; numbers and operators hold no letters


def template_key(source: str, is_name: Callable[[str], bool]) -> tuple[str, tuple[str, ...]] | None:
    """(the expression with its fact ids replaced by placeholders, the ids in first-occurrence order), or None
    when the expression cannot share a parse."""
    if "\x00" in source:
        return None
    pieces = _WORDS_RE.split(source)  # text, word, text, word, ..., text
    index: dict[str, int] = {}
    for position in range(1, len(pieces), 2):
        word = pieces[position]
        if word.lower() in _READ_BEFORE_NAMES or word.startswith("_") or "__" in word or not is_name(word):
            continue
        pieces[position] = f"\x00{index.setdefault(word, len(index))}:{len(word)}\x00"
    if not index:
        return None
    return "".join(pieces), tuple(index)


def _rebind(node: tuple, names: dict[str, str]) -> tuple:
    kind = node[0]
    if kind == "ref":
        return ("ref", names.get(node[1], node[1]), node[2])
    if kind == "neg":
        return ("neg", _rebind(node[1], names))
    if kind in ("bin", "cmp"):
        return (kind, node[1], _rebind(node[2], names), _rebind(node[3], names), node[4])
    if kind == "call":
        return ("call", node[1], [_rebind(arg, names) for arg in node[2]], node[3])
    return node


# evaluation ---------------------------------------------------------------------------------------

class Env:
    """What an expression can see: fact values by id, and each fact's period length for rate()."""

    def value(self, name: str) -> Quantity:  # pragma: no cover - interface
        raise NotImplementedError

    def duration(self, name: str) -> Quantity:  # pragma: no cover - interface
        raise ExprError(f'"{name}" has no period')


def evaluate(parsed: Parsed, env: Env) -> Quantity | Comparison:
    try:
        result = _eval(parsed.tree, env)
        for side in (result.left, result.right) if isinstance(result, Comparison) else (result,):
            check_magnitude(side)
    except (DimensionError, IntervalError, UnitError) as exc:
        raise ExprError(str(exc), 0) from None
    except ZeroDivisionError:
        raise ExprError("division by zero", 0) from None
    if parsed.convert_to:
        if isinstance(result, Comparison):
            raise ExprError("cannot convert a comparison to a unit", 0)
        try:
            result = result.to(parse_unit(parsed.convert_to))
        except (UnitError, DimensionError) as exc:
            raise ExprError(str(exc), len(parsed.source) - len(parsed.convert_to)) from None
    return result


class Comparison(NamedTuple):
    """Two sides of a relation; `verdict()` says whether the stated intervals can satisfy it."""

    op: str
    left: Quantity
    right: Quantity

    def certain(self) -> bool:
        """Whether the relation holds for every combination of values within the two intervals."""
        return _judge(self.op, self.left.interval, self.right.interval)[1]

    def verdict(self) -> str:
        """`consistent`, `edge` (only somewhere inside the rounding or hedge) or `inconsistent`."""
        a, b = self.left.interval, self.right.interval
        possible, certain, nominal = _judge(self.op, a, b)
        if not possible:
            return "inconsistent"
        if self.op == "==" and nominal is False and (a.contains(b.nominal) or b.contains(a.nominal)):
            return "consistent"  # one side's figure is a rounding of the other's value: 10 % for 10.002 %
        if nominal is not None:
            return "consistent" if nominal else "edge"
        if self.op == "==":  # no stated point on one side (a month, a hedge): overlapping is agreeing
            return "consistent"
        return "consistent" if certain else "edge"


_NOMINAL_TESTS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
                  "!=": operator.ne}


def _judge(op: str, a: Interval, b: Interval) -> tuple[bool, bool, bool | None]:
    """(possible for some values, certain for all values, holds for the nominal values or None)."""
    nominal = None
    if a.nominal is not None and b.nominal is not None:
        nominal = _NOMINAL_TESTS[op](a.nominal, b.nominal)
    match op:
        case "<=":
            return a.possibly_le(b), a.certainly_le(b), nominal
        case "<":
            return a.possibly_lt(b), a.certainly_lt(b), nominal
        case ">=":
            return b.possibly_le(a), b.certainly_le(a), nominal
        case ">":
            return b.possibly_lt(a), b.certainly_lt(a), nominal
        case "==":
            return a.intersects(b), a.is_point and b.is_point and a.lo == b.lo, nominal
        case "!=":
            same_point = a.is_point and b.is_point and a.lo == b.lo
            return not same_point, not a.intersects(b), nominal
    raise ExprError(f"unknown comparison {op}")


_OFFSET_AT = {"ref": 2, "bin": 4, "cmp": 4, "call": 3}  # where each kind of node keeps its offset


def _eval(node: tuple, env: Env):
    """Evaluate a node; an arithmetic, unit or reference error points at the innermost operator or name."""
    try:
        result = _eval_node(node, env)
        if result.__class__ is Quantity and node[0] in _OFFSET_AT:
            _check_bits(result, node[_OFFSET_AT[node[0]]])
        return result
    except ExprError as exc:
        if node[0] != "ref":
            raise
        raise ExprError(exc.message, node[2]) from None  # from another expression: point at the name
    except (DimensionError, IntervalError, UnitError, ZeroDivisionError) as exc:
        if node[0] not in _OFFSET_AT:
            raise
        message = "division by zero" if isinstance(exc, ZeroDivisionError) else str(exc)
        raise ExprError(message, node[_OFFSET_AT[node[0]]]) from None


def _check_bits(quantity: Quantity, offset: int) -> None:
    """Refuse a value whose exact bounds need more than MAX_BITS bits (TooFine at the operator)."""
    interval = quantity.interval
    for bound in (interval.lo, interval.hi, interval.nominal):
        if bound.__class__ is Fraction and (bound.denominator.bit_length() > MAX_BITS
                                            or bound.numerator.bit_length() > MAX_BITS):
            raise TooFine(f"value too large to compute exactly: its fraction needs more than {MAX_BITS} bits "
                          "(each product multiplies the digits; round a figure or compute fewer powers)", offset)


def _eval_node(node: tuple, env: Env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "ref":
        return env.value(node[1])
    if kind == "neg":
        return -_number(_eval(node[1], env))
    if kind == "bin":
        _, op, left, right, _ = node
        a, b = _number(_eval(left, env)), _number(_eval(right, env))
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a / b
        return a.power(b)
    if kind == "cmp":
        _, op, left, right, _ = node
        a, b = _number(_eval(left, env)), _number(_eval(right, env))
        if a.dims != b.dims:
            raise DimensionError(f"cannot compare {a.unit.describe_dims()} with {b.unit.describe_dims()}")
        return Comparison(op, a, b)
    if kind == "call":
        _, name, args, _ = node
        if name in FACT_FUNCTIONS:
            return FUNCTIONS[name][1](env, args[0][1])
        return FUNCTIONS[name][1](*[_number(_eval(arg, env)) for arg in args])
    raise ExprError(f"unknown node {kind}")


def _number(value) -> Quantity:
    if isinstance(value, Comparison):
        raise ExprError("a comparison cannot be used as a number", 0)
    return value


def _percent(quantity: Quantity) -> Quantity:
    return Quantity(quantity.interval, parse_unit("percent"))


ONE = Quantity(Interval.point(1))


def growth(new: Quantity, old: Quantity) -> Quantity:
    """Relative change from old to new: growth(150, 100) = 50 %."""
    return _percent(new / old - ONE)


def ratio(a: Quantity, b: Quantity) -> Quantity:
    return a / b


def share(part: Quantity, whole: Quantity) -> Quantity:
    return _percent(part / whole)


def cagr(end: Quantity, start: Quantity, years: Quantity) -> Quantity:
    """Compound annual growth rate over `years` (a plain number or a time quantity)."""
    if years.dims:
        years = years / Quantity(Interval.point(parse_unit("year").factor), parse_unit("year"))
        if years.dims:
            raise DimensionError("cagr() needs its years as a plain number or a time")
    return _percent((end / start).power(_inverse(years)) - ONE)


def _inverse(years: Quantity) -> Quantity:
    if not years.interval.is_point:
        raise DimensionError("cagr() needs an exact number of years")
    return Quantity(Interval.point(1 / Fraction(years.interval.lo)))


def _minimum(*values: Quantity) -> Quantity:
    return _fold(values, lambda a, b: a if a.interval.hi <= b.interval.lo else b if b.interval.hi <= a.interval.lo
                 else Quantity(_interval_min(a.interval, b.interval), a.unit))


def _maximum(*values: Quantity) -> Quantity:
    return _fold(values, lambda a, b: -_minimum(-a, -b))


def _interval_min(a: Interval, b: Interval) -> Interval:
    lo, lo_open = (a.lo, a.lo_open) if a.lo < b.lo else (b.lo, b.lo_open)
    hi, hi_open = (a.hi, a.hi_open) if a.hi < b.hi else (b.hi, b.hi_open)
    nominal = None if a.nominal is None or b.nominal is None else min(a.nominal, b.nominal)
    return Interval(lo, hi, lo_open, hi_open, nominal)


def _fold(values, combine):
    if not values:
        raise ExprError("needs at least one argument", 0)
    result = values[0]
    for value in values[1:]:
        if value.dims != result.dims:
            raise DimensionError(f"cannot compare {result.unit.describe_dims()} with {value.unit.describe_dims()}")
        result = combine(result, value)
    return result


def _total(*values: Quantity) -> Quantity:
    return _fold(values, lambda a, b: a + b)


def duration(env: Env, name: str) -> Quantity:
    return env.duration(name)


def rate(env: Env, name: str) -> Quantity:
    """A fact's amount per unit of its period: 1.5 Mt in 2025 -> 1.5 Mt/year."""
    return env.value(name) / env.duration(name)


FUNCTIONS: dict[str, tuple[int | None, Callable]] = {
    "growth": (2, growth),
    "ratio": (2, ratio),
    "share": (2, share),
    "cagr": (3, cagr),
    "min": (None, _minimum),
    "max": (None, _maximum),
    "sum": (None, _total),
    "duration": (1, duration),
    "rate": (1, rate),
}
FACT_FUNCTIONS = ("duration", "rate")
_READ_BEFORE_NAMES = frozenset(word.lower() for word in (
    *FUNCTIONS, *CONVERSION_WORDS, *SCALE_WORDS, *SCALE_LETTERS_BEFORE_MONEY,
    *(word for phrase in UNIT_PHRASES for word in phrase.split())))
