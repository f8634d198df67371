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

    def where(self) -> Location | None:
        """The finding's span in the article when it has one, else its place in the store."""
        return self.span or self.location

    def headline(self) -> str:
        """The message in plain words: without its closing parenthesis of intervals and comparisons."""
        return split_message(self.message)[0]

    def detail(self) -> str | None:
        """The interval arithmetic the message closes with, if any (shown by `--format full`)."""
        return split_message(self.message)[1]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The finding `to_dict` wrote (a batch worker sends findings as such dicts)."""
        fields = {key: data.get(key) for key in ("stated", "computed", "fix", "verdict", "interval", "origin",
                                                 "quote")}
        where = {key: Location(**value) if value else None for key, value in
                 (("location", data.get("location")), ("span", data.get("span")))}
        return cls(data["code"], data["rule"], data["severity"], data["message"], list(data.get("facts") or []),
                   **where, **fields)

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


_ARITHMETIC = ("[", "(", "<", ">", "==", "interval")  # what marks a closing parenthesis as the arithmetic


def split_message(message: str) -> tuple[str, str | None]:
    """(headline, detail): a message ending in a parenthesis that holds numbers and intervals or a comparison
    ("...: holds (299.2 train, [298.1, 300.3] train <= ...)") is split before it; any other message is kept
    whole (a parenthesis that is a name, "БТД (Баку-Тбилиси-Джейхан)", stays)."""
    if not message.endswith(")"):
        return message, None
    depth = 0
    for index in range(len(message) - 1, -1, -1):
        char = message[index]
        if char in ")]":
            depth += 1
        elif char in "([":
            depth -= 1
            if depth == 0:
                break
    else:
        return message, None
    if message[index] != "(" or index == 0 or message[index - 1] != " ":
        return message, None
    inner = message[index + 1:-1]
    if not any(char.isdigit() for char in inner) or not any(mark in inner for mark in _ARITHMETIC):
        return message, None
    return message[:index].rstrip(), inner
