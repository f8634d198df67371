"""Inline SVG charts of `show`'s series for the HTML report: each value drawn as the interval it stands for."""

from __future__ import annotations

import math
from html import escape

from bakuastana.numbers.quantity import describe_value, format_interval

WIDTH, HEIGHT = 600, 270
LEFT, RIGHT, TOP, BOTTOM = 70, 16, 46, 40
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def series_charts(topic: str, series) -> list[str]:
    """The SVG of a series (one period length, as analysis/show.py finds them: eight months never stand beside
    twelve as if comparable); none for a series of fewer than two points."""
    if len(series.points) < 2:
        return []
    span = "" if series.months == 12 else f", {series.months}-month periods"
    what = series.unit if series.dimension == series.unit else f"{series.dimension} in {series.unit}"
    return [chart_svg(f"{topic}: {what}{span}", series.unit, series.points)]


def chart_svg(title: str, unit: str, points) -> str:
    """A chart of values over periods: a band for each value's interval (rounding or hedge), a dot at the value
    as written (hollow when implied), an arrow where a hedge leaves the top open."""
    ends = [_ends(point) for point in points]
    finite = [abs(v) for lo, hi, nominal in ends for v in (lo, hi, nominal) if v is not None and math.isfinite(v)]
    peak = max(finite, default=1.0) or 1.0
    factor, scale = _scale(peak)
    low = min([0.0, *(lo for lo, _, _ in ends if math.isfinite(lo))])
    high = max(v for lo, hi, nominal in ends for v in (lo, hi, nominal or 0.0) if math.isfinite(v))
    top, step = _axis_top(high * 1.12 / factor, low / factor)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        value = max(min(value / factor, top), low / factor)
        return TOP + plot_h * (1 - (value - low / factor) / (top - low / factor or 1))

    unit_text = " ".join(part for part in (scale, unit) if part)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text class="chart-title" x="8" y="18">{escape(title)}</text>',
             f'<text class="axis-unit" x="{LEFT - 6}" y="{TOP - 14}" text-anchor="end">{escape(unit_text)}</text>']
    tick = low / factor
    while tick <= top + step / 1000:
        ty = y(tick * factor)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
                     f'<text class="tick" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{_tick(tick)}</text>')
        tick += step
    slot = plot_w / len(points)
    band = min(34.0, slot * 0.45)
    for index, (point, (lo, hi, nominal)) in enumerate(zip(points, ends, strict=True)):
        x = LEFT + slot * (index + 0.5)
        y_lo, y_hi = y(lo if math.isfinite(lo) else low), y(hi if math.isfinite(hi) else top * factor)
        kind = "implied" if point.implied else "stated"
        value = describe_value(point.quantity)
        interval = format_interval(point.quantity)
        tip = f"{point.label} ({point.id}), {point.period}: {value}; interval {interval}"
        if point.implied:
            tip += " (implied)"
        parts.append(f'<g class="point {kind}"><title>{escape(tip)}</title>')
        parts.append(f'<rect class="band" x="{x - band / 2:.1f}" y="{y_hi:.1f}" width="{band:.1f}" '
                     f'height="{max(y_lo - y_hi, 1.5):.1f}"/>')
        for end, y_end in ((lo, y_lo), (hi, y_hi)):
            if math.isfinite(end):
                parts.append(f'<line class="cap" x1="{x - band / 2:.1f}" x2="{x + band / 2:.1f}" y1="{y_end:.1f}" '
                             f'y2="{y_end:.1f}"/>')
        if not math.isfinite(hi):
            parts.append(f'<path class="open-end" d="M{x - 7:.1f},{TOP + 8:.1f} L{x:.1f},{TOP - 2:.1f} '
                         f'L{x + 7:.1f},{TOP + 8:.1f} Z"/>')
        if nominal is not None:
            parts.append(f'<circle class="value" cx="{x:.1f}" cy="{y(nominal):.1f}" r="4.5"/>')
        parts.append(_label(value, interval, x, band, slot, y_lo, y_hi, y(nominal) if nominal is not None else y_hi,
                            open_top=not math.isfinite(hi)))
        parts.append(f'<text class="period" x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">'
                     f'{escape(point.period)}</text></g>')
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(low):.1f}" y2="{y(low):.1f}"/>'
                 f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{y(low):.1f}"/></svg>')
    return "".join(parts)


def _label(value: str, interval: str, x: float, band: float, slot: float, y_lo: float, y_hi: float,
           y_value: float, *, open_top: bool) -> str:
    """The value and its interval in two lines: beside the band when the slot is wide, else centred above the band
    (when its top is open: above the value if there is room under the arrow, else under it)."""
    if slot >= 300:
        fits_right = x + band / 2 + 150 <= WIDTH
        label_x, anchor = (x + band / 2 + 5, "start") if fits_right else (x - band / 2 - 5, "end")
        label_y = y_value
    else:
        label_x, anchor = x, "middle"
        if not open_top:
            label_y = max(y_hi - 20, TOP - 4)
        else:  # above the value inside the band when there is room under the arrow, else under the value
            label_y = y_value - 20 if y_value - TOP > 44 else min(y_lo + 16, HEIGHT - BOTTOM - 16)
    return (f'<text class="value-label" x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}">'
            f'{escape(_short(value))}<tspan class="interval" x="{label_x:.1f}" dy="12">{escape(_short(interval))}'
            "</tspan></text>")


def _ends(point) -> tuple[float, float, float | None]:
    """The value's interval ends and its value as written, as floats in the series' display unit."""
    interval = point.quantity.magnitude()
    nominal = None if interval.nominal is None else float(interval.nominal)
    return float(interval.lo), float(interval.hi), nominal


def _scale(peak: float) -> tuple[float, str]:
    if peak >= 10**4:
        for factor, name in _SCALES:
            if peak >= factor:
                return float(factor), name
    return 1.0, ""


def _axis_top(high: float, low: float) -> tuple[float, float]:
    """A round top for the axis and its tick step (about four ticks)."""
    span = max(high - low, 1e-9)
    raw = span / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return low + step * math.ceil(span / step), step


def _tick(value: float) -> str:
    return f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.6g}"


def _short(text: str) -> str:
    return text if len(text) <= 36 else text[:35] + "…"
