"""P rules: the store against the article: figures as written, quotes present, figures left unbound."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.rules.base import rule
from bakuastana.rules.context import Context

_WHY = ("The store is the reviewed record of what the article says; a draft that drifts from it publishes a "
        "figure nobody checked.")


@rule("P101", "figure-changed", "error", "The article writes a fact's figure differently from the store "
      "(value, unit, scale word, hedge, date or ordinal).",
      what="With --article, each fact's figure is read from the article where its quote stands (even when the "
           "figure itself was edited) and compared with the store's figure, read by the same extractor. A change "
           "of hedge alone is a warning; any other change is an error. Wording that keeps the meaning "
           '("млн." for "миллионов", "км" for "километров") is not a change.',
      why=_WHY,
      example='The store has "470 млн. долларов"; the draft says "407 млн. долларов".',
      fix="Restore the figure, or, if the draft is right, update the fact (value, figure and quote) and re-check.")
def figures_changed(context: Context) -> Iterator:
    for reading in context.readings.values():
        if reading.status != "changed":
            continue
        fact = context.store.fact_by_id[reading.fact_id]
        what = ", ".join(reading.differences)
        severity = "warning" if reading.differences == ("hedge",) else "error"
        message = (f'{fact.id}: the article writes "{reading.written.text}" where the store has "{fact.figure}" '
                   f"({what} differs)")
        yield context.finding(figures_changed.info, message, [fact.id], fact, severity=severity,
                              span=context.span_of(reading.written.start, reading.written.end),
                              stated=reading.written.text, computed=fact.figure, fix=fact.figure)


@rule("P102", "quote-missing", "warning", "A fact's quote is not in the article, not even around its figure.",
      what="Each fact's quote is searched in the article tolerant to re-flowed lines, whitespace, typographic "
           "quotes and dashes; failing that, the quote's text before and after its figure is searched.",
      why="A fact whose evidence is gone can no longer be checked against the text; the sentence was rewritten "
          "or removed.",
      example="The draft rewrites the sentence with 287 container trains into another wording.",
      fix="Update the fact's quote to the new sentence, or delete the fact if the figure left the article.")
def quotes_missing(context: Context) -> Iterator:
    for reading in context.readings.values():
        if reading.status == "missing":
            fact = context.store.fact_by_id[reading.fact_id]
            yield context.finding(quotes_missing.info, f"{fact.id}: quote not found in the article", [fact.id],
                                  fact, stated=fact.quote)


@rule("P103", "figure-unread", "warning", "A fact's quote is in the article but its figure is not where it was.",
      what="The text around a fact's figure is found, but no figure stands between it.",
      why=_WHY,
      example='"составил млн. долларов": the number was deleted.',
      fix="Restore the figure, or update the fact.")
def figures_unread(context: Context) -> Iterator:
    for reading in context.readings.values():
        if reading.status == "unread":
            fact = context.store.fact_by_id[reading.fact_id]
            yield context.finding(figures_unread.info, f'{fact.id}: no figure where the article had "{fact.figure}"',
                                  [fact.id], fact, span=context.span_of(*reading.span), fix=fact.figure)


@rule("P104", "unbound-figure", "info", "A figure in the article is bound to no fact in the store.",
      what="Every figure the extractor finds (digits, scale words, number words, ordinals, dates, years) is "
           "bound to the fact whose figure it is, or to the fact whose period it names. The rest are listed, and "
           "the summary's coverage is the share bound.",
      why="A figure no fact holds is a figure nobody checks.",
      example='"между двумя странами" with no fact for the count of countries.',
      fix="Add a fact for it (bakuastana init drafts one), or accept it as not worth checking.")
def unbound_figures(context: Context) -> Iterator:
    for binding in context.bindings:
        if binding.fact_id is None:
            figure = binding.figure
            message = f'"{figure.text}" ({figure.kind}) is bound to no fact'
            yield context.finding(unbound_figures.info, message, [], None,
                                  span=context.span_of(figure.start, figure.end), stated=figure.text)
