"""The words figures are written with, over every registered language: scale words and unit forms. One table
serves both reading figures in articles (text/figures/) and parsing units in stores and expressions
(numbers/units.py); the words themselves live in each language's package under `bakuastana.lang`."""

from __future__ import annotations

from bakuastana.lang import lexicons, symbols


def _merged(tables: list[dict]) -> dict:
    merged: dict = {}
    for table in tables:
        for key, forms in table.items():
            merged.setdefault(key, []).extend(form for form in forms if form not in merged.get(key, ()))
    return merged


# Scale words are numbers, never SI prefixes: "млн" is a million, not a milli-something.
SCALES: dict[int, list[str]] = _merged([dict(lexicon.scales) for lexicon in lexicons()])

# Canonical unit (as numbers/units.py parses it) -> the forms a text writes it in, symbols first.
UNITS: dict[str, list[str]] = _merged([symbols.UNITS, *(dict(lexicon.units) for lexicon in lexicons())])
