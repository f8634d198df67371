"""Judging relations: verdicts over the stated intervals, hedge readings, and the nearest wording that would hold."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple

from bakuastana.analysis.values import StoreEnv
from bakuastana.numbers.expr import Comparison, ExprError, evaluate
from bakuastana.numbers.interval import INF, Interval
from bakuastana.numbers.quantity import Quantity, describe_value, format_interval, humanize

NOT_COMPUTABLE = "not-computable"
HEDGE_READING = Fraction(1, 4)  # a one-sided hedge is read as reaching up to 25 % past its figure
_JUST_OVER, _HALF_OVER, _FULL_OVER = 1 + Fraction(1, 10**6), 1 + HEDGE_READING / 2, 1 + HEDGE_READING
_JUST_UNDER, _HALF_UNDER, _FULL_UNDER = 1 - Fraction(1, 10**6), 1 - HEDGE_READING / 2, 1 - HEDGE_READING
_ALMOST = Fraction(999999, 1000000)
_SECANT_START = Fraction(11, 10)  # the secant's second point, as a multiple of the stated value


class RelationResult(NamedTuple):
    """One relation judged: its verdict (or NOT_COMPUTABLE, with the reason as `sides`), the ids it names, both
    sides as text, and the nearest wording that would make it hold (when it does not)."""

    verdict: str
    refs: tuple[str, ...]
    sides: str
    stated: str | None = None
    computed: str | None = None
    interval: str | None = None
    fix: str | None = None


class Judge:
    """Judges the relations of one store over one set of values (`env`: stated, or as an article writes them).

    `known` holds comparisons already evaluated on the stated values. The memos kept here (texts per quantity,
    hedge readings, stated facts, values a probe cannot change) are keyed by immutable inputs and never change
    an answer."""

    def __init__(self, store, env: StoreEnv, known: Mapping[str, Comparison] | None = None) -> None:
        self.store, self.env = store, env
        self.known = {} if env.overrides or known is None else known
        self._texts: dict[int, tuple] = {}
        self._hedges: dict[int, tuple] = {}
        self._resting: dict[tuple, dict] = {}
        self._stated: dict[str, tuple[str, ...]] = {}

    # texts and stated facts ---------------------------------------------------------------------------

    def texts_of(self, quantity: Quantity) -> tuple[str, str]:
        """How a value reads (describe_value) and its interval (format_interval), built once per Quantity object
        (facts, derived values and literals share theirs; the object is kept, so its id is not reused)."""
        known = self._texts.get(id(quantity))
        if known is not None and known[0] is quantity:
            return known[1]
        texts = describe_value(quantity), format_interval(quantity)
        self._texts[id(quantity)] = (quantity, texts)
        return texts

    def stated_facts(self, name: str) -> tuple[str, ...]:
        """The stated facts a fact id or derived value rests on, in expression order."""
        known = self._stated.get(name)
        if known is None:
            known = self._stated[name] = tuple(self._stated_facts(name, 0))
        return known

    def _stated_facts(self, name: str, depth: int) -> list[str]:
        if name in self.store.fact_by_id:
            return [name]
        derived = self.store.derived_by_id.get(name)
        if derived is None or depth > 50:
            return []
        return [fact for ref in self.env.parse(derived.expr).refs for fact in self._stated_facts(ref, depth + 1)]

    def _stated_behind(self, refs) -> dict[str, None]:
        """The stated facts behind an expression's refs, each once, in expression order."""
        return dict.fromkeys(fact for ref in refs for fact in self.stated_facts(ref))

    # verdicts -----------------------------------------------------------------------------------------

    def verdict(self, relation) -> tuple[str, Comparison]:
        """The relation's verdict (consistent, edge, inconsistent) and its two sides; raises ExprError."""
        comparison = self.known.get(relation.id)
        if comparison is None:
            comparison = evaluate(self.env.parse(relation.check), self.env)
        verdict = comparison.verdict()
        if verdict == "consistent" and not comparison.certain():
            verdict = self._over_hedges(relation, verdict)
        return verdict, comparison

    def result(self, relation) -> RelationResult:
        """The relation's verdict, sides as text and nearest wording, or NOT_COMPUTABLE with the reason."""
        refs = self.env.parse(relation.check).refs
        try:
            verdict, comparison = self.verdict(relation)
        except ExprError as exc:
            return RelationResult(NOT_COMPUTABLE, refs, exc.message)
        stated, _ = self._side(comparison.left)
        computed, interval = self._side(comparison.right)
        fix = self.nearest_wording(relation, list(refs)) if verdict != "consistent" else None
        return RelationResult(verdict, refs, f"{stated} {comparison.op} {computed}", stated, computed, interval, fix)

    def _side(self, quantity: Quantity) -> tuple[str, str]:
        """How a side reads in a finding ("313.33 million USD, [311.96, 314.72] million USD") and its interval."""
        written, interval = self.texts_of(quantity)
        if not (quantity.interval.is_point or quantity.is_date or written == interval):
            written = f"{written}, {interval}"
        return written, interval

    # hedges -------------------------------------------------------------------------------------------

    def _over_hedges(self, relation, verdict: str) -> str:
        """A relation that holds as written must hold for every value its hedged figures allow ("more than 1
        Mt" may be 1.5 Mt); if some reading breaks it, it holds only at the edge of the hedge."""
        refs = self.env.parse(relation.check).refs
        for name in self._stated_behind(refs):
            readings = self._hedge_readings(name)
            if readings is None:
                continue
            reading, points = readings
            if self._verdict_with(relation, {name: reading}, certain=True):
                continue  # holds for the whole reading at once: no need to try its points
            for point in points:
                if self._verdict_with(relation, {name: point}) != "consistent":
                    return "edge"
        return verdict

    def _hedge_readings(self, name: str) -> tuple[Quantity, list[Quantity]] | None:
        """A hedged figure's whole reading and its sample points as values, or None when it has none; built
        once per Quantity object (facts with the same figure share theirs)."""
        try:
            value = self.env.value(name)
        except ExprError:
            return None
        known = self._hedges.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        readings = None
        samples = hedge_samples(value.interval)
        if samples:
            reading = Quantity(Interval(min(samples), max(samples), nominal=samples[0]), value.unit, value.is_date)
            readings = reading, [Quantity(Interval.point(sample), value.unit, value.is_date) for sample in samples]
        self._hedges[id(value)] = (value, readings)  # the value is kept, so its id is never reused
        return readings

    # evaluating with some values replaced -------------------------------------------------------------

    def _with_article(self, overrides: dict) -> dict:
        """The values an env replaces: these overrides over the article's (the dict itself when there are none)."""
        return {**self.env.overrides, **overrides} if self.env.overrides else overrides

    def _comparison_with(self, relation, overrides: dict) -> Comparison | None:
        """The relation's two sides with some values replaced, or None when it cannot then be computed."""
        known = self._values_not_resting_on(relation.check, overrides.keys())
        env = StoreEnv(self.store, self._with_article(overrides), parsed=self.env.parsed,
                       cache=dict(known))  # a copy: the env adds the values it computes under its overrides
        try:
            return evaluate(env.parse(relation.check), env)
        except ExprError:
            return None

    def _verdict_with(self, relation, overrides: dict, *, certain: bool = False):
        """The relation's verdict with some values replaced (the rest as stated, or as the article writes
        them); with `certain`, whether it then holds for every value of the intervals."""
        comparison = self._comparison_with(relation, overrides)
        if comparison is None:
            return False if certain else None
        return comparison.certain() if certain else comparison.verdict()

    def _values_not_resting_on(self, source: str, names) -> dict[str, Quantity]:
        """The derived values already computed that an expression reaches and that rest on none of `names`: an
        env that replaces only `names` would compute them again to the same result (_solve makes ~45 such
        envs). Kept per (expression, names), and shared: not to be changed."""
        names = frozenset(names)
        key = (source, names)
        known = self._resting.get(key)
        if known is not None:
            return known
        env = self.env
        try:
            refs = env.parse(source).refs
        except ExprError:
            refs = ()
        reached = {ident for ref in refs for ident in (ref, *env.dependencies(ref)) if ident in env.cache}
        known = {ident: env.cache[ident] for ident in reached
                 if ident not in names and not env.dependencies(ident) & names}
        self._resting[key] = known
        return known

    # nearest wording ----------------------------------------------------------------------------------

    def nearest_wording(self, relation, refs: list[str]) -> str | None:
        """Values of the stated figures behind a relation that would make it hold, one figure at a time:
        "trade_2025_janaug_multiple at most 3.49 (stated: 4, more_than)"."""
        suggestions = []
        for name in self._stated_behind(refs):
            fact = self.store.fact_by_id[name]
            if fact.quantity is None or fact.quantity.is_date or fact.kind in ("ordinal", "count"):
                continue
            nominal = fact.quantity.interval.nominal
            if not nominal:
                continue
            boundary = self._solve(relation, name, fact.quantity, nominal)
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

    def _solve(self, relation, name: str, stated: Quantity, nominal: Fraction):
        """The value of one figure where the relation starts to hold, to the three digits the wording shows:
        bracketed between the stated value (fails) and a multiple of it that holds, then narrowed by regula
        falsi on the nominal margin of the comparison (exact for relations linear in the figure), halving
        otherwise."""

        def probe(value: Fraction) -> tuple[bool, Fraction | None]:
            comparison = self._comparison_with(relation, {name: Quantity(Interval.point(value), stated.unit)})
            if comparison is None:
                return False, None
            return comparison.verdict() == "consistent", margin(comparison)

        holds, failing_margin = probe(nominal)
        if holds:
            return None
        if self.env.parse(relation.check).tree[1] == "==":
            return _solve_equality(probe, nominal, failing_margin)
        for factor in (Fraction(1, 2), Fraction(2), Fraction(1, 10), Fraction(10), Fraction(1, 1000),
                       Fraction(1000)):
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
            guess = falsi(failing, failing_margin, holding, holding_margin)
            if guess is not None:
                step = tolerance / 4 if holding > failing else -tolerance / 4
                guess = guess - step if toward_failing else guess + step
            if guess is None or not min(failing, holding) < guess < max(failing, holding):
                guess = (failing + holding) / 2
            holds, found = probe(guess)
            if holds:
                holding, holding_margin, toward_failing = guess, found, True
            else:
                failing, failing_margin, toward_failing = guess, found, False
        return holding, ("at most" if holding < nominal else "at least")


