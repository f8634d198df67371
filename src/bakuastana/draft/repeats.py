"""A figure written twice (a headline and the body, a summary at the end) makes one fact, not two."""

from __future__ import annotations

from bakuastana.draft.facts import Entry

# A year or date repeated is a period, and "three countries" twice may be two sets of three: neither is merged.
VALUE_KINDS = ("amount", "percent", "multiple")
MEASURE_GUESSED = "measure guessed"  # the TODO draft/facts.py gives a measure not read from the figure's clause


def repeats(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Each repeated mention with the mention whose fact it is: the same kind, value, hedge and measure (or
    share), in the same period or with none, about the same things, is one claim written again (read once the
    facts have their quotes and names). The mention kept is the first that names a period (the headline's
    "$470 million" yields to the body's "$470 million in 2023"), else the first."""
    groups: dict[tuple, list[Entry]] = {}
    for entry in entries:
        key = _key(entry)
        if key is not None:
            groups.setdefault(key, []).append(entry)
    pairs = []
    for group in groups.values():
        periods = {entry.data["period"] for entry in group if "period" in entry.data}
        if len(group) < 2 or len(periods) > 1:
            continue  # one mention, or the same figure in different periods: different facts
        kept = next((entry for entry in group if "period" in entry.data), group[0])
        pairs += [(entry, kept) for entry in group if entry is not kept and not _others(entry, kept)]
    return pairs


def _others(one: Entry, other: Entry) -> bool:
    """Whether two mentions may be about different things: the quotes name different entities, or a measure was
    only guessed (from the subject or an earlier sentence: "Kazakhstan invested $10 million", "Azerbaijan
    invested $10 million")."""
    names, other_names = set(one.data.get("names", ())), set(other.data.get("names", ()))
    if names and other_names and not names & other_names:
        return True
    return any(MEASURE_GUESSED in todo for entry in (one, other) for todo in entry.todos)


def bind_once(entries: list[Entry], pairs: list[tuple[Entry, Entry]]) -> list[Entry]:
    """Each repeated mention takes its fact's id (so a claim read around it names that fact) and leaves the
    facts: the entries that remain, in order."""
    for repeated, kept in pairs:
        repeated.data["id"] = kept.data["id"]
    gone = {id(repeated) for repeated, _ in pairs}
    return [entry for entry in entries if id(entry) not in gone]


def _key(entry: Entry) -> tuple | None:
    data = entry.data
    figure = entry.figure
    if figure is None or figure.kind not in VALUE_KINDS or "value" not in data:
        return None
    subject = data.get("measure") or data.get("share_of")
    if subject is None:
        return None  # what the figure is about is unknown: two mentions may be two things
    return data.get("kind"), str(data["value"]), data.get("hedge"), subject
