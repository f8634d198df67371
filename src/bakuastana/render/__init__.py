"""Renderers: the same findings as concise lines, a full view, a table, JSON, JSONL, Markdown, GitHub
annotations, SARIF, JUnit XML or an HTML report."""

from importlib import import_module

# format -> (module, writer, what the writer takes beside the report and `out`): imported only when used
WRITERS = {
    "concise": ("concise", "write_concise", ("color", "width", "show_infos")),
    "full": ("full", "write_full", ("color", "width")),
    "table": ("table", "write_table", ("color", "width")),
    "json": ("jsonout", "write_json", ()),
    "jsonl": ("jsonout", "write_jsonl", ()),
    "markdown": ("markdown", "write_markdown", ()),
    "github": ("github", "write_github", ()),
    "sarif": ("sarif", "write_sarif", ()),
    "junit": ("junit", "write_junit", ()),
    "html": ("html", "write_html", ()),
}
FORMATS = tuple(WRITERS)


def render(report, fmt: str, out, *, color: bool = False, width: int | None = None, show_infos: bool = False) -> None:
    """Write a check report to `out` in one of FORMATS (the concise view prints infos only with `show_infos`;
    the full view and the machine formats always have them)."""
    module, name, takes = WRITERS.get(fmt, WRITERS["table"])
    writer = getattr(import_module(f"bakuastana.render.{module}"), name)
    options = {"color": color, "width": width, "show_infos": show_infos}
    writer(report.fields() if fmt == "json" else report, out, **{key: options[key] for key in takes})
