"""GitHub Actions workflow annotations, one line per finding."""

from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def annotation(finding: dict) -> str:
    """The workflow command for one finding, given as its JSON dict (`Finding.to_dict()`)."""
    where = finding["span"] or finding["location"]
    props = []
    if where is not None:
        props += [f"file={escape(where['path'], property_value=True)}", f"line={where['line']}",
                  f"col={where['column']}"]
        if where.get("end_line") is not None:
            props += [f"endLine={where['end_line']}", f"endColumn={where['end_column']}"]
    props.append(f"title={escape(finding['code'] + ' ' + finding['rule'], property_value=True)}")
    message = finding["message"] + (f" (fix: {finding['fix']})" if finding["fix"] else "")
    return f"::{LEVELS[finding['severity']]} {','.join(props)}::{escape(message)}\n"


def write_github(report, out) -> None:
    for finding in report.findings:
        out.write(annotation(finding.to_dict()))
