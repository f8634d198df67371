"""The detailed view of a check (`--format full`): each finding with its rule, facts, quote, arithmetic and fix."""

from __future__ import annotations

from bakuastana.render.concise import INDENT, place, shown, summary_line, wrap, write_lines


def write_full(report, out, *, color: bool = False, width: int | None = None, show_infos: bool = True) -> None:
    """Every finding (infos too unless `show_infos` is False) as a block of wrapped lines: nothing is cut."""
    for finding in shown(report, show_infos):
        lines = wrap(f"{place(finding)}: {finding.code} {finding.severity}: {finding.headline()}", width)
        details = [("rule", finding.rule), ("facts", ", ".join(finding.facts) or None),
                   ("article", f"«{finding.quote}»" if finding.quote else None), ("detail", finding.detail())]
        if finding.detail() is None:
            details += [("stated", finding.stated), ("computed", finding.computed)]
        details.append(("fix", finding.fix))
        if finding.span is not None and finding.location is not None:
            where = finding.location
            details.insert(1, ("store", f"{where.path}:{where.line}:{where.column}"))
        for label, value in details:
            if value:
                lines += wrap(f"{INDENT}{label}: {value}", width, INDENT * 2)
        write_lines(out, lines, finding.severity, color)
        out.write("\n")
    out.write("\n".join(wrap(summary_line(report, show_infos), width)) + "\n")
