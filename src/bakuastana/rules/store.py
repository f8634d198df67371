"""S rules: the store's own quality, beyond what loading already refuses."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.rules.base import rule
from bakuastana.rules.context import Context
from bakuastana.text.article import fold_with_map


@rule("S101", "figure-not-in-quote", "error", "A fact's figure (as written) does not appear in its quote.",
      what="Each fact's `figure` must be a substring of its `quote` (whitespace and typography folded).",
      why="The quote is the evidence; a figure that is not in it cannot be traced to the article.",
      example='figure: "470 млн. долларов" with quote "...составил 407 млн. долларов"',
      fix="Copy the figure exactly as the quote writes it, or fix the quote.")
def figure_not_in_quote(context: Context) -> Iterator:
    for fact in context.store.facts:
        if fact.figure and fold_with_map(fact.figure)[0].lower() not in fold_with_map(fact.quote)[0].lower():
            yield context.finding(figure_not_in_quote.info, f'figure "{fact.figure}" is not in the quote of '
                                  f"{fact.id}", [fact.id], fact, stated=fact.figure)


@rule("S102", "todo-left", "warning", "A fact still carries a TODO for a person to decide.",
      what="Reports every fact whose `todo` field is set (as `bakuastana init` leaves them).",
      why="A draft store is not reviewed until each TODO is decided.",
      example="todo: period guessed from the sentence; confirm",
      fix="Decide, edit the fact, and delete the todo field.")
def todo_left(context: Context) -> Iterator:
    for fact in context.store.facts:
        if fact.todo:
            yield context.finding(todo_left.info, f"{fact.id}: TODO {fact.todo}", [fact.id], fact)


@rule("S103", "unknown-topic", "warning", "A fact's topic is not among the store's listed topics.",
      what="When the store lists `topics`, every fact and derived value must use one of them.",
      why="`bakuastana show TOPIC` groups by topic; a misspelt topic hides a fact from its table.",
      example="topic: trdae  (topics: trade, transit, oil)",
      fix="Use a listed topic, or add the new one to `topics`.")
def unknown_topic(context: Context) -> Iterator:
    topics = context.store.topics
    if not topics:
        return
    for item in [*context.store.facts, *context.store.derived]:
        if item.topic not in topics:
            yield context.finding(unknown_topic.info, f'{item.id}: topic "{item.topic}" is not listed in topics',
                                  [item.id], item)
