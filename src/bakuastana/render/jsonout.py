"""JSON and JSON Lines output: the contract scripts depend on (SPEC section 6)."""

from __future__ import annotations

import json


def write_json(data: dict, out) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2))
    out.write("\n")


def write_jsonl(report, out) -> None:
    for finding in report.findings:
        out.write(json.dumps(finding.to_dict(), ensure_ascii=False))
        out.write("\n")
