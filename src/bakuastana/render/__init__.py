"""Renderers: the same findings as a table, JSON, JSONL, Markdown, GitHub annotations or an HTML report."""

FORMATS = ("table", "json", "jsonl", "markdown", "github", "html")


def render(report, fmt: str, out, *, color: bool = False, width: int | None = None) -> None:
    """Write a check report to `out` in one of FORMATS."""
    if fmt == "html":
        from bakuastana.render.html import write_html

        write_html(report, out)
    elif fmt == "json":
        from bakuastana.render.jsonout import write_json

        write_json(report.fields(), out)
    elif fmt == "jsonl":
        from bakuastana.render.jsonout import write_jsonl

        write_jsonl(report, out)
    elif fmt == "markdown":
        from bakuastana.render.markdown import write_markdown

        write_markdown(report, out)
    elif fmt == "github":
        from bakuastana.render.github import write_github

        write_github(report, out)
    else:
        from bakuastana.render.table import write_table

        write_table(report, out, color=color, width=width)
