"""P101 figure-changed: the article writes a fact's figure differently from the store."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    for reading in analysis.readings.values():
        if reading.status != "changed":
            continue
        fact = analysis.store.fact_by_id[reading.fact_id]
        what = ", ".join(reading.differences)
        severity = "warning" if reading.differences == ("hedge",) else "error"
        message = (f'{fact.id}: the article writes "{reading.written.text}" where the store has "{fact.figure}" '
                   f"({what} differs)")
        yield analysis.finding(RULE, message, [fact.id], fact, severity=severity,
                               span=analysis.span_of(reading.written.start, reading.written.end),
                               stated=reading.written.text, computed=fact.figure, fix=fact.figure)


RULE = Rule(
    "P101", "figure-changed", "error", "The article writes a fact's figure differently from the store "
    "(value, unit, scale word, hedge, date or ordinal).",
    what="With --article, each fact's figure is read from the article where its quote stands (even when the "
         "figure itself was edited) and compared with the store's figure, read by the same extractor. A change "
         "of hedge alone is a warning; any other change is an error. Wording that keeps the meaning "
         '("млн." for "миллионов", "км" for "километров") is not a change.',
    why="The store is the reviewed record of what the article says; a draft that drifts from it publishes a "
        "figure nobody checked.",
    fix="Restore the figure, or, if the draft is right, update the fact (value, figure and quote) and re-check.",
    example=Example(
        'The store has "470 млн. долларов"; the draft says "407 млн. долларов".',
        facts="""
facts:
  - {id: trade_2024, topic: trade, label: Trade 2024, value: 470 million USD, figure: 470 млн. долларов,
     quote: товарооборот за год составил 470 млн. долларов}
""",
        article="Товарооборот за год составил 407 млн. долларов.\n",
        shows='trade_2024: the article writes "407 млн. долларов" where the store has "470 млн. долларов" '
              "(value differs)"),
    check=check,
)
