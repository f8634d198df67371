"""The analysis core: `check(store, article, options) -> Report`, on loaded objects, with no IO of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction

from bakuastana.analysis.context import Analysis, ArticleReading
from bakuastana.findings import Finding
from bakuastana.store.model import Store
from bakuastana.text.article import Article

CHECK_SCHEMA = "bakuastana.check/1"
RELATION_CODES = ("C101", "C102", "C103", "C104")  # the rules that read the judged relations


@dataclass(frozen=True)
class CheckOptions:
    """What a check runs: only the `select`ed rule codes or prefixes (None: all), whether to `infer`
    relations beside the written ones, and the tolerance of "about"/"almost" for facts that declare none (None:
    numbers.quantity.DEFAULT_TOLERANCE, 10 %); `progress(done, total)`, if given, is told as each rule is run."""

    select: frozenset[str] | None = None
    infer: bool = True
    about_tolerance: Fraction | None = None
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)

    def selects(self, code: str) -> bool:
        return not self.select or any(code.startswith(prefix) for prefix in self.select)


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
    # the (store, article) checked, kept only for a renderer that shows them (the HTML report); not in the JSON
    inputs: tuple[Store, Article | None] | None = field(default=None, repr=False, compare=False)

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def summary(self) -> dict:
        return {"errors": self.count("error"), "warnings": self.count("warning"), "infos": self.count("info"),
                "facts": self.facts, "relations": self.relations, "coverage": self.coverage}

    def fields(self) -> dict:
        """The JSON document's fields, with the findings as Finding objects (the JSON renderer turns each into
        its dict as it writes it)."""
        return {"schema": CHECK_SCHEMA, "summary": self.summary(), "findings": self.findings}

    def to_dict(self) -> dict:
        return {**self.fields(), "findings": [finding.to_dict() for finding in self.findings]}

    def exit_code(self, strict: bool = False) -> int:
        if self.count("error") or (strict and self.count("warning")):
            return 1
        return 0


def check(store: Store, article: Article | None = None, options: CheckOptions | None = None) -> Report:
    """Validate the store's expressions (BadInput on the first that cannot be evaluated), analyse the store and
    article once, run every selected rule over that analysis, and return the sorted findings."""
    from bakuastana.rules import ALL

    options = options or CheckOptions()
    if options.about_tolerance is not None:
        store = with_tolerance(store, options.about_tolerance)
    analysis = analyse(store, article, options)
    findings: list[Finding] = []
    for done, rule in enumerate(ALL, 1):
        if options.selects(rule.code):
            findings.extend(rule.check(analysis))
        if options.progress is not None:
            options.progress(done, len(ALL))
    findings = unsilenced(store, findings)
    findings.sort(key=Finding.sort_key)
    notes = [f"{article.path}: {article.note}"] if article is not None and article.note else []
    return Report(findings, len(store.facts), len(analysis.relations), analysis.coverage, notes, store.path,
                  article.path if article else None)


def with_tolerance(store: Store, tolerance: Fraction) -> Store:
    """The store with each hedged "about"/"almost" value that declares no tolerance of its own read again with
    `tolerance` (a fraction: 1/20 is 5 %)."""
    from bakuastana.numbers.quantity import parse_quantity
    from bakuastana.store.model import EXACT_KINDS

    facts = []
    for fact in store.facts:
        if fact.hedge in ("about", "almost") and fact.tolerance is None and fact.value_text is not None \
                and fact.kind not in ("date", "year"):
            exact = fact.kind in EXACT_KINDS if fact.exact is None else fact.exact
            fact = replace(fact, quantity=parse_quantity(fact.value_text, hedge=fact.hedge, exact=exact,
                                                         precision=fact.precision, tolerance=tolerance))
        facts.append(fact)
    return replace(store, facts=facts)


def unsilenced(store: Store, findings: list[Finding]) -> list[Finding]:
    """The findings but those a fact silences: a fact's `ignore: [T103]` drops the findings of those codes (or
    prefixes) that are mainly about it. BadInput at the fact for a code that names no rule."""
    from bakuastana.errors import BadInput
    from bakuastana.rules import RULES

    silenced = {fact.id: tuple(code.strip().upper() for code in fact.ignore) for fact in store.facts if fact.ignore}
    if not silenced:
        return findings
    for fact_id, codes in silenced.items():
        for code in codes:
            if not code or not any(known.startswith(code) for known in RULES):
                fact = store.fact_by_id[fact_id]
                raise BadInput(f'fact {fact_id}: ignore names no rule code "{code}" (see `bakuastana rules`)',
                               store.path, *fact.marks.get("ignore", (fact.line, fact.column)))
    return [finding for finding in findings
            if not (finding.facts and finding.code.startswith(silenced.get(finding.facts[0], ("\0",))))]


def analyse(store: Store, article: Article | None = None, options: CheckOptions | None = None) -> Analysis:
    """Everything the rules share, computed once: the values (stated, or as the article writes them), the
    relations (written and inferred), the article's readings and bindings, and each relation judged."""
    from bakuastana.analysis.judge import Judge
    from bakuastana.analysis.values import StoreEnv, validate_expressions

    options = options or CheckOptions()
    env, comparisons = validate_expressions(store)
    relations = tuple(store.relations)
    if options.infer:
        from bakuastana.analysis.infer import infer_relations

        relations += tuple(infer_relations(store, env))
    reading = read_article_figures(store, article, options.about_tolerance) if article is not None else ArticleReading()
    if reading.overrides:  # the draft writes some figures differently: every value is computed from those
        env = StoreEnv(store, dict(reading.overrides), parsed=env.parsed)
    judge = Judge(store, env, comparisons)
    results = None
    if any(options.selects(code) for code in RELATION_CODES):
        results = tuple(judge.result(relation) for relation in relations)
    return Analysis(store, article, env, judge, relations, results, reading)


def read_article_figures(store: Store, article: Article, about_tolerance: Fraction | None = None) -> ArticleReading:
    """Read every fact's figure from the article (an "about" with the configured tolerance), take the changed
    figures as values standing in for the stored ones, and bind every extracted figure; with the coverage (share
    of figures bound to a fact)."""
    from bakuastana.text.binding import bind_figures, quantity_from_figure, read_fact

    figures = article.figures()  # read once: a draft made of this article in memory read them already
    starts = [figure.start for figure in figures]
    readings = {fact.id: read_fact(article, fact, figures, starts) for fact in store.facts}
    quote_spans = {fact_id: reading.quote for fact_id, reading in readings.items()}
    overrides = {}
    for reading in readings.values():
        if reading.status == "changed":
            fact = store.fact_by_id[reading.fact_id]
            quantity = quantity_from_figure(fact, reading.written, store.source.published, about_tolerance)
            if quantity is not None:
                overrides[fact.id] = quantity
    bindings = tuple(bind_figures(store, figures, readings, quote_spans.get))
    coverage = round(sum(1 for b in bindings if b.fact_id) / len(figures), 4) if figures else None
    return ArticleReading(readings, bindings, quote_spans, overrides, coverage)


__all__ = ["CHECK_SCHEMA", "CheckOptions", "Report", "analyse", "check"]
