"""`calc`: evaluate an expression over stored facts and literals with units, as an interval."""

from __future__ import annotations

from dataclasses import dataclass

from bakuastana.errors import BadInput
from bakuastana.numbers.expr import Comparison, ExprError, evaluate
from bakuastana.numbers.quantity import Quantity
from bakuastana.store.model import Store


@dataclass(frozen=True)
class CalcResult:
    """What `calc` computed: the expression's value or comparison, and the facts and figures it read."""

    expression: str
    value: Quantity | None
    comparison: Comparison | None
    refs: tuple[str, ...]
    verdict: str | None = None  # for a comparison: judged as `check` judges a relation (hedge readings too)
    figures: tuple[tuple[str, Quantity], ...] = ()  # figures typed in it, as read (analysis/typed.py)


def calculate(expression: str, store: Store) -> CalcResult:
    """Parse and evaluate `expression` over the store's values; bad input raises BadInput pointing at the column
    (the store's own expressions are validated first, as `check` does)."""
    from bakuastana.analysis.judge import Judge
    from bakuastana.analysis.typed import read_typed
    from bakuastana.analysis.values import StoreEnv, validate_expressions
    from bakuastana.numbers.expr import parse

    env, _ = validate_expressions(store)
    typed = read_typed(expression, store)  # typed figures become stated facts of a copy of the store
    if typed.figures:
        env = StoreEnv(typed.store, parsed=env.parsed, cache=env.cache)
    try:
        if typed.figures:
            env.parsed[expression] = parse(expression, typed.store.has_id, typed.read)
        parsed = env.parse(expression)
        result = evaluate(parsed, env)
    except ExprError as exc:
        offset = exc.offset if 0 <= exc.offset <= len(expression) else 0
        raise BadInput(exc.message, "expression", 1, offset + 1) from None
    refs = tuple(ref for ref in parsed.refs if ref not in typed.ids)
    figures = tuple((text, fact.quantity) for text, fact in typed.figures)
    if isinstance(result, Comparison):  # judged as `check` judges a relation of the store
        from bakuastana.store.model import Relation

        verdict, _ = Judge(typed.store, env).verdict(Relation("calc", "calc", expression))
        return CalcResult(expression, None, result, refs, verdict, figures)
    return CalcResult(expression, result, None, refs, figures=figures)
