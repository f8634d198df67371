"""C rules: relations the figures must satisfy, each judged over the stated intervals."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import NamedTuple

from bakuastana import forked
from bakuastana.analysis.values import StoreEnv
from bakuastana.numbers.expr import Comparison, ExprError, evaluate
from bakuastana.numbers.floatfilter import FloatComparison, FloatEnv, Undecided, compare
from bakuastana.numbers.interval import INF, Interval
from bakuastana.numbers.quantity import Quantity, humanize
from bakuastana.rules.base import rule
from bakuastana.rules.context import Context

_EXPLAIN_RELATION = dict(
    why="Figures in one article constrain each other: a part within its total, a cumulative amount at least "
        "its years, two mentions of one event agreeing, a target above today's level. When no values within "
        "the stated rounding satisfy a relation, at least one figure is wrong.",
    example="check: trade_2024_janaug_implied <= trade_2024   # Jan-Aug cannot exceed the whole year",
)


def judge(context: Context, relation) -> tuple[str, Comparison]:
    """The relation's verdict and its two sides, computed once per check run (raises ExprError)."""
    cached = context.judged.get(relation.id)
    if cached is None:
        try:
            comparison = None if context.env.overrides else context.compared.get(relation.id)
            if comparison is None:
                comparison = evaluate(context.env.parse(relation.check), context.env)
            verdict = comparison.verdict()
            if verdict == "consistent" and not comparison.certain():
                verdict = _over_hedges(context, relation, verdict)
            cached = (verdict, comparison)
        except ExprError as exc:
            cached = exc
        context.judged[relation.id] = cached
    if isinstance(cached, ExprError):
        raise cached
    return cached


HEDGE_READING = Fraction(1, 4)  # a one-sided hedge is read as reaching up to 25 % past its figure
_JUST_OVER, _HALF_OVER, _FULL_OVER = 1 + Fraction(1, 10**6), 1 + HEDGE_READING / 2, 1 + HEDGE_READING
_JUST_UNDER, _HALF_UNDER, _FULL_UNDER = 1 - Fraction(1, 10**6), 1 - HEDGE_READING / 2, 1 - HEDGE_READING
_ALMOST = Fraction(999999, 1000000)


def _hedge_samples(interval: Interval) -> list[Fraction]:
    """Values a one-sided (hedged) figure may stand for: "more than 1" reads as just over 1 up to 1.25, "up to
    400" as 300 to 400, "almost 5" as 4.5 to just under 5."""
    if interval.hi == INF and not isinstance(interval.lo, float) and interval.lo > 0:
        return [interval.lo * _JUST_OVER, interval.lo * _HALF_OVER, interval.lo * _FULL_OVER]
    if interval.lo == 0 and not isinstance(interval.hi, float) and interval.hi > 0:
        return [interval.hi * _JUST_UNDER, interval.hi * _HALF_UNDER, interval.hi * _FULL_UNDER]
    if interval.nominal is not None and interval.hi_open and interval.hi == interval.nominal:  # "almost"
        return [interval.lo, (interval.lo + interval.hi) / 2, interval.hi * _ALMOST]
    return []


def _hedge_readings(context: Context, name: str) -> tuple[Quantity, list[Quantity]] | None:
    """A hedged figure's whole reading and its sample points as values, or None when it has none; built once
    per Quantity object (facts with the same figure share theirs)."""
    try:
        value = context.env.value(name)
    except ExprError:
        return None
    known = context.hedges.get(id(value))
    if known is not None and known[0] is value:
        return known[1]
    readings = None
    samples = _hedge_samples(value.interval)
    if samples:
        reading = Quantity(Interval(min(samples), max(samples), nominal=samples[0]), value.unit, value.is_date)
        readings = reading, [Quantity(Interval.point(sample), value.unit, value.is_date) for sample in samples]
    context.hedges[id(value)] = (value, readings)  # the value is kept, so its id is never reused
    return readings


def _stated_behind(context: Context, refs) -> dict[str, None]:
    """The stated facts behind an expression's refs, each once, in expression order."""
    return dict.fromkeys(fact for ref in refs for fact in context.stated_facts(ref))


