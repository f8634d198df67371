"""Output of `rules` (the list) and `explain CODE` (one rule in full); text or JSON."""

from __future__ import annotations

import json

from bakuastana.errors import BadInput
from bakuastana.rules.base import RULES, RuleInfo


def find_rule(code: str) -> RuleInfo:
    wanted = code.strip()
    for info in RULES.values():
        if info.code == wanted.upper() or info.name == wanted.lower():
            return info
    raise BadInput(f'unknown rule "{code}" (see `bakuastana rules`)')


def _info_dict(info: RuleInfo) -> dict:
    return {"code": info.code, "name": info.name, "family": info.family, "severity": info.severity,
            "summary": info.summary, "what": info.what, "why": info.why, "example": info.example,
            "fix": info.fix}


def write_rules(out, *, as_json: bool = False) -> None:
    infos = sorted(RULES.values(), key=lambda info: info.code)
    if as_json:
        data = {"schema": "bakuastana.rules/1", "rules": [_info_dict(info) for info in infos]}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for info in infos:
        out.write(f"{info.code}  {info.name:<30} {info.severity:<8} {info.summary}\n")


def write_explanation(info: RuleInfo, out, *, as_json: bool = False) -> None:
    if as_json:
        out.write(json.dumps({"schema": "bakuastana.rule/1", **_info_dict(info)}, ensure_ascii=False, indent=2))
        out.write("\n")
        return
    out.write(f"{info.code} {info.name} ({info.family}; default severity {info.severity})\n\n"
              f"{info.summary}\n\nWhat it checks\n  {info.what}\n\nWhy it matters\n  {info.why}\n\n"
              f"Example\n  {info.example}\n\nHow to fix\n  {info.fix}\n")
