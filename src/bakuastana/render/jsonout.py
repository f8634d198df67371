"""JSON and JSON Lines output: the contract scripts depend on (SPEC section 6)."""

from __future__ import annotations

import json


def write_json(data: dict, out) -> None:
    """One key per line, and each item of a list of objects (findings, figures) on a line of its own: as easy
    to read and diff as indented JSON, and written by the C encoder, which `indent` would turn off."""
    out.write("{\n")
    for position, (key, value) in enumerate(data.items()):
        comma = "," if position < len(data) - 1 else ""
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            out.write(f"  {name}: [\n")
            last = len(value) - 1
            for index, item in enumerate(value):
                out.write(f"    {json.dumps(item, ensure_ascii=False)}{',' if index < last else ''}\n")
            out.write(f"  ]{comma}\n")
        else:
            out.write(f"  {name}: {json.dumps(value, ensure_ascii=False)}{comma}\n")
    out.write("}\n")


def write_jsonl(report, out) -> None:
    for finding in report.findings:
        out.write(json.dumps(finding.to_dict(), ensure_ascii=False))
        out.write("\n")