def _over_hedges(context: Context, relation, verdict: str) -> str:
    """A relation that holds as written must hold for every value its hedged figures allow ("more than 1 Mt"
    may be 1.5 Mt); if some reading breaks it, it holds only at the edge of the hedge."""
    refs = context.env.parse(relation.check).refs
    for name in _stated_behind(context, refs):
        readings = _hedge_readings(context, name)
        if readings is None:
            continue
        reading, points = readings
        if _verdict_with(context, relation, {name: reading}, certain=True):
            continue  # holds for the whole reading at once: no need to try its points
        for point in points:
            if _verdict_with(context, relation, {name: point}) != "consistent":
                return "edge"
    return verdict


def _comparison_with(context: Context, relation, overrides: dict) -> Comparison | None:
    """The relation's two sides with some values replaced, or None when it cannot then be computed."""
    known = _values_not_resting_on(context, relation.check, overrides.keys())
    env = StoreEnv(context.store, _with_article(context, overrides), parsed=context.env.parsed,
                   cache=dict(known))  # a copy: the env adds the values it computes under its overrides
    try:
        return evaluate(env.parse(relation.check), env)
    except ExprError:
        return None


EXACT_ENV = "BAKUASTANA_EXACT"  # set to 1 to decide every hedge reading and probe in exact arithmetic alone


def _float_comparison_with(context: Context, relation, overrides: dict) -> FloatComparison | None:
    """The relation's two sides with some values replaced, as float enclosures (numbers/floatfilter.py), or
    None when the filter is off or cannot model them (then the exact path decides)."""
    if context.exact_only is None:
        context.exact_only = _exact_only()
    if context.exact_only:
        return None
    env = FloatEnv(context.store, context.env.parse, _with_article(context, overrides),
                   _values_not_resting_on(context, relation.check, overrides.keys()), context.floats,
                   context.env.duration)
    try:
        return compare(context.env.parse(relation.check), env)
    except (Undecided, ExprError):
        return None


def _exact_only() -> bool:
    import os

    return os.environ.get(EXACT_ENV, "") not in ("", "0")


def _with_article(context: Context, overrides: dict) -> dict:
    """The values an env replaces: these overrides over the article's (the dict itself when there are none)."""
    return {**context.env.overrides, **overrides} if context.env.overrides else overrides


def _verdict_with(context: Context, relation, overrides: dict, *, certain: bool = False):
    """The relation's verdict with some values replaced (the rest as stated, or as the article writes them);
    with `certain`, whether it then holds for every value of the intervals."""
    fast = _float_comparison_with(context, relation, overrides)
    if fast is not None:
        try:
            return fast.certain() if certain else fast.verdict()
        except Undecided:
            pass
    comparison = _comparison_with(context, relation, overrides)
    if comparison is None:
        return False if certain else None
    return comparison.certain() if certain else comparison.verdict()


@rule("C101", "relation-violated", "error", "A relation between figures cannot hold for any values within "
      "their stated rounding and hedges.",
      what="Evaluates each relation in interval arithmetic over the stated figures. The finding's severity is "
           "the relation's own (error, warning or info).",
      fix="Find the misreported figure: the finding shows each side's interval and the nearest value of a "
          "stated figure that would make the relation hold.", **_EXPLAIN_RELATION)
def relations_violated(context: Context) -> Iterator:
    yield from _relation_findings(context, "inconsistent")


@rule("C102", "relation-at-edge", "warning", "A relation holds only at the edge of rounding: not for the "
      "figures as written, only for values they round from.",
      what="The relation fails for the written values but holds for some values inside their rounding "
           "intervals (or hedges): consistent only at the edge of rounding, as GRIM would say.",
      fix="Check the source for more precise figures; reword so the claim holds as written.",
      **_EXPLAIN_RELATION)
def relations_at_edge(context: Context) -> Iterator:
    yield from _relation_findings(context, "edge")


@rule("C103", "relation-holds", "info", "A relation holds for the figures as written (shown with its "
      "intervals, so the margin is visible).",
      what="Reports each relation that holds, with both sides' intervals, so an editor sees what was checked.",
      fix="Nothing to fix.", **_EXPLAIN_RELATION)
