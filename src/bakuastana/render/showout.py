"""Output of `show`: the topic list, or one topic's table of values, its checks and a bar chart; text or JSON."""

from __future__ import annotations

import json
from datetime import date

from bakuastana.analysis.show import SHOW_SCHEMA, count_texts, is_count
from bakuastana.numbers.interval import INF
from bakuastana.numbers.quantity import Quantity, format_date_interval, humanize
from bakuastana.render.calcout import interval_json

STATUS_STYLES = {"inconsistent": "bold red", "edge": "yellow", "consistent": "green", "unchecked": "dim"}
STATED_BAR, IMPLIED_BAR = "█", "░"
EIGHTHS = " ▏▎▍▌▋▊▉"  # partial cells of a stated bar, in eighths


# JSON ----------------------------------------------------------------------------------------------


def value_json(quantity: Quantity | None) -> dict | None:
    """A value's numbers (display unit, interval ends); dates as ISO strings rather than day ordinals."""
    if quantity is None:
        return None
    if quantity.is_date:
        interval = quantity.magnitude()
        low = None if isinstance(interval.lo, float) else date.fromordinal(int(interval.lo)).isoformat()
        high = None if isinstance(interval.hi, float) else date.fromordinal(int(interval.hi)).isoformat()
        text = format_date_interval(interval)
        return {"value": text, "unit": "date", "low": low, "high": high, "low_open": False, "high_open": False,
                "exact": None, "text": text, "interval": text}
    return _numbers_json(quantity)


def _numbers_json(quantity: Quantity) -> dict:
    """interval_json, with a count's texts in whole things ("≈399 train", "[398, 400] train")."""
    data = interval_json(quantity)
    if is_count(quantity):
        text, interval = count_texts(quantity)
        data.update(text=text, interval=interval or data["interval"])
    return data


def _row_json(row) -> dict:
    data = {"id": row.id, "label": row.label, "kind": row.kind, "implied": row.implied, "period": row.period}
    if row.implied:
        data["expr"] = row.expr
    else:
        data.update({"stated": row.stated, "figure": row.figure, "hedge": row.hedge})
    data.update({"value": value_json(row.quantity), "normalised": row.value_text, "interval": row.interval_text,
                 "status": row.status, "relations": list(row.relations)})
    return data


def _series_json(series) -> dict:
    return {"unit": series.unit, "dimension": series.dimension, "months": series.months, "points": [
        {"id": p.id, "label": p.label, "period": p.period, "start": p.start.isoformat(), "end": p.end.isoformat(),
         "implied": p.implied, "hedge": p.hedge, "value": _numbers_json(p.quantity),
         "rate": interval_json(p.rate) if p.rate is not None else None, "over": p.over} for p in series.points]}


def topics_json(summaries) -> dict:
    return {"schema": SHOW_SCHEMA, "topics": [
        {"id": s.id, "description": s.description, "facts": s.facts, "implied": s.derived} for s in summaries]}


def topic_json(view) -> dict:
    return {"schema": SHOW_SCHEMA, "topic": view.topic, "description": view.description, "store": view.store_path,
            "facts": [_row_json(row) for row in view.facts],
            "implied": [_row_json(row) for row in view.implied],
            "relations": [{"id": c.id, "label": c.label, "kind": c.kind, "severity": c.severity,
                           "verdict": c.verdict, "facts": list(c.refs), "origin": c.origin} for c in view.relations],
            "series": [_series_json(series) for series in view.series]}


# text ----------------------------------------------------------------------------------------------


def _console(color: bool, width: int | None):
    """A rich console writing to a buffer; `_flush` hands its text on (without the cells' trailing spaces)."""
    import io

    from rich.console import Console

    # width None: rich takes $COLUMNS, else 80, when stdout is not a terminal; so piped output is stable
    return Console(file=io.StringIO(), force_terminal=color, no_color=not color, width=width, highlight=False,
                   soft_wrap=False, emoji=False)


def _flush(console, out) -> None:
    text = console.file.getvalue()
    out.write("".join(line.rstrip(" ") + "\n" for line in text.splitlines()))


def write_topics(summaries, out, *, as_json: bool = False, color: bool = False, width: int | None = None) -> None:
    if as_json:
        out.write(json.dumps(topics_json(summaries), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    console = _console(color, width)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column("topic", no_wrap=True)
    table.add_column("facts", justify="right", no_wrap=True)
    table.add_column("implied", justify="right", no_wrap=True)
    table.add_column("description", overflow="fold")
    for summary in summaries:
        table.add_row(summary.id, str(summary.facts), str(summary.derived), summary.description or "")
    console.print(table)
    console.print("Run `bakuastana show TOPIC` for one topic's figures, checks and chart.")
    _flush(console, out)


def write_topic(view, out, *, as_json: bool = False, color: bool = False, width: int | None = None) -> None:
    if as_json:
        out.write(json.dumps(topic_json(view), ensure_ascii=False, indent=2) + "\n")
        return
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    console = _console(color, width)
    title = f"[bold]{escape(view.topic)}[/]" + (f": {escape(view.description)}" if view.description else "")
    console.print(title)
    console.print(_counts_line(view))
    console.print()
    table = Table(show_header=True, header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
                  padding=(0, 1, 0, 0), expand=True, leading=1)
    table.add_column("fact", ratio=6, overflow="fold")
    table.add_column("period", no_wrap=True)
    table.add_column("stated", ratio=4, overflow="fold")
    table.add_column("normalised", ratio=5, overflow="fold")
    table.add_column("status", no_wrap=True)
    for index, row in enumerate((*view.facts, *view.implied)):
        if row.implied and index == len(view.facts) and view.facts:
            table.add_section()
        table.add_row(_fact_cell(row), escape(_period_cell(row.period)), _stated_cell(row), _value_cell(row),
                      _status_cell(row.status))
    console.print(table)
    if view.relations:
        console.print()
        console.print("[bold]checks[/]")
        checks = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1, 0, 0))
        checks.add_column("verdict", no_wrap=True)
        checks.add_column("relation", overflow="fold")
        for check in view.relations:
            checks.add_row(_status_cell(check.verdict),
                           f"{escape(check.label)} [dim]({escape(check.id)}, {check.severity})[/]")
        console.print(checks)
    for series in view.series:
        console.print()
        for line in chart_lines(series, console.width, color, f"{view.topic}: "):
            console.print(line, no_wrap=True, overflow="crop")
    _flush(console, out)


