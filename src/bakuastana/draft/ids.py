"""Ids of drafted facts and names: measure, period and role in ASCII ("trade_turnover_2024_growth"), made unique."""

from __future__ import annotations

import re
from collections import Counter

from bakuastana.draft.periods import period_label
from bakuastana.draft.vocabulary import Vocabulary


def slug(text: str, words: Vocabulary) -> str:
    """Lowercase ASCII letters, digits and single underscores, other scripts transliterated."""
    letters = words.merged("TRANSLITERATION")
    lowered = "".join(letters.get(char, char) for char in text.lower())
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", lowered)).strip("_")


def period_slug(period: str, words: Vocabulary) -> str:
    """A period as an id writes it: "by_2027", "since_2023", "2025_01_08"."""
    match = re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", period)
    if match and match.group(1) == match.group(3):
        return f"{match.group(1)}_{match.group(2)}_{match.group(4)}"
    return slug(period_label(period), words)


class UniqueIds:
    """Hands out ids in turn: the second time a base is asked for it gets "_2", and so on."""

    def __init__(self) -> None:
        self.taken: Counter = Counter()
        self.given: set[str] = set()

    def take(self, base: str) -> str:
        self.taken[base] += 1
        candidate = base if self.taken[base] == 1 else f"{base}_{self.taken[base]}"
        while candidate in self.given:  # "amount_1" asked for a fifth time must not give "amount_1_5" twice
            self.taken[base] += 1
            candidate = f"{base}_{self.taken[base]}"
        self.given.add(candidate)
        return candidate


def fact_id_base(data: dict, words: Vocabulary) -> str:
    """The id a fact takes from its fields, before it is made unique: measure, period and role, else kind and
    value."""
    kind = data.get("kind", "amount")
    period = data.get("period")
    when = period_slug(period, words) if period else None
    value = data.get("value")
    number = slug(str(value).split()[0], words) if value else None
    if data.get("trend"):
        base = f"{data.get('measure') or 'series'}_trend"
    elif data.get("share_of"):
        base = f"{data['share_of']}_share"
    elif data.get("measure") and kind in ("percent", "pp", "multiple"):
        base = "_".join(filter(None, (data["measure"], when, "growth" if kind != "multiple" else "multiple")))
    elif data.get("measure"):
        base = "_".join(filter(None, (data["measure"], when)))
    elif kind in ("year", "date"):
        base = f"{kind}_{slug(str(value), words)}" if value else "date"
    elif kind in ("count", "ordinal", "duration", "percent", "pp", "multiple"):
        base = f"{kind}_{number}"
    elif kind == "claim":
        base = "claim"
    else:
        unit = slug(" ".join(str(value).split()[1:]), words) if value else ""
        base = "_".join(filter(None, ("amount", number, unit)))
    base = slug(base, words) or "fact"
    return base if base[0].isalpha() else f"fact_{base}"
