"""Output of `extract`: a table of figures with their place and fact, or the JSON of SPEC section 6."""

from __future__ import annotations

import json


def write_extraction(extraction, out, *, as_json: bool = False, color: bool = False, width: int | None = None):
    if as_json:
        out.write(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, force_terminal=color, no_color=not color, width=width or 120, highlight=False)
    table = Table(show_header=True, header_style="bold", pad_edge=False)
    for name in ("where", "figure", "value", "unit", "kind", "hedge", "fact"):
        table.add_column(name, overflow="fold")
    for item in extraction.figures:
        data = item.to_dict()
        table.add_row(f"{item.span.line}:{item.span.column}", item.figure.text, str(data["value"]),
                      data["unit"] or "", data["kind"], data["hedge"] or "", item.fact or "")
    console.print(table)
    bound = sum(1 for item in extraction.figures if item.fact)
    coverage = "" if extraction.coverage is None else f", {bound} bound to facts ({extraction.coverage:.0%})"
    console.print(f"{len(extraction.figures)} figures{coverage}")