def _counts_line(view) -> str:
    rows = (*view.facts, *view.implied)
    counts = {status: sum(1 for row in rows if row.status == status) for status in STATUS_STYLES}
    shown = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    return f"{len(view.facts)} facts, {len(view.implied)} implied values ({shown})"


def _period_cell(period: str | None) -> str:
    """Long ranges break after their "..", so the column stays narrow: "2023-01..\\n2025-10"."""
    if not period:
        return ""
    return period.replace("..", "..\n") if len(period) > 11 else period


def _fact_cell(row) -> str:
    from rich.markup import escape

    text = f"{escape(row.label)}\n[dim]{escape(row.id)}[/]"
    if row.implied:
        text += f"\n[dim]= {escape(row.expr)}[/]"
    return text


def _stated_cell(row) -> str:
    from rich.markup import escape

    if row.implied:
        return "[italic]implied[/]"
    if row.kind == "claim":
        return "[dim](claim, no figure)[/]"
    return escape(row.figure or row.stated or "")


def _value_cell(row) -> str:
    from rich.markup import escape

    if row.quantity is None:
        return "[dim]-[/]" if row.kind == "claim" else "[dim]not computable[/]"
    text = escape(row.value_text)
    if row.interval_text and row.interval_text != row.value_text:
        text += f"\n[dim]{escape(row.interval_text)}[/]"
    return text


def _status_cell(status: str) -> str:
    return f"[{STATUS_STYLES[status]}]{status}[/]"


# chart ---------------------------------------------------------------------------------------------


def chart_lines(series, width: int, color: bool = False, title: str = "") -> list:
    """A horizontal bar per period, scaled to the width: stated bars solid, implied ones shaded, a "+" where
    the value is open above ("more than"), "<" or "≈" before the figure where it is a bound or approximate."""
    from rich.text import Text

    points = series.points
    labels = [_bar_label(p) for p in points]
    period_width = max(len(p.period) for p in points)
    label_width = max(len(text) for text in labels)
    bar_room = max(width - period_width - label_width - 3, 8)  # 3: space, the "+" cell, space
    values = [_bar_value(p) for p in points]
    top = max(values) or 1
    unit = f", in {series.unit}" if series.unit and series.unit != series.dimension else ""
    length = "full years" if series.months == 12 else f"{series.months}-month periods, not comparable with years"
    lines = [Text(f"{title}{series.dimension} by period{unit} ({length})", style="bold" if color else "")]
    for point, label, value in zip(points, labels, values, strict=True):
        bar = _bar(value / top * bar_room, point.implied)
        line = Text(f"{point.period:<{period_width}} ")
        line.append(bar, style=(("dim " if point.implied else "") + "cyan") if color else "")
        line.append("+" if point.quantity.interval.hi == INF else "")
        line.append(f" {label}")
        lines.append(line)
    legend = f"{STATED_BAR} stated  {IMPLIED_BAR} implied  + more than  < less than  ≈ about"
    lines.append(Text(legend, style="dim" if color else ""))
    for point in points:
        if point.rate is not None:
            amount = count_texts(point.quantity)[0] if series.counts else humanize(
                point.quantity.magnitude().nominal, series.unit, 4)
            note = (f"{point.period}: {humanize(point.rate.magnitude().nominal, point.rate.unit.label, 4)}"
                    f" × {point.over} = {amount}")
            lines.append(Text(note, style="dim" if color else ""))
    return lines


def _bar_value(point) -> float:
    interval = point.quantity.magnitude()
    if interval.nominal is not None:
        return max(float(interval.nominal), 0.0)
    finite = [bound for bound in (interval.hi, interval.lo) if not isinstance(bound, float)]
    return max(float(finite[0]), 0.0) if finite else 0.0


def _bar(cells: float, implied: bool) -> str:
    if implied:
        whole = round(cells)
        return IMPLIED_BAR * max(whole, 1 if cells > 0 else 0)
    whole, eighths = int(cells), round((cells - int(cells)) * 8)
    if eighths == 8:
        whole, eighths = whole + 1, 0
    bar = STATED_BAR * whole + (EIGHTHS[eighths] if eighths else "")
    return bar or ("▏" if cells > 0 else "")


def _bar_label(point) -> str:
    interval = point.quantity.magnitude()
    nominal = interval.nominal
    number = humanize(nominal, "", 5) if nominal is not None else "?"
    if nominal is not None and is_count(point.quantity):  # whole trains: "≈399", never "398.93"
        number = count_texts(point.quantity)[0].rpartition(" ")[0]
    prefix = ""
    if interval.hi == INF and interval.lo != -INF:
        prefix = ">" if interval.lo_open else "≥"
    elif interval.lo in (0, -INF) and interval.hi != INF and nominal != 0:
        prefix = "<" if interval.hi_open else "≤"
    elif point.hedge in ("about", "almost"):
        prefix = "≈"
    return f"{prefix}{number}" + (" implied" if point.implied else "")