def relations_hold(context: Context) -> Iterator:
    yield from _relation_findings(context, "consistent")


@rule("C104", "relation-not-computable", "error", "A relation cannot be evaluated on the figures as the "
      "article writes them (a changed unit, a missing figure).",
      what="With --article, relations are evaluated on the figures read from the article; if a draft changes "
           "a unit so that the sides no longer compare, the relation cannot be judged.",
      fix="Restore the unit or update the store.", **_EXPLAIN_RELATION)
def relations_not_computable(context: Context) -> Iterator:
    for relation, result in zip(context.store.relations, relation_results(context), strict=True):
        verdict, refs, message, *_ = result
        if verdict == NOT_COMPUTABLE:
            yield context.finding(relations_not_computable.info, f"{relation.label}: {message}", list(refs),
                                  relation, origin=relation.origin)


def _relation_findings(context: Context, wanted: str) -> Iterator:
    check = {"inconsistent": relations_violated, "edge": relations_at_edge, "consistent": relations_hold}[wanted]
    for relation, result in zip(context.store.relations, relation_results(context), strict=True):
        verdict, refs, sides, stated, computed, interval, fix = result
        if verdict != wanted:
            continue
        if verdict == "inconsistent":
            message = f"{relation.label}: fails for every value within the stated bounds ({sides})"
            severity = relation.severity
        elif verdict == "edge":
            message = (f"{relation.label}: holds only at the edge of its figures' rounding or hedges, not for "
                       f"every reading ({sides})")
            severity = "warning" if relation.severity != "info" else "info"
        else:
            message = f"{relation.label}: holds ({sides})"
            severity = "info"
        yield context.finding(check.info, message, list(refs), relation, severity=severity, stated=stated,
                              computed=computed, interval=interval, verdict=verdict, origin=relation.origin,
                              fix=fix)


# Each relation is judged, its sides formatted and (when it does not hold) its nearest wording searched once
# per run, into a plain tuple of strings that C101-C104 read. On a big store a forked second process (a helper)
# judges a share of the relations (they are independent once the store is loaded and its derived values
# computed) and sends its tuples back; the findings are then built in relation order, exactly as one process
# would. Without an article the engine starts the helper as soon as the store is loaded, and the helper
# evaluates its own share (see start_helper); with one, the helper is started here.

NOT_COMPUTABLE = "not-computable"
RELATION_CODES = tuple(check.info.code for check in (relations_violated, relations_at_edge, relations_hold,
                                                      relations_not_computable))
PARALLEL_FROM = 4000  # relations: below this, forking and sending the results back cost more than they save


class Delegated(NamedTuple):
    """relations[start:end], judged by a helper process (None when it could not be started); `validated` when
    this process has already evaluated them (else it does so, should the helper fail)."""

    start: int
    end: int
    process: forked.Forked | None
    validated: bool


def relation_results(context: Context) -> list[tuple]:
    """Per relation, in order: (verdict, refs, sides, stated, computed, interval, fix), or (NOT_COMPUTABLE,
    refs, message, None, None, None, None)."""
    if context.relation_results is None:
        relations = context.store.relations
        if context.helper is None and may_share(relations):
            half = len(relations) // 2
            share = relations[half:]
            context.helper = Delegated(half, len(relations), forked.start(lambda: _results(context, share)), True)
        if context.helper is not None:
            context.relation_results = _results_with_helper(context, *context.helper)
        else:
            context.relation_results = _results(context, relations)
    return context.relation_results


def may_share(relations: list) -> bool:
    """Whether a helper process should judge part of these relations."""
    # (judgements are kept by relation id: with a repeated id one process must see both)
    return (len(relations) >= PARALLEL_FROM and forked.may_fork()
            and len({relation.id for relation in relations}) == len(relations))


def start_helper(store, start: int, end: int) -> forked.Forked | None:
    """Fork a helper that evaluates relations[start:end] (refusing the store as validate_expressions would, and
    computing the derived values they rest on), then judges them; the engine starts it as soon as the store is
    loaded, and validates the derived values itself meanwhile."""
    from bakuastana.analysis.values import validate_relations

    def work() -> list[tuple]:
        share = store.relations[start:end]
        env = StoreEnv(store)
        return _results(Context(store, None, env, compared=validate_relations(env, share)), share)

    return forked.start(work)


