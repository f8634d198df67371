"""What one rule is: its code, its explanation, a worked example, and the check that finds it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bakuastana.findings import SEVERITIES, Finding

FAMILIES = {
    "S": "store and schema",
    "N": "numbers: recomputation and implied values",
    "C": "consistency across facts",
    "P": "provenance and coverage (store vs article)",
    "T": "text: names, acronyms, spelling",
    "G": "grammar (Russian)",
    "X": "cross-article: an archive's facts against each other",
}
EMPTY_STORE = "facts: []\n"  # what an example or fixture without facts is checked against


@dataclass(frozen=True)
class Example:
    """A worked example: the inputs it runs on (a store and/or an article, as text) and what its finding says.

    `brief` is the example in one line, as `bakuastana rules --json` lists it."""

    brief: str
    facts: str = ""
    article: str = ""
    shows: str = ""

    def __post_init__(self) -> None:
        _strip_texts(self, ("brief", "shows"))

    @property
    def runnable(self) -> bool:
        return bool(self.facts or self.article)

    @property
    def store_text(self) -> str:
        """The store the example is checked against (an empty one when it needs only an article)."""
        return self.facts or EMPTY_STORE


@dataclass(frozen=True)
class Rule:
    """A rule: what `bakuastana rules` lists, what `bakuastana explain CODE` prints, and the check the engine
    runs (`check(analysis) -> Iterable[Finding]`, each finding of this rule's code)."""

    code: str
    name: str
    severity: str
    summary: str
    what: str
    why: str
    fix: str
    example: Example
    check: Callable[..., Iterable[Finding]]

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Z]\d{3}", self.code) or self.code[0] not in FAMILIES:
            raise ValueError(f"bad rule code {self.code!r}")
        if not re.fullmatch(r"[a-z]+(-[a-z]+)*", self.name):
            raise ValueError(f"{self.code}: bad rule name {self.name!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: bad severity {self.severity!r}")
        _strip_texts(self, ("summary", "what", "why", "fix"))

    @property
    def family(self) -> str:
        return FAMILIES[self.code[0]]


def _strip_texts(item, names: tuple[str, ...]) -> None:
    """Texts may be written as indented triple-quoted blocks; they are kept without the surrounding blank space."""
    for name in names:
        object.__setattr__(item, name, getattr(item, name).strip())
