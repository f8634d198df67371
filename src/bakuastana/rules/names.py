"""What the T rules share: the spellings the store's names list holds."""

from __future__ import annotations

from bakuastana.analysis.context import Analysis


def listed_tokens(analysis: Analysis) -> set[str]:
    """Every word of every spelling the store lists for its names."""
    return {token for name in analysis.store.names for spelling in name.spellings() for token in spelling.split()}


def known_abbreviations(analysis: Analysis) -> dict[str, str]:
    """Each abbreviation the store's names list holds, with the canonical name it stands for."""
    return {abbr: name.canonical for name in analysis.store.names for abbr in name.abbreviations}
