"""The command line: parses arguments, calls the engine, hands results to a renderer. Nothing else."""

import io
import os
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from bakuastana.cli import gcpause

if os.path.basename(sys.argv[0]) in ("bakuastana", "__main__.py"):  # run as the tool, not imported
    # Ctrl-C while the imports below still run ends quietly; main() restores the usual handler.
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    if os.path.basename(sys.argv[0]) == "bakuastana":  # the console script, not `python -m pytest`
        gcpause.pause_imports()  # what the imports below build lives as long as the program; main() resumes

import typer  # after the quiet Ctrl-C handler

from bakuastana.cli import clifast

app = typer.Typer(
    name="bakuastana",
    help="Fact-checker and figure calculator for news articles: recomputes every figure with "
         "rounding-aware interval arithmetic and checks the text.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False, "program": False}  # program: main() runs as the program, its process ends with it


class Format(StrEnum):
    concise = "concise"
    full = "full"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    html = "html"


class Level(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


FactsOption = Annotated[Path | None, typer.Option(
    "--facts", "-f", help="Fact store (default: ./facts.yaml, else the bundled seed store).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
FormatJsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (alias of --format json).")]


def _progress_bar(what: str):
    """A context giving `progress(done, total)`: a rich progress bar on stderr when stderr is a terminal (drawn
    once the work has taken half a second), else None (quiet)."""
    from contextlib import nullcontext

    if not sys.stderr.isatty():
        return nullcontext(None)
    from bakuastana.render.progress import ProgressBar

    return ProgressBar(what)


def _use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _width() -> int | None:
    """The output width: $COLUMNS when set, else the terminal's, else None (renderers choose)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 40:
        return int(columns)
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size((100, 24)).columns
    return None


def _version(value: bool) -> None:
    if value:
        from bakuastana import __version__

        typer.echo(f"bakuastana {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    version: Annotated[bool, typer.Option("--version", "-V", help="Print the version and exit.", callback=_version,
                                          is_eager=True)] = False,
) -> None:
    _state["debug"] = debug


@app.command()
def check(
    target: Annotated[Path | None, typer.Argument(
        help="An article text checked on its own (with ARTICLE.facts.yaml, .yaml or .json beside it, else a draft "
             "made in memory as init makes it); or many pairs: a folder (each ARTICLE.txt with ARTICLE.facts.yaml "
             "or ARTICLE.yaml beside it) or a YAML/JSON manifest listing {article, facts}.",
        show_default=False)] = None,
    facts: FactsOption = None,
    article: Annotated[Path | None, typer.Option(
        "--article", "-a", help="Check the store against this article or edited draft.")] = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", help="Output format: concise (default: one line per finding), full (with the arithmetic, "
                         "quote and fix), table, json, jsonl, markdown, github, sarif, junit, html (an editor's "
                         "report page: the article with each finding in place, and the series charts).",
        show_default=False)] = None,
    as_json: FormatJsonOption = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the output to this file (atomically, replacing it) instead of stdout.",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 whatever the findings.")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rule codes, prefixes or names, comma-separated or repeated (e.g. N,C101).",
        metavar="CODES", show_default=False)] = None,
    extend_select: Annotated[list[str] | None, typer.Option(
        "--extend-select", help="Add these codes to the selection (the config's or all).", metavar="CODES",
        show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Leave out these rule codes, prefixes or names (e.g. C103,N101).", metavar="CODES",
        show_default=False)] = None,
    level: Annotated[Level | None, typer.Option(
        "--level", help="Only findings of this severity or worse: info, warning, error.", show_default=False)] = None,
    show_infos: Annotated[bool, typer.Option(
        "--show-infos", help="Print infos (holds, implied values) in the concise view too.")] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Print how many findings of each code instead of the findings.")] = False,
    show_settings: Annotated[bool, typer.Option(
        "--show-settings", help="Print the settings in force (config file, rules, ignores) and exit.")] = False,
    isolated: Annotated[bool, typer.Option(
        "--isolated", help="Read no pyproject.toml or bakuastana.toml.")] = False,
    show_todos: Annotated[bool, typer.Option(
        "--show-todos", help="With no store (a draft made in memory), show its TODOs (S102) too.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="With no store (a draft made in memory): the publication date YYYY-MM-DD, as for "
                            "init.")] = None,
    cross: Annotated[bool, typer.Option(
        "--cross", help="Check TARGET (a folder, a manifest or an index made by `index`) as one archive: the "
                        "cross-article rules (X101-X104) compare its articles' facts.")] = False,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="SCHEDULER", help="Check TARGET's articles on a Dask cluster: a scheduler's address "
        "(tcp://host:8786), or local for a local cluster of --workers processes (default 2). Needs "
        "pip install 'bakuastana[dask]'.", show_default=False)] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, metavar="N",
        help="Processes checking TARGET's articles (default: the cores; 2 with --dask local).",
        show_default=False)] = None,
    allow_outside: Annotated[bool, typer.Option(
        "--allow-outside", help="Let a manifest TARGET name articles and stores outside its own folder.")] = False,
) -> None:
    """Run every rule over the fact store (and the article); print the findings. With TARGET, check every
    (article, store) pair of a folder or manifest in parallel and print a summary per article."""
    from bakuastana.cli.config import settings

    if as_json and fmt not in (None, Format.json):
        raise typer.BadParameter(f"--json cannot be combined with --format {fmt.value} (use one of them)")
    if cross:
        _check_cross(target, fmt, as_json, select, strict, exit_zero, workers)

    # TARGET an article, checked on its own (no fallback to a default store): no batch runner to import
    article_target = target is not None and _is_article(target)
    if article_target:
        if article is not None:
            raise typer.BadParameter("TARGET is an article; it cannot be combined with --article")
        target, article = None, target
    fmt_name = "json" if as_json else (fmt or Format.concise).value
    start = article or facts or target or Path.cwd()  # the config is looked for upward from here
    in_force = settings(Path(start), select=select or (), extend_select=extend_select or (),
                        ignore=ignore or (), level=level.value if level else None, show_infos=show_infos,
                        isolated=isolated)
    if show_settings:
        from bakuastana.render.jsonout import write_json

        write_json(in_force.to_dict(), sys.stdout)
        raise typer.Exit(0)
    chosen = in_force.codes()
    if (dask is not None or workers is not None) and target is None:
        raise typer.BadParameter("--dask and --workers check the articles of a folder or manifest TARGET")
    if target is not None:
        from bakuastana.cli.batch import BatchStream, Totals, find_pairs
        from bakuastana.render.batchout import render_batch

        if facts is not None or article is not None:
            raise typer.BadParameter("TARGET checks the pairs it lists; it cannot be combined with --facts or "
                                     "--article")
        if fmt_name == "html":
            raise typer.BadParameter("--format html reports one article: check each with --article (or ARTICLE.txt)")
        import contextlib
        import tempfile

        pairs, totals = find_pairs(target, allow_outside), Totals()
        # each result is written as it comes, in order, and only the totals are kept: memory stays flat; with -o
        # the output is spooled to a temporary file, then written in place at once
        with _progress_bar("articles") as progress, contextlib.ExitStack() as spool:
            out = sys.stdout if output is None else spool.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))
            results = iter(BatchStream(pairs, chosen, workers, progress, in_force, dask))
            try:
                render_batch(results, totals, fmt_name, out, color=_use_color() and output is None,
                             width=_width() if output is None else None, show_infos=in_force.show_infos)
            except (BrokenPipeError, _PipeClosed):  # the reader has gone (| head -1): the exit code still counts
                for result in results:  # every pair, as a run that was read to the end would
                    totals.add(result)
                _state["exit"] = totals.exit_code(strict, exit_zero)
                raise
            if output is not None:
                from bakuastana.cli.files import write_atomic

                out.seek(0)
                write_atomic(output, out, force=True)
        raise typer.Exit(totals.exit_code(strict, exit_zero))
    with gcpause.paused_collection(exiting=_state["program"]):  # the engine's imports too
        from bakuastana.cli.config import apply
        from bakuastana.cli.inputs import check_files
        from bakuastana.render import render

        with _progress_bar("rules") as progress:
            report = check_files(facts, article, chosen, show_todos=show_todos, default_store=not article_target,
                                 published=_published(published), keep_inputs=fmt_name == "html",
                                 about_tolerance=in_force.about_tolerance, progress=progress)
        apply(report, in_force)
        for note in report.notes:
            typer.echo(f"note: {note}", err=True)
        code = 0 if exit_zero else report.exit_code(strict)
        _state["exit"] = code  # what to exit with if the reader closes the pipe while we print
        out = sys.stdout if output is None else io.StringIO()
        if statistics:
            from bakuastana.render.concise import write_statistics

            write_statistics(report, out, show_infos=in_force.show_infos or fmt_name != "concise")
        else:
            render(report, fmt_name, out, color=_use_color() and output is None,
                   width=_width() if output is None else None, show_infos=in_force.show_infos)
        if output is not None:
            from bakuastana.cli.files import write_atomic

            write_atomic(output, out.getvalue(), force=True)
    raise typer.Exit(code)


def _is_article(target: Path) -> bool:
    """A target that is a file but no manifest (.yaml, .yml, .json): an article to check on its own."""
    return target.is_file() and target.suffix.lower() not in (".yaml", ".yml", ".json")


def _check_cross(target: Path | None, fmt, as_json: bool, select: list[str] | None, strict: bool,
                 exit_zero: bool, workers: int | None) -> None:
    """`check ARCHIVE --cross`: the cross-article findings of a folder, manifest or index; exits."""
    from bakuastana.archive.cross import check_archive
    from bakuastana.archive.index import ARCHIVE_SUFFIXES, analyse_items, archive_items
    from bakuastana.archive.query import open_archive, read_articles
    from bakuastana.render.archiveout import write_cross

    if target is None:
        raise typer.BadParameter("--cross needs TARGET: a folder, a manifest or an archive index")
    fmt_name = "json" if as_json else (fmt.value if fmt else "concise")
    if fmt_name not in ("concise", "json"):
        raise typer.BadParameter("--cross prints concise or json")
    if target.suffix.lower() in ARCHIVE_SUFFIXES:
        db = open_archive(target)
        articles = read_articles(db)
        db.close()
    else:
        articles = list(analyse_items(archive_items(target), workers or os.cpu_count() or 1))
    for article in articles:
        if article.error is not None:
            typer.echo(article.error, err=True)
    words = {word.strip() for item in select or () for word in item.split(",") if word.strip()}
    findings = check_archive(articles, words or None)
    write_cross(findings, sys.stdout, fmt=fmt_name, color=_use_color(), width=_width(),
                articles=sum(1 for article in articles if article.error is None))
    if any(article.error is not None for article in articles):
        raise typer.Exit(2)
    failing = any(f.severity == "error" or (strict and f.severity == "warning") for f in findings)
    raise typer.Exit(0 if exit_zero or not failing else 1)


@app.command()
def index(
    archive: Annotated[Path, typer.Argument(
        help="A folder of articles (each ARTICLE.txt with its store beside it, else read as a draft made in "
             "memory) or a YAML/JSON manifest of {article, facts}.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The SQLite index to write or update.")] = Path(
        "archive.sqlite"),
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Processes reading the articles (default: the cores).", show_default=False)] = None,
    rebuild: Annotated[bool, typer.Option(
        "--rebuild", help="Start a new index at OUTPUT (an existing one is removed) instead of updating it.")] = False,
) -> None:
    """Index every article of an archive (its facts, subjects, periods and values) into one SQLite database;
    an unchanged article is skipped."""
    from bakuastana.archive.index import build_index
    from bakuastana.render.archiveout import index_line

    with _progress_bar("articles") as progress:
        report = build_index(archive, output, workers or os.cpu_count() or 1, progress=progress, rebuild=rebuild)
    for error in report.errors:
        typer.echo(error, err=True)
    typer.echo(index_line(report, str(output)))
    raise typer.Exit(2 if report.errors else 0)


@app.command()
def calc(
    expression: Annotated[str, typer.Argument(help='e.g. "trade_2024 / (1 + trade_2024_growth)", '
                                                   '"400 Tbit/s to TB/day".')],
    facts: FactsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Calculate with stored facts and literals, units included; results are intervals."""
    from bakuastana.analysis.calc import calculate
    from bakuastana.cli.inputs import read_store
    from bakuastana.render.calcout import write_calc

    result = calculate(expression, read_store(facts))
    write_calc(result, sys.stdout, as_json=as_json)


@app.command()
def show(
    topic: Annotated[str | None, typer.Argument(help="A topic such as trade or oil; omit it to list topics.")] = None,
    facts: FactsOption = None,
    as_json: JsonOption = False,
    archive: Annotated[Path | None, typer.Option(
        "--archive", help="Show the measure across the articles of this index (made by `index`).",
        show_default=False)] = None,
) -> None:
    """One topic's facts with stated, normalised and implied values, check status and a chart."""
    if archive is not None:
        _show_archive(topic, archive, facts, as_json)
        return
    from bakuastana.analysis.show import show_topic, topics
    from bakuastana.cli.inputs import read_store
    from bakuastana.render.showout import write_topic, write_topics

    store = read_store(facts)
    if topic is None:
        write_topics(topics(store), sys.stdout, as_json=as_json, color=_use_color(), width=_width())
    else:
        write_topic(show_topic(store, topic), sys.stdout, as_json=as_json, color=_use_color(), width=_width())


def _show_archive(topic: str | None, archive: Path, facts: Path | None, as_json: bool) -> None:
    """`show [MEASURE] --archive FILE`: the index's measures, or one measure's values across its articles."""
    from bakuastana.archive.query import measures, open_archive, require_topic
    from bakuastana.render.archiveout import write_archive_topic, write_measures

    if facts is not None:
        raise typer.BadParameter("--archive shows an index; it cannot be combined with --facts")
    db = open_archive(archive)
    try:
        if topic is None:
            write_measures(measures(db), sys.stdout, as_json=as_json)
        else:
            write_archive_topic(topic, require_topic(db, topic, str(archive)), sys.stdout, as_json=as_json,
                                color=_use_color(), width=_width())
    finally:
        db.close()


@app.command()
def rules(as_json: JsonOption = False) -> None:
    """List every rule code with its one-line summary."""
    from bakuastana.render.rulesout import write_rules

    write_rules(sys.stdout, as_json=as_json)


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code such as T101, or its name.")],
    as_json: JsonOption = False,
) -> None:
    """What a rule checks, why, an example, and how to fix it."""
    from bakuastana.render.rulesout import find_rule, write_explanation

    write_explanation(find_rule(code), sys.stdout, as_json=as_json)


@app.command()
def init(
    article: Annotated[Path, typer.Argument(help="The article text (UTF-8, or Windows-1251 with a note).")],
    output: Annotated[str, typer.Option(
        "--output", "-o", help='Where to write the draft store; "-" prints it.')] = "facts.yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD (resolves this_year, last_year, until now).")] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print what was drafted as JSON (with the YAML as \"text\" when -o -).")] = False,
) -> None:
    """Draft a fact store for a new article: every figure bound to its quote, periods, measures, names, TODOs."""
    from bakuastana.cli.files import write_atomic
    from bakuastana.draft import draft_store, draft_yaml
    from bakuastana.render.initout import write_draft
    from bakuastana.text.article import read_article

    draft = draft_store(read_article(article), _published(published))
    text = draft_yaml(draft)
    if output != "-":
        write_atomic(output, text, force=force)
    write_draft(draft, text, output, sys.stdout, as_json=as_json)
    if not as_json and output != "-":
        typer.echo(f"wrote {output}: {len(draft.facts)} facts ({draft.todos} with a todo), {len(draft.names)} names; "
                   f"from its claims: relations {len(draft.relations)}, implied values {len(draft.derived)}; "
                   f"review it, then run `bakuastana check --facts {output} --article {article}`", err=True)


