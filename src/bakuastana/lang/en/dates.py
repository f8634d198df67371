"""English month names and abbreviations, and the words around dates and years."""

from __future__ import annotations

MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12}

YEAR_PREPOSITIONS = "in|since|by|until|till|from|of|to|for|during|before|after|through"
MONTH_PREPOSITIONS = "in|since|by|until|till|from|through|during|early|late|mid|of|last|next|this|before|after"
CENTURY_WORDS = "century|centuries"