def _results(context: Context, relations: list) -> list[tuple]:
    return [_relation_result(context, relation) for relation in relations]


def _results_with_helper(context: Context, start: int, end: int, helper: forked.Forked | None,
                         validated: bool) -> list[tuple]:
    """This process's share (before and after the helper's) judged here, then the helper's taken back; if the
    helper failed, its share is evaluated (unless `validated`, raising BadInput as validation would) and judged
    here."""
    relations = context.store.relations
    before, after = _results(context, relations[:start]), _results(context, relations[end:])
    rows = helper.result() if helper is not None else None
    if rows is None or len(rows) != end - start:
        if not validated:
            from bakuastana.analysis.values import validate_relations

            context.compared.update(validate_relations(context.env, relations[start:end]))
        rows = _results(context, relations[start:end])
    return before + rows + after


def _relation_result(context: Context, relation) -> tuple:
    try:
        verdict, comparison = judge(context, relation)
    except ExprError as exc:
        refs = context.env.parse(relation.check).refs
        return (NOT_COMPUTABLE, refs, exc.message, None, None, None, None)
    refs = context.env.parse(relation.check).refs
    stated, _ = _side(context, comparison.left)
    computed, interval = _side(context, comparison.right)
    fix = nearest_wording(context, relation, list(refs)) if verdict != "consistent" else None
    return (verdict, refs, f"{stated} {comparison.op} {computed}", stated, computed, interval, fix)


def _side(context: Context, quantity: Quantity) -> tuple[str, str]:
    """How a side reads in a finding ("313.33 million USD, [311.96, 314.72] million USD") and its interval."""
    written, interval = context.texts_of(quantity)
    if not (quantity.interval.is_point or quantity.is_date or written == interval):
        written = f"{written}, {interval}"
    return written, interval


def nearest_wording(context: Context, relation, refs: list[str]) -> str | None:
    """Values of the stated figures behind a relation that would make it hold, one figure at a time:
    "trade_2025_janaug_multiple at most 3.49 (stated: 4, more_than)"."""
    suggestions = []
    for name in _stated_behind(context, refs):
        fact = context.store.fact_by_id[name]
        if fact.quantity is None or fact.quantity.is_date or fact.kind in ("ordinal", "count"):
            continue
        nominal = fact.quantity.interval.nominal
        if not nominal:
            continue
        boundary = _solve(context, relation, name, fact.quantity, nominal)
        if boundary is not None:
            value, direction = boundary
            factor, label = fact.quantity.unit.factor, fact.quantity.unit.label
            value, stated = value / factor, nominal / factor
            digits = 3
            shown = humanize(value, label, digits)
            while digits < 7 and shown == humanize(stated, label, digits):
                digits += 1  # an edge of rounding needs the digits that tell the value from the stated one
                shown = humanize(value, label, digits)
            hedge = f", {fact.hedge}" if fact.hedge else ""
            suggestions.append(f"{name} {direction} {shown} (stated: {fact.value_text}{hedge})")
    return "; or ".join(suggestions[:3]) or None


