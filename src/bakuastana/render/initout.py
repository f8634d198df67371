"""Output of `init`: the drafted store's YAML, or what was drafted as JSON."""

from __future__ import annotations

from bakuastana.render.jsonout import write_json

INIT_SCHEMA = "bakuastana.init/1"


def write_draft(draft, text: str, output: str, out, *, as_json: bool = False) -> None:
    """JSON of the draft (with its YAML `text` when printed with `-o -`), or the YAML itself for `-o -`."""
    if as_json:
        data = {"schema": INIT_SCHEMA, "article": draft.article, "path": None if output == "-" else output,
                "facts": len(draft.facts), "todos": draft.todos, "names": len(draft.names),
                "relations": len(draft.relations), "derived": len(draft.derived)}
        if output == "-":
            data["text"] = text
        write_json(data, out)
    elif output == "-":
        out.write(text)
