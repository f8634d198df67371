"""S103 unknown-topic: a fact's topic is not among the store's listed topics."""

from __future__ import annotations

from collections.abc import Iterator

from bakuastana.analysis.context import Analysis
from bakuastana.rules.rule import Example, Rule


def check(analysis: Analysis) -> Iterator:
    topics = analysis.store.topics
    if not topics:
        return
    for item in [*analysis.store.facts, *analysis.store.derived]:
        if item.topic not in topics:
            yield analysis.finding(RULE, f'{item.id}: topic "{item.topic}" is not listed in topics', [item.id], item)


RULE = Rule(
    "S103", "unknown-topic", "warning", "A fact's topic is not among the store's listed topics.",
    what="When the store lists `topics`, every fact and derived value must use one of them.",
    why="`bakuastana show TOPIC` groups by topic; a misspelt topic hides a fact from its table.",
    fix="Use a listed topic, or add the new one to `topics`.",
    example=Example(
        "topic: trdae  (topics: trade, transit, oil)",
        facts="""
topics: {trade: Trade, transit: Transit, oil: Oil}
facts:
  - id: trade_2024
    topic: trdae
    label: Trade 2024
    value: 470 million USD
    quote: товарооборот составил 470 млн. долларов
""",
        shows='trade_2024: topic "trdae" is not listed in topics'),
    check=check,
)
