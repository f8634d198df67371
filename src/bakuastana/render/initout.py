"""Output of `init`: the drafted store's YAML, or what was drafted as JSON."""

from __future__ import annotations

from bakuastana.render.jsonout import write_json


def write_draft(draft, output: str, out, *, as_json: bool = False) -> None:
    """JSON of the draft (with its YAML as "text" when printed with `-o -`), or the YAML itself for `-o -`."""
    if as_json:
        write_json(draft.to_dict(None if output == "-" else output), out)
    elif output == "-":
        out.write(draft.text)
