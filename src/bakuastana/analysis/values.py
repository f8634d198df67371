"""Values of facts and derived values for expressions: stated (or as an article writes them), cached, cycle-safe."""

from __future__ import annotations

from fractions import Fraction

from bakuastana.errors import BadInput
from bakuastana.numbers.expr import Env, ExprError, Parsed, TooFine, evaluate, parse, template_key
from bakuastana.numbers.interval import Interval
from bakuastana.numbers.quantity import DimensionError, Quantity
from bakuastana.numbers.units import UnitError, parse_unit
from bakuastana.store.model import Store

MAX_CHAIN = 100  # derived values built on derived values, this deep at most


class StoreEnv(Env):
    """Resolves fact ids to quantities; `overrides` replaces stated values (e.g. as a draft writes them)."""

    def __init__(self, store: Store, overrides: dict[str, Quantity] | None = None,
                 parsed: dict[str, Parsed] | None = None, cache: dict[str, Quantity] | None = None) -> None:
        self.store = store
        self.overrides = overrides or {}
        self.parsed: dict[str, Parsed] = {} if parsed is None else parsed  # parse trees may be shared
        self.store_dependencies: dict[str, frozenset[str]] = {}
        self.cache: dict[str, Quantity] = {} if cache is None else cache  # may start with values known not to
        #                                                                     depend on the overrides
        self.stack: list[str] = []
        self.preparing = False  # computing what a derived value is built on (see `prepare`)
        self.templates: dict[str, tuple[Parsed, tuple[str, ...]]] = {}  # template key -> a parse of that shape

    def parse(self, source: str) -> Parsed:
        parsed = self.parsed.get(source)
        if parsed is None:
            parsed = self._parse_new(source)
            self.parsed[source] = parsed
        return parsed

    def _parse_new(self, source: str) -> Parsed:
        """Parse an expression, or bind its ids into an earlier parse of the same template (expr.template_key)."""
        shape = template_key(source, self.store.has_id)
        if shape is None:
            return parse(source, self.store.has_id)
        key, names = shape
        known = self.templates.get(key)
        if known is None:
            parsed = parse(source, self.store.has_id)
            if parsed.convert_to is None:  # a unit after "to" is text from the source, ids and all
                self.templates[key] = (parsed, names)
            return parsed
        template, template_names = known
        return template.rebound(source, dict(zip(template_names, names, strict=True)))

    def value(self, name: str) -> Quantity:
        if name in self.overrides:
            return self.overrides[name]
        if name in self.cache:
            return self.cache[name]
        fact = self.store.fact_by_id.get(name)
        if fact is not None:
            if fact.quantity is None:
                raise ExprError(f'fact "{name}" is a claim with no value')
            return fact.quantity
        derived = self.store.derived_by_id.get(name)
        if derived is None:
            raise ExprError(f'unknown fact id "{name}"')
        if name in self.stack:
            cycle = " -> ".join([*self.stack[self.stack.index(name):], name])
            raise ExprError(f"derived values form a cycle: {cycle}")
        if len(self.stack) >= MAX_CHAIN:
            raise ExprError(f"derived values depend on each other more than {MAX_CHAIN} levels deep")
        if not self.stack and not self.preparing:
            self.preparing = True
            try:
                self.prepare(name)
            finally:
                self.preparing = False
            if name in self.cache:
                return self.cache[name]
        self.stack.append(name)
        try:
            result = evaluate(self.parse(derived.expr), self)
        except TooFine as exc:  # name the derived value that grew, whichever value asked for it
            if exc.derived is None and len(self.stack) > 1:  # (the one validated is named by its place)
                exc.derived = name
                exc.message = f'{exc.message} in derived value "{name}"'
                exc.args = (exc.message,)
            raise
        finally:
            self.stack.pop()
        if not isinstance(result, Quantity):
            raise ExprError(f'derived value "{name}" is a comparison, not a number')
        if derived.nonnegative:
            result = Quantity(result.interval.clamp_low(Fraction(0)), result.unit, result.is_date)
        if derived.unit:
            try:
                result = result.to(parse_unit(derived.unit))
            except (DimensionError, UnitError) as exc:
                raise ExprError(f"{exc} (unit: {derived.unit})", UNIT_ERROR) from None
        self.cache[name] = result
        return result

    def prepare(self, name: str) -> None:
        """Compute the derived values `name` is built on, those it needs first, each once, so that no evaluation
        recurses through a chain of derived values (each expression may nest MAX_DEPTH levels, a chain MAX_CHAIN:
        together deeper than Python's stack). Stops at the first that fails or at a cycle: computing `name`
        itself then reports it, placed as before."""
        order: list[str] = []
        seen: set[str] = set()
        work: list[tuple[str, bool, int]] = [(name, False, 0)]
        while work:
            current, expanded, depth = work.pop()
            if expanded:
                order.append(current)
                continue
            if current in seen or current in self.cache or current in self.overrides:
                continue
            derived = self.store.derived_by_id.get(current)
            if derived is None:
                continue
            if depth >= MAX_CHAIN:
                raise ExprError(f"derived values depend on each other more than {MAX_CHAIN} levels deep")
            seen.add(current)
            try:
                refs = self.parse(derived.expr).refs
            except ExprError:
                return
            work.append((current, True, depth))
            work.extend((ref, False, depth + 1) for ref in reversed(refs) if ref not in seen)
        for current in order[:-1]:  # the last is `name`
            if current in self.cache:
                continue
            try:
                self.value(current)
            except ExprError:
                return

    def dependencies(self, name: str) -> frozenset[str]:
        """Every id (stated or derived) a value is computed from, transitively; empty for a stated fact."""
        known = self.store_dependencies.get(name)
        if known is None:
            derived = self.store.derived_by_id.get(name)
            known = frozenset()
            if derived is not None:
                self.store_dependencies[name] = known  # while it is explored: a cycle ends here
                refs = self.parse(derived.expr).refs
                known = frozenset(refs).union(*(self.dependencies(ref) for ref in refs))
            self.store_dependencies[name] = known
        return known

    def duration(self, name: str) -> Quantity:
        fact = self.store.fact_by_id.get(name) or self.store.derived_by_id.get(name)
        if fact is None:
            raise ExprError(f'unknown fact id "{name}"')
        if fact.period is None:
            raise ExprError(f'"{name}" has no period, so it has no rate')
        months = fact.period.months
        unit = parse_unit("year") if months % 12 == 0 else parse_unit("month")
        amount = months / 12 if months % 12 == 0 else months
        return Quantity(Interval.point(Fraction(amount) * unit.factor), unit)


