"""The default view of a check: one `path:line:col: CODE severity: message` line per finding, and a summary."""

from __future__ import annotations

import os
import textwrap

COLORS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}
RESET = "\033[0m"
INDENT = "    "


def display_path(path: str) -> str:
    """`path` relative to the current folder when it lies under it, else as given."""
    if not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith("..") else relative


def place(finding) -> str:
    where = finding.where()
    return f"{display_path(where.path)}:{where.line}:{where.column}" if where else "-"


def shown(report, show_infos: bool) -> list:
    """The findings a text view prints: errors and warnings, infos only with `show_infos`."""
    return [finding for finding in report.findings if show_infos or finding.severity != "info"]


def wrap(text: str, width: int | None, indent: str = INDENT) -> list[str]:
    """`text` as lines of at most `width` characters (later lines indented), every word kept (a word longer
    than a line is split); one line when `width` is None (piped output)."""
    if width is None:
        return [text]
    return textwrap.wrap(text, width=max(width, len(indent) + 10), subsequent_indent=indent,
                         break_on_hyphens=False) or [""]


def severity_label(severity: str, color: bool) -> str:
    return f"{COLORS[severity]}{severity}{RESET}" if color else severity


def write_concise(report, out, *, color: bool = False, width: int | None = None, show_infos: bool = False) -> None:
    for finding in shown(report, show_infos):
        line = f"{place(finding)}: {finding.code} {finding.severity}: {finding.headline()}"
        write_lines(out, wrap(line, width), finding.severity, color)
    out.write("\n".join(wrap(summary_line(report, show_infos), width)) + "\n")


def write_lines(out, lines: list[str], severity: str, color: bool) -> None:
    """Wrapped lines, the severity word coloured where it first appears when `color`."""
    text = "\n".join(lines)
    if color:
        text = text.replace(f" {severity}:", f" {severity_label(severity, True)}:", 1)
    out.write(text + "\n")


def summary_line(report, show_infos: bool) -> str:
    """"Found 1 error, 3 warnings (12 infos hidden: --show-infos)"; "No errors or warnings" when clean."""
    summary = report.summary()
    infos = summary["infos"]
    text = found(summary, show_infos)
    scope = f" in {plural(summary['facts'], 'fact')}, {plural(summary['relations'], 'relation')}"
    if summary["coverage"] is not None:
        scope += f", coverage {summary['coverage']:.0%}"
    hidden = f" ({plural(infos, 'info')} hidden: --show-infos)" if infos and not show_infos else ""
    return text + scope + hidden


def found(summary: dict, show_infos: bool) -> str:
    """"Found 1 error, 3 warnings" (infos too with `show_infos`) from a summary's counts; "No errors or warnings"."""
    parts = [part for part in (plural(summary["errors"], "error"), plural(summary["warnings"], "warning"))
             if not part.startswith("0 ")]
    if show_infos and summary["infos"]:
        parts.append(plural(summary["infos"], "info"))
    return f"Found {', '.join(parts)}" if parts else "No errors or warnings"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def write_statistics(report, out, *, show_infos: bool = False) -> None:
    """How many findings of each code, most first: `count  CODE  name  severity`, as `ruff --statistics`."""
    counts: dict[str, list] = {}
    for finding in shown(report, show_infos):
        counts.setdefault(finding.code, [0, finding.rule, finding.severity])[0] += 1
    rows = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    wide = max((len(str(count)) for count, _, _ in counts.values()), default=1)
    for code, (count, rule, severity) in rows:
        out.write(f"{count:>{wide}}  {code}  {severity:<7}  {rule}\n")
