"""N rules: values the article implies, recomputed in interval arithmetic."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.numbers.expr import ExprError
from bakuastana.rules.base import rule
from bakuastana.rules.context import Context


@rule("N101", "implied-value", "info", "A value the article implies but does not state, recomputed with its "
      "interval.",
      what="Evaluates each derived value (an expression over fact ids) in exact interval arithmetic, carrying "
           "the rounding of every written digit and every hedge.",
      why="An implied figure (the 2023 base behind '+50 % to 470 M') is where a wrong growth rate shows: "
          "it must fit everything else the article says.",
      example="expr: trade_2024 / (1 + trade_2024_growth)   # -> 313.3 million USD in [311.96, 314.72]",
      fix="Nothing to fix: read the interval, and add relations that the implied value must satisfy.")
def implied_values(context: Context) -> Iterator:
    for derived in context.store.derived:
        try:
            value = context.env.value(derived.id)
        except ExprError:
            continue
        shown, interval = context.texts_of(value)
        message = f"{derived.label}: {shown}" + (f" (interval {interval})" if shown != interval else "")
        refs = list(context.env.parse(derived.expr).refs)
        yield context.finding(implied_values.info, message, [derived.id, *refs], derived, computed=shown,
                              interval=interval, verdict="implied")


@rule("N102", "implied-value-not-computable", "error", "A derived value cannot be computed from the figures "
      "as the article writes them.",
      what="With --article, derived values are recomputed from the figures read from the article; a draft "
           "that changes a unit or drops a figure can make an expression meaningless.",
      why="An implied value that cannot be computed hides every check built on it.",
      example="A draft writes '470 млн. тонн' where the store has 470 million USD: trade_2024 / (1 + growth) "
              "is then tonnes, and relations against USD fail to compare.",
      fix="Restore the figure as the store has it, or update the store.")
def implied_not_computable(context: Context) -> Iterator:
    for derived in context.store.derived:
        try:
            context.env.value(derived.id)
        except ExprError as exc:
            refs = list(context.env.parse(derived.expr).refs)
            yield context.finding(implied_not_computable.info, f"{derived.label}: {exc.message}",
                                  [derived.id, *refs], derived)
