"""A Markdown report an editor can paste into a ticket: summary, then findings with quote and fix."""

from __future__ import annotations


def _cell(text) -> str:
    return "" if text is None else str(text).replace("|", "\\|").replace("\n", " ")


def _quoted(finding) -> str:
    """The fact's quote with the finding's span in bold, or the span alone."""
    text = finding.span.text if finding.span and finding.span.text else None
    if finding.quote:
        if text and text in finding.quote:
            return "«" + finding.quote.replace(text, f"**{text}**", 1) + "»"
        return f"«{finding.quote}»"
    return f"«{text}»" if text else ""


def write_markdown(report, out) -> None:
    summary = report.summary()
    title = report.article_path or report.store_path
    out.write(f"# bakuastana check: {title}\n\n")
    coverage = "n/a" if summary["coverage"] is None else f"{summary['coverage']:.0%}"
    out.write(f"**{summary['errors']} errors, {summary['warnings']} warnings, {summary['infos']} notes** "
              f"over {summary['facts']} facts and {summary['relations']} relations; coverage {coverage}.\n\n")
    for note in report.notes:
        out.write(f"> note: {note}\n\n")
    for severity in ("error", "warning", "info"):
        findings = [f for f in report.findings if f.severity == severity]
        if not findings:
            continue
        out.write(f"## {severity.capitalize()}s ({len(findings)})\n\n")
        out.write("| code | where | finding | article says | fix |\n|---|---|---|---|---|\n")
        for finding in findings:
            where = finding.span or finding.location
            place = f"{where.path}:{where.line}:{where.column}" if where else ""
            quoted = _quoted(finding)
            out.write(f"| {finding.code} {finding.rule} | {_cell(place)} | {_cell(finding.message)} | "
                      f"{_cell(quoted)} | {_cell(finding.fix)} |\n")
        out.write("\n")
