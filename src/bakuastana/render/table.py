"""The human view of a check: a rich table of findings and a one-line summary."""

from __future__ import annotations

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write_table(report, out, *, color: bool = False, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, force_terminal=color, no_color=not color, width=width or 120,
                      highlight=False, soft_wrap=False)
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=False, pad_edge=False)
    table.add_column("where", no_wrap=True)
    table.add_column("code", no_wrap=True)
    table.add_column("sev", no_wrap=True)
    table.add_column("finding", overflow="fold")
    table.add_column("fix", overflow="fold")
    for finding in report.findings:
        where = finding.span or finding.location
        place = f"{_short(where.path)}:{where.line}:{where.column}" if where else "-"
        table.add_row(place, finding.code, f"[{STYLES[finding.severity]}]{finding.severity}[/]",
                      finding.message, finding.fix or "")
    if report.findings:
        console.print(table)
    for note in report.notes:
        console.print(f"note: {note}")
    summary = report.summary()
    coverage = "" if summary["coverage"] is None else f", coverage {summary['coverage']:.0%}"
    console.print(f"{summary['errors']} errors, {summary['warnings']} warnings, {summary['infos']} infos "
                  f"({summary['facts']} facts, {summary['relations']} relations{coverage})")


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]
