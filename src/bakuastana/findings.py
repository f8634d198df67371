"""Findings as data: what a rule reports, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Location:
    """A 1-based place in a file; a span when it has an end."""

    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "line": self.line, "column": self.column}
        if self.end_line is not None:
            data["end_line"] = self.end_line
            data["end_column"] = self.end_column
            data["text"] = self.text
        return data


@dataclass
class Finding:
    """One problem (or note) a rule found; `facts` lists the fact it is mainly about first."""

    code: str
    rule: str
    severity: str
    message: str
    facts: list[str] = field(default_factory=list)
    location: Location | None = None
    span: Location | None = None
    stated: str | None = None
    computed: str | None = None
    fix: str | None = None
    verdict: str | None = None
    interval: str | None = None
    origin: str | None = None
    quote: str | None = None  # the verbatim quote of the fact the finding is mainly about

    def sort_key(self) -> tuple:
        where = self.span or self.location
        if where is None:
            return ("", 0, 0, self.code, self.message)
        return (where.path, where.line, where.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "facts": list(self.facts),
            "location": self.location.to_dict() if self.location else None,
            "span": self.span.to_dict() if self.span else None,
            "stated": self.stated,
            "computed": self.computed,
            "interval": self.interval,
            "verdict": self.verdict,
            "origin": self.origin,
            "quote": self.quote,
            "fix": self.fix,
        }
