"""Output of a batch check: concise finding lines, a per-article summary table, JSON, JSONL, Markdown or GitHub
annotations."""

from __future__ import annotations

import json

from bakuastana.findings import split_message
from bakuastana.render import github
from bakuastana.render.jsonout import write_json


def render_batch(batch, fmt: str, out, *, color: bool = False, width: int | None = None,
                 show_infos: bool = False) -> None:
    """Write a BatchReport to `out` in one of the check formats (concise by default; table for the summary per
    article)."""
    if fmt == "concise":
        write_concise(batch, out, color=color, width=width, show_infos=show_infos)
    elif fmt == "json":
        write_json(batch.to_dict(), out)
    elif fmt == "jsonl":
        write_jsonl(batch, out)
    elif fmt == "markdown":
        write_markdown(batch, out)
    elif fmt == "github":
        write_github(batch, out)
    elif fmt in ("full", "sarif", "junit"):
        write_findings(batch, fmt, out, color=color, width=width)
    else:
        write_table(batch, out, color=color, width=width)


def merged_report(batch):
    """One report of every pair's findings, a pair that could not be checked being an error finding at the place
    its error line names: for the formats that speak of findings, not of articles (full, sarif, junit)."""
    import re

    from bakuastana.analysis.engine import Report
    from bakuastana.findings import Finding, Location

    findings = []
    for result in batch.results:
        if result.error is None:
            findings += [Finding.from_dict(finding) for finding in result.findings]
            continue
        place = re.match(r"(.+?):(\d+):(\d+): error: ", result.error)
        where = Location(place[1], int(place[2]), int(place[3])) if place else Location(result.article, 1, 1)
        findings.append(Finding("E000", "bad-input", "error", result.error, [], where))
    total = batch.summary()
    return Report(findings, total["facts"], total["relations"], None)


def write_findings(batch, fmt: str, out, *, color: bool = False, width: int | None = None) -> None:
    from bakuastana.render.full import write_full
    from bakuastana.render.junit import write_junit
    from bakuastana.render.sarif import write_sarif

    report = merged_report(batch)
    if fmt == "full":
        write_full(report, out, color=color, width=width)
    elif fmt == "sarif":
        write_sarif(report, out)
    else:
        write_junit(report, out)


def write_concise(batch, out, *, color: bool = False, width: int | None = None, show_infos: bool = False) -> None:
    """Each pair's errors and warnings (infos with `show_infos`) as `path:line:col: CODE severity: message`, each
    pair that could not be checked as its error line, then one summary line."""
    from bakuastana.render.concise import display_path, plural, wrap, write_lines

    for result in batch.results:
        if result.error is not None:
            write_lines(out, wrap(result.error, width), "error", color)
            continue
        for finding in result.findings:
            if finding["severity"] == "info" and not show_infos:
                continue
            where = finding["span"] or finding["location"]
            place = f"{display_path(where['path'])}:{where['line']}:{where['column']}" if where else "-"
            headline = split_message(finding["message"])[0]
            write_lines(out, wrap(f"{place}: {finding['code']} {finding['severity']}: {headline}", width),
                        finding["severity"], color)
    total = batch.summary()
    parts = [part for part in (plural(total["errors"], "error"), plural(total["warnings"], "warning"))
             if not part.startswith("0 ")]
    if show_infos and total["infos"]:
        parts.append(plural(total["infos"], "info"))
    text = f"Found {', '.join(parts)}" if parts else "No errors or warnings"
    text += f" in {plural(total['articles'], 'article')}"
    extra = [f"{total['failed']} could not be checked"] if total["failed"] else []
    if total["infos"] and not show_infos:
        extra.append(f"{plural(total['infos'], 'info')} hidden: --show-infos")
    text += f" ({'; '.join(extra)})" if extra else ""
    out.write("\n".join(wrap(text, width)) + "\n")


def write_jsonl(batch, out) -> None:
    """One finding per line with its "article" added; a pair that could not be checked is one line with "error"."""
    for result in batch.results:
        if result.error is not None:
            out.write(json.dumps({"article": result.article, "facts": result.facts, "error": result.error},
                                 ensure_ascii=False) + "\n")
            continue
        for finding in result.findings:
            out.write(json.dumps({"article": result.article, **finding}, ensure_ascii=False) + "\n")


def write_table(batch, out, *, color: bool = False, width: int | None = None) -> None:
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=out, force_terminal=color, no_color=not color, width=width or 120, highlight=False)
    table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column("article", overflow="fold", ratio=1)
    for name in ("errors", "warnings", "infos", "facts", "relations", "coverage"):
        table.add_column(name, justify="right", overflow="fold")
    failures = []
    for result in batch.results:
        if result.error is not None:  # its message goes under the table, so the columns keep their numbers
            table.add_row(escape(result.article), "[bold red]bad input[/]", *["-"] * 5)
            failures.append(result.error)
            continue
        summary = result.summary
        coverage = "" if summary["coverage"] is None else f"{summary['coverage']:.0%}"
        errors = f"[bold red]{summary['errors']}[/]" if summary["errors"] else "0"
        warnings = f"[yellow]{summary['warnings']}[/]" if summary["warnings"] else "0"
        table.add_row(escape(result.article), errors, warnings, str(summary["infos"]), str(summary["facts"]),
                      str(summary["relations"]), coverage)
    console.print(table)
    for error in failures:
        console.print(escape(error), overflow="fold", style="red")
    total = batch.summary()
    failed = f", {total['failed']} could not be checked" if total["failed"] else ""
    console.print(f"{total['articles']} articles{failed}: {total['errors']} errors, {total['warnings']} warnings, "
                  f"{total['infos']} infos ({total['facts']} facts, {total['relations']} relations)")


def write_markdown(batch, out) -> None:
    total = batch.summary()
    out.write(f"# bakuastana check: {total['articles']} articles\n\n")
    out.write(f"**{total['errors']} errors, {total['warnings']} warnings, {total['infos']} notes**; "
              f"{total['failed']} could not be checked.\n\n")
    out.write("| article | errors | warnings | infos | facts | relations | coverage |\n|---|---|---|---|---|---|---|\n")
    for result in batch.results:
        name = result.article.replace("|", "\\|")
        if result.error is not None:
            out.write(f"| {name} | bad input: {result.error.replace('|', chr(92) + '|')} | | | | | |\n")
            continue
        summary = result.summary
        coverage = "n/a" if summary["coverage"] is None else f"{summary['coverage']:.0%}"
        out.write(f"| {name} | {summary['errors']} | {summary['warnings']} | {summary['infos']} | "
                  f"{summary['facts']} | {summary['relations']} | {coverage} |\n")


def write_github(batch, out) -> None:
    for result in batch.results:
        if result.error is not None:
            out.write(f"::error file={github.escape(result.article, property_value=True)},title=bad input::"
                      f"{github.escape(result.error)}\n")
            continue
        for finding in result.findings:
            out.write(github.annotation(finding))
