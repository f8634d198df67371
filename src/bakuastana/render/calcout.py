"""Output of `calc`: the value, its interval, and (for comparisons) the verdict; text or JSON."""

from __future__ import annotations

import json

from bakuastana.numbers.interval import Interval
from bakuastana.numbers.quantity import Quantity, format_interval, format_quantity


def _bound(value) -> float | None:
    return None if isinstance(value, float) else float(value)


def interval_json(quantity: Quantity) -> dict:
    """A quantity in its display unit as JSON numbers (floats) plus exact fractions as strings."""
    interval: Interval = quantity.magnitude()
    return {
        "value": None if interval.nominal is None else float(interval.nominal),
        "unit": quantity.unit.label,
        "low": _bound(interval.lo), "high": _bound(interval.hi),
        "low_open": interval.lo_open or isinstance(interval.lo, float),
        "high_open": interval.hi_open or isinstance(interval.hi, float),
        "exact": None if interval.nominal is None else str(interval.nominal),
        "text": format_quantity(quantity, 6),
        "interval": format_interval(quantity),
    }


def _figures_text(result) -> str:
    """How each typed figure was read, when the expression is more than that one figure."""
    figures = result.figures
    if not figures or (len(figures) == 1 and figures[0][0] == result.expression.strip()):
        return ""
    return "".join(f'  read "{text}" as {format_interval(value)}\n' for text, value in figures)


def _figures_json(result) -> list:
    return [{"typed": text, **interval_json(value)} for text, value in result.figures]


def write_calc(result, out, *, as_json: bool = False) -> None:
    if result.comparison is not None:
        comparison = result.comparison
        if as_json:
            data = {"schema": "bakuastana.calc/1", "expression": result.expression, "facts": list(result.refs),
                    "comparison": comparison.op, "verdict": result.verdict,
                    "left": interval_json(comparison.left), "right": interval_json(comparison.right),
                    "figures": _figures_json(result)}
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        out.write(f"{result.expression}\n= {result.verdict}\n"
                  f"  left  {format_quantity(comparison.left, 6)}  {format_interval(comparison.left)}\n"
                  f"  right {format_quantity(comparison.right, 6)}  {format_interval(comparison.right)}\n"
                  f"{_figures_text(result)}")
        return
    if as_json:
        data = {"schema": "bakuastana.calc/1", "expression": result.expression, "facts": list(result.refs),
                **interval_json(result.value), "figures": _figures_json(result)}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    out.write(f"{result.expression}\n= {format_quantity(result.value, 6)}\n")
    if not result.value.interval.is_point:
        out.write(f"  interval {format_interval(result.value)}\n")
    out.write(_figures_text(result))
