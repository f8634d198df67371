"""Output of a batch check, written as each article's result comes (in the articles' order) with only the running
totals kept: concise finding lines, a per-article summary table, JSON, JSONL, Markdown or GitHub annotations."""

from __future__ import annotations

import json
import shutil
import tempfile

from bakuastana.findings import split_message
from bakuastana.render import github


def render_batch(results, totals, fmt: str, out, *, color: bool = False, width: int | None = None,
                 show_infos: bool = False) -> None:
    """Write the PairResults of `results` (an iterable, consumed once) to `out` in one of the check formats
    (concise by default; table for the summary per article), adding each to `totals` (cli.batch.Totals) as it
    comes: only the totals are kept (the table keeps its rows' cells; full, sarif and junit every finding)."""
    results = totals.tally(results)
    if fmt == "concise":
        write_concise(results, totals, out, color=color, width=width, show_infos=show_infos)
    elif fmt == "json":
        write_json(results, totals, out)
    elif fmt == "jsonl":
        write_jsonl(results, out)
    elif fmt == "markdown":
        write_markdown(results, totals, out)
    elif fmt == "github":
        write_github(results, out)
    elif fmt in ("full", "sarif", "junit"):
        write_findings(results, totals, fmt, out, color=color, width=width)
    else:
        write_table(results, totals, out, color=color, width=width)


def _copy(spool, out) -> None:
    spool.seek(0)
    shutil.copyfileobj(spool, out)


def write_json(results, totals, out) -> None:
    """`{"schema", "summary", "articles": [...]}` as render/jsonout.write_json lays it out (one key a line, one
    article a line); the articles are spooled to a temporary file, since the summary comes first."""
    from bakuastana.cli.batch import BATCH_SCHEMA

    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:  # deleted on close
        written = 0
        for result in results:
            spool.write(",\n    " if written else "")
            spool.write(json.dumps(result.to_dict(), ensure_ascii=False))
            written += 1
        out.write(f'{{\n  "schema": {json.dumps(BATCH_SCHEMA)},\n'
                  f'  "summary": {json.dumps(totals.summary(), ensure_ascii=False)},\n')
        if not written:
            out.write('  "articles": []\n}\n')
            return
        out.write('  "articles": [\n    ')
        _copy(spool, out)
        out.write("\n  ]\n}\n")


def merged_report(results, totals):
    """One report of every pair's findings, a pair that could not be checked being an error finding at the place
    its error line names: for the formats that speak of findings, not of articles (full, sarif, junit). These
    formats keep every finding until the end."""
    import re

    from bakuastana.analysis.engine import Report
    from bakuastana.findings import Finding, Location

    findings = []
    for result in results:
        if result.error is None:
            findings += [Finding.from_dict(finding) for finding in result.findings]
            continue
        place = re.match(r"(.+?):(\d+):(\d+): error: ", result.error)
        where = Location(place[1], int(place[2]), int(place[3])) if place else Location(result.article, 1, 1)
        findings.append(Finding("E000", "bad-input", "error", result.error, [], where))
    return Report(findings, totals.facts, totals.relations, None)


def write_findings(results, totals, fmt: str, out, *, color: bool = False, width: int | None = None) -> None:
    from bakuastana.render.full import write_full
    from bakuastana.render.junit import write_junit
    from bakuastana.render.sarif import write_sarif

    report = merged_report(results, totals)
    if fmt == "full":
        write_full(report, out, color=color, width=width)
    elif fmt == "sarif":
        write_sarif(report, out)
    else:
        write_junit(report, out)


def write_concise(results, totals, out, *, color: bool = False, width: int | None = None,
                  show_infos: bool = False) -> None:
    """Each pair's errors and warnings (infos with `show_infos`) as `path:line:col: CODE severity: message`, each
    pair that could not be checked as its error line, then one summary line."""
    from bakuastana.render.concise import display_path, found, plural, wrap, write_lines

    for result in results:
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
    total = totals.summary()
    text = found(total, show_infos) + f" in {plural(total['articles'], 'article')}"
    extra = [f"{total['failed']} could not be checked"] if total["failed"] else []
    if total["infos"] and not show_infos:
        extra.append(f"{plural(total['infos'], 'info')} hidden: --show-infos")
    text += f" ({'; '.join(extra)})" if extra else ""
    out.write("\n".join(wrap(text, width)) + "\n")


def write_jsonl(results, out) -> None:
    """One finding per line with its "article" added; a pair that could not be checked is one line with "error"."""
    for result in results:
        if result.error is not None:
            out.write(json.dumps({"article": result.article, "facts": result.facts, "error": result.error},
                                 ensure_ascii=False) + "\n")
            continue
        for finding in result.findings:
            out.write(json.dumps({"article": result.article, **finding}, ensure_ascii=False) + "\n")


def write_table(results, totals, out, *, color: bool = False, width: int | None = None) -> None:
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
    for result in results:
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
    total = totals.summary()
    failed = f", {total['failed']} could not be checked" if total["failed"] else ""
    console.print(f"{total['articles']} articles{failed}: {total['errors']} errors, {total['warnings']} warnings, "
                  f"{total['infos']} infos ({total['facts']} facts, {total['relations']} relations)")


def write_markdown(results, totals, out) -> None:
    """The totals, then a row per article (spooled to a temporary file, since the totals come first)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:  # deleted on close
        for result in results:
            name = result.article.replace("|", "\\|")
            if result.error is not None:
                spool.write(f"| {name} | bad input: {result.error.replace('|', chr(92) + '|')} | | | | | |\n")
                continue
            summary = result.summary
            coverage = "n/a" if summary["coverage"] is None else f"{summary['coverage']:.0%}"
            spool.write(f"| {name} | {summary['errors']} | {summary['warnings']} | {summary['infos']} | "
                        f"{summary['facts']} | {summary['relations']} | {coverage} |\n")
        total = totals.summary()
        out.write(f"# bakuastana check: {total['articles']} articles\n\n")
        out.write(f"**{total['errors']} errors, {total['warnings']} warnings, {total['infos']} notes**; "
                  f"{total['failed']} could not be checked.\n\n")
        out.write("| article | errors | warnings | infos | facts | relations | coverage |\n"
                  "|---|---|---|---|---|---|---|\n")
        _copy(spool, out)


def write_github(results, out) -> None:
    for result in results:
        if result.error is not None:
            out.write(f"::error file={github.escape(result.article, property_value=True)},title=bad input::"
                      f"{github.escape(result.error)}\n")
            continue
        for finding in result.findings:
            out.write(github.annotation(finding))
