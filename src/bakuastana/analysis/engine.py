"""Run every rule over a store (and optionally its article) and collect the findings into a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from bakuastana.errors import BadInput
from bakuastana.findings import Finding

CHECK_SCHEMA = "bakuastana.check/1"


@dataclass
class Report:
    """The findings of one check run and the counts scripts read."""

    findings: list[Finding]
    facts: int
    relations: int
    coverage: float | None = None
    notes: list[str] = field(default_factory=list)
    store_path: str = "facts.yaml"
    article_path: str | None = None

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def summary(self) -> dict:
        return {"errors": self.count("error"), "warnings": self.count("warning"), "infos": self.count("info"),
                "facts": self.facts, "relations": self.relations, "coverage": self.coverage}

    def to_dict(self) -> dict:
        return {"schema": CHECK_SCHEMA, "summary": self.summary(),
                "findings": [finding.to_dict() for finding in self.findings]}

    def exit_code(self, strict: bool = False) -> int:
        if self.count("error") or (strict and self.count("warning")):
            return 1
        return 0


def load_rules() -> dict:
    """The rule table, by code (imported when needed, kept out of start-up)."""
    from bakuastana.rules import RULES

    return RULES


def default_store_path() -> Path:
    """`facts.yaml` in the current folder, else the copy bundled with the package."""
    local = Path("facts.yaml")
    if local.exists():
        return local
    return Path(str(resources.files("bakuastana").joinpath("data/facts.yaml")))


def check(store_path: str | Path | None = None, article_path: str | Path | None = None,
          select: set[str] | None = None, infer: bool = True) -> Report:
    """Load the store, validate its expressions, run every rule, and return the sorted findings (with the
    cyclic garbage collector paused: see gcpause.py)."""
    from bakuastana.gcpause import paused_collection

    with paused_collection():
        return _check(store_path, article_path, select, infer)


def _check(store_path, article_path, select, infer) -> Report:
    from bakuastana.analysis.values import validate_expressions
    from bakuastana.store.load import load_store

    load_rules()
    store = load_store(store_path or default_store_path())
    start = _helper_share(store, select) if article_path is None else None
    helper = None
    if start is not None:  # a second process evaluates and judges the rest of the written relations meanwhile
        from bakuastana.rules.consistency import Delegated, start_helper

        end = len(store.relations)
        helper = Delegated(start, end, start_helper(store, start, end), validated=False)
    try:
        env, comparisons = validate_expressions(store, store.relations[:start] if start is not None else None)
        return _run_checks(store, env, comparisons, helper, article_path, select, infer)
    finally:
        if helper is not None and helper.process is not None:
            helper.process.discard()  # its result was never taken: an error came first


# What else this process does while the helper works, in relations' worth of time (measured on generated stores):
# validating each derived value and reporting it (N101) about a seventh of a relation, net of the helper computing
# those its share needs; each fact's share of inference and the S rules a thirtieth. The helper takes that much
# more than half of the relations, so that both finish together.
DERIVED_COST, FACT_COST = 0.15, 0.03


def _helper_share(store, select) -> int | None:
    """Where the helper's share of the written relations starts, or None when one process does them all (a
    small store, one core, relations not selected, repeated ids: rules/consistency.py may_share)."""
    from bakuastana.rules.consistency import RELATION_CODES, may_share

    if not _selected(RELATION_CODES, select) or not may_share(store.relations):
        return None
    extra = DERIVED_COST * len(store.derived) + FACT_COST * len(store.facts)
    return max(0, int((len(store.relations) - extra) / 2))


def _selected(codes: tuple[str, ...], select: set[str] | None) -> bool:
    return not select or any(code.startswith(prefix) for code in codes for prefix in select)


def _run_checks(store, env, comparisons, helper, article_path, select, infer) -> Report:
    from bakuastana.rules import ALL
    from bakuastana.rules.context import Context
    from bakuastana.text.article import read_article

    if infer:
        from bakuastana.analysis.infer import infer_relations

        store.relations.extend(infer_relations(store, env))
    article = read_article(article_path) if article_path is not None else None
    context = Context(store, article, env, compared=comparisons, helper=helper)
    coverage = None
    if article is not None:
        coverage = read_article_figures(context)
    findings: list[Finding] = []
    for rule in ALL:
        if _selected((rule.code,), select):
            findings.extend(rule.check(context))
    findings.sort(key=Finding.sort_key)
    notes = [f"{article.path}: {article.note}"] if article is not None and article.note else []
    return Report(findings, len(store.facts), len(store.relations), coverage, notes, store.path,
                  article.path if article else None)


def read_article_figures(context) -> float | None:
    """Read every fact's figure from the article, let changed figures stand in for the stored ones, and bind
    every extracted figure; returns the coverage (share of figures bound to a fact)."""
    from bakuastana.analysis.values import StoreEnv
    from bakuastana.text.binding import bind_figures, quantity_from_figure, read_fact
    from bakuastana.text.figures import extract_figures

    store, article = context.store, context.article
    figures = extract_figures(article.text)
    starts = [figure.start for figure in figures]
    context.readings = {fact.id: read_fact(article, fact, figures, starts) for fact in store.facts}
    context.quote_spans.update((fid, reading.quote) for fid, reading in context.readings.items())
    overrides = {}
    for reading in context.readings.values():
        if reading.status == "changed":
            fact = store.fact_by_id[reading.fact_id]
            quantity = quantity_from_figure(fact, reading.written, store.source.published)
            if quantity is not None:
                overrides[fact.id] = quantity
    if overrides:  # the draft writes some figures differently: every value is computed from those
        context.env = StoreEnv(store, overrides, parsed=context.env.parsed)
    context.bindings = bind_figures(store, figures, context.readings, context.quote_span)
    if not figures:
        return None
    return round(sum(1 for b in context.bindings if b.fact_id) / len(figures), 4)


__all__ = ["CHECK_SCHEMA", "BadInput", "Report", "check", "default_store_path"]
