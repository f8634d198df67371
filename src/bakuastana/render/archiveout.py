"""Output of the archive commands: `index`'s summary, `show --archive` (a measure across articles), `check --cross`."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from bakuastana.render.concise import display_path, place, plural, wrap, write_lines

ARCHIVE_SHOW_SCHEMA = "bakuastana.archive-show/1"
CROSS_SCHEMA = "bakuastana.cross/1"


def index_line(report, output: str) -> str:
    removed = f", {report.removed} removed (their files are gone)" if report.removed else ""
    return (f"{output}: {report.indexed} articles indexed ({report.facts} facts), {report.skipped} unchanged, "
            f"{len(report.errors)} failed{removed}")


def write_cross(findings, out, *, fmt: str = "concise", color: bool = False, width: int | None = None,
                articles: int = 0) -> None:
    """The cross-article findings: one `path:line:col: CODE severity: message` line each and a summary; or JSON."""
    if fmt == "json":
        data = {"schema": CROSS_SCHEMA, "articles": articles,
                "summary": {severity + "s": sum(1 for f in findings if f.severity == severity)
                            for severity in ("error", "warning", "info")},
                "findings": [finding.to_dict() for finding in findings]}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for finding in findings:
        line = f"{place(finding)}: {finding.code} {finding.severity}: {finding.message}"
        write_lines(out, wrap(line, width), finding.severity, color)
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in ("warning", "info")}
    out.write(f"{plural(articles, 'article')} compared: {plural(counts['warning'], 'warning')}, "
              f"{plural(counts['info'], 'info')} across articles\n")


def write_measures(measures, out, *, as_json: bool = False) -> None:
    if as_json:
        out.write(json.dumps({"schema": ARCHIVE_SHOW_SCHEMA, "measures": [
            {"measure": m, "facts": facts, "articles": articles} for m, facts, articles in measures]},
            ensure_ascii=False, indent=2) + "\n")
        return
    for measure, facts, articles in measures:
        out.write(f"{measure:<32} {plural(facts, 'fact'):>9} in {plural(articles, 'article')}\n")
    out.write("Run `bakuastana show MEASURE --archive FILE` for one measure's values across articles.\n")


def write_archive_topic(topic: str, facts, out, *, as_json: bool = False, color: bool = False,
                        width: int | None = None) -> None:
    """A measure's values across articles: per measure and subjects, each value with its period, outlet, date
    and article place; then a chart per series of one period length."""
    if as_json:
        out.write(json.dumps({"schema": ARCHIVE_SHOW_SCHEMA, "topic": topic,
                              "facts": [_fact_json(item) for item in facts]}, ensure_ascii=False, indent=2) + "\n")
        return
    groups = defaultdict(list)
    for item in facts:
        groups[(item.row.measure, tuple(sorted(item.row.subjects)), item.row.kind, item.row.dims)].append(item)
    first = True
    for (measure, subjects, kind, _dims), items in groups.items():
        if not first:
            out.write("\n")
        first = False
        about = f" [{', '.join(subjects)}]" if subjects else ""
        out.write(f"{measure}{about} ({'growth' if kind == 'percent' else kind}): {plural(len(items), 'value')} in "
                  f"{plural(len({item.article for item in items}), 'article')}\n")
        rows = [(item.row.period or "-", _value(item), item.row.figure or "", item.outlet or "-",
                 item.published or "-", f"{display_path(item.article)}:{item.row.line or 1}:{item.row.column or 1}")
                for item in items]
        header = ("period", "value", "as written", "outlet", "published", "article")
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
        for row in [header, *rows]:
            out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
                      + "\n")
        if kind in ("amount", "count"):
            for lines in _charts(measure, items, color, width):
                out.write("\n")
                for line in lines:
                    out.write(line.plain.rstrip() + "\n" if not color else _markup(line) + "\n")


def _value(item) -> str:
    from bakuastana.numbers.quantity import describe_value

    return describe_value(_quantity(item))


def _quantity(item):
    from bakuastana.numbers.quantity import Quantity
    from bakuastana.numbers.units import parse_unit

    row = item.row
    return Quantity(row.interval(), parse_unit(row.unit) if row.unit else parse_unit("1"))


def _charts(measure: str, items, color: bool, width: int | None):
    """show's bar chart, one per period length, each bar a value labelled with its period and outlet."""
    from bakuastana.analysis.show import Series, SeriesPoint
    from bakuastana.render.showout import chart_lines

    by_months = defaultdict(list)
    for item in items:
        start, end = date.fromisoformat(item.row.period_start), date.fromisoformat(item.row.period_end)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        by_months[months].append((start, end, item))
    for months, points in sorted(by_months.items()):
        quantity = _quantity(points[0][2])
        series = Series(quantity.unit.label, quantity.unit.describe_dims(), tuple(
            SeriesPoint(item.row.fact, item.row.fact, f"{item.row.period} {item.outlet or '-'} {item.published or ''}"
                        .rstrip(), start, end, _quantity(item), False, item.row.hedge)
            for start, end, item in points), months)
        yield chart_lines(series, width or 100, color, f"{measure}: ")


def _markup(line) -> str:
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), force_terminal=True, width=400, highlight=False, soft_wrap=True)
    console.print(line, end="")
    return console.file.getvalue()


def _fact_json(item) -> dict:
    row = item.row
    return {"article": item.article, "outlet": item.outlet, "published": item.published,
            "language": item.language, "fact": row.fact, "measure": row.measure, "subjects": list(row.subjects),
            "period": row.period, "kind": row.kind, "figure": row.figure, "hedge": row.hedge, "unit": row.unit,
            "low": row.low, "high": row.high, "nominal": row.nominal, "quote": row.quote,
            "line": row.line, "column": row.column}
