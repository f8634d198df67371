"""SARIF 2.1.0 output for code-scanning tools: one run, the rules that fired, one result per finding."""

from __future__ import annotations

import json
from pathlib import Path

from bakuastana import __version__

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def sarif(report) -> dict:
    """The SARIF log of a check report, shaped as ruff writes it (`--output-format sarif`)."""
    from bakuastana.rules import RULES

    codes = sorted({finding.code for finding in report.findings})
    rules = []
    for code in codes:
        rule = RULES.get(code)
        if rule is None:
            rules.append({"id": code})
            continue
        rules.append({"id": code, "name": rule.name, "shortDescription": {"text": rule.summary},
                      "fullDescription": {"text": rule.what}, "help": {"text": rule.fix},
                      "properties": {"family": rule.family, "severity": rule.severity}})
    results = [result(finding) for finding in report.findings]
    return {"$schema": SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "bakuastana", "version": __version__,
                                          "rules": rules}},
                      "results": results}]}


def result(finding) -> dict:
    message = finding.message + (f" (fix: {finding.fix})" if finding.fix else "")
    data = {"ruleId": finding.code, "level": LEVELS[finding.severity], "message": {"text": message}}
    where = finding.where()
    if where is not None:
        region = {"startLine": where.line, "startColumn": where.column}
        if where.end_line is not None:
            region.update(endLine=where.end_line, endColumn=where.end_column)
        data["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": Path(where.path).as_posix()},
                                                   "region": region}}]
    else:
        data["locations"] = []
    if finding.facts:
        data["properties"] = {"facts": list(finding.facts)}
    return data


def write_sarif(report, out) -> None:
    out.write(json.dumps(sarif(report), ensure_ascii=False, indent=2) + "\n")
