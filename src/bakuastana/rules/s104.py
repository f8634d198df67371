"""S104 value-disagrees-with-figure: a fact's `value` is not the number, unit or hedge its `figure` writes."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.findings import Location
from bakuastana.numbers.quantity import format_interval
from bakuastana.rules.rule import Example, Rule
from bakuastana.store.model import Fact
from bakuastana.text.binding import quantity_from_figure, stored_figure_in_quote

DATED = ("date", "year")
# "fell 12%", "на 12% меньше": the figure writes the size, the value its sign (the reader of figures takes no sign:
# "-40%" reads 40 %)
SIGNED_BY_WORDS = frozenset(("percent", "pp"))


def _hedge(hedge: str | None) -> str | None:
    return None if hedge == "only" else hedge  # "всего", "only" leave the number as written


def disagreements(fact: Fact, published) -> tuple[str, ...]:
    """What the fact's value says otherwise than its figure as written: "number", "unit", "hedge" (empty when
    they agree, or when the figure cannot be read on its own: a Roman numeral, a claim)."""
    if fact.figure is None or fact.quantity is None:
        return ()
    written = stored_figure_in_quote(fact.quote, fact.figure)
    if written is None or written.range_id is not None:
        return ()  # unread, or one end of a range ("2022-2027" for a span of 6 years): no one number to compare
    if (written.kind in DATED) != (fact.kind in DATED):
        return ()  # a value computed from a date, or a date from a count: not the figure's number
    from_figure = quantity_from_figure(fact, written, published)
    if from_figure is None:
        return ()
    found = []
    if from_figure.unit.dims != fact.quantity.unit.dims:
        found.append("unit")
    elif fact.quantity.is_date or fact.kind in ("date", "year"):
        if not from_figure.interval.intersects(fact.quantity.interval):
            found.append("date")
    elif (stated := fact.quantity.interval.nominal) != from_figure.interval.nominal and not (
            SIGNED_BY_WORDS & {fact.kind, written.kind} and from_figure.interval.nominal == -stated):
        found.append("number")
    if not fact.quantity.is_date and _hedge(written.hedge) != _hedge(fact.hedge) and not (
            written.hedge == "up_to" and fact.hedge is None):  # "увеличить до 7 млн": "до" may be "to"
        found.append("hedge")
    return tuple(found)


def check(analysis: Analysis) -> Iterator:
    published = analysis.store.source.published
    for fact in analysis.store.facts:
        found = disagreements(fact, published)
        if not found:
            continue
        written = stored_figure_in_quote(fact.quote, fact.figure)
        reads = quantity_from_figure(fact, written, published)
        hedges = f', hedge {fact.hedge or "none"} against "{written.hedge or "none"}"' if "hedge" in found else ""
        figure_line = fact.marks.get("figure", (fact.line, fact.column))[0]
        placed = f" (line {figure_line})" if figure_line is not None else ""
        message = (f'{fact.id}: value "{fact.value_text}" disagrees with its figure "{fact.figure}"{placed}, '
                   f"which reads {format_interval(reads)}{hedges}: the "
                   f"{' and '.join(found)} differ{'s' if len(found) == 1 else ''}")
        line, column = fact.marks.get("value", (fact.line, fact.column))
        finding = analysis.finding(RULE, message, [fact.id], fact, stated=fact.figure, computed=fact.value_text,
                                   interval=format_interval(reads))
        if line is not None:  # the value, not the fact's first line
            finding.location = Location(analysis.store.path, line, column)
        yield finding


RULE = Rule(
    "S104", "value-disagrees-with-figure", "error",
    "A fact's value is not the number, unit or hedge its figure writes.",
    what="Each fact's `figure` is read by the same reader as `extract` (scale words, units, hedges, number "
         "words) and compared with its `value`: the same number at full scale, the same dimension of unit, and "
         'the same hedge (a change may be stored negative: "fell 12%" is -12 percent). Precision is not '
         "compared (`exact`, `precision` and `tolerance` may widen a value); "
         'a value without a hedge may stand for "до X" / "up to X" (after a verb of change "до" means "to"); '
         "a figure that is one end of a range, a date given for a count, and a figure the reader cannot read "
         "(Roman numerals) are not compared.",
    why="Every check runs on `value`; the reader sees `figure`. A value typed wrong (570 for 470, thousand for "
        "million, tonnes for dollars) makes every verdict about a number the article never wrote.",
    fix="Correct the value (or the figure, if it was copied wrong from the quote); both must say one number.",
    example=Example(
        'value "570 million USD" next to figure "470 млн. долларов".',
        facts="""
facts:
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: 570 million USD
    figure: 470 млн. долларов
    quote: товарооборот составил 470 млн. долларов
""",
        shows='trade_2024: value "570 million USD" disagrees with its figure "470 млн. долларов" (line 7), which '
              "reads [469.5, 470.5] million USD: the number differs"),
    check=check,
)
