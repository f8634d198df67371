"""The rule table: every rule, one module per code, in the order the engine runs them."""

from bakuastana.rules import (
    c101,
    c102,
    c103,
    c104,
    g101,
    g102,
    g103,
    g104,
    g105,
    g106,
    g107,
    n101,
    n102,
    p101,
    p102,
    p103,
    p104,
    s101,
    s102,
    s103,
    s104,
    t101,
    t102,
    t103,
    t104,
    t105,
)
from bakuastana.rules.rule import Rule

ALL: tuple[Rule, ...] = (
    s101.RULE, s102.RULE, s103.RULE, s104.RULE,
    n101.RULE, n102.RULE,
    c101.RULE, c102.RULE, c103.RULE, c104.RULE,
    p101.RULE, p102.RULE, p103.RULE, p104.RULE,
    t101.RULE, t102.RULE, t103.RULE, t104.RULE, t105.RULE,
    g101.RULE, g102.RULE, g103.RULE, g104.RULE, g105.RULE, g106.RULE, g107.RULE,
)
RULES: dict[str, Rule] = {rule.code: rule for rule in ALL}
if len(RULES) != len(ALL):
    raise ValueError("a rule code is in the table twice")


def __getattr__(name: str):
    """`CROSS`, the cross-article rules: they run over an archive (archive/cross.py check_archive), not inside
    one check, so they and the archive code are imported only when asked for."""
    if name != "CROSS":
        raise AttributeError(name)
    from bakuastana.rules import x101, x102, x103, x104

    return (x101.RULE, x102.RULE, x103.RULE, x104.RULE)
