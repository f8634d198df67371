"""`calc`: evaluate an expression over stored facts and literals with units, as an interval."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bakuastana.errors import BadInput
from bakuastana.numbers.expr import Comparison, ExprError, evaluate
from bakuastana.numbers.quantity import Quantity


@dataclass(frozen=True)
class CalcResult:
    expression: str
    value: Quantity | None
    comparison: Comparison | None
    refs: tuple[str, ...]
    verdict: str | None = None  # for a comparison: judged as `check` judges a relation (hedge readings too)


def calculate(expression: str, store_path: str | Path | None = None) -> CalcResult:
    """Parse and evaluate `expression`; bad input raises BadInput pointing at the column."""
    from bakuastana.analysis.engine import default_store_path
    from bakuastana.analysis.values import validate_expressions
    from bakuastana.store.load import load_store

    store = load_store(store_path or default_store_path())
    env, _ = validate_expressions(store)
    try:
        parsed = env.parse(expression)
        result = evaluate(parsed, env)
    except ExprError as exc:
        offset = exc.offset if 0 <= exc.offset <= len(expression) else 0
        raise BadInput(exc.message, "expression", 1, offset + 1) from None
    if isinstance(result, Comparison):
        return CalcResult(expression, None, result, parsed.refs, _judge_as_relation(store, env, expression))
    return CalcResult(expression, result, None, parsed.refs)


def _judge_as_relation(store, env, expression: str) -> str:
    """The verdict `check` would give this comparison written as a relation of the store."""
    from bakuastana.rules.consistency import judge
    from bakuastana.rules.context import Context
    from bakuastana.store.model import Relation

    verdict, _ = judge(Context(store, None, env), Relation("calc", "calc", expression))
    return verdict
