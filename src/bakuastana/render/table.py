"""The human view of a check: a rich table of findings (fix under each message) and a one-line summary."""

from __future__ import annotations

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write_table(report, out, *, color: bool = False, width: int | None = None) -> None:
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=out, force_terminal=color, no_color=not color, width=width or 120, highlight=False)
    table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column("where", overflow="fold")
    table.add_column("code", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("finding", overflow="fold", ratio=1)
    for finding in report.findings:
        where = finding.span or finding.location
        place = f"{_short(where.path)}:{where.line}:{where.column}" if where else "-"
        text = escape(finding.message)
        if finding.fix:
            text += f"\n[dim]fix:[/] {escape(finding.fix)}"
        table.add_row(place, finding.code, f"[{STYLES[finding.severity]}]{finding.severity}[/]", text)
    if report.findings:
        console.print(table)
    summary = report.summary()
    coverage = "" if summary["coverage"] is None else f", coverage {summary['coverage']:.0%}"
    console.print(f"{summary['errors']} errors, {summary['warnings']} warnings, {summary['infos']} infos "
                  f"({summary['facts']} facts, {summary['relations']} relations{coverage})")


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]