def _solve(context: Context, relation, name: str, stated: Quantity, nominal: Fraction):
    """The value of one figure where the relation starts to hold, to the three digits the wording shows:
    bracketed between the stated value (fails) and a multiple of it that holds, then narrowed by regula falsi
    on the nominal margin of the comparison (exact for relations linear in the figure), halving otherwise."""

    def probe(value: Fraction) -> tuple[bool, Fraction | None]:
        override = {name: Quantity(Interval.point(value), stated.unit)}
        fast = _float_comparison_with(context, relation, override)
        if fast is not None:
            try:
                return fast.verdict() == "consistent", fast.margin()
            except Undecided:
                pass
        comparison = _comparison_with(context, relation, override)
        if comparison is None:
            return False, None
        return comparison.verdict() == "consistent", _margin(comparison)

    holds, failing_margin = probe(nominal)
    if holds:
        return None
    if _operator(context, relation) == "==":
        return _solve_equality(probe, nominal, failing_margin)
    for factor in (Fraction(1, 2), Fraction(2), Fraction(1, 10), Fraction(10), Fraction(1, 1000), Fraction(1000)):
        candidate = nominal * factor
        holds, holding_margin = probe(candidate)
        if holds:
            break
    else:
        return None
    failing, holding = nominal, candidate
    tolerance = abs(nominal) / 2000  # the wording shows three significant digits
    toward_failing = False  # after a guess that held, try just short of the root on the other side
    while abs(holding - failing) > tolerance:
        guess = _falsi(failing, failing_margin, holding, holding_margin)
        if guess is not None:
            step = tolerance / 4 if holding > failing else -tolerance / 4
            guess = guess - step if toward_failing else guess + step
        if guess is None or not min(failing, holding) < guess < max(failing, holding):
            guess = (failing + holding) / 2
        holds, margin = probe(guess)
        if holds:
            holding, holding_margin, toward_failing = guess, margin, True
        else:
            failing, failing_margin, toward_failing = guess, margin, False
    return holding, ("at most" if holding < nominal else "at least")


def _margin(comparison: Comparison) -> Fraction | None:
    """How far the nominal values are from the edge of the comparison (for inequalities, positive where it
    holds; for equalities, right minus left)."""
    left, right = comparison.left.interval.nominal, comparison.right.interval.nominal
    if left is None or right is None or comparison.op == "!=":
        return None
    return left - right if comparison.op in (">", ">=") else right - left


def _operator(context: Context, relation) -> str:
    return context.env.parse(relation.check).tree[1]


_SECANT_START = Fraction(11, 10)  # the secant's second point, as a multiple of the stated value


def _solve_equality(probe, nominal: Fraction, margin: Fraction | None):
    """The value that makes both sides equal as written (`margin` is theirs at the stated value), by the secant
    method on their difference (one step when the relation is linear in the figure); None when it does not
    converge."""
    previous, previous_margin = nominal, margin
    current = nominal * _SECANT_START
    close = abs(nominal) / 10**6
    sign = nominal.numerator  # (a Fraction's sign is its numerator's)
    for _ in range(8):
        holds, margin = probe(current)
        if holds:
            return current, "="
        guess = _falsi(previous, previous_margin, current, margin)
        if guess is None or guess.numerator <= 0 < sign or guess.numerator >= 0 > sign:
            return None
        if abs(guess - current) <= close:  # converged short of exact equality: close enough
            return guess, "="
        previous, previous_margin, current = current, margin, guess
    return None


def _falsi(failing, failing_margin, holding, holding_margin) -> Fraction | None:
    """Where the straight line through the two margins crosses zero, or None when it cannot be drawn."""
    if failing_margin is None or holding_margin is None or failing_margin == holding_margin:
        return None
    # failing - failing_margin * (holding - failing) / (holding_margin - failing_margin), over integers: one
    # Fraction (reduced once) instead of five
    f, d = failing.numerator, failing.denominator
    h, e = holding.numerator, holding.denominator
    m, n = failing_margin.numerator, failing_margin.denominator
    k, j = holding_margin.numerator, holding_margin.denominator
    step = h * d - f * e  # (holding - failing) * e * d
    spread = k * n - m * j  # (holding_margin - failing_margin) * j * n
    return Fraction(f * e * spread - m * step * j, d * e * spread)


def _values_not_resting_on(context: Context, source: str, names) -> dict[str, Quantity]:
    """The derived values already computed that an expression reaches and that rest on none of `names`: an
    env that replaces only `names` would compute them again to the same result (_solve makes ~45 such envs).
    Kept per (expression, names) for the run, and shared: not to be changed. A value left out because it was
    not computed yet is only computed again, to the same result."""
    names = frozenset(names)
    key = (source, names)
    known = context.resting.get(key)
    if known is not None:
        return known
    env = context.env
    try:
        refs = env.parse(source).refs
    except ExprError:
        refs = ()
    reached = {ident for ref in refs for ident in (ref, *env.dependencies(ref)) if ident in env.cache}
    known = {ident: env.cache[ident] for ident in reached
             if ident not in names and not env.dependencies(ident) & names}
    context.resting[key] = known
    return known
