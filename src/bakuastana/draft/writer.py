"""The YAML text of a drafted store: a header that asks for review, then source, topics, names and facts."""

from __future__ import annotations

from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bakuastana.draft.draft import Draft

# The order of a fact's fields in the draft: what it is, its value and period, then where it stands.
FACT_FIELDS = ("id", "topic", "measure", "label", "kind", "value", "period", "hedge", "figure", "quote", "names",
               "subjects", "trend", "share_of", "note", "todo")


def dump(data) -> str:
    """YAML block style, Unicode as written, keys in the order given, no anchors (the loader refuses them)."""
    import yaml

    return yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=1000)


@cache
def _dumper():
    """libyaml's emitter when PyYAML has it (the pure-Python one took 1.5 ms a fact: most of `init`'s time on a
    long text); the same text on every draft compared (golden and init tests, marks and quotes fuzzed)."""
    import yaml

    class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
        def ignore_aliases(self, data) -> bool:
            return True

    return _Dumper


def store_data(draft: Draft) -> dict:
    """The draft laid out as its store file holds it: the data `draft_yaml` writes and a check in memory loads."""
    from bakuastana.store.load import SCHEMA_ID

    data = {"schema": SCHEMA_ID, "source": draft.source, "topics": draft.topics}
    if draft.names:
        data["names"] = draft.names
    data["facts"] = [{key: fact[key] for key in FACT_FIELDS if key in fact} for fact in draft.facts]
    if draft.derived:
        data["derived"] = draft.derived
    if draft.relations:
        data["relations"] = draft.relations
    return data


def draft_yaml(draft: Draft) -> str:
    """The draft as the text of a store file: `store_data` with a header, and TODOs for what the text left out."""
    header = (f"# Draft fact store made by `bakuastana init` from {PurePath(draft.article).name}.\n"
              "# It is a DRAFT: every value, period and measure below was guessed from the text. Review\n"
              f"# each fact, decide each `todo:` ({draft.todos} left; `bakuastana check` lists them as S102) and\n"
              "# delete it.\n"
              "# Field reference: README.md, section \"The fact store\".\n")
    parts = [header]
    for key, value in store_data(draft).items():
        parts += [dump({key: value}) if key == "schema" else f"\n{dump({key: value})}"]
        if key == "source":
            if "published" not in draft.source:
                parts.append("  # published: YYYY-MM-DD  # TODO: the publication date; it resolves this_year, "
                             "last_year and periods that run until now\n")
            parts.append("  # outlet: TODO\n")
    return "".join(parts)
