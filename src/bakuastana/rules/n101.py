"""N101 implied-value: a value the article implies but does not state, recomputed with its interval."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    from bakuastana.numbers.expr import ExprError  # the engine, when a check runs

    for derived in analysis.store.derived:
        try:
            value = analysis.env.value(derived.id)
        except ExprError:
            continue  # N102 reports it
        shown, interval = analysis.texts_of(value)
        message = f"{derived.label}: {shown}" + (f" (interval {interval})" if shown != interval else "")
        refs = list(analysis.env.parse(derived.expr).refs)
        yield analysis.finding(RULE, message, [derived.id, *refs], derived, computed=shown, interval=interval,
                               verdict="implied")


RULE = Rule(
    "N101", "implied-value", "info", "A value the article implies but does not state, recomputed with its "
    "interval.",
    what="Evaluates each derived value (an expression over fact ids) in exact interval arithmetic, carrying the "
         "rounding of every written digit and every hedge.",
    why="An implied figure (the 2023 base behind '+50 % to 470 M') is where a wrong growth rate shows: it must "
        "fit everything else the article says.",
    fix="Nothing to fix: read the interval, and add relations that the implied value must satisfy.",
    example=Example(
        "expr: trade_2024 / (1 + trade_2024_growth)   # -> 313.3 million USD in [311.96, 314.72]",
        facts="""
facts:
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: 470 million USD
    figure: 470 млн. долларов
    quote: товарооборот в 2024 году составил 470 млн. долларов
  - id: trade_2024_growth
    topic: trade
    label: Trade growth in 2024
    value: 50 %
    figure: 50%
    quote: вырос на 50%
derived:
  - id: trade_2023_implied
    topic: trade
    label: 2023 trade implied by the 2024 total and its growth
    expr: trade_2024 / (1 + trade_2024_growth)
    unit: million USD
""",
        shows="2023 trade implied by the 2024 total and its growth: 313.33 million USD (interval [311.96, 314.716] "
              "million USD)"),
    check=check,
)