def validate_expressions(store: Store, relations: list | None = None) -> tuple[StoreEnv, dict]:
    """Parse and evaluate every derived value and relation (or only `relations` of them) on the stored figures;
    refuse the store on unknown ids, syntax errors, cycles and dimension errors, pointing at the expression.
    Returns the env (its derived values computed) and each relation's comparison, so the rules need not
    compute them again."""
    env = StoreEnv(store)
    _validate(env, [(item, "expr") for item in store.derived])
    return env, validate_relations(env, store.relations if relations is None else relations)


def validate_relations(env: StoreEnv, relations: list) -> dict:
    """Each relation's comparison on the stored figures, or BadInput at the first that cannot be evaluated."""
    return _validate(env, [(item, "check") for item in relations])


def _validate(env: StoreEnv, items: list[tuple]) -> dict:
    comparisons = {}
    for item, field in items:
        source = getattr(item, field)
        try:
            parsed = env.parse(source)
            if field == "check" and not parsed.is_comparison:
                raise ExprError("a relation must compare two sides (<, <=, ==, >=, >)", 0)
            if field == "expr" and parsed.is_comparison:
                raise ExprError("a derived value must be a number, not a comparison", 0)
            if field == "expr":
                _check_unit(item, env)
                env.value(item.id)
            else:
                comparisons[item.id] = evaluate(parsed, env)
        except ExprError as exc:
            field = "unit" if exc.offset == UNIT_ERROR else field
            line, column = item.marks.get(field, (item.line, item.column))
            where = f"{'derived' if field == 'expr' else 'relation'} {item.id}.{field}"
            raise BadInput(f"{exc.message} in {where}", env.store.path, line,
                           None if column is None else column + _offset(exc, source)) from None
    return comparisons


UNIT_ERROR = -1  # an ExprError offset that means: the derived value's `unit`, not its expression


def _check_unit(derived, env: StoreEnv) -> None:
    """A derived value's display unit must parse (its dimension is checked when the value is computed)."""
    if not derived.unit:
        return
    try:
        parse_unit(derived.unit)
    except UnitError as exc:
        raise ExprError(str(exc), UNIT_ERROR) from None


def _offset(exc: ExprError, source: str) -> int:
    return exc.offset if 0 <= exc.offset <= len(source) else 0