def _published(value: str | None):
    """The --published date, or None; bad input when it is not YYYY-MM-DD."""
    from datetime import date

    from bakuastana.errors import BadInput

    try:
        return None if value is None else date.fromisoformat(value)
    except ValueError:
        raise BadInput(f'--published must be a date YYYY-MM-DD, got "{value}"') from None


@app.command()
def extract(
    article: Annotated[Path, typer.Argument(help="The article text (UTF-8, or Windows-1251 with a note).")],
    facts: Annotated[Path | None, typer.Option(
        "--facts", "-f", help="Bind each figure to its fact in this store.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Every figure in a text (digits, scale words, number words, ordinals, dates, hedges), with its place."""
    from bakuastana.analysis.extract import extract as run_extract
    from bakuastana.render.extractout import write_extraction
    from bakuastana.store.load import load_store
    from bakuastana.text.article import read_article

    text = read_article(article)
    extraction = run_extract(text, load_store(facts) if facts is not None else None)
    if extraction.note:
        typer.echo(f"note: {extraction.path}: {extraction.note}", err=True)
    write_extraction(extraction, sys.stdout, as_json=as_json, color=_use_color(), width=_width())


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one clear line and exit 2 for bad input, quiet on broken pipes and Ctrl-C."""
    from bakuastana.errors import BadInput

    signal.signal(signal.SIGINT, signal.default_int_handler)
    _state["program"] = argv is None  # not a caller's in-process run
    command = typer.main.get_command(app)
    clifast.install(command)  # keeps pydantic (typer's coercion) out of start-up
    gcpause.resume_after_imports()
    args = sys.argv[1:] if argv is None else argv
    stdout = sys.stdout
    sys.stdout = _PipeGuard(stdout)
    try:
        code = command.main(args, prog_name="bakuastana", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.TyperException as exc:  # usage errors: unknown command or option, bad value
        _usage_error(exc)
        code = 2
    except BadInput as exc:
        sys.stderr.write(f"{exc}\n")
        code = 2
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("\n")
        code = 130
    except (BrokenPipeError, _PipeClosed):
        _silence_stdout()
        code = _state.get("exit", 0)
    except Exception as exc:  # a bug: one line, the traceback only with --debug
        if _state["debug"] or "--debug" in args:
            raise
        sys.stderr.write(f"bakuastana: internal error: {type(exc).__name__}: {exc} "
                         "(please report it with the command you ran; --debug shows the traceback)\n")
        code = 2
    finally:
        sys.stdout = stdout
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    if _state["program"]:  # the process exits next
        gcpause.no_collection_at_exit()
    sys.exit(code if isinstance(code, int) else 0)


class _PipeClosed(Exception):
    """The reader of stdout has gone (`| head`): not an OSError, so typer does not turn it into exit 1."""


class _PipeGuard:
    """stdout, with a closed pipe reported as _PipeClosed to main()."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise _PipeClosed from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise _PipeClosed from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _usage_error(exc: Exception) -> None:
    """Bad usage in one line (`bakuastana` alone still prints the help)."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        exc.show()
        return
    ctx = getattr(exc, "ctx", None)
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    message = " ".join(exc.format_message().split())
    sys.stderr.write(f"error: {message}{hint}\n")


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, point stdout at devnull so exiting prints nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
