"""JSON and JSON Lines output: the contract scripts depend on (SPEC section 6)."""

from __future__ import annotations

import json

_encode = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., ensure_ascii=False) builds per call
CHUNK = 1000  # objects of a list encoded and written together: few writes, and never the whole list in memory


def write_json(data: dict, out) -> None:
    """One key per line, and each item of a list of objects (findings, figures) on a line of its own: as easy
    to read and diff as indented JSON, and written by the C encoder, which `indent` would turn off. An item may
    also be an object with `to_dict()` (a Finding), turned into its dict only as it is written."""
    out.write("{\n")
    for position, (key, value) in enumerate(data.items()):
        comma = "," if position < len(data) - 1 else ""
        name = _encode(key)
        if isinstance(value, list) and value and all(isinstance(item, dict) or hasattr(item, "to_dict")
                                                     for item in value):
            out.write(f"  {name}: [\n    ")
            for start in range(0, len(value), CHUNK):
                out.write(",\n    " if start else "")
                out.write(",\n    ".join(_encode(item if isinstance(item, dict) else item.to_dict())
                                          for item in value[start:start + CHUNK]))
            out.write(f"\n  ]{comma}\n")
        else:
            out.write(f"  {name}: {_encode(value)}{comma}\n")
    out.write("}\n")


def write_jsonl(report, out) -> None:
    for finding in report.findings:
        out.write(_encode(finding.to_dict()))
        out.write("\n")