def hedge_samples(interval: Interval) -> list[Fraction]:
    """Values a one-sided (hedged) figure may stand for: "more than 1" reads as just over 1 up to 1.25, "up to
    400" as 300 to 400, "almost 5" as 4.5 to just under 5."""
    if interval.hi == INF and not isinstance(interval.lo, float) and interval.lo > 0:
        return [interval.lo * _JUST_OVER, interval.lo * _HALF_OVER, interval.lo * _FULL_OVER]
    if interval.lo == 0 and not isinstance(interval.hi, float) and interval.hi > 0:
        return [interval.hi * _JUST_UNDER, interval.hi * _HALF_UNDER, interval.hi * _FULL_UNDER]
    if interval.nominal is not None and interval.hi_open and interval.hi == interval.nominal:  # "almost"
        return [interval.lo, (interval.lo + interval.hi) / 2, interval.hi * _ALMOST]
    return []


def margin(comparison: Comparison) -> Fraction | None:
    """How far the nominal values are from the edge of the comparison (for inequalities, positive where it
    holds; for equalities, right minus left)."""
    left, right = comparison.left.interval.nominal, comparison.right.interval.nominal
    if left is None or right is None or comparison.op == "!=":
        return None
    return left - right if comparison.op in (">", ">=") else right - left


def _solve_equality(probe, nominal: Fraction, start_margin: Fraction | None):
    """The value that makes both sides equal as written (`start_margin` is theirs at the stated value), by the
    secant method on their difference (one step when the relation is linear in the figure); None when it does
    not converge."""
    previous, previous_margin = nominal, start_margin
    current = nominal * _SECANT_START
    close = abs(nominal) / 10**6
    sign = nominal.numerator  # (a Fraction's sign is its numerator's)
    for _ in range(8):
        holds, found = probe(current)
        if holds:
            return current, "="
        guess = falsi(previous, previous_margin, current, found)
        if guess is None or guess.numerator <= 0 < sign or guess.numerator >= 0 > sign:
            return None
        if abs(guess - current) <= close:  # converged short of exact equality: close enough
            return guess, "="
        previous, previous_margin, current = current, found, guess
    return None


def falsi(failing, failing_margin, holding, holding_margin) -> Fraction | None:
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
