"""GitHub Actions workflow annotations, one line per finding."""

from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def write_github(report, out) -> None:
    for finding in report.findings:
        where = finding.span or finding.location
        props = []
        if where is not None:
            props.append(f"file={_escape(where.path, property_value=True)}")
            props.append(f"line={where.line}")
            props.append(f"col={where.column}")
            if where.end_line is not None:
                props.append(f"endLine={where.end_line}")
                props.append(f"endColumn={where.end_column}")
        props.append(f"title={_escape(f'{finding.code} {finding.rule}', property_value=True)}")
        message = finding.message + (f" (fix: {finding.fix})" if finding.fix else "")
        out.write(f"::{LEVELS[finding.severity]} {','.join(props)}::{_escape(message)}\n")
