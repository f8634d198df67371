"""Rule metadata and the registry every rule module adds itself to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

FAMILIES = {
    "S": "store and schema",
    "N": "numbers: recomputation and implied values",
    "C": "consistency across facts",
    "P": "provenance and coverage (store vs article)",
    "T": "text: names, acronyms, spelling",
    "G": "grammar (Russian)",
}


@dataclass(frozen=True)
class RuleInfo:
    """What `bakuastana rules` lists and `bakuastana explain CODE` prints."""

    code: str
    name: str
    severity: str
    summary: str
    what: str
    why: str
    example: str
    fix: str

    @property
    def family(self) -> str:
        return FAMILIES[self.code[0]]


RULES: dict[str, RuleInfo] = {}
CHECKS: list[tuple[tuple[str, ...], Callable]] = []  # (codes a check can report, the check)


def register(code: str, name: str, severity: str, summary: str, *, what: str, why: str, example: str,
             fix: str) -> RuleInfo:
    """Add a rule to the registry; codes and names are unique and never reused."""
    if code in RULES:
        raise ValueError(f"rule code {code} registered twice")
    if code[0] not in FAMILIES or len(code) != 4 or not code[1:].isdigit():
        raise ValueError(f"bad rule code {code!r}")
    info = RuleInfo(code, name, severity, summary, what.strip(), why.strip(), example.strip(), fix.strip())
    RULES[code] = info
    return info


def rule(code: str, name: str, severity: str, summary: str, *, what: str, why: str, example: str,
         fix: str) -> Callable[[Callable], Callable]:
    """Register a rule and the function that checks it: `fn(context) -> Iterable[Finding]`."""

    def decorate(check: Callable) -> Callable:
        info = register(code, name, severity, summary, what=what, why=why, example=example, fix=fix)
        CHECKS.append(((code,), check))
        check.info = info
        return check

    return decorate


def add_check(codes: tuple[str, ...], check: Callable) -> None:
    """Register one check that reports several codes (e.g. the grammar family, run in one pass)."""
    CHECKS.append((codes, check))
